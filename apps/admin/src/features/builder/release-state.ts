import type { PublishResult } from "./publish-result";

/**
 * The one source of truth for "which version is live and does the draft differ from it". The
 * version badge, the unpublished-changes marker and the publish pill are all derived from it, so
 * they can't disagree (e.g. after a rollback the pill of an earlier publish no longer claims
 * "v2 published" while the badge says "v1 live").
 */
export interface ReleaseState {
  /** The live version's number; null until the first publish. */
  liveVersion: number | null;
  /** The draft's content differs from the live version's (always false when nothing is live). */
  unpublishedChanges: boolean;
}

export type ReleaseEvent =
  /** The flow as the server stored it (the builder opened, or a save answered). */
  | { type: "stored"; unpublishedChanges: boolean }
  /** The draft was edited in the builder and not saved yet: assume it differs until the save says. */
  | { type: "edited" }
  /** Publish made `version` live from the current draft. */
  | { type: "published"; version: number }
  /** A rollback made `version` live and put its source into the draft. */
  | { type: "rolledBack"; version: number };

export function releaseReducer(state: ReleaseState, event: ReleaseEvent): ReleaseState {
  switch (event.type) {
    case "stored":
      return { ...state, unpublishedChanges: state.liveVersion !== null && event.unpublishedChanges };
    case "edited":
      return state.liveVersion === null || state.unpublishedChanges
        ? state
        : { ...state, unpublishedChanges: true };
    case "published":
    case "rolledBack":
      return { liveVersion: event.version, unpublishedChanges: false };
  }
}

/**
 * What the pill next to Publish says, or null when it has nothing true to say: a successful publish
 * is only reported while that version is still live and the draft is still what was published
 * (otherwise the unpublished-changes marker and the badge tell the story).
 */
export function publishPillLabel(result: PublishResult | null, release: ReleaseState): string | null {
  if (!result) return null;
  if (!result.ok) return result.message;
  if (release.liveVersion !== result.version || release.unpublishedChanges) return null;
  return `v${result.version} published${result.warnings ? ` · ${result.warnings} warning${result.warnings === 1 ? "" : "s"}` : ""}`;
}
