import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * Issue 9 §1, "what the product says": the builder, the flows page and the transcripts tell the truth
 * about a flow (its name, its live version, its unpublished changes, its authors, its steps' titles),
 * and a half-built flow can be tested. One signed-in page for the file (sign-in is rate limited); each
 * test imports a flow of its own, so each one fails or passes by itself.
 */
test.describe.configure({ mode: "default" });
let page: Page;

/** Greeting -> Pick a plan (Basic) -> Goodbye, as a flow file named `name`. */
const flowFile = (name: string) => ({
  format: "switchboard.flow",
  version: 1,
  name,
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
});

/**
 * Imports the flow on the Flows page and opens it; the file is called after the flow, so the flow has
 * that name whichever of the two an import uses. Answers the flow's id.
 */
async function importFlow(name: string, fileName = `${name}.json`) {
  await page.goto("/flows");
  await page.getByTestId("import-flow-input").setInputFiles({
    name: fileName,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(flowFile(name))),
  });
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}/);
  await expect(node("thanks")).toBeVisible();
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

/** Puts the flow's live version on the demo bot. */
async function runOnDemoBot(name: string, version: number, flowId: string) {
  await page.goto("/bots");
  const card = page.getByTestId("bot-card-switchboard_demo_bot");
  await card.getByTestId("bot-entry-flow").selectOption({ label: `${name} (v${version})` });
  await expect(card.getByTestId("bot-entry-flow")).toHaveValue(flowId);
}

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
  await importFlow("Truth flow", "export.json");
  await expect(page.getByTestId("flow-name")).toHaveText("Truth flow");
});

test("a step marked as the intended end loses its 'conversation ends here' warning and shows an end marker", async () => {
  await importFlow("Ends flow");
  await expect(node("thanks").getByTestId("node-problems")).toHaveAttribute("data-severity", "warning");
  await node("thanks").click();
  await page.getByTestId("ends-conversation-toggle").click();
  await expect(page.getByTestId("ends-conversation-toggle")).toHaveAttribute("aria-checked", "true");
  await expect(node("thanks").getByTestId("node-ends-conversation")).toBeVisible();
  await expect(node("thanks").getByTestId("node-problems")).toHaveCount(0);
});

test("after a reload the draft still says it has unpublished changes, until the next publish", async () => {
  await importFlow("Reload flow");
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
  await importFlow("Authors flow");
  await publish(1);
  await page.getByTestId("published-version").click();
  await expect(page.getByTestId("version-row")).toHaveCount(1);
  await expect(page.getByTestId("version-author").first()).toHaveText("by Demo Marketer");
});

test("after a rollback the top bar agrees with the badge", async () => {
  await importFlow("Rollback flow");
  await publish(1);
  await editText("hello", "Hi again!");
  await publish(2);
  await expect(page.getByTestId("publish-result")).toContainText("v2 published");
  await page.getByTestId("published-version").click();
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
  await importFlow("Half-built flow");
  await editText("thanks", "");
  // Another step selected first (before the test chat opens: its panel may cover the step), so the
  // "show step" below has to move the selection.
  await node("plan").click();
  await expect(page.getByTestId("step-panel")).toHaveAttribute("data-step-id", "plan");
  await page.getByTestId("test-chat-toggle").click();
  await expect(page.getByTestId("test-chat-blocked")).toHaveCount(0);
  const bot = page.locator('[data-testid="test-chat-message"][data-from="bot"]');
  await expect(bot.filter({ hasText: "Hi there!" })).toHaveCount(1);
  await page.getByTestId("test-chat-inline-button").filter({ hasText: "Basic" }).click();
  const stop = page.getByTestId("test-chat-notice").filter({ hasText: "Stopped." });
  await expect(stop).toContainText("“Goodbye” can't run yet");

  await stop.getByTestId("test-chat-show-step").click();
  await expect(page.getByTestId("step-panel")).toHaveAttribute("data-step-id", "thanks");
  await page.getByTestId("step-text").fill("Thanks, bye!");
  await saved();
  await page.getByTestId("test-chat-toggle").click();
});

test("conversations and transcripts name steps by their titles", async () => {
  const flowId = await importFlow("Titles flow");
  await publish(1);
  await runOnDemoBot("Titles flow", 1, flowId);

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
  const flowId = await importFlow("Running flow");
  await publish(1);
  await runOnDemoBot("Running flow", 1, flowId);
  await page.goto("/flows");
  const row = page.getByTestId("flow-row").filter({ hasText: "Running flow" });
  await row.getByTestId("flow-delete").click();
  await expect(page.getByTestId("confirm-ok")).toBeDisabled();
  await expect(page.getByTestId("confirm-blocked-reason")).toContainText("@switchboard_demo_bot");
  await page.getByTestId("confirm-cancel").click();
  await expect(row).toBeVisible();
});
