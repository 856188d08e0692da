import { expect, type Page, test } from "@playwright/test";
import { hubFlow } from "../../apps/admin/scripts/lib/hub-flow.mjs";
import { expectSaved, importFlow, MOD, signIn } from "./helpers";

/**
 * A large flow (over MANY_STEPS) with a busy step: every menu's "B" leads back to the start step, as
 * in apps/admin/scripts/perf-check.mjs (the same flow: scripts/lib/hub-flow.mjs). With the start step on screen, its edges from steps off screen
 * are drawn as one bundle (edge-bundles.ts); the others stay edges of their own.
 */

test.describe.configure({ mode: "serial" });

const STEPS = 300;
const MENUS = STEPS / 3;

let page: Page;
const bundle = () => page.locator(".react-flow__edge-bundle");
/** The "B" edges drawn as edges of their own. */
const backEdges = () => page.locator('.react-flow__edge[data-id^="e"][data-id$="b"]');
const bundled = async () => Number((await bundle().locator("path").first().getAttribute("data-bundle")) ?? 0);

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await signIn(page);
  await importFlow(page, "hub", hubFlow(STEPS));
  await expect(page.getByTestId("step-node-s0")).toBeVisible();
});

test.afterAll(async () => {
  await page.close();
});

test("the start step's edges from steps off screen are one bundle; every edge is drawn once", async () => {
  await expect(bundle()).toHaveCount(1);
  const own = await backEdges().count();
  expect(await bundled()).toBeGreaterThan(MENUS / 2);
  expect(own + (await bundled())).toBe(MENUS);
  // Drawn from every bundled edge's start: one subpath each.
  const d = (await bundle().locator("path").first().getAttribute("d")) ?? "";
  expect(d.match(/M/g)?.length).toBe(await bundled());
  // A near menu's "B" stays an edge of its own, which can be selected.
  await expect(page.locator('.react-flow__edge[data-id="e1b"]')).toHaveCount(1);
});

test("dragging a step moves it and saves; undo puts it back", async () => {
  const node = page.getByTestId("step-node-s11");
  const before = (await node.boundingBox())!;
  await page.mouse.move(before.x + 40, before.y + 10);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(before.x + 40 + i * 8, before.y + 10 + i * 4);
  await page.mouse.up();
  // React Flow starts the drag at the first move, so the step follows the 72 px after it.
  await expect.poll(async () => (await node.boundingBox())!.x).toBeCloseTo(before.x + 72, 0);
  await expect(page.getByTestId("step-panel")).toBeVisible();
  await expectSaved(page);
  await page.keyboard.press(`${MOD}+z`);
  await expect.poll(async () => (await node.boundingBox())!.x).toBeCloseTo(before.x, 0);
});

test("away from the start step there is no bundle: a far menu's edge back is an edge of its own", async () => {
  await page.keyboard.press(`${MOD}+k`);
  await page.getByTestId("step-search-input").fill("Menu 298");
  await expect(page.getByTestId("step-search-result-s298")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("step-node-s298")).toBeVisible();
  await expect(bundle()).toHaveCount(0);
  await expect(page.locator('.react-flow__edge[data-id="e298b"]')).toHaveCount(1);
});
