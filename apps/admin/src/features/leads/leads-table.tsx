"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { DataTable, type TableColumn, TimeAgoCell } from "@/components/ui/data-table";
import { contactLabel, type Lead, leadSource, type StageKind } from "./lead-view";
import { StageBadge } from "./stage-badge";

const COLUMNS: TableColumn[] = [
  { label: "Lead", className: "w-[24%] px-5" },
  { label: "Contact", className: "w-[17%] px-3" },
  { label: "Stage", className: "w-[12%] px-3" },
  { label: "Owner", className: "w-[13%] px-3" },
  { label: "Source", className: "px-3" },
  { label: "Created", className: "w-[10%] px-5 text-right" },
];

export function LeadsTable({ leads, stageKinds }: { leads: Lead[]; stageKinds: Map<string, StageKind> }) {
  const router = useRouter();
  return (
    <DataTable columns={COLUMNS} testId="leads-table">
      {leads.map((lead) => {
        const source = leadSource(lead);
        return (
          <tr
            key={lead.id}
            onClick={() => router.push(`/leads/${lead.id}`)}
            className="cursor-pointer hover:bg-zinc-50"
            data-testid="lead-row"
            data-lead-id={lead.id}
          >
            <td className="px-5 py-3">
              <Link
                href={`/leads/${lead.id}`}
                onClick={(e) => e.stopPropagation()}
                className="block truncate font-medium text-zinc-900 hover:text-brand-700"
                title={lead.title}
                data-testid="lead-title"
              >
                {lead.title}
              </Link>
              {lead.tags.length > 0 && (
                <p className="mt-0.5 truncate text-xs text-zinc-500">
                  {lead.tags.map((t) => `#${t}`).join(" ")}
                </p>
              )}
            </td>
            <td className="px-3 py-3">
              <span className="block truncate text-zinc-800" data-testid="lead-contact">
                {contactLabel(lead)}
              </span>
              {(lead.contactPhone || lead.contactUsername) && (
                <span className="block truncate text-xs text-zinc-500">
                  {lead.contactPhone ?? `@${lead.contactUsername}`}
                </span>
              )}
            </td>
            <td className="px-3 py-3">
              <StageBadge name={lead.stageName} kind={stageKinds.get(lead.stageId)} />
            </td>
            <td className="truncate px-3 py-3 text-zinc-700" data-testid="lead-owner">
              {lead.ownerName ?? <span className="text-zinc-400">Unowned</span>}
            </td>
            <td className="px-3 py-3" data-testid="lead-source">
              <span className="block truncate text-zinc-700" title={source.label}>
                {source.label}
              </span>
              {source.detail && <span className="block truncate text-xs text-zinc-500">{source.detail}</span>}
            </td>
            <TimeAgoCell at={lead.createdAt} className="text-xs whitespace-nowrap" />
          </tr>
        );
      })}
    </DataTable>
  );
}
