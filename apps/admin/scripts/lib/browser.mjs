// Shared by the visual-check scripts: Debian's Chromium with the flags this machine needs, a 1440×900
// page that collects page errors, and the demo sign-in.
import { chromium } from "@playwright/test";

export const base = process.env.ADMIN_URL ?? "http://localhost:3000";

export async function openPage() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  return { browser, context, page, errors };
}

export async function signIn(page, email = "demo@switchboard.local", password = "switchboard") {
  await page.goto(`${base}/sign-in`);
  await page.getByTestId("email").fill(email);
  await page.getByTestId("password").fill(password);
  await page.getByTestId("submit").click();
}
