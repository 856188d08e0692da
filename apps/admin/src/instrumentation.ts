/**
 * Runs once when the admin server starts: the environment is checked before any request, every
 * problem printed at once, and the process exits 1 instead of failing on the first page view.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` may load this too; the build does not need the server's environment.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { EnvError } = await import("@switchboard/core");
  const { checkAdminEnv } = await import("./server/env");
  try {
    checkAdminEnv(process.env);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
