"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { attachmentProblem, type UploadedFile, uploadAttachment } from "./upload-attachment";

export type ComposeMode = "reply" | "note";

/** Unsent texts per conversation and mode, kept while the operator switches between chats. */
const drafts = new Map<string, string>();

/**
 * The reply box's state and sending: a reply (`inbox.reply`, with an uploaded file when one is
 * attached) or a private note (`inbox.note`). Errors stay in the box, in the server's words.
 */
export function useReply(conversationId: string, mode: ComposeMode) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const draftKey = `${conversationId}:${mode}`;
  const [text, setTextState] = useState(() => drafts.get(draftKey) ?? "");
  const [shownKey, setShownKey] = useState(draftKey);
  const [file, setFile] = useState<File | null>(null);
  const [asDocument, setAsDocument] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Another conversation or mode: show its draft.
  if (shownKey !== draftKey) {
    setShownKey(draftKey);
    setTextState(drafts.get(draftKey) ?? "");
    setFile(null);
    setError(null);
  }

  const setText = (value: string) => {
    drafts.set(draftKey, value);
    setTextState(value);
    if (error) setError(null);
  };

  const refresh = () =>
    Promise.all(
      [trpc.inbox.conversation.queryKey({ id: conversationId }), trpc.inbox.list.pathKey()].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  const reply = useMutation(trpc.inbox.reply.mutationOptions({ onSettled: refresh }));
  const note = useMutation(trpc.inbox.note.mutationOptions({ onSettled: refresh }));

  const attach = (next: File | null) => {
    setError(next ? attachmentProblem(next, asDocument) : null);
    setFile(next);
  };

  const sent = () => {
    drafts.delete(draftKey);
    setTextState("");
    setFile(null);
    setAsDocument(false);
  };

  async function send() {
    const busy = uploading || reply.isPending || note.isPending;
    if (busy) return;
    setError(null);
    try {
      if (mode === "note") {
        if (!text.trim()) return setError("Write the note first.");
        await note.mutateAsync({ conversationId, text });
        return sent();
      }
      if (!text.trim() && !file) return setError("Write a message first.");
      let uploaded: UploadedFile | null = null;
      if (file) {
        const problem = attachmentProblem(file, asDocument);
        if (problem) return setError(problem);
        setUploading(true);
        try {
          uploaded = await uploadAttachment(file, asDocument);
        } finally {
          setUploading(false);
        }
      }
      await reply.mutateAsync({ conversationId, text, ...(uploaded ? { fileId: uploaded.fileId } : {}) });
      sent();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return {
    text,
    setText,
    file,
    attach,
    asDocument,
    setAsDocument: (v: boolean) => {
      setAsDocument(v);
      if (file) setError(attachmentProblem(file, v));
    },
    send,
    sending: uploading || reply.isPending || note.isPending,
    uploading,
    error,
  };
}

export type ReplyState = ReturnType<typeof useReply>;
