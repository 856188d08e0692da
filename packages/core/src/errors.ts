/**
 * Domain errors: what went wrong in words a user understands, with a code the transport maps once
 * (tRPC in packages/api/src/trpc.ts, HTTP status in route handlers). Domain code never throws a
 * transport's error type.
 */
export const DOMAIN_ERROR_CODES = [
  /** The thing asked for does not exist in the caller's workspace. */
  "NOT_FOUND",
  /** The caller may not do this (role, ownership). */
  "FORBIDDEN",
  /** Not signed in, or the credential is not valid. */
  "UNAUTHENTICATED",
  /** The input is malformed or breaks a rule. */
  "INVALID",
  /** The change collides with the current state (already taken, duplicate key). */
  "CONFLICT",
  /** The state of something else does not allow it now (a flow still in use, a closed conversation). */
  "PRECONDITION_FAILED",
  /** The input is larger than allowed. */
  "TOO_LARGE",
  /** Something outside (Telegram, a network) did not answer as needed. */
  "UNAVAILABLE",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} not found.`);
export const forbidden = (message: string) => new DomainError("FORBIDDEN", message);
export const invalid = (message: string, details?: Record<string, unknown>) =>
  new DomainError("INVALID", message, details);
export const conflict = (message: string) => new DomainError("CONFLICT", message);
export const preconditionFailed = (message: string) => new DomainError("PRECONDITION_FAILED", message);
export const tooLarge = (message: string) => new DomainError("TOO_LARGE", message);

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
