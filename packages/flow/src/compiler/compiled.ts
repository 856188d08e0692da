import type { Audience } from "../audience";
import type { CustomFieldDefinition } from "../contact-fields";
import type { StepConfigOf, StepType } from "../steps/registry";

export type CompiledStep = {
  [T in StepType]: {
    id: string;
    type: T;
    title: string;
    config: StepConfigOf<T>;
    /** Output handle -> target step id (null: the output ends the conversation). */
    outputs: Record<string, string | null>;
    /** Present when the step has an audience filter (with rules). */
    audience?: Audience;
  };
}[StepType];

export const COMPILED_FORMAT_VERSION = 2 as const;

/** What a published flow version stores and the engine runs. Plain JSON; every lookup is O(1). */
export interface CompiledFlow {
  format: "switchboard.compiled";
  /** 1: before audiences, media and contact fields (still runnable: the missing parts are empty). */
  version: typeof COMPILED_FORMAT_VERSION | 1;
  entryStepId: string;
  steps: Record<string, CompiledStep>;
  /** Normalized alias ("/help", "prices") -> step id. */
  aliases: Record<string, string>;
  /** The workspace's custom fields the flow uses, as they were at publish. */
  contactFields?: Record<string, CustomFieldDefinition>;
}

/** Aliases match case-insensitively, ignoring surrounding and repeated spaces and a "@botname" suffix on commands. */
export function normalizeAlias(text: string): string {
  let t = text.trim().replace(/\s+/g, " ").toLowerCase();
  if (t.startsWith("/")) t = t.replace(/^(\/[^\s@]+)@\S+/, "$1");
  return t;
}
