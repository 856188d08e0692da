// End to end through the real runtime: import a flow with a reply keyboard, publish it, run it on the
// demo bot and chat in the Sandbox page. Usage: ADMIN_URL=http://localhost:3000 node apps/admin/scripts/sandbox-check.mjs
import { writeFileSync } from "node:fs";
import { base, openPage, signIn } from "./lib/browser.mjs";

const hostile = `<script>alert(1)</script> <b>bold?</b> ${"🙂 wide-unicode ".repeat(200)}${"y".repeat(5000)}`;
const flow = {
  format: "switchboard.flow",
  version: 1,
  entryStepId: "hello",
  steps: [
    {
      id: "hello",
      type: "text",
      title: "Hello",
      position: { x: 0, y: 0 },
      aliases: ["/start"],
      config: { text: hostile },
    },
    {
      id: "ask",
      type: "buttons",
      title: "Ask",
      position: { x: 340, y: 0 },
      aliases: [],
      config: {
        text: "Subscribe?",
        keyboard: "reply",
        columns: 2,
        retryText: "Use the keyboard please.",
        buttons: [
          { id: "yes", kind: "goto", label: "Yes" },
          { id: "no", kind: "goto", label: "No" },
        ],
      },
    },
    {
      id: "mail",
      type: "free_input",
      title: "Email",
      position: { x: 680, y: 0 },
      aliases: [],
      config: {
        text: "Your email?",
        variable: "email",
        validation: { kind: "email" },
        retryText: "Not an email.",
      },
    },
    {
      id: "thanks",
      type: "text",
      title: "Thanks",
      position: { x: 1020, y: 0 },
      aliases: [],
      config: { text: "Thanks {{vars.email}}" },
    },
    {
      id: "bye",
      type: "text",
      title: "Bye",
      position: { x: 680, y: 200 },
      aliases: [],
      config: { text: "Bye!" },
    },
  ],
  edges: [
    { id: "e1", source: "hello", sourceHandle: "next", target: "ask" },
    { id: "e2", source: "ask", sourceHandle: "button:yes", target: "mail" },
    { id: "e3", source: "ask", sourceHandle: "button:no", target: "bye" },
    { id: "e4", source: "mail", sourceHandle: "next", target: "thanks" },
  ],
};
writeFileSync("/tmp/sandbox-check.json", JSON.stringify(flow));

const { browser, page, errors } = await openPage();
const tid = (id) => page.getByTestId(id);
await signIn(page);
await page.waitForURL(/\/bots/);

await page.goto(`${base}/flows`);
await tid("import-flow-input").setInputFiles("/tmp/sandbox-check.json");
await page.waitForURL(/\/flows\/[0-9a-f-]{36}/);
const flowId = page.url().split("/").pop();
await tid("builder-canvas").waitFor();
await tid("publish-button").click();
await tid("publish-result").waitFor();
console.log("publish:", await tid("publish-result").textContent());

await page.goto(`${base}/bots`);
const select = tid("bot-entry-flow").first();
await select.selectOption(flowId);
await page.waitForTimeout(1500);
await page.screenshot({ path: "/tmp/sb-shots/30-bots-entry-flow.png" });

await page.goto(`${base}/sandbox`);
await tid("sandbox-input").waitFor();
// Start over as a fresh user so the conversation begins at the new flow.
await page.getByRole("button", { name: /new user/ }).click();
await tid("sandbox-start").click();
await tid("sandbox-reply-button").first().waitFor({ timeout: 15_000 });
await page.screenshot({ path: "/tmp/sb-shots/31-sandbox-reply-keyboard.png" });
await tid("sandbox-reply-button").first().click();
await page.getByText("Your email?").waitFor({ timeout: 10_000 });
await tid("sandbox-input").fill("nope");
await tid("sandbox-send").click();
await page.getByText("Not an email.").waitFor({ timeout: 10_000 });
await tid("sandbox-input").fill("me@example.com");
await tid("sandbox-send").click();
await page.getByText("Thanks me@example.com").waitFor({ timeout: 10_000 });
await page.waitForTimeout(500);
await page.screenshot({ path: "/tmp/sb-shots/32-sandbox-done.png" });
const bubbles = await tid("sandbox-message").count();
const fromBot = await page.locator("[data-testid=sandbox-message][data-from=bot]").count();
console.log(
  `sandbox bubbles: ${bubbles} (bot ${fromBot}); reply buttons now: ${await tid("sandbox-reply-button").count()}`,
);

await page.goto(`${base}/conversations`);
await tid("conversation-row").first().click();
await tid("transcript").waitFor();
await page.waitForTimeout(800);
await page.screenshot({ path: "/tmp/sb-shots/33-transcript-hostile.png" });
const scrollW = await page.evaluate(() => document.documentElement.scrollWidth);
console.log("page scrollWidth:", scrollW, "(viewport 1440)");
console.log(errors.length ? `errors: ${errors.join("; ")}` : "no page errors");
await browser.close();
