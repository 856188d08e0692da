import { Badge } from "@/components/ui/badge";
import { type StageKind, stageTone } from "./lead-view";

export function StageBadge({ name, kind }: { name: string; kind: StageKind | undefined }) {
  return (
    <Badge tone={stageTone(kind)} dot data-testid="lead-stage">
      {name}
    </Badge>
  );
}
