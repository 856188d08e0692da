// Imports a flow with many steps, opens it in the builder and measures a node drag.
// Usage: ADMIN_URL=http://localhost:3000 STEPS=400 node apps/admin/scripts/perf-check.mjs
import { writeFileSync } from "node:fs";
import { base, openPage, signIn } from "./lib/browser.mjs";
import { hubFlow } from "./lib/hub-flow.mjs";

/**
 * Signs in, waiting out the sign-in rate limit (per client address, 3 attempts within 10 s of each
 * other): runs of this check one after another hit it, and the page then says "Too many attempts".
 */
async function signInPatiently(page) {
  for (let attempt = 1; ; attempt++) {
    await signIn(page);
    const signedIn = page.waitForURL(/\/bots/).then(() => true);
    const limited = page
      .getByText("Too many attempts")
      .waitFor()
      .then(() => false);
    // The loser of the race times out later: its rejection must not end the process.
    signedIn.catch(() => undefined);
    limited.catch(() => undefined);
    if (await Promise.race([signedIn, limited])) return;
    if (attempt === 4) throw new Error("sign-in: still rate limited after 4 attempts");
    console.log("sign-in rate limited; trying again in 11 s");
    await page.waitForTimeout(11_000);
  }
}

const n = Number(process.env.STEPS ?? 400);
const file = `/tmp/perf-${n}.json`;
writeFileSync(file, JSON.stringify(hubFlow(n)));

const { browser, page, errors } = await openPage();
await signInPatiently(page);
// A rate-limited attempt logs its 429 in the console: not one of the builder's errors.
errors.length = 0;
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
// What React Flow has mounted (only what is on screen above 200 steps): each edge subscribes to its store.
const mounted = await page.evaluate(() => ({
  nodes: document.querySelectorAll(".react-flow__node").length,
  edges: document.querySelectorAll(".react-flow__edge").length,
}));
console.log(`mounted: ${mounted.nodes} nodes, ${mounted.edges} edges`);
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
    window.__times = [];
    const tick = (t) => {
      window.__frames++;
      window.__times.push(t);
      if (window.__counting) requestAnimationFrame(tick);
    };
    window.__counting = true;
    requestAnimationFrame(tick);
    // When the drag starts, by the page's clock (for the fps from the frames' own times, below).
    window.addEventListener("mousedown", () => (window.__downAt = performance.now()), {
      capture: true,
      once: true,
    });
    // And when it ends: the frame that handles the release (the drop) is the first of "after the drop".
    window.addEventListener("mouseup", () => (window.__upAt = performance.now()), {
      capture: true,
      once: true,
    });
  });
  // PROFILE=1 also prints where the main-thread time of the drag and the 1.2 s after the drop went
  // (CPU profile, by self time); the profiler itself slows the first frames, so take the fps from
  // runs without it.
  const cdp = process.env.PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.start");
  }
  // TRACE=<file> writes a Chrome trace of the drag (open it in DevTools' Performance panel): where each
  // frame's time went (the mousemove handler, layerize, layout, paint); it slows the page, so take the
  // fps from runs without it.
  if (process.env.TRACE)
    await browser.startTracing(page, {
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"],
    });
  const start = Date.now();
  await page.mouse.move(box.x + 40, box.y + 10);
  await page.mouse.down();
  for (let i = 0; i < 60; i++) await page.mouse.move(box.x + 40 + i * 4, box.y + 10 + i * 2);
  await page.mouse.up();
  const ms = Date.now() - start;
  if (process.env.TRACE) writeFileSync(process.env.TRACE, await browser.stopTracing());
  const { frames, dragFps, gaps, longAt } = await page.evaluate(() => {
    const t = window.__times.slice();
    // The drag's frames: from the one the press happened in to the last one begun before the release
    // (rAF times are frames' starts, so the frame that handles the release — the drop — is not among
    // them; it is the first one listed after the drop).
    const first = Math.max(
      0,
      t.findLastIndex((x) => x <= window.__downAt),
    );
    const last = t.findLastIndex((x) => x <= window.__upAt);
    window.__dropAt = last + 1;
    const inDrag = t.slice(first, last + 1);
    const gapsInDrag = inDrag.slice(1).map((x, i) => ({ at: x - window.__downAt, ms: x - inDrag[i] }));
    return {
      frames: t.length,
      dragFps: inDrag.length > 1 ? ((inDrag.length - 1) * 1000) / (inDrag[inDrag.length - 1] - inDrag[0]) : 0,
      gaps: gapsInDrag.map((g) => g.ms).sort((x, y) => x - y),
      // The long frames by when they ended, from the mouse-down.
      longAt: gapsInDrag.filter((g) => g.ms > 20),
    };
  });
  const at = (q) =>
    gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))].toFixed(1) : "-";
  const long = gaps.filter((g) => g > 20).length;
  // The first fps (as earlier runs reported it) counts the frames since the counter started over the
  // moves' wall time, which includes a frame or two from before the drag (a short drag reads above
  // 60); the second only the frames from the press to the release, over their own time span.
  console.log(
    `drag: 60 moves in ${ms} ms, ${frames} frames (${Math.round((frames * 1000) / ms)} fps; ${dragFps.toFixed(1)} fps by the frames' own times from the press to the release); frame time median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms, ${long} frames over 20 ms${longAt.map((f) => `; ${f.ms.toFixed(0)} ms at ${f.at >= 0 ? "+" : ""}${f.at.toFixed(0)} ms`).join("")}`,
  );
  // What follows the drop while nothing moves (the edit committed, a compile, the autosave 0.8 s
  // later) is not in the drag's figures; its long frames are listed here, by when they ended.
  await page.waitForTimeout(1200);
  const afterDrop = await page.evaluate(() => {
    window.__counting = false;
    const t = window.__times.slice(window.__dropAt - 1);
    return t
      .slice(1)
      .map((x, i) => ({ at: x - t[0], ms: x - t[i] }))
      .filter((f) => f.ms > 20);
  });
  console.log(
    `after the drop (1.2 s): ${afterDrop.length} frames over 20 ms${afterDrop.map((f) => `; ${f.ms.toFixed(0)} ms at +${f.at.toFixed(0)} ms`).join("")}`,
  );
  if (cdp) {
    const { profile } = await cdp.send("Profiler.stop");
    // PROFILE=<file>.cpuprofile also keeps the whole profile (DevTools' Performance panel opens it).
    if (process.env.PROFILE.endsWith(".cpuprofile"))
      writeFileSync(process.env.PROFILE, JSON.stringify(profile));
    const self = new Map();
    const dt = profile.timeDeltas;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, i) => {
      const f = byId.get(id).callFrame;
      const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
    for (const [key, t] of top) console.log(`  ${t.toFixed(1).padStart(7)} ms  ${key}`);
  }
}
// By its state: a text filter "Saved" also matches "Unsaved changes".
await page.locator("[data-testid='save-status'][data-state='saved']").waitFor({ timeout: 15_000 });
console.log("saved after drag;", errors.length ? `errors: ${errors.join("; ")}` : "no page errors");
await browser.close();
