"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, ErrorNotice } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { Select } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { dateTime, pluralize, timeAgo } from "@/lib/format";
import { type MemberRole, ROLE_LABEL, ROLES } from "@/lib/roles";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import { useLeaveWorkspace } from "@/lib/use-leave-workspace";

type Member = RouterOutputs["members"]["list"][number];
type Me = RouterOutputs["workspace"]["current"];

export const ROLE_TONE: Record<MemberRole, Tone> = { owner: "brand", marketer: "blue", operator: "gray" };

function initials(name: string) {
  const letters = name
    .split(/\s+/)
    .map((w) => Array.from(w)[0] ?? "")
    .filter((c) => /[\p{L}\p{N}]/u.test(c));
  const picked = letters.length > 1 ? [letters[0], letters[letters.length - 1]] : letters.slice(0, 1);
  return picked.join("").toUpperCase() || "?";
}

/** The workspace's members: owners change roles and remove; everyone may leave. */
export function MembersList({ me }: { me: Me }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { confirm, toast } = useFeedback();
  const members = useQuery(trpc.members.list.queryOptions());
  const { leaveWorkspace, leaving } = useLeaveWorkspace();
  const isOwner = me.role === "owner";
  const setMembers = (list: Member[]) => queryClient.setQueryData(trpc.members.list.queryKey(), list);

  const changeRole = useMutation(
    trpc.members.changeRole.mutationOptions({
      onSuccess: (list, input) => {
        setMembers(list);
        const who = list.find((m) => m.userId === input.userId);
        toast({
          tone: "success",
          title: `${who?.name ?? "The member"} is now ${ROLE_LABEL[input.role].toLowerCase()}`,
        });
        if (who?.you) void queryClient.invalidateQueries();
      },
      onError: (e) => toast({ tone: "error", title: "Couldn't change the role", message: errorMessage(e) }),
    }),
  );
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: ({ members: list, requeued }, input) => {
        const who = members.data?.find((m) => m.userId === input.userId);
        setMembers(list);
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.members.queryKey() });
        toast({
          tone: "success",
          title: `${who?.name ?? "The member"} was removed`,
          message: requeued
            ? `${pluralize(requeued, "conversation")} they had went back to the queue.`
            : undefined,
        });
      },
      onError: (e) => toast({ tone: "error", title: "Couldn't remove the member", message: errorMessage(e) }),
    }),
  );

  async function onRole(member: Member, role: MemberRole) {
    if (role === member.role) return;
    if (member.you && member.role === "owner") {
      const ok = await confirm({
        title: `Make yourself ${ROLE_LABEL[role].toLowerCase()}?`,
        message:
          "You won't be able to manage members or roles any more, unless another owner makes you owner again.",
        confirmLabel: "Change my role",
        danger: true,
      });
      if (!ok) return;
    }
    changeRole.mutate({ userId: member.userId, role });
  }

  async function onRemove(member: Member) {
    const ok = await confirm({
      title: `Remove ${member.name || member.email}?`,
      message: `${member.email} loses access to ${me.name} right away. Conversations they have go back to the queue; the leads and contacts they own become unowned.`,
      confirmLabel: "Remove",
      danger: true,
    });
    if (ok) remove.mutate({ userId: member.userId });
  }

  return (
    <Card className="overflow-hidden">
      <div className="flex items-center justify-between gap-3 border-b border-zinc-100 px-5 py-3.5">
        <h2 className="text-sm font-semibold text-zinc-900">
          Members
          {members.data && <span className="ml-1.5 font-normal text-zinc-500">{members.data.length}</span>}
        </h2>
      </div>
      {members.isPending ? (
        <div className="space-y-3 p-5">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </div>
      ) : members.error ? (
        <ErrorNotice
          className="m-5"
          title="Couldn't load the members"
          message={errorMessage(members.error)}
        />
      ) : (
        <ul className="divide-y divide-zinc-100" data-testid="members-list">
          {members.data.map((m) => (
            <li
              key={m.userId}
              className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-3"
              data-testid="member-row"
              data-email={m.email}
            >
              <span className="flex size-9 shrink-0 items-center justify-center rounded-full bg-zinc-900 text-xs font-semibold text-white">
                {initials(m.name || m.email)}
              </span>
              <div className="min-w-0 flex-1">
                <p className="flex items-center gap-2 truncate text-sm font-medium text-zinc-900">
                  <span className="truncate" data-testid="member-name">
                    {m.name || m.email}
                  </span>
                  {m.you && <Badge tone="gray">You</Badge>}
                </p>
                <p className="truncate text-xs text-zinc-500">
                  {m.email} · <span title={dateTime(m.joinedAt)}>joined {timeAgo(m.joinedAt)}</span>
                </p>
              </div>
              {isOwner ? (
                <Select
                  aria-label={`Role of ${m.name || m.email}`}
                  value={m.role}
                  disabled={changeRole.isPending}
                  onChange={(e) => void onRole(m, e.target.value as MemberRole)}
                  className="h-8 w-32 text-xs"
                  data-testid="member-role"
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABEL[r]}
                    </option>
                  ))}
                </Select>
              ) : (
                <Badge tone={ROLE_TONE[m.role]} data-testid="member-role">
                  {ROLE_LABEL[m.role]}
                </Badge>
              )}
              <div className="flex w-24 justify-end">
                {m.you ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    loading={leaving}
                    onClick={() => void leaveWorkspace(me.name)}
                    data-testid="member-leave"
                  >
                    Leave
                  </Button>
                ) : isOwner ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    className="hover:bg-red-50 hover:text-red-600"
                    loading={remove.isPending && remove.variables?.userId === m.userId}
                    disabled={remove.isPending}
                    onClick={() => void onRemove(m)}
                    data-testid="member-remove"
                  >
                    Remove
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
