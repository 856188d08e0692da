"use client";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { dateTime, timeAgo } from "@/lib/format";
import { LEVEL_LABEL, LEVEL_TONE, type LogLine, methodLabel, setAsideUpdateId } from "./log-view";

/** The bot's log lines, newest first; a set-aside update is marked as such. */
export function LogsTable({ lines }: { lines: LogLine[] }) {
  return (
    <Card className="overflow-hidden">
      <div className="overflow-x-auto">
        <table className="w-full table-fixed text-left text-sm" data-testid="bot-log-lines">
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-medium text-zinc-500">
            <tr>
              <th className="w-[11%] px-5 py-2.5 font-medium">Level</th>
              <th className="w-[16%] px-3 py-2.5 font-medium">Kind</th>
              <th className="px-3 py-2.5 font-medium">Message</th>
              <th className="w-[16%] px-5 py-2.5 text-right font-medium">When</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
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
                    {setAside !== null && (
                      <span className="mt-1 block font-sans text-zinc-400">set aside</span>
                    )}
                  </td>
                  <td className="break-words px-3 py-3 align-top text-zinc-800">{line.message}</td>
                  <td
                    className="px-5 py-3 text-right align-top text-zinc-500"
                    title={dateTime(line.createdAt)}
                  >
                    {timeAgo(line.createdAt)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
