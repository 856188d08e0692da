// Drives the builder like a marketer would and screenshots each stage.
// Usage: ADMIN_URL=http://localhost:3000 node apps/admin/scripts/builder-check.mjs [outDir]
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { base, openPage, signIn } from "./lib/browser.mjs";

const out = path.resolve(process.argv[2] ?? "/tmp/sb-builder");
mkdirSync(out, { recursive: true });

const { browser, page, errors } = await openPage();
const shot = async (name) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log(`✓ ${name}`);
};
const tid = (id) => page.getByTestId(id);

await signIn(page);
await page.waitForURL(/\/bots/);

await page.goto(`${base}/flows`);
await tid("new-flow").click();
await tid("flow-name-field").fill(`Check ${Date.now()}`);
await tid("template-empty").check({ force: true });
await tid("create-flow-submit").click();
await tid("builder-canvas").waitFor();
await shot("01-empty-builder");

// Drag a Text step onto the canvas.
const canvas = tid("builder-canvas");
const box = await canvas.boundingBox();
await tid("palette-text").dragTo(canvas, { targetPosition: { x: 200, y: 200 } });
const textNode = page.locator("[data-testid^='step-node-'][data-step-type='text']").first();
await textNode.waitFor();
await tid("step-text").fill("Hello {{name}}! <b>not bold</b> 👋");
await tid("step-title").fill("Greeting");
await shot("02-text-step");

// Click-add a Buttons step and give it two buttons.
await tid("palette-buttons").click();
const buttonsNode = page.locator("[data-testid^='step-node-'][data-step-type='buttons']").first();
await buttonsNode.waitFor();
await tid("step-text").fill("Pick one");
await tid("add-button").click();
await tid("add-button").click();
await tid("button-label-0").fill("Yes");
await tid("button-label-1").fill("No");
await shot("03-buttons-step");

// Move the buttons node to the right of the text node.
const tb = await textNode.boundingBox();
const bb = await buttonsNode.boundingBox();
await page.mouse.move(bb.x + 60, bb.y + 20);
await page.mouse.down();
await page.mouse.move(tb.x + tb.width + 120, tb.y + 10, { steps: 12 });
await page.mouse.up();

// Connect Text.next -> Buttons.
const connect = async (fromNode, handleId, toNode) => {
  const h = fromNode.locator(`[data-handleid='${handleId}']`);
  const hb = await h.boundingBox();
  const target = toNode.locator("[data-handleid='in']");
  const tbx = await target.boundingBox();
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(tbx.x + tbx.width / 2, tbx.y + tbx.height / 2, { steps: 15 });
  await page.mouse.up();
};
await connect(textNode, "next", buttonsNode);

// A free input step for "Yes".
await tid("palette-free_input").dragTo(canvas, { targetPosition: { x: box.width - 420, y: 420 } });
const inputNode = page.locator("[data-testid^='step-node-'][data-step-type='free_input']").first();
await inputNode.waitFor();
await tid("step-text").fill("Your email?");
await tid("free-input-variable").fill("email");
await tid("validation-kind").selectOption("email");
// Close the side panel (click the empty pane) and lay out before connecting.
await page.getByRole("button", { name: "Auto-arrange" }).click();
await page.waitForTimeout(500);
// An empty spot near the bottom left: right of the zoom controls, left of the side panel.
await page.mouse.click(box.x + 200, box.y + box.height - 40);
await page.waitForTimeout(300);
const yesHandle = await buttonsNode
  .locator("[data-handleid^='button:']")
  .first()
  .getAttribute("data-handleid");
await connect(buttonsNode, yesHandle, inputNode);
const noHandle = await buttonsNode.locator("[data-handleid^='button:']").nth(1).getAttribute("data-handleid");
await connect(buttonsNode, noHandle, textNode);
await page.getByRole("button", { name: "Auto-arrange" }).click();
await page.waitForTimeout(600);
await shot("04-connected");
console.log("problems:", await tid("problems-count").textContent());
await tid("save-status").filter({ hasText: "Saved" }).waitFor({ timeout: 10_000 });
console.log("save-status:", await tid("save-status").textContent());

await tid("publish-button").click();
await tid("publish-result").waitFor({ timeout: 10_000 });
console.log("publish-result:", await tid("publish-result").textContent());
await shot("05-published");

await tid("test-chat-toggle").click();
await page.getByTestId("test-chat-message").first().waitFor();
await page.getByTestId("test-chat-inline-button").first().click();
await tid("test-chat-input").fill("not an email");
await tid("test-chat-send").click();
await tid("test-chat-input").fill("me@example.com");
await tid("test-chat-send").click();
await shot("06-test-chat");
console.log("test chat bubbles:", await page.getByTestId("test-chat-message").count());

// Hostile text.
await tid("test-chat-toggle").click();
await textNode.click();
const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)> ${"🚀Ünïcödé ".repeat(300)}${"x".repeat(6000)}`;
await tid("step-text").fill(hostile);
await shot("07-hostile-text");
await tid("test-chat-toggle").click();
await tid("test-chat-restart").click();
await shot("08-hostile-test-chat");
await tid("test-chat-toggle").click();

// Delete a node with the keyboard. First close the panel (it floats over the canvas' right side,
// where the free input step is), as a marketer would, by clicking an empty spot.
await page.mouse.click(box.x + 200, box.y + box.height - 40);
await inputNode.click();
await page.keyboard.press("Delete");
await page.waitForTimeout(300);
console.log("free input nodes after Delete:", await page.locator("[data-step-type='free_input']").count());
await tid("problems-count").click();
await shot("09-after-delete-problems");
await page.getByTestId("problem-item").first().click();
await shot("10-problem-clicked");

// Reload: the draft must come back as saved.
await tid("save-status").filter({ hasText: "Saved" }).waitFor({ timeout: 10_000 });
await page.reload();
await tid("builder-canvas").waitFor();
await page.waitForTimeout(800);
console.log("nodes after reload:", await page.locator("[data-testid^='step-node-']").count());
await shot("11-reloaded");

// Importing broken files shows the reason instead of replacing anything.
writeFileSync("/tmp/broken.json", '{"format": "switchboard.flow", "steps": [');
writeFileSync("/tmp/not-a-flow.json", '{"hello": "world"}');
await tid("builder-import-input").setInputFiles("/tmp/broken.json");
await tid("toast-error").waitFor();
console.log("builder import (malformed):", (await tid("toast-error").first().textContent()).slice(0, 120));
await shot("12-builder-import-malformed");
await page.goto(`${base}/flows`);
await tid("import-flow-input").setInputFiles("/tmp/not-a-flow.json");
await tid("toast-error").waitFor();
console.log("flows import (not a flow):", (await tid("toast-error").first().textContent()).slice(0, 160));
await shot("13-flows-import-not-a-flow");

console.log(errors.length ? `\nErrors:\n${errors.join("\n")}` : "\nNo page errors.");
await browser.close();
