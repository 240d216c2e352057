// The address table: RFC 4180 CSV that reads back to one row per range of the plan, with usable
// ranges and sizes right, and cells that a spreadsheet shows as text whatever the names say.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/model/plan';
import { basePlan, cluster, idc, plan, resource, subnet, vpc } from '../../test-support/builders';
import { parsePlanText } from '../parse';
import { CSV_HEADER, csvField, neutralizeFormula, planToCsv } from './address-table';
import { TEMPLATE_TEXTS } from './templates.test-support';

/**
 * A strict RFC 4180 reader: records end in CRLF, fields are separated by commas, a quoted field
 * may hold commas, CR, LF and doubled quotes; anything else after a closing quote is an error.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStart = true;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const n = text[i];
        if (n !== ',' && n !== '\r') throw new Error(`text after a closing quote at ${i}`);
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (!fieldStart) throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      fieldStart = false;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      fieldStart = true;
      i++;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`a CR without LF at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStart = true;
      i += 2;
    } else if (c === '\n') {
      throw new Error(`a bare LF outside quotes at ${i}`);
    } else {
      field += c;
      fieldStart = false;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) throw new Error('the last record does not end in CRLF');
  return rows;
}

type Row = Record<(typeof CSV_HEADER)[number], string>;

function rowsOf(p: Plan): Row[] {
  const [head, ...rest] = parseCsv(planToCsv(p));
  expect(head).toEqual([...CSV_HEADER]);
  for (const r of rest) expect(r).toHaveLength(CSV_HEADER.length);
  return rest.map((r) => Object.fromEntries(CSV_HEADER.map((h, i) => [h, r[i]!])) as Row);
}

/** A row as its fields joined by '|', so that expected tables read one row a line. */
const piped = (r: Row): string => CSV_HEADER.map((h) => r[h]).join('|');

function samplePlan(): Plan {
  const r = parsePlanText(TEMPLATE_TEXTS['sample.plan.json']!);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('address table of the sample plan', () => {
  it('reads back to one row per range, in plan order', () => {
    expect(rowsOf(samplePlan()).map(piped)).toEqual([
      'vpc-prod|vpc|10.0.0.0/16|10.0.0.0|10.0.255.255|65536|VPC prod; subnets nodes-gz3, nodes-gz4, data|768|65536|1.2',
      'vpc-shared|vpc|10.1.0.0/16|10.1.0.0|10.1.255.255|65536|VPC shared-services; subnets shared-data|256|65536|0.4',
      'sn-nodes|subnet|10.0.1.0/24|10.0.1.2|10.0.1.254|256|nodes of prod-tke|40|253|15.8',
      'sn-batch|subnet|10.0.2.0/24|10.0.2.2|10.0.2.254|256|nodes of batch-tke|20|253|7.9',
      'sn-data|subnet|10.0.10.0/24|10.0.10.2|10.0.10.254|256|resources orders-db (cdb, 10.0.10.10), sessions (redis, 10.0.10.20)|2|253|0.8',
      'sn-shared|subnet|10.1.1.0/24|10.1.1.2|10.1.1.254|256|resources billing-db (cdb, 10.1.1.10)|1|253|0.4',
      // 40 planned nodes of 64 addresses, of 1008 nodes' worth.
      'cls-prod|container|172.16.0.0/16|172.16.0.0|172.16.255.255|65536|pods of prod-tke (a /26 per node, up to 1008 nodes)|2560|64512|4.0',
      // maxServices 1024 asks 5 more than the carved /22 holds: capped.
      'cls-prod|service|172.16.252.0/22|172.16.252.0|172.16.255.255|1024|services of prod-tke (carved from the end of container CIDR 172.16.0.0/16)|||',
      'cls-batch|container|172.17.0.0/16|172.17.0.0|172.17.255.255|65536|pods of batch-tke (a /27 per node, up to 2040 nodes)|640|65280|1.0',
      'cls-batch|service|172.17.255.0/24|172.17.255.0|172.17.255.255|256|services of batch-tke (carved from the end of container CIDR 172.17.0.0/16)|||',
      'idc-sh|idc|192.168.0.0/16|192.168.0.0|192.168.255.255|65536|IDC Shanghai IDC over VPN to VPC prod|||',
      'db-orders|resource|10.0.10.10/32|10.0.10.10|10.0.10.10|1|orders-db (cdb) in subnet data|||',
      'redis-sessions|resource|10.0.10.20/32|10.0.10.20|10.0.10.20|1|sessions (redis) in subnet data|||',
      'db-billing|resource|10.1.1.10/32|10.1.1.10|10.1.1.10|1|billing-db (cdb) in subnet shared-data|||',
    ]);
  });

  it('ends every line in CRLF and quotes only the fields that need it', () => {
    const csv = planToCsv(samplePlan());
    expect(
      csv.startsWith(
        'object,kind,cidr,first_usable,last_usable,size,used_by,used,usable,percent\r\n',
      ),
    ).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv).toContain(
      '\r\nsn-nodes,subnet,10.0.1.0/24,10.0.1.2,10.0.1.254,256,nodes of prod-tke,40,253,15.8\r\n',
    );
    expect(csv).toContain(',"VPC prod; subnets nodes-gz3, nodes-gz4, data",768,65536,1.2\r\n');
  });

  it('is the same every time', () => {
    expect(planToCsv(samplePlan())).toBe(planToCsv(samplePlan()));
  });
});

