CREATE TABLE "split_choices" (
	"conversation_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"branch_id" text NOT NULL,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "split_choices_conversation_id_step_id_pk" PRIMARY KEY("conversation_id","step_id")
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "flow_id" uuid;--> statement-breakpoint
ALTER TABLE "split_choices" ADD CONSTRAINT "split_choices_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "split_choices_step_idx" ON "split_choices" USING btree ("step_id","branch_id");--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE set null ON UPDATE no action;