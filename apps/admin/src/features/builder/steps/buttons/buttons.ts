import type { Button as FlowButton, Problem } from "@switchboard/flow";
import { problemAt, urlError } from "../../fields/validation";

/** The list with the item at `index` swapped with its neighbour `delta` away; the same list at the ends. */
export function moveItem<T>(list: T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return list;
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** What's wrong with one button: the form's own checks first, then the compiler's problem about it. */
export function buttonErrors(b: FlowButton, index: number, problems: Problem[]) {
  const labelError = !b.label.trim() ? "Give the button a label." : undefined;
  const linkError = b.kind === "url" ? urlError(b.url) : undefined;
  return {
    labelError,
    urlError: linkError,
    error: labelError ?? linkError ?? problemAt(problems, `config.buttons.${index}`),
  };
}
