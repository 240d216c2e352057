import { describe, expect, it } from 'vitest';
import { basePlan } from '../test-support/builders';
import { batchingEngine } from './batching';
import type { FromWorker } from './protocol';

// Until the worker's hops have run: each is a timer of its own, queued after the one before.
const tick = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
const edit = (revision: number, containerCidr: string) =>
  ({
    type: 'edit',
    revision,
    ops: [{ op: 'update', collection: 'clusters', id: 'cls-1', set: { containerCidr } }],
  }) as const;

describe('batchingEngine', () => {
  it('answers an edit on an idle worker at once, without waiting for a timer', async () => {
    const replies: FromWorker[] = [];
    const receive = batchingEngine((r) => replies.push(r));
    receive({ type: 'load', revision: 1, plan: basePlan(), scope: { kind: 'plan' } });
    // A plan waits for the hop, so that what is sent with it is answered together.
    expect(replies).toHaveLength(0);
    await tick();
    expect(replies.map((r) => r.revision)).toEqual([1]);
    receive(edit(2, '10.0.128.0/17'));
    // Answered before receive returns: no timer between the keystroke and its result.
    expect(replies.map((r) => r.revision)).toEqual([1, 2]);
    const r = replies[1]!;
    expect(r.type === 'result' && r.findings?.map((f) => f.code)).toContain(
      'CLUSTER_CIDR_OVERLAPS_VPC',
    );
  });

  it('takes the edits that arrive during an analysis as one batch, answered with the last revision', async () => {
    const replies: FromWorker[] = [];
    const receive = batchingEngine((r) => replies.push(r));
    receive({ type: 'load', revision: 1, plan: basePlan(), scope: { kind: 'plan' } });
    await tick();
    receive(edit(2, '10.0.128.0/17'));
    receive(edit(3, '172.31.0.0/16'));
    receive(edit(4, '172.30.0.0/16'));
    expect(replies.map((r) => r.revision)).toEqual([1, 2]);
    await tick();
    // Revisions 3 and 4 came while the worker was busy: one analysis, one answer.
    expect(replies.map((r) => r.revision)).toEqual([1, 2, 4]);
    const last = replies[2]!;
    // Both applied: the overlap of revision 2 is gone.
    expect(last.type === 'result' && last.findings?.map((f) => f.code)).not.toContain(
      'CLUSTER_CIDR_OVERLAPS_VPC',
    );
    expect(last.type === 'result' && last.findings).toBeTruthy();
    // Idle again: the next edit is answered at once.
    receive(edit(5, '10.0.128.0/17'));
    expect(replies.map((r) => r.revision)).toEqual([1, 2, 4, 5]);
  });
});
