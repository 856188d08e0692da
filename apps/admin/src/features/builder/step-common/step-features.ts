import { definitionOf, type StepType } from "@switchboard/flow";

/* Which common fields a step type has, read from its config schema in the flow package. */

type Shape = Record<string, { safeParse: (v: unknown) => { success: boolean; data?: unknown } }>;

function configShape(type: StepType): Shape {
  const schema = definitionOf(type).configSchema as unknown as { shape?: Shape };
  return schema.shape ?? {};
}

/** The step can send a photo, video, audio or document with its text (`config.media`). */
export const acceptsMedia = (type: StepType): boolean => "media" in configShape(type);

/**
 * The step has an optional "no answer within" timeout (`config.timeout`, with a `timeout` output when
 * set). A step whose timeout is required (Login) edits it itself.
 */
export function acceptsAnswerTimeout(type: StepType): boolean {
  const field = configShape(type).timeout;
  if (!field) return false;
  const empty = field.safeParse(undefined);
  return empty.success && empty.data === undefined;
}
