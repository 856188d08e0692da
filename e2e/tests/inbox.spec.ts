import { type Browser, expect, type Page, test } from "@playwright/test";
import { SandboxClient, type SandboxMessage } from "@switchboard/telegram-sandbox/client";
import { E2E } from "../stack";
import { dropStep, expectSaved, newEmptyFlow } from "./helpers";

/**
 * The operator inbox with two operators, as a support team uses it. An owner (in a workspace of their
 * own, so nothing of the other suites is in the lists) makes a bot whose flow routes to an operator,
 * at most one chat per operator, and invites two operators who join its pool and open the inbox.
 * Three Telegram users write: routing gives each operator one (live in their "Mine", no reload), the
 * third waits. The first operator answers from the composer (and with a canned reply), adds a private
 * note that never reaches the user, sees the user's answer arrive live, and closes: the user is told,
 * and the waiting conversation is theirs at once. The second operator can't pass theirs to the first
 * while the first is full; once the first closes theirs, the transfer goes through (live on both
 * sides), and the first hands it back to the bot.
 */

const ROUTE_TEXT = "Connecting you with our team…";
const CONNECTED = "connected to chat. Please start messaging!";
const COMPLETED = "Consultation completed";

interface Operator {
  name: string;
  page: Page;
}

async function signUp(page: Page, who: { name: string; email: string; password: string }) {
  await page.goto("/sign-up");
  await page.getByTestId("name").fill(who.name);
  await page.getByTestId("email").fill(who.email);
  await page.getByTestId("password").fill(who.password);
  await page.getByTestId("submit").click();
  await expect(page).not.toHaveURL(/sign-up/);
}

/** The owner invites an operator from the Members page; answers the link to send them. */
async function invite(owner: Page, email: string): Promise<string> {
  await owner.goto("/members");
  await owner.getByTestId("invite-email").fill(email);
  await owner.getByTestId("invite-role").selectOption("operator");
  await owner.getByTestId("invite-submit").click();
  await expect(owner.getByTestId("invite-result")).toContainText(email);
  return owner.getByTestId("invite-link").inputValue();
}

/**
 * In a browser of their own, the invitee signs up through the link and accepts; joins the bot's
 * operator pool from its settings (operators may, though they can't edit them); opens the inbox.
 */
async function operatorJoins(
  browser: Browser,
  link: string,
  who: { name: string; email: string },
  botUsername: string,
): Promise<Operator> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByTestId("invite-sign-up").click();
  await expect(page.getByTestId("email")).toHaveValue(who.email);
  await page.getByTestId("name").fill(who.name);
  await page.getByTestId("password").fill(`${who.email}-password`);
  await page.getByTestId("submit").click();
  await expect(page).toHaveURL(/\/invite\//);
  await page.getByTestId("invite-accept").click();
  await expect(page).toHaveURL(/\/inbox$/);

  await page.goto("/bots");
  await page.getByTestId(`bot-card-${botUsername}`).getByTestId("bot-settings-open").click();
  const dialog = page.getByTestId("bot-settings-dialog");
  const toggle = dialog.getByTestId("operator-pool-toggle");
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await expect(dialog.getByTestId("operator-pool-member").filter({ hasText: who.name })).toBeVisible();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // The inbox: online (its heartbeat), the live feed connected, nothing yet.
  await page.goto("/inbox");
  await expect(page.getByTestId("presence-select")).toHaveAttribute("data-status", "online");
  await expect(page.getByTestId("presence-select")).toBeEnabled();
  await expect(page.getByTestId("inbox-live")).toHaveAttribute("data-status", "live");
  await expect(page.getByTestId("inbox-list-empty")).toBeVisible();
  await expect(page.getByTestId("inbox-count-mine")).toHaveText("0");
  return { name: who.name, page };
}

const row = (op: Operator, contact: string) =>
  op.page
    .getByTestId("inbox-row")
    .filter({ has: op.page.getByTestId("inbox-row-contact").getByText(contact) });
const count = (op: Operator, view: "waiting" | "mine") => op.page.getByTestId(`inbox-count-${view}`);
const fromBot = (all: SandboxMessage[]) => all.filter((m) => m.from_bot).map((m) => m.text ?? "");

