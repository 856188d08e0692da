import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { dateTime, timeAgo } from "@/lib/format";

/** A column heading; `className` sets its width and alignment (e.g. "w-[16%] px-5 text-right"). */
export interface TableColumn {
  label: string;
  className?: string;
}

/**
 * The list pages' table: a card, a fixed-layout table with a muted header row and divided rows. Rows are the
 * caller's (`<tr>` elements), so each page keeps its own cells and click behaviour.
 */
export function DataTable({
  columns,
  testId,
  children,
}: {
  columns: TableColumn[];
  testId: string;
  children: ReactNode;
}) {
  return (
    <Card className="overflow-hidden">
      <div className="overflow-x-auto">
        <table className="w-full table-fixed text-left text-sm" data-testid={testId}>
          <thead className="border-b border-zinc-200 bg-zinc-50 text-xs font-medium text-zinc-500">
            <tr>
              {columns.map((column) => (
                <th key={column.label} className={`py-2.5 font-medium ${column.className ?? "px-3"}`}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">{children}</tbody>
        </table>
      </div>
    </Card>
  );
}

/** The last column of a list row: how long ago, with the exact time on hover. */
export function TimeAgoCell({ at, className = "" }: { at: Date | string; className?: string }) {
  return (
    <td className={`px-5 py-3 text-right text-zinc-500 ${className}`} title={dateTime(at)}>
      {timeAgo(at)}
    </td>
  );
}