describe('address table of small plans', () => {
  it('lists secondary and IPv6 ranges, with exact IPv6 sizes', () => {
    const rows = rowsOf(
      plan({
        vpcs: [
          vpc('vpc-a', '10.0.0.0/16', {
            secondaryCidrs: ['10.8.0.0/16'],
            ipv6Cidr: '2402:4e00:1000:ab00::/56',
          }),
        ],
        subnets: [
          subnet('sn-a', 'vpc-a', '10.0.1.0/24', { ipv6Cidr: '2402:4e00:1000:ab01::/64' }),
          subnet('sn-b', 'vpc-a', '10.8.1.0/28'),
        ],
      }),
    );
    expect(rows.map(piped)).toEqual([
      'vpc-a|vpc|10.0.0.0/16|10.0.0.0|10.0.255.255|65536|VPC vpc-a; subnets sn-a|256|65536|0.4',
      'vpc-a|vpc-secondary|10.8.0.0/16|10.8.0.0|10.8.255.255|65536|VPC vpc-a; subnets sn-b|16|65536|0.0',
      'vpc-a|vpc-ipv6|2402:4e00:1000:ab00::/56|2402:4e00:1000:ab00::|2402:4e00:1000:abff:ffff:ffff:ffff:ffff|4722366482869645213696|VPC vpc-a; subnets sn-a|||',
      'sn-a|subnet|10.0.1.0/24|10.0.1.2|10.0.1.254|256||0|253|0.0',
      'sn-a|subnet-ipv6|2402:4e00:1000:ab01::/64|2402:4e00:1000:ab01::|2402:4e00:1000:ab01:ffff:ffff:ffff:ffff|18446744073709551616||||',
      'sn-b|subnet|10.8.1.0/28|10.8.1.2|10.8.1.14|16||0|13|0.0',
    ]);
    expect(BigInt(rows[2]!.size)).toBe(2n ** 72n);
  });

  it('leaves usable addresses blank for a subnet too small to have any', () => {
    const rows = rowsOf(
      plan({
        vpcs: [vpc('vpc-a', '10.0.0.0/16')],
        subnets: [
          subnet('s30', 'vpc-a', '10.0.1.0/30'),
          subnet('s31', 'vpc-a', '10.0.2.0/31'),
          subnet('s32', 'vpc-a', '10.0.3.0/32'),
        ],
      }),
    ).filter((r) => r.kind === 'subnet');
    expect(rows.map((r) => [r.first_usable, r.last_usable, r.size])).toEqual([
      ['10.0.1.2', '10.0.1.2', '4'],
      ['', '', '2'],
      ['', '', '1'],
    ]);
  });

  it('says which clusters use a subnet for nodes or pods, and what sits in it', () => {
    const rows = rowsOf(
      basePlan({
        subnets: [
          subnet('sn-node', 'vpc-a', '10.0.1.0/24'),
          subnet('sn-db', 'vpc-a', '10.0.2.0/24'),
          subnet('sn-pods', 'vpc-a', '10.0.4.0/24'),
        ],
        clusters: [
          cluster('gr', 'vpc-a', { nodeSubnets: ['sn-node'], containerCidr: '172.16.0.0/16' }),
          cluster('cni', 'vpc-a', {
            mode: 'vpc-cni',
            nodeSubnets: ['sn-node'],
            podSubnets: ['sn-pods'],
            serviceCidr: '192.168.0.0/20',
          }),
        ],
        resources: [
          resource('db-1', 'sn-db', '10.0.2.10'),
          resource('cache', 'sn-db', undefined, { kind: 'redis' }),
        ],
      }),
    );
    const by = (object: string, kind: string) =>
      rows.find((r) => r.object === object && r.kind === kind)!;
    expect(by('sn-node', 'subnet').used_by).toBe('nodes of gr, cni');
    expect(by('sn-pods', 'subnet').used_by).toBe('pods of cni');
    expect(by('sn-db', 'subnet').used_by).toBe('resources db-1 (cdb, 10.0.2.10), cache (redis)');
    expect(piped(by('gr', 'container'))).toBe(
      'gr|container|172.16.0.0/16|172.16.0.0|172.16.255.255|65536|pods of gr (a /24 per node, up to 255 nodes)|0|65280|0.0',
    );
    expect(by('gr', 'service').used_by).toBe(
      'services of gr (carved from the end of container CIDR 172.16.0.0/16)',
    );
    expect(by('gr', 'service').cidr).toBe('172.16.255.0/24');
    expect(piped(by('cni', 'service'))).toBe(
      'cni|service|192.168.0.0/20|192.168.0.0|192.168.15.255|4096|services of cni|256|4091|6.3',
    );
    expect(rows.filter((r) => r.object === 'cni' && r.kind === 'container')).toEqual([]);
    // A resource without an address has no row of its own.
    expect(rows.filter((r) => r.object === 'cache')).toEqual([]);
    expect(by('db-1', 'resource').cidr).toBe('10.0.2.10/32');
  });

  it('lists each IDC range with its link', () => {
    const rows = rowsOf(
      basePlan({
        idcs: [
          idc('idc-1', 'vpc-a', ['192.168.0.0/16', '172.20.0.0/16'], { link: 'direct-connect' }),
        ],
      }),
    ).filter((r) => r.kind === 'idc');
    expect(rows.map((r) => [r.object, r.cidr, r.used_by])).toEqual([
      ['idc-1', '192.168.0.0/16', 'IDC idc-1 over Direct Connect to VPC prod'],
      ['idc-1', '172.20.0.0/16', 'IDC idc-1 over Direct Connect to VPC prod'],
    ]);
  });

  it('writes an explicit service CIDR of a GlobalRouter cluster instead of a carved one', () => {
    const rows = rowsOf(
      basePlan({
        clusters: [
          cluster('cls-1', 'vpc-a', {
            nodeSubnets: ['sn-node'],
            containerCidr: '172.16.0.0/16',
            serviceCidr: '192.168.0.0/22',
          }),
        ],
      }),
    ).filter((r) => r.kind === 'service');
    expect(rows.map(piped)).toEqual([
      'cls-1|service|192.168.0.0/22|192.168.0.0|192.168.3.255|1024|services of cls-1|256|1019|25.1',
    ]);
  });
});

