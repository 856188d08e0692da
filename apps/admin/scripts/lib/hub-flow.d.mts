/** See hub-flow.mjs: the large flow with a busy step (every menu's "B" leads back to the start step). */
export function hubFlow(count: number): {
  format: "switchboard.flow";
  version: 1;
  entryStepId: string;
  steps: Record<string, unknown>[];
  edges: { id: string; source: string; sourceHandle: string; target: string }[];
};
