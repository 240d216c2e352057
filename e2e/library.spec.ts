// The library of plans and their versions, in IndexedDB: what a person does with it in the Plans
// and Versions dialogs, what survives a reload, and the three ways storage goes wrong (no
// IndexedDB, storage full, the same plan in two tabs), each with a clear message and nothing lost.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Designer } from './support/designer';
import { gridPlan } from './support/plans';

interface LibraryHooks {
  setWriteFault(fault: 'quota' | null): void;
  savedPlanText(): Promise<string | null>;
}
type Win = { cidrCanvas: { library: LibraryHooks; store: { getState(): { revision: number } } } };

function plansDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Plans' });
}

function versionsDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Versions' });
}

async function openPlans(page: Page) {
  await page.getByRole('button', { name: 'Plans', exact: true }).click();
  const dialog = plansDialog(page);
  await expect(dialog.getByRole('list', { name: 'Plans in this browser' })).toBeVisible();
  return dialog;
}

function planItems(page: Page) {
  return plansDialog(page).getByRole('listitem');
}

/** What the library holds for the open plan, read the way the app reads it. */
async function savedPlan(page: Page): Promise<{ name?: string; clusters: { id: string }[] }> {
  const text = await page.evaluate(() =>
    (window as unknown as Win).cidrCanvas.library.savedPlanText(),
  );
  return JSON.parse(text ?? 'null') as { name?: string; clusters: { id: string }[] };
}

async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
}

/** Types a name into the selected object's inspector: a plain undoable edit of the plan. */
async function setNodeCount(d: Designer, value: string) {
  await d.node('cls-prod').click();
  const field = d.inspector.getByLabel('Node count');
  await field.fill(value);
  await field.press('Tab');
}

test('create, rename, duplicate, search and delete plans; a reload keeps the library and the open plan', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  let dialog = await openPlans(page);
  // First run: the sample is the one plan, and it is open.
  await expect(planItems(page)).toHaveCount(1);
  await expect(planItems(page).first()).toContainText('Open now');

  await dialog.getByRole('button', { name: 'New plan' }).click();
  await expect(dialog).toBeHidden();
  await expect(d.nodesOfKind('vpc')).toHaveCount(0);
  await expect(page.locator('.cc-plan-name')).toHaveText('Untitled plan');

  dialog = await openPlans(page);
  await expect(planItems(page)).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Rename Untitled plan' }).click();
  await dialog.getByLabel('New name for Untitled plan').fill('Staging network');
  await dialog.getByLabel('New name for Untitled plan').press('Enter');
  await expect(dialog.getByText('Staging network')).toBeVisible();
  // Renaming the open plan renames it on the canvas too.
  await expect(page.locator('.cc-plan-name')).toHaveText('Staging network');

  await dialog.getByRole('button', { name: /^Duplicate Guangzhou production/ }).click();
  await expect(planItems(page)).toHaveCount(3);
  await expect(dialog.getByText(/\(copy\)$/)).toBeVisible();

  await dialog.getByLabel('Search plans by name').fill('stag');
  await expect(planItems(page)).toHaveCount(1);
  await expect(planItems(page)).toContainText('Staging network');
  await dialog.getByLabel('Search plans by name').fill('copy');
  await expect(planItems(page)).toHaveCount(1);
  await dialog.getByLabel('Search plans by name').fill('no such plan');
  await expect(planItems(page)).toHaveCount(0);
  await expect(dialog.getByText('No plan’s name holds')).toBeVisible();
  await dialog.getByLabel('Search plans by name').fill('');

  // Delete asks first; "Keep it" keeps it.
  const copyName = (await dialog.getByText(/\(copy\)$/).textContent()) ?? '';
  await dialog.getByRole('button', { name: `Delete ${copyName}` }).click();
  const confirm = dialog.getByRole('alertdialog', { name: 'Delete plan' });
  await expect(confirm).toContainText(copyName);
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(planItems(page)).toHaveCount(3);
  await dialog.getByRole('button', { name: `Delete ${copyName}` }).click();
  await confirm.getByRole('button', { name: 'Delete plan' }).click();
  await expect(planItems(page)).toHaveCount(2);
  await expect(dialog.getByText(copyName)).toHaveCount(0);

  // Open the sample again, edit it, and reload: the library and the plan last open are there.
  await dialog.getByRole('button', { name: /^Open Guangzhou production/ }).click();
  await expect(dialog).toBeHidden();
  await expect(d.node('cls-prod')).toBeVisible();
  await setNodeCount(d, '61');
  await page.reload();
  await expect(d.node('cls-prod')).toBeVisible();
  await d.node('cls-prod').click();
  await expect(d.inspector.getByLabel('Node count')).toHaveValue('61');
  dialog = await openPlans(page);
  await expect(planItems(page)).toHaveCount(2);
  await expect(dialog.getByText('Staging network')).toBeVisible();
  await expect(planItems(page).filter({ hasText: 'Open now' })).toContainText(
    'Guangzhou production',
  );
  expect(await violations(page), 'Plans dialog').toEqual([]);
});

