import { expect, type Page, test } from "@playwright/test";
import { expectSaved, importFlow, MOD, signIn } from "./helpers";

/**
 * Editing power (issue 9, section 2) and auto-arrange (section 1): the shortcut sheet, Ctrl+K, duplicate,
 * copy/paste between two flows, and an auto-arrange that keeps back edges visible at a readable zoom.
 * One page and two imported flows serve every check.
 */

test.describe.configure({ mode: "serial" });

let page: Page;
let flowA = "";
let flowB = "";

const text = (id: string, title: string, body: string, x: number, y: number) => ({
  id,
  type: "text",
  title,
  position: { x, y },
  aliases: [],
  config: { text: body },
});

const buttons = (id: string, title: string, labels: string[], x: number, y: number) => ({
  id,
  type: "buttons",
  title,
  position: { x, y },
  aliases: [],
  config: {
    text: "What would you like?",
    keyboard: "inline",
    columns: 1,
    retryText: "Pick one.",
    buttons: labels.map((label, i) => ({ id: `b${i}`, kind: "goto", label })),
  },
});

const next = (id: string, source: string, target: string) => ({ id, source, sourceHandle: "next", target });
const button = (id: string, source: string, i: number, target: string) => ({
  id,
  source,
  sourceHandle: `button:b${i}`,
  target,
});

/**
 * Start → menu → (about → back to menu) | (a six-step form → thanks → back to menu) | (a three-step
 * FAQ), placed in a jumble: too wide to fit on screen at a readable zoom once arranged.
 */
function bigMenuFlow() {
  const form = ["f1", "f2", "f3", "f4", "f5", "f6"];
  const faq = ["q1", "q2", "q3"];
  const jumble = (i: number) => ({ x: (i * 137) % 900, y: (i * 211) % 700 });
  const steps = [
    text("start", "Welcome", "Hi there!", 0, 0),
    buttons("menu", "Main menu", ["About", "Sign up", "FAQ"], 0, 0),
    text("about", "About us", "We are Acme.", 0, 0),
    ...form.map((id, i) => text(id, `Form ${i + 1}`, `Question ${i + 1}`, 0, 0)),
    text("thanks", "Thank you", "Thanks, zebra-lime-42!", 0, 0),
    ...faq.map((id, i) => text(id, `FAQ ${i + 1}`, `Answer ${i + 1}`, 0, 0)),
  ].map((s, i) => ({ ...s, position: jumble(i) }));
  const edges = [
    next("e1", "start", "menu"),
    button("e2", "menu", 0, "about"),
    button("e3", "menu", 1, "f1"),
    button("e4", "menu", 2, "q1"),
    next("back-about", "about", "menu"),
    ...form.slice(1).map((id, i) => next(`ef${i}`, form[i]!, id)),
    next("ef-last", "f6", "thanks"),
    next("back-thanks", "thanks", "menu"),
    next("eq1", "q1", "q2"),
    next("eq2", "q2", "q3"),
  ];
  return { format: "switchboard.flow", version: 1, entryStepId: "start", steps, edges };
}

const nodes = () => page.locator('[data-testid^="step-node-"]');

/** Clicks a step's title (not a handle), as a person selects it. */
async function clickStep(id: string, modifiers: ("Shift" | "Control")[] = []) {
  await page.getByTestId(`step-node-${id}`).locator("p").first().click({ modifiers });
}

/** React Flow's viewport zoom, from its transform. */
async function zoom() {
  const transform = await page
    .locator(".react-flow__viewport")
    .evaluate((el) => (el as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
}

async function waitSaved() {
  await expectSaved(page);
}

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  page = await context.newPage();
  await signIn(page);
  flowB = await importFlow(page, "Paste target", {
    format: "switchboard.flow",
    version: 1,
    entryStepId: "solo",
    steps: [text("solo", "Target start", "I'm alone here", 0, 0)],
    edges: [],
  });
  flowA = await importFlow(page, "Copy source", bigMenuFlow());
});

test.afterAll(async () => {
  await page.context().close();
});

test("? and the toolbar button open the shortcut sheet, listing every shortcut", async () => {
  await page.goto(flowA);
  await expect(nodes()).toHaveCount(13);
  await page.keyboard.press("Shift+Slash");
  const sheet = page.getByTestId("shortcut-sheet");
  await expect(sheet).toBeVisible();
  for (const id of ["save", "undo", "redo", "copy", "paste", "duplicate", "search", "shortcuts", "delete"])
    await expect(sheet.getByTestId(`shortcut-${id}`)).toBeVisible();
  await expect(sheet.getByTestId("shortcut-duplicate")).toContainText("D");
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await page.getByTestId("open-shortcuts").click();
  await expect(sheet).toBeVisible();
  await page.keyboard.press("Escape");
});

