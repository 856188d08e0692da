"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFeedback } from "@/components/ui/feedback";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/**
 * Take, assign / transfer, close and return to the bot, for one conversation: each refreshes the
 * lists, the tabs, the conversation and the assign menu (the feed would too, a moment later) and
 * says what happened, or why not, in a toast.
 */
export function useConversationActions(conversationId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast, confirm } = useFeedback();

  const refresh = () =>
    Promise.all(
      [
        trpc.inbox.list.pathKey(),
        trpc.inbox.counts.pathKey(),
        trpc.inbox.operators.pathKey(),
        trpc.inbox.conversation.queryKey({ id: conversationId }),
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  const failed = (title: string) => (e: unknown) => toast({ tone: "error", title, message: errorMessage(e) });

  const take = useMutation(
    trpc.inbox.take.mutationOptions({
      onSuccess: () => toast({ tone: "success", title: "The conversation is yours", message: "Say hello!" }),
      onError: failed("Couldn't take the conversation"),
      onSettled: refresh,
    }),
  );
  const assign = useMutation(
    trpc.inbox.assign.mutationOptions({
      onError: failed("Couldn't pass the conversation on"),
      onSettled: refresh,
    }),
  );
  const close = useMutation(
    trpc.inbox.close.mutationOptions({
      onSuccess: () => toast({ tone: "success", title: "Conversation closed" }),
      onError: failed("Couldn't close the conversation"),
      onSettled: refresh,
    }),
  );
  const returnToBot = useMutation(
    trpc.inbox.returnToBot.mutationOptions({
      onSuccess: () => toast({ tone: "success", title: "The bot has the conversation again" }),
      onError: failed("Couldn't return the conversation to the bot"),
      onSettled: refresh,
    }),
  );

  async function confirmClose() {
    const ok = await confirm({
      title: "Close this conversation?",
      message: "The user gets the bot's “completed” text. New messages start over with the bot.",
      confirmLabel: "Close conversation",
    });
    if (ok) close.mutate({ conversationId });
  }

  return {
    take: () => take.mutate({ conversationId }),
    taking: take.isPending,
    assign: (userId: string, name: string) =>
      assign.mutate(
        { conversationId, userId },
        { onSuccess: () => toast({ tone: "success", title: `Passed on to ${name}` }) },
      ),
    assigning: assign.isPending,
    confirmClose,
    closing: close.isPending,
    returnToBot: (stepId?: string) => returnToBot.mutate({ conversationId, ...(stepId ? { stepId } : {}) }),
    returning: returnToBot.isPending,
  };
}

export type ConversationActions = ReturnType<typeof useConversationActions>;
