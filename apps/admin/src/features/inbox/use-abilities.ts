"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { abilitiesFor, type Role } from "./permissions";
import type { ConversationDetails } from "./use-open-conversation";

/**
 * What the viewer may do with the open conversation. For a waiting one in their pool, the assign
 * menu's entry for themselves says whether they are at the bot's maximum of parallel chats.
 */
export function useAbilities(details: ConversationDetails, me: { userId: string; role: Role | undefined }) {
  const trpc = useTRPC();
  const c = details.conversation;
  const operators = useQuery({
    ...trpc.inbox.operators.queryOptions({ botId: c.botId }),
    enabled: c.status === "waiting" && c.inMyPool,
  });
  const mine = operators.data?.find((o) => o.isMe);
  return abilitiesFor(
    { status: c.status, botUsername: c.botUsername, assignee: c.assignee, inMyPool: c.inMyPool },
    {
      userId: me.userId,
      role: me.role,
      capacity: mine ? { openChats: mine.openChats, maxParallelChats: mine.maxParallelChats } : null,
    },
  );
}
