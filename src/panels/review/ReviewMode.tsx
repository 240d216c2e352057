// Review mode for meetings: read-only, larger type, and a walkthrough driven by the arrow keys.
import { ChevronLeft, ChevronRight, X } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { useAppStore } from '../../store/app-store';
import { usePlanContent } from '../../store/hooks';
import { nameOf, selectFindings, selectNames, selectPaths } from '../../store/selectors';
import { reviewSteps, stepObjects, summarize, type ReviewStep } from './steps';

function StepBody({ step }: { step: ReviewStep }) {
  const plan = usePlanContent();
  const findings = useAppStore(selectFindings);
  const capacity = useAppStore((s) => s.analysis?.capacity ?? []);
  const names = useAppStore(selectNames);
  if (step.kind === 'summary') {
    const sum = summarize(plan, findings, capacity);
    return (
      <div className="cc-review__summary">
        <h2>{plan.name ?? 'Untitled plan'}</h2>
        <div className="cc-review__stats">
          <div>
            <strong>{sum.objects}</strong> {sum.objects === 1 ? 'object' : 'objects'}
          </div>
          <div className="is-error">
            <strong>{sum.errors}</strong> {sum.errors === 1 ? 'error' : 'errors'}
          </div>
          <div className="is-warning">
            <strong>{sum.warnings}</strong> {sum.warnings === 1 ? 'warning' : 'warnings'}
          </div>
          <div>
            <strong>{sum.clusters.length}</strong>{' '}
            {sum.clusters.length === 1 ? 'cluster' : 'clusters'}
          </div>
        </div>
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
          {f.severity} · <code>{f.code}</code>
        </div>
        <p className="cc-review__lead">{f.message}</p>
        {f.suggestion && (
          <p className="cc-muted">
            Suggested fix: set {f.suggestion.field} of {nameOf(names, f.suggestion.object)} to{' '}
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
        Path {step.nth} of {step.of} from {nameOf(names, p.from)} ·{' '}
        <span className={`cc-verdict cc-verdict--${p.verdict}`}>
          {p.verdict === 'snat' ? 'SNAT' : p.verdict}
        </span>
        {p.reason && <code> {p.reason}</code>}
      </div>
      <p className="cc-review__lead" title={`${p.from} → ${p.to}`}>
        {nameOf(names, p.from)} → {nameOf(names, p.to)}
      </p>
      <p>{p.message}</p>
      <p className="cc-muted">{p.hops.map((h) => nameOf(names, h)).join(' › ')}</p>
    </div>
  );
}

export function ReviewMode() {
  const review = useAppStore((s) => s.review);
  const plan = usePlanContent();
  const findings = useAppStore(selectFindings);
  const paths = useAppStore(selectPaths);
  const steps = useMemo(() => reviewSteps(plan, findings, paths), [plan, findings, paths]);
  const index = review ? Math.min(review.step, steps.length - 1) : 0;
  const step = steps[index];

  useEffect(() => {
    if (!review || !step) return;
    const s = useAppStore.getState();
    const ids = stepObjects(step);
    s.hoverFinding(step.kind === 'finding' ? step.index : null);
    s.hoverPath(step.kind === 'path' ? `${step.path.from}->${step.path.to}` : null);
    // The step's objects, or the whole plan, in the part of the canvas the card leaves free.
    if (ids.length > 0) s.focus(ids);
    else s.focus([...s.plan.vpcs, ...s.plan.idcs, ...s.plan.ccns].map((o) => o.id));
  }, [review, step]);

  useEffect(() => {
    if (!review) return;
    const onKey = (e: KeyboardEvent) => {
      const s = useAppStore.getState();
      const at = Math.min(s.review?.step ?? 0, steps.length - 1);
      if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ')
        s.setReviewStep(Math.min(steps.length - 1, at + 1));
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') s.setReviewStep(Math.max(0, at - 1));
      else if (e.key === 'Home') s.setReviewStep(0);
      else if (e.key === 'End') s.setReviewStep(steps.length - 1);
      else if (e.key === 'Escape') s.endReview();
      else return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [review, steps.length]);

  if (!review || !step) return null;
  const s = () => useAppStore.getState();
  return (
    <section
      className={`cc-review cc-review--${step.kind}`}
      role="dialog"
      aria-label="Review"
      aria-modal="false"
    >
      <header className="cc-review__bar">
        <span className="cc-review__title">Review</span>
        <span className="cc-review__count" data-step={index}>
          Step {index + 1} of {steps.length}
        </span>
        <span className="cc-spacer" />
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
      </header>
      <div className="cc-review__body" aria-live="polite">
        <StepBody step={step} />
      </div>
      <footer className="cc-review__hint">← → to step through · Esc to leave</footer>
    </section>
  );
}
