// Drives the operator inbox as an operator would, with Telegram users in the sandbox, and takes a
// screenshot of each state: empty, waiting list, conversation open, canned popup, note mode, assign
// menu, contact panel editing, closed view, shortcut help, reconnecting indicator.
// Needs the stack (`npm run up`) and `apps/admin/scripts/inbox-demo.ts` run once (the demo operator).
// Usage: ADMIN_URL=http://localhost:3000 node apps/admin/scripts/inbox-check.mjs [outDir]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { base, openPage, signIn } from "./lib/browser.mjs";
import { clientFor, cookieFor, routeBot } from "./lib/inbox-api.mjs";

const out = path.resolve(process.argv[2] ?? "/tmp/sb-shots/inbox");
mkdirSync(out, { recursive: true });
const OPERATOR = { email: "operator@switchboard.local", password: "switchboard" };
const stamp = Date.now().toString(36).slice(-6);

// ---- Setup through the API: a fresh bot that routes to an operator, canned replies, the pool ----
const owner = clientFor(await cookieFor("demo@switchboard.local", "switchboard"));
const operator = clientFor(await cookieFor(OPERATOR.email, OPERATOR.password));
// Earlier runs' conversations (their sandbox bots are gone after a restart) leave the queue first.
for (const view of ["waiting", "mine", "all"])
  for (const row of (await owner.inbox.list.query({ view, limit: 100 })).items)
    if (row.bot.username.startsWith("inboxcheck") && (row.status === "waiting" || row.status === "operator"))
      await owner.inbox.close.mutate({ conversationId: row.id }).catch(() => {});
const bot = await routeBot(owner, `inboxcheck${stamp}bot`);
await owner.bots.updateSettings.mutate({ id: bot.id, settings: { operator: { maxParallelChats: 3 } } });
await operator.operators.join.mutate({ botId: bot.id });
await owner.presence.set.mutate({ status: "away" }); // the owner (in the pool too) takes nothing
for (const [shortcut, text] of [
  ["thanks", "Thank you for your patience! I'm looking into it right now."],
  ["hours", "We're here Monday to Friday, 9:00–18:00 (CET)."],
  ["refund", "Refunds go back to the original payment method within 5–7 business days."],
]) {
  try {
    await owner.canned.create.mutate({ shortcut, text });
  } catch {} // kept from an earlier run
}
const fields = await owner.contactFields.list.query();
if (!fields.some((f) => f.key === "plan"))
  await owner.contactFields.create.mutate({
    key: "plan",
    label: "Plan",
    type: "choice",
    options: ["Free", "Pro", "Team"],
  });

const users = [
  { id: 910000 + Math.floor(Math.random() * 9000), first_name: "Ada", username: `ada_${stamp}` },
  { id: 920000 + Math.floor(Math.random() * 9000), first_name: "Björn Ü.", username: `bjorn_${stamp}` },
  { id: 930000 + Math.floor(Math.random() * 9000), first_name: "<script>alert(1)</script>" },
];
const say = (user, text) =>
  owner.sandbox.send.mutate({ botId: bot.id, user, action: { type: "text", text } });
const start = (user) => owner.sandbox.send.mutate({ botId: bot.id, user, action: { type: "start" } });

// ---- The operator's browser ----
const { browser, page, errors } = await openPage();
let n = 1;
async function shot(name, p = page) {
  await p.waitForTimeout(800);
  const file = path.join(out, `${String(n++).padStart(2, "0")}-${name}.png`);
  await p.screenshot({ path: file });
  console.log(`✓ ${file}`);
}
const tid = (id) => page.getByTestId(id);

await signIn(page, OPERATOR.email, OPERATOR.password);
await page.waitForURL(/\/inbox/, { timeout: 60_000 });
await tid("presence-select").selectOption("away"); // nothing is routed to us while we look
await tid("inbox-live").and(page.locator('[data-status="live"]')).waitFor();
await tid("inbox-tab-mine").click();
await shot("empty-mine");

// Users write; they wait (nobody is online).
for (const u of users) await start(u);
await say(users[0], "Hello, my order #1042 hasn't arrived yet. Can you check?");
await say(users[1], "Hi! Do you ship to Norway? 🇳🇴");
await say(
  users[2],
  `<img src=x onerror=alert(1)> ${"A very long message without spaces ".repeat(3)}${"x".repeat(300)}`,
);
await tid("inbox-tab-waiting").click();
await page.getByTestId("inbox-row").nth(2).waitFor();
await shot("waiting-list");

// Open the first one with the keyboard and take it.
await page.keyboard.press("j");
await page.keyboard.press("Enter");
await tid("inbox-conversation").waitFor();
await shot("waiting-conversation-open");
await page.keyboard.press("t");
await tid("reply-mode-reply").and(page.locator(":not([disabled])")).waitFor();
await page.keyboard.press("r");
await page.keyboard.type("Hi Ada! Let me look at order #1042.");
await page.keyboard.press("Enter");
await say(users[0], "Thanks! It was supposed to come on Monday.");
await page.getByText("supposed to come on Monday").waitFor();
await shot("conversation-open");

