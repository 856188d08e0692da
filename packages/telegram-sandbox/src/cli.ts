// `pnpm start`: runs the sandbox as a standalone server for demos and manual testing.
//   SANDBOX_PORT (default 8081), SANDBOX_HOST (default 127.0.0.1),
//   SANDBOX_BOTS = comma list of token@username,
//   SANDBOX_KEEP_ALIVE_MS = idle keep-alive connection timeout (default Node's 5000).
//   SANDBOX_STATE_FILE = a JSON file keeping bots, chats and messages across restarts (optional).

import { startSandbox } from "./index";

function parseBots(value: string | undefined): Array<{ token: string; username: string }> {
  if (!value?.trim()) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      // Tokens never contain "@", so the last one separates token and username.
      const at = entry.lastIndexOf("@");
      if (at <= 0 || at === entry.length - 1) {
        throw new Error(`SANDBOX_BOTS entry "${entry}" must look like <token>@<username>`);
      }
      return { token: entry.slice(0, at), username: entry.slice(at + 1) };
    });
}

async function main(): Promise<void> {
  const port = Number(process.env.SANDBOX_PORT ?? 8081);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid SANDBOX_PORT "${port}"`);
  const bots = parseBots(process.env.SANDBOX_BOTS);
  const keepAlive = process.env.SANDBOX_KEEP_ALIVE_MS;
  const keepAliveTimeoutMs = keepAlive ? Number(keepAlive) : undefined;
  if (keepAliveTimeoutMs !== undefined && !(Number.isInteger(keepAliveTimeoutMs) && keepAliveTimeoutMs > 0))
    throw new Error(`invalid SANDBOX_KEEP_ALIVE_MS "${keepAlive}": a number of milliseconds above 0`);
  const sandbox = await startSandbox({
    port,
    host: process.env.SANDBOX_HOST ?? "127.0.0.1",
    bots,
    ...(keepAliveTimeoutMs !== undefined ? { keepAliveTimeoutMs } : {}),
    ...(process.env.SANDBOX_STATE_FILE ? { stateFile: process.env.SANDBOX_STATE_FILE } : {}),
  });
  console.log(`telegram-sandbox listening on ${sandbox.url}`);
  for (const bot of bots) console.log(`  bot @${bot.username}: ${sandbox.url}/bot${bot.token}/getMe`);
  console.log(`  control API: ${sandbox.url}/sandbox/<route> (see README)`);

  const shutdown = (signal: string) => {
    console.log(`telegram-sandbox: ${signal}, shutting down`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("telegram-sandbox failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
