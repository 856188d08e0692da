// Clicks through the leads, settings, bot settings, inbox and Telegram login pages with screenshots,
// on the demo bot running the "Inbox demo" flow (apps/admin/scripts/inbox-demo.ts sets it up).
// Usage: ADMIN_URL=http://localhost:3000 SANDBOX_URL=http://127.0.0.1:8081 node apps/admin/scripts/admin-pages-check.mjs [outDir]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { base, openPage, signIn } from "./lib/browser.mjs";

const out = path.resolve(process.argv[2] ?? "/tmp/sb-shots/admin-pages");
mkdirSync(out, { recursive: true });
const sandboxUrl = process.env.SANDBOX_URL ?? "http://127.0.0.1:8081";
const DEMO_TOKEN = "1000000001:SWITCHBOARD-demo-token-for-the-sandbox";

const { browser, context, page, errors } = await openPage();
const tid = (id) => page.getByTestId(id);
let n = 40;
async function shot(name, p = page) {
  await p.waitForTimeout(700);
  await p.screenshot({ path: path.join(out, `${n++}-${name}.png`) });
  console.log(`✓ ${name}`);
}
/** Browsers can't hydrate the dev server from another host name: links the bot sends go to localhost. */
const local = (url) => {
  const u = new URL(url);
  const b = new URL(base);
  u.protocol = b.protocol;
  u.host = b.host;
  return u.toString();
};
async function control(route, body) {
  const res = await fetch(`${sandboxUrl}/sandbox/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

await signIn(page);
await page.waitForURL(/\/bots/, { timeout: 120_000 });

// ---- Bots: the settings panel and the operator pool ----
await tid("bot-settings-open").first().click();
await tid("bot-settings-dialog").waitFor();
await shot("bot-settings");
await tid("bot-max-wait").fill("abc");
await tid("bot-text-completed").fill("Thanks for chatting with us!");
await tid("bot-settings-save").click();
await shot("bot-settings-errors");
await tid("bot-max-wait").fill("15");
await tid("bot-settings-save").click();
await tid("bot-settings-dialog").waitFor({ state: "detached" });
await tid("bot-settings-open").first().click();
await tid("bot-text-reset-completed").waitFor();
await tid("bot-settings-dialog")
  .locator(".overflow-y-auto")
  .first()
  .evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
await shot("bot-settings-pool");
await tid("bot-text-reset-completed").click();
await tid("bot-settings-save").click();
await tid("bot-settings-dialog").waitFor({ state: "detached" });

// ---- Sandbox: phone (request_contact), lead, then a person ----
await page.goto(`${base}/sandbox`);
await tid("sandbox-input").waitFor();
await page.getByRole("button", { name: /new user/ }).click();
// A number of its own: a phone another contact has merges the two (and the older contact's Telegram
// user then owns the Login step's link, so a login_url from this user would be refused).
await tid("sandbox-phone").fill(
  `+1 555 01${Math.floor(Math.random() * 10)} ${1000 + Math.floor(Math.random() * 9000)}`,
);
await tid("sandbox-start").click();
await tid("sandbox-reply-button").first().waitFor({ timeout: 20_000 });
await shot("sandbox-contact-button");
await page.locator("[data-testid=sandbox-reply-button][data-request-contact=true]").click();
await page.getByText("What would you like to do?").waitFor({ timeout: 15_000 });
await shot("sandbox-menu");
await tid("sandbox-inline-button").filter({ hasText: "Talk to a person" }).last().click();
await page.getByText("Connecting you with a person").waitFor({ timeout: 15_000 });

// ---- Conversations: waiting, take, reply, return to the bot ----
await page.goto(`${base}/conversations`);
await tid("conversations-status-filter").selectOption("waiting");
await page
  .locator("[data-testid=conversation-status][data-status=waiting]")
  .first()
  .waitFor({ timeout: 15_000 });
await shot("conversations-waiting");
await tid("conversation-row").first().click();
await tid("operator-notice").waitFor();
await shot("conversation-waiting");
await tid("open-in-inbox").click();
await tid("inbox-take").click();
await tid("reply-input").waitFor({ timeout: 10_000 });
await tid("reply-input").fill("Hello! I'm Demo, how can I help?");
await tid("reply-send").click();
await page
  .locator("[data-testid=transcript-message][data-author=operator]")
  .first()
  .waitFor({ timeout: 10_000 });
const conversationUrl = page.url();

await page.goto(`${base}/sandbox`);
await page.getByText("how can I help?").waitFor({ timeout: 15_000 });
await tid("sandbox-input").fill("Can you call me tomorrow?");
await tid("sandbox-send").click();
await page.waitForTimeout(1500);
await shot("sandbox-with-operator");

await page.goto(conversationUrl);
await page.getByText("Can you call me tomorrow?").waitFor({ timeout: 15_000 });
await shot("conversation-mine");
await tid("inbox-return").click();
await tid("return-to-bot-dialog").waitFor();
await page.waitForTimeout(500);
await tid("return-to-bot-step").selectOption("menu");
await shot("return-to-bot");
await tid("return-to-bot-confirm").click();
await page.locator("[data-testid=inbox-status][data-status=bot]").waitFor({ timeout: 10_000 });
await shot("conversation-returned");

// ---- Leads ----
await page.goto(`${base}/leads`);
await tid("lead-row").first().waitFor({ timeout: 10_000 });
await shot("leads");
await tid("leads-owner-filter").selectOption("__unowned__");
await page.waitForTimeout(800);
await tid("lead-row").first().click();
await tid("lead-page").waitFor();
await tid("lead-title-edit").click();
await tid("lead-title-input").fill("   ");
await tid("lead-title-save").click();
await shot("lead-title-error");
await tid("lead-title-input").fill("Call back tomorrow");
await tid("lead-title-save").click();
await page.getByText("Call back tomorrow").first().waitFor();
await tid("lead-stage-select").selectOption({ label: "In progress" });
await tid("lead-owner-select").selectOption({ index: 1 });
await page.waitForTimeout(1200);
await shot("lead");

// ---- Settings ----
await page.goto(`${base}/settings`);
await tid("workspace-name-input").waitFor();
const zone =
  (await tid("timezone-select").getAttribute("data-value")) === "Europe/Berlin" ? "new york" : "berlin";
await tid("timezone-select").click();
await tid("timezone-search").fill(zone);
await shot("settings-timezone-search");
await page.keyboard.press("Enter");
await tid("workspace-save").click();
await page.waitForTimeout(800);
const oldPlan = page.locator("[data-testid=contact-field-row][data-key=plan]");
if (await oldPlan.count()) {
  await oldPlan.getByTestId("contact-field-delete").click();
  await tid("confirm-dialog").waitFor();
  await shot("contact-field-delete-confirm");
  await tid("confirm-ok").click();
  await oldPlan.waitFor({ state: "detached" });
}
await tid("contact-field-add").click();
await tid("contact-field-label").fill("Plan");
await tid("contact-field-key").fill("Plan!");
await tid("contact-field-type").selectOption("choice");
await tid("contact-field-save").click();
await shot("contact-field-errors");
await tid("contact-field-key").fill("plan");
await tid("contact-field-options").fill("Basic\nPro\nPro\nTeam");
await tid("contact-field-save").click();
await tid("contact-field-dialog").waitFor({ state: "detached" });
await tid("contact-field-add").click();
await tid("contact-field-label").fill("Plan again");
await tid("contact-field-key").fill("plan");
await tid("contact-field-save").click();
await page.getByText(/already exists/).waitFor();
await shot("contact-field-conflict");
await page.keyboard.press("Escape");
await shot("settings");

// ---- Login: a one-time link, signed out first ----
await page.goto(`${base}/sandbox`);
await tid("sandbox-inline-button")
  .filter({ hasText: /^Log in$/ })
  .last()
  .click();
const linkButton = tid("sandbox-inline-button").filter({ hasText: "🔐 Log in" }).last();
await linkButton.waitFor({ timeout: 15_000 });
const loginUrl = local(await linkButton.getAttribute("href"));
console.log("login link:", loginUrl);
const guest = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const guestPage = await guest.newPage();
await guestPage.goto(loginUrl);
await guestPage.getByTestId("login-sign-in").waitFor();
await shot("login-signed-out", guestPage);
await guestPage.getByTestId("login-sign-in").click();
await guestPage.waitForURL(/\/sign-in\?next=/);
await guestPage.getByTestId("email").fill("demo@switchboard.local");
await guestPage.getByTestId("password").fill("switchboard");
await guestPage.getByTestId("submit").click();
await guestPage.getByTestId("login-confirm").waitFor({ timeout: 30_000 });
await shot("login-signed-in", guestPage);
await guestPage.getByTestId("login-confirm").click();
await guestPage.getByTestId("login-result").waitFor();
await shot("login-linked", guestPage);
await guestPage.reload();
await guestPage.getByTestId("login-result").waitFor();
await shot("login-already-used", guestPage);
await guest.close();

// ---- Login: Telegram's login_url, real and forged ----
// The sandbox only takes login_url buttons on a linked domain with a dot, which this machine can't
// serve; so the bot sends one for a made-up domain, the sandbox chat presses it (signing the user's
// data as Telegram would) and the signed URL is replayed against this admin.
await page.goto(`${base}/sandbox`);
await tid("sandbox-inline-button")
  .filter({ hasText: /^Log in$/ })
  .last()
  .click();
const secondLink = tid("sandbox-inline-button").filter({ hasText: "🔐 Log in" }).last();
await page.waitForTimeout(2500);
const token = new URL(await secondLink.getAttribute("href")).pathname.split("/").pop();
const chatId = Number((await tid("sandbox-user-id").textContent()).replace(/\D/g, ""));
await control("set-bot-domain", { token: DEMO_TOKEN, domain: "admin.example.com" });
const sent = await fetch(`${sandboxUrl}/bot${DEMO_TOKEN}/sendMessage`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    chat_id: chatId,
    text: "Log in with Telegram:",
    reply_markup: {
      inline_keyboard: [
        [
          {
            text: "Telegram login",
            login_url: { url: `https://admin.example.com/api/telegram-login?t=${token}` },
          },
        ],
      ],
    },
  }),
});
console.log("login_url message:", sent.status);
const loginButton = tid("sandbox-inline-button").filter({ hasText: "Telegram login" }).last();
await loginButton.waitFor({ timeout: 10_000 });
await shot("sandbox-login-url-button");
const [tab] = await Promise.all([context.waitForEvent("page"), loginButton.click()]);
const request = await tab.waitForRequest(/telegram-login/, { timeout: 15_000 });
console.log("login_url opened:", request.url().replace(/hash=\w+/, "hash=…"));
await tab.close();
await page.goto(local(request.url()));
await page.waitForURL(/\/telegram-login\//);
await page.goto(local(page.url()));
await tid("login-confirm").waitFor();
await shot("login-url-verified");
await page.goto(
  `${base}/api/telegram-login?t=${token}&id=1&first_name=Eve&auth_date=1&hash=${"0".repeat(64)}`,
);
await page.waitForURL(/\/telegram-login\//);
await page.goto(local(page.url()));
await tid("login-result").waitFor();
await shot("login-url-forged-refused");
await control("set-bot-domain", { token: DEMO_TOKEN, domain: null });

// ---- An operator: joins the pool, takes a waiting conversation, answers it, closes it ----
await page.goto(`${base}/sandbox`);
await tid("sandbox-inline-button").filter({ hasText: "Talk to a person" }).last().click();
await page.getByText("Connecting you with a person").last().waitFor({ timeout: 15_000 });
const opContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const op = await opContext.newPage();
const otid = (id) => op.getByTestId(id);
await op.goto(`${base}/sign-in`);
await otid("email").fill("operator@switchboard.local");
await otid("password").fill("switchboard");
await otid("submit").click();
await op.waitForURL(/\/bots/, { timeout: 60_000 });
await otid("bot-settings-open").first().click();
await otid("operator-pool-toggle").waitFor();
await op.waitForTimeout(800);
if ((await otid("operator-pool-toggle").getAttribute("aria-checked")) !== "true")
  await otid("operator-pool-toggle").click();
await op.waitForTimeout(800);
await otid("bot-settings-dialog")
  .locator(".overflow-y-auto")
  .first()
  .evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
await shot("operator-bot-settings", op);
await op.keyboard.press("Escape");
await op.goto(`${base}/conversations`);
await otid("conversations-status-filter").selectOption("waiting");
await op
  .locator("[data-testid=conversation-status][data-status=waiting]")
  .first()
  .waitFor({ timeout: 15_000 });
await otid("conversation-row").first().click();
await otid("open-in-inbox").click();
await otid("inbox-take").click();
await otid("reply-input").waitFor({ timeout: 10_000 });
await otid("reply-input").fill("Hi, Olga here. I'll call you tomorrow at 10.");
await op.keyboard.press("Enter");
await op.locator("[data-testid=transcript-message][data-author=operator]").last().waitFor();
await shot("operator-conversation", op);
await otid("inbox-close").click();
await otid("confirm-ok").click();
await op.locator("[data-testid=inbox-status][data-status=closed]").waitFor({ timeout: 10_000 });
await shot("operator-closed", op);
const opUpload = await op.evaluate(async () => {
  const form = new FormData();
  form.append("file", new File(["x"], "a.txt", { type: "text/plain" }));
  const res = await fetch("/api/files", { method: "POST", body: form });
  return [res.status, await res.json()];
});
console.log("operator upload:", JSON.stringify(opUpload));
await opContext.close();
await page.goto(`${base}/sandbox`);
await page.getByText("I'll call you tomorrow").waitFor({ timeout: 15_000 });
await shot("sandbox-after-close");

// ---- Uploads ----
const upload = await page.evaluate(async () => {
  const form = new FormData();
  form.append(
    "file",
    new File([new Uint8Array([37, 80, 68, 70, 45])], "menu.pdf", { type: "application/pdf" }),
  );
  const ok = await fetch("/api/files", { method: "POST", body: form });
  const empty = new FormData();
  empty.append("file", new File([], "empty.png", { type: "image/png" }));
  const bad = await fetch("/api/files", { method: "POST", body: empty });
  const none = await fetch("/api/files", { method: "POST", body: new FormData() });
  return [
    [ok.status, await ok.json()],
    [bad.status, await bad.json()],
    [none.status, await none.json()],
  ];
});
console.log("uploads:", JSON.stringify(upload));

console.log(errors.length ? `errors:\n${errors.join("\n")}` : "no page errors");
await browser.close();
