import { memberRole } from "@switchboard/db";
import { z } from "zod";

// ---- outputs ----

/** The caller's workspace, their role in it, and who they are. */
export const currentWorkspaceOutput = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(memberRole.enumValues),
  userName: z.string(),
  email: z.string(),
});
export type CurrentWorkspaceOutput = z.infer<typeof currentWorkspaceOutput>;
