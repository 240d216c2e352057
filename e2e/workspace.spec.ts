// Two people on one workspace plan, each in their own browser, against the real workspace server
// (`npm run serve`, its database in a temporary folder): live edits, presence, Follow, undo of
// one's own changes, offline edits merged after a server restart, read-only links, a hostile
// client, and the way in from the address the server prints.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Map as YMap } from 'yjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sample from '../src/app/templates/sample.plan.json' with { type: 'json' };
import {
  api,
  connect,
  createPlan,
  startServer,
  TOKEN,
  type ServerProcess,
} from '../src/test-support/workspace';

test.describe.configure({ mode: 'serial' });

let data: string;
let server: ServerProcess;

test.beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), 'cc-e2e-workspace-'));
  server = await startServer(data);
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(data, { recursive: true, force: true });
});

async function person(browser: Browser, name: string, url: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript((n) => localStorage.setItem('cidr-canvas.author', n), name);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('status', { name: 'Workspace connection' })).toHaveText(/Live/);
  await expect(page.locator('.react-flow__node[data-id="sn-nodes"]')).toBeVisible();
  return page;
}

const planLink = (id: string, token = TOKEN) => `${server.url}/p/${id}#token=${token}`;
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

/** Milliseconds since the epoch when the page's plan first satisfies `check` (polled per change). */
function whenPlan(page: Page, subnet: string, name: string): Promise<number> {
  return page.evaluate(
    ([id, want]) =>
      new Promise<number>((resolve) => {
        const store = (
          window as unknown as {
            cidrCanvas: {
              store: {
                getState(): { plan: { subnets: { id: string; name: string }[] } };
                subscribe(f: () => void): () => void;
              };
            };
          }
        ).cidrCanvas.store;
        const seen = () => store.getState().plan.subnets.find((s) => s.id === id)?.name === want;
        if (seen()) return resolve(Date.now());
        const stop = store.subscribe(() => {
          if (seen()) {
            stop();
            resolve(Date.now());
          }
        });
      }),
    [subnet, name] as const,
  );
}

/** How many updates of the plan this browser holds in IndexedDB (y-indexeddb's store). */
function storedUpdates(page: Page, planId: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
        };
        open.onerror = () => resolve(-1);
      }),
    `cidr-canvas-live:${planId}`,
  );
}

async function rename(page: Page, id: string, name: string): Promise<void> {
  // On the head: the middle of a subnet may hold a resource.
  await node(page, id).click({ position: { x: 30, y: 10 } });
  const field = inspector(page).getByLabel('Name', { exact: true });
  await field.fill(name);
  await field.press('Tab');
}

