import { randomUUID } from "node:crypto";
import { bots, encryptSecret, secretKeyFrom, user } from "@switchboard/db";
import { createTestDatabase } from "@switchboard/db/testing";
import { type Sandbox, startSandbox } from "@switchboard/telegram-sandbox";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The demo seed the stack runs (scripts/seed.ts): tested here, where the database and sandbox helpers are.
import { DEMO, seedDemo } from "../../../scripts/seed";
import { ensurePersonalWorkspace } from "../src/domains/workspaces/service";

const SECRET = "seed-test-secret-0123456789abcdef";
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: Sandbox;

beforeAll(async () => {
  database = await createTestDatabase("seed");
  sandbox = await startSandbox({ bots: [{ token: DEMO.botToken, username: DEMO.botUsername }] });
});

afterAll(async () => {
  await sandbox?.close();
  await database?.close();
});

describe("the demo seed", () => {
  it("finds the demo bot in the demo workspace, not another workspace's bot of the same username", async () => {
    const { db } = database;
    // Someone else's workspace already has a bot called @switchboard_demo_bot.
    const strangerId = randomUUID();
    await db.insert(user).values({ id: strangerId, name: "Stranger", email: "stranger@example.test" });
    const strangerWorkspaceId = await ensurePersonalWorkspace(db, { userId: strangerId, name: "Stranger" });
    const [theirs] = await db
      .insert(bots)
      .values({
        workspaceId: strangerWorkspaceId,
        telegramId: 4_242_424_242,
        username: DEMO.botUsername,
        firstName: "Not the demo",
        tokenEncrypted: encryptSecret(`4242424242:${"x".repeat(35)}`, secretKeyFrom(SECRET)),
        tokenHint: "4242424242:…xxxx",
        webhookSecret: "s",
      })
      .returning();
    // The demo user exists already, so the seed does not call the admin's sign-up.
    const demoId = randomUUID();
    await db.insert(user).values({ id: demoId, name: DEMO.name, email: DEMO.email });

    await seedDemo({
      databaseUrl: database.url,
      adminUrl: "http://unused.test",
      sandboxUrl: sandbox.url,
      secret: SECRET,
    });

    const demoWorkspaceId = await ensurePersonalWorkspace(db, { userId: demoId, name: DEMO.name });
    const [ours] = await db.select().from(bots).where(eq(bots.workspaceId, demoWorkspaceId));
    expect(ours).toMatchObject({ username: DEMO.botUsername, telegramId: 1_000_000_001 });
    expect(ours!.entryFlowId).not.toBeNull();
    // The other workspace's bot is untouched: no demo flow set on it.
    const [after] = await db.select().from(bots).where(eq(bots.id, theirs!.id));
    expect(after!.entryFlowId).toBeNull();
  });
});
