"use client";

import {
  type DiffConnection,
  diffFieldLabel,
  type FlowDiff,
  type FlowDocument,
  isEmptyDiff,
  stepOutputs,
  stepRegistry,
} from "@switchboard/flow";
import { cn } from "@/lib/cn";

/** How the list names a step: its title, else its type. */
function stepName(docs: FlowDocument[], id: string | null): string {
  if (!id) return "none";
  for (const d of docs) {
    const s = d.steps.find((x) => x.id === id);
    if (s) return s.title || stepRegistry[s.type].label;
  }
  return id;
}

/** "Main menu → Pricing (💰 Pricing)": the output's label when it isn't the plain "next". */
function connectionLabel(docs: FlowDocument[], c: DiffConnection): string {
  let output = "";
  for (const d of docs) {
    const s = d.steps.find((x) => x.id === c.source);
    const o = s && stepOutputs(s).find((x) => x.handle === c.sourceHandle);
    if (o) {
      output = c.sourceHandle === "next" ? "" : ` (${o.label})`;
      break;
    }
  }
  return `${stepName(docs, c.source)}${output} → ${stepName(docs, c.target)}`;
}

/** The diff as a list; clicking a step's change centres it on both canvases. */
export function ChangeList({
  diff,
  before,
  after,
  onShow,
}: {
  diff: FlowDiff;
  before: FlowDocument;
  after: FlowDocument;
  onShow: (stepId: string) => void;
}) {
  const docs = [after, before];
  if (isEmptyDiff(diff))
    return (
      <p className="p-3 text-sm text-zinc-500" data-testid="diff-empty">
        No changes: both run the same bot{diff.moved.length ? " (some steps only moved on the canvas)" : ""}.
      </p>
    );
  return (
    <div className="space-y-4 p-3 text-xs" data-testid="diff-changes">
      {diff.entry && (
        <Group title="Start step">
          <li className="px-2 py-1 text-zinc-700">
            {stepName(docs, diff.entry.before)} → {stepName(docs, diff.entry.after)}
          </li>
        </Group>
      )}
      {diff.added.length > 0 && (
        <Group title={`Added (${diff.added.length})`}>
          {diff.added.map((s) => (
            <StepChange key={s.id} id={s.id} tone="added" name={stepName(docs, s.id)} onShow={onShow} />
          ))}
        </Group>
      )}
      {diff.removed.length > 0 && (
        <Group title={`Removed (${diff.removed.length})`}>
          {diff.removed.map((s) => (
            <StepChange key={s.id} id={s.id} tone="removed" name={stepName(docs, s.id)} onShow={onShow} />
          ))}
        </Group>
      )}
      {diff.changed.length > 0 && (
        <Group title={`Changed (${diff.changed.length})`}>
          {diff.changed.map((s) => (
            <StepChange
              key={s.id}
              id={s.id}
              tone="changed"
              name={stepName(docs, s.id)}
              detail={s.fields.map(diffFieldLabel).join(", ")}
              onShow={onShow}
            />
          ))}
        </Group>
      )}
      {(diff.connectionsAdded.length > 0 || diff.connectionsRemoved.length > 0) && (
        <Group title="Connections">
          {diff.connectionsAdded.map((c) => (
            <li key={`+${c.source}${c.sourceHandle}${c.target}`} className="px-2 py-1 text-emerald-700">
              + {connectionLabel(docs, c)}
            </li>
          ))}
          {diff.connectionsRemoved.map((c) => (
            <li key={`-${c.source}${c.sourceHandle}${c.target}`} className="px-2 py-1 text-red-700">
              − {connectionLabel(docs, c)}
            </li>
          ))}
        </Group>
      )}
      {diff.moved.length > 0 && (
        <p className="px-2 text-zinc-400">
          {diff.moved.length} step{diff.moved.length === 1 ? "" : "s"} only moved on the canvas.
        </p>
      )}
    </div>
  );
}

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <h3 className="mb-1 px-2 text-[11px] font-semibold tracking-wide text-zinc-400 uppercase">{title}</h3>
      <ul className="space-y-0.5">{children}</ul>
    </section>
  );
}

const TONE_DOT = { added: "bg-emerald-500", removed: "bg-red-500", changed: "bg-amber-500" } as const;

function StepChange({
  id,
  tone,
  name,
  detail,
  onShow,
}: {
  id: string;
  tone: keyof typeof TONE_DOT;
  name: string;
  detail?: string;
  onShow: (stepId: string) => void;
}) {
  return (
    <li>
      <button
        type="button"
        onClick={() => onShow(id)}
        data-testid={`diff-change-${id}`}
        data-tone={tone}
        className="flex w-full items-start gap-2 rounded-md px-2 py-1 text-left hover:bg-zinc-100"
        title="Show this step"
      >
        <span className={cn("mt-1 size-2 shrink-0 rounded-full", TONE_DOT[tone])} />
        <span className="min-w-0">
          <span className="block truncate font-medium text-zinc-800">{name}</span>
          {detail && <span className="block text-[11px] text-zinc-500">{detail}</span>}
        </span>
      </button>
    </li>
  );
}
