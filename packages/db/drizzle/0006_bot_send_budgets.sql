CREATE TABLE "bot_send_budgets" (
	"bot_id" uuid PRIMARY KEY NOT NULL,
	"tat" timestamp with time zone NOT NULL,
	"rate" real NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bot_send_budgets" ADD CONSTRAINT "bot_send_budgets_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;