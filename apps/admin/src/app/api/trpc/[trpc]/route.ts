import { apiEnvFromProcess, createContext, serveTrpc } from "@switchboard/api";
import { safeErrorText } from "@switchboard/core";
import { getDb } from "@switchboard/db";
import { getAuth } from "@/server/auth";
import { serverLog } from "@/server/log";
import { adminMetrics } from "@/server/metrics";

const log = serverLog("trpc");

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

async function handler(req: Request) {
  // serveTrpc refuses batches over 50 calls and bodies over 4 MB before anything is read or run.
  return serveTrpc({
    endpoint: "/api/trpc",
    req,
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
      // As text, redacted: an unexpected error from a Telegram client may carry a bot token in a URL.
      if (error.code === "INTERNAL_SERVER_ERROR")
        log.error({ procedure: path ?? "?", err: safeErrorText(error.cause ?? error) }, "procedure failed");
    },
  });
}

export { handler as GET, handler as POST };
