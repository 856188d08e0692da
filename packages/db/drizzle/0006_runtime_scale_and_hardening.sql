CREATE TABLE "sign_in_failures" (
	"email" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_send_budgets" (
	"bot_id" uuid PRIMARY KEY NOT NULL,
	"tat" timestamp with time zone NOT NULL,
	"rate" real NOT NULL
);
--> statement-breakpoint
ALTER TABLE "processed_updates" ADD COLUMN "original" text;--> statement-breakpoint
ALTER TABLE "bot_send_budgets" ADD CONSTRAINT "bot_send_budgets_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bot_logs_created_idx" ON "bot_logs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "processed_updates_received_idx" ON "processed_updates" USING btree ("created_at");