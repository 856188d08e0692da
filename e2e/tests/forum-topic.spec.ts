import { expect, test } from "@playwright/test";
import { SandboxClient } from "@switchboard/telegram-sandbox/client";
import { E2E } from "../stack";
import { dropStep, expectSaved, newEmptyFlow, signIn } from "./helpers";

/**
 * Operators in Telegram, as a marketer sets it up and a support team uses it: a fresh sandbox bot runs a
 * flow that routes to an operator; its settings name the team's forum supergroup. A customer writes → a
 * topic named after them opens in the group with their message → an operator answers in the topic → the
 * customer gets the answer → /close in the topic ends the conversation, which the web side shows closed.
 */
test("a reply in the operators' forum topic reaches the customer, and /close there ends the conversation", async ({
  page,
}) => {
  const telegram = new SandboxClient(E2E.sandboxUrl);
  const stamp = Date.now().toString(36);
  await signIn(page);

  // The flow: just a Route to operator step.
  await newEmptyFlow(page, `E2E forum ${stamp}`);
  await dropStep(page, "route_to_operator", 260, 120);
  await page.getByTestId("step-text").fill("Connecting you with our team…");
  await expectSaved(page);
  await page.getByTestId("publish-button").click();
  await expect(page.getByTestId("publish-result")).toContainText(/v1/);

  // A fresh sandbox bot (the demo bot stays as the other suites expect it), running that flow.
  const username = `forum_${stamp}_bot`;
  await page.goto("/bots");
  await page.getByTestId("sandbox-create-open").click();
  await page.getByTestId("sandbox-bot-username").fill(username);
  await page.getByTestId("sandbox-create-bot").click();
  const card = page.getByTestId(`bot-card-${username}`);
  await expect(card).toBeVisible();
  await card.getByTestId("bot-entry-flow").selectOption({ label: `E2E forum ${stamp} (v1)` });
  await expect(card.getByTestId("bot-entry-flow")).toHaveValue(/[0-9a-f-]{36}/);
  const token = (await telegram.listBots()).find((b) => b.username === username)!.token;

  // In Telegram: the team's supergroup with topics, the bot an administrator that manages topics, an operator.
  const lead = { id: 7_100_001, first_name: "Tess", last_name: "Lead" };
  const operator = { id: 7_100_002, first_name: "Oscar", username: `oscar_${stamp}` };
  const group = await telegram.createSupergroup({ title: "Support desk", owner: lead, isForum: true });
  await telegram.addBotToSupergroup({
    token,
    chatId: group.id,
    status: "administrator",
    rights: { can_manage_topics: true },
  });
  await telegram.addSupergroupMember({ chatId: group.id, user: operator });

  // In the bot's settings: answer from that group.
  await card.getByTestId("bot-settings-open").click();
  const settings = page.getByTestId("bot-settings-dialog");
  await settings.getByTestId("bot-operator-group").fill(String(group.id));
  await settings.getByTestId("bot-operator-group-enabled").click();
  await settings.getByTestId("bot-settings-save").click();
  await expect(settings).toBeHidden();

  // A customer writes; their topic opens in the group.
  const customer = { id: 7_100_100, first_name: "Ann", last_name: "Smith", username: `ann_${stamp}` };
  await telegram.start({ token, from: customer });
  await telegram.waitForChat({
    token,
    chatId: customer.id,
    until: (all) => all.some((m) => m.from_bot && m.text === "Connecting you with our team…"),
  });
  await telegram.sendText({ token, from: customer, text: "Where is my order 1234?" });
  let topic: { message_thread_id: number; name: string } | undefined;
  await expect
    .poll(
      async () => {
        topic = (await telegram.getSupergroup({ chatId: group.id })).topics[0];
        return topic?.name;
      },
      { timeout: 20_000 },
    )
    .toBe(`Ann Smith (@${customer.username})`);
  const threadId = topic!.message_thread_id;
  await telegram.waitForChat({
    token,
    chatId: group.id,
    threadId,
    until: (all) => all.some((m) => m.from_bot && (m.text ?? "").includes("Where is my order 1234?")),
  });

  // The operator answers in the topic; the customer gets it from the bot.
  await telegram.sendText({
    token,
    from: operator,
    chatId: group.id,
    threadId,
    text: "Hi Ann, it ships tomorrow.",
  });
  await telegram.waitForChat({
    token,
    chatId: customer.id,
    until: (all) => all.some((m) => m.from_bot && m.text === "Hi Ann, it ships tomorrow."),
  });

  // /close in the topic: the customer is told, and the conversation is closed for the web inbox too.
  await telegram.sendText({
    token,
    from: operator,
    chatId: group.id,
    threadId,
    text: "/close",
  });
  await telegram.waitForChat({
    token,
    chatId: customer.id,
    until: (all) => all.some((m) => m.from_bot && m.text === "Consultation completed"),
  });
  await page.goto("/conversations");
  const row = page.getByTestId("conversation-row").filter({ hasText: username }).first();
  await expect(row.getByTestId("conversation-status")).toHaveAttribute("data-status", "closed");
  await row.click();
  await expect(page.getByTestId("transcript").getByText("Hi Ann, it ships tomorrow.")).toBeVisible();
});
