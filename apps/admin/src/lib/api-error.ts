import { TRPCClientError } from "@trpc/client";
import { errorMessage } from "./errors";

export interface ApiErrorDetails {
  /** The sentence to show. */
  message: string;
  /** The input field it is about ("key", "options.2"), when the API says so. */
  path: string | null;
  /** tRPC's code (BAD_REQUEST, CONFLICT…), when it is an API error. */
  code: string | null;
}

interface ZodIssueLike {
  message?: unknown;
  path?: unknown;
}

const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Zod's own default messages ("Too big: expected string to have <=100 characters"): not for people. */
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized key|Expected|Required)/;

/**
 * The sentence for a field's first issue. A schema's own message is kept; for zod's defaults the
 * server's message ("Name: must be at most 100 characters. …", see packages/api/src/validation-message.ts)
 * gives its first sentence, without the field's name, which the form shows by the field already.
 */
function fieldSentence(issueMessage: string, serverMessage: string): string {
  if (!ZOD_DEFAULT.test(issueMessage)) return issueMessage;
  const first = /^[^:\n]{1,80}: (.+?\.)(?: |$)/.exec(serverMessage);
  return first ? first[1]! : issueMessage;
}

/**
 * What went wrong, and where: an input-schema error names its field (`data.zodIssues`); a service's
 * message may start with the field ("label: Too big…"), which becomes the path.
 */
export function apiErrorDetails(error: unknown): ApiErrorDetails {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string; zodIssues?: ZodIssueLike[] | null } | undefined;
    const code = data?.code ?? null;
    const issue = data?.zodIssues?.[0];
    if (issue && typeof issue.message === "string") {
      const path = Array.isArray(issue.path) && issue.path.length ? issue.path.join(".") : null;
      return { message: capitalize(fieldSentence(issue.message, error.message)), path, code };
    }
    const message = errorMessage(error);
    const prefixed = /^([a-zA-Z]+(?:\.\d+)?): (.+)$/s.exec(message);
    if (prefixed) return { message: capitalize(prefixed[2]!.split("; ")[0]!), path: prefixed[1]!, code };
    return { message, path: null, code };
  }
  return { message: errorMessage(error), path: null, code: null };
}
