import type { SetValuesOperation } from "@switchboard/flow";
import { parseSetTarget } from "@switchboard/flow";

/* The Set values editor's logic: new operations and how they read on the canvas. */

export const OPERATION_KINDS = [
  { value: "set", label: "Set" },
  { value: "add", label: "Add to" },
  { value: "subtract", label: "Subtract from" },
  { value: "add_tags", label: "Add tags" },
  { value: "remove_tags", label: "Remove tags" },
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number]["value"];

export function newOperation(kind: OperationKind): SetValuesOperation {
  switch (kind) {
    case "set":
      return { kind, target: "vars.value", value: "" };
    case "add":
    case "subtract":
      return { kind, variable: "counter", amount: "1" };
    case "add_tags":
    case "remove_tags":
      return { kind, tags: [] };
  }
}

/** Switching an operation's kind keeps what still fits (a counter's variable, the tags). */
export function changeKind(op: SetValuesOperation, kind: OperationKind): SetValuesOperation {
  const next = newOperation(kind);
  if ((next.kind === "add" || next.kind === "subtract") && (op.kind === "add" || op.kind === "subtract"))
    return { ...next, variable: op.variable, amount: op.amount };
  if ((next.kind === "add" || next.kind === "subtract") && op.kind === "set") {
    const target = parseSetTarget(op.target);
    if (target?.kind === "vars") return { ...next, variable: target.key };
  }
  if ((next.kind === "add_tags" || next.kind === "remove_tags") && "tags" in op)
    return { ...next, tags: op.tags };
  return next;
}

export function targetError(target: string): string | undefined {
  return parseSetTarget(target.trim())
    ? undefined
    : "Use vars.NAME, fields.KEY or contact.FIELD (e.g. contact.email).";
}

export function amountError(amount: string): string | undefined {
  if (amount.includes("{{")) return undefined;
  const n = Number(amount.trim().replace(",", "."));
  return amount.trim() !== "" && Number.isFinite(n) ? undefined : "Enter a number (or a {{variable}}).";
}

/** "vars.plan = {{vars.choice}}", "visits + 1", "+vip +lead", "−cold". */
export function operationSummary(op: SetValuesOperation): string {
  switch (op.kind) {
    case "set":
      return `${op.target} = ${op.value || "(empty)"}`;
    case "add":
      return `${op.variable} + ${op.amount}`;
    case "subtract":
      return `${op.variable} − ${op.amount}`;
    case "add_tags":
      return op.tags.map((t) => `+${t}`).join(" ") || "add tags: none yet";
    case "remove_tags":
      return op.tags.map((t) => `−${t}`).join(" ") || "remove tags: none yet";
  }
}
