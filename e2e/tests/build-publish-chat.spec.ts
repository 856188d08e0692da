import { expect, test } from "@playwright/test";
import { connect, dropStep, expectSaved, newEmptyFlow, signIn } from "./helpers";

/**
 * The walking skeleton, as a marketer and then as a Telegram user:
 * sign in, draw Text → Buttons → Free input → Text on the canvas by dragging and connecting, publish,
 * put the flow on the demo bot, chat with it through the Bot API sandbox, read the transcript.
 */

test("a marketer draws and publishes a flow; a Telegram user talks to it; the transcript is kept", async ({
  page,
}) => {
  await signIn(page);

  // Create an empty flow.
  await newEmptyFlow(page, "E2E onboarding");

  // Draw the steps by dragging them from the palette.
  const greet = await dropStep(page, "text", 260, 90);
  await page.getByTestId("step-text").fill("Hello {{name}}, welcome to <b>E2E</b> 🎉");

  const ask = await dropStep(page, "buttons", 260, 270);
  await page.getByTestId("step-text").fill("Pick a colour");
  await page.getByTestId("add-button").click();
  await page.getByTestId("button-label-0").fill("Blue");

  const why = await dropStep(page, "free_input", 260, 470);
  await page.getByTestId("step-text").fill("Why blue?");
  await page.getByTestId("free-input-variable").fill("reason");

  const thanks = await dropStep(page, "text", 260, 660);
  await page.getByTestId("step-text").fill("Thanks! You said: {{vars.reason}}");

  // Wire them up by dragging from output handles to input handles.
  await connect(page, greet.getByTestId("handle-next"), ask.getByTestId("handle-in"));
  await connect(page, ask.locator('[data-testid^="handle-button:"]'), why.getByTestId("handle-in"));
  await connect(page, why.getByTestId("handle-next"), thanks.getByTestId("handle-in"));
  await expect(page.locator(".react-flow__edge")).toHaveCount(3);
  await expect(greet.getByTestId("start-badge")).toBeVisible();

  // Publish: no errors left, version 1.
  await expectSaved(page);
  await page.getByTestId("publish-button").click();
  await expect(page.getByTestId("publish-result")).toContainText(/v1/);

  // Run it on the demo bot.
  await page.goto("/bots");
  const card = page.getByTestId("bot-card-switchboard_demo_bot");
  await expect(card.getByTestId("bot-status")).toContainText(/active/i);
  await card.getByTestId("bot-entry-flow").selectOption({ label: "E2E onboarding (v1)" });
  await expect(card.getByTestId("bot-entry-flow")).toHaveValue(/[0-9a-f-]{36}/);

  // Talk to the bot as a Telegram user, through the sandbox.
  await page.goto("/sandbox");
  await page.getByTestId("sandbox-bot").selectOption({ label: "@switchboard_demo_bot" });
  await page.getByTestId("sandbox-start").click();
  const botSays = page.locator('[data-testid="sandbox-message"][data-from="bot"]');
  // "<b>E2E</b>" typed in the editor is formatting (docs/flow-format.md#message-formatting): bold, not text.
  await expect(botSays.filter({ hasText: "welcome to E2E 🎉" })).toHaveCount(1);
  await expect(botSays.filter({ hasText: "Pick a colour" })).toHaveCount(1);

  await page.getByTestId("sandbox-inline-button").filter({ hasText: "Blue" }).last().click();
  await expect(botSays.filter({ hasText: "Why blue?" })).toHaveCount(1);

  const answer = `Because <script>alert("calm")</script> 🌊 ${"wave ".repeat(40).trim()}`;
  await page.getByTestId("sandbox-input").fill(answer);
  await page.getByTestId("sandbox-send").click();
  await expect(botSays.filter({ hasText: `Thanks! You said: ${answer}` })).toHaveCount(1);

  // The transcript, as the admin shows it.
  await page.goto("/conversations");
  const row = page.getByTestId("conversation-row").filter({ hasText: "switchboard_demo_bot" }).first();
  await expect(row).toBeVisible();
  await row.click();
  await expect(page).toHaveURL(/\/conversations\/[0-9a-f-]{36}/);
  for (const text of ["Pick a colour", "Why blue?", answer, `Thanks! You said: ${answer}`])
    await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
});
