import type { FinalConnectionState } from "@xyflow/react";

/**
 * The connection a drag from an output should make when it was let go over a step's body rather than
 * its input dot (as Typebot does): from that output to the step under the pointer. Null when React
 * Flow connected it already (dropped on or near a dot), when the drag didn't start at an output, or
 * when it ended over no step or over the step it started from.
 */
export function connectionToBody(
  state: Pick<FinalConnectionState, "isValid" | "fromNode" | "fromHandle">,
  stepUnderPointer: string | null,
): { source: string; sourceHandle: string; target: string } | null {
  if (state.isValid || !state.fromNode || !state.fromHandle) return null;
  if (state.fromHandle.type !== "source" || !state.fromHandle.id) return null;
  if (!stepUnderPointer || stepUnderPointer === state.fromNode.id) return null;
  return { source: state.fromNode.id, sourceHandle: state.fromHandle.id, target: stepUnderPointer };
}

/** The id of the canvas node at a screen point, if any. */
export function nodeIdAt(event: MouseEvent | TouchEvent): string | null {
  const point = "changedTouches" in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const el = document.elementFromPoint(point.clientX, point.clientY);
  return el?.closest<HTMLElement>(".react-flow__node")?.dataset.id ?? null;
}
