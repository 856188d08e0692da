import { ExternalIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { dateTime } from "@/lib/format";
import type { RouterOutputs } from "@/lib/trpc";

type Conversation = RouterOutputs["conversations"]["transcript"]["conversation"];

function Detail({ label, value, mono }: { label: string; value: string | null | undefined; mono?: boolean }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className={cn("mt-0.5 text-zinc-900 break-anywhere", mono && "font-mono text-xs")}>
        {value || "—"}
      </dd>
    </div>
  );
}

function Heading({ children, first }: { children: string; first?: boolean }) {
  return (
    <h2 className={cn("text-xs font-semibold tracking-wide text-zinc-500 uppercase", !first && "mt-6")}>
      {children}
    </h2>
  );
}

/** The side panel of a conversation: the contact, the conversation, the answers the flow collected. */
export function ConversationDetails({ c, name }: { c: Conversation; name: string }) {
  const vars = Object.entries(c.variables ?? {});
  return (
    <aside className="hidden w-72 shrink-0 overflow-y-auto border-l border-zinc-200 bg-white p-5 lg:block">
      <Heading first>Contact</Heading>
      <dl className="mt-3 space-y-2.5 text-sm">
        <Detail label="Name" value={name} />
        <Detail label="Username" value={c.contact.username ? `@${c.contact.username}` : null} />
        <Detail label="Phone" value={c.contact.phone} />
        <Detail
          label="Telegram user id"
          value={c.contact.telegramUserId === null ? null : String(c.contact.telegramUserId)}
          mono
        />
        <Detail label="Chat id" value={String(c.chatId)} mono />
      </dl>
      <Heading>Conversation</Heading>
      <dl className="mt-3 space-y-2.5 text-sm">
        <Detail label="Bot" value={`@${c.botUsername}`} />
        <Detail label="Current step" value={c.currentStepTitle} />
        <Detail label="Started" value={dateTime(c.createdAt)} />
        <Detail label="Last message" value={dateTime(c.lastMessageAt)} />
      </dl>
      <Heading>Collected answers</Heading>
      {vars.length === 0 ? (
        <p className="mt-2 text-xs text-zinc-400">Nothing collected yet.</p>
      ) : (
        <dl className="mt-3 space-y-2.5 text-sm">
          {vars.map(([k, v]) => (
            <Detail key={k} label={`vars.${k}`} value={String(v)} />
          ))}
        </dl>
      )}
      <a
        href={`https://t.me/${c.botUsername}`}
        target="_blank"
        rel="noopener noreferrer"
        className="mt-6 inline-flex items-center gap-1 text-xs text-zinc-500 hover:text-brand-700"
      >
        Open @{c.botUsername} in Telegram <ExternalIcon size={11} />
      </a>
    </aside>
  );
}
