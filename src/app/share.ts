// Share links: the whole plan, compressed into the URL fragment. The fragment never reaches a
// server; the page reads it back through the same parser as a file.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { Plan } from '../domain/model/plan';
import { formatPlanError } from '../io/errors';
import { parsePlanText } from '../io/parse';
import { serializePlan } from '../io/serialize';

export const SHARE_PREFIX = '#plan=';
/** Longest fragment we hand out: chat tools and some browsers cut longer links. */
export const MAX_SHARE_CHARS = 64 * 1024;

export type ShareLink =
  { ok: true; url: string; chars: number } | { ok: false; message: string; chars: number };

export function shareLink(plan: Plan, base: string): ShareLink {
  const payload = compressToEncodedURIComponent(serializePlan(plan, 0));
  const chars = payload.length + SHARE_PREFIX.length;
  if (chars > MAX_SHARE_CHARS) {
    return {
      ok: false,
      chars,
      message: `This plan makes a ${Math.round(chars / 1024)} kB link; links hold up to ${MAX_SHARE_CHARS / 1024} kB. Export the JSON file and share that instead.`,
    };
  }
  return { ok: true, chars, url: `${base.split('#')[0]}${SHARE_PREFIX}${payload}` };
}

export type SharedPlan =
  { kind: 'none' } | { kind: 'ok'; plan: Plan } | { kind: 'broken'; message: string };

/** Reads a plan from a location hash; says what is wrong with a damaged or oversized link. */
export function readShared(hash: string): SharedPlan {
  if (!hash.startsWith(SHARE_PREFIX)) return { kind: 'none' };
  const payload = hash.slice(SHARE_PREFIX.length);
  if (payload.length > MAX_SHARE_CHARS) {
    return {
      kind: 'broken',
      message: `This link is ${Math.round(payload.length / 1024)} kB, more than the ${MAX_SHARE_CHARS / 1024} kB a share link may hold`,
    };
  }
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text)
    return {
      kind: 'broken',
      message: 'This share link is damaged: it does not decompress (was it cut short?)',
    };
  const r = parsePlanText(text);
  if (!r.ok)
    return {
      kind: 'broken',
      message: `This share link holds no readable plan: ${formatPlanError(r.error)}`,
    };
  return { kind: 'ok', plan: r.value };
}
