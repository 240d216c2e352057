// The command bar as a person uses it, for the search specs.
import { expect, type Locator, type Page } from '@playwright/test';
import { Designer } from './designer';
import { gridPlan } from './plans';

export function bar(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Find an object' });
  return {
    dialog,
    input: dialog.getByRole('combobox', { name: /Find by name/ }),
    options: dialog.getByRole('option'),
    active: dialog.locator('[role="option"][aria-selected="true"]'),
  };
}

/** Whether the node's box lies inside the canvas's visible area. */
export async function expectInView(page: Page, node: Locator, timeout?: number): Promise<void> {
  await expect(node).toBeVisible({ timeout });
  await expect
    .poll(
      async () => {
        const pane = await page.locator('.react-flow').boundingBox();
        const box = await node.boundingBox();
        if (!pane || !box) return false;
        return (
          box.x >= pane.x &&
          box.y >= pane.y &&
          box.x + box.width <= pane.x + pane.width &&
          box.y + box.height <= pane.y + pane.height
        );
      },
      { timeout },
    )
    .toBe(true);
}

export async function openPlan(
  page: Page,
  name: string,
  plan: unknown,
  timeout = 10_000,
): Promise<void> {
  await page.getByLabel('Open plan').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(plan)),
  });
  await expect(page.locator('.cc-toast--success')).toContainText(`Opened ${name}`, { timeout });
}

/**
 * Types `text` into the bar in the page, one character per input event, and returns the time from
 * each event to the next animation frame: the search and the render of its results.
 */
export async function typingLatency(page: Page, text: string): Promise<number[]> {
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('[role="combobox"]')!;
    // React tracks the value it set: the native setter makes the change one it sees.
    const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    const out: number[] = [];
    for (let n = 1; n <= text.length; n++) {
      await new Promise((r) => setTimeout(r, 30));
      const t0 = performance.now();
      descriptor.set!.call(input, text.slice(0, n));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
      out.push(performance.now() - t0);
    }
    return out;
  }, text);
}

/**
 * The designer with the 20,000-object grid plan (`gridPlan`) opened and validated: the number of
 * its last VPC, and an address (.77) inside subnet sn-0-3, far from where the canvas opens.
 */
export async function openGrid20k(
  page: Page,
): Promise<{ d: Designer; plan: Record<string, unknown>; last: number; address: string }> {
  const d = new Designer(page);
  await d.open();
  const plan = gridPlan(20_000);
  await openPlan(page, 'grid-20k.json', plan);
  await d.waitValidated();
  const last = (plan.vpcs as unknown[]).length - 1;
  const address = `${(plan.subnets as { id: string; cidr: string }[])
    .find((s) => s.id === 'sn-0-3')!
    .cidr.replace(/\.0\/24$/, '')}.77`;
  return { d, plan, last, address };
}
