"use client";

import { type RefObject, useEffect, useImperativeHandle, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/card";
import { ChatIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { Composer } from "./composer";
import { ContactPanel } from "./contact-panel";
import { ConversationHeader } from "./conversation-header";
import type { Role } from "./permissions";
import { Timeline } from "./timeline";
import { useAbilities } from "./use-abilities";
import { useConversationActions } from "./use-conversation-actions";
import { useNow } from "./use-now";
import { type ConversationDetails, useOpenConversation } from "./use-open-conversation";
import type { ComposeMode } from "./use-reply";

/** What the keyboard shortcuts can do with the open conversation. */
export interface PaneCommands {
  take(): void;
  close(): void;
  focus(mode: ComposeMode): void;
}

export interface Me {
  userId: string;
  role: Role | undefined;
}

function PaneSkeleton() {
  return (
    <div className="flex min-w-0 flex-1 flex-col" data-testid="inbox-conversation-loading">
      <div className="flex items-center gap-3 border-b border-zinc-200 bg-white px-4 py-3">
        <Skeleton className="size-9 rounded-full" />
        <div className="space-y-2">
          <Skeleton className="h-3.5 w-40" />
          <Skeleton className="h-3 w-24" />
        </div>
      </div>
      <div className="flex-1 space-y-3 bg-zinc-50 p-6">
        <Skeleton className="h-10 w-2/5" />
        <Skeleton className="ml-auto h-10 w-1/3" />
        <Skeleton className="h-10 w-1/2" />
      </div>
    </div>
  );
}

function OpenConversation({
  details,
  me,
  commands,
  backHref,
  hrefFor,
}: {
  details: ConversationDetails;
  me: Me;
  commands: RefObject<PaneCommands | null>;
  backHref: string;
  hrefFor: (id: string) => string;
}) {
  const id = details.conversation.id;
  const now = useNow();
  const abilities = useAbilities(details, me);
  const actions = useConversationActions(id);
  const input = useRef<HTMLTextAreaElement>(null);
  const [chosenMode, setMode] = useState<ComposeMode>("reply");
  const mode: ComposeMode = abilities.reply.enabled ? chosenMode : "note";

  useImperativeHandle(commands, () => ({
    take: () => abilities.take.enabled && actions.take(),
    close: () => abilities.close.visible && abilities.close.enabled && void actions.confirmClose(),
    focus: (next) => {
      setMode(next);
      // At once, inside the key's own handler: a fast typist's next keys already go to the box.
      input.current?.focus();
    },
  }));

  return (
    <>
      <section className="flex min-w-0 flex-1 flex-col" data-testid="inbox-conversation" data-open-id={id}>
        <ConversationHeader
          details={details}
          abilities={abilities}
          actions={actions}
          backHref={backHref}
          now={now}
        />
        <Timeline key={id} items={details.timeline} />
        <Composer conversationId={id} mode={mode} onMode={setMode} reply={abilities.reply} inputRef={input} />
      </section>
      <ContactPanel key={details.contact.id} details={details} hrefFor={hrefFor} now={now} />
    </>
  );
}

/** The middle and right of the inbox: the open conversation, or a hint to open one. */
export function ConversationPane({
  conversationId,
  me,
  commands,
  backHref,
  hrefFor,
}: {
  conversationId: string | null;
  me: Me;
  commands: RefObject<PaneCommands | null>;
  backHref: string;
  hrefFor: (id: string) => string;
}) {
  const query = useOpenConversation(conversationId);
  // No conversation: the shortcuts that need one do nothing.
  useEffect(() => {
    if (!conversationId) commands.current = null;
  }, [conversationId, commands]);

  if (!conversationId)
    return (
      <div
        className="hidden flex-1 flex-col items-center justify-center bg-zinc-50 text-center lg:flex"
        data-testid="inbox-no-conversation"
      >
        <div className="mb-3 flex size-12 items-center justify-center rounded-xl bg-brand-50 text-brand-600 ring-1 ring-brand-100">
          <ChatIcon size={22} />
        </div>
        <p className="text-sm font-medium text-zinc-900">Pick a conversation</p>
        <p className="mt-1 max-w-xs text-sm text-zinc-500">
          Use <kbd className="font-mono">j</kbd>/<kbd className="font-mono">k</kbd> and{" "}
          <kbd className="font-mono">Enter</kbd>, or press <kbd className="font-mono">?</kbd> for every
          shortcut.
        </p>
      </div>
    );
  if (query.isPending) return <PaneSkeleton />;
  if (query.error)
    return (
      <div className="flex-1 p-6">
        <ErrorNotice
          title="Couldn't open this conversation"
          message={errorMessage(query.error)}
          action={
            <Button size="sm" onClick={() => void query.refetch()}>
              Retry
            </Button>
          }
        />
      </div>
    );
  return (
    <OpenConversation
      details={query.data}
      me={me}
      commands={commands}
      backHref={backHref}
      hrefFor={hrefFor}
    />
  );
}
