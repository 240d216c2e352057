// Opening a large plan file: the progress names each stage and offers Cancel, the current plan
// stays on screen and unchanged until the new one is ready, and Cancel leaves it exactly as it was.
import { expect, test, type Page } from '@playwright/test';
import { generatePlan } from '../bench/generate';
import { Designer } from './support/designer';

/** Every stage the progress dialog announces, in order, from now on. */
async function recordStages(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __stages: string[] };
    w.__stages = [];
    const seen = () => {
      const t = document.querySelector('.cc-open__now')?.textContent;
      if (t && w.__stages[w.__stages.length - 1] !== t) w.__stages.push(t);
    };
    new MutationObserver(seen).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

const stagesSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __stages: string[] }).__stages);

/** Keeps the plan object the page shows now, to check later that it is the very same one. */
const keepPlan = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as {
      cidrCanvas: { store: { getState(): { plan: unknown; revision: number } } };
      __kept: { plan: unknown; revision: number };
    };
    const s = w.cidrCanvas.store.getState();
    w.__kept = { plan: s.plan, revision: s.revision };
  });

const samePlanKept = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as {
      cidrCanvas: { store: { getState(): { plan: unknown; revision: number } } };
      __kept: { plan: unknown; revision: number };
    };
    const s = w.cidrCanvas.store.getState();
    return s.plan === w.__kept.plan && s.revision === w.__kept.revision;
  });

test('a 20k plan opens with its stages shown; Cancel keeps the plan on screen as it was', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const d = new Designer(page);
  await d.open();
  const toolbarName = page.locator('.cc-plan-name');
  const sampleName = (await toolbarName.textContent())!;
  await expect(d.node('cls-prod')).toContainText('prod-tke');
  await d.node('cls-prod').click();
  const undo = page.getByRole('button', { name: 'Undo' });
  const undoBefore = await undo.isDisabled();
  await keepPlan(page);

  // A generated plan without a layout: the designer lays it out, which takes a while.
  const plan = { ...generatePlan(20_000, 20240601), name: 'generated 20k' };
  const file = {
    name: 'generated-20k.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(plan)),
  };
  await page.getByLabel('Open plan').setInputFiles(file);
  const progress = page.getByRole('dialog', { name: 'Opening generated-20k.json' });
  await expect(progress).toBeVisible();
  // The toolbar does not call the plan on screen validated while another one is on its way.
  await expect(page.locator('.cc-status')).toHaveAttribute('data-state', 'opening');
  await expect(page.locator('.cc-status')).toContainText('Opening generated-20k.json');
  await expect(page.locator('.cc-status')).not.toContainText('Validated');
  await expect(progress.locator('[aria-current="step"]')).toHaveText('Laying out', {
    timeout: 60_000,
  });
  await expect(progress.getByRole('status')).toHaveText('Laying out…');
  // Meanwhile the sample is still there, and still answers.
  await expect(d.node('cls-prod')).toContainText('prod-tke');
  await expect(toolbarName).toHaveText(sampleName);

  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden();
  await expect(page.getByText('Stopped opening generated-20k.json')).toBeVisible();
  expect(await samePlanKept(page)).toBe(true);
  await expect(toolbarName).toHaveText(sampleName);
  await expect(d.node('cls-prod')).toContainText('prod-tke');
  await expect(d.inspector).toContainText('prod-tke');
  expect(await undo.isDisabled()).toBe(undoBefore);
  await expect(page.locator('.cc-status')).toHaveAttribute('data-state', 'idle');
  await expect(page.locator('.cc-status')).toContainText('Validated');
  // Nothing arrives later from the cancelled opening.
  await page.waitForTimeout(1_000);
  expect(await samePlanKept(page)).toBe(true);

  // Opening it again and waiting: every stage in turn, then the new plan.
  await recordStages(page);
  await page.getByLabel('Open plan').setInputFiles(file);
  await expect(progress).toBeVisible();
  await expect(progress).toBeHidden({ timeout: 240_000 });
  await expect(toolbarName).toHaveText('generated 20k');
  await expect(page.getByText('Opened generated-20k.json')).toBeVisible();
  expect(await stagesSeen(page)).toEqual(
    expect.arrayContaining(['Parsing…', 'Laying out…', 'Validating…']),
  );
  const seen = await stagesSeen(page);
  expect(seen.indexOf('Parsing…')).toBeLessThan(seen.indexOf('Laying out…'));
  expect(seen.indexOf('Laying out…')).toBeLessThan(seen.indexOf('Validating…'));
  await expect(d.node('cls-prod')).toHaveCount(0);
  await expect(d.inspector.getByText('VPCs')).toBeVisible();
  await expect(d.inspector).toContainText(String(plan.vpcs.length));
  await page.getByRole('button', { name: 'Fit View' }).click();
  await expect(page.locator('.react-flow__node[data-kind="vpc"]').first()).toBeVisible();
  await expect(page.locator('.cc-status')).toHaveAttribute('data-state', 'idle', {
    timeout: 60_000,
  });
  await expect(page.locator('.cc-status')).toContainText('Validated');
  // Undo brings the sample back: opening is one step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(toolbarName).toHaveText(sampleName);
});

test('a file that is not a plan says where and what, and the plan on screen stays', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await keepPlan(page);
  const bad = {
    format: 'cidr-canvas/plan',
    version: 1,
    vpcs: [{ id: 'vpc-a', cidr: '10.0.0.0/33' }],
  };
  await page.getByLabel('Open plan').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const toast = page.locator('.cc-toast--error');
  await expect(toast).toContainText('bad.json cannot be opened: $.vpcs[0].cidr');
  await expect(toast).toContainText('Your current plan is unchanged');
  await expect(page.getByRole('dialog', { name: /Opening/ })).toBeHidden();
  expect(await samePlanKept(page)).toBe(true);
  await expect(d.node('cls-prod')).toBeVisible();
  await expect(page.locator('.cc-status')).toContainText('Validated');
});