test('the first run moves localStorage’s autosave into the library, then removes it', async ({
  page,
}) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      'cidr-canvas:autosave',
      JSON.stringify({
        format: 'cidr-canvas/autosave',
        version: 1,
        plan: {
          format: 'cidr-canvas/plan',
          version: 1,
          name: 'Kept from before',
          vpcs: [{ id: 'vpc-old', name: 'old', region: 'ap-guangzhou', cidr: '10.9.0.0/16' }],
        },
        viewport: null,
        showAllPaths: false,
      }),
    );
  });
  const d = new Designer(page);
  await page.goto('/');
  await expect(d.node('vpc-old')).toBeVisible();
  await expect(page.locator('.cc-plan-name')).toHaveText('Kept from before');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('cidr-canvas:autosave')))
    .toBeNull();
  await page.reload();
  await expect(d.node('vpc-old')).toBeVisible();
  await openPlans(page);
  await expect(planItems(page)).toHaveCount(1);
  await expect(planItems(page)).toContainText('Kept from before');
});

test('save two versions with their summaries, restore the first, undo the restore, compare', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await page.getByRole('button', { name: 'Versions' }).click();
  let dialog = versionsDialog(page);
  await expect(dialog.getByText('No versions yet')).toBeVisible();
  await dialog.getByLabel('Version name').fill('as drawn');
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  // The first version counts every object as added.
  await expect(dialog.getByRole('listitem').first()).toContainText(/\d+ added/);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // A change: a cluster removed. The second version says so.
  await d.node('cls-batch').click();
  await page.keyboard.press('Delete');
  await expect(d.node('cls-batch')).toHaveCount(0);
  await page.getByRole('button', { name: 'Versions' }).click();
  dialog = versionsDialog(page);
  await dialog.getByLabel('Version name').fill('without batch');
  await dialog.getByRole('button', { name: 'Save version' }).click();
  const items = dialog.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('without batch');
  await expect(items.first()).toContainText(/1 removed/);
  await expect(items.nth(1)).toContainText('as drawn');
  expect(await violations(page), 'Versions dialog').toEqual([]);

  // Restore the first: batch-tke is back; one undo takes it away again.
  await dialog.getByRole('button', { name: 'Restore as drawn' }).click();
  await expect(dialog).toBeHidden();
  await expect(d.node('cls-batch')).toBeVisible();
  await expect(page.getByText('Restored “as drawn”')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(d.node('cls-batch')).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(d.node('cls-batch')).toBeVisible();

  // Compare hands the version to the compare view.
  await page.getByRole('button', { name: 'Versions' }).click();
  await versionsDialog(page).getByRole('button', { name: 'Compare with without batch' }).click();
  await expect(page.getByText('Comparing the plan with “without batch”')).toBeVisible();
  const changes = page.getByRole('complementary', { name: 'Changes' });
  await expect(changes).toContainText('since without batch');
  await expect(changes.locator('[data-group="added"]')).toContainText('batch');
  await expect(d.node('cls-batch')).toHaveAttribute('data-diff', 'added');

  // Versions outlive a reload.
  await page.reload();
  await expect(d.node('cls-batch')).toBeVisible();
  await page.getByRole('button', { name: 'Versions' }).click();
  await expect(versionsDialog(page).getByRole('listitem')).toHaveCount(2);
});