test('two people edit one plan live: edits, presence, cursors, selections, undo of their own only', async ({
  browser,
}) => {
  const id = await createPlan(server.url, sample);
  const ana = await person(browser, 'Ana', planLink(id));
  const ben = await person(browser, 'Ben', planLink(id));

  // Who is here, on both screens.
  await expect(ana.getByRole('button', { name: 'Follow Ben' })).toBeVisible();
  await expect(ben.getByRole('button', { name: 'Follow Ana' })).toBeVisible();
  // Each wears their own colour, and the same one on both screens.
  const colour = (page: Page, name: RegExp) =>
    page.getByRole('button', { name }).evaluate((b) => getComputedStyle(b).backgroundColor);
  await expect
    .poll(async () => [await colour(ana, /^You, Ana/), await colour(ben, /^Follow Ana/)])
    .toEqual([await colour(ben, /^Follow Ana/), await colour(ana, /^You, Ana/)]);
  await expect
    .poll(async () => (await colour(ana, /^You, Ana/)) !== (await colour(ana, /^Follow Ben/)))
    .toBe(true);
  expect(await colour(ben, /^You, Ben/)).toBe(await colour(ana, /^Follow Ben/));

  // Ana renames a subnet; Ben's canvas shows it. Timed from Ana's store to Ben's.
  const seenByBen = whenPlan(ben, 'sn-nodes', 'nodes-gz3-a');
  const doneByAna = whenPlan(ana, 'sn-nodes', 'nodes-gz3-a');
  await rename(ana, 'sn-nodes', 'nodes-gz3-a');
  const propagation = (await seenByBen) - (await doneByAna);
  test.info().annotations.push({ type: 'propagation', description: `${propagation} ms` });
  console.warn(`edit propagation Ana -> Ben: ${propagation} ms`);
  expect(propagation).toBeLessThan(1000);
  await expect(node(ben, 'sn-nodes')).toContainText('nodes-gz3-a');

  // Ana's pointer and selection show on Ben's canvas, in her colour, with her name.
  const box = (await ana.locator('.react-flow__pane').boundingBox())!;
  await ana.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  await ana.mouse.move(box.x + box.width * 0.62, box.y + box.height * 0.52);
  await expect(ben.locator('.cc-peer-cursor[data-peer="Ana"]')).toBeVisible();
  await expect(ben.locator('.cc-peer-cursor[data-peer="Ana"]')).toContainText('Ana');
  await expect(
    ben.locator('.cc-peer-selection[data-peer="Ana"][data-object="sn-nodes"]'),
  ).toBeVisible();

  // Ben renames another subnet; Ana's undo takes back only her own rename.
  await rename(ben, 'sn-data', 'data-b');
  await expect(node(ana, 'sn-data')).toContainText('data-b');
  await ana.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await ana.keyboard.press('Control+z');
  for (const page of [ana, ben]) {
    await expect(node(page, 'sn-nodes')).toContainText('nodes-gz3');
    await expect(node(page, 'sn-nodes')).not.toContainText('nodes-gz3-a');
    await expect(node(page, 'sn-data')).toContainText('data-b');
  }

  // Ana renames the data subnet after Ben did, Ben renames it once more: Ana's undo leaves
  // Ben's name, which came after hers, and says so.
  await rename(ana, 'sn-data', 'data-a');
  await expect(node(ben, 'sn-data')).toContainText('data-a');
  await rename(ben, 'sn-data', 'data-b2');
  await expect(node(ana, 'sn-data')).toContainText('data-b2');
  await ana.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await ana.keyboard.press('Control+z');
  await expect(ana.getByText('someone else has changed it since')).toBeVisible();
  for (const page of [ana, ben]) await expect(node(page, 'sn-data')).toContainText('data-b2');

  // What the server holds is what both screens show.
  const held = (await (await api(server.url, `/api/plans/${id}`)).json()) as {
    subnets: { id: string; name: string }[];
  };
  expect(held.subnets.find((s) => s.id === 'sn-data')?.name).toBe('data-b2');
  expect(held.subnets.find((s) => s.id === 'sn-nodes')?.name).toBe('nodes-gz3');

  await ana.screenshot({ path: test.info().outputPath('ana.png') });
  await ben.screenshot({ path: test.info().outputPath('ben.png') });
  const axe = await new AxeBuilder({ page: ben }).include('.cc-presence').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  await ana.context().close();
  await ben.context().close();
});

test('Follow: the view goes where the presenter goes, and review mode steps with them', async ({
  browser,
}) => {
  const id = await createPlan(server.url, sample);
  const ana = await person(browser, 'Ana', planLink(id));
  const ben = await person(browser, 'Ben', planLink(id));

  await ben.getByRole('button', { name: 'Follow Ana' }).click();
  await expect(ben.getByRole('button', { name: 'Following Ana', exact: true })).toBeVisible();

  // Ana zooms in on one subnet: Ben's view goes there too.
  await node(ana, 'sn-data').dblclick();
  await ana.getByRole('button', { name: 'Zoom In' }).click();
  await ana.getByRole('button', { name: 'Zoom In' }).click();
  const centre = async (page: Page) => {
    const b = (await node(page, 'sn-data').boundingBox())!;
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    return {
      x: (b.x + b.width / 2 - pane.x) / pane.width,
      y: (b.y + b.height / 2 - pane.y) / pane.height,
      w: b.width,
    };
  };
  await expect
    .poll(async () => {
      const a = await centre(ana);
      const b = await centre(ben);
      return (
        Math.abs(a.x - b.x) < 0.08 && Math.abs(a.y - b.y) < 0.08 && Math.abs(a.w - b.w) / a.w < 0.2
      );
    })
    .toBe(true);

  // Ana presents: Ben's screen walks the same steps.
  await ana.getByRole('button', { name: 'Review' }).click();
  await expect(ben.locator('.cc-app--review')).toBeVisible();
  await ana.keyboard.press('ArrowRight');
  await ana.keyboard.press('ArrowRight');
  const stepOf = (page: Page) =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            cidrCanvas: { store: { getState(): { review: { step: number } | null } } };
          }
        ).cidrCanvas.store.getState().review?.step ?? null,
    );
  await expect.poll(() => stepOf(ana)).toBe(2);
  await expect.poll(() => stepOf(ben)).toBe(2);
  await ben.screenshot({ path: test.info().outputPath('ben-following.png') });

  // Ben takes his own view back by panning; Follow ends.
  await ana.keyboard.press('Escape');
  await expect(ben.locator('.cc-app--review')).toHaveCount(0);
  const pane = (await ben.locator('.react-flow__pane').boundingBox())!;
  await ben.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await ben.mouse.wheel(0, 200);
  await expect(ben.getByRole('button', { name: 'Follow Ana' })).toBeVisible();
  await ana.context().close();
  await ben.context().close();
});

