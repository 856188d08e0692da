import { expect, test } from "@playwright/test";
import { connect, dropStep, expectSaved, newEmptyFlow, signIn } from "./helpers";

/**
 * The card steps, as a marketer, a Telegram user and an operator:
 * draw Update contact (phone) → Create lead → Route to operator on the canvas, publish, run it on the demo
 * bot; in the sandbox the user shares their phone with Telegram's button; the lead appears on the Leads
 * page with the transcript; the conversation waits for an operator, who takes it and replies.
 */

test("update contact (phone) → create lead → route to operator, from the canvas to Telegram and the inbox", async ({
  page,
}) => {
  await signIn(page);

  await newEmptyFlow(page, "E2E call me back");

  // Update contact: the phone is the default field; the share button comes with it.
  const phone = await dropStep(page, "update_contact", 260, 90);
  await page.getByTestId("step-text").fill("Hi {{name}}! Your phone number, please?");
  await expect(page.getByTestId("contact-field")).toContainText(/phone/i);
  await page.getByTestId("confirm-text").fill("Thanks, we'll call {{name}}.");

  const lead = await dropStep(page, "create_lead", 260, 330);
  await page.getByTestId("lead-title").fill("Call back {{name}}");

  const operator = await dropStep(page, "route_to_operator", 260, 560);
  await page.getByTestId("step-text").fill("A person will be with you shortly.");

  await connect(page, phone.getByTestId("handle-next"), lead.getByTestId("handle-in"));
  await connect(page, lead.getByTestId("handle-next"), operator.getByTestId("handle-in"));
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);

  await expectSaved(page);
  await page.getByTestId("publish-button").click();
  await expect(page.getByTestId("publish-result")).toContainText(/v1/);

  await page.goto("/bots");
  const card = page.getByTestId("bot-card-switchboard_demo_bot");
  await card.getByTestId("bot-entry-flow").selectOption({ label: "E2E call me back (v1)" });
  await expect(card.getByTestId("bot-entry-flow")).toHaveValue(/[0-9a-f-]{36}/);

  // As a Telegram user: /start, then the share-my-number button of the reply keyboard.
  await page.goto("/sandbox");
  await page.getByTestId("sandbox-bot").selectOption({ label: "@switchboard_demo_bot" });
  await page.getByTestId("sandbox-start").click();
  const botSays = page.locator('[data-testid="sandbox-message"][data-from="bot"]');
  await expect(botSays.filter({ hasText: "Your phone number, please?" })).toHaveCount(1);
  const share = page.locator('[data-testid="sandbox-reply-button"][data-request-contact="true"]');
  await expect(share).toBeVisible();
  await share.click();
  await expect(botSays.filter({ hasText: "Thanks, we'll call" })).toHaveCount(1);
  await expect(botSays.filter({ hasText: "A person will be with you shortly." })).toHaveCount(1);

  // The lead, with the conversation's transcript.
  await page.goto("/leads");
  const row = page.getByTestId("lead-row").filter({ hasText: "Call back" }).first();
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByTestId("lead-page")).toBeVisible();
  await expect(page.getByTestId("lead-source")).toContainText("switchboard_demo_bot");
  const transcript = page.getByTestId("transcript");
  for (const text of [
    "Your phone number, please?",
    "Thanks, we'll call",
    "A person will be with you shortly.",
  ])
    await expect(transcript.getByText(text, { exact: false }).first()).toBeVisible();

  // The conversation waits for an operator; the demo user (in the bot's pool) takes it in the inbox and replies.
  await page.goto("/conversations");
  const conversation = page
    .getByTestId("conversation-row")
    .filter({ hasText: "switchboard_demo_bot" })
    .first();
  // Waiting for an operator — or already the demo user's, when another test had their inbox open within
  // the last two minutes (presence is online then, and routing hands them the conversation at once).
  await expect(conversation.getByTestId("conversation-status")).toHaveAttribute(
    "data-status",
    /^(waiting|operator)$/,
  );
  await conversation.click();
  // The transcript points to the inbox, where operators work a conversation.
  await page.getByTestId("open-in-inbox").click();
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f-]+$/);
  // Opening the inbox makes the demo user online, and routing may hand them the conversation before
  // they click Take (then Take is gone, or answers that they already have it): either way it's theirs.
  const take = page.getByTestId("inbox-take");
  const assignee = page.getByTestId("inbox-assignee");
  await expect(take.or(assignee)).toBeVisible();
  if (await take.isVisible()) await take.click({ timeout: 3_000 }).catch(() => {});
  await expect(assignee).toHaveText("You have it");
  await expect(page.getByTestId("reply-box")).toBeVisible();
  await page.getByTestId("reply-input").fill("Hello! Anna here. When is a good time to call?");
  await page.getByTestId("reply-send").click();
  await expect(page.getByTestId("transcript-operator").first()).toBeVisible();

  await page.goto("/sandbox");
  await page.getByTestId("sandbox-bot").selectOption({ label: "@switchboard_demo_bot" });
  await expect(botSays.filter({ hasText: "Connected to chat. Please start messaging!" })).toHaveCount(1);
  await expect(botSays.filter({ hasText: "Anna here. When is a good time to call?" })).toHaveCount(1);
});
