import { Badge, type Tone } from "@/components/ui/badge";
import type { InboxStatus } from "./permissions";

const STATUS: Record<InboxStatus, { tone: Tone; label: string }> = {
  waiting: { tone: "amber", label: "Waiting" },
  operator: { tone: "green", label: "With an operator" },
  bot: { tone: "brand", label: "With the bot" },
  closed: { tone: "gray", label: "Closed" },
  blocked: { tone: "red", label: "Blocked" },
};

export function StatusBadge({ status }: { status: InboxStatus }) {
  const s = STATUS[status];
  return (
    <Badge tone={s.tone} dot data-testid="inbox-status">
      {s.label}
    </Badge>
  );
}
