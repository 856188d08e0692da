import { loginStatus } from "@switchboard/db";
import { z } from "zod";

/** The token from the link's URL (`/telegram-login/<token>`). */
export const loginTokenInput = z.object({ token: z.string().min(1).max(200) });
export type LoginTokenInput = z.infer<typeof loginTokenInput>;

/** pending: waiting for an answer; linked: confirmed; refused: cancelled; expired: too late. */
const loginState = z.enum(loginStatus.enumValues);

/** What the link's page shows before anyone signs in: nothing secret. */
export const describeLoginOutput = z.object({
  state: loginState,
  workspaceName: z.string(),
  botUsername: z.string(),
  /** The Telegram user who got the link, as the contact is named. */
  telegramName: z.string(),
  expiresAt: z.date(),
});
export type DescribeLoginOutput = z.infer<typeof describeLoginOutput>;

/** The link's state after the call: `linked` / `refused` when this call ended it, else what it already was. */
export const completeLoginOutput = z.object({ state: loginState });
export type CompleteLoginOutput = z.infer<typeof completeLoginOutput>;
