import { router, workspaceProcedure } from "../../trpc";
import { presenceListOutput, presenceOutput, setPresenceInput } from "./schemas";
import { choosePresence, heartbeat, presenceOfMembers } from "./service";

/** Every member's own presence (online / away / offline), and everyone's for the team. */
export const presenceRouter = router({
  heartbeat: workspaceProcedure.output(presenceOutput).mutation(({ ctx }) => heartbeat(ctx)),
  set: workspaceProcedure
    .input(setPresenceInput)
    .output(presenceOutput)
    .mutation(({ ctx, input }) => choosePresence(ctx, input.status)),
  list: workspaceProcedure.output(presenceListOutput).query(({ ctx }) => presenceOfMembers(ctx)),
});
