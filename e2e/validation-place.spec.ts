// Where a plan is validated: a small one in the page, so an edit and the problem it makes are
// drawn in the same frame; a large one in the worker, so a long analysis never holds up the page.
import { expect, test, type Page, type Worker } from '@playwright/test';
import { Designer } from './support/designer';
import { countObjects, gridPlan } from './support/plans';

/** How many paths the Paths panel has: its "to everything" choice counts them. */
const pathCount = (page: Page, n: string) =>
  page.getByRole('region', { name: 'Paths' }).getByRole('option', { name: `everything (${n})` });

const isValidation = (w: Worker) => w.url().includes('domain.worker');
const validationWorkers = (page: Page) => page.workers().filter(isValidation);

test('on a small plan, an edit and the problem it makes appear in the same frame', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.node('cls-batch').click();
  const field = d.inspector.getByLabel('Container CIDR');
  await expect(d.node('cls-batch')).not.toHaveAttribute('data-status', 'error');
  // One keystroke's worth: the value goes in, then the first frame after it is looked at.
  const firstFrame = await field.evaluate(
    (input: HTMLInputElement) =>
      new Promise<{ value: string; status: string | null }>((resolve) => {
        const node = document.querySelector('.react-flow__node[data-id="cls-batch"]')!;
        const proto = HTMLInputElement.prototype as unknown as { value: string };
        Reflect.set(proto, 'value', '172.16.128.0/17', input);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() =>
          resolve({ value: input.value, status: node.getAttribute('data-status') }),
        );
      }),
  );
  expect(firstFrame).toEqual({ value: '172.16.128.0/17', status: 'error' });
  await expect(d.problems.locator('[data-code="CLUSTER_CIDR_OVERLAPS_CLUSTER"]')).toBeVisible();
  await expect(page.locator('.cc-status')).toHaveAttribute('data-state', 'idle');
  expect(validationWorkers(page)).toHaveLength(0);
});

test('a plan of more than 1,000 objects is validated in the worker, and edits still show their problems', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  const plan = gridPlan(1200);
  expect(countObjects(plan)).toBeGreaterThan(1000);
  const started = page.waitForEvent('worker', isValidation);
  await d.openPlanFile('plan-1200.json', plan);
  await started;
  await expect(page.locator('.cc-status')).toHaveAttribute('data-state', 'idle');
  await d.node('cls-0-0').click();
  const field = d.inspector.getByLabel('Container CIDR');
  await field.fill('10.0.128.0/17');
  await expect(d.node('cls-0-0')).toHaveAttribute('data-status', 'error');
  await field.fill('172.16.0.0/18');
  await expect(d.node('cls-0-0')).not.toHaveAttribute('data-status', 'error');
  expect(validationWorkers(page)).toHaveLength(1);
});

test('showing all paths of a 200-object plan moves validation to the worker; one cluster’s paths bring it back', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await d.openPlanFile('plan-200.json', gridPlan(200));
  await expect(d.node('cls-0-0')).toBeAttached();
  await d.waitValidated();
  await d.node('cls-0-0').click();
  await expect(pathCount(page, '130')).toBeAttached();
  expect(validationWorkers(page)).toHaveLength(0);
  // Every cluster's paths: too much to trace on the page's time.
  const started = page.waitForEvent('worker', isValidation);
  await page.getByRole('button', { name: 'All paths' }).click();
  const worker = await started;
  await expect(pathCount(page, '1,300')).toBeAttached();
  await d.waitValidated();
  // Back to the selected cluster's paths: the worker is closed, the page validates again.
  const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
  await page.getByRole('button', { name: 'All paths' }).click();
  await closed;
  await expect(pathCount(page, '130')).toBeAttached();
  const field = d.inspector.getByLabel('Container CIDR');
  await field.fill('10.0.128.0/17');
  await expect(d.node('cls-0-0')).toHaveAttribute('data-status', 'error');
  expect(validationWorkers(page)).toHaveLength(0);
});
