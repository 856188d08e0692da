import type { CustomFieldDefinition } from "../contact-fields";

/**
 * What the compiler may know about the workspace a flow is published in. Every part is optional: with
 * it, references (custom fields, lead owners, pipeline stages) are checked; without it (an import, a
 * unit test) they are taken on trust and checked again at publish.
 */
export interface CompileEnvironment {
  customFields?: readonly CustomFieldDefinition[];
  memberIds?: readonly string[];
  stageIds?: readonly string[];
  /**
   * The keys of the bot variables (`{{bot.KEY}}`) of the bots that run this flow, all together. Absent
   * when no bot runs it (yet) or it is not known: then `bot.*` is taken on trust. A key is known when
   * at least one of those bots has it.
   */
  botVariableKeys?: readonly string[];
  /** The workspace's flows (Go to flow targets), with the steps of their live versions. */
  flows?: readonly EnvironmentFlow[];
  /** The names of the workspace's secrets (`{{secrets.NAME}}` in HTTP request headers); never their values. */
  secretNames?: readonly string[];
}

/** A workspace flow as the compiler sees it; `steps` come from its live version (empty when unpublished). */
export interface EnvironmentFlow {
  id: string;
  name: string;
  published: boolean;
  steps: readonly { id: string; title: string }[];
}

export const customFieldOf = (env: CompileEnvironment, key: string) =>
  env.customFields?.find((f) => f.key === key);
