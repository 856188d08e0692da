"use client";

import { Badge } from "@/components/ui/badge";
import { DataTable, type TableColumn, TimeAgoCell } from "@/components/ui/data-table";
import { LEVEL_LABEL, LEVEL_TONE, type LogLine, methodLabel, setAsideUpdateId } from "./log-view";

const COLUMNS: TableColumn[] = [
  { label: "Level", className: "w-[11%] px-5" },
  { label: "Kind", className: "w-[16%] px-3" },
  { label: "Message", className: "px-3" },
  { label: "When", className: "w-[16%] px-5 text-right" },
];

/** The bot's log lines, newest first; a set-aside update is marked as such. */
export function LogsTable({ lines }: { lines: LogLine[] }) {
  return (
    <DataTable columns={COLUMNS} testId="bot-log-lines">
      {lines.map((line) => {
        const setAside = setAsideUpdateId(line);
        return (
          <tr key={line.id} data-testid="bot-log-line" data-level={line.level}>
            <td className="px-5 py-3 align-top">
              <Badge tone={LEVEL_TONE[line.level]} dot>
                {LEVEL_LABEL[line.level]}
              </Badge>
            </td>
            <td
              className="truncate px-3 py-3 align-top font-mono text-xs text-zinc-600"
              title={line.method ?? undefined}
            >
              {methodLabel(line.method)}
              {setAside !== null && <span className="mt-1 block font-sans text-zinc-400">set aside</span>}
            </td>
            <td className="break-words px-3 py-3 align-top text-zinc-800">{line.message}</td>
            <TimeAgoCell at={line.createdAt} className="align-top" />
          </tr>
        );
      })}
    </DataTable>
  );
}
