/**
 * What the end-to-end benchmarks (runtime.ts, soak.ts, inbox-latency.ts) set up the same way: a fresh
 * embedded Postgres with the migrations, the Bot API sandbox in its own process (as Telegram would be), and a
 * workspace with a published flow and bots registered in both the sandbox and the database.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  bots,
  createDb,
  type Db,
  encryptSecret,
  flows,
  flowVersions,
  memberships,
  user,
  workspaces,
} from "@switchboard/db";
import { startEmbeddedPostgres } from "@switchboard/db/embedded";
import { runMigrations } from "@switchboard/db/migrate";
import { compileDraft } from "@switchboard/flow";
import { SandboxClient } from "@switchboard/telegram-sandbox";
import { eq } from "drizzle-orm";

/** A temporary folder for the run (Postgres data, files, logs); readable by `postgres` when we are root. */
export function benchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `switchboard-${prefix}-`));
  chmodSync(dir, 0o755);
  return dir;
}

/** An embedded Postgres on a random port in [portBase, portBase + 900), migrated, with a Drizzle client. */
export async function startBenchDatabase(dir: string, portBase: number) {
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dir, "pg"),
    port: portBase + Math.floor(Math.random() * 900),
  });
  await runMigrations(pg.url);
  const { db, close } = createDb(pg.url);
  return {
    url: pg.url,
    db,
    async stop() {
      await close();
      await pg.stop();
    },
  };
}

/** The sandbox's CLI in a child process on a random port in [portBase, portBase + 1000); resolves once it answers. */
export async function startSandboxProcess(
  portBase: number,
): Promise<{ url: string; client: SandboxClient; process: ChildProcess }> {
  const port = portBase + Math.floor(Math.random() * 1000);
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts"], {
    cwd: fileURLToPath(new URL("../../packages/telegram-sandbox", import.meta.url)),
    env: { ...process.env, SANDBOX_PORT: String(port) },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  const client = new SandboxClient(url);
  for (let i = 0; ; i++) {
    try {
      await client.listBots();
      break;
    } catch (err) {
      if (i > 100) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, client, process: child };
}

/** A workspace owned by a new user; answers both ids. */
export async function seedWorkspace(db: Db, name: string): Promise<{ workspaceId: string; ownerId: string }> {
  const ownerId = randomUUID();
  await db.insert(user).values({ id: ownerId, name, email: `${ownerId}@bench.test` });
  const [ws] = await db.insert(workspaces).values({ name }).returning();
  await db.insert(memberships).values({ workspaceId: ws!.id, userId: ownerId, role: "owner" });
  return { workspaceId: ws!.id, ownerId };
}

/** Saves `doc` as a flow of the workspace and publishes it as version 1; throws when it does not compile. */
export async function publishFlow(db: Db, workspaceId: string, name: string, doc: unknown): Promise<string> {
  const compiled = compileDraft(doc);
  if (!compiled.flow)
    throw new Error(`The ${name} flow does not compile: ${JSON.stringify(compiled.problems)}`);
  const [flow] = await db.insert(flows).values({ workspaceId, name, draft: doc }).returning();
  const [version] = await db
    .insert(flowVersions)
    .values({ flowId: flow!.id, workspaceId, version: 1, compiled: compiled.flow, source: doc })
    .returning();
  await db.update(flows).set({ publishedVersionId: version!.id }).where(eq(flows.id, flow!.id));
  return flow!.id;
}

/**
 * `count` bots with Telegram ids from `telegramIdBase`, registered in the sandbox and stored (token encrypted
 * with `key`) running `flowId`; answers their tokens in order.
 */
export async function seedBots(input: {
  db: Db;
  sandbox: SandboxClient;
  key: Buffer;
  workspaceId: string;
  flowId: string;
  count: number;
  telegramIdBase: number;
  usernamePrefix: string;
}): Promise<string[]> {
  const tokens: string[] = [];
  for (let b = 0; b < input.count; b++) {
    const telegramId = input.telegramIdBase + b;
    const token = `${telegramId}:${randomBytes(27).toString("base64url").slice(0, 35)}`;
    const username = `${input.usernamePrefix}${b}_bot`;
    await input.sandbox.registerBot({ token, username });
    await input.db.insert(bots).values({
      workspaceId: input.workspaceId,
      telegramId,
      username,
      firstName: input.usernamePrefix,
      tokenEncrypted: encryptSecret(token, input.key),
      tokenHint: "x",
      webhookSecret: randomBytes(8).toString("hex"),
      entryFlowId: input.flowId,
    });
    tokens.push(token);
  }
  return tokens;
}
