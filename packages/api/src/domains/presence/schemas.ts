import { memberRole, presenceStatus } from "@switchboard/db";
import { z } from "zod";

const status = z.enum(presenceStatus.enumValues);

export const setPresenceInput = z.object({ status });
export type SetPresenceInput = z.infer<typeof setPresenceInput>;

export const presenceOutput = z.object({
  /** What the caller chose. */
  status,
  /** What the team sees (and routing uses): the choice while a browser is connected, else offline. */
  effective: status,
});
export type PresenceOutput = z.infer<typeof presenceOutput>;

export const presenceListOutput = z.array(
  z.object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(memberRole.enumValues),
    /** What they chose (offline for a member who never connected). */
    status,
    /** What counts: offline when no browser of theirs was seen for two minutes. */
    presence: status,
    lastSeenAt: z.date().nullable(),
  }),
);
export type PresenceListOutput = z.infer<typeof presenceListOutput>;
