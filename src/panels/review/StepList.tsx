// Every step of the review in one list, by section, to jump to: a 1,500-object plan has hundreds
// of steps, and a meeting wants the errors, or one cluster's paths, without stepping through all.
import { useEffect, useRef } from 'react';
import { nameOf, type Names } from '../../store/selectors';
import { sectionKey, type ReviewSection, type ReviewStep } from './steps';

export function sectionTitle(part: ReviewSection, names: Names): string {
  if (part.key === 'errors') return 'Errors';
  if (part.key === 'warnings') return 'Warnings';
  if (part.key === 'comments') return 'Comments';
  if (part.cluster !== undefined) return `Paths from ${nameOf(names, part.cluster)}`;
  return 'Summary';
}

function stepText(step: ReviewStep, names: Names): string {
  if (step.kind === 'summary') return 'Summary of the plan';
  if (step.kind === 'finding') return step.finding.message;
  if (step.kind === 'comment') return `${step.comment.author}: ${step.comment.text}`;
  const p = step.path;
  return `${nameOf(names, p.from)} → ${nameOf(names, p.to)}`;
}

export function StepList({
  steps,
  parts,
  at,
  names,
  onPick,
}: {
  steps: readonly ReviewStep[];
  parts: readonly ReviewSection[];
  at: number;
  names: Names;
  onPick: (index: number) => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [at]);
  return (
    <div className="cc-review__steps" id="cc-review-steps">
      <nav className="cc-review__sections" aria-label="Sections">
        {parts.map((part) => (
          <button
            key={part.key}
            type="button"
            className="cc-button cc-button--small"
            data-section={part.key}
            aria-current={sectionKey(steps[at]!) === part.key ? 'step' : undefined}
            onClick={() => onPick(part.first)}
          >
            {sectionTitle(part, names)} <strong>{part.count}</strong>
          </button>
        ))}
      </nav>
      <div
        ref={list}
        className="cc-review__list"
        role="listbox"
        aria-label="Steps"
        tabIndex={0}
        aria-activedescendant={`cc-review-step-${at}`}
      >
        {parts.map((part) => (
          <div key={part.key} role="group" aria-label={sectionTitle(part, names)}>
            <div className="cc-review__list-head" aria-hidden>
              {sectionTitle(part, names)} ({part.count})
            </div>
            {steps.slice(part.first, part.first + part.count).map((step, k) => {
              const i = part.first + k;
              const verdict =
                step.kind === 'path'
                  ? step.path.verdict
                  : step.kind === 'finding'
                    ? step.finding.severity
                    : undefined;
              return (
                <div
                  key={i}
                  id={`cc-review-step-${i}`}
                  role="option"
                  aria-selected={i === at}
                  className="cc-review__option"
                  data-verdict={verdict}
                  onClick={() => onPick(i)}
                >
                  <span className="cc-review__option-n">{i + 1}</span>
                  <span className="cc-review__option-text">{stepText(step, names)}</span>
                  {step.kind === 'path' && (
                    <span className={`cc-verdict cc-verdict--${step.path.verdict}`}>
                      {step.path.verdict === 'snat' ? 'SNAT' : step.path.verdict}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
