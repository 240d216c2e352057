// Comments as a reviewer uses them: on a cluster, answered, counted on the canvas, resolved,
// undone, kept across a reload, and read (not written) in a shared view.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { Designer } from './support/designer';

async function seriousViolations(page: Page, include: string): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include(include).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${n.failureSummary}`));
}

test('comment on a cluster, reply, badge count, resolve, undo, reload, and read it in a share link', async ({
  page,
  context,
}) => {
  const d = new Designer(page);
  await d.open();
  const cluster = d.node('cls-prod');
  const badge = cluster.getByTestId('comment-badge');
  const panel = page.getByRole('region', { name: 'Comments', exact: true });
  await expect(badge).toHaveCount(0);

  await cluster.click();
  await d.inspector.getByLabel('Add a comment').fill('Why /16 and not /17?');
  await d.inspector.getByRole('button', { name: 'Comment', exact: true }).click();

  // The first comment asks for a name; it is remembered after that.
  const who = page.getByRole('dialog', { name: 'Your name' });
  await expect(who.getByLabel('Name')).toBeFocused();
  await who.getByLabel('Name').fill('Li Wei');
  await who.getByRole('button', { name: 'Save and comment' }).click();
  await expect(who).toHaveCount(0);
  const first = d.inspector
    .getByRole('article', { name: 'Comment by Li Wei' })
    .filter({ hasText: 'Why /16 and not /17?' });
  await expect(first).toContainText('Why /16 and not /17?');
  await expect(d.inspector.getByLabel('Add a comment')).toHaveValue('');
  await expect(badge).toHaveText('1');
  await expect(badge).toHaveAttribute('aria-label', '1 open comment');

  await first.getByLabel('Reply to Li Wei').fill('Room for 500 nodes');
  await first.getByRole('button', { name: 'Reply' }).click();
  await expect(first.getByRole('list', { name: 'Replies' })).toContainText('Room for 500 nodes');
  await expect(who).toHaveCount(0);

  await d.inspector.getByLabel('Add a comment').fill('Is the NAT sized for this?');
  await d.inspector.getByLabel('Add a comment').press('Control+Enter');
  await expect(who).toHaveCount(0);
  await expect(badge).toHaveText('2');
  // The panel is folded to a strip that carries the open count; unfolding is remembered.
  await expect(page.getByRole('button', { name: 'Show comments (2 open)' })).toBeVisible();
  await expect(panel).toHaveCount(0);
  await page.getByRole('button', { name: 'Show comments (2 open)' }).click();
  await expect(panel.getByRole('button', { name: '2 open' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'prod-tke' })).toBeVisible();

  // Resolving drops the count; undo brings it back.
  await first.getByRole('button', { name: 'Resolve' }).click();
  await expect(badge).toHaveText('1');
  await expect(panel.getByRole('button', { name: '1 open' })).toBeVisible();
  await expect(panel.getByRole('button', { name: '1 resolved' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(badge).toHaveText('2');
  await expect(panel.getByRole('button', { name: '2 open' })).toBeVisible();

  // Autosave keeps the thread across a reload.
  await expect
    .poll(() =>
      page.evaluate(() =>
        (
          window as unknown as {
            cidrCanvas: { library: { savedPlanText(): Promise<string | null> } };
          }
        ).cidrCanvas.library.savedPlanText(),
      ),
    )
    .toContain('Is the NAT sized for this?');
  await page.reload();
  await expect(badge).toHaveText('2');
  await panel.getByRole('button', { name: /Why \/16 and not \/17\?/ }).click();
  await expect(d.inspector.getByRole('heading', { name: 'prod-tke' })).toBeVisible();
  await expect(d.inspector.getByRole('list', { name: 'Replies' })).toContainText(
    'Room for 500 nodes',
  );

  // A share link carries the comments; the shared view shows them and offers no writing.
  await page.getByRole('button', { name: 'Share' }).click();
  const url = await page
    .getByRole('dialog', { name: 'Share link' })
    .getByLabel('Link')
    .inputValue();
  const other = await context.newPage();
  await other.goto(url);
  const d2 = new Designer(other);
  await expect(other.getByRole('status', { name: 'Shared plan' })).toContainText('read-only');
  await expect(d2.node('cls-prod').getByTestId('comment-badge')).toHaveText('2');
  const panel2 = other.getByRole('region', { name: 'Comments', exact: true });
  // Unfolded, as this browser left it.
  await expect(other.getByRole('button', { name: 'Hide comments (2 open)' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await panel2.getByRole('button', { name: /Is the NAT sized for this\?/ }).click();
  const thread = d2.inspector.getByRole('article', { name: 'Comment by Li Wei' }).first();
  await expect(thread).toContainText('Why /16 and not /17?');
  await expect(thread).toContainText('Room for 500 nodes');
  await expect(
    d2.inspector.getByRole('button', { name: /Reply|Resolve|Delete comment/ }),
  ).toHaveCount(0);
  await expect(d2.inspector.getByLabel('Add a comment')).toHaveCount(0);
  await expect(panel2.getByLabel('Comment on the plan')).toHaveCount(0);
});

test('a plan comment from the panel, and review mode walks the open comments after the findings', async ({
  page,
}) => {
  const d = new Designer(page);
  await d.open();
  await page.evaluate(() => localStorage.setItem('cidr-canvas.author', 'Ana'));
  const panel = page.getByRole('region', { name: 'Comments', exact: true });
  await page.getByRole('button', { name: 'Show comments (0 open)' }).click();
  await panel.getByLabel('Comment on the plan').fill('Agree on the region before Friday');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Your name' })).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'The plan' })).toBeVisible();
  await expect(panel.getByRole('article', { name: 'Comment by Ana' })).toContainText(
    'Agree on the region before Friday',
  );

  await page.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('dialog', { name: 'Review' });
  await expect(review).toContainText('Step 1 of');
  await page.keyboard.press('End');
  for (let i = 0; i < 200; i++) {
    if ((await review.textContent())?.includes('Comment 1 of 1')) break;
    await page.keyboard.press('ArrowLeft');
  }
  await expect(review).toContainText('Comment 1 of 1 · on the plan · Ana');
  await expect(review).toContainText('Agree on the region before Friday');
  await page.keyboard.press('ArrowRight');
  await expect(review).toContainText('Path 1 of');
});

test('the Comments panel and the author dialog pass axe', async ({ page }) => {
  const d = new Designer(page);
  await d.open();
  await d.node('cls-prod').click();
  await d.inspector.getByLabel('Add a comment').fill('Why /16?');
  await d.inspector.getByRole('button', { name: 'Comment', exact: true }).click();
  const who = page.getByRole('dialog', { name: 'Your name' });
  await expect(who).toBeVisible();
  expect(await seriousViolations(page, '.cc-author-dialog'), 'author dialog').toEqual([]);
  await who.getByLabel('Name').press('Escape');
  await expect(who).toHaveCount(0);
  // Cancelled: nothing was written, the text is still there to send.
  await expect(d.inspector.getByLabel('Add a comment')).toHaveValue('Why /16?');
  await expect(d.node('cls-prod').getByTestId('comment-badge')).toHaveCount(0);
  await d.inspector.getByRole('button', { name: 'Comment', exact: true }).click();
  await who.getByLabel('Name').fill('Li Wei');
  await who.getByLabel('Name').press('Enter');
  await expect(d.node('cls-prod').getByTestId('comment-badge')).toHaveText('1');
  const panel = page.getByRole('region', { name: 'Comments', exact: true });
  await page.getByRole('button', { name: 'Show comments (1 open)' }).click();
  await expect(panel.getByRole('button', { name: /Why \/16\?/ })).toBeVisible();
  expect(await seriousViolations(page, '.cc-comments'), 'Comments panel').toEqual([]);
  expect(await seriousViolations(page, '.cc-object-comments'), 'comments in the inspector').toEqual(
    [],
  );
});
