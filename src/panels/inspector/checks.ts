// What each kind of field accepts, in the words the plan format uses.
import { formatCidr, parseCidr, parseIp } from '../../domain/ip/cidr';
import type { Check } from '../../ui/fields';

export function cidrCheck(family: 4 | 6 | 'any', optional: boolean): Check<string | undefined> {
  return (text) => {
    const t = text.trim();
    if (t === '')
      return optional
        ? { ok: true, value: undefined }
        : { ok: false, error: 'A CIDR is required here' };
    const r = parseCidr(t);
    if (!r.ok) return { ok: false, error: r.error };
    if (family !== 'any' && r.cidr.family !== family)
      return { ok: false, error: `Expected an IPv${family} CIDR` };
    if (formatCidr(r.cidr) !== t && r.cidr.family === 4)
      return { ok: false, error: `Write it as ${formatCidr(r.cidr)}` };
    return { ok: true, value: t };
  };
}

export function cidrListCheck(family: 4 | 6 | 'any'): Check<string[] | undefined> {
  const one = cidrCheck(family, false);
  return (text) => {
    const parts = text
      .split(/[\s,]+/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 0) return { ok: true, value: undefined };
    for (const p of parts) {
      const r = one(p);
      if (!r.ok) return { ok: false, error: `${p}: ${r.error}` };
    }
    return { ok: true, value: parts };
  };
}

export function ipCheck(optional: boolean): Check<string | undefined> {
  return (text) => {
    const t = text.trim();
    if (t === '')
      return optional
        ? { ok: true, value: undefined }
        : { ok: false, error: 'An address is required here' };
    const r = parseIp(t);
    return r.ok ? { ok: true, value: t } : { ok: false, error: r.error };
  };
}

export function countCheck(optional: boolean): Check<number | undefined> {
  return (text) => {
    const t = text.trim();
    if (t === '')
      return optional
        ? { ok: true, value: undefined }
        : { ok: false, error: 'A number is required here' };
    if (!/^[0-9]+$/.test(t)) return { ok: false, error: 'Expected a whole number' };
    const n = Number(t);
    if (n < 1 || n > 1_000_000_000) return { ok: false, error: 'Expected a positive whole number' };
    return { ok: true, value: n };
  };
}

export function textCheck(optional: boolean, max = 1000): Check<string | undefined> {
  return (text) => {
    if (text.length > max) return { ok: false, error: `At most ${max} characters` };
    if (text.trim() === '')
      return optional ? { ok: true, value: undefined } : { ok: false, error: 'Required' };
    return { ok: true, value: text };
  };
}
