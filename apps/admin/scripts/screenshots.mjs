// Screenshots of every admin page for a visual check.
// Usage: ADMIN_URL=http://localhost:3000 node apps/admin/scripts/screenshots.mjs [outDir]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { base, openPage } from "./lib/browser.mjs";

const out = path.resolve(process.argv[2] ?? "/tmp/sb-shots");
const email = process.env.DEMO_EMAIL ?? "demo@switchboard.local";
const password = process.env.DEMO_PASSWORD ?? "switchboard";
mkdirSync(out, { recursive: true });

const { browser, page, errors } = await openPage();

async function shot(name) {
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`✓ ${name}`);
}

await page.goto(`${base}/sign-in`);
await shot("01-sign-in");
await page.getByTestId("submit").click();
await shot("02-sign-in-errors");
await page.getByTestId("email").fill(email);
await page.getByTestId("password").fill("wrong-password");
await page.getByTestId("submit").click();
await page.waitForTimeout(800);
await shot("03-sign-in-bad-password");
await page.getByTestId("password").fill(password);
await page.getByTestId("submit").click();
await page.waitForURL(/\/bots/);
await shot("04-bots");

await page.getByTestId("bot-token").fill("123:abc");
await page.getByTestId("bot-connect").click();
await page.getByTestId("connect-error").waitFor();
await shot("05-bots-invalid-token");

await page.goto(`${base}/flows`);
await page.getByTestId("flows-list").waitFor();
await shot("06-flows");
await page.getByTestId("new-flow").click();
await shot("07-new-flow-modal");
await page.keyboard.press("Escape");

const demoLink = page.getByTestId("flow-link").filter({ hasText: "Demo: welcome" });
await ((await demoLink.count()) ? demoLink.first() : page.getByTestId("flow-link").first()).click();
await page.getByTestId("builder-canvas").waitFor();
await page.waitForTimeout(800);
await shot("08-builder");
const firstNode = page.locator("[data-testid^='step-node-']").last();
await firstNode.click();
await shot("09-builder-step-panel");
await page.getByTestId("problems-count").click();
await shot("10-builder-problems");
await page.keyboard.press("Escape");
await page.getByTestId("test-chat-toggle").click();
await page.waitForTimeout(500);
await shot("11-builder-test-chat");

await page.goto(`${base}/sandbox`);
await page.waitForTimeout(1500);
await shot("12-sandbox");
await page.getByTestId("sandbox-start").click();
await page.waitForTimeout(2500);
await shot("13-sandbox-after-start");

await page.goto(`${base}/conversations`);
await page.waitForTimeout(1000);
await shot("14-conversations");
const row = page.getByTestId("conversation-row").first();
if (await row.count()) {
  await row.click();
  await page.waitForTimeout(1200);
  await shot("15-transcript");
}

// A brand-new account: sign-up and the empty states.
await page.getByTestId("sign-out").click();
await page.waitForURL(/\/sign-in/);
await page.goto(`${base}/sign-up`);
await shot("16-sign-up");
await page.getByTestId("name").fill("Nora <b>Newcomer</b> 🚀");
await page.getByTestId("email").fill(`nora+${Date.now()}@example.com`);
await page.getByTestId("password").fill("short");
await page.getByTestId("submit").click();
await shot("17-sign-up-errors");
await page.getByTestId("password").fill("a-long-enough-password");
await page.getByTestId("submit").click();
await page.waitForURL(/\/bots/);
await shot("18-empty-bots");
await page.goto(`${base}/flows`);
await shot("19-empty-flows");
await page.goto(`${base}/conversations`);
await shot("20-empty-conversations");
await page.goto(`${base}/sandbox`);
await shot("21-empty-sandbox");

console.log(errors.length ? `\nErrors:\n${errors.join("\n")}` : "\nNo page errors.");
await browser.close();