test('many people on a plan: a few avatars, the rest behind +N, and the plan name stays whole', async ({
  browser,
}) => {
  const id = await createPlan(server.url, sample);
  const names = ['Bea', 'Cai', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo'];
  const others = await Promise.all(names.map(() => connect(server.url, id)));
  others.forEach((c, i) =>
    c.provider.awareness!.setLocalState({
      user: { name: names[i], color: '#0ea5e9' },
      cursor: null,
      selection: [],
      view: null,
      reviewStep: null,
    }),
  );
  const ana = await person(browser, 'Ana', planLink(id));
  const people = ana.getByRole('group', { name: 'People on this plan' });
  const more = people.getByRole('button', { name: '5 more people on this plan' });
  await expect(more).toHaveText('+5');
  await expect(people.getByRole('button', { name: /^Follow / })).toHaveCount(3);

  // Nothing in the toolbar is pushed out or cut: the plan's name is whole.
  const whole = () => {
    const bar = document.querySelector('.cc-toolbar')!;
    const name = document.querySelector('.cc-plan-name')!;
    return {
      bar: bar.scrollWidth <= bar.clientWidth,
      name: name.scrollWidth <= name.clientWidth,
      text: name.textContent,
    };
  };
  expect(await ana.evaluate(whole)).toEqual({
    bar: true,
    name: true,
    text: 'Guangzhou production',
  });

  // The rest by name; following one of them puts their avatar in the toolbar.
  await more.click();
  const list = ana.getByRole('menu', { name: 'More people on this plan' });
  await expect(list.getByRole('menuitem')).toHaveText([/Eli/, /Fay/, /Gus/, /Hana/, /Ivo/]);
  const axe = await new AxeBuilder({ page: ana }).include('.cc-people').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  );
  await list.getByRole('menuitem', { name: /Hana/ }).click();
  await expect(list).toBeHidden();
  await expect(people.getByRole('button', { name: 'Stop following Hana' })).toBeVisible();
  await expect(people.getByRole('button', { name: 'Following Hana', exact: true })).toBeVisible();
  expect(await ana.evaluate(whole)).toEqual({
    bar: true,
    name: true,
    text: 'Guangzhou production',
  });
  await ana.screenshot({ path: test.info().outputPath('many-people.png') });

  // People leave: the avatars come back one by one.
  for (const c of others.slice(0, 5)) c.destroy();
  await expect(people.getByRole('button', { name: /more people/ })).toHaveCount(0);
  await expect(people.getByRole('button', { name: /^Follow |^Stop following / })).toHaveCount(3);
  for (const c of others.slice(5)) c.destroy();
  await ana.context().close();
});

test('edits made while the server is down are kept and merge when it is back; nothing acknowledged is lost', async ({
  browser,
}) => {
  const id = await createPlan(server.url, sample);
  const ana = await person(browser, 'Ana', planLink(id));
  const ben = await person(browser, 'Ben', planLink(id));
  await rename(ana, 'sn-shared', 'shared-before-crash');
  await expect(node(ben, 'sn-shared')).toContainText('shared-before-crash');
  await expect(ana.getByRole('status', { name: 'Workspace connection' })).toHaveText('Live');

  const port = new URL(server.url).port;
  await server.kill();
  await expect(ana.getByRole('status', { name: 'Workspace connection' })).toHaveText(/Offline/);
  await rename(ana, 'sn-batch', 'batch-offline');
  await expect(ana.getByRole('status', { name: 'Workspace connection' })).toHaveText(
    /Offline: \d+ edits? kept here/,
  );
  await expect(node(ben, 'sn-batch')).not.toContainText('batch-offline');

  // One more edit offline, then the tab is closed: the browser keeps it (IndexedDB).
  const stored = () => storedUpdates(ana, id);
  const before = await stored();
  await rename(ana, 'sn-data', 'data-tab-closed');
  await expect.poll(stored).toBeGreaterThan(before);
  const context = ana.context();
  await ana.close();

  server = await startServer(data, ['--port', port]);
  await expect(ben.getByRole('status', { name: 'Workspace connection' })).toHaveText('Live', {
    timeout: 30_000,
  });
  const again = await context.newPage();
  await again.goto(planLink(id));
  for (const page of [again, ben]) {
    await expect(page.getByRole('status', { name: 'Workspace connection' })).toHaveText('Live', {
      timeout: 30_000,
    });
    await expect(node(page, 'sn-batch')).toContainText('batch-offline', { timeout: 30_000 });
    await expect(node(page, 'sn-data')).toContainText('data-tab-closed', { timeout: 30_000 });
    await expect(node(page, 'sn-shared')).toContainText('shared-before-crash');
  }
  await context.close();
  await ben.context().close();
});

