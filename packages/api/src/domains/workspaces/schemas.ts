import { memberRole } from "@switchboard/db";
import { z } from "zod";
import { isStorableText } from "../flows/storable-text";

// ---- inputs ----

/** Omitted fields stay as they are. The time zone is checked by the service (an IANA name). */
export const updateWorkspaceSettingsInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the workspace a name.")
    .max(120)
    .refine(isStorableText, "The name contains a character that can't be saved.")
    .optional(),
  timeZone: z.string().trim().min(1, "Choose a time zone.").max(64).optional(),
});
export type UpdateWorkspaceSettingsInput = z.infer<typeof updateWorkspaceSettingsInput>;

export const switchWorkspaceInput = z.object({ workspaceId: z.uuid() });
export type SwitchWorkspaceInput = z.infer<typeof switchWorkspaceInput>;

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

/** The workspace's own settings. */
export const workspaceSettingsOutput = z.object({
  id: z.string(),
  name: z.string(),
  /** IANA time zone: Schedule steps run in it. */
  timeZone: z.string(),
});
export type WorkspaceSettingsOutput = z.infer<typeof workspaceSettingsOutput>;

/** The workspace's members, for owner pickers (leads, contacts) and the operator pools. */
export const workspaceMembersOutput = z.array(
  z.object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(memberRole.enumValues),
  }),
);
export type WorkspaceMembersOutput = z.infer<typeof workspaceMembersOutput>;

/** The caller's workspaces with their role in each, by name; `current`: the one calls work in now. */
export const workspaceListOutput = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    role: z.enum(memberRole.enumValues),
    current: z.boolean(),
  }),
);
export type WorkspaceListOutput = z.infer<typeof workspaceListOutput>;

/** The workspace the session works in now. */
export const switchWorkspaceOutput = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(memberRole.enumValues),
});
export type SwitchWorkspaceOutput = z.infer<typeof switchWorkspaceOutput>;
