"use client";

import Link from "next/link";
import { useState } from "react";
import { ConversationStatusBadge } from "@/components/conversation-status-badge";
import { ReturnToBotModal } from "@/components/return-to-bot/return-to-bot-modal";
import { Button, buttonClass } from "@/components/ui/button";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { AssignMenu } from "./assign-menu";
import { contactTitle, initialOf, waitedFor } from "./list-format";
import type { ConversationAbilities } from "./permissions";
import type { ConversationActions } from "./use-conversation-actions";
import type { ConversationDetails } from "./use-open-conversation";

/** Who, which bot, the status and who has it; take, assign / transfer, return to the bot, close. */
export function ConversationHeader({
  details,
  abilities,
  actions,
  backHref,
  now,
}: {
  details: ConversationDetails;
  abilities: ConversationAbilities;
  actions: ConversationActions;
  backHref: string;
  now: Date;
}) {
  const [returning, setReturning] = useState(false);
  const { conversation: c, contact } = details;
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  const title = contactTitle({ name, username: contact.username, phone: contact.phone });

  return (
    <header
      className="shrink-0 border-b border-zinc-200 bg-white px-4 py-2.5"
      data-testid="inbox-conversation-header"
    >
      <div className="flex flex-wrap items-center gap-3">
        <Link
          href={backHref}
          scroll={false}
          className={buttonClass("ghost", "icon", "xl:hidden")}
          aria-label="Back to the list"
        >
          <ArrowLeftIcon size={15} />
        </Link>
        <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-sm font-semibold text-zinc-600">
          {initialOf(title)}
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex min-w-0 items-center gap-2">
            <h2
              className="truncate text-sm font-semibold text-zinc-900"
              data-testid="inbox-conversation-contact"
            >
              {title}
            </h2>
            <ConversationStatusBadge status={c.status} testId="inbox-status" />
          </div>
          <p className="truncate text-xs text-zinc-500" data-testid="inbox-conversation-meta">
            {contact.username && name && <>@{contact.username} · </>}@{c.botUsername}
            {c.status === "waiting" && c.waitingSince && <> · waiting {waitedFor(c.waitingSince, now)}</>}
            {c.assignee && (
              <>
                {" "}
                ·{" "}
                <span data-testid="inbox-assignee">
                  {abilities.mine ? "You have it" : `${c.assignee.name} has it`}
                </span>
              </>
            )}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          {abilities.take.visible && (
            <Button
              size="sm"
              variant="primary"
              onClick={actions.take}
              loading={actions.taking}
              disabled={!abilities.take.enabled}
              title={abilities.take.reason ?? "Take it (t)"}
              data-testid="inbox-take"
            >
              Take
            </Button>
          )}
          {abilities.assign.visible && (
            <AssignMenu
              botId={c.botId}
              assigneeId={c.assignee?.id ?? null}
              disabledReason={abilities.assign.reason}
              busy={actions.assigning}
              onAssign={actions.assign}
            />
          )}
          {abilities.returnToBot.visible && (
            <Button
              size="sm"
              onClick={() => setReturning(true)}
              disabled={!abilities.returnToBot.enabled}
              loading={actions.returning}
              title={abilities.returnToBot.reason ?? "The flow continues at a step you choose"}
              data-testid="inbox-return"
            >
              Return to bot
            </Button>
          )}
          {abilities.close.visible && (
            <Button
              size="sm"
              onClick={() => void actions.confirmClose()}
              disabled={!abilities.close.enabled}
              loading={actions.closing}
              title={abilities.close.reason ?? "Close it (e)"}
              data-testid="inbox-close"
            >
              Close
            </Button>
          )}
        </div>
      </div>
      {abilities.take.visible && abilities.take.reason && (
        <p
          className="mt-2 rounded-md bg-amber-50 px-2.5 py-1.5 text-xs text-amber-900 ring-1 ring-amber-200"
          data-testid="inbox-take-reason"
        >
          {abilities.take.reason}
        </p>
      )}
      <ReturnToBotModal
        open={returning}
        flowId={c.flowId}
        busy={actions.returning}
        onClose={() => setReturning(false)}
        onConfirm={(stepId) => {
          actions.returnToBot(stepId);
          setReturning(false);
        }}
      />
    </header>
  );
}
