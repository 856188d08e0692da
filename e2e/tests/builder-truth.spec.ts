import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * Issue 9 §1, "what the product says": the builder, the flows page and the transcripts tell the truth
 * about a flow (its name, its live version, its unpublished changes, its authors, its steps' titles),
 * and a half-built flow can be tested. One page and one flow for the file (sign-in is rate limited);
 * each test builds on the previous one.
 */
test.describe.configure({ mode: "serial" });
let page: Page;
let flowUrl = "";

/** Greeting -> Pick a plan (Basic) -> Goodbye; the file names it "Truth flow". */
const flowFile = {
  format: "switchboard.flow",
  version: 1,
  name: "Truth flow",
  entryStepId: "hello",
  steps: [
    {
      id: "hello",
      type: "text",
      title: "Greeting",
      position: { x: 0, y: 0 },
      aliases: [],
      config: { text: "Hi there!" },
    },
    {
      id: "plan",
      type: "buttons",
      title: "Pick a plan",
      position: { x: 0, y: 200 },
      aliases: [],
      config: {
        text: "Which plan?",
        keyboard: "inline",
        columns: 1,
        retryText: "Use the buttons",
        buttons: [{ id: "basic", kind: "goto", label: "Basic" }],
      },
    },
    {
      id: "thanks",
      type: "text",
      title: "Goodbye",
      position: { x: 0, y: 420 },
      aliases: [],
      config: { text: "Thanks, bye!" },
    },
  ],
  edges: [
    { id: "e1", source: "hello", sourceHandle: "next", target: "plan" },
    { id: "e2", source: "plan", sourceHandle: "button:basic", target: "thanks" },
  ],
};

const node = (id: string) => page.getByTestId(`step-node-${id}`);

async function saved() {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 20_000 });
}

async function editText(stepId: string, text: string) {
  await node(stepId).click();
  await expect(page.getByTestId("step-panel")).toHaveAttribute("data-step-id", stepId);
  await page.getByTestId("step-text").fill(text);
  await saved();
}

async function publish(version: number) {
  await saved();
  await page.getByTestId("publish-button").click();
  await expect(page.getByTestId("published-version")).toContainText(`v${version} live`);
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await signIn(page);
});
test.afterAll(async () => page?.close());

test("importing a file names the flow by the file's own name", async () => {
  await page.goto("/flows");
  await page.getByTestId("import-flow-input").setInputFiles({
    name: "export.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(flowFile)),
  });
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}/);
  flowUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("flow-name")).toHaveText("Truth flow");
});

test("a step marked as the intended end loses its 'conversation ends here' warning and shows an end marker", async () => {
  await expect(node("thanks").getByTestId("node-problems")).toHaveAttribute("data-severity", "warning");
  await node("thanks").click();
  await page.getByTestId("ends-conversation-toggle").click();
  await expect(page.getByTestId("ends-conversation-toggle")).toHaveAttribute("aria-checked", "true");
  await expect(node("thanks").getByTestId("node-ends-conversation")).toBeVisible();
  await expect(node("thanks").getByTestId("node-problems")).toHaveCount(0);
});

test("after a reload the draft still says it has unpublished changes, until the next publish", async () => {
  await publish(1);
  await expect(page.getByTestId("unpublished-changes")).toHaveCount(0);
  await editText("hello", "Hi again!");
  await expect(page.getByTestId("unpublished-changes")).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("builder-canvas")).toBeVisible();
  await expect(page.getByTestId("unpublished-changes")).toBeVisible();

  await publish(2);
  await expect(page.getByTestId("unpublished-changes")).toHaveCount(0);
});

test("versions name their author, not an account id", async () => {
  await page.getByTestId("published-version").click();
  await expect(page.getByTestId("version-row")).toHaveCount(2);
  await expect(page.getByTestId("version-author").first()).toHaveText("by Demo Marketer");
});

test("after a rollback the top bar agrees with the badge", async () => {
  await page
    .getByTestId("version-row")
    .filter({ hasText: "v1" })
    .getByRole("button", { name: "Roll back" })
    .click();
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("published-version")).toContainText("v1 live");
  // Nothing in the top bar may still speak of v2 as published, nor of edits since.
  await expect(page.locator("header")).not.toContainText("v2 published");
  await expect(page.locator("header")).not.toContainText("edited since");
  await expect(page.getByTestId("unpublished-changes")).toHaveCount(0);
});

test("the test chat runs a half-built flow and stops where it is broken, naming the step", async () => {
  await editText("thanks", "");
  await page.getByTestId("test-chat-toggle").click();
  await expect(page.getByTestId("test-chat-blocked")).toHaveCount(0);
  const bot = page.locator('[data-testid="test-chat-message"][data-from="bot"]');
  // The rollback put v1's text back into the draft.
  await expect(bot.filter({ hasText: "Hi there!" })).toHaveCount(1);
  await page.getByTestId("test-chat-inline-button").filter({ hasText: "Basic" }).click();
  const stop = page.getByTestId("test-chat-notice").filter({ hasText: "Stopped." });
  await expect(stop).toContainText("“Goodbye” can't run yet");

  await node("plan").click();
  await stop.getByTestId("test-chat-show-step").click();
  await expect(page.getByTestId("step-panel")).toHaveAttribute("data-step-id", "thanks");
  await page.getByTestId("step-text").fill("Thanks, bye!");
  await saved();
  await page.getByTestId("test-chat-toggle").click();
});

test("conversations and transcripts name steps by their titles", async () => {
  await publish(3);
  await page.goto("/bots");
  const card = page.getByTestId("bot-card-switchboard_demo_bot");
  await card.getByTestId("bot-entry-flow").selectOption({ label: "Truth flow (v3)" });
  await expect(card.getByTestId("bot-entry-flow")).toHaveValue(flowUrl.split("/").at(-1)!);

  await page.goto("/sandbox");
  await page.getByTestId("sandbox-bot").selectOption({ label: "@switchboard_demo_bot" });
  await page.getByTestId("sandbox-start").click();
  const botSays = page.locator('[data-testid="sandbox-message"][data-from="bot"]');
  await expect(botSays.filter({ hasText: "Which plan?" }).last()).toBeVisible();
  await page.getByTestId("sandbox-inline-button").filter({ hasText: "Basic" }).last().click();
  await expect(botSays.filter({ hasText: "Thanks, bye!" }).last()).toBeVisible();

  await page.goto("/conversations");
  const row = page.getByTestId("conversation-row").filter({ hasText: "switchboard_demo_bot" }).first();
  await expect(row.getByTestId("conversation-current-step")).toHaveText("Goodbye");
  await row.click();
  await expect(page).toHaveURL(/\/conversations\/[0-9a-f-]{36}/);
  const steps = page.getByTestId("message-step");
  await expect(steps.filter({ hasText: "Greeting" }).last()).toBeVisible();
  await expect(steps.filter({ hasText: "Pick a plan" }).last()).toBeVisible();
  await expect(page.getByText(/\bstep (hello|plan|thanks)\b/)).toHaveCount(0);
});

test("the delete dialog of a flow a bot runs has its Delete button disabled, saying why", async () => {
  await page.goto("/flows");
  const row = page.getByTestId("flow-row").filter({ hasText: "Truth flow" });
  await row.getByTestId("flow-delete").click();
  await expect(page.getByTestId("confirm-ok")).toBeDisabled();
  await expect(page.getByTestId("confirm-blocked-reason")).toContainText("@switchboard_demo_bot");
  await page.getByTestId("confirm-cancel").click();
  await expect(row).toBeVisible();
});