test('a duplicated plan takes its versions along: open the copy and they are listed, restorable', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await page.getByRole('button', { name: 'Versions' }).click();
  let dialog = versionsDialog(page);
  await dialog.getByLabel('Version name').fill('as drawn');
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await d.node('cls-batch').click();
  await page.keyboard.press('Delete');
  await expect(d.node('cls-batch')).toHaveCount(0);
  await page.getByRole('button', { name: 'Versions' }).click();
  dialog = versionsDialog(page);
  await dialog.getByLabel('Version name').fill('without batch');
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const plans = await openPlans(page);
  await plans.getByRole('button', { name: /^Duplicate Guangzhou production/ }).click();
  await expect(planItems(page)).toHaveCount(2);
  await plans.getByRole('button', { name: /^Open .*\(copy\)/ }).click();
  await expect(plans).toBeHidden();
  await expect(page.locator('.cc-plan-name')).toHaveText(/\(copy\)$/);

  await page.getByRole('button', { name: 'Versions' }).click();
  dialog = versionsDialog(page);
  const items = dialog.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('without batch');
  await expect(items.first()).toContainText(/1 removed/);
  await expect(items.nth(1)).toContainText('as drawn');
  // The copy's versions are its own: restoring one changes the copy, not the original.
  await dialog.getByRole('button', { name: 'Restore as drawn' }).click();
  await expect(d.node('cls-batch')).toBeVisible();
  const again = await openPlans(page);
  await again.getByRole('button', { name: /^Open Guangzhou production(?! .*copy)/ }).click();
  await expect(page.locator('.cc-plan-name')).not.toHaveText(/\(copy\)$/);
  await expect(d.node('cls-prod')).toBeVisible();
  await expect(d.node('cls-batch')).toHaveCount(0);
  await page.getByRole('button', { name: 'Versions' }).click();
  await expect(versionsDialog(page).getByRole('listitem')).toHaveCount(2);
});

test('a large plan read back at start: the page says which plan it reads until the designer is drawn', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await page.getByLabel('Open plan').setInputFiles({
    name: 'grid-10k.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(gridPlan(10_000))),
  });
  await expect(page.getByText('Opened grid-10k.json')).toBeVisible({ timeout: 60_000 });
  await expect
    .poll(async () => (await savedPlan(page)).clusters.length, { timeout: 30_000 })
    .toBeGreaterThan(500);
  // Every message the page shows while it starts, recorded in the page (it is gone in a second).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __boot: string[] }).__boot = seen;
    new MutationObserver(() => {
      const el = document.querySelector('#root > [role="status"]');
      const t = el?.textContent;
      if (t && seen[seen.length - 1] !== t) seen.push(t);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.reload();
  await expect(page.locator('.cc-plan-name')).toHaveText('10000 objects', { timeout: 60_000 });
  const seen = await page.evaluate(() => (window as unknown as { __boot: string[] }).__boot);
  expect(seen).toEqual([
    expect.stringMatching(/^Reading “10000 objects” \([\d,]+ objects\)…$/),
    expect.stringMatching(/^Opening “10000 objects” \([\d,]+ objects\)…$/),
  ]);
  // The designer replaced it.
  await expect(page.locator('#root > [role="status"]')).toHaveCount(0);
});

test('without IndexedDB (a private window) a banner says plans cannot be saved; editing and export still work', async ({
  page,
}) => {
  await page.addInitScript(() => {
    // @ts-expect-error: as a private window without IndexedDB
    delete window.indexedDB;
  });
  const d = new Designer(page);
  await d.open();
  const banner = page
    .getByRole('alert')
    .filter({ hasText: 'Plans cannot be saved in this browser' });
  await expect(banner).toBeVisible();
  await setNodeCount(d, '42');
  await expect(d.inspector.getByLabel('Node count')).toHaveValue('42');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('menuitem', { name: /Plan \(JSON\)/ }).click();
    })(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  await page.getByRole('button', { name: 'Plans', exact: true }).click();
  await expect(plansDialog(page).getByRole('alert')).toContainText('cannot be saved');
  expect(await violations(page), 'private-mode banner and Plans dialog').toEqual([]);
});