test("Ctrl+K finds a step by its text; Enter selects it and brings it into view", async () => {
  await page.keyboard.press(`${MOD}+k`);
  await expect(page.getByTestId("step-search")).toBeVisible();
  await page.getByTestId("step-search-input").fill("zebra-lime");
  await expect(page.getByTestId("step-search-result-thanks")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("step-search")).toBeHidden();
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(1);
  await expect(page.locator(".react-flow__node.selected [data-testid='step-node-thanks']")).toHaveCount(1);
  await expect(page.getByTestId("step-panel")).toBeVisible();
  // Centred on the canvas.
  await expect
    .poll(async () => {
      const canvas = (await page.getByTestId("builder-canvas").boundingBox())!;
      const node = (await page.getByTestId("step-node-thanks").boundingBox())!;
      return node.x >= canvas.x && node.x + node.width <= canvas.x + canvas.width && node.y >= canvas.y;
    })
    .toBe(true);

  // Arrow keys move through the results.
  await page.keyboard.press(`${MOD}+k`);
  await page.getByTestId("step-search-input").fill("form");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("step-search-result-f2")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page.locator(".react-flow__node.selected [data-testid='step-node-f2']")).toHaveCount(1);
});

test("auto-arrange lays the flow out at a readable zoom with back edges routed around the steps", async () => {
  await page.getByTestId("auto-arrange").click();
  await expect(page.getByTestId("auto-arrange")).toHaveText("Auto-arrange", { timeout: 20_000 });
  await expect(page.locator(".react-flow__edge-routed")).toHaveCount(14);
  await expect.poll(zoom).toBeGreaterThanOrEqual(0.6);
  // The start step is on screen.
  const canvas = (await page.getByTestId("builder-canvas").boundingBox())!;
  await expect
    .poll(async () => {
      const start = await page.getByTestId("step-node-start").boundingBox();
      return Boolean(
        start && start.x >= canvas.x && start.y >= canvas.y && start.y < canvas.y + canvas.height,
      );
    })
    .toBe(true);

  // Back to the menu: along each edge's path, no point lies inside a step (but its own ends).
  for (const id of ["back-about", "back-thanks"]) {
    const inside = await page.evaluate((edgeId) => {
      const path = document.querySelector<SVGPathElement>(
        `.react-flow__edge[data-id="${edgeId}"] path.react-flow__edge-path`,
      );
      if (!path) return ["no path"];
      const matrix = path.getScreenCTM()!;
      const rects = [...document.querySelectorAll("[data-testid^='step-node-']")].map((el) => ({
        id: el.getAttribute("data-testid"),
        r: el.getBoundingClientRect(),
      }));
      const hits: string[] = [];
      const length = path.getTotalLength();
      for (let d = 12; d < length - 12; d += 4) {
        const p = path.getPointAtLength(d);
        const x = matrix.a * p.x + matrix.c * p.y + matrix.e;
        const y = matrix.b * p.x + matrix.d * p.y + matrix.f;
        for (const { id, r } of rects)
          if (x > r.left + 2 && x < r.right - 2 && y > r.top + 2 && y < r.bottom - 2) hits.push(`${id}@${d}`);
      }
      return hits;
    }, id);
    expect(inside, `${id} runs behind steps`).toEqual([]);
  }

  // One undo step brings the old places back, and the usual edges with them.
  const arranged = await page.getByTestId("step-node-f6").boundingBox();
  await page.getByTestId("undo").click();
  await expect
    .poll(async () => (await page.getByTestId("step-node-f6").boundingBox())?.x)
    .not.toBe(arranged?.x);
  await expect(page.locator(".react-flow__edge-routed")).toHaveCount(0);
  await page.getByTestId("redo").click();
  await expect(page.locator(".react-flow__edge-routed")).toHaveCount(14);
  await waitSaved();

  // The routes are stored with the flow: after a reload the back edges run along the same paths.
  const before = await backEdgePaths();
  expect(Object.values(before).every((d) => d.startsWith("routed "))).toBe(true);
  await page.reload();
  await expect(page.locator(".react-flow__edge-routed")).toHaveCount(14);
  await expect.poll(backEdgePaths).toEqual(before);
});

/** The back edges' SVG paths, each marked "routed" when drawn along its stored route. */
async function backEdgePaths(): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(
      ["back-about", "back-thanks"].map((id) => {
        const path = document.querySelector(`.react-flow__edge[data-id="${id}"] path.react-flow__edge-path`);
        const d = path?.getAttribute("d") ?? "none";
        return [id, path?.hasAttribute("data-routed") ? `routed ${d}` : d];
      }),
    ),
  );
}