describe('utilisation columns', () => {
  it('count planned nodes and VPC-CNI pod IPs against usable, capped when a subnet is too small', () => {
    const rows = rowsOf(
      basePlan({
        subnets: [
          subnet('sn-node', 'vpc-a', '10.0.1.0/28'),
          subnet('sn-pods', 'vpc-a', '10.0.4.0/24'),
        ],
        clusters: [
          cluster('cni', 'vpc-a', {
            mode: 'vpc-cni',
            nodeSubnets: ['sn-node'],
            podSubnets: ['sn-pods'],
            nodeCount: 20,
            maxPodsPerNode: 10,
            serviceCidr: '192.168.0.0/24',
          }),
        ],
        resources: [],
      }),
    );
    const cols = (object: string) => {
      const r = rows.find((x) => x.object === object)!;
      return [r.used, r.usable, r.percent];
    };
    // 20 nodes in a /28 (13 usable): full, not 154 %.
    expect(cols('sn-node')).toEqual(['13', '13', '100.0']);
    // 200 pod IPs of 253.
    expect(cols('sn-pods')).toEqual(['200', '253', '79.1']);
    expect(cols('vpc-a')).toEqual(['272', '65536', '0.4']);
  });
});

describe('untrusted names in the address table', () => {
  it('round-trips commas, quotes and line breaks through RFC 4180 quoting', () => {
    const name = 'a, "quoted"\r\nname';
    const rows = rowsOf(
      basePlan({ resources: [resource('db-1', 'sn-db', '10.0.2.10', { name })] }),
    );
    expect(rows.find((r) => r.object === 'db-1')!.used_by).toBe(`${name} (cdb) in subnet sn-db`);
    expect(rows.find((r) => r.object === 'sn-db')!.used_by).toBe(
      `resources ${name} (cdb, 10.0.2.10)`,
    );
  });

  for (const lead of ['=', '+', '-', '@', '\t', '\r', ' =']) {
    it(`neutralises a cell starting with ${JSON.stringify(lead)}`, () => {
      const evil = `${lead}HYPERLINK("http://x","y")`;
      const rows = rowsOf(
        basePlan({
          vpcs: [vpc('vpc-a', '10.0.0.0/16', { name: evil })],
          resources: [resource(`${lead}db`, 'sn-db', '10.0.2.10', { name: evil })],
          idcs: [idc('idc', 'vpc-a', ['192.168.0.0/16'], { name: evil })],
        }),
      );
      const cell = rows.find((r) => r.kind === 'resource')!;
      expect(cell.object).toBe(`'${lead}db`);
      expect(cell.used_by).toBe(`'${evil} (cdb) in subnet sn-db`);
      for (const r of rows)
        for (const v of Object.values(r)) expect(v).not.toMatch(/^[\t\r]|^\s*[=+\-@]/);
    });
  }

  it('leaves ordinary cells alone', () => {
    expect(neutralizeFormula('10.0.0.0/16')).toBe('10.0.0.0/16');
    expect(neutralizeFormula('a-b=c')).toBe('a-b=c');
    expect(neutralizeFormula('')).toBe('');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('-1,2')).toBe(`"'-1,2"`);
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
});
