// Visual check of the Content-Security-Policy: the pages render and hydrate under it, with no CSP
// violation in the console. Run against a production admin (its server.mjs, `pnpm start` or the stack):
//   ADMIN_URL=http://localhost:3000 node apps/admin/scripts/csp-check.mjs
import { base, openPage, signIn } from "./lib/browser.mjs";

const { browser, page, errors } = await openPage();
const violations = [];
page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()));

try {
  const response = await page.goto(`${base}/sign-in`);
  const csp = response?.headers()["content-security-policy"] ?? "";
  if (!/script-src[^;]*'nonce-/.test(csp)) throw new Error(`no nonce in the CSP: ${csp}`);
  // Hydrated: the form's client-side check answers without a round trip.
  await page.getByTestId("submit").click();
  await page.getByText("Enter a valid email address.").waitFor({ timeout: 10_000 });

  await signIn(page);
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 20_000 });
  for (const path of ["/flows", "/inbox", "/sandbox", "/bots"]) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState("networkidle");
  }
  // The builder's canvas (inline styles, workers) under the policy.
  await page.goto(`${base}/flows`);
  const firstFlow = page.locator('a[href^="/flows/"]').first();
  if (await firstFlow.count()) {
    await firstFlow.click();
    await page.locator(".react-flow").first().waitFor({ timeout: 20_000 });
  }
} finally {
  await browser.close();
}

const problems = [...violations, ...errors.filter((e) => /Content Security Policy|Refused to/i.test(e))];
if (problems.length) {
  console.error(`CSP violations:\n${[...new Set(problems)].join("\n")}`);
  process.exit(1);
}
console.log(
  `ok: pages render and hydrate under the CSP, no violations (other console errors: ${errors.length})`,
);
for (const e of errors) console.log(`  ${e}`);