// The user sends files from the app: a photo (shown in place) and a document with a caption.
const sandboxUrl = (process.env.SANDBOX_URL ?? "http://127.0.0.1:8081").replace(/\/+$/, "");
const sandbox = async (route, body) => {
  const res = await fetch(`${sandboxUrl}/sandbox/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox ${route}: ${res.status} ${await res.text()}`);
  return res.json();
};
const { token } = (await sandbox("bots", {})).find((b) => b.username === bot.username);
const photo = (await page.getByTestId("inbox-conversation").screenshot({ type: "png" })).toString("base64");
await sandbox("send-media", {
  token,
  from: users[0],
  kind: "photo",
  data: photo,
  caption: "This is the box it came in",
});
await sandbox("send-media", {
  token,
  from: users[0],
  kind: "document",
  fileName: "receipt #1042.txt",
  data: Buffer.from("Order #1042 · 2 × blue mug · paid").toString("base64"),
});
await page.getByTestId("transcript-photo").last().locator("img").waitFor();
await page.getByTestId("transcript-file").last().waitFor();
await shot("user-files");

// Canned popup.
await tid("reply-input").click();
await page.keyboard.type("Sure :th");
await tid("canned-popup").waitFor();
await shot("canned-popup");
await page.keyboard.press("Enter");
await shot("canned-inserted");
await tid("reply-input").fill("");

// Note mode.
await page.keyboard.press("Escape");
await page.keyboard.press("n");
await page.keyboard.type("Customer is a repeat buyer — offer express shipping if the parcel is lost.");
await shot("note-mode");
await page.keyboard.press("Enter");
await tid("inbox-note").waitFor();
await shot("note-added");

// Assign menu.
await tid("inbox-assign").click();
await tid("inbox-assign-menu").waitFor();
await shot("assign-menu");
await page.keyboard.press("Escape");

// Contact panel editing.
await tid("contact-edit").click();
await tid("contact-input-lastName").fill("Lovelace");
await tid("contact-input-phone").fill("+44 20 7946 0000");
await tid("contact-field-plan").selectOption("Pro");
await shot("contact-editing");
await tid("contact-save").click();
await tid("contact-edit").waitFor();
await tid("contact-tag-input").fill("vip");
await tid("contact-tag-input").press("Enter");
await page.getByTestId("contact-tag").filter({ hasText: "vip" }).waitFor();
await shot("contact-saved");

// An invalid edit shows the server's sentence.
await tid("contact-edit").click();
await tid("contact-input-email").fill("not-an-address");
await tid("contact-save").click();
await tid("contact-edit-error").waitFor();
await shot("contact-edit-error");
await page.getByRole("button", { name: "Cancel" }).click();

// Shortcut help.
await page.locator("body").click({ position: { x: 700, y: 5 } });
await page.keyboard.press("?");
await tid("inbox-shortcut-help").waitFor();
await shot("shortcut-help");
await page.keyboard.press("Escape");

// Close it (e, then confirm) and look at the closed view.
await page.keyboard.press("e");
await tid("confirm-ok").click();
await page.getByTestId("inbox-status").filter({ hasText: "Closed" }).waitFor();
await page.keyboard.press("4");
await page.getByTestId("inbox-row").first().waitFor();
await shot("closed-view");

// The hostile name in the list and its conversation (React escapes it).
await page.keyboard.press("1");
await page.getByTestId("inbox-row").filter({ hasText: "<script>" }).first().click();
await tid("inbox-take").waitFor();
await shot("hostile-text");

// Long text: the counter.
await page.keyboard.press("t");
await tid("reply-mode-reply").and(page.locator(":not([disabled])")).waitFor();
await tid("reply-input").fill("Long answer. ".repeat(700));
await shot("long-reply-counter");
await tid("reply-input").fill("");

// Reconnecting: the network drops.
await page.context().setOffline(true);
await tid("inbox-live").and(page.locator('[data-status="reconnecting"]')).waitFor({ timeout: 30_000 });
await shot("reconnecting");
await page.context().setOffline(false);
await tid("inbox-live").and(page.locator('[data-status="live"]')).waitFor({ timeout: 60_000 });
await shot("live-again");

// Narrow window: the list, then the conversation alone.
await page.setViewportSize({ width: 900, height: 800 });
await shot("narrow");

// Tidy up: hand the rest back, leave the pool.
for (const row of await operator.inbox.list.query({ view: "mine" }).then((r) => r.items))
  if (row.bot.id === bot.id) await operator.inbox.close.mutate({ conversationId: row.id });
for (const row of await owner.inbox.list.query({ view: "waiting" }).then((r) => r.items))
  if (row.bot.id === bot.id) await owner.inbox.close.mutate({ conversationId: row.id });
await operator.operators.leave.mutate({ botId: bot.id });

await browser.close();
const real = errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|network/i.test(e));
if (real.length) {
  console.log(`\nPage errors:\n${real.join("\n")}`);
  process.exitCode = 1;
}
console.log(`\nScreenshots in ${out} (admin ${base})`);
