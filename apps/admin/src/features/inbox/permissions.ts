import type { ConversationDisplayStatus } from "@/components/conversation-status-badge";
/*
 * What the viewer may do with the open conversation, and why not: the same rules the server applies
 * (docs/api.md, inbox), so buttons are disabled with a reason instead of failing after a click.
 */

/** A conversation's status as the inbox shows it (`operator` split into waiting and taken). */
export type InboxStatus = ConversationDisplayStatus;
export type Role = "owner" | "marketer" | "operator";

export interface ConversationState {
  status: InboxStatus;
  botUsername: string;
  assignee: { id: string; name: string } | null;
  /** The viewer is in the bot's operator pool. */
  inMyPool: boolean;
}

export interface Viewer {
  userId: string;
  role: Role | undefined;
  /** From the assign menu (`inbox.operators`): the viewer's own open chats of this bot and its maximum. */
  capacity?: { openChats: number; maxParallelChats: number } | null;
}

export interface Ability {
  /** Show the control at all. */
  visible: boolean;
  enabled: boolean;
  /** Why it is disabled (a tooltip / hint); null when enabled. */
  reason: string | null;
}

export interface ConversationAbilities {
  take: Ability;
  reply: Ability;
  close: Ability;
  returnToBot: Ability;
  assign: Ability;
  note: Ability;
  /** The conversation is the viewer's. */
  mine: boolean;
}

const yes: Ability = { visible: true, enabled: true, reason: null };
const no = (reason: string, visible = true): Ability => ({ visible, enabled: false, reason });
const hidden: Ability = { visible: false, enabled: false, reason: null };

function notWithOperator(status: InboxStatus): string {
  if (status === "closed") return "This conversation is closed.";
  if (status === "blocked") return "The user blocked the bot.";
  return "The bot has this conversation now.";
}

export function abilitiesFor(c: ConversationState, viewer: Viewer): ConversationAbilities {
  const owner = viewer.role === "owner";
  const mine = c.status === "operator" && c.assignee?.id === viewer.userId;
  const withOperator = c.status === "operator" || c.status === "waiting";
  const note = yes;

  if (!withOperator) {
    const reason = notWithOperator(c.status);
    return {
      take: hidden,
      reply: no(reason),
      close: hidden,
      returnToBot: hidden,
      assign: hidden,
      note,
      mine,
    };
  }

  const atCapacity =
    viewer.capacity && viewer.capacity.openChats >= viewer.capacity.maxParallelChats
      ? `You have ${viewer.capacity.openChats} of @${c.botUsername}'s conversations, its maximum. Close one first.`
      : null;

  if (c.status === "waiting") {
    const take = !c.inMyPool
      ? no(`Join @${c.botUsername}'s operators to take its conversations.`)
      : atCapacity
        ? no(atCapacity)
        : yes;
    const manage = owner ? yes : no("Take the conversation first.", false);
    return {
      take,
      reply: no("Take the conversation first."),
      close: manage,
      returnToBot: manage,
      assign: owner ? yes : hidden,
      note,
      mine,
    };
  }

  // With an operator.
  const holder = c.assignee?.name ?? "Someone";
  if (mine) return { take: hidden, reply: yes, close: yes, returnToBot: yes, assign: yes, note, mine };
  const othersReason = `${holder} has this conversation; only they or an owner can close it, hand it back or pass it on.`;
  return {
    take: hidden,
    reply: no(`${holder} has this conversation.`),
    close: owner ? yes : no(othersReason),
    returnToBot: owner ? yes : no(othersReason),
    assign: owner ? yes : no(othersReason),
    note,
    mine,
  };
}

export interface AssignOption {
  userId: string;
  name: string;
  presence: "online" | "away" | "offline";
  openChats: number;
  maxParallelChats: number;
  canTakeMore: boolean;
  isMe: boolean;
}

/** Whether the menu's entry for an operator can be picked, and why not. */
export function assignOptionState(
  o: AssignOption,
  assigneeId: string | null,
): { enabled: boolean; note: string | null } {
  if (o.userId === assigneeId) return { enabled: false, note: "Has it now" };
  if (!o.canTakeMore) return { enabled: false, note: `Full (${o.openChats}/${o.maxParallelChats})` };
  return { enabled: true, note: null };
}
