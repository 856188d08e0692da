import { connectBot, createFlow, ensurePersonalWorkspace, publishFlow } from "@switchboard/api";
import { joinOperatorPool } from "@switchboard/core";
import { bots, createDb, flows, memberships, secretKeyFrom, user } from "@switchboard/db";
import { and, eq, sql } from "drizzle-orm";

export const DEMO = {
  email: "demo@switchboard.local",
  password: "switchboard",
  name: "Demo Marketer",
  botToken: "1000000001:SWITCHBOARD-demo-token-for-the-sandbox",
  botUsername: "switchboard_demo_bot",
  flowName: "Demo: welcome",
};

/**
 * The demo workspace: a user (signed up through the admin's real auth endpoint, so the password hash
 * and workspace creation are exactly what a person gets), a bot connected to the sandbox, and a
 * published flow. Idempotent: a second start changes nothing.
 */
export async function seedDemo(opts: {
  databaseUrl: string;
  adminUrl: string;
  sandboxUrl: string;
  secret: string;
}) {
  const { db, close } = createDb(opts.databaseUrl, { max: 2 });
  try {
    let [demoUser] = await db.select().from(user).where(eq(user.email, DEMO.email));
    if (!demoUser) {
      const res = await fetch(`${opts.adminUrl}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: opts.adminUrl },
        body: JSON.stringify({ email: DEMO.email, password: DEMO.password, name: DEMO.name }),
      });
      if (!res.ok) throw new Error(`demo sign-up failed: ${res.status} ${await res.text()}`);
      [demoUser] = await db.select().from(user).where(eq(user.email, DEMO.email));
    }
    const userId = demoUser!.id;
    await ensurePersonalWorkspace(db, { userId, name: DEMO.name });
    const [m] = await db.select().from(memberships).where(eq(memberships.userId, userId));
    const scope = { db, workspaceId: m!.workspaceId, userId };

    // The demo workspace's own demo bot: a bot of the same username in another workspace is not it.
    const demoBot = and(eq(bots.workspaceId, scope.workspaceId), eq(bots.username, DEMO.botUsername));
    let [bot] = await db.select().from(bots).where(demoBot);
    if (!bot) {
      const env = {
        secretKey: secretKeyFrom(opts.secret),
        telegramApiRoot: opts.sandboxUrl,
        sandboxUrl: opts.sandboxUrl,
      };
      await connectBot(scope, env, DEMO.botToken);
      [bot] = await db.select().from(bots).where(demoBot);
    }
    let [flow] = await db
      .select()
      .from(flows)
      .where(and(eq(flows.workspaceId, scope.workspaceId), eq(flows.name, DEMO.flowName)));
    if (!flow) {
      const { id } = await createFlow(scope, DEMO.flowName, "welcome");
      const published = await publishFlow(scope, id);
      if (!published.ok) throw new Error(`demo flow did not compile: ${JSON.stringify(published.problems)}`);
      [flow] = await db.select().from(flows).where(eq(flows.id, id));
    }
    if (!bot!.entryFlowId) await db.update(bots).set({ entryFlowId: flow!.id }).where(eq(bots.id, bot!.id));
    // The demo user answers the demo bot's "Talk to a person" (idempotent).
    await joinOperatorPool(db, { ...scope, role: m!.role }, bot!.id);
    await db.execute(sql`select pg_notify('switchboard_bots', ${bot!.id})`);
  } finally {
    await close();
  }
}
