// "Split and join" in a VPC's inspector: a free block of the VPC cut into subnets across zones,
// or empty adjacent subnets joined into one, each in one undo step (domain: planning/split.ts).
import { Merge, Scissors } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { formatCidr, type Cidr4 } from '../../domain/ip/cidr';
import { planIndexOf } from '../../domain/model/plan-index';
import { zonesOf } from '../../domain/model/regions';
import type { Plan } from '../../domain/model/plan';
import {
  checkJoin,
  splitBlock,
  SUBNET_PREFIX_MAX,
  vpcFreeBlocks,
} from '../../domain/planning/split';
import { joinSubnets, splitFreeBlock } from '../../store/actions';
import { useAppStore } from '../../store/app-store';
import './planner.css';

/** Free blocks listed; the largest first. */
const LISTED = 6;
const n = (x: number) => x.toLocaleString('en-US');

function SplitForm({
  vpcId,
  block,
  zones,
  usual,
  readOnly,
  onDone,
}: {
  vpcId: string;
  block: Cidr4;
  zones: readonly string[];
  /** Zones ticked at first: those the VPC's subnets are in. */
  usual: readonly string[];
  readOnly: boolean;
  onDone: () => void;
}) {
  const id = useId();
  const prefixes: number[] = [];
  for (let p = block.prefix; p <= SUBNET_PREFIX_MAX; p++) prefixes.push(p);
  const [prefix, setPrefix] = useState(Math.min(SUBNET_PREFIX_MAX, block.prefix + 2));
  const room = 2 ** (prefix - block.prefix);
  const [countText, setCountText] = useState(String(Math.min(4, room)));
  const [picked, setPicked] = useState<readonly string[]>(
    usual.length > 0 ? usual : zones.slice(0, 2),
  );
  const [error, setError] = useState<string | undefined>();
  const count = /^[0-9]+$/.test(countText.trim()) ? Number(countText) : NaN;
  const plan = splitBlock(block, prefix, count);
  const countError = Number.isNaN(count)
    ? 'Expected a whole number'
    : plan.ok
      ? undefined
      : plan.reason;
  const inOrder = zones.filter((z) => picked.includes(z));
  return (
    <form
      className="cc-split-form"
      aria-label={`Split ${formatCidr(block)}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (countError) return;
        const why = splitFreeBlock(useAppStore, vpcId, formatCidr(block), prefix, count, inOrder);
        if (why) setError(why);
        else onDone();
      }}
    >
      <div className="cc-split-form__row">
        <div className={`cc-field${countError ? ' has-error' : ''}`}>
          <label htmlFor={`${id}-count`}>Subnets</label>
          <input
            id={`${id}-count`}
            type="text"
            inputMode="numeric"
            value={countText}
            disabled={readOnly}
            aria-invalid={countError ? true : undefined}
            aria-describedby={countError ? `${id}-error` : undefined}
            onChange={(e) => setCountText(e.target.value)}
          />
        </div>
        <span className="cc-split-form__x">×</span>
        <div className="cc-field">
          <label htmlFor={`${id}-prefix`}>Size</label>
          <select
            id={`${id}-prefix`}
            value={prefix}
            disabled={readOnly}
            onChange={(e) => setPrefix(Number(e.target.value))}
          >
            {prefixes.map((p) => (
              <option key={p} value={p}>
                /{p} ({n(2 ** (32 - p) - 3)} usable)
              </option>
            ))}
          </select>
        </div>
      </div>
      {countError && (
        <div className="cc-field__error" role="alert" id={`${id}-error`}>
          {countError}
        </div>
      )}
      {zones.length > 0 && (
        <fieldset className="cc-field cc-split-form__zones">
          <legend>Across zones (in turn)</legend>
          {zones.map((z) => (
            <label key={z} className="cc-check">
              <input
                type="checkbox"
                checked={picked.includes(z)}
                disabled={readOnly}
                onChange={(e) =>
                  setPicked((p) => (e.target.checked ? [...p, z] : p.filter((x) => x !== z)))
                }
              />
              {z}
            </label>
          ))}
        </fieldset>
      )}
      {plan.ok && (
        <p className="cc-muted cc-split-form__preview" aria-live="polite">
          {plan.blocks.length} × /{prefix}: {formatCidr(plan.blocks[0]!)}
          {plan.blocks.length > 1 ? ` … ${formatCidr(plan.blocks.at(-1)!)}` : ''}
          {inOrder.length > 0 ? ` across ${inOrder.join(', ')}` : ', no zone'}
        </p>
      )}
      {error && (
        <div className="cc-field__error" role="alert">
          {error}
        </div>
      )}
      <div className="cc-row">
        <button
          type="submit"
          className="cc-button cc-button--small"
          disabled={readOnly || !!countError}
        >
          <Scissors size={14} aria-hidden /> Create {plan.ok ? plan.blocks.length : ''} subnets
        </button>
        <button type="button" className="cc-button cc-button--small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function JoinForm({ plan, vpcId, readOnly }: { plan: Plan; vpcId: string; readOnly: boolean }) {
  const ix = planIndexOf(plan);
  const subnets = ix.subnetsOf(vpcId);
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const live = picked.filter((id) => subnets.some((s) => s.id === id));
  const check = live.length >= 2 ? checkJoin(plan, ix, live) : undefined;
  if (subnets.length < 2) return null;
  return (
    <form
      className="cc-join-form"
      aria-label="Join subnets"
      onSubmit={(e) => {
        e.preventDefault();
        const why = joinSubnets(useAppStore, live);
        if (why) setError(why);
        else {
          setPicked([]);
          setError(undefined);
        }
      }}
    >
      <fieldset className="cc-field">
        <legend>Join empty adjacent subnets</legend>
        {subnets.map((s) => (
          <label key={s.id} className="cc-check">
            <input
              type="checkbox"
              checked={live.includes(s.id)}
              disabled={readOnly}
              onChange={(e) => {
                setError(undefined);
                setPicked((p) => (e.target.checked ? [...p, s.id] : p.filter((x) => x !== s.id)));
              }}
            />
            {s.name ?? s.id} <code>{s.cidr}</code>
          </label>
        ))}
      </fieldset>
      {check && (
        <p
          className={check.ok ? 'cc-muted' : 'cc-field__error'}
          role="status"
          data-join-verdict={check.ok ? 'ok' : 'no'}
        >
          {check.ok
            ? `They become ${formatCidr(check.block)}, named ${check.keep.name ?? check.keep.id}.`
            : `Cannot join: ${check.reason}`}
        </p>
      )}
      {error && (
        <div className="cc-field__error" role="alert">
          {error}
        </div>
      )}
      <button
        type="submit"
        className="cc-button cc-button--small"
        disabled={readOnly || !check?.ok}
      >
        <Merge size={14} aria-hidden /> Join {live.length >= 2 ? live.length : ''} subnets
      </button>
    </form>
  );
}

export function SplitJoinCard({ plan, vpcId }: { plan: Plan; vpcId: string }) {
  const readOnly = useAppStore((s) => s.readOnly);
  const [open, setOpen] = useState<string | null>(null);
  const free = useMemo(() => {
    const all = vpcFreeBlocks(planIndexOf(plan), vpcId).filter(
      (b) => b.prefix <= SUBNET_PREFIX_MAX,
    );
    return [...all].sort((a, b) => a.prefix - b.prefix || a.lo - b.lo).slice(0, LISTED);
  }, [plan, vpcId]);
  const region = plan.vpcs.find((v) => v.id === vpcId)?.region;
  const zones = zonesOf(region);
  const usual = zones.filter((z) => plan.subnets.some((s) => s.vpc === vpcId && s.zone === z));
  const block = free.find((b) => formatCidr(b) === open);
  return (
    <section className="cc-planner-card" aria-label="Split and join">
      <h3>Split and join</h3>
      {free.length === 0 ? (
        <p className="cc-muted">No free block is left in this VPC for a subnet.</p>
      ) : (
        <ul className="cc-free-blocks" aria-label="Free blocks of this VPC">
          {free.map((b) => {
            const text = formatCidr(b);
            return (
              <li key={text}>
                <code>{text}</code>
                <span className="cc-muted">{n(2 ** (32 - b.prefix))} addresses</span>
                <button
                  type="button"
                  className="cc-button cc-button--small"
                  disabled={readOnly}
                  aria-expanded={open === text}
                  aria-label={`Split ${text} into subnets`}
                  onClick={() => setOpen(open === text ? null : text)}
                >
                  <Scissors size={13} aria-hidden /> Split…
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {block && (
        <SplitForm
          key={open}
          vpcId={vpcId}
          block={block}
          zones={zones}
          usual={usual}
          readOnly={readOnly}
          onDone={() => setOpen(null)}
        />
      )}
      <JoinForm plan={plan} vpcId={vpcId} readOnly={readOnly} />
    </section>
  );
}
