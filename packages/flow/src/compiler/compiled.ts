import type { StepOf } from "../document";
import type { StepType } from "../step-types";

export type CompiledStep = {
  [T in StepType]: {
    id: string;
    type: T;
    title: string;
    config: StepOf<T>["config"];
    /** Output handle -> target step id (null: the output ends the conversation). */
    outputs: Record<string, string | null>;
  };
}[StepType];

export const COMPILED_FORMAT_VERSION = 1 as const;

/** What a published flow version stores and the engine runs. Plain JSON; every lookup is O(1). */
export interface CompiledFlow {
  format: "switchboard.compiled";
  version: typeof COMPILED_FORMAT_VERSION;
  entryStepId: string;
  steps: Record<string, CompiledStep>;
  /** Normalized alias ("/help", "prices") -> step id. */
  aliases: Record<string, string>;
}

/** Aliases match case-insensitively, ignoring surrounding and repeated spaces and a "@botname" suffix on commands. */
export function normalizeAlias(text: string): string {
  let t = text.trim().replace(/\s+/g, " ").toLowerCase();
  if (t.startsWith("/")) t = t.replace(/^(\/[^\s@]+)@\S+/, "$1");
  return t;
}