test('storage full: a clear message, the plan in memory untouched, and the save retried until it lands', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await page.evaluate(() => (window as unknown as Win).cidrCanvas.library.setWriteFault('quota'));
  await setNodeCount(d, '77');
  const banner = page.getByRole('alert', { name: 'Not saved' });
  await expect(banner).toContainText('storage is full');
  await expect(d.inspector.getByLabel('Node count')).toHaveValue('77');
  // Still failing: the plan keeps changing in memory.
  await setNodeCount(d, '78');
  await expect(d.inspector.getByLabel('Node count')).toHaveValue('78');
  // Opening another plan now would drop the unsaved one: it is refused, and says why.
  const dialog = await openPlans(page);
  await dialog.getByRole('button', { name: 'New plan' }).click();
  await expect(page.getByText(/the open plan is not saved/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(d.inspector.getByLabel('Node count')).toHaveValue('78');
  // Room again: the retry writes it without another edit.
  await page.evaluate(() => (window as unknown as Win).cidrCanvas.library.setWriteFault(null));
  await expect(banner).toBeHidden({ timeout: 15_000 });
  const saved = await savedPlan(page);
  expect(JSON.stringify(saved)).toContain('"nodeCount":78');
  await page.reload();
  await d.node('cls-prod').click();
  await expect(d.inspector.getByLabel('Node count')).toHaveValue('78');
});

test('two tabs on one plan: the second is read-only and says why, take over saves the first tab’s edits first', async ({
  context,
}) => {
  const first = await context.newPage();
  const d1 = new Designer(first);
  await d1.open();
  await setNodeCount(d1, '55');

  const second = await context.newPage();
  const d2 = new Designer(second);
  await second.goto('/');
  await expect(d2.node('cls-prod')).toBeVisible();
  const banner = second.getByRole('alert', { name: 'Open in another tab' });
  await expect(banner).toContainText('open in another tab');
  await expect(second.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await d2.node('cls-prod').click();
  await expect(d2.inspector.getByLabel('Node count')).toHaveValue('55');
  await expect(d2.inspector.getByLabel('Node count')).toBeDisabled();
  await banner.getByRole('button', { name: 'Keep read-only' }).click();
  await expect(second.getByRole('status', { name: 'Read-only here' })).toBeVisible();

  // The first tab types on; the read-only one follows what it saves.
  await setNodeCount(d1, '56');
  await expect(d2.inspector.getByLabel('Node count')).toHaveValue('56');

  // An edit not yet written when the second tab takes over is saved first, not lost.
  await d1.node('cls-prod').click();
  await d1.inspector.getByLabel('Node count').fill('57');
  await second
    .getByRole('status', { name: 'Read-only here' })
    .getByRole('button', { name: 'Take over' })
    .click();
  await expect(first.getByRole('alert', { name: 'Open in another tab' })).toContainText(
    'Another tab took this plan over',
  );
  await d2.node('cls-prod').click();
  await expect(d2.inspector.getByLabel('Node count')).toHaveValue('57');
  await expect(d2.inspector.getByLabel('Node count')).toBeEnabled();
  await setNodeCount(d2, '58');
  await expect
    .poll(async () => JSON.stringify(await savedPlan(second)))
    .toContain('"nodeCount":58');
});
