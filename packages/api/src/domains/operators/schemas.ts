import { memberRole } from "@switchboard/db";
import { z } from "zod";

export const botInput = z.object({ botId: z.string().uuid() });

/** The members who take the bot's conversations, by name. */
export const operatorPoolOutput = z.array(
  z.object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(memberRole.enumValues),
    joinedAt: z.date(),
  }),
);
export type OperatorPoolOutput = z.infer<typeof operatorPoolOutput>;
