/* The steps of a bot's flow, for "return to the bot at…" (the conversation page and the inbox). */

export interface StepOption {
  id: string;
  label: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The steps of a flow draft (`flows.get`), for "return to the bot at…": title, else type, and id. */
export function stepOptions(draft: unknown): StepOption[] {
  const steps = isObj(draft) && Array.isArray(draft.steps) ? draft.steps : [];
  return steps.filter(isObj).flatMap((s): StepOption[] => {
    if (typeof s.id !== "string" || !s.id) return [];
    const title = typeof s.title === "string" ? s.title.trim() : "";
    const type = typeof s.type === "string" ? s.type.replace(/_/g, " ") : "step";
    return [{ id: s.id, label: title ? `${title} (${s.id})` : `${type} (${s.id})` }];
  });
}
