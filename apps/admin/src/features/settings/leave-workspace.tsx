"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useLeaveWorkspace } from "@/lib/use-leave-workspace";

/** Any member may leave the workspace (its only owner can't: the API explains why). */
export function LeaveWorkspace({ workspaceName }: { workspaceName: string }) {
  const { leaveWorkspace, leaving } = useLeaveWorkspace();
  return (
    <Card className="p-5">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center">
        <div className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold text-zinc-900">Leave this workspace</h2>
          <p className="mt-1 text-sm text-zinc-500">
            You lose access to {workspaceName}; your other workspaces stay. An owner can leave once another
            member is an owner too.
          </p>
        </div>
        <Button
          variant="secondary"
          className="hover:bg-red-50 hover:text-red-600"
          loading={leaving}
          onClick={() => void leaveWorkspace(workspaceName)}
          data-testid="settings-leave-workspace"
        >
          Leave workspace
        </Button>
      </div>
    </Card>
  );
}
