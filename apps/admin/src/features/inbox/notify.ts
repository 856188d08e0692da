/*
 * When the inbox asks for attention: a new waiting conversation or a new unread chat of the
 * viewer's. Pure: the hook passes the counts before and after a refetch, and whether the tab is hidden.
 */

export interface AlertCounts {
  waiting: number;
  unreadMine: number;
}

export interface Alert {
  /** A desktop notification (only while the tab is hidden). */
  notification: { title: string; body: string; tag: string } | null;
  /** A short beep (when the sound is on). */
  sound: boolean;
}

const NONE: Alert = { notification: null, sound: false };

export function alertFor(previous: AlertCounts | null, next: AlertCounts, hidden: boolean): Alert {
  // The first counts of a page are the starting point, not news.
  if (!previous) return NONE;
  const newWaiting = next.waiting - previous.waiting;
  const newUnread = next.unreadMine - previous.unreadMine;
  if (newWaiting > 0)
    return {
      sound: true,
      notification: hidden
        ? {
            title:
              newWaiting === 1
                ? "Someone is waiting for an operator"
                : `${newWaiting} new people are waiting`,
            body: `${next.waiting} waiting in the inbox now.`,
            tag: "switchboard-waiting",
          }
        : null,
    };
  if (newUnread > 0)
    return {
      sound: true,
      notification: hidden
        ? {
            title: "New message",
            body: "A user wrote in one of your conversations.",
            tag: "switchboard-mine",
          }
        : null,
    };
  return NONE;
}

/** localStorage's value for the sound toggle: off unless it was turned on. */
export const soundOn = (stored: string | null) => stored === "on";
