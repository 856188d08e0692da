import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * Analytics on the canvas: a published flow, a few Telegram users through the sandbox, then the
 * builder's overlay shows how many reached each step, went on through each output, stopped where.
 *
 * welcome → menu (Yes → great, No → why) ; great (Back → menu) ; why (free input) → split (A → thanks A,
 * B → thanks B). Users: one says Yes, goes back to the menu and says Yes again (a loop: counted once);
 * four say No, of whom one answers "why": 3 of 4 stop at the question (a drop-off).
 */
const flow = {
  name: "E2E analytics",
  format: "switchboard.flow",
  version: 1,
  entryStepId: "welcome",
  steps: [
    step("welcome", "text", "Welcome", 0, 0, { text: "Welcome to the survey" }),
    step("menu", "buttons", "Menu", 0, 180, {
      text: "Do you like us?",
      keyboard: "inline",
      columns: 2,
      retryText: "Use the buttons",
      buttons: [
        { id: "yes", kind: "goto", label: "Yes" },
        { id: "no", kind: "goto", label: "No" },
      ],
    }),
    step("great", "buttons", "Great", -200, 420, {
      text: "Great to hear",
      keyboard: "inline",
      columns: 1,
      retryText: "Use the buttons",
      buttons: [{ id: "back", kind: "goto", label: "Back" }],
    }),
    step("why", "free_input", "Why not", 200, 420, { text: "Why not?", variable: "reason" }),
    step("split", "random_split", "Offer test", 200, 640, {
      branches: [
        { id: "a", label: "Discount", weight: 1 },
        { id: "b", label: "Call", weight: 1 },
      ],
    }),
    step("thanks_a", "text", "Thanks A", 60, 860, { text: "Thanks! Here is 10% off" }),
    step("thanks_b", "text", "Thanks B", 340, 860, { text: "Thanks! We will call you" }),
  ],
  edges: [
    edge("welcome", "next", "menu"),
    edge("menu", "button:yes", "great"),
    edge("great", "button:back", "menu"),
    edge("menu", "button:no", "why"),
    edge("why", "next", "split"),
    edge("split", "branch:a", "thanks_a"),
    edge("split", "branch:b", "thanks_b"),
  ],
};

function step(id: string, type: string, title: string, x: number, y: number, config: unknown) {
  return { id, type, title, position: { x, y }, aliases: [], config };
}
function edge(source: string, sourceHandle: string, target: string) {
  return { id: `${source}-${sourceHandle}`, source, sourceHandle, target };
}

/**
 * A new sandbox user presses /start, then the given button, then writes `answer` (when given); with
 * `loop`, after Yes goes Back to the menu and says Yes once more.
 */
async function converse(page: Page, button: "Yes" | "No", answer?: string, loop = false) {
  await page.getByRole("button", { name: /Start over as a new user/ }).click();
  const botSays = page.locator('[data-testid="sandbox-message"][data-from="bot"]');
  await expect(botSays).toHaveCount(0);
  await page.getByTestId("sandbox-start").click();
  await expect(botSays.filter({ hasText: "Do you like us?" })).toHaveCount(1);
  await page.getByTestId("sandbox-inline-button").filter({ hasText: button }).last().click();
  await expect(botSays.filter({ hasText: button === "Yes" ? "Great to hear" : "Why not?" })).toHaveCount(1);
  if (loop) {
    await page.getByTestId("sandbox-inline-button").filter({ hasText: "Back" }).last().click();
    await expect(botSays.filter({ hasText: "Do you like us?" })).toHaveCount(2);
    await page.getByTestId("sandbox-inline-button").filter({ hasText: "Yes" }).last().click();
    await expect(botSays.filter({ hasText: "Great to hear" })).toHaveCount(2);
  }
  if (!answer) return;
  await page.getByTestId("sandbox-input").fill(answer);
  await page.getByTestId("sandbox-send").click();
  await expect(botSays.filter({ hasText: "Thanks!" })).toHaveCount(1);
}