test('a read-only link shows the plan, comments and all, live; a hostile client cannot break it, and a shared version restores it', async ({
  browser,
}) => {
  const id = await createPlan(server.url, sample);
  const links = (await (await api(server.url, `/api/plans/${id}/links`)).json()) as {
    readOnly: string;
  };
  const ana = await person(browser, 'Ana', planLink(id));
  const viewer = await person(browser, 'Chen', `${server.url}${links.readOnly}`);
  await expect(viewer.getByRole('status', { name: 'Workspace connection' })).toHaveText(
    'Live, read-only',
  );
  await node(viewer, 'sn-nodes').click({ position: { x: 30, y: 10 } });
  await expect(inspector(viewer).getByLabel('Name', { exact: true })).toBeDisabled();

  // Ana comments on a cluster: the viewer sees it come in.
  await node(ana, 'cls-prod').click({ position: { x: 30, y: 10 } });
  await inspector(ana).getByLabel('Add a comment').fill('Room for 500 nodes?');
  await inspector(ana).getByLabel('Add a comment').press('Control+Enter');
  await expect(node(viewer, 'cls-prod').getByTestId('comment-badge')).toHaveText('1');

  // Ana saves a version; everyone on the plan has it.
  await ana.getByRole('button', { name: 'Versions' }).click();
  const versions = ana.getByRole('dialog', { name: 'Versions' });
  await versions.getByLabel('Version name').fill('Reviewed');
  await versions.getByRole('button', { name: 'Save version' }).click();
  await expect(versions.getByRole('list', { name: 'Saved versions' })).toContainText('Reviewed');
  await versions.getByRole('button', { name: 'Close' }).click();

  // Someone's client writes what is no CIDR into a subnet, straight into the shared document.
  const hostile = await connect(server.url, id);
  hostile.doc.transact(() => {
    hostile.doc.getMap<YMap<unknown>>('subnets').get('sn-data')!.set('cidr', 'x/99');
  });
  await hostile.acknowledged();
  for (const page of [ana, viewer]) {
    const banner = page.getByRole('alert').filter({ hasText: 'cannot be read' });
    await expect(banner).toContainText('sn-data');
    await expect(node(page, 'sn-data')).toHaveCount(0);
    await expect(node(page, 'sn-nodes')).toBeVisible();
  }
  // The server still serves the plan, with the bad part left out rather than failing.
  expect((await api(server.url, `/api/plans/${id}`)).status).toBe(200);
  hostile.destroy();

  // Ana restores the version: the plan is whole again for everyone.
  await ana.getByRole('button', { name: 'Versions' }).click();
  await ana
    .getByRole('dialog', { name: 'Versions' })
    .getByRole('button', { name: 'Restore Reviewed' })
    .click();
  for (const page of [ana, viewer]) {
    await expect(node(page, 'sn-data')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'cannot be read' })).toHaveCount(0);
    await expect(node(page, 'cls-prod').getByTestId('comment-badge')).toHaveText('1');
  }
  await ana.context().close();
  await viewer.context().close();
});

test('the address the server prints lists the workspace; the plan on screen goes into it', async ({
  page,
}) => {
  await page.goto(`${server.url}/#token=${TOKEN}`);
  const dialog = page.getByRole('dialog', { name: 'Workspace' });
  await expect(dialog.getByRole('list', { name: 'Workspace plans' })).toBeVisible();
  expect(page.url()).not.toContain('token');
  const axe = await new AxeBuilder({ page }).include('.cc-workspace-dialog').analyze();
  expect(axe.violations).toEqual([]);
  await dialog.getByRole('button', { name: 'Put this plan in the workspace' }).click();
  await expect(page).toHaveURL(/\/p\/[A-Za-z0-9_-]+#token=/);
  await expect(page.getByRole('status', { name: 'Workspace connection' })).toHaveText('Live');
  await expect(page.locator('.react-flow__node[data-id="sn-nodes"]')).toBeVisible();
  // The same plan is listed by the API, under the sample's name.
  const list = (await (await api(server.url, '/api/plans')).json()) as { name: string }[];
  expect(list.some((p) => p.name === 'Guangzhou production')).toBe(true);
});
