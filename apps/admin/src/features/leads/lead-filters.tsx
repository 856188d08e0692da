"use client";

import { Select } from "@/components/ui/field";
import type { RouterOutputs } from "@/lib/trpc";
import { ANY_OWNER, type LeadFilters, UNOWNED } from "./lead-view";

type Stage = RouterOutputs["leads"]["stages"][number];
type Member = RouterOutputs["workspace"]["members"][number];
type Bot = RouterOutputs["bots"]["list"][number];

export function LeadFiltersBar({
  value,
  onChange,
  stages,
  members,
  bots,
}: {
  value: LeadFilters;
  onChange: (next: LeadFilters) => void;
  stages: Stage[];
  members: Member[];
  bots: Bot[];
}) {
  return (
    <>
      <Select
        aria-label="Filter by stage"
        data-testid="leads-stage-filter"
        value={value.stageId}
        onChange={(e) => onChange({ ...value, stageId: e.target.value })}
        className="w-40"
      >
        <option value="">All stages</option>
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Filter by owner"
        data-testid="leads-owner-filter"
        value={value.owner}
        onChange={(e) => onChange({ ...value, owner: e.target.value })}
        className="w-44"
      >
        <option value={ANY_OWNER}>Any owner</option>
        <option value={UNOWNED}>Unowned</option>
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name || m.email}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Filter by bot"
        data-testid="leads-bot-filter"
        value={value.botId}
        onChange={(e) => onChange({ ...value, botId: e.target.value })}
        className="w-48"
      >
        <option value="">All bots</option>
        {bots.map((b) => (
          <option key={b.id} value={b.id}>
            @{b.username}
          </option>
        ))}
      </Select>
    </>
  );
}
