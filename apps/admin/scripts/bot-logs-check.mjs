// Makes the demo bot log a few things (an update with U+0000, one of the wrong shape, a failed
// sendMessage), then screenshots its Logs page, reached from its card on the Bots page.
// Usage: ADMIN_URL=http://localhost:3000 SANDBOX_URL=http://localhost:8081 node apps/admin/scripts/bot-logs-check.mjs [outDir]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { base, openPage, signIn } from "./lib/browser.mjs";

const out = path.resolve(process.argv[2] ?? "/tmp/sb-shots/bot-logs");
const sandbox = process.env.SANDBOX_URL ?? "http://localhost:8081";
const token = process.env.DEMO_BOT_TOKEN ?? "1000000001:SWITCHBOARD-demo-token-for-the-sandbox";
mkdirSync(out, { recursive: true });

const control = async (route, body) => {
  const res = await fetch(`${sandbox}/sandbox/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return res.json();
};
const from = { id: 777001, first_name: "Nul\u0000Ann", username: "nul_ann" };
await control("send-text", { token, from, text: "/start" });
await control("inject-update", {
  token,
  update: { message: { message_id: 9001, date: 0, from, chat: { id: from.id, type: "private" }, text: 42 } },
});
await control("fail-next", {
  token,
  method: "sendMessage",
  errorCode: 400,
  description: "Bad Request: chat not found",
});
await control("send-text", { token, from, text: "hi \u0000 there \ud800" });
await new Promise((r) => setTimeout(r, 3000));

const { browser, page, errors } = await openPage();
// The admin in dev mode compiles each page on its first visit.
page.setDefaultTimeout(180_000);
page.setDefaultNavigationTimeout(180_000);
let n = 1;
async function shot(name) {
  await page.waitForTimeout(800);
  const file = path.join(out, `${String(n++).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`✓ ${file}`);
}
await signIn(page);
await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 120_000 });
await page.goto(`${base}/bots`);
await page.getByTestId("bot-logs-open").first().click();
await page.getByTestId("bot-log-lines").waitFor({ timeout: 120_000 });
await page.getByTestId("bot-webhook-state").waitFor({ timeout: 30_000 });
await shot("bot-logs");
await page.getByTestId("bot-log-level").selectOption("error");
await page.getByTestId("bot-log-method").selectOption("update");
await page.waitForTimeout(1000);
await shot("bot-logs-set-aside-filter");
await page.getByTestId("bot-log-search").fill("nothing matches this");
await page.waitForTimeout(1000);
await shot("bot-logs-empty");
await browser.close();
if (errors.length) {
  console.error(errors.join("\n"));
  process.exit(1);
}
