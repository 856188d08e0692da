import type { ReactNode } from "react";
import { InfoIcon } from "@/components/ui/icons";

/** The heading of one of the step panel's sections, with an explanation on hover. */
export function SectionLabel({ label, info, aside }: { label: string; info?: string; aside?: ReactNode }) {
  return (
    <div className="flex items-center justify-between gap-2">
      <span className="flex items-center gap-1 text-xs font-medium text-zinc-700">
        {label}
        {info && (
          <span title={info}>
            <InfoIcon size={12} className="text-zinc-400" />
          </span>
        )}
      </span>
      {aside}
    </div>
  );
}
