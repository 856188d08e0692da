// Validation of control API request bodies. Errors name the offending field so a typo in a
// test shows up as a clear 400 instead of a confusing downstream failure.

import { ControlError } from "../errors";
import type { SandboxUser } from "../types";

export type Input = Record<string, unknown>;

export function requireString(input: Input, key: string): string {
  const value = input[key];
  if (typeof value !== "string" || value === "")
    throw new ControlError(400, `"${key}" must be a non-empty string`);
  return value;
}

export function optionalString(input: Input, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new ControlError(400, `"${key}" must be a string`);
  return value;
}

export function requireInt(input: Input, key: string): number {
  const value = input[key];
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new ControlError(400, `"${key}" must be an integer`);
  }
  return value;
}

export function optionalInt(input: Input, key: string): number | undefined {
  const value = input[key];
  return value === undefined || value === null ? undefined : requireInt(input, key);
}

export function requireUser(input: Input): SandboxUser {
  const from = input.from;
  if (typeof from !== "object" || from === null)
    throw new ControlError(400, '"from" must be a SandboxUser object');
  const user = from as Input;
  const id = requireInt(user, "id");
  if (id <= 0) throw new ControlError(400, '"from.id" must be a positive integer');
  const out: SandboxUser = { id, first_name: requireString(user, "first_name") };
  for (const key of ["last_name", "username", "language_code"] as const) {
    const value = optionalString(user, key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}
