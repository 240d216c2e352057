import { describe, expect, it } from 'vitest';
import { basePlan, ccn, ccnIdc, comment, reservation } from '../test-support/builders';
import { MAX_SHARE_CHARS, readShared, shareLink, SHARE_PREFIX } from './share';

describe('share links', () => {
  it('round-trip a plan through the fragment', () => {
    const p = basePlan({ name: 'a "quoted" <name> & more' });
    const link = shareLink(p, 'https://cidr.example/app/#old');
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.url.startsWith(`https://cidr.example/app/${SHARE_PREFIX}`)).toBe(true);
    const back = readShared(new URL(link.url).hash);
    expect(back).toEqual({ kind: 'ok', plan: p });
  });

  it('carry reservations, comments and an IDC on a CCN', () => {
    const p = basePlan({
      ccns: [ccn('ccn-1', ['vpc-a', 'idc-bj'])],
      idcs: [ccnIdc('idc-bj', ['192.168.0.0/16'])],
      reservations: [reservation('rsv-1', '10.0.64.0/18', { vpc: 'vpc-a', note: 'later' })],
      comments: [
        comment('cm-1', 'Why /16?', {
          object: 'cls-1',
          resolved: true,
          replies: [{ author: 'Ana', text: 'pods', createdAt: '2026-12-01T09:41:00Z' }],
        }),
      ],
    });
    const link = shareLink(p, 'https://x/');
    if (!link.ok) throw new Error(link.message);
    expect(readShared(new URL(link.url).hash)).toEqual({ kind: 'ok', plan: p });
  });

  it('say what is wrong with a damaged link or one that is not a plan', () => {
    const link = shareLink(basePlan(), 'https://x/');
    if (!link.ok) throw new Error('link');
    const hash = new URL(link.url).hash;
    const cut = readShared(hash.slice(0, Math.floor(hash.length / 2)));
    expect(cut.kind).toBe('broken');
    expect(readShared(`${SHARE_PREFIX}%%%not-lz`)).toMatchObject({ kind: 'broken' });
    expect(readShared('#something-else')).toEqual({ kind: 'none' });
  });

  it('refuse plans too large for a link, and links longer than the limit', () => {
    const big = basePlan({ name: 'x'.repeat(1) });
    const many = {
      ...big,
      resources: Array.from({ length: 4000 }, (_, i) => ({
        id: `r-${i}-${Math.random().toString(36).slice(2)}`,
        kind: 'cdb' as const,
        subnet: 'sn-db',
        name: Math.random().toString(36),
      })),
    };
    const r = shareLink(many, 'https://x/');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(/Export the JSON/);
    expect(readShared(SHARE_PREFIX + 'a'.repeat(MAX_SHARE_CHARS + 1))).toMatchObject({
      kind: 'broken',
      message: expect.stringMatching(/more than/) as unknown,
    });
  });
});
