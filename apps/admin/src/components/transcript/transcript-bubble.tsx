import { TelegramText } from "@/components/chat/telegram-text";
import { AlertIcon, CheckIcon, ExternalIcon, PhoneIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { dateTime } from "@/lib/format";
import { MediaView } from "./media-view";
import {
  authorOf,
  type ButtonLabel,
  buttonRows,
  describeInbound,
  entitiesOf,
  markupOf,
  mediaLabel,
  type TranscriptMessage,
} from "./message-content";

function MediaChip({ label }: { label: string }) {
  return (
    <p
      className="mb-1 inline-flex max-w-full items-center gap-1.5 rounded-md bg-white/70 px-2 py-1 text-xs font-medium text-zinc-700 ring-1 ring-zinc-200"
      data-testid="transcript-media"
    >
      <span className="truncate">{label}</span>
    </p>
  );
}

/** A message's text with its Telegram formatting (bold, links…), read from the stored payload. */
function Text({ text, payload }: { text: string | null; payload: unknown }) {
  return (
    <div className="max-h-[32rem] overflow-y-auto whitespace-pre-wrap text-zinc-900 break-anywhere">
      {text ? (
        <TelegramText text={text} entities={entitiesOf(payload, text)} />
      ) : (
        <span className="text-zinc-400 italic">(empty)</span>
      )}
    </div>
  );
}

function InboundBody({ m }: { m: TranscriptMessage }) {
  const info = describeInbound(m);
  // A file the server kept (messages.file_id): show it; otherwise describe what Telegram sent.
  if (m.media)
    return (
      <>
        <MediaView media={m.media} />
        {m.text && <Text text={m.text} payload={m.payload} />}
      </>
    );
  switch (info.kind) {
    case "press":
      return (
        <p className="text-zinc-700 italic break-anywhere">
          Pressed <span className="font-medium not-italic text-zinc-900">“{info.text}”</span>
        </p>
      );
    case "contact":
      return (
        <p className="inline-flex items-center gap-1.5 text-zinc-800">
          <PhoneIcon size={13} /> Shared phone {info.text}
        </p>
      );
    case "media":
      return (
        <>
          <MediaChip label={mediaLabel(info.media, info.name)} />
          {info.caption && <Text text={info.caption} payload={m.payload} />}
        </>
      );
    default:
      return <Text text={info.text} payload={m.payload} />;
  }
}

function Keys({ rows }: { rows: ButtonLabel[][] }) {
  return (
    <div className="mt-2 space-y-1">
      {rows.map((row, r) => (
        <div key={r} className="flex gap-1">
          {row.map((b, k) => (
            <span
              key={k}
              className="inline-flex min-w-0 flex-1 items-center justify-center gap-1 rounded-md bg-white/80 px-2 py-1 text-center text-xs text-brand-700 ring-1 ring-brand-200"
            >
              <span className="truncate">{b.text}</span>
              {b.link && <ExternalIcon size={10} className="shrink-0" />}
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}

/** One message of a transcript: the user's on the left; the bot's and the operators' on the right. */
export function TranscriptBubble({ m }: { m: TranscriptMessage }) {
  const author = authorOf(m);
  const inbound = author.kind === "user";
  const markup = inbound ? null : markupOf(m.payload);
  const inline = buttonRows(markup, "inline_keyboard");
  const reply = buttonRows(markup, "keyboard");

  return (
    <div
      className={cn("flex flex-col", inbound ? "items-start" : "items-end")}
      data-testid="transcript-message"
      data-direction={m.direction}
      data-author={author.kind}
    >
      {author.kind === "operator" && (
        <p className="mb-0.5 px-1 text-[11px] font-medium text-emerald-700" data-testid="transcript-operator">
          {author.name} · operator
        </p>
      )}
      <div
        className={cn(
          "max-w-[75%] min-w-24 rounded-2xl px-3.5 py-2 text-sm shadow-sm ring-1",
          inbound && "rounded-bl-md bg-white ring-zinc-200",
          author.kind === "bot" && "rounded-br-md bg-brand-50 ring-brand-100",
          author.kind === "operator" && "rounded-br-md bg-emerald-50 ring-emerald-200",
          m.deliveryStatus === "failed" && "ring-red-300",
        )}
      >
        {inbound ? (
          <InboundBody m={m} />
        ) : (
          <>
            {m.media && <MediaView media={m.media} />}
            {(m.text || !m.media) && <Text text={m.text} payload={m.payload} />}
          </>
        )}
        {inline.length > 0 && <Keys rows={inline} />}
        {reply.length > 0 && (
          <p
            className="mt-2 truncate text-[11px] text-zinc-500"
            title={reply.map((r) => r.map((b) => b.text).join(" | ")).join("\n")}
          >
            ⌨ Keyboard:{" "}
            {reply
              .flat()
              .map((b) => (b.requestContact ? `📱 ${b.text}` : b.text))
              .join(" · ")}
          </p>
        )}
        <div className="mt-1 flex items-center justify-end gap-2 text-[10px] text-zinc-400">
          {m.stepTitle && author.kind === "bot" && (
            <span
              className="max-w-48 truncate"
              title={`Sent by the step “${m.stepTitle}”`}
              data-testid="message-step"
            >
              {m.stepTitle}
            </span>
          )}
          {m.telegramMessageId !== null && (
            <span data-testid="telegram-message-id">#{m.telegramMessageId}</span>
          )}
          <span title={new Date(m.createdAt).toISOString()}>{dateTime(m.createdAt)}</span>
          {!inbound &&
            (m.deliveryStatus === "sent" ? (
              <CheckIcon size={11} className="text-emerald-500" aria-label="Delivered" />
            ) : m.deliveryStatus === "pending" ? (
              <Spinner className="size-2.5" />
            ) : m.deliveryStatus === "failed" ? (
              <AlertIcon size={11} className="text-red-500" aria-label="Failed" />
            ) : null)}
        </div>
      </div>
      {m.deliveryStatus === "failed" && m.error && (
        <p className="mt-1 max-w-[75%] text-[11px] text-red-600 break-anywhere">Not delivered: {m.error}</p>
      )}
    </div>
  );
}
