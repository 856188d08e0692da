import { describe, expect, it } from "vitest";
import type { PublishResult } from "./publish-result";
import { publishPillLabel, type ReleaseState, releaseReducer } from "./release-state";

const live = (liveVersion: number | null, unpublishedChanges = false): ReleaseState => ({
  liveVersion,
  unpublishedChanges,
});

describe("releaseReducer", () => {
  it("an edit marks a published flow's draft as unpublished until a save says otherwise", () => {
    const edited = releaseReducer(live(2), { type: "edited" });
    expect(edited).toEqual(live(2, true));
    // Undone back to the live content: the server compares and says so.
    expect(releaseReducer(edited, { type: "stored", unpublishedChanges: false })).toEqual(live(2));
  });

  it("a never-published flow has nothing to differ from", () => {
    expect(releaseReducer(live(null), { type: "edited" })).toEqual(live(null));
    expect(releaseReducer(live(null), { type: "stored", unpublishedChanges: true })).toEqual(live(null));
  });

  it("publish and rollback make their version live with nothing unpublished", () => {
    expect(releaseReducer(live(2, true), { type: "published", version: 3 })).toEqual(live(3));
    expect(releaseReducer(live(2, true), { type: "rolledBack", version: 1 })).toEqual(live(1));
  });
});

describe("publishPillLabel", () => {
  const v2: PublishResult = { ok: true, version: 2, warnings: 0 };

  it("reports a publish while its version is live and unedited", () => {
    expect(publishPillLabel(v2, live(2))).toBe("v2 published");
    expect(publishPillLabel({ ...v2, warnings: 1 }, live(2))).toBe("v2 published · 1 warning");
    expect(publishPillLabel({ ...v2, warnings: 3 }, live(2))).toBe("v2 published · 3 warnings");
  });

  it("says nothing about v2 once a rollback made v1 live (the badge and the pill agree)", () => {
    const afterRollback = releaseReducer(live(2), { type: "rolledBack", version: 1 });
    expect(publishPillLabel(v2, afterRollback)).toBeNull();
  });

  it("says nothing once the draft was edited (the unpublished-changes marker says it)", () => {
    expect(publishPillLabel(v2, live(2, true))).toBeNull();
  });

  it("keeps a refused publish's message", () => {
    expect(publishPillLabel({ ok: false, message: "Fix 1 error to publish" }, live(1))).toBe(
      "Fix 1 error to publish",
    );
    expect(publishPillLabel(null, live(1))).toBeNull();
  });
});
