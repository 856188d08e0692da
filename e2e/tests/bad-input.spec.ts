import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * The "bad input" criteria, as a marketer meets them in the admin. One signed-in page for the
 * file: sign-in is rate limited (brute-force protection), so tests don't sign in one after another.
 */
test.describe.configure({ mode: "serial" });
let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await signIn(page);
});
test.afterAll(async () => page?.close());

test("an invalid bot token gets a clear message on the Bots page", async () => {
  await page.goto("/bots");
  await page.getByTestId("bot-token").fill("123:abc");
  await page.getByTestId("bot-connect").click();
  await expect(page.getByTestId("connect-error")).toContainText("doesn't look like a bot token");

  // Well-formed, but Telegram (here the sandbox) doesn't know it.
  await page.getByTestId("bot-token").fill("987654321:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await page.getByTestId("bot-connect").click();
  await expect(page.getByTestId("connect-error")).toContainText(/rejected/i);
});

test("malformed JSON on import is refused with the reason", async () => {
  await page.goto("/flows");
  await page.getByTestId("import-flow-input").setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"steps": [ {"id": "a", '),
  });
  await expect(page.getByTestId("toast-error")).toContainText("Invalid JSON");

  await page.getByTestId("import-flow-input").setInputFiles({
    name: "not-a-flow.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello": "world", "steps": "nope"}'),
  });
  await expect(page.getByTestId("toast-error").last()).toContainText("Not a Switchboard flow");
});

test("a button that leads nowhere blocks publishing and its step is marked", async () => {
  await page.goto("/flows");
  await page.getByTestId("new-flow").click();
  await page.getByTestId("flow-name-field").fill("Dangling button");
  await page.getByTestId("template-empty").check({ force: true });
  await page.getByTestId("create-flow-submit").click();
  await expect(page.getByTestId("builder-canvas")).toBeVisible();

  await page
    .getByTestId("palette-buttons")
    .dragTo(page.getByTestId("builder-canvas"), { targetPosition: { x: 300, y: 200 } });
  const node = page.locator('[data-testid^="step-node-"]').first();
  await page.getByTestId("step-text").fill("Go where?");
  await page.getByTestId("add-button").click();
  await page.getByTestId("button-label-0").fill("Nowhere");

  await expect(node.getByTestId("node-problems")).toBeVisible();
  await expect(page.getByTestId("step-problems")).toContainText("leads nowhere");
  await page.getByTestId("publish-button").click();
  await expect(page.getByTestId("publish-result")).toHaveAttribute("data-ok", "false");
  await expect(page.getByTestId("published-version")).toContainText("Not published");
});