test("the canvas overlay shows per-step and per-output counts after sandbox conversations", async ({
  page,
}) => {
  await signIn(page);

  // Import and publish the flow.
  await page.goto("/flows");
  await page.getByTestId("import-flow-input").setInputFiles({
    name: "E2E analytics.switchboard.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(flow)),
  });
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}/);
  const builderUrl = page.url();
  await page.getByTestId("publish-button").click();
  await expect(page.getByTestId("publish-result")).toContainText(/v1/);

  // Before any conversation: the overlay shows zeros.
  await page.getByTestId("analytics-toggle").click();
  await expect(page.getByTestId("analytics-node-menu")).toHaveText("0 reached");

  await page.goto("/bots");
  const card = page.getByTestId("bot-card-switchboard_demo_bot");
  await card.getByTestId("bot-entry-flow").selectOption({ label: "E2E analytics (v1)" });
  await expect(card.getByTestId("bot-entry-flow")).toHaveValue(/[0-9a-f-]{36}/);

  // Five Telegram users through the sandbox; the first one passes the menu twice.
  await page.goto("/sandbox");
  await page.getByTestId("sandbox-bot").selectOption({ label: "@switchboard_demo_bot" });
  await converse(page, "Yes", undefined, true);
  await converse(page, "No");
  await converse(page, "No");
  await converse(page, "No");
  await converse(page, "No", "Too expensive");

  // The overlay on the canvas.
  await page.goto(builderUrl);
  await page.getByTestId("analytics-toggle").click();
  const node = (id: string) => page.getByTestId(`analytics-node-${id}`);
  const output = (id: string, handle: string) => page.getByTestId(`analytics-output-${id}-${handle}`);
  await expect(node("welcome")).toHaveText("5 reached");
  // Conversations, not arrivals: the one that came back to the menu and said Yes twice counts once.
  await expect(node("menu")).toHaveText("5 reached");
  await expect(node("menu")).toHaveAttribute("title", /^5 conversations reached this step; 5 went on/);
  await expect(output("welcome", "next")).toHaveText("5 · 100%");
  await expect(output("menu", "button:yes")).toHaveText("1 · 20%");
  await expect(output("menu", "button:no")).toHaveText("4 · 80%");
  await expect(node("great")).toHaveText("1 reached");
  await expect(output("great", "button:back")).toHaveText("1 · 100%");
  // Three of the four who were asked why stopped there: a drop-off, outlined in red.
  await expect(node("why")).toHaveText("4 reached · 3 stopped (75%)");
  await expect(node("why")).toHaveAttribute("data-dropoff", "true");
  await expect(page.getByTestId("analytics-dropoff-why")).toBeVisible();
  await expect(page.getByTestId("analytics-dropoff-menu")).toHaveCount(0);
  await expect(output("why", "next")).toHaveText("1 · 25%");
  await expect(node("split")).toHaveText("1 reached");
  // The split's branches side by side: one conversation, in one of them.
  const split = page.getByTestId("analytics-split-split");
  await expect(split).toContainText("1 in total");
  await expect(split).toContainText("Discount");
  await expect(split).toContainText("Call");
  await page.screenshot({ path: "test-results/builder-analytics.png" });

  // A picked range: a month long past has no conversations; one ending today has them again.
  await page.getByTestId("analytics-period").selectOption({ label: "Custom range…" });
  await page.getByTestId("analytics-from").fill("2020-01-01");
  await page.getByTestId("analytics-to").fill("2020-01-31");
  await expect(page.getByTestId("analytics-summary")).toContainText("2020-01-01 – 2020-01-31");
  await expect(node("welcome")).toHaveText("0 reached");
  await page.getByTestId("analytics-from").fill("2020-02-01");
  await expect(page.getByTestId("analytics-period-problem")).toHaveText("The period starts after it ends.");
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  await page.getByTestId("analytics-from").fill(day(10));
  await page.getByTestId("analytics-to").fill(day(0));
  await expect(node("welcome")).toHaveText("5 reached");
  await page.getByTestId("analytics-panel").screenshot({ path: "test-results/builder-analytics-range.png" });

  // Toggled off: the overlay goes.
  await page.getByTestId("analytics-toggle").click();
  await expect(page.getByTestId("analytics-overlay")).toHaveCount(0);
});
