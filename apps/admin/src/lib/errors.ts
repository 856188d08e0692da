import { TRPCClientError } from "@trpc/client";

/** A sentence to show the user for any error thrown by a query, mutation or fetch. */
export function errorMessage(error: unknown, fallback = "Something went wrong. Please try again."): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string; zodError?: unknown } | undefined;
    if (data?.code === "UNAUTHORIZED") return "Your session has expired. Please sign in again.";
    if (error.message?.startsWith("Unexpected token") || error.message?.includes("is not valid JSON"))
      return "The server returned an unexpected response. Is the admin server running?";
    return error.message || fallback;
  }
  if (error instanceof TypeError && /fetch/i.test(error.message))
    return "Can't reach the server. Check your connection and try again.";
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}
