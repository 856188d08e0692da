// Imports a flow with many steps, opens it in the builder and measures a node drag.
// Usage: ADMIN_URL=http://localhost:3000 STEPS=400 node apps/admin/scripts/perf-check.mjs
import { writeFileSync } from "node:fs";
import { base, openPage, signIn } from "./lib/browser.mjs";

const n = Number(process.env.STEPS ?? 400);
const steps = [];
const edges = [];
for (let i = 0; i < n; i++) {
  const id = `s${i}`;
  const col = Math.floor(i / 10);
  const row = i % 10;
  const position = { x: col * 340, y: row * 220 };
  if (i % 3 === 1) {
    steps.push({
      id,
      type: "buttons",
      title: `Menu ${i}`,
      position,
      aliases: [],
      config: {
        text: `Question ${i}?`,
        keyboard: "inline",
        columns: 1,
        retryText: "Pick one.",
        buttons: [
          { id: "a", kind: "goto", label: "A" },
          { id: "b", kind: "goto", label: "B" },
        ],
      },
    });
    if (i + 1 < n) edges.push({ id: `e${i}a`, source: id, sourceHandle: "button:a", target: `s${i + 1}` });
    edges.push({ id: `e${i}b`, source: id, sourceHandle: "button:b", target: "s0" });
  } else {
    steps.push({
      id,
      type: "text",
      title: `Step ${i}`,
      position,
      aliases: [],
      config: { text: `Message number ${i}` },
    });
    if (i + 1 < n) edges.push({ id: `e${i}`, source: id, sourceHandle: "next", target: `s${i + 1}` });
  }
}
const file = `/tmp/perf-${n}.json`;
writeFileSync(
  file,
  JSON.stringify({ format: "switchboard.flow", version: 1, entryStepId: "s0", steps, edges }),
);

const { browser, page, errors } = await openPage();
await signIn(page);
await page.waitForURL(/\/bots/);
await page.goto(`${base}/flows`);
await page.getByTestId("import-flow-input").setInputFiles(file);
await page.waitForURL(/\/flows\/[0-9a-f-]{36}/, { timeout: 20_000 });
const t0 = Date.now();
await page.getByTestId("builder-canvas").waitFor();
await page.locator("[data-testid^='step-node-']").first().waitFor();
const shown = Date.now() - t0;
// The canvas stays transparent until its first fit (sb-fitting): when the steps can really be seen.
await page.locator("[data-testid='builder-canvas']:not(.sb-fitting)").waitFor();
const ready = Date.now() - t0;
console.log(
  `builder open with ${n} steps in ${shown} ms (view fitted at ${ready} ms); problems: ${await page.getByTestId("problems-count").textContent()}`,
);
await page.screenshot({ path: `/tmp/perf-${n}.png` });
// Zoom in on one node and drag it, counting animation frames.
// A node near the middle of the canvas.
const canvasBox = await page.getByTestId("builder-canvas").boundingBox();
const nodeId = await page.evaluate((c) => {
  for (const el of document.querySelectorAll("[data-testid^='step-node-']")) {
    const r = el.getBoundingClientRect();
    if (
      r.left > c.x + 100 &&
      r.right < c.x + c.width - 300 &&
      r.top > c.y + 100 &&
      r.bottom < c.y + c.height - 200
    )
      return el.getAttribute("data-testid");
  }
  return null;
}, canvasBox);
console.log("dragging", nodeId);
const box = nodeId ? await page.getByTestId(nodeId).boundingBox() : null;
if (box) {
  await page.evaluate(() => {
    window.__frames = 0;
    const tick = () => {
      window.__frames++;
      if (window.__counting) requestAnimationFrame(tick);
    };
    window.__counting = true;
    requestAnimationFrame(tick);
  });
  const start = Date.now();
  await page.mouse.move(box.x + 40, box.y + 10);
  await page.mouse.down();
  for (let i = 0; i < 60; i++) await page.mouse.move(box.x + 40 + i * 4, box.y + 10 + i * 2);
  await page.mouse.up();
  const ms = Date.now() - start;
  const frames = await page.evaluate(() => {
    window.__counting = false;
    return window.__frames;
  });
  console.log(`drag: 60 moves in ${ms} ms, ${frames} frames (${Math.round((frames * 1000) / ms)} fps)`);
}
await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor({ timeout: 15_000 });
console.log("saved after drag;", errors.length ? `errors: ${errors.join("; ")}` : "no page errors");
await browser.close();
