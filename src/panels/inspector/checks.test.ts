import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Collection } from '../../domain/model/plan';
import { OBJECT_SCHEMAS, RESERVATION_FIELDS, ROUTE_FIELDS } from '../../io/schema-fields';
import { cidrCheck, cidrListCheck, countCheck, ipCheck, textCheck } from './checks';
import { FIELDS, type Field } from './object-fields';

/** A valid object of each collection, for the oracle: the plan file's parser on the whole object. */
const VALID: Record<Collection, Record<string, unknown>> = {
  vpcs: { id: 'v', cidr: '10.0.0.0/16' },
  subnets: { id: 's', vpc: 'v', cidr: '10.0.1.0/24' },
  clusters: { id: 'c', vpc: 'v' },
  resources: { id: 'r', kind: 'cdb', subnet: 's' },
  natGateways: { id: 'n', vpc: 'v' },
  peerings: { id: 'p', vpcs: ['a', 'b'] },
  ccns: { id: 'k', attachments: [] },
  idcs: { id: 'i', cidrs: [] },
  routeTables: { id: 't', vpc: 'v', routes: [] },
};

const typedFields = (Object.keys(FIELDS) as Collection[]).flatMap((c) =>
  FIELDS[c].map((f) => [c, f] as const),
);

function checkOf(f: Field) {
  switch (f.type) {
    case 'text':
      return textCheck(f.schema);
    case 'cidr':
      return cidrCheck(f.schema);
    case 'cidrs':
      return cidrListCheck(f.schema);
    case 'ip':
      return ipCheck(f.schema);
    case 'count':
      return countCheck(f.schema);
    default:
      return undefined;
  }
}

/** Text a person might type: pieces of addresses, prefixes, numbers, separators. */
const typing = fc
  .array(
    fc.constantFrom(
      '10',
      '0',
      '1',
      '172',
      '16',
      '255',
      '256',
      '192',
      '168',
      '2402',
      '4e00',
      'ff',
      '.',
      '.',
      ':',
      '::',
      '/',
      '/',
      '24',
      '16',
      '8',
      '56',
      '64',
      ' ',
      ',',
      '\n',
      'a',
      '-',
      '01',
      '33',
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

/** Addresses and blocks that are often right, and often a host bit or a family off. */
const block = fc
  .tuple(
    fc.integer({ min: 0, max: 256 }),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 40 }),
  )
  .map(
    ([a, b, p]) =>
      [
        `10.${a}.${b * 64}.0/${p}`,
        `10.${a}.0.0`,
        `2402:4e00:${a.toString(16)}::/${p + 24}`,
        `${a}`,
      ][b]!,
  );

const text = fc.oneof(
  typing,
  block,
  fc.array(block, { maxLength: 3 }).map((l) => l.join(', ')),
);

describe('inspector field checks', () => {
  it('accept exactly what the plan file parser accepts in that field, for every typed field', () => {
    const checked = typedFields.filter(([, f]) => checkOf(f));
    expect(checked.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.constantFrom(...checked), text, ([collection, f], text) => {
        const r = checkOf(f)!(text);
        // The value the check hands to the plan, or (refused) what the person typed.
        const value = r.ok ? r.value : f.type === 'count' ? Number(text.trim()) : text.trim();
        const object = { ...VALID[collection], [f.key]: value };
        if (value === undefined) delete object[f.key];
        const parsed = v.safeParse(OBJECT_SCHEMAS[collection], object).success;
        if (r.ok)
          expect(parsed, `${collection}.${f.key} accepted ${JSON.stringify(text)}`).toBe(true);
        else if (
          f.type !== 'cidrs' &&
          text.trim() !== '' &&
          !(f.type === 'count' && !/^[0-9]+$/.test(text.trim()))
        )
          expect(parsed, `${collection}.${f.key} refused ${JSON.stringify(text)}: ${r.error}`).toBe(
            false,
          );
      }),
      { numRuns: 3000 },
    );
  });

  it("say what is wrong in the parser's words, with a capital letter", () => {
    const vpcCidr = cidrCheck(OBJECT_SCHEMAS.vpcs.entries.cidr);
    expect(vpcCidr('10.0.0.1/16')).toEqual({
      ok: false,
      error: 'Expected an IPv4 CIDR: "10.0.0.1/16" has host bits set; did you mean 10.0.0.0/16?',
    });
    expect(vpcCidr('2402:4e00::/56')).toEqual({
      ok: false,
      error: 'Expected an IPv4 CIDR, got IPv6 "2402:4e00::/56"',
    });
    expect(vpcCidr(' 10.0.0.0/16 ')).toEqual({ ok: true, value: '10.0.0.0/16' });
    expect(vpcCidr('')).toEqual({ ok: false, error: 'A CIDR is required here' });
    const nodes = countCheck(OBJECT_SCHEMAS.clusters.entries.nodeCount);
    expect(nodes('three')).toEqual({ ok: false, error: 'Expected a whole number' });
    expect(nodes('0')).toEqual({ ok: false, error: 'Expected a positive integer, got 0' });
    expect(nodes('')).toEqual({ ok: true, value: undefined });
    expect(textCheck(OBJECT_SCHEMAS.vpcs.entries.name)('x'.repeat(1001))).toEqual({
      ok: false,
      error: 'Expected at most 1000 characters, got 1001',
    });
    const ip = ipCheck(OBJECT_SCHEMAS.resources.entries.ip)('10.0.0.256');
    expect(ip.ok ? '' : ip.error).toMatch(/^Expected an IP address: .*10\.0\.0\.256/);
  });

  it('name the list item that is wrong', () => {
    const secondary = cidrListCheck(OBJECT_SCHEMAS.vpcs.entries.secondaryCidrs);
    const r = secondary('10.1.0.0/16, 10.2.0.1/16');
    expect(r.ok ? '' : r.error).toContain(
      '"10.2.0.1/16" has host bits set; did you mean 10.2.0.0/16?',
    );
    expect(secondary('10.1.0.0/16\n10.2.0.0/16')).toEqual({
      ok: true,
      value: ['10.1.0.0/16', '10.2.0.0/16'],
    });
  });

  it('keep a list the format requires as an empty list, and drop an optional one', () => {
    expect(cidrListCheck(OBJECT_SCHEMAS.idcs.entries.cidrs)('  ')).toEqual({ ok: true, value: [] });
    expect(cidrListCheck(OBJECT_SCHEMAS.vpcs.entries.secondaryCidrs)('')).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('take a reservation or route destination of either family, as a plan file may', () => {
    expect(cidrCheck(RESERVATION_FIELDS.cidr)('2402:4e00::/48')).toEqual({
      ok: true,
      value: '2402:4e00::/48',
    });
    expect(cidrCheck(ROUTE_FIELDS.destination)('0.0.0.0/0')).toEqual({
      ok: true,
      value: '0.0.0.0/0',
    });
  });
});
