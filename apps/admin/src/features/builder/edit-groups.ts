import type { DraftAction } from "./draft";

/**
 * Which draft changes are one user action, i.e. one undo step (see historyReducer's `group`):
 * - everything dispatched in one task of the event loop: a Delete removes the edges and then the
 *   steps in two changes, a paste may add many steps and edges, a drag of several steps moves them;
 * - a typing session: edits of one step from one focused text field, until the field loses focus or
 *   another change comes between. The field keeps its own fine-grained undo (the browser's, see
 *   use-builder-shortcuts.ts); the canvas history only ever steps over whole sessions.
 */
export interface EditGrouper {
  groupFor: (action: DraftAction) => string;
  /** The field lost focus: its next edit starts a new session. */
  endSession: (field: object) => void;
}

export function createEditGrouper({
  activeField,
  defer,
}: {
  /** The focused text field, if any (an element; any object identifies it). */
  activeField: () => object | null;
  /** Runs a function after the current task (setTimeout 0 in the browser). */
  defer: (fn: () => void) => void;
}): EditGrouper {
  let task = 0;
  let taskOpen = false;
  let lastSession = 0;
  const sessions = new WeakMap<object, number>();

  const sessionOf = (field: object) => {
    let id = sessions.get(field);
    if (id === undefined) {
      id = ++lastSession;
      sessions.set(field, id);
    }
    return id;
  };

  return {
    groupFor(action) {
      const field = action.type === "update_step" ? activeField() : null;
      if (field && action.type === "update_step") return `field:${sessionOf(field)}:${action.id}`;
      if (!taskOpen) {
        task++;
        taskOpen = true;
        defer(() => {
          taskOpen = false;
        });
      }
      return `task:${task}`;
    },
    endSession(field) {
      sessions.delete(field);
    },
  };
}

const TEXT_INPUT_TYPES = new Set(["text", "search", "url", "tel", "email", "password", "number", ""]);

/** A field the user types into (its edits form sessions), as opposed to a select or a checkbox. */
export function isTextEntry(el: Element | null): el is HTMLElement {
  if (!el) return false;
  if ((el as HTMLElement).isContentEditable) return true;
  if (el.tagName === "TEXTAREA") return true;
  return el.tagName === "INPUT" && TEXT_INPUT_TYPES.has((el as HTMLInputElement).type);
}
