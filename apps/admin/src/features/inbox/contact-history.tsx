import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { shortAgo } from "./list-format";
import type { ConversationDetails } from "./use-open-conversation";

const STAGE_TONE = { open: "blue", won: "green", lost: "gray" } as const;
const STATUS_LABEL = {
  waiting: "waiting",
  bot: "with the bot",
  operator: "with an operator",
  closed: "closed",
  blocked: "blocked",
} as const;

/** The contact's leads (to /leads) and their other conversations (open in the inbox). */
export function ContactHistory({
  details,
  hrefFor,
  now,
}: {
  details: ConversationDetails;
  hrefFor: (conversationId: string) => string;
  now: Date;
}) {
  return (
    <>
      <section className="space-y-1.5" data-testid="contact-leads">
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Leads</h3>
        {details.leads.length === 0 ? (
          <p className="text-xs text-zinc-400">No leads.</p>
        ) : (
          <ul className="space-y-1">
            {details.leads.map((lead) => (
              <li key={lead.id}>
                <Link
                  href={`/leads/${lead.id}`}
                  className="flex items-center gap-2 rounded-md px-1.5 py-1 text-xs hover:bg-zinc-100"
                >
                  <span className="min-w-0 flex-1 truncate font-medium text-zinc-800">{lead.title}</span>
                  <Badge tone={STAGE_TONE[lead.stageKind]}>{lead.stageName}</Badge>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="space-y-1.5" data-testid="contact-conversations">
        <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Earlier conversations</h3>
        {details.otherConversations.length === 0 ? (
          <p className="text-xs text-zinc-400">This is the first one.</p>
        ) : (
          <ul className="space-y-1">
            {details.otherConversations.map((c) => (
              <li key={c.id}>
                <Link
                  href={hrefFor(c.id)}
                  scroll={false}
                  className="flex items-center gap-2 rounded-md px-1.5 py-1 text-xs hover:bg-zinc-100"
                  data-testid="contact-conversation"
                >
                  <span className="min-w-0 flex-1 truncate text-zinc-800">
                    @{c.botUsername} · {STATUS_LABEL[c.status]}
                  </span>
                  <span className="shrink-0 text-zinc-500">
                    {shortAgo(c.lastMessageAt ?? c.createdAt, now)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
