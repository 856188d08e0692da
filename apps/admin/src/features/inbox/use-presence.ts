"use client";

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useFeedback } from "@/components/ui/feedback";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

export type PresenceStatus = "online" | "away" | "offline";

const HEARTBEAT_MS = 30_000;

/**
 * The viewer's presence while the inbox is open: a heartbeat every 30 s and whenever the tab gets
 * the focus back (so routing knows a browser is there), and the online / away choice.
 */
export function usePresence() {
  const trpc = useTRPC();
  const { toast } = useFeedback();
  const [status, setStatus] = useState<PresenceStatus | null>(null);
  const heartbeat = useMutation(
    trpc.presence.heartbeat.mutationOptions({ onSuccess: (r) => setStatus(r.status) }),
  );
  const set = useMutation(
    trpc.presence.set.mutationOptions({
      onSuccess: (r) => setStatus(r.status),
      onError: (e) =>
        toast({ tone: "error", title: "Couldn't change your status", message: errorMessage(e) }),
    }),
  );
  const beat = useRef(heartbeat.mutate);
  beat.current = heartbeat.mutate;

  useEffect(() => {
    const send = () => beat.current();
    send();
    const interval = setInterval(send, HEARTBEAT_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") send();
    };
    window.addEventListener("focus", send);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(interval);
      window.removeEventListener("focus", send);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);

  return {
    status: set.isPending && set.variables ? set.variables.status : status,
    change: (next: PresenceStatus) => set.mutate({ status: next }),
    changing: set.isPending,
  };
}
