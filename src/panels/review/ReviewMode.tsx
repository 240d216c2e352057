// Review mode for meetings: read-only, larger type, and a walkthrough driven by the arrow keys.
import { ChevronLeft, ChevronRight, ListOrdered, X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { pathKey } from '../../domain/incremental/delta';
import { RULES } from '../../domain/rules/codes';
import { useAppStore } from '../../store/app-store';
import { usePlanContent } from '../../store/hooks';
import {
  nameOf,
  selectCapacity,
  selectComparing,
  selectFindings,
  selectNames,
  selectPaths,
} from '../../store/selectors';
import { count, explainTerms, fieldWords, reasonSentence, REASON_WORDS } from '../words';
import './review.css';
import {
  carryStep,
  isUrgent,
  reviewSteps,
  sections,
  sectionKey,
  stepObjects,
  summarize,
  type ReviewStep,
} from './steps';
import { StepList, sectionTitle } from './StepList';
import { WhatChanged } from '../changes/WhatChanged';

/** Text with its terms of the trade explained on hover. */
function Explained({ text }: { text: string }) {
  return (
    <>
      {explainTerms(text).map((p, i) =>
        p.hint ? (
          <abbr key={i} className="cc-term" title={p.hint} tabIndex={0}>
            {p.text}
          </abbr>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

function StepBody({ step, steps }: { step: ReviewStep; steps: readonly ReviewStep[] }) {
  const plan = usePlanContent();
  const findings = useAppStore(selectFindings);
  const capacity = useAppStore(selectCapacity);
  const names = useAppStore(selectNames);
  if (step.kind === 'changes') return <WhatChanged />;
  if (step.kind === 'summary') {
    const sum = summarize(plan, findings, capacity, steps);
    return (
      <div className="cc-review__summary">
        <h2>{plan.name ?? 'Untitled plan'}</h2>
        <div className="cc-review__stats">
          <div>
            <strong>{sum.objects.toLocaleString('en-US')}</strong>{' '}
            {sum.objects === 1 ? 'object' : 'objects'}
          </div>
          <div className="is-error">
            <strong>{sum.errors.toLocaleString('en-US')}</strong>{' '}
            {sum.errors === 1 ? 'error' : 'errors'}
          </div>
          <div className="is-warning">
            <strong>{sum.warnings.toLocaleString('en-US')}</strong>{' '}
            {sum.warnings === 1 ? 'warning' : 'warnings'}
          </div>
          <div className={sum.unreachable > 0 ? 'is-error' : undefined}>
            <strong>{sum.unreachable.toLocaleString('en-US')}</strong>{' '}
            {sum.unreachable === 1 ? 'unreachable path' : 'unreachable paths'}
          </div>
          <div className={sum.snat > 0 ? 'is-warning' : undefined}>
            <strong>{sum.snat.toLocaleString('en-US')}</strong>{' '}
            {sum.snat === 1 ? 'SNAT path' : 'SNAT paths'}
          </div>
          <div>
            <strong>{sum.clusters.length}</strong>{' '}
            {sum.clusters.length === 1 ? 'cluster' : 'clusters'}
          </div>
        </div>
        <p className="cc-review__walk">
          Next: {count(sum.walk.findings, 'finding')}, {count(sum.walk.comments, 'comment')} and{' '}
          {count(sum.walk.paths, 'path step')}.
        </p>
        {sum.clusters.length > 0 && (
          <table className="cc-review__clusters">
            <thead>
              <tr>
                <th>Cluster</th>
                <th>Mode</th>
                <th>Pods/node</th>
                <th>Max nodes</th>
                <th>Services</th>
                <th>Free node IPs</th>
              </tr>
            </thead>
            <tbody>
              {sum.clusters.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>{c.mode}</td>
                  <td>{c.capacity?.podsPerNode ?? '—'}</td>
                  <td>{c.capacity?.maxNodes ?? '—'}</td>
                  <td>{c.capacity?.usableServices ?? '—'}</td>
                  <td>{c.capacity?.nodeSubnetFreeIps ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    );
  }
  if (step.kind === 'finding') {
    const f = step.finding;
    return (
      <div className={`cc-review__finding cc-finding--${f.severity}`}>
        <div className="cc-review__kicker">
          {f.severity} · {RULES[f.code]?.title ?? f.code} · <code>{f.code}</code>
        </div>
        <p className="cc-review__lead">
          <Explained text={f.message} />
        </p>
        {f.suggestion && (
          <p className="cc-muted">
            Suggested fix: set the {fieldWords(f.suggestion.field)} of{' '}
            <span className="cc-review__name">{nameOf(names, f.suggestion.object)}</span> to{' '}
            <code>{f.suggestion.value}</code>
          </p>
        )}
      </div>
    );
  }
  if (step.kind === 'comment') {
    const c = step.comment;
    return (
      <div className="cc-review__comment">
        <div className="cc-review__kicker">
          Comment {step.nth} of {step.of} ·{' '}
          {c.object === undefined ? 'on the plan' : `on ${nameOf(names, c.object)}`} · {c.author}
        </div>
        <p className="cc-review__lead">{c.text}</p>
        {(c.replies ?? []).map((r, i) => (
          <p key={i} className="cc-muted">
            <strong>{r.author}:</strong> {r.text}
          </p>
        ))}
      </div>
    );
  }
  const p = step.path;
  return (
    <div className="cc-review__path">
      <div className="cc-review__kicker">
        Path {step.nth} of {step.of} from{' '}
        <span className="cc-review__name">{nameOf(names, p.from)}</span> ·{' '}
        <span className={`cc-verdict cc-verdict--${p.verdict}`}>
          {p.verdict === 'snat' ? 'SNAT' : p.verdict}
        </span>
        {p.reason && (
          <>
            {' · '}
            <span className="cc-review__reason" title={p.reason}>
              {REASON_WORDS[p.reason]}
            </span>
          </>
        )}
      </div>
      <p className="cc-review__lead" title={`${p.from} → ${p.to}`}>
        <span className="cc-review__name">{nameOf(names, p.from)}</span> →{' '}
        <span className="cc-review__name">{nameOf(names, p.to)}</span>
      </p>
      <p className="cc-review__why">
        <Explained text={p.reason ? reasonSentence(p.reason, p.message) : p.message} />
      </p>
      <p className="cc-muted">
        {p.hops.map((h, i) => (
          <span key={i}>
            {i > 0 && ' › '}
            <span className="cc-review__name">{nameOf(names, h)}</span>
          </span>
        ))}
      </p>
    </div>
  );
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', 'Enter', ' ']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

function reviewButton(): HTMLElement | null {
  return document.querySelector<HTMLElement>('button[title="Walk through the plan in a meeting"]');
}

/**
 * Outside a review nothing is computed: the walkthrough's steps read the whole plan, its findings
 * and paths, and would be built again on every edit and every result for a card nobody sees.
 */
export function ReviewMode() {
  const reviewing = useAppStore((s) => s.review !== null && s.review !== undefined);
  // A new review starts afresh (every step, the list closed): the card is mounted for each one.
  return reviewing ? <ReviewCard /> : null;
}

function ReviewCard() {
  const review = useAppStore((s) => s.review);
  const plan = usePlanContent();
  const findings = useAppStore(selectFindings);
  const paths = useAppStore(selectPaths);
  const names = useAppStore(selectNames);
  const comparing = useAppStore(selectComparing);
  const all = useMemo(
    () => reviewSteps(plan, findings, paths, comparing),
    [plan, findings, paths, comparing],
  );
  // Short of time, a meeting looks at what is broken: the errors and the paths that fail.
  const [urgentOnly, setUrgentOnly] = useState(false);
  const [listOpen, setListOpen] = useState(false);
  const steps = useMemo(() => (urgentOnly ? all.filter(isUrgent) : all), [all, urgentOnly]);
  const parts = useMemo(() => sections(steps), [steps]);
  const index = review ? Math.min(review.step, steps.length - 1) : 0;
  const step = steps[index];
  const cardRef = useRef<HTMLElement>(null);
  const reviewing = review !== null && review !== undefined;
  const toggleUrgent = () => {
    const next = urgentOnly ? all : all.filter(isUrgent);
    useAppStore.getState().setReviewStep(carryStep(steps, index, next));
    setUrgentOnly(!urgentOnly);
  };

  useEffect(() => {
    if (!review || !step) return;
    const s = useAppStore.getState();
    const ids = stepObjects(step);
    s.hoverFinding(step.kind === 'finding' ? step.index : null);
    s.hoverPath(step.kind === 'path' ? pathKey(step.path) : null);
    // The step's objects, or the whole plan, in the part of the canvas the card leaves free.
    if (ids.length > 0) s.focus(ids);
    else s.focus([...s.plan.vpcs, ...s.plan.idcs, ...s.plan.ccns].map((o) => o.id));
  }, [review, step]);

  // A clicker sends PageDown/PageUp or Enter/Space wherever focus is: while reviewing, keys step
  // the review and reach nothing else (no shortcut, no button under focus, no canvas handler).
  useEffect(() => {
    if (!review) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Tab') return;
      const s = useAppStore.getState();
      const at = Math.min(s.review?.step ?? 0, steps.length - 1);
      const mod = e.ctrlKey || e.metaKey || e.altKey;
      e.stopImmediatePropagation();
      if (mod) return;
      // A card button a person tabbed to does what it says.
      if (
        (e.key === 'Enter' || e.key === ' ') &&
        e.target instanceof HTMLButtonElement &&
        cardRef.current?.contains(e.target)
      )
        return;
      if (NEXT.has(e.key)) s.setReviewStep(Math.min(steps.length - 1, at + 1));
      else if (PREVIOUS.has(e.key)) s.setReviewStep(Math.max(0, at - 1));
      else if (e.key === 'Home') s.setReviewStep(0);
      else if (e.key === 'End') s.setReviewStep(steps.length - 1);
      else if (e.key === 'Escape') s.endReview();
      e.preventDefault();
    };
    // Space and Enter click a focused button on keyup too; that must not reach it either.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      if (e.target instanceof Node && cardRef.current?.contains(e.target)) return;
      e.stopImmediatePropagation();
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keyup', onKeyUp, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keyup', onKeyUp, true);
    };
  }, [review, steps.length]);

  // Focus goes into the card when review opens, and back where it came from (the Review button)
  // when it closes, so that a keyboard or a clicker never lands on the toolbar's toggle mid-review.
  useEffect(() => {
    if (!reviewing) return;
    const before = document.activeElement;
    cardRef.current?.focus();
    return () => {
      const back =
        before instanceof HTMLElement && before !== document.body && before.isConnected
          ? before
          : reviewButton();
      back?.focus();
    };
  }, [reviewing]);

  if (!review || !step) return null;
  const s = () => useAppStore.getState();
  const part = parts.find((x) => x.key === sectionKey(step));
  return (
    <section
      ref={cardRef}
      tabIndex={-1}
      className={`cc-review cc-review--${step.kind}`}
      role="dialog"
      aria-label="Review"
      aria-modal="false"
    >
      <div className="cc-review__bar">
        <span className="cc-review__title">Review</span>
        <span className="cc-review__count" data-step={index}>
          Step {(index + 1).toLocaleString('en-US')} of {steps.length.toLocaleString('en-US')}
        </span>
        {part && part.key !== 'summary' && (
          <span className="cc-review__section" data-section={part.key}>
            {sectionTitle(part, names)} · {index - part.first + 1} of {part.count}
          </span>
        )}
        <span className="cc-spacer" />
        <button
          type="button"
          className="cc-tool cc-review__toggle"
          aria-pressed={urgentOnly}
          title="Show only the error findings and the paths that do not get through"
          onClick={toggleUrgent}
        >
          Only errors and unreachable paths
        </button>
        <button
          type="button"
          className="cc-tool"
          aria-expanded={listOpen}
          aria-controls="cc-review-steps"
          onClick={() => setListOpen(!listOpen)}
        >
          <ListOrdered size={18} /> Steps
        </button>
        <button
          type="button"
          className="cc-tool"
          aria-label="Previous step"
          onClick={() => s().setReviewStep(Math.max(0, index - 1))}
          disabled={index === 0}
        >
          <ChevronLeft size={18} />
        </button>
        <button
          type="button"
          className="cc-tool"
          aria-label="Next step"
          onClick={() => s().setReviewStep(Math.min(steps.length - 1, index + 1))}
          disabled={index === steps.length - 1}
        >
          <ChevronRight size={18} />
        </button>
        <button
          type="button"
          className="cc-tool"
          aria-label="Leave review"
          onClick={() => s().endReview()}
        >
          <X size={18} /> Leave
        </button>
      </div>
      {listOpen && (
        <StepList
          steps={steps}
          parts={parts}
          at={index}
          names={names}
          onJump={(i) => s().setReviewStep(i)}
          onPick={(i) => {
            s().setReviewStep(i);
            setListOpen(false);
            cardRef.current?.focus();
          }}
        />
      )}
      <div className="cc-review__body" aria-live="polite">
        <StepBody step={step} steps={all} />
      </div>
      <div className="cc-review__hint">
        ← → Enter Space PageUp PageDown to step through · Esc to leave
      </div>
    </section>
  );
}
