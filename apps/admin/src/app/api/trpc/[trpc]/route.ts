import { apiEnvFromProcess, appRouter, createContext } from "@switchboard/api";
import { getDb } from "@switchboard/db";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getAuth } from "@/server/auth";
import { serverLog } from "@/server/log";
import { adminMetrics } from "@/server/metrics";

const log = serverLog("trpc");

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

async function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => {
      const session = await getAuth().api.getSession({ headers: req.headers });
      // The session row names the workspace this browser works in (workspace.switch, an accepted invitation).
      return createContext({
        db: getDb(),
        userId: session?.user.id ?? null,
        sessionId: session?.session.id ?? null,
        env: { ...apiEnvFromProcess(), observeCall: adminMetrics.observeCall },
      });
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        log.error({ procedure: path ?? "?", err: error.cause ?? error }, "procedure failed");
    },
  });
}

export { handler as GET, handler as POST };
