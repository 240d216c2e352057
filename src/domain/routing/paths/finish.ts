// One origin and one leg: forward, then back, and the message that says why.
import { label } from '../../model/defaults';
import { forward } from './forward';
import { returns } from './returns';
import {
  legName,
  verbFor,
  result,
  type PathContext,
  type PathResult,
  type RangeLeg,
  type Source,
} from './types';

/** Forward, then back: the verdict for one origin and one leg. */
export function finish(
  cx: PathContext,
  base: { from: string; to: string },
  first: string,
  src: Source,
  leg: RangeLeg,
  verdict: 'direct' | 'snat',
  why: string,
): PathResult {
  const r = finishRaw(cx, base, first, src, leg, verdict, why);
  // A destination in the source's own subnet would otherwise be named twice in a row.
  let repeated = false;
  for (let i = 1; i < r.hops.length && !repeated; i++) repeated = r.hops[i] === r.hops[i - 1];
  if (!repeated) return r;
  const hops = r.hops.filter((h, i) => i === 0 || h !== r.hops[i - 1]);
  return result(r, {
    verdict: r.verdict,
    hops,
    reason: r.reason,
    message: r.message,
    ...(r.snatTo !== undefined ? { snatTo: r.snatTo } : {}),
  });
}

function finishRaw(
  cx: PathContext,
  base: { from: string; to: string },
  first: string,
  src: Source,
  leg: RangeLeg,
  verdict: 'direct' | 'snat',
  why: string,
): PathResult {
  cx.router.reads.range(leg.cidr, src.address);
  const fwd = forward(cx, src, leg);
  const start = first === src.origin.id ? [first] : [first, src.origin.id];
  if (!fwd.ok) {
    return result(base, {
      verdict: 'unreachable',
      hops: [...start, ...fwd.hops],
      reason: fwd.reason,
      message: fwd.message,
    });
  }
  const hops = [...start, ...fwd.hops];
  if (fwd.nat) {
    return result(base, {
      verdict: 'snat',
      hops,
      reason: null,
      message: `${leg.text} is on the internet: traffic leaves through NAT gateway ${label(cx.ix.nat(fwd.nat))}`,
      snatTo: fwd.nat,
    });
  }
  const back = returns(cx, fwd.far, src);
  if (back !== true) {
    return result(base, {
      verdict: 'unreachable',
      hops,
      reason: 'NO_RETURN_ROUTE',
      message: back,
    });
  }
  const route = fwd.via.length > 0 ? `; through ${fwd.via.join(', ')} and back` : '';
  if (verdict === 'direct') {
    const kept =
      first === src.id && cx.ix.resource(first)
        ? why
        : `Pod IPs are kept: ${leg.kind === 'address' && fwd.holder ? `${leg.text} (${fwd.holder})` : legName(leg)} ${verbFor(leg)} ${why}`;
    return result(base, { verdict, hops, reason: null, message: kept + route });
  }
  return result(base, {
    verdict,
    hops,
    reason: null,
    message: `Pods are SNATed to their node's IP (${label(src.origin)}, ${src.addressText}): ${why}${route}`,
    snatTo: src.addressText,
  });
}
