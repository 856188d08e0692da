"use client";

import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { type FeedEvent, type Invalidation, invalidationsFor, mergeInvalidations } from "./invalidations";

export type FeedStatus = "connecting" | "live" | "reconnecting";

/**
 * The browser's own idea of the network. An SSE stream over a dead network can look open until its
 * keep-alive times out (tens of seconds); the browser knows at once, so the indicator does too.
 */
function useNavigatorOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}

/** Events arriving together (a reply's several messages, a drain) refetch once. */
const BATCH_MS = 150;

/**
 * The inbox's live feed (`realtime.events` over SSE): each event makes the queries it names stale,
 * so open lists and the open conversation refetch by themselves. After a reconnect the SSE client
 * sends the last event id and the server replays what was missed; the lists are refetched anyway.
 */
export function useRealtimeFeed(onEvent?: (event: FeedEvent) => void): FeedStatus {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useRef<Invalidation[][]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const wasLive = useRef(false);
  const [everLive, setEverLive] = useState(false);

  const keyOf = useCallback(
    (i: Invalidation): QueryKey => {
      switch (i.target) {
        case "list":
          return trpc.inbox.list.pathKey();
        case "counts":
          return trpc.inbox.counts.pathKey();
        case "conversation":
          return trpc.inbox.conversation.queryKey({ id: i.id });
        case "operators":
          return trpc.inbox.operators.pathKey();
        case "presence":
          return trpc.presence.list.pathKey();
      }
    },
    [trpc],
  );

  const flush = useCallback(() => {
    timer.current = null;
    const targets = mergeInvalidations(pending.current);
    pending.current = [];
    for (const target of targets) void queryClient.invalidateQueries({ queryKey: keyOf(target) });
  }, [queryClient, keyOf]);

  const queue = useCallback(
    (targets: Invalidation[]) => {
      pending.current.push(targets);
      timer.current ??= setTimeout(flush, BATCH_MS);
    },
    [flush],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const subscription = useSubscription(
    trpc.realtime.events.subscriptionOptions(undefined, {
      onData: ({ data }) => {
        const event: FeedEvent = data;
        queue(invalidationsFor(event));
        onEvent?.(event);
      },
    }),
  );

  const online = useNavigatorOnline();
  const live = subscription.status === "pending" && online;
  useEffect(() => {
    if (live && !wasLive.current) {
      // (Re)connected: whatever happened while the feed was down, the lists show it now.
      if (everLive) queue([{ target: "list" }, { target: "counts" }]);
      setEverLive(true);
    }
    wasLive.current = live;
  }, [live, everLive, queue]);

  if (live) return "live";
  return everLive ? "reconnecting" : "connecting";
}
