export type LoginState = "pending" | "linked" | "refused" | "expired";
/** What the person on this page did, if anything: their answer decides how the state reads. */
export type LoginAction = "confirm" | "cancel" | null;

export interface Outcome {
  kind: "linked" | "refused" | "expired" | "used";
  title: string;
  message: string;
}

const BACK = "You can go back to Telegram.";

/** How a login link's state reads on its page; null while it still waits for an answer. */
export function outcomeOf(state: LoginState, action: LoginAction, telegramName: string): Outcome | null {
  const who = telegramName.trim() || "The Telegram account";
  switch (state) {
    case "pending":
      return null;
    case "expired":
      return {
        kind: "expired",
        title: "This link has expired",
        message: `Login links work for a limited time. Start the login again in Telegram.`,
      };
    case "linked":
      return action === "confirm"
        ? {
            kind: "linked",
            title: "You're logged in",
            message: `${who} is now linked to your account. ${BACK}`,
          }
        : {
            kind: "used",
            title: "This link was already used",
            message: `Each login link works once. ${BACK}`,
          };
    case "refused":
      if (action === "cancel")
        return { kind: "refused", title: "Login cancelled", message: `Nothing was linked. ${BACK}` };
      if (action === "confirm")
        return {
          kind: "used",
          title: "This link was already used",
          message: `It was cancelled before. ${BACK}`,
        };
      return {
        kind: "refused",
        title: "Login refused",
        message: `This link was cancelled, or Telegram couldn't confirm who opened it, so nothing was linked. ${BACK}`,
      };
  }
}
