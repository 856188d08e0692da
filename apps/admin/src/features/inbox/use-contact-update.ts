"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFeedback } from "@/components/ui/feedback";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import type { ContactUpdate } from "./contact-form";

/** `contacts.update` from the contact panel: refreshes the conversation and the list's names. */
export function useContactUpdate(contactId: string, conversationId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const update = useMutation(
    trpc.contacts.update.mutationOptions({
      onSuccess: ({ merged }) => {
        if (merged)
          toast({
            tone: "info",
            title: "Merged with another contact",
            message: "Another contact had this phone number; the two are one contact now.",
          });
      },
      onSettled: () =>
        Promise.all(
          [trpc.inbox.conversation.queryKey({ id: conversationId }), trpc.inbox.list.pathKey()].map(
            (queryKey) => queryClient.invalidateQueries({ queryKey }),
          ),
        ),
    }),
  );
  return {
    save: (changes: ContactUpdate) => update.mutateAsync({ id: contactId, ...changes }),
    addTag: (tag: string) =>
      update.mutate(
        { id: contactId, addTags: [tag] },
        { onError: (e) => toast({ tone: "error", title: "Couldn't add the tag", message: errorMessage(e) }) },
      ),
    removeTag: (tag: string) =>
      update.mutate(
        { id: contactId, removeTags: [tag] },
        {
          onError: (e) =>
            toast({ tone: "error", title: "Couldn't remove the tag", message: errorMessage(e) }),
        },
      ),
    saving: update.isPending,
  };
}

export type ContactUpdater = ReturnType<typeof useContactUpdate>;
