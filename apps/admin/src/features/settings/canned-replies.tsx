"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { PlusIcon } from "@/components/ui/icons";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { type CannedReply, CannedReplyModal } from "./canned-reply-modal";
import { DeleteButton, EditButton, SettingsList } from "./settings-list";

function CannedRow({ reply, canEdit, onEdit }: { reply: CannedReply; canEdit: boolean; onEdit: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast, confirm } = useFeedback();
  const remove = useMutation(
    trpc.canned.remove.mutationOptions({
      onSuccess: () => {
        toast({ tone: "success", title: `:${reply.shortcut} was deleted` });
        void queryClient.invalidateQueries({ queryKey: trpc.canned.list.pathKey() });
      },
      onError: (e) => toast({ tone: "error", title: "Couldn't delete the reply", message: errorMessage(e) }),
    }),
  );

  async function onDelete() {
    const ok = await confirm({
      title: `Delete :${reply.shortcut}?`,
      message: "Operators can no longer insert it. Replies already sent are not affected.",
      confirmLabel: "Delete",
      danger: true,
    });
    if (ok) remove.mutate({ id: reply.id });
  }

  return (
    <li className="flex items-start gap-4 px-5 py-3" data-testid="canned-row" data-shortcut={reply.shortcut}>
      <span className="w-32 shrink-0 truncate pt-0.5 font-mono text-sm font-medium text-brand-700">
        :{reply.shortcut}
      </span>
      <p className="line-clamp-3 min-w-0 flex-1 text-sm whitespace-pre-wrap text-zinc-700 break-anywhere">
        {reply.text}
      </p>
      {canEdit && (
        <div className="flex shrink-0 gap-1">
          <EditButton label={`Edit :${reply.shortcut}`} onClick={onEdit} testId="canned-edit" />
          <DeleteButton
            label={`Delete :${reply.shortcut}`}
            onClick={onDelete}
            deleting={remove.isPending}
            testId="canned-delete"
          />
        </div>
      )}
    </li>
  );
}

/** Settings → Canned replies: owners and marketers manage them; operators read them. */
export function CannedReplies({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.canned.list.queryOptions());
  const [editing, setEditing] = useState<CannedReply | "new" | null>(null);

  return (
    <Card className="overflow-hidden">
      <div
        id="canned-replies"
        className="flex flex-wrap items-start justify-between gap-3 border-b border-zinc-100 p-5"
      >
        <div>
          <h2 className="text-sm font-semibold text-zinc-900">Canned replies</h2>
          <p className="mt-1 max-w-xl text-sm text-zinc-500">
            Ready answers for the inbox: type <span className="font-mono">:</span> and a shortcut in the reply
            box to insert one.{!canEdit && " An owner or a marketer manages them."}
          </p>
        </div>
        {canEdit && (
          <Button variant="primary" size="sm" onClick={() => setEditing("new")} data-testid="canned-add">
            <PlusIcon size={14} /> Add reply
          </Button>
        )}
      </div>
      <SettingsList
        query={list}
        errorTitle="Couldn't load the canned replies"
        empty={<>No canned replies yet.{canEdit && " Add the answers your team gives most."}</>}
        testId="canned"
      >
        {(r) => <CannedRow key={r.id} reply={r} canEdit={canEdit} onEdit={() => setEditing(r)} />}
      </SettingsList>
      {editing && (
        <CannedReplyModal reply={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
