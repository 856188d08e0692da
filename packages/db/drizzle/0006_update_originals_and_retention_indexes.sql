ALTER TABLE "processed_updates" ADD COLUMN "original" text;--> statement-breakpoint
CREATE INDEX "bot_logs_created_idx" ON "bot_logs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "processed_updates_received_idx" ON "processed_updates" USING btree ("created_at");