test("two operators share a bot's conversations in the inbox: routing, replies, notes, close, return to bot", async ({
  page: owner,
  browser,
}) => {
  test.setTimeout(120_000);
  const telegram = new SandboxClient(E2E.sandboxUrl);
  const stamp = Date.now().toString(36);

  // An owner with a workspace of their own.
  await signUp(owner, {
    name: `Ivy Owner ${stamp}`,
    email: `ivy.${stamp}@example.test`,
    password: "ivy-owner-password",
  });

  // The flow: its start routes to an operator.
  await newEmptyFlow(owner, `E2E inbox ${stamp}`);
  await dropStep(owner, "route_to_operator", 260, 120);
  await owner.getByTestId("step-text").fill(ROUTE_TEXT);
  await expectSaved(owner);
  await owner.getByTestId("publish-button").click();
  await expect(owner.getByTestId("publish-result")).toContainText(/v1/);

  // A sandbox bot running it.
  const username = `inbox_${stamp}_bot`;
  await owner.goto("/bots");
  await owner.getByTestId("sandbox-create-open").click();
  await owner.getByTestId("sandbox-bot-username").fill(username);
  await owner.getByTestId("sandbox-create-bot").click();
  const card = owner.getByTestId(`bot-card-${username}`);
  await expect(card).toBeVisible();
  await card.getByTestId("bot-entry-flow").selectOption({ label: `E2E inbox ${stamp} (v1)` });
  await expect(card.getByTestId("bot-entry-flow")).toHaveValue(/[0-9a-f-]{36}/);
  const token = (await telegram.listBots()).find((b) => b.username === username)!.token;

  // Its settings: one chat per operator; the operator's name (off by default) in the "connected" text.
  await card.getByTestId("bot-settings-open").click();
  const settings = owner.getByTestId("bot-settings-dialog");
  await settings.getByTestId("bot-max-parallel").fill("1");
  const showName = settings.getByTestId("bot-show-operator-name");
  await expect(showName).toHaveAttribute("aria-checked", "false");
  await showName.click();
  // The bot's creator is in its pool; this owner leaves the chats to the operators.
  const ownerInPool = settings.getByTestId("operator-pool-toggle");
  await expect(ownerInPool).toHaveAttribute("aria-checked", "true");
  await ownerInPool.click();
  await expect(settings.getByTestId("operator-pool-empty")).toBeVisible();
  await settings.getByTestId("bot-settings-save").click();
  await expect(settings).toBeHidden();

  // A canned reply for the team.
  const shortcut = `hours${stamp}`;
  const cannedText = "We're open 9:00–18:00, Monday to Friday.";
  await owner.goto("/settings#canned-replies");
  await owner.getByTestId("canned-add").click();
  await owner.getByTestId("canned-shortcut").fill(shortcut);
  await owner.getByTestId("canned-text").fill(cannedText);
  await owner.getByTestId("canned-save").click();
  await expect(owner.locator(`[data-testid="canned-row"][data-shortcut="${shortcut}"]`)).toBeVisible();

  // Two operators join the workspace and the bot's pool, and open the inbox (side by side).
  const oliveWho = { name: "Olive Ops", email: `olive.${stamp}@example.test` };
  const pavelWho = { name: "Pavel Ops", email: `pavel.${stamp}@example.test` };
  const oliveLink = await invite(owner, oliveWho.email);
  const pavelLink = await invite(owner, pavelWho.email);
  const [olive, pavel] = await Promise.all([
    operatorJoins(browser, oliveLink, oliveWho, username),
    operatorJoins(browser, pavelLink, pavelWho, username),
  ]);

  // The first user writes: one operator gets them, live in their "Mine" (who: least busy, then id).
  const ann = { id: 7_300_001, first_name: "Ann", last_name: "First" };
  const ben = { id: 7_300_002, first_name: "Ben", last_name: "Second" };
  const cleo = { id: 7_300_003, first_name: "Cleo", last_name: "Third" };
  await telegram.start({ token, from: ann });
  let a: Operator | undefined;
  await expect
    .poll(
      async () => {
        for (const op of [olive, pavel]) if (await row(op, "Ann First").isVisible()) a = op;
        return a?.name;
      },
      { timeout: 15_000 },
    )
    .toBeDefined();
  const b = a === olive ? pavel : olive;
  const aRow = (contact: string) => row(a!, contact);
  await expect(count(a!, "mine")).toHaveText("1");
  // The "connected" text names the operator (the setting is on).
  await telegram.waitForChat({
    token,
    chatId: ann.id,
    until: (all) => fromBot(all).includes(`${a!.name} ${CONNECTED}`),
  });

  // The second user goes to the other operator (the first is at the maximum), live too.
  await telegram.start({ token, from: ben });
  await expect(row(b, "Ben Second")).toBeVisible();
  await expect(row(b, "Ben Second")).toHaveAttribute("data-status", "operator");
  await expect(count(b, "mine")).toHaveText("1");
  await expect(aRow("Ben Second")).toHaveCount(0);
  await expect(count(a!, "mine")).toHaveText("1");

  // The third waits: both are full. Both see it counted; the second operator looks at the queue.
  await telegram.start({ token, from: cleo });
  await telegram.waitForChat({ token, chatId: cleo.id, until: (all) => fromBot(all).includes(ROUTE_TEXT) });
  await expect(count(a!, "waiting")).toHaveText("1");
  await expect(count(b, "waiting")).toHaveText("1");
  await b.page.getByTestId("inbox-tab-waiting").click();
  await expect(row(b, "Cleo Third").getByTestId("inbox-row-waiting")).toBeVisible();
  await b.page.getByTestId("inbox-tab-mine").click();
  await expect(row(b, "Ben Second")).toBeVisible();
  expect(fromBot(await telegram.getMessages({ token, chatId: cleo.id })).join("\n")).not.toContain(CONNECTED);

  // The first operator opens their conversation and answers from the composer.
  await aRow("Ann First").click();
  const pane = a!.page.getByTestId("inbox-conversation");
  await expect(pane.getByTestId("inbox-conversation-contact")).toHaveText("Ann First");
  await expect(pane.getByTestId("inbox-assignee")).toHaveText("You have it");
  const input = pane.getByTestId("reply-input");
  const hello = `Hi Ann, this is ${a!.name}. How can I help? (${stamp})`;
  await input.fill(hello);
  await input.press("Enter");
  await expect(input).toHaveValue("");
  const sent = pane
    .locator('[data-testid="transcript-message"][data-author="operator"]')
    .filter({ hasText: hello });
  await expect(sent.getByTestId("transcript-operator")).toHaveText(`${a!.name} · operator`);
  await telegram.waitForChat({ token, chatId: ann.id, until: (all) => fromBot(all).includes(hello) });

  // A canned reply through the `:` popup. The replies are held back a moment: an Enter while they
  // load must not send the bare ":token" to the user.
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await a!.page.route("**/api/trpc/**canned.list**", async (route) => {
    await held;
    await route.continue();
  });
  const token7 = `:${shortcut.slice(0, 7)}`;
  await input.pressSequentially(token7);
  const popup = pane.getByTestId("canned-popup");
  await expect(popup).toBeVisible();
  await input.press("Enter"); // still loading: waits
  await expect(input).toHaveValue(token7);
  release();
  await expect(popup.locator(`[data-testid="canned-option"][data-shortcut="${shortcut}"]`)).toBeVisible();
  await input.press("Enter"); // inserts the highlighted one
  await expect(popup).toBeHidden();
  await expect(input).toHaveValue(cannedText);
  await input.press("Enter"); // sends
  await expect(input).toHaveValue("");
  await telegram.waitForChat({ token, chatId: ann.id, until: (all) => fromBot(all).includes(cannedText) });

  // A private note: in the timeline, for the team only.
  const noteText = `Ann is a returning customer (${stamp})`;
  await pane.getByTestId("reply-mode-note").click();
  await expect(pane.getByTestId("reply-box")).toHaveAttribute("data-mode", "note");
  await input.fill(noteText);
  await pane.getByTestId("reply-send").click();
  await expect(pane.getByTestId("inbox-note").filter({ hasText: noteText })).toBeVisible();
  await pane.getByTestId("reply-mode-reply").click();

  // The user answers: it shows in the open conversation by itself.
  await expect(sent.getByLabel("Delivered")).toBeVisible(); // nothing pending (no polling for ticks)
  const question = `Do you ship to Norway? (${stamp})`;
  await telegram.sendText({ token, from: ann, text: question });
  await expect(
    pane.locator('[data-testid="transcript-message"][data-author="user"]').filter({ hasText: question }),
  ).toBeVisible();

  // Closing: the user is told; the note never reached them; the waiting user is this operator's now.
  await pane.getByTestId("inbox-close").click();
  await a!.page.getByTestId("confirm-ok").click();
  await expect(pane.getByTestId("inbox-status")).toHaveText("Closed");
  const annChat = await telegram.waitForChat({
    token,
    chatId: ann.id,
    until: (all) => fromBot(all).includes(COMPLETED),
  });
  expect(annChat.map((m) => m.text ?? "").join("\n")).not.toContain(noteText);
  expect(fromBot(annChat)).not.toContain(token7);
  await expect(aRow("Cleo Third")).toBeVisible();
  await expect(aRow("Cleo Third")).toHaveAttribute("data-status", "operator");
  await expect(aRow("Ann First")).toHaveCount(0);
  await expect(count(a!, "mine")).toHaveText("1");
  await expect(count(a!, "waiting")).toHaveText("0");
  await expect(count(b, "waiting")).toHaveText("0");
  await telegram.waitForChat({
    token,
    chatId: cleo.id,
    until: (all) => fromBot(all).includes(`${a!.name} ${CONNECTED}`),
  });

  // The second operator wants to pass theirs on, but the first is full (1 of 1)…
  await row(b, "Ben Second").click();
  const bPane = b.page.getByTestId("inbox-conversation");
  await expect(bPane.getByTestId("inbox-conversation-contact")).toHaveText("Ben Second");
  const assign = bPane.getByTestId("inbox-assign");
  await expect(assign).toHaveText(/Transfer/);
  await assign.click();
  const option = (op: Operator) => b.page.getByTestId("inbox-assign-option").filter({ hasText: op.name });
  await expect(option(a!)).toBeDisabled();
  await expect(option(a!)).toContainText("online · 1/1 open here");
  await expect(option(a!)).toContainText("Full (1/1)");
  await expect(option(b)).toContainText("Has it now");
  await assign.click(); // closes the menu

  // …until the first closes the conversation they were given.
  await aRow("Cleo Third").click();
  await expect(pane.getByTestId("inbox-conversation-contact")).toHaveText("Cleo Third");
  await pane.getByTestId("inbox-close").click();
  await a!.page.getByTestId("confirm-ok").click();
  await expect(pane.getByTestId("inbox-status")).toHaveText("Closed");
  await expect(count(a!, "mine")).toHaveText("0");
  await telegram.waitForChat({ token, chatId: cleo.id, until: (all) => fromBot(all).includes(COMPLETED) });

  // Now the transfer: Ben leaves the second operator's "Mine" and shows up, live, in the first's.
  await assign.click();
  await expect(option(a!)).toBeEnabled();
  await expect(option(a!)).toContainText("online · 0/1 open here");
  await option(a!).click();
  await expect(bPane.getByTestId("inbox-assignee")).toHaveText(`${a!.name} has it`);
  await expect(bPane.getByTestId("reply-mode-reply")).toBeDisabled();
  await expect(row(b, "Ben Second")).toHaveCount(0);
  await expect(count(b, "mine")).toHaveText("0");
  await expect(aRow("Ben Second")).toBeVisible();
  await expect(count(a!, "mine")).toHaveText("1");
  await telegram.waitForChat({
    token,
    chatId: ben.id,
    until: (all) => fromBot(all).includes(`${a!.name} ${CONNECTED}`),
  });

  // The first operator hands Ben back to the bot: with the bot, nobody's chat any more.
  await aRow("Ben Second").click();
  await expect(pane.getByTestId("inbox-conversation-contact")).toHaveText("Ben Second");
  await expect(pane.getByTestId("inbox-assignee")).toHaveText("You have it");
  await pane.getByTestId("inbox-return").click();
  await a!.page.getByTestId("return-to-bot-confirm").click();
  await expect(pane.getByTestId("inbox-status")).toHaveText("With the bot");
  await expect(pane.getByTestId("inbox-assignee")).toHaveCount(0);
  await expect(aRow("Ben Second")).toHaveCount(0);
  await expect(count(a!, "mine")).toHaveText("0");
  await expect(a!.page.getByTestId("inbox-list-empty")).toBeVisible();
  await expect(bPane.getByTestId("inbox-status")).toHaveText("With the bot"); // live on the other side too
  await olive.page.context().close();
  await pavel.page.context().close();
});
