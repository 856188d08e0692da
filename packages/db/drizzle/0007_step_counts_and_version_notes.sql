CREATE TABLE "step_counts" (
	"flow_version_id" uuid NOT NULL,
	"bot_id" uuid NOT NULL,
	"day" date NOT NULL,
	"step_id" text NOT NULL,
	"output" text NOT NULL,
	"shard" smallint NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "step_counts_flow_version_id_day_step_id_output_bot_id_shard_pk" PRIMARY KEY("flow_version_id","day","step_id","output","bot_id","shard")
);
--> statement-breakpoint
ALTER TABLE "flow_versions" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "step_counts" ADD CONSTRAINT "step_counts_flow_version_id_flow_versions_id_fk" FOREIGN KEY ("flow_version_id") REFERENCES "public"."flow_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_counts" ADD CONSTRAINT "step_counts_bot_id_bots_id_fk" FOREIGN KEY ("bot_id") REFERENCES "public"."bots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "step_counts_bot_idx" ON "step_counts" USING btree ("bot_id");