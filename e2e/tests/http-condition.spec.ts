import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { connect, dropStep, expectSaved, newEmptyFlow, signIn } from "./helpers";

/**
 * Calling your API from a flow, as a marketer and then as two Telegram users:
 * draw Free input (order number) → HTTP request (GET the order from a local API, map `order.status` into
 * `vars.order_status`) → Condition ("Shipped": `vars.order_status` equals `shipped`; else) → two texts,
 * publish, run it on a fresh sandbox bot; the user whose order the API calls shipped gets one answer, the
 * user whose order is pending the other, and the API saw both requests.
 * The stack runs with SWITCHBOARD_HTTP_ALLOW_PRIVATE=1 (playwright.config.ts) so the runtime may call 127.0.0.1.
 */

const ORDERS: Record<string, string> = { "1001": "shipped", "1002": "pending" };

let api: Server;
let apiPort = 0;
const received: { method: string; url: string }[] = [];

test.beforeAll(async () => {
  api = createServer((req, res) => {
    received.push({ method: req.method ?? "", url: req.url ?? "" });
    const id = /^\/orders\/([^/?]+)$/.exec(req.url ?? "")?.[1];
    const status = id ? ORDERS[decodeURIComponent(id)] : undefined;
    res.setHeader("content-type", "application/json");
    if (req.method !== "GET" || !status) {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: "no such order" }));
      return;
    }
    res.end(JSON.stringify({ order: { id, status } }));
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiPort = (api.address() as AddressInfo).port;
});

/** Drags a node by its header so its top left corner lands at (x, y) of the canvas. */
async function moveNode(page: Page, node: Locator, x: number, y: number) {
  const canvas = await page.getByTestId("builder-canvas").boundingBox();
  const box = await node.boundingBox();
  if (!canvas || !box) throw new Error("node not visible");
  // Grab the header, right of the icon: the title, not a handle or a badge.
  const grab = { x: 60, y: 20 };
  await page.mouse.move(box.x + grab.x, box.y + grab.y);
  await page.mouse.down();
  await page.mouse.move(canvas.x + x + grab.x, canvas.y + y + grab.y, { steps: 10 });
  await page.mouse.up();
  await expect
    .poll(async () => {
      const b = await node.boundingBox();
      return b ? Math.round(Math.abs(b.x - canvas.x - x) + Math.abs(b.y - canvas.y - y)) : -1;
    })
    .toBeLessThan(120); // snapping and the drag threshold move it a little
}

test.afterAll(async () => {
  await new Promise<void>((resolve) => api.close(() => resolve()));
});

test("HTTP request → Condition on the mapped variable: each user gets the branch the API's answer selects", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const flowName = `E2E order status ${stamp}`;
  await signIn(page);
  await newEmptyFlow(page, flowName);

  // Ask for the order number. The first step is centred when it lands; move it to the top left corner
  // so the others fit around it (two columns, the step panel open on the right).
  const ask = await dropStep(page, "free_input", 200, 100);
  await page.getByTestId("step-text").fill("Your order number?");
  await page.getByTestId("free-input-variable").fill("order");
  await moveNode(page, ask, 30, 20);

  // Look it up in the shop's API, keeping the order's status.
  const call = await dropStep(page, "http_request", 158, 300);
  await expect(page.getByTestId("http-method")).toHaveValue("GET");
  await page.getByTestId("http-url").fill(`http://127.0.0.1:${apiPort}/orders/{{vars.order}}`);
  await page.getByTestId("http-mappings-add").click();
  await page.getByTestId("http-mappings-a-0").fill("order.status");
  await page.getByTestId("http-mappings-b-0").fill("order_status");
  await expect(call).toContainText("saves vars.order_status");

  const failed = await dropStep(page, "text", 158, 560);
  await page.getByTestId("step-text").fill("Sorry, we couldn't look that up ({{vars.http_error}})");

  // Branch on it: "Shipped" when the status is shipped (the step comes with one branch), else the other text.
  const branch = await dropStep(page, "condition", 540, 50);
  await expect(page.locator('[data-testid^="branch-name-"]')).toHaveCount(1);
  await page.getByTestId("branch-name-0").fill("Shipped");
  await page.getByTestId("rule-subject-b0-r0").fill("vars.order_status");
  await page.getByTestId("rule-op-b0-r0").selectOption("equals");
  await page.getByTestId("rule-value-b0-r0").fill("shipped");
  await expect(branch).toContainText("Shipped");

  const shipped = await dropStep(page, "text", 540, 330);
  await page.getByTestId("step-text").fill("Your order is on its way");
  const pending = await dropStep(page, "text", 540, 560);
  await page.getByTestId("step-text").fill("Your order is being prepared");

  await connect(page, ask.getByTestId("handle-next"), call.getByTestId("handle-in"));
  await connect(page, call.getByTestId("handle-success"), branch.getByTestId("handle-in"));
  await connect(page, call.getByTestId("handle-failure"), failed.getByTestId("handle-in"));
  await connect(page, branch.locator('[data-testid^="handle-branch:"]'), shipped.getByTestId("handle-in"));
  await connect(page, branch.getByTestId("handle-else"), pending.getByTestId("handle-in"));
  await expect(page.locator(".react-flow__edge")).toHaveCount(5);
  await expect(ask.getByTestId("start-badge")).toBeVisible();

  await expectSaved(page);
  await page.getByTestId("publish-button").click();
  await expect(page.getByTestId("publish-result")).toContainText(/v1/);

  // A fresh sandbox bot (the demo bot stays as the other suites expect it), running that flow.
  const username = `orders_${stamp}_bot`;
  await page.goto("/bots");
  await page.getByTestId("sandbox-create-open").click();
  await page.getByTestId("sandbox-bot-username").fill(username);
  await page.getByTestId("sandbox-create-bot").click();
  const card = page.getByTestId(`bot-card-${username}`);
  await expect(card).toBeVisible();
  await card.getByTestId("bot-entry-flow").selectOption({ label: `${flowName} (v1)` });
  await expect(card.getByTestId("bot-entry-flow")).toHaveValue(/[0-9a-f-]{36}/);

  // In Telegram: one user's order has shipped…
  await page.goto("/sandbox");
  await page.getByTestId("sandbox-bot").selectOption({ label: `@${username}` });
  const botSays = page.locator('[data-testid="sandbox-message"][data-from="bot"]');
  const chat = async (order: string) => {
    await page.getByTestId("sandbox-start").click();
    await expect(botSays.filter({ hasText: "Your order number?" })).toHaveCount(1);
    await page.getByTestId("sandbox-input").fill(order);
    await page.getByTestId("sandbox-send").click();
  };
  await chat("1001");
  await expect(botSays.filter({ hasText: "Your order is on its way" })).toHaveCount(1);
  await expect(botSays.filter({ hasText: "being prepared" })).toHaveCount(0);
  await expect(botSays.filter({ hasText: "couldn't look that up" })).toHaveCount(0);

  // …another user's is still pending.
  await page.getByRole("button", { name: "Start over as a new user" }).click();
  await expect(botSays).toHaveCount(0);
  await chat("1002");
  await expect(botSays.filter({ hasText: "Your order is being prepared" })).toHaveCount(1);
  await expect(botSays.filter({ hasText: "on its way" })).toHaveCount(0);
  await expect(botSays.filter({ hasText: "couldn't look that up" })).toHaveCount(0);

  // The API was really asked, once per user, for the order each one typed.
  expect(received).toEqual([
    { method: "GET", url: "/orders/1001" },
    { method: "GET", url: "/orders/1002" },
  ]);
});
