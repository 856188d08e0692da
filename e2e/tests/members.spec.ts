import { expect, test } from "@playwright/test";
import { E2E } from "../stack";
import { signIn } from "./helpers";

/**
 * Members and invitations, as two people: the demo owner invites an operator from the Members page;
 * in another browser the invitee opens the link, signs up with the address prefilled, accepts, and
 * lands in the demo workspace (their own personal workspace is in the switcher too). The owner then
 * sees them, and removes them again so the demo workspace is as it was.
 */
test("the demo owner invites an operator, who signs up through the link, accepts and works in the workspace", async ({
  page,
  browser,
}) => {
  await signIn(page);
  await page.goto("/members");
  const workspaceName = page.getByTestId("workspace-name");
  await expect(workspaceName).not.toHaveText("…");
  const demoWorkspace = (await workspaceName.textContent())!.trim();

  // Invite: the link to copy shows, and the invitation is open.
  const email = `olive.${Date.now().toString(36)}@example.test`;
  await page.getByTestId("invite-email").fill(email);
  await page.getByTestId("invite-role").selectOption("operator");
  await page.getByTestId("invite-submit").click();
  const link = await page.getByTestId("invite-link").inputValue();
  expect(link.startsWith(`${E2E.adminUrl}/invite/`)).toBe(true);
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toBeVisible();

  // Someone else, signed out, opens the link.
  const guest = await browser.newContext();
  const invitee = await guest.newPage();
  await invitee.goto(link);
  await expect(invitee.getByTestId("invitation")).toHaveAttribute("data-state", "open");
  await expect(invitee.getByTestId("invite-workspace")).toHaveText(demoWorkspace);
  await expect(invitee.getByTestId("invite-role-name")).toHaveText("Operator");
  await expect(invitee.getByTestId("invite-email-to")).toHaveText(email);

  // Sign up: the address is prefilled, and the form comes back to the invitation.
  await invitee.getByTestId("invite-sign-up").click();
  await expect(invitee).toHaveURL(/\/sign-up\?/);
  await expect(invitee.getByTestId("email")).toHaveValue(email);
  await invitee.getByTestId("name").fill("Olive Operator");
  await invitee.getByTestId("password").fill("olive-operator-password");
  await invitee.getByTestId("submit").click();
  await expect(invitee).toHaveURL(/\/invite\//);
  await expect(invitee.getByTestId("invite-viewer")).toContainText(email);

  // Accept: an operator lands in the inbox of the demo workspace.
  await invitee.getByTestId("invite-accept").click();
  await expect(invitee).toHaveURL(/\/inbox$/);
  // The inbox's sidebar is an icon rail: the workspace is named in the switcher's tooltip there.
  await expect(invitee.getByTestId("workspace-switcher")).toHaveAttribute(
    "title",
    `${demoWorkspace} — ${email}`,
  );
  await expect(invitee.getByTestId("nav-bots")).toBeVisible();
  await expect(invitee.getByTestId("nav-members")).toHaveCount(0); // operators don't manage members
  await invitee.goto("/bots");
  await expect(invitee.getByTestId("bot-card-switchboard_demo_bot")).toBeVisible();

  // Their own workspace is there too; the demo one is current.
  await invitee.getByTestId("workspace-switcher").click();
  await expect(invitee.getByTestId("workspace-option")).toHaveCount(2);
  await expect(invitee.locator('[data-testid="workspace-option"][data-current]')).toContainText(
    demoWorkspace,
  );
  await expect(invitee.locator('[data-testid="workspace-option"]:not([data-current])')).toContainText(
    "Olive Operator's workspace",
  );

  // The link worked once.
  const late = await browser.newContext();
  const latePage = await late.newPage();
  await latePage.goto(link);
  await expect(latePage.getByTestId("invitation")).toHaveAttribute("data-state", "accepted");
  await expect(latePage.getByTestId("invite-closed")).toContainText("already been used");
  await late.close();

  // The owner sees the new member; the invitation is no longer open.
  await page.reload();
  const row = page.getByTestId("member-row").filter({ hasText: email });
  await expect(row).toContainText("Olive Operator");
  await expect(row.getByTestId("member-role")).toHaveValue("operator");
  await expect(page.getByTestId("invitation-row").filter({ hasText: email })).toHaveCount(0);

  // And removes them again (after a confirmation): their next page load is in their own workspace.
  await row.getByTestId("member-remove").click();
  await page.getByTestId("confirm-ok").click();
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toHaveCount(0);
  await invitee.goto("/bots");
  await expect(invitee.getByTestId("workspace-name")).toHaveText("Olive Operator's workspace");
  await guest.close();
});
