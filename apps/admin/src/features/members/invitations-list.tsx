"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, ErrorNotice } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { dateTime, timeAgo } from "@/lib/format";
import { ROLE_LABEL } from "@/lib/roles";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import { CopyButton } from "./copy-button";
import { ROLE_TONE } from "./members-list";

type Invitation = RouterOutputs["invitations"]["list"][number];

/** Open invitations: copy a link again, or revoke it. */
export function InvitationsList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { confirm, toast } = useFeedback();
  const invitations = useQuery(trpc.invitations.list.queryOptions());
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSuccess: (list) => {
        queryClient.setQueryData(trpc.invitations.list.queryKey(), list);
        toast({ tone: "success", title: "Invitation revoked", message: "Its link no longer works." });
      },
      onError: (e) =>
        toast({ tone: "error", title: "Couldn't revoke the invitation", message: errorMessage(e) }),
    }),
  );

  async function onRevoke(invitation: Invitation) {
    const ok = await confirm({
      title: `Revoke the invitation for ${invitation.email}?`,
      message: "The link stops working. You can invite them again later.",
      confirmLabel: "Revoke",
      danger: true,
    });
    if (ok) revoke.mutate({ id: invitation.id });
  }

  return (
    <Card className="overflow-hidden">
      <div className="border-b border-zinc-100 px-5 py-3.5">
        <h2 className="text-sm font-semibold text-zinc-900">
          Open invitations
          {invitations.data && (
            <span className="ml-1.5 font-normal text-zinc-500">{invitations.data.length}</span>
          )}
        </h2>
      </div>
      {invitations.isPending ? (
        <div className="p-5">
          <Skeleton className="h-10 w-full" />
        </div>
      ) : invitations.error ? (
        <ErrorNotice
          className="m-5"
          title="Couldn't load the invitations"
          message={errorMessage(invitations.error)}
        />
      ) : invitations.data.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-zinc-500" data-testid="invitations-empty">
          No open invitations. Invited people show up here until they accept.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100" data-testid="invitations-list">
          {invitations.data.map((inv) => (
            <li
              key={inv.id}
              className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-3"
              data-testid="invitation-row"
              data-email={inv.email}
            >
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-zinc-900">{inv.email}</p>
                <p className="truncate text-xs text-zinc-500">
                  {inv.invitedByName ? `Invited by ${inv.invitedByName}` : "Invited"}{" "}
                  <span title={dateTime(inv.createdAt)}>{timeAgo(inv.createdAt)}</span> ·{" "}
                  <span title={dateTime(inv.expiresAt)}>expires {timeAgo(inv.expiresAt)}</span>
                </p>
              </div>
              <Badge tone={ROLE_TONE[inv.role]}>{ROLE_LABEL[inv.role]}</Badge>
              <div className="flex items-center gap-1.5">
                {inv.link ? (
                  <CopyButton text={inv.link} label="Copy link" size="sm" testId="invitation-copy" />
                ) : (
                  <span
                    className="text-xs text-zinc-400"
                    title={
                      inv.canRevoke
                        ? "This link can't be shown again (the server's secret changed). Invite them again for a new one."
                        : "Only an owner can see an owner invitation's link."
                    }
                  >
                    Link hidden
                  </span>
                )}
                {inv.canRevoke && (
                  <Button
                    size="sm"
                    variant="ghost"
                    className="hover:bg-red-50 hover:text-red-600"
                    loading={revoke.isPending && revoke.variables?.id === inv.id}
                    disabled={revoke.isPending}
                    onClick={() => void onRevoke(inv)}
                    data-testid="invitation-revoke"
                  >
                    Revoke
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
