"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";

export type ConversationDetails = RouterOutputs["inbox"]["conversation"];

const PENDING_POLL_MS = 2000;
const isPending = (item: ConversationDetails["timeline"][number]) =>
  item.kind === "message" && item.deliveryStatus === "pending";

/** The tab is on screen and has the focus: only then is a message "read". */
function useAttentive(): boolean {
  const [attentive, setAttentive] = useState(false);
  useEffect(() => {
    const update = () => setAttentive(document.visibilityState === "visible" && document.hasFocus());
    update();
    window.addEventListener("focus", update);
    window.addEventListener("blur", update);
    document.addEventListener("visibilitychange", update);
    return () => {
      window.removeEventListener("focus", update);
      window.removeEventListener("blur", update);
      document.removeEventListener("visibilitychange", update);
    };
  }, []);
  return attentive;
}

/**
 * The open conversation (`inbox.conversation`: timeline, contact panel) and its read mark: marked
 * read when it opens, and when new messages arrive while it is open and the tab has the focus.
 */
export function useOpenConversation(id: string | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const attentive = useAttentive();
  const query = useQuery({
    ...trpc.inbox.conversation.queryOptions({ id: id ?? "" }),
    enabled: !!id,
    // The feed announces messages when they are queued, not when the runtime has sent them: while
    // any is still pending, look again now and then so its tick appears.
    refetchInterval: (q) => (q.state.data?.timeline.some(isPending) ? PENDING_POLL_MS : false),
  });
  const markRead = useMutation(
    trpc.inbox.markRead.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.inbox.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.inbox.counts.pathKey() });
        if (id) void queryClient.invalidateQueries({ queryKey: trpc.inbox.conversation.queryKey({ id }) });
      },
    }),
  );
  const mark = useRef(markRead.mutate);
  mark.current = markRead.mutate;
  const marked = useRef<string | null>(null);

  const data = query.data;
  const unread = data?.conversation.unread ?? 0;
  const newest = data?.conversation.lastMessageAt?.getTime() ?? 0;
  const dataId = data?.conversation.id;
  useEffect(() => {
    if (!id || dataId !== id || unread === 0 || !attentive) return;
    // Once per newest message: a failed or slow mark doesn't loop.
    const key = `${id}:${newest}`;
    if (marked.current === key) return;
    marked.current = key;
    mark.current({ conversationId: id });
  }, [id, dataId, unread, newest, attentive]);

  return query;
}
