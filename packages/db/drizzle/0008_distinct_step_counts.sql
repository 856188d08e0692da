ALTER TABLE "conversations" ADD COLUMN "counted_today" jsonb;--> statement-breakpoint
-- Canvas analytics now count each conversation once per counter and day, and "went on" has its own
-- counter (output '*'). Days counted before had none: their went-on is what they went on through,
-- the outputs that lead to a step in their version, as the figures computed it until now.
INSERT INTO "step_counts" ("flow_version_id", "bot_id", "day", "step_id", "output", "shard", "count")
SELECT sc."flow_version_id", sc."bot_id", sc."day", sc."step_id", '*', sc."shard", sum(sc."count")::int
FROM "step_counts" sc JOIN "flow_versions" fv ON fv."id" = sc."flow_version_id"
WHERE sc."output" NOT IN ('', '*')
  AND jsonb_typeof(fv."compiled" -> 'steps' -> sc."step_id" -> 'outputs' -> sc."output") = 'string'
GROUP BY sc."flow_version_id", sc."bot_id", sc."day", sc."step_id", sc."shard"
ON CONFLICT DO NOTHING;
