import { Badge, type Tone } from "@/components/ui/badge";
import type { DisplayStatus } from "./inbox-state";

const STATUS: Record<DisplayStatus, { tone: Tone; label: string }> = {
  bot: { tone: "brand", label: "Bot" },
  waiting: { tone: "amber", label: "Waiting for an operator" },
  operator: { tone: "green", label: "With an operator" },
  closed: { tone: "gray", label: "Closed" },
  blocked: { tone: "red", label: "Blocked" },
};

export function ConversationStatus({ status }: { status: DisplayStatus }) {
  const s = STATUS[status];
  return (
    <span data-testid="conversation-status" data-status={status} className="inline-flex">
      <Badge tone={s.tone} dot>
        {s.label}
      </Badge>
    </span>
  );
}
