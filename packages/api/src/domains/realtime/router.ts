import { tracked } from "@trpc/server";
import { router, workspaceProcedure } from "../../trpc";
import { eventsInput, eventsOutput } from "./schemas";
import { eventsAfter, latestEventId, roleFilter } from "./service";

const BATCH = 200;

export const realtimeRouter = router({
  /**
   * The inbox's live feed over SSE: new messages, waiting conversations, assignments, presence, notes.
   * Starts at the newest event (or after `lastEventId` when the client reconnects, so it misses
   * nothing); only the caller's workspace, filtered by role.
   */
  events: workspaceProcedure
    .input(eventsInput)
    .output(eventsOutput)
    .subscription(async function* ({ ctx, input, signal }) {
      const abort = signal ?? new AbortController().signal;
      let wake: (() => void) | null = null;
      let pending = false;
      // Listen before reading, so an event committed in between still wakes us.
      await ctx.env.realtime().watch(
        ctx.workspaceId,
        () => {
          pending = true;
          wake?.();
        },
        abort,
      );
      let last = input?.lastEventId ? Number(input.lastEventId) : await latestEventId(ctx);
      const visible = roleFilter(ctx);
      while (!abort.aborted) {
        pending = false;
        const batch = await eventsAfter(ctx, last, BATCH);
        for (const e of batch) {
          last = e.id;
          if (await visible(e)) yield tracked(String(e.id), e);
        }
        if (batch.length === BATCH || pending) continue;
        await new Promise<void>((resolve) => {
          const onAbort = () => resolve();
          wake = () => {
            abort.removeEventListener("abort", onAbort);
            resolve();
          };
          abort.addEventListener("abort", onAbort, { once: true });
        });
        wake = null;
      }
    }),
});
