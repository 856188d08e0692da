import { stepLabel, stepLabelIn } from "@switchboard/flow";
import type { Tone } from "@/components/ui/badge";
import type { RouterOutputs } from "@/lib/trpc";

/*
 * Pure helpers of the leads pages: the list's filters as the API wants them, how a lead's stage,
 * source and contact read.
 */

export type Lead = RouterOutputs["leads"]["list"][number];
export type StageKind = "open" | "won" | "lost";

/** The owner filter's values: any owner, nobody's leads, or a member's user id. */
export const ANY_OWNER = "";
export const UNOWNED = "__unowned__";

export interface LeadFilters {
  stageId: string;
  owner: string;
  botId: string;
}

export const NO_FILTERS: LeadFilters = { stageId: "", owner: ANY_OWNER, botId: "" };

export function leadsListInput(f: LeadFilters): {
  stageId?: string;
  ownerUserId?: string | null;
  botId?: string;
} {
  return {
    ...(f.stageId ? { stageId: f.stageId } : {}),
    ...(f.owner === UNOWNED ? { ownerUserId: null } : f.owner ? { ownerUserId: f.owner } : {}),
    ...(f.botId ? { botId: f.botId } : {}),
  };
}

export const hasFilters = (f: LeadFilters) => !!(f.stageId || f.owner || f.botId);

export function stageTone(kind: StageKind | undefined): Tone {
  if (kind === "won") return "green";
  if (kind === "lost") return "red";
  return "blue";
}

/** Where the lead came from: "@bot · step title" for a flow's Create-lead step, else how it was made. */
export function leadSource(
  lead: Pick<Lead, "source" | "botUsername" | "stepId" | "stepType" | "stepTitle" | "flowName">,
): {
  label: string;
  detail: string | null;
} {
  if (lead.source === "manual") return { label: "Added by hand", detail: null };
  if (lead.source === "api") return { label: "Added through the API", detail: null };
  const bot = lead.botUsername ? `@${lead.botUsername}` : "A removed bot";
  return {
    label: lead.stepId ? `${bot} · ${leadStepLabel(lead.stepId, lead.stepType, lead.stepTitle)}` : bot,
    detail: lead.flowName ?? (lead.botUsername ? null : "its flow is gone"),
  };
}

/** The Create-lead step by its title (else its type and a short id), never the bare id. */
function leadStepLabel(stepId: string, type: string | null, title: string | null): string {
  return type ? stepLabel({ id: stepId, type, title: title ?? "" }) : stepLabelIn({}, stepId);
}

/** The contact in one line: the name, else the username, else the phone. */
export function contactLabel(lead: Pick<Lead, "contactName" | "contactUsername" | "contactPhone">): string {
  return (
    lead.contactName.trim() ||
    (lead.contactUsername ? `@${lead.contactUsername}` : "") ||
    lead.contactPhone ||
    "Unnamed contact"
  );
}

/** A lead title as the API takes it: trimmed, 1–200 characters. Null when fine. */
export function titleError(title: string): string | null {
  const t = title.trim();
  if (!t) return "Give the lead a title.";
  if (Array.from(t).length > 200) return "A lead's title can have at most 200 characters.";
  return null;
}
