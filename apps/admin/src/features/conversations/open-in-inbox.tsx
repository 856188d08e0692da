import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { ChatIcon } from "@/components/ui/icons";

/**
 * A conversation with operators is worked in the inbox (take, reply, transfer, close, return to the
 * bot); the transcript here only points there, so there is one place that does it.
 */
export function OpenInInbox({ conversationId, waiting }: { conversationId: string; waiting: boolean }) {
  return (
    <div
      className="flex shrink-0 items-center gap-3 border-t border-zinc-200 bg-white px-6 py-3"
      data-testid="operator-notice"
    >
      <ChatIcon size={16} className="shrink-0 text-zinc-400" />
      <p className="min-w-0 flex-1 text-sm text-zinc-600">
        {waiting ? "This conversation is waiting for an operator." : "An operator has this conversation."}{" "}
        Replies, transfers and closing happen in the inbox.
      </p>
      <Link
        href={`/inbox/${encodeURIComponent(conversationId)}`}
        className={buttonClass("primary", "sm")}
        data-testid="open-in-inbox"
      >
        Open in inbox
      </Link>
    </div>
  );
}
