DROP INDEX "messages_pending_idx";--> statement-breakpoint
DROP INDEX "processed_updates_pending_idx";--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "created_at" SET DEFAULT clock_timestamp();--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "leased_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "messages_pending_idx" ON "messages" USING btree ("conversation_id") WHERE "messages"."delivery_status" = 'pending';--> statement-breakpoint
CREATE INDEX "processed_updates_pending_idx" ON "processed_updates" USING btree ("bot_id","chat_id") WHERE "processed_updates"."processed_at" is null;