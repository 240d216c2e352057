// The review's steps by section, to jump to: a 1,500-object plan has thousands of steps, and a
// meeting wants the errors, or one cluster's paths, without stepping through all. The list shows
// the current step's section (a window of it when long); the section buttons move between them.
import { useEffect, useRef } from 'react';
import { nameOf, type Names } from '../../store/selectors';
import { sectionKey, type ReviewSection, type ReviewStep } from './steps';

export function sectionTitle(part: ReviewSection, names: Names): string {
  if (part.key === 'errors') return 'Errors';
  if (part.key === 'warnings') return 'Warnings';
  if (part.key === 'comments') return 'Comments';
  if (part.key === 'changes') return 'What changed';
  if (part.cluster !== undefined) return `Paths from ${nameOf(names, part.cluster)}`;
  return 'Summary';
}

function stepText(step: ReviewStep, names: Names): string {
  if (step.kind === 'summary') return 'Summary of the plan';
  if (step.kind === 'changes') return 'What changed since the plan compared with';
  if (step.kind === 'finding') return step.finding.message;
  if (step.kind === 'comment') return `${step.comment.author}: ${step.comment.text}`;
  const p = step.path;
  return `${nameOf(names, p.from)} → ${nameOf(names, p.to)}`;
}

/** Options drawn at once: a generated 1,500-object plan walks 22,000 paths. */
export const LIST_WINDOW = 200;

/** The steps the list shows: the current step's section, or a window of it around the step. */
export function listWindow(
  part: ReviewSection,
  at: number,
  size = LIST_WINDOW,
): { from: number; to: number } {
  const end = part.first + part.count;
  const from = Math.max(part.first, Math.min(at - Math.floor(size / 2), end - size));
  return { from, to: Math.min(end, from + size) };
}

export function StepList({
  steps,
  parts,
  at,
  names,
  onJump,
  onPick,
}: {
  steps: readonly ReviewStep[];
  parts: readonly ReviewSection[];
  at: number;
  names: Names;
  /** A section's first step, the list kept open on its steps. */
  onJump: (index: number) => void;
  onPick: (index: number) => void;
}) {
  const current = sectionKey(steps[at]!);
  const part = parts.find((x) => x.key === current) ?? parts[0]!;
  const { from, to } = listWindow(part, at);
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
            aria-current={current === part.key ? 'step' : undefined}
            onClick={() => onJump(part.first)}
          >
            {sectionTitle(part, names)} <strong>{part.count.toLocaleString('en-US')}</strong>
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
        <div role="group" aria-label={sectionTitle(part, names)}>
          <div className="cc-review__list-head" aria-hidden>
            {sectionTitle(part, names)} ({part.count.toLocaleString('en-US')})
            {to - from < part.count &&
              ` · steps ${(from + 1).toLocaleString('en-US')} to ${to.toLocaleString('en-US')} shown`}
          </div>
          {steps.slice(from, to).map((step, k) => {
            const i = from + k;
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
                <span className="cc-review__option-n">{(i + 1).toLocaleString('en-US')}</span>
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
      </div>
    </div>
  );
}
