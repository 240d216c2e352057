// Opening through the staged path (in-process here: Node has no Web Workers): the plan in the
// store changes only when the new one is ready, and Cancel or a bad file leaves it as it was.
import { beforeEach, describe, expect, it } from 'vitest';
import { serializePlan } from '../io/serialize';
import { useAppStore } from '../store/app-store';
import { basePlan, vpc } from '../test-support/builders';
import { cancelOpen, openPlanText } from './open-plan';
import { useOpenProgress } from './open/progress';

const other = () => serializePlan({ ...basePlan(), name: 'other plan' });

beforeEach(() => {
  useAppStore
    .getState()
    .openPlan(basePlan({ vpcs: [vpc('vpc-a', '10.0.0.0/16', { name: 'old' })] }), {
      kind: 'file',
      name: 'old.json',
    });
  useAppStore.setState({ toasts: [] });
});

const lastToast = () => useAppStore.getState().toasts.at(-1);

// ELK lays the plans out in-process here: slow on a shared machine.
describe('opening a plan file', { timeout: 60_000 }, () => {
  it('swaps the plan in when it is ready, with its findings, as one undo step', async () => {
    const before = useAppStore.getState();
    const opening = openPlanText(other(), { kind: 'file', name: 'other.json' });
    // Until then the old plan stays and the progress says where it is.
    expect(useAppStore.getState().plan).toBe(before.plan);
    expect(useOpenProgress.getState().task?.name).toBe('other.json');
    expect(await opening).toBe(true);
    const s = useAppStore.getState();
    expect(s.plan.name).toBe('other plan');
    expect(s.plan.layout?.['cls-1']).toBeDefined();
    expect(s.planSource).toEqual({ kind: 'file', name: 'other.json' });
    expect(s.analysis?.revision).toBe(s.revision);
    expect(s.analysis?.capacity.map((c) => c.cluster)).toEqual(['cls-1']);
    expect(lastToast()).toMatchObject({ kind: 'success', message: 'Opened other.json' });
    expect(useOpenProgress.getState().task).toBeNull();
    s.undo();
    expect(useAppStore.getState().plan).toBe(before.plan);
  });

  it('Cancel leaves the plan, its revision and its history exactly as they were', async () => {
    const before = useAppStore.getState();
    const opening = openPlanText(other(), { kind: 'file', name: 'other.json' });
    cancelOpen();
    expect(await opening).toBe(false);
    // Nothing arrives later from the cancelled opening.
    await new Promise((r) => setTimeout(r, 50));
    const s = useAppStore.getState();
    expect(s.plan).toBe(before.plan);
    expect(s.revision).toBe(before.revision);
    expect(s.history).toBe(before.history);
    expect(useOpenProgress.getState().task).toBeNull();
    expect(lastToast()?.message).toBe('Stopped opening other.json: your current plan is unchanged');
  });

  it('a file that does not read says where and what, and changes nothing', async () => {
    const before = useAppStore.getState();
    const bad = other().replace('"172.16.0.0/16"', '"172.16.0.0/33"');
    expect(await openPlanText(bad, { kind: 'file', name: 'bad.json' })).toBe(false);
    expect(useAppStore.getState().plan).toBe(before.plan);
    expect(useAppStore.getState().revision).toBe(before.revision);
    expect(lastToast()).toMatchObject({ kind: 'error' });
    expect(lastToast()?.message).toMatch(
      /^bad\.json cannot be opened: \$\.clusters\[0\]\.containerCidr: .*Your current plan is unchanged\.$/,
    );
    expect(useOpenProgress.getState().task).toBeNull();
  });

  it('a second file replaces the first one on its way, not the plan', async () => {
    const first = openPlanText(other(), { kind: 'file', name: 'first.json' });
    const second = openPlanText(serializePlan({ ...basePlan(), name: 'second plan' }), {
      kind: 'file',
      name: 'second.json',
    });
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(useAppStore.getState().plan.name).toBe('second plan');
  });
});
