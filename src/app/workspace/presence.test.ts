import { describe, expect, it } from 'vitest';
import { colourFor, colourIfTaken, peersFrom, splitPeers } from './presence';

describe('presence colours', () => {
  it('the later of two people in one colour moves to a colour nobody wears', () => {
    const shared = colourFor(0);
    const peers = [
      { id: 3, color: shared },
      { id: 9, color: colourFor(1) },
    ];
    const next = colourIfTaken({ id: 10, color: shared }, peers);
    expect(next).not.toBeNull();
    expect(peers.map((p) => p.color)).not.toContain(next);
    // The one who came first keeps theirs: both screens reach the same answer.
    expect(colourIfTaken({ id: 3, color: shared }, [{ id: 10, color: shared }])).toBeNull();
  });

  it('nine people wear nine colours once each has moved', () => {
    const people: { id: number; color: string }[] = [];
    for (let id = 0; id < 9; id++) {
      const me = { id, color: colourFor(0) };
      me.color = colourIfTaken(me, people) ?? me.color;
      people.push(me);
    }
    expect(new Set(people.map((p) => p.color)).size).toBe(9);
  });

  it('reads only what a peer may announce', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: 'Ana', color: 'red; background: url(x)' }, cursor: { x: 'a' } }],
      [2, { user: { name: 5 } }],
      [7, { user: { name: 'Me' } }],
    ]);
    const peers = peersFrom(states, 7);
    expect(peers).toHaveLength(1);
    expect(peers[0]).toMatchObject({ name: 'Ana', color: colourFor(1), cursor: null });
  });
});

describe('avatars in the toolbar', () => {
  const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1 }));

  it('shows everyone while they fit', () => {
    expect(splitPeers(people(4), null)).toEqual({ shown: people(4), more: [] });
  });

  it('lists the rest behind one button, everyone once', () => {
    const { shown, more } = splitPeers(people(9), null);
    expect(shown.map((p) => p.id)).toEqual([1, 2, 3]);
    expect(more.map((p) => p.id)).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('always shows the person followed', () => {
    const { shown, more } = splitPeers(people(9), 7);
    expect(shown.map((p) => p.id)).toEqual([1, 2, 7]);
    expect(more.map((p) => p.id)).toEqual([3, 4, 5, 6, 8, 9]);
    expect(splitPeers(people(9), 2).shown.map((p) => p.id)).toEqual([1, 2, 3]);
  });
});
