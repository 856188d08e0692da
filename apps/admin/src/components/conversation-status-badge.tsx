import { Badge, type Tone } from "@/components/ui/badge";

/** A conversation's status as people read it: `operator` split into still `waiting` and taken. */
export type ConversationDisplayStatus = "waiting" | "operator" | "bot" | "closed" | "blocked";

const STATUS: Record<ConversationDisplayStatus, { tone: Tone; label: string }> = {
  waiting: { tone: "amber", label: "Waiting" },
  operator: { tone: "green", label: "With an operator" },
  bot: { tone: "brand", label: "With the bot" },
  closed: { tone: "gray", label: "Closed" },
  blocked: { tone: "red", label: "Blocked" },
};

/** The same badge in Conversations and the inbox. */
export function ConversationStatusBadge({
  status,
  testId = "conversation-status",
}: {
  status: ConversationDisplayStatus;
  testId?: string;
}) {
  const s = STATUS[status];
  return (
    <Badge tone={s.tone} dot data-testid={testId} data-status={status}>
      {s.label}
    </Badge>
  );
}
