"use client";

import { useMutation } from "@tanstack/react-query";
import { useFeedback } from "@/components/ui/feedback";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { landingFor } from "./roles";

/** Leave the current workspace (after a confirmation); the browser then loads the next one. */
export function useLeaveWorkspace() {
  const trpc = useTRPC();
  const { confirm, toast } = useFeedback();
  const leave = useMutation(
    trpc.members.leave.mutationOptions({
      onSuccess: ({ workspace }) => window.location.assign(workspace ? landingFor(workspace.role) : "/"),
      onError: (e) =>
        toast({ tone: "error", title: "Couldn't leave the workspace", message: errorMessage(e) }),
    }),
  );
  async function leaveWorkspace(workspaceName: string) {
    const ok = await confirm({
      title: `Leave ${workspaceName}?`,
      message:
        "You lose access to its bots, flows and conversations right away. Conversations you have go back to the queue. To come back, someone has to invite you again.",
      confirmLabel: "Leave workspace",
      danger: true,
    });
    if (ok) leave.mutate();
  }
  return { leaveWorkspace, leaving: leave.isPending };
}
