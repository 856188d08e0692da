import { expect, type Locator, type Page } from "@playwright/test";

/** Drawing and signing in, as both end-to-end suites do it. */

export const DEMO = { email: "demo@switchboard.local", password: "switchboard" };

export async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByTestId("email").fill(DEMO.email);
  await page.getByTestId("password").fill(DEMO.password);
  await page.getByTestId("submit").click();
  await expect(page).not.toHaveURL(/sign-in/);
}

/**
 * Drags a palette item onto the canvas at (x, y) relative to the canvas; answers the new node, by its own
 * test id (a position in the list of nodes can point at another node once the canvas reorders them).
 */
export async function dropStep(page: Page, type: string, x: number, y: number) {
  const nodes = page.locator('[data-testid^="step-node-"]');
  const before = await nodes.evaluateAll((els) => els.map((el) => el.getAttribute("data-testid")));
  await page
    .getByTestId(`palette-${type}`)
    .dragTo(page.getByTestId("builder-canvas"), { targetPosition: { x, y } });
  await expect(nodes).toHaveCount(before.length + 1);
  await expect(page.getByTestId("step-panel")).toBeVisible();
  const after = await nodes.evaluateAll((els) => els.map((el) => el.getAttribute("data-testid")));
  const added = after.find((id) => !before.includes(id));
  if (!added) throw new Error("the dropped step has no node");
  return page.getByTestId(added);
}

/** Connects an output handle to a node's input handle with the mouse, as a person does. */
export async function connect(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error("handle not visible");
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** Creates an empty flow and opens it in the builder. */
export async function newEmptyFlow(page: Page, name: string) {
  await page.goto("/flows");
  await page.getByTestId("new-flow").click();
  await page.getByTestId("flow-name-field").fill(name);
  await page.getByTestId("template-empty").check({ force: true });
  await page.getByTestId("create-flow-submit").click();
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}/);
  await expect(page.getByTestId("builder-canvas")).toBeVisible();
}

/**
 * Waits until the builder's draft is stored. By state, not by text: "Unsaved changes" and "Not saved" both
 * contain "saved".
 */
export async function expectSaved(page: Page, timeout = 20_000) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout });
}

/** The platform's shortcut modifier (Cmd on macOS, Ctrl elsewhere). */
export const MOD = process.platform === "darwin" ? "Meta" : "Control";

/** Imports `doc` as a flow from the Flows page; resolves on its builder, with the flow's address. */
export async function importFlow(page: Page, name: string, doc: unknown): Promise<string> {
  await page.goto("/flows");
  await page.getByTestId("import-flow-input").setInputFiles({
    name: `${name}.json`,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}/);
  await expect(page.locator('[data-testid^="step-node-"]').first()).toBeVisible();
  return page.url();
}