test("Ctrl+D duplicates the selected steps with their inner connection, as one undo step", async () => {
  // The leftmost two (the side panel opening on a click covers the canvas' right side).
  await page.locator(".react-flow__controls-fitview").click();
  await clickStep("start");
  await clickStep("menu", ["Shift"]);
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(2);
  const edgesBefore = await page.locator(".react-flow__edge").count();
  await page.keyboard.press(`${MOD}+d`);
  await expect(nodes()).toHaveCount(15);
  await expect(page.locator(".react-flow__edge")).toHaveCount(edgesBefore + 1);
  // The copies are the selection, and lie on no other step.
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(2);
  await expect(page.locator(".react-flow__node.selected").getByText("Welcome", { exact: true })).toHaveCount(
    1,
  );
  const boxes = await nodes().evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1))
      expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);

  await page.keyboard.press(`${MOD}+z`);
  await expect(nodes()).toHaveCount(13);
  await expect(page.locator(".react-flow__edge")).toHaveCount(edgesBefore);
  await waitSaved();
});

test("Ctrl+C in one flow, Ctrl+V in another: the steps and the connections between them", async () => {
  await page.keyboard.press("Escape");
  await page.locator(".react-flow__controls-fitview").click();
  await clickStep("menu");
  await clickStep("about", ["Shift"]);
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(2);
  await page.keyboard.press(`${MOD}+c`);

  await page.goto(flowB);
  await expect(nodes()).toHaveCount(1);
  await page.keyboard.press(`${MOD}+v`);
  await expect(nodes()).toHaveCount(3);
  const pasted = page.locator(".react-flow__node.selected");
  await expect(pasted).toHaveCount(2);
  await expect(pasted.getByText("Main menu", { exact: true })).toHaveCount(1);
  await expect(pasted.getByText("About us", { exact: true })).toHaveCount(1);
  // menu → about and about → menu came along; the menu's other buttons had nowhere to go.
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  // New ids: nothing of flow A's ids.
  await expect(page.getByTestId("step-node-menu")).toHaveCount(0);
  await expect(page.getByTestId("step-node-solo")).toHaveCount(1);

  // One paste, one undo step.
  await page.keyboard.press(`${MOD}+z`);
  await expect(nodes()).toHaveCount(1);
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect(nodes()).toHaveCount(3);
  await waitSaved();
  // Kept after a reload.
  await page.reload();
  await expect(nodes()).toHaveCount(3);
});

test("while the shortcut sheet is open, Ctrl+D, Ctrl+V and Delete leave the canvas behind it alone", async () => {
  // Flow B after the paste above: three steps, flow A's two still on the clipboard.
  await expect(nodes()).toHaveCount(3);
  await clickStep("solo");
  await expect(page.locator(".react-flow__node.selected")).toHaveCount(1);
  await page.keyboard.press("Shift+Slash");
  const sheet = page.getByTestId("shortcut-sheet");
  await expect(sheet).toBeVisible();
  await page.keyboard.press(`${MOD}+d`);
  await page.keyboard.press(`${MOD}+v`);
  await page.keyboard.press("Delete");
  // Focus fallen back to the page behind the sheet: still the sheet's keys, not the canvas'.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(`${MOD}+d`);
  await page.keyboard.press("Backspace");
  // Nothing to wait for when nothing happens: give a duplicate, the paste fallback (120 ms) or a delete time to show.
  await page.waitForTimeout(600);
  await expect(nodes()).toHaveCount(3);
  await expect(page.getByTestId("step-node-solo")).toHaveCount(1);

  // Closed, the same keys act again.
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await page.keyboard.press(`${MOD}+d`);
  await expect(nodes()).toHaveCount(4);
  await page.keyboard.press(`${MOD}+z`);
  await expect(nodes()).toHaveCount(3);
  await waitSaved();
});

test("auto-arrange with a step's panel open fits the flow into the canvas left of the panel", async () => {
  // Three steps in a row: as wide as the whole canvas at zoom 1, readable (zoom ≥ 0.6) left of the panel.
  await importFlow(page, "Arrange beside the panel", {
    format: "switchboard.flow",
    version: 1,
    entryStepId: "one",
    steps: [
      text("one", "One", "First", 0, 0),
      text("two", "Two", "Second", 0, 300),
      text("three", "Three", "Third", 0, 600),
    ],
    edges: [next("e1", "one", "two"), next("e2", "two", "three")],
  });
  await page.getByTestId("step-node-one").click();
  const panel = page.getByTestId("step-panel");
  await expect(panel).toBeVisible();
  await page.getByTestId("auto-arrange").click();
  await expect(page.getByTestId("auto-arrange")).toHaveText("Auto-arrange", { timeout: 20_000 });
  await expect(panel).toBeVisible();
  const panelLeft = (await panel.boundingBox())!.x;
  const canvasLeft = (await page.getByTestId("builder-canvas").boundingBox())!.x;
  // Every step in view, none of them under the panel.
  await expect
    .poll(async () =>
      page.locator("[data-testid^='step-node-']").evaluateAll(
        (els, [left, right]) =>
          els.filter((el) => {
            const r = el.getBoundingClientRect();
            return r.left < left! || r.right > right! + 1;
          }).length,
        [canvasLeft, panelLeft],
      ),
    )
    .toBe(0);
  await expect(page.locator("[data-testid^='step-node-']")).toHaveCount(3);
});
