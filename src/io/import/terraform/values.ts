// Reading one argument of a Terraform resource as the plan needs it: a value that is not there is
// undefined (left out); a value that is there and wrong (a CIDR that does not parse, a list that
// is not one) stops the import at the argument's place.
import { parseCidr, parseIp } from '../../../domain/ip/cidr';
import type { TfView } from '../resources';
import { ImportError } from '../types';

export function str(v: TfView, name: string): string | undefined {
  const x = v.get(name);
  if (x === undefined || x === '') return undefined;
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  throw new ImportError(v.where(name), `${name} should be a string, got ${JSON.stringify(x)}`);
}

export function need(v: TfView, name: string): string {
  const s = str(v, name);
  if (s === undefined) throw new ImportError(v.where(name), `${name} is missing`);
  return s;
}

export function num(v: TfView, name: string): number | undefined {
  const x = v.get(name);
  if (x === undefined || x === '') return undefined;
  const n = typeof x === 'string' ? Number(x) : x;
  if (typeof n !== 'number' || !Number.isFinite(n))
    throw new ImportError(v.where(name), `${name} should be a number, got ${JSON.stringify(x)}`);
  return n;
}

export function bool(v: TfView, name: string): boolean | undefined {
  const x = v.get(name);
  if (x === undefined) return undefined;
  if (typeof x === 'boolean') return x;
  if (x === 'true' || x === 'false') return x === 'true';
  throw new ImportError(v.where(name), `${name} should be true or false, got ${JSON.stringify(x)}`);
}

export function strList(v: TfView, name: string): string[] {
  const x = v.get(name);
  if (x === undefined) return [];
  if (!Array.isArray(x) || x.some((e) => typeof e !== 'string'))
    throw new ImportError(
      v.where(name),
      `${name} should be a list of strings, got ${JSON.stringify(x)}`,
    );
  return (x as string[]).filter((e) => e !== '');
}

export function cidr(v: TfView, name: string, family: 4 | 6 | 'any', value?: string): string {
  const text = value ?? need(v, name);
  const r = parseCidr(text);
  if (!r.ok) throw new ImportError(v.where(name), `${name} ${r.error}`);
  if (family !== 'any' && r.cidr.family !== family)
    throw new ImportError(
      v.where(name),
      `${name} ${JSON.stringify(text)} should be an IPv${family} CIDR`,
    );
  return text;
}

export function ip(v: TfView, name: string): string | undefined {
  const text = str(v, name);
  if (text === undefined) return undefined;
  const r = parseIp(text);
  if (!r.ok) throw new ImportError(v.where(name), `${name} ${r.error}`);
  return text;
}
