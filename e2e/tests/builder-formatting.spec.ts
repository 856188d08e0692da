import { expect, type Locator, test } from "@playwright/test";
import { SandboxClient } from "@switchboard/telegram-sandbox/client";
import { E2E } from "../stack";
import { dropStep, expectSaved, newEmptyFlow, signIn } from "./helpers";

/**
 * Messages as Telegram shows them: a marketer formats a message with the toolbar, the emoji picker and
 * a variable with a fallback; the editor's preview, the canvas and the test chat show the formatting;
 * after publishing, a Telegram user with a hostile name gets text + entities (offsets in UTF-16 code
 * units) and their name stays plain text, in Telegram as in the admin's transcript and inbox.
 */

/** Selects the last `count` characters of a textarea (0: the caret at its end), as a user's drag would. */
async function selectLast(field: Locator, count: number) {
  // After a frame: the editor restores its own selection in one after each toolbar edit.
  await field.evaluate(
    (el: HTMLTextAreaElement, n) =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          el.focus();
          el.setSelectionRange(el.value.length - n, el.value.length);
          resolve();
        }),
      ),
    count,
  );
}

test("a formatted message round-trips from the builder to the sandbox as entities; a hostile name stays plain", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  await signIn(page);
  await newEmptyFlow(page, `E2E formatting ${stamp}`);
  const node = await dropStep(page, "text", 260, 120);
  const text = page.getByTestId("step-text");

  // "Hi {{name | "there"}}" from the variable picker, with a fallback.
  await text.fill("Hi ");
  await selectLast(text, 0);
  await page.getByTestId("variable-picker").click();
  await page.getByTestId("variable-fallback").fill("there");
  await page.locator("button", { hasText: '{{name | "there"}}' }).first().click();
  await expect(text).toHaveValue('Hi {{name | "there"}}');

  // Bold from the toolbar.
  await selectLast(text, await text.evaluate((el: HTMLTextAreaElement) => el.value.length));
  await page.getByTestId("format-bold").click();
  // A gift emoji from the picker, then a spoiler on it.
  await selectLast(text, 0);
  await text.pressSequentially(" ");
  await page.getByTestId("emoji-picker").click();
  await page.getByLabel("Search emoji").fill("gift");
  await page.getByLabel("Search emoji").press("Enter");
  await expect(text).toHaveValue(/🎁$/);
  await selectLast(text, 2);
  await page.getByTestId("format-spoiler").click();
  // Italic with Ctrl+I, a link from the toolbar.
  await selectLast(text, 0);
  await text.pressSequentially(" hello");
  await selectLast(text, 5);
  await text.press("Control+i");
  await selectLast(text, 0);
  await text.pressSequentially(" site");
  await selectLast(text, 4);
  await page.getByTestId("format-link").click();
  await page.getByTestId("format-link-url").fill("https://example.com/docs");
  await page.getByTestId("format-link-add").click();
  await expect(text).toHaveValue(
    '<b>Hi {{name | "there"}}</b> <tg-spoiler>🎁</tg-spoiler> <i>hello</i> <a href="https://example.com/docs">site</a>',
  );

  // Lengths as Telegram counts them: without tags, 🎁 is two UTF-16 code units.
  await expect(page.getByTestId("message-length")).toHaveText("35 / 4,096");
  // The editor's preview and the canvas node render the formatting.
  const preview = page.getByTestId("message-preview");
  await expect(preview.locator('[data-entity="bold"]')).toHaveText('Hi {{name | "there"}}');
  await expect(preview.locator('[data-entity="italic"]')).toHaveText("hello");
  await expect(preview.locator("[data-spoiler=hidden]")).toHaveText("🎁");
  await expect(preview.getByRole("link", { name: "site" })).toHaveAttribute(
    "href",
    "https://example.com/docs",
  );
  await expect(node.getByTestId("node-text").locator('[data-entity="bold"]')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("editor.png") });

  // The test chat shows the message as Telegram will.
  await page.getByTestId("test-chat-toggle").click();
  const testBot = page.locator('[data-testid="test-chat-message"][data-from="bot"]').first();
  await expect(testBot.locator('[data-entity="bold"]')).toContainText("Hi ");
  await expect(testBot.locator('[data-entity="italic"]')).toHaveText("hello");
  await page.screenshot({ path: test.info().outputPath("test-chat.png") });

  // Publish and run it on the demo bot.
  await expectSaved(page);
  await page.getByTestId("publish-button").click();
  await expect(page.getByTestId("publish-result")).toContainText(/v1/);
  await page.goto("/bots");
  const card = page.getByTestId("bot-card-switchboard_demo_bot");
  const label = `E2E formatting ${stamp} (v1)`;
  // The flow's id from its option, not from the select's value (which may still show the old flow).
  const flowId = await card
    .getByTestId("bot-entry-flow")
    .locator("option", { hasText: label })
    .getAttribute("value");
  expect(flowId).toMatch(/^[0-9a-f-]{36}$/);
  await card.getByTestId("bot-entry-flow").selectOption({ label });
  await expect(card.getByTestId("bot-entry-flow")).toHaveValue(flowId!);
  // Saved (not only selected) before the user writes: a reload shows it.
  await expect(async () => {
    await page.reload();
    await expect(card.getByTestId("bot-entry-flow")).toHaveValue(flowId!, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });

  // A Telegram user whose name looks like markup of every kind.
  const telegram = new SandboxClient(E2E.sandboxUrl);
  const token = (await telegram.listBots()).find((b) => b.username === "switchboard_demo_bot")!.token;
  const name = '<b>*Boss*</b> _🦄_ </i> &amp; <a href="https://evil.io">x</a>';
  const user = {
    id: 700_000 + Math.floor(Math.random() * 99_000),
    first_name: name,
    username: `fmt_${stamp}`,
  };
  await telegram.start({ token, from: user });
  const [message] = await telegram.waitForBotMessages({
    token,
    chatId: user.id,
    count: 1,
    timeoutMs: 20_000,
  });
  expect(message!.text).toBe(`Hi ${name} 🎁 hello site`);
  const covered = (message!.entities ?? []).map((e) => [
    e.type,
    message!.text!.slice(e.offset, e.offset + e.length),
    e.url ?? null,
  ]);
  expect(covered).toEqual([
    ["bold", `Hi ${name}`, null],
    ["spoiler", "🎁", null],
    ["italic", "hello", null],
    ["text_link", "site", "https://example.com/docs"],
  ]);
  // Offsets in UTF-16 code units: the 🦄 in the name counts two.
  const spoiler = message!.entities!.find((e) => e.type === "spoiler")!;
  expect(spoiler).toEqual({ type: "spoiler", offset: `Hi ${name} `.length, length: 2 });

  // The admin's transcript and the inbox show the message formatted from its stored entities; the
  // hostile name inside the bold stays text (no link to evil.io, no tags).
  async function expectFormatted(bot: Locator) {
    await expect(bot.locator('[data-entity="bold"]')).toHaveText(`Hi ${name}`);
    await expect(bot.locator('[data-entity="italic"]')).toHaveText("hello");
    await expect(bot.locator("[data-spoiler=hidden]")).toHaveText("🎁");
    await expect(bot.getByRole("link", { name: "site" })).toHaveAttribute("href", "https://example.com/docs");
    await expect(bot.locator("a")).toHaveCount(1);
    await expect(bot.locator("b, i, script")).toHaveCount(0);
  }
  await page.goto("/conversations");
  await page
    .getByTestId("conversation-row")
    .filter({ hasText: `@fmt_${stamp}` })
    .first()
    .click();
  await expect(page).toHaveURL(/\/conversations\/[0-9a-f-]{36}/);
  const conversationId = new URL(page.url()).pathname.split("/").pop()!;
  await expectFormatted(page.locator('[data-testid="transcript-message"][data-author="bot"]').first());
  await page.screenshot({ path: test.info().outputPath("transcript.png") });
  await page.goto(`/inbox/${conversationId}`);
  await expectFormatted(
    page
      .getByTestId("inbox-timeline")
      .locator('[data-testid="transcript-message"][data-author="bot"]')
      .first(),
  );
});
