/*
 * The inbox's four views: their order (keys 1–4), labels, what the tabs count and the empty states.
 */

export const VIEWS = ["waiting", "mine", "all", "closed"] as const;
export type InboxViewName = (typeof VIEWS)[number];

export const VIEW_LABEL: Record<InboxViewName, string> = {
  waiting: "Waiting",
  mine: "Mine",
  all: "All",
  closed: "Closed",
};

export const VIEW_EMPTY: Record<InboxViewName, { title: string; description: string }> = {
  waiting: {
    title: "Nobody is waiting",
    description: "Conversations a flow routes to an operator wait here until someone takes them.",
  },
  mine: {
    title: "No open conversations",
    description: "Take a waiting conversation, or be given one, and it shows up here.",
  },
  all: {
    title: "No conversations yet",
    description: "When someone writes to one of your bots, the chat shows up here.",
  },
  closed: {
    title: "Nothing closed yet",
    description: "Conversations you or the users end are kept here.",
  },
};

export interface InboxCounts {
  waiting: number;
  mine: number;
  all: number;
  closed: number;
  unreadMine: number;
}

export interface ViewTab {
  view: InboxViewName;
  label: string;
  /** The number on the tab (null while the counts load). */
  count: number | null;
  /** The tab wants attention: people waiting, or unread messages in the caller's chats. */
  alert: boolean;
  /** "Mine": how many of the caller's chats have unread messages. */
  unread: number;
  /** The keyboard shortcut (1–4). */
  key: string;
}

/** The tabs with their numbers, in order. */
export function viewTabs(counts: InboxCounts | undefined): ViewTab[] {
  return VIEWS.map((view, i) => {
    const count = counts ? counts[view] : null;
    const unread = view === "mine" ? (counts?.unreadMine ?? 0) : 0;
    return {
      view,
      label: VIEW_LABEL[view],
      count,
      alert: view === "waiting" ? (count ?? 0) > 0 : unread > 0,
      unread,
      key: String(i + 1),
    };
  });
}

export const isView = (value: unknown): value is InboxViewName =>
  typeof value === "string" && (VIEWS as readonly string[]).includes(value);

/** "3", "99+": a count short enough for a tab. */
export function shortCount(n: number | null): string {
  if (n === null) return "";
  return n > 99 ? "99+" : String(n);
}
