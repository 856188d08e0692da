import { Badge, type Tone } from "@/components/ui/badge";

const STATUS: Record<string, { tone: Tone; label: string }> = {
  bot: { tone: "brand", label: "Bot" },
  operator: { tone: "amber", label: "Operator" },
  closed: { tone: "gray", label: "Closed" },
  blocked: { tone: "red", label: "Blocked" },
};

export function ConversationStatus({ status }: { status: string }) {
  const s = STATUS[status] ?? { tone: "gray" as Tone, label: status };
  return (
    <Badge tone={s.tone} dot data-testid="conversation-status">
      {s.label}
    </Badge>
  );
}
