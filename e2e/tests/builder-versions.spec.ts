import { expect, type Page, test } from "@playwright/test";
import { dropStep, expectSaved, signIn } from "./helpers";

/**
 * Version history and templates (issue 9, section 2): a flow made from a template publishes without a
 * warning; a publish note shows in the versions; the diff of two versions (and of a version with the
 * draft) colours the changed and added steps, centres a step from the change list, and rolls back.
 */

async function newFlowFromTemplate(page: Page, name: string, template: string) {
  await page.goto("/flows");
  await page.getByTestId("new-flow").click();
  await page.getByTestId("flow-name-field").fill(name);
  await page.getByTestId(`template-${template}`).check({ force: true });
  await page.getByTestId("create-flow-submit").click();
  await expect(page).toHaveURL(/\/flows\/[0-9a-f-]{36}/);
  await expect(page.getByTestId("builder-canvas")).toBeVisible();
}

async function expectNoProblems(page: Page) {
  const problems = page.getByTestId("problems-count");
  await expect(problems).toHaveAttribute("data-errors", "0");
  await expect(problems).toHaveAttribute("data-warnings", "0");
}

test("publish with a note, compare versions and the draft, roll back from the diff", async ({ page }) => {
  await signIn(page);

  // The gallery shows a card per template with its size.
  await page.goto("/flows");
  await page.getByTestId("new-flow").click();
  await expect(page.getByTestId("template-card-faq")).toContainText("FAQ with keywords");
  await expect(page.getByTestId("template-card-faq").getByTestId("template-step-count")).toHaveText(
    "7 steps",
  );
  await expect(page.getByTestId("template-card-appointment")).toContainText("Schedule");
  await page.keyboard.press("Escape");

  await newFlowFromTemplate(page, "E2E versions FAQ", "faq");
  await expect(page.getByTestId("step-node-prices")).toBeVisible();
  await expectNoProblems(page);

  // v1, with a note.
  await page.getByTestId("publish-note-toggle").click();
  await page.getByTestId("publish-note-input").fill("First FAQ");
  await page.getByTestId("publish-note-input").press("Enter");
  await expect(page.getByTestId("publish-result")).toHaveText("v1 published");

  // v2 renames the Prices answer; then the draft gets a new step.
  await page.getByTestId("step-node-prices").click();
  await page.getByTestId("step-title").fill("Plans and prices");
  await expectSaved(page);
  await page.getByTestId("publish-button").click();
  await expect(page.getByTestId("publish-result")).toContainText("v2 published");
  const added = await dropStep(page, "text", 120, 120);
  const addedId = (await added.getAttribute("data-testid"))!.replace("step-node-", "");
  await page.getByTestId("step-text").fill("Brand new answer");
  await expectSaved(page);

  // The versions list shows the note.
  await page.getByTestId("published-version").click();
  const rows = page.getByTestId("version-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "v1" }).getByTestId("version-note")).toHaveText("“First FAQ”");

  // v1 against the draft: Prices changed (its title), the new step added.
  await rows.filter({ hasText: "v1" }).getByTestId("version-compare").click();
  const diff = page.getByTestId("version-diff");
  await expect(diff).toBeVisible();
  // The builder's keys stay out of the diff: Delete here must not delete the (selected) new step.
  await page.keyboard.press("Delete");
  await expect(diff.getByTestId("diff-right")).toHaveValue("draft");
  await expect(diff.getByTestId("diff-change-prices")).toContainText("title");
  await expect(diff.getByTestId(`diff-change-${addedId}`)).toHaveAttribute("data-tone", "added");
  const after = diff.getByTestId("diff-canvas-after");
  const before = diff.getByTestId("diff-canvas-before");
  await expect(after.getByTestId("diff-node-prices")).toHaveAttribute("data-status", "changed");
  await expect(before.getByTestId("diff-node-prices")).toHaveAttribute("data-status", "changed");
  await expect(after.getByTestId(`diff-node-${addedId}`)).toHaveAttribute("data-status", "added");
  await expect(before.getByTestId(`diff-node-${addedId}`)).toHaveCount(0);
  await expect(after.getByTestId("diff-node-hours")).toHaveAttribute("data-status", "same");

  // Two versions: v1 → v2 is only the rename; v2 → v2 is nothing.
  await diff.getByTestId("diff-right").selectOption("2");
  await expect(diff.getByTestId("diff-change-prices")).toBeVisible();
  await expect(diff.getByTestId(`diff-change-${addedId}`)).toHaveCount(0);
  await diff.getByTestId("diff-left").selectOption("2");
  await expect(diff.getByTestId("diff-empty")).toBeVisible();
  await diff.getByTestId("diff-left").selectOption("1");

  // A change centres its step on the canvases.
  await diff.getByTestId("diff-change-prices").click();
  await expect
    .poll(async () => {
      const canvas = (await after.boundingBox())!;
      const node = (await after.getByTestId("diff-node-prices").boundingBox())!;
      return Math.round(
        Math.hypot(
          node.x + node.width / 2 - (canvas.x + canvas.width / 2),
          node.y + node.height / 2 - (canvas.y + canvas.height / 2),
        ),
      );
    })
    .toBeLessThan(30);

  // Roll back to v1 from the diff.
  await diff.getByTestId("diff-rollback").click();
  await page.getByTestId("confirm-ok").click();
  await expect(diff).toBeHidden();
  await expect(page.getByTestId("published-version")).toContainText("v1 live");
  await expect(page.getByTestId("step-node-prices")).toContainText("Prices");
  await expect(page.getByTestId(`step-node-${addedId}`)).toHaveCount(0);
});

test("every template creates a flow that publishes without warnings", async ({ page }) => {
  await signIn(page);
  for (const template of ["lead_capture", "appointment", "feedback", "qualify", "welcome"]) {
    await newFlowFromTemplate(page, `E2E template ${template}`, template);
    await expectNoProblems(page);
    await page.getByTestId("publish-button").click();
    await expect(page.getByTestId("publish-result")).toHaveText("v1 published");
  }
});
