// The large flow with a busy step that the builder's performance is measured on (perf-check.mjs) and
// tested with (e2e builder-large-flow.spec.ts): `count` steps in columns of ten, every third a menu
// whose "A" goes on and whose "B" goes back to the start step, the others text steps in a chain.

/** A `switchboard.flow` document of `count` steps. */
export function hubFlow(count) {
  const steps = [];
  const edges = [];
  for (let i = 0; i < count; i++) {
    const id = `s${i}`;
    const position = { x: Math.floor(i / 10) * 340, y: (i % 10) * 220 };
    if (i % 3 === 1) {
      steps.push({
        id,
        type: "buttons",
        title: `Menu ${i}`,
        position,
        aliases: [],
        config: {
          text: `Question ${i}?`,
          keyboard: "inline",
          columns: 1,
          retryText: "Pick one.",
          buttons: [
            { id: "a", kind: "goto", label: "A" },
            { id: "b", kind: "goto", label: "B" },
          ],
        },
      });
      if (i + 1 < count)
        edges.push({ id: `e${i}a`, source: id, sourceHandle: "button:a", target: `s${i + 1}` });
      edges.push({ id: `e${i}b`, source: id, sourceHandle: "button:b", target: "s0" });
    } else {
      steps.push({
        id,
        type: "text",
        title: `Step ${i}`,
        position,
        aliases: [],
        config: { text: `Message number ${i}` },
      });
      if (i + 1 < count) edges.push({ id: `e${i}`, source: id, sourceHandle: "next", target: `s${i + 1}` });
    }
  }
  return { format: "switchboard.flow", version: 1, entryStepId: "s0", steps, edges };
}
