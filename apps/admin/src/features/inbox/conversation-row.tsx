import Link from "next/link";
import { cn } from "@/lib/cn";
import {
  contactSubtitle,
  contactTitle,
  initialOf,
  previewOf,
  shortAgo,
  unreadLabel,
  waitedFor,
  waitIsLong,
} from "./list-format";
import type { InboxListItem } from "./use-inbox-list";

/** One conversation in the list: who, which bot, the last message, when, unread, who has it. */
export function ConversationRow({
  item,
  selected,
  open,
  now,
  href,
}: {
  item: InboxListItem;
  /** The keyboard's cursor (j/k). */
  selected: boolean;
  /** The conversation shown in the pane. */
  open: boolean;
  now: Date;
  href: string;
}) {
  const title = contactTitle(item.contact);
  const subtitle = contactSubtitle(item.contact);
  const preview = previewOf(item.lastMessage);
  const waiting = item.status === "waiting" && item.waitingSince;
  const unread = item.unread > 0 && item.status !== "closed";

  return (
    <li>
      <Link
        href={href}
        scroll={false}
        data-testid="inbox-row"
        data-conversation-id={item.id}
        data-status={item.status}
        data-selected={selected || undefined}
        aria-current={open ? "true" : undefined}
        className={cn(
          "relative flex gap-3 border-l-2 px-3 py-3 transition-colors focus-visible:outline-none",
          open ? "border-brand-600 bg-brand-50/70" : "border-transparent hover:bg-zinc-50",
          selected && !open && "bg-zinc-100/80",
          selected && "ring-1 ring-inset ring-brand-300",
        )}
      >
        <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-sm font-semibold text-zinc-600">
          {initialOf(title)}
        </span>
        <span className="min-w-0 flex-1">
          <span className="flex items-baseline gap-2">
            <span
              className={cn(
                "min-w-0 flex-1 truncate text-sm text-zinc-900",
                unread ? "font-semibold" : "font-medium",
              )}
              data-testid="inbox-row-contact"
            >
              {title}
              {subtitle && <span className="ml-1.5 text-xs font-normal text-zinc-500">{subtitle}</span>}
            </span>
            <span
              className="shrink-0 text-[11px] text-zinc-500 tabular-nums"
              title={(item.lastMessageAt ?? item.createdAt).toLocaleString()}
            >
              {shortAgo(item.lastMessageAt ?? item.createdAt, now)}
            </span>
          </span>
          <span className="mt-0.5 flex items-center gap-2">
            <span
              className={cn("min-w-0 flex-1 truncate text-xs", unread ? "text-zinc-800" : "text-zinc-500")}
              data-testid="inbox-row-preview"
            >
              {preview.author && <span className="text-zinc-400">{preview.author} </span>}
              {preview.media && <span title="Attachment">📎 </span>}
              {preview.text}
            </span>
            {unread && (
              <span
                className="flex h-4.5 min-w-4.5 shrink-0 items-center justify-center rounded-full bg-brand-600 px-1 text-[10px] font-semibold text-white"
                data-testid="inbox-row-unread"
                title={`${item.unread} unread`}
              >
                {unreadLabel(item.unread)}
              </span>
            )}
          </span>
          <span className="mt-1 flex items-center gap-1.5 text-[11px] text-zinc-500">
            <span className="truncate">@{item.bot.username}</span>
            {waiting ? (
              <span
                className={cn(
                  "ml-auto shrink-0 rounded-full px-1.5 py-px font-medium",
                  waitIsLong(item.waitingSince!, now)
                    ? "bg-red-50 text-red-700"
                    : "bg-amber-50 text-amber-800",
                )}
                data-testid="inbox-row-waiting"
              >
                waiting {waitedFor(item.waitingSince!, now)}
              </span>
            ) : item.assignee ? (
              <span className="ml-auto max-w-[50%] shrink-0 truncate" data-testid="inbox-row-assignee">
                → {item.assignee.name}
              </span>
            ) : item.status === "bot" ? (
              <span className="ml-auto shrink-0">with the bot</span>
            ) : item.status === "closed" ? (
              <span className="ml-auto shrink-0">closed</span>
            ) : null}
          </span>
        </span>
      </Link>
    </li>
  );
}
