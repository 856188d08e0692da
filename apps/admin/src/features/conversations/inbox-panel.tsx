"use client";

import { useState } from "react";
import { ReturnToBotModal } from "@/components/return-to-bot/return-to-bot-modal";
import { Button } from "@/components/ui/button";
import { useFeedback } from "@/components/ui/feedback";
import { InboxIcon } from "@/components/ui/icons";
import { cn } from "@/lib/cn";
import { timeAgo } from "@/lib/format";
import type { InboxView } from "./inbox-state";
import { ReplyBox } from "./reply-box";
import type { InboxActions } from "./use-inbox-actions";

function ManageButtons({ actions, botId }: { actions: InboxActions; botId: string }) {
  const { confirm } = useFeedback();
  const [returning, setReturning] = useState(false);

  async function onClose() {
    const ok = await confirm({
      title: "Close this conversation?",
      message: "The user gets the bot's “completed” text. New messages start over with the bot.",
      confirmLabel: "Close conversation",
    });
    if (ok) actions.close();
  }

  return (
    <>
      <Button size="sm" onClick={() => setReturning(true)} data-testid="inbox-return">
        Return to bot
      </Button>
      <Button size="sm" onClick={onClose} loading={actions.closing} data-testid="inbox-close">
        Close
      </Button>
      <ReturnToBotModal
        open={returning}
        botId={botId}
        busy={actions.returning}
        onClose={() => setReturning(false)}
        onConfirm={(stepId) => {
          actions.returnToBot(stepId);
          setReturning(false);
        }}
      />
    </>
  );
}

/** Under the transcript of a conversation with an operator: take it, answer it, hand it back, close it. */
export function InboxPanel({
  view,
  actions,
  botId,
  botUsername,
}: {
  view: InboxView;
  actions: InboxActions;
  botId: string;
  botUsername: string;
}) {
  if (view.kind === "none") return null;
  const tone =
    view.kind === "waiting"
      ? "bg-amber-50 ring-amber-200"
      : view.kind === "mine"
        ? "bg-white ring-zinc-200"
        : "bg-zinc-50 ring-zinc-200";

  return (
    <div
      className={cn("shrink-0 border-t border-zinc-200 px-6 py-3 ring-1 ring-inset", tone)}
      data-testid="inbox-panel"
      data-inbox={view.kind}
    >
      <div className="mx-auto max-w-3xl space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <InboxIcon size={15} className="shrink-0 text-zinc-500" />
          <p className="min-w-0 flex-1 text-sm text-zinc-700">
            {view.kind === "waiting" ? (
              <>
                <span className="font-medium text-amber-900">Waiting for an operator</span> · since{" "}
                {timeAgo(view.since)}
                {!view.canTake && <> · join @{botUsername}'s operators to take it</>}
              </>
            ) : view.kind === "mine" ? (
              <span className="font-medium text-zinc-900">You have this conversation.</span>
            ) : (
              <>Another operator has this conversation.</>
            )}
          </p>
          {view.kind === "waiting" &&
            (view.canTake ? (
              <Button
                size="sm"
                variant="primary"
                onClick={actions.take}
                loading={actions.taking}
                data-testid="inbox-take"
              >
                Take
              </Button>
            ) : (
              <Button
                size="sm"
                onClick={() => actions.joinPool(botId)}
                loading={actions.joining}
                data-testid="inbox-join-pool"
              >
                Join the operators
              </Button>
            ))}
          {(view.kind === "mine" || view.canManage) && <ManageButtons actions={actions} botId={botId} />}
        </div>
        {view.kind === "mine" && <ReplyBox onSend={actions.reply} sending={actions.replying} />}
      </div>
    </div>
  );
}
