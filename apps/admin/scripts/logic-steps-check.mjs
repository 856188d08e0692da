// Opens a flow with every logic and integration step (issue 7) in the builder and screenshots the
// canvas and each step's editor, as a marketer sees them.
// Usage: ADMIN_URL=http://localhost:3000 node apps/admin/scripts/logic-steps-check.mjs [outDir]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { base, openPage, signIn } from "./lib/browser.mjs";
import { clientFor, cookieFor } from "./lib/inbox-api.mjs";

const out = path.resolve(process.argv[2] ?? "/tmp/sb-shots/logic");
mkdirSync(out, { recursive: true });
const api = clientFor(await cookieFor("demo@switchboard.local", "switchboard"));

const step = (id, type, x, y, config) => ({ id, type, title: "", position: { x, y }, aliases: [], config });
const other = await api.flows.create.mutate({ name: `Order help ${Date.now().toString(36)}` });
const { id } = await api.flows.create.mutate({ name: `Logic check ${Date.now().toString(36)}` });
await api.flows.saveDraft.mutate({
  id,
  draft: {
    format: "switchboard.flow",
    version: 1,
    entryStepId: "ask",
    steps: [
      step("ask", "free_input", 0, 0, { text: "Your order number?", variable: "order" }),
      step("count", "set_values", 0, 180, {
        operations: [
          { kind: "add", variable: "lookups", amount: "1" },
          { kind: "set", target: "vars.source", value: "bot" },
          { kind: "add_tags", tags: ["asked-order"] },
        ],
      }),
      step("http", "http_request", 0, 360, {
        method: "GET",
        url: "https://api.example.com/orders/{{vars.order}}",
        headers: [{ name: "Authorization", value: "Bearer {{secrets.SHOP_TOKEN}}" }],
        mappings: [{ path: "order.status", variable: "order_status" }],
      }),
      step("cond", "condition", 0, 560, {
        branches: [
          {
            id: "b1",
            name: "Shipped",
            combine: "all",
            rules: [{ subject: "vars.order_status", op: "equals", value: "shipped" }],
          },
          {
            id: "b2",
            name: "Big spender",
            combine: "any",
            rules: [
              { subject: "tags", op: "contains", value: "vip" },
              { subject: "vars.total", op: "greater", value: "100" },
            ],
          },
        ],
      }),
      step("split", "random_split", 420, 560, {
        branches: [
          { id: "a", label: "A", weight: 1 },
          { id: "b", label: "B", weight: 3 },
        ],
      }),
      step("wait", "delay", -420, 760, { amount: 2, unit: "hours", allowAliases: true }),
      step("hook", "send_webhook", 0, 760, {
        url: "https://hooks.example.com/switchboard",
        extra: [{ key: "source", value: "{{vars.source}}" }],
      }),
      step("jump", "go_to_flow", 420, 760, { flowId: other.id, stepId: null }),
      step("done", "text", 0, 940, { text: "Thanks! We'll keep you posted." }),
    ],
    edges: [
      { id: "e1", source: "ask", sourceHandle: "next", target: "count" },
      { id: "e2", source: "count", sourceHandle: "next", target: "http" },
      { id: "e3", source: "http", sourceHandle: "success", target: "cond" },
      { id: "e4", source: "http", sourceHandle: "failure", target: "split" },
      { id: "e5", source: "cond", sourceHandle: "branch:b1", target: "hook" },
      { id: "e6", source: "cond", sourceHandle: "else", target: "wait" },
      { id: "e7", source: "split", sourceHandle: "branch:a", target: "jump" },
      { id: "e8", source: "hook", sourceHandle: "next", target: "done" },
      { id: "e9", source: "wait", sourceHandle: "next", target: "done" },
    ],
  },
});

const { browser, page, errors } = await openPage();
await signIn(page);
await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
await page.goto(`${base}/flows/${id}`);
await page.getByTestId("builder-canvas").waitFor();
await page.waitForTimeout(2500);
await page.screenshot({ path: path.join(out, "00-canvas.png") });
for (const s of ["count", "http", "cond", "split", "wait", "hook", "jump"]) {
  await page.locator(`.react-flow__node[data-id="${s}"]`).click();
  await page.waitForTimeout(900);
  await page.screenshot({ path: path.join(out, `step-${s}.png`) });
  console.log(`✓ ${s}`);
}
await page.goto(`${base}/settings`);
await page.waitForTimeout(2500);
await page.screenshot({ path: path.join(out, "settings.png"), fullPage: true });
await page.goto(`${base}/webhooks`);
await page.waitForTimeout(2500);
await page.screenshot({ path: path.join(out, "webhooks.png") });
console.log("errors:", errors);
await browser.close();
