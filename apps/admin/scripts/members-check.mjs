// Clicks through the Members page, an invitation (signed out → sign up → accept) and the workspace
// switcher with screenshots.
// Usage: ADMIN_URL=http://localhost:3000 node apps/admin/scripts/members-check.mjs [outDir]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { base, openPage, signIn } from "./lib/browser.mjs";

const out = path.resolve(process.argv[2] ?? "/tmp/sb-shots/members");
mkdirSync(out, { recursive: true });

const { browser, page, errors } = await openPage();
let n = 1;
async function shot(name, p = page) {
  await p.waitForTimeout(700);
  const file = path.join(out, `${String(n++).padStart(2, "0")}-${name}.png`);
  await p.screenshot({ path: file });
  console.log(`✓ ${file}`);
}
const tid = (id, p = page) => p.getByTestId(id);
const stamp = Date.now().toString(36);

await signIn(page);
await page.waitForURL(/\/bots/, { timeout: 120_000 });

// ---- Members: invite ----
await page.goto(`${base}/members`);
await tid("members-list").waitFor();
await shot("members");
await tid("invite-email").fill("not an address");
await tid("invite-submit").click();
await shot("invite-bad-email");
await tid("invite-email").fill(`sam.${stamp}@example.com`);
await tid("invite-role").selectOption("operator");
await tid("invite-submit").click();
await tid("invite-result").waitFor();
await shot("invite-link");
const link = await tid("invite-link").inputValue();
await tid("invite-email").fill(`mia.${stamp}@example.com`);
await tid("invite-role").selectOption("marketer");
await tid("invite-submit").click();
await page.waitForTimeout(800);
await tid("invitation-row").nth(1).waitFor();
await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
await page.locator("main").evaluate((el) => {
  el.scrollTop = el.scrollHeight;
});
await shot("invitations");

// ---- The invitee: signed out → sign up → accept ----
const guest = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const gp = await guest.newPage();
gp.on("pageerror", (e) => errors.push(`guest pageerror: ${e.message}`));
await gp.goto(link.replace(/^https?:\/\/[^/]+/, base));
await tid("invitation", gp).waitFor();
await shot("invite-signed-out", gp);
await tid("invite-sign-up", gp).click();
await tid("name", gp).waitFor();
await shot("sign-up-for-invite", gp);
await tid("name", gp).fill("Sam Operator");
await tid("password", gp).fill("sam-password-1");
await tid("submit", gp).click();
await gp.waitForURL(/\/invite\//);
await tid("invite-accept", gp).waitFor();
await shot("invite-signed-in", gp);
await tid("invite-accept", gp).click();
await gp.waitForURL(/\/conversations/);
await tid("workspace-name", gp).waitFor();
await shot("landed-as-operator", gp);
await tid("workspace-switcher", gp).click();
await tid("workspace-option", gp).nth(1).waitFor();
await shot("switcher-two-workspaces", gp);
// Switch to the personal workspace and back.
const personal = gp.locator('[data-testid="workspace-option"]:not([data-current])').first();
await personal.click();
await gp.waitForLoadState("load");
await gp.waitForTimeout(1500);
await shot("switched-to-personal", gp);
await gp.goto(`${base}/members`);
await tid("members-list", gp).waitFor();
await shot("members-personal-owner", gp);
// The used link, opened again by its member.
await gp.goto(link.replace(/^https?:\/\/[^/]+/, base));
await tid("invitation", gp).waitFor();
await shot("invite-accepted-member", gp);

// ---- Back to the owner ----
await page.reload();
await tid("members-list").waitFor();
await shot("members-after-join");
await tid("member-row")
  .filter({ hasText: `sam.${stamp}` })
  .getByTestId("member-remove")
  .click();
await tid("confirm-dialog").waitFor();
await shot("remove-confirm");
await tid("confirm-cancel").click();
// Revoke Mia's invitation: her link then says so.
const miaRow = tid("invitation-row").filter({ hasText: `mia.${stamp}` });
const miaLink = await (async () => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await miaRow.getByTestId("invitation-copy").click();
  return page.evaluate(() => navigator.clipboard.readText());
})();
await miaRow.getByTestId("invitation-revoke").click();
await tid("confirm-dialog").waitFor();
await shot("revoke-confirm");
await tid("confirm-ok").click();
await page.waitForTimeout(800);
await shot("after-revoke");
const anon = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const ap = await anon.newPage();
await ap.goto(miaLink.replace(/^https?:\/\/[^/]+/, base));
await tid("invitation", ap).waitFor();
await shot("invite-revoked", ap);
await ap.goto(`${base}/invite/${"x".repeat(43)}`);
await ap.waitForTimeout(1500);
await shot("invite-unknown", ap);

// Owner's switcher (one workspace) and settings' leave card.
await tid("workspace-switcher").click();
await tid("workspace-option").first().waitFor();
await shot("switcher-owner");
await page.keyboard.press("Escape");
await page.goto(`${base}/settings`);
await tid("settings-leave-workspace").waitFor();
await page.locator("main").evaluate((el) => {
  el.scrollTop = el.scrollHeight;
});
await shot("settings-leave");
await tid("settings-leave-workspace").click();
await tid("confirm-ok").click();
await page.waitForTimeout(1200);
await shot("leave-only-workspace-error");

// ---- A marketer's view: an owner invitation's link stays hidden, roles are read-only ----
await page.goto(`${base}/members`);
await tid("invite-email").fill(`boss.${stamp}@example.com`);
await tid("invite-role").selectOption("owner");
await tid("invite-submit").click();
await tid("invite-result").waitFor();
await tid("invite-email").fill(`max.${stamp}@example.com`);
await tid("invite-role").selectOption("marketer");
await tid("invite-submit").click();
await page.waitForTimeout(600);
const maxLink = await tid("invite-link").inputValue();
const mctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const mp = await mctx.newPage();
await mp.goto(`${base}/sign-up?email=max.${stamp}%40example.com`);
await tid("name", mp).fill("Max Marketer");
await tid("password", mp).fill("max-password-1");
await tid("submit", mp).click();
await mp.waitForURL(/\/bots/);
await mp.goto(maxLink.replace(/^https?:\/\/[^/]+/, base));
await tid("invite-accept", mp).click();
await mp.waitForURL(/\/bots/);
await mp.goto(`${base}/members`);
await tid("invitations-list", mp).waitFor();
await shot("members-as-marketer", mp);
await mctx.close();

// ---- An operator's view of /members (not in their sidebar) ----
await gp.goto(`${base}/members`);
await tid("workspace-switcher", gp).click();
await gp.locator('[data-testid="workspace-option"]:not([data-current])').first().click();
await gp.waitForURL(/\/members/);
await tid("members-list", gp).waitFor();
await shot("members-as-operator", gp);

// ---- The builder's icon rail: the switcher opens beside it ----
await page.goto(`${base}/flows`);
await page.getByTestId("flow-link").first().click();
await tid("builder-canvas").waitFor();
await tid("workspace-switcher").click();
await tid("workspace-option").first().waitFor();
await shot("switcher-compact");

await browser.close();
if (errors.length) {
  console.log("\nPage errors:");
  for (const e of errors) console.log(`  ${e}`);
}
