/**
 * Sets up the demo workspace for clicking through the inbox, leads and login pages: a published
 * "Inbox demo" flow on the demo bot (phone → lead → menu with "Talk to a person", "Log in" and a
 * link) and a second member, an operator (there are no invitations yet, so the membership is written
 * directly). Idempotent.
 *
 * Usage (with the stack running, e.g. `pnpm exec tsx scripts/stack.ts --dev`):
 *   DATABASE_URL=postgres://… ADMIN_URL=http://localhost:3000 pnpm exec tsx apps/admin/scripts/inbox-demo.ts
 */
import type { AppRouter } from "@switchboard/api";
import { createDb, memberships, user } from "@switchboard/db";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { eq } from "drizzle-orm";
import superjson from "superjson";

const ADMIN = (process.env.ADMIN_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const DEMO = { email: "demo@switchboard.local", password: "switchboard" };
export const OPERATOR = {
  email: "operator@switchboard.local",
  password: "switchboard",
  name: "Olga Operator",
};
const FLOW_NAME = "Inbox demo";

const step = (id: string, type: string, x: number, y: number, config: object, aliases: string[] = []) => ({
  id,
  type,
  title: "",
  position: { x, y },
  aliases,
  config,
});

const draft = {
  format: "switchboard.flow",
  version: 1,
  entryStepId: "welcome",
  steps: [
    step("welcome", "text", 0, 0, { text: 'Hi {{name | "there"}}! I\'m the demo support bot.' }, ["/start"]),
    step("phone", "update_contact", 0, 160, {
      text: "Share your phone number so we can call you back.",
      field: { kind: "contact", key: "phone" },
      shareButtonLabel: "📱 Share my phone number",
      confirmText: "Thanks, got it.",
    }),
    step("lead", "create_lead", 0, 320, {
      title: 'Callback for {{name | "Telegram"}}',
      owner: { kind: "none" },
      tags: ["sandbox", "callback"],
      text: "We've noted your request.",
    }),
    step(
      "menu",
      "buttons",
      0,
      480,
      {
        text: "What would you like to do?",
        keyboard: "inline",
        columns: 2,
        buttons: [
          { id: "person", kind: "goto", label: "Talk to a person" },
          { id: "login", kind: "goto", label: "Log in" },
          { id: "site", kind: "url", label: "Our website", url: "https://example.com" },
        ],
      },
      ["/menu"],
    ),
    step("operator", "route_to_operator", -240, 640, {
      text: "Connecting you with a person — one moment, please.",
    }),
    step("login", "login", 240, 640, {
      text: "Log in with your Switchboard account:",
      buttonLabel: "🔐 Log in",
    }),
  ],
  edges: [
    { id: "e1", source: "welcome", sourceHandle: "next", target: "phone" },
    { id: "e2", source: "phone", sourceHandle: "next", target: "lead" },
    { id: "e3", source: "lead", sourceHandle: "next", target: "menu" },
    { id: "e4", source: "menu", sourceHandle: "button:person", target: "operator" },
    { id: "e5", source: "menu", sourceHandle: "button:login", target: "login" },
    { id: "e6", source: "operator", sourceHandle: "returned", target: "menu" },
    { id: "e7", source: "operator", sourceHandle: "no_operator", target: "menu" },
    { id: "e8", source: "login", sourceHandle: "success", target: "menu" },
    { id: "e9", source: "login", sourceHandle: "failure", target: "menu" },
  ],
};

async function cookieFor(email: string, password: string, name?: string) {
  const headers = { "content-type": "application/json", origin: ADMIN };
  let res = await fetch(`${ADMIN}/api/auth/sign-in/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok && name) {
    res = await fetch(`${ADMIN}/api/auth/sign-up/email`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email, password, name }),
    });
  }
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

const clientFor = (cookie: string) =>
  createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${ADMIN}/api/trpc`, transformer: superjson, headers: { cookie } })],
  });

const api = clientFor(await cookieFor(DEMO.email, DEMO.password));
const me = await api.workspace.current.query();

let flow = (await api.flows.list.query()).find((f) => f.name === FLOW_NAME);
if (!flow) {
  const { id } = await api.flows.create.mutate({ name: FLOW_NAME });
  await api.flows.saveDraft.mutate({ id, draft });
  const published = await api.flows.publish.mutate({ id });
  if (!published.ok) throw new Error(`the flow did not publish: ${JSON.stringify(published.problems)}`);
  flow = (await api.flows.list.query()).find((f) => f.id === id)!;
}
const bot = (await api.bots.list.query()).find((b) => b.username === "switchboard_demo_bot");
if (!bot) throw new Error("the demo bot is missing");
if (bot.entryFlowId !== flow.id) await api.bots.update.mutate({ id: bot.id, entryFlowId: flow.id });
console.log(`flow "${FLOW_NAME}" (${flow.id}) runs on @${bot.username}`);

// The operator: their own account, moved into the demo workspace as an operator.
await cookieFor(OPERATOR.email, OPERATOR.password, OPERATOR.name);
const { db, close } = createDb(process.env.DATABASE_URL!, { max: 1 });
try {
  const [op] = await db.select().from(user).where(eq(user.email, OPERATOR.email));
  const rows = await db.select().from(memberships).where(eq(memberships.userId, op!.id));
  if (!rows.some((m) => m.workspaceId === me.id && m.role === "operator")) {
    await db.delete(memberships).where(eq(memberships.userId, op!.id));
    await db.insert(memberships).values({ workspaceId: me.id, userId: op!.id, role: "operator" });
  }
  console.log(`${OPERATOR.email} / ${OPERATOR.password} is an operator of "${me.name}"`);
} finally {
  await close();
}
