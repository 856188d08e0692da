"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { useFeedback } from "@/components/ui/feedback";
import { Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { ToggleRow } from "./setting-row";

/** Who takes the bot's conversations: the caller joins or leaves; everyone in the pool is listed. */
export function OperatorPool({ botId, botUsername }: { botId: string; botUsername: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const me = useQuery(trpc.workspace.current.queryOptions());
  const pool = useQuery(trpc.operators.pool.queryOptions({ botId }));
  const onSuccess = (members: NonNullable<typeof pool.data>) =>
    queryClient.setQueryData(trpc.operators.pool.queryKey({ botId }), members);
  const onError = (e: unknown) =>
    toast({ tone: "error", title: "Couldn't change the operators", message: errorMessage(e) });
  const join = useMutation(trpc.operators.join.mutationOptions({ onSuccess, onError }));
  const leave = useMutation(trpc.operators.leave.mutationOptions({ onSuccess, onError }));

  const members = pool.data ?? [];
  const inPool = !!me.data && members.some((m) => m.email === me.data.email);
  const pending = join.isPending || leave.isPending;
  const shown = join.isPending ? true : leave.isPending ? false : inPool;

  return (
    <div className="space-y-3" data-testid="operator-pool">
      <ToggleRow
        label="I take this bot's conversations"
        description={
          shown
            ? `You're in @${botUsername}'s operator pool: conversations its flow routes to an operator wait for you in the Inbox.`
            : `Join @${botUsername}'s operator pool to take the conversations its flow routes to an operator.`
        }
        checked={shown}
        disabled={pending || pool.isPending || !me.data}
        onChange={(on) => (on ? join.mutate({ botId }) : leave.mutate({ botId }))}
        testId="operator-pool-toggle"
      />
      {pool.isPending ? (
        <Skeleton className="h-8 w-full" />
      ) : members.length === 0 ? (
        <p
          className="rounded-lg bg-amber-50 p-2.5 text-xs text-amber-800 ring-1 ring-amber-200"
          data-testid="operator-pool-empty"
        >
          Nobody takes this bot's conversations: a Route-to-operator step sends “no operator” right away.
        </p>
      ) : (
        <ul
          className="divide-y divide-zinc-100 rounded-lg ring-1 ring-zinc-200"
          data-testid="operator-pool-members"
        >
          {members.map((m) => (
            <li
              key={m.userId}
              className="flex items-center gap-3 px-3 py-2"
              data-testid="operator-pool-member"
            >
              <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-600">
                {Array.from(m.name || m.email)[0]?.toUpperCase()}
              </span>
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm text-zinc-900">
                  {m.name || m.email}
                  {m.email === me.data?.email && <span className="text-zinc-500"> (you)</span>}
                </p>
                <p className="truncate text-xs text-zinc-500">{m.email}</p>
              </div>
              <Badge tone="gray">{m.role}</Badge>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
