"use client";

import { useMutation } from "@tanstack/react-query";
import { useFeedback } from "@/components/ui/feedback";
import { errorMessage } from "./errors";
import { type RouterOutputs, useTRPC } from "./trpc";

/**
 * Switches the session to another of the user's workspaces, then loads `to(role)` afresh: a full page
 * load, so nothing of the workspace left behind (cached queries, an open builder) stays on screen.
 */
export function useSwitchWorkspace(to: (role: RouterOutputs["workspace"]["switch"]["role"]) => string) {
  const trpc = useTRPC();
  const { toast } = useFeedback();
  return useMutation(
    trpc.workspace.switch.mutationOptions({
      onSuccess: (workspace) => window.location.assign(to(workspace.role)),
      onError: (e) => toast({ tone: "error", title: "Couldn't switch workspaces", message: errorMessage(e) }),
    }),
  );
}
