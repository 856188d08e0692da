/* The steps of a conversation's flow, for "return to the bot at…" (the inbox). */

export interface StepOption {
  id: string;
  label: string;
}

/** A flow as `flows.targets` lists it: its live version's steps (what the core accepts). */
export interface LiveFlow {
  id: string;
  name: string;
  published: boolean;
  steps: readonly { id: string; title: string }[];
}

/** The live steps of the flow the conversation runs in, by title, else id; none when it isn't live. */
export function stepOptions(flows: readonly LiveFlow[] | undefined, flowId: string | null): StepOption[] {
  const flow = flowId ? flows?.find((f) => f.id === flowId) : undefined;
  if (!flow?.published) return [];
  return flow.steps.map((s) => {
    const title = s.title.trim();
    return { id: s.id, label: title ? `${title} (${s.id})` : s.id };
  });
}
