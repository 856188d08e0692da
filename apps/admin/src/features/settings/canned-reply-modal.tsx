"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { useFeedback } from "@/components/ui/feedback";
import { Field, Input, Textarea } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { errorMessage } from "@/lib/errors";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import { cannedProblem, MAX_CANNED_TEXT, normalizeShortcut } from "./canned-form";

export type CannedReply = RouterOutputs["canned"]["list"][number];

/** Adds or edits a canned reply. */
export function CannedReplyModal({ reply, onClose }: { reply: CannedReply | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const [shortcut, setShortcut] = useState(reply?.shortcut ?? "");
  const [text, setText] = useState(reply?.text ?? "");
  const [error, setError] = useState<string | null>(null);
  const done = (title: string) => () => {
    toast({ tone: "success", title });
    void queryClient.invalidateQueries({ queryKey: trpc.canned.list.pathKey() });
    onClose();
  };
  const onError = (e: unknown) => setError(errorMessage(e));
  const create = useMutation(
    trpc.canned.create.mutationOptions({ onSuccess: done("Canned reply added"), onError }),
  );
  const update = useMutation(
    trpc.canned.update.mutationOptions({ onSuccess: done("Canned reply saved"), onError }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const problem = cannedProblem(shortcut, text);
    if (problem) return setError(problem);
    const input = { shortcut: normalizeShortcut(shortcut), text: text.trim() };
    if (reply) update.mutate({ id: reply.id, ...input });
    else create.mutate(input);
  }

  return (
    <Modal
      open
      onClose={onClose}
      title={reply ? "Edit canned reply" : "New canned reply"}
      description="Operators type : and the shortcut in the reply box to insert the text."
      className="max-w-lg"
      data-testid="canned-modal"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            type="submit"
            form="canned-form"
            loading={create.isPending || update.isPending}
            data-testid="canned-save"
          >
            Save
          </Button>
        </>
      }
    >
      <form id="canned-form" onSubmit={submit} className="space-y-4">
        <Field
          label="Shortcut"
          htmlFor="canned-shortcut"
          hint="Letters, digits, _ or -; e.g. thanks → :thanks"
        >
          <div className="relative">
            <span className="pointer-events-none absolute top-2 left-3 font-mono text-sm text-zinc-400">
              :
            </span>
            <Input
              id="canned-shortcut"
              value={shortcut}
              onChange={(e) => setShortcut(e.target.value)}
              maxLength={33}
              className="pl-6 font-mono"
              data-testid="canned-shortcut"
            />
          </div>
        </Field>
        <Field label="Text" htmlFor="canned-text">
          <Textarea
            id="canned-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={MAX_CANNED_TEXT}
            rows={5}
            data-testid="canned-text"
          />
        </Field>
        {error && (
          <p className="text-sm text-red-600 break-anywhere" role="alert" data-testid="canned-error">
            {error}
          </p>
        )}
      </form>
    </Modal>
  );
}
