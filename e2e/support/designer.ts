// A page object for the designer: the steps a person takes, named as they would say them.
import { expect, type Locator, type Page } from '@playwright/test';

export class Designer {
  constructor(readonly page: Page) {}

  /** Opens the designer with nothing saved (first run: the sample plan). */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.node('internet')).toBeVisible();
    await expect(this.page.locator('.cc-status')).toHaveAttribute('data-state', 'idle');
  }

  /** Open plan, with a file holding `plan` as JSON, as a person picks one. */
  async openPlanFile(name: string, plan: unknown): Promise<void> {
    await this.page.getByLabel('Open plan').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(plan)),
    });
  }

  /** New → Empty plan. */
  async newPlan(): Promise<void> {
    await this.page.getByRole('button', { name: 'New' }).click();
    await this.page
      .getByRole('dialog', { name: 'New plan' })
      .getByRole('button', { name: /Empty plan/ })
      .click();
    await expect(this.page.locator('.react-flow__node[data-kind="vpc"]')).toHaveCount(0);
  }

  node(id: string): Locator {
    // A CSS string is quoted and escaped like a JSON one: ids with quotes still select.
    return this.page.locator(`.react-flow__node[data-id=${JSON.stringify(id)}]`);
  }

  nodesOfKind(kind: string): Locator {
    return this.page.locator(`.react-flow__node[data-kind="${kind}"]`);
  }

  paletteItem(label: string): Locator {
    return this.page
      .getByRole('navigation', { name: 'Palette' })
      .getByRole('button', { name: label, exact: true });
  }

  get pane(): Locator {
    return this.page.locator('.react-flow__pane');
  }

  get problems(): Locator {
    return this.page.getByRole('region', { name: 'Problems' });
  }

  get inspector(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }

  /** Drags a palette item onto `target`, at a point given as fractions of its width and height. */
  async drop(label: string, target: Locator, at: { fx: number; fy: number }): Promise<void> {
    const box = await target.boundingBox();
    if (!box) throw new Error('drop target is not visible');
    await this.paletteItem(label).dragTo(target, {
      targetPosition: { x: box.width * at.fx, y: box.height * at.fy },
    });
  }

  /** Ids of the plan's objects of one kind, read from the canvas. */
  async idsOf(kind: string): Promise<string[]> {
    return this.nodesOfKind(kind).evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-id') ?? ''),
    );
  }

  async waitValidated(): Promise<void> {
    await expect(this.page.locator('.cc-status')).toHaveAttribute('data-state', 'idle');
  }

  pathEdge(from: string, to: string): Locator {
    return this.page.locator(
      `.react-flow__edge[data-from=${JSON.stringify(from)}][data-to=${JSON.stringify(to)}]`,
    );
  }
}
