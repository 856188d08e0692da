import type { LeadOwner } from "@switchboard/flow";
import type { PipelineStage, WorkspaceMember } from "../../workspace-environment";

/* The owner and stage pickers of a Create-lead step. */

export interface PickerOption {
  value: string;
  label: string;
}

/** The owner as a <select> value: "contact_owner", "none" or "member:<userId>". */
export const ownerValue = (owner: LeadOwner) =>
  owner.kind === "member" ? `member:${owner.userId}` : owner.kind;

export function ownerFromValue(value: string): LeadOwner {
  if (value.startsWith("member:")) return { kind: "member", userId: value.slice("member:".length) };
  return value === "none" ? { kind: "none" } : { kind: "contact_owner" };
}

const memberLabel = (m: WorkspaceMember) => (m.name.trim() ? `${m.name} (${m.email})` : m.email);

/** Who can own the lead; a chosen member who is no longer in the list stays, marked. */
export function ownerOptions(members: readonly WorkspaceMember[] | null, owner: LeadOwner): PickerOption[] {
  const options: PickerOption[] = [
    { value: "contact_owner", label: "The contact's owner" },
    { value: "none", label: "Nobody" },
    ...(members ?? []).map((m) => ({ value: `member:${m.userId}`, label: memberLabel(m) })),
  ];
  if (owner.kind === "member" && !options.some((o) => o.value === ownerValue(owner)))
    options.push({ value: ownerValue(owner), label: members ? "A former member" : "A member" });
  return options;
}

/** "" is the pipeline's first stage (stageId null). */
export function stageOptions(
  stages: readonly PipelineStage[] | null,
  stageId: string | null,
): PickerOption[] {
  const sorted = [...(stages ?? [])].sort((a, b) => a.position - b.position);
  const first = sorted[0];
  const options: PickerOption[] = [
    { value: "", label: first ? `First stage (${first.name})` : "First stage" },
    ...sorted.map((s) => ({ value: s.id, label: s.name })),
  ];
  if (stageId && !options.some((o) => o.value === stageId))
    options.push({ value: stageId, label: stages ? "A deleted stage" : "A chosen stage" });
  return options;
}

/** What the node shows for the stage. */
export function stageLabel(stages: readonly PipelineStage[] | null, stageId: string | null): string {
  if (!stageId) return "First stage";
  const stage = stages?.find((s) => s.id === stageId);
  if (stage) return stage.name;
  return stages ? "Deleted stage" : "Chosen stage";
}

/** What the node shows for the owner. */
export function ownerLabel(members: readonly WorkspaceMember[] | null, owner: LeadOwner): string {
  switch (owner.kind) {
    case "contact_owner":
      return "Contact's owner";
    case "none":
      return "No owner";
    case "member": {
      const member = members?.find((m) => m.userId === owner.userId);
      return member ? member.name.trim() || member.email : members ? "Former member" : "A member";
    }
  }
}
