"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFeedback } from "@/components/ui/feedback";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/** The inbox actions on one conversation; each refreshes the transcript, the queue and the list. */
export function useInboxActions(conversationId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({
        queryKey: trpc.conversations.transcript.queryKey({ id: conversationId }),
      }),
      queryClient.invalidateQueries({ queryKey: trpc.inbox.queue.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.conversations.list.queryKey() }),
    ]);
  const failed = (title: string) => (e: unknown) => toast({ tone: "error", title, message: errorMessage(e) });

  const take = useMutation(
    trpc.inbox.take.mutationOptions({
      onSuccess: () => toast({ tone: "success", title: "The conversation is yours", message: "Say hello!" }),
      onError: failed("Couldn't take the conversation"),
      onSettled: refresh,
    }),
  );
  const reply = useMutation(
    trpc.inbox.reply.mutationOptions({ onError: failed("The reply wasn't sent"), onSettled: refresh }),
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
  const join = useMutation(
    trpc.operators.join.mutationOptions({
      onError: failed("Couldn't join the bot's operators"),
      onSettled: refresh,
    }),
  );

  return {
    take: () => take.mutate({ conversationId }),
    taking: take.isPending,
    reply: (text: string, onSent: () => void) =>
      reply.mutate({ conversationId, text }, { onSuccess: onSent }),
    replying: reply.isPending,
    close: () => close.mutate({ conversationId }),
    closing: close.isPending,
    returnToBot: (stepId?: string) => returnToBot.mutate({ conversationId, ...(stepId ? { stepId } : {}) }),
    returning: returnToBot.isPending,
    joinPool: (botId: string) => join.mutate({ botId }),
    joining: join.isPending,
  };
}

export type InboxActions = ReturnType<typeof useInboxActions>;
