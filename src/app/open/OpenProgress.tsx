// The progress of a plan file being opened: its stages, the one it is at, how long it has taken,
// and Cancel. It floats over the canvas without a backdrop: the current plan stays in view and
// unchanged until the new one is ready.
import { useEffect, useRef, useState } from 'react';
import { cancelOpen } from '../open-plan';
import { useOpenProgress } from './progress';
import { STAGE_LABELS } from './stage-names';
import './open-progress.css';

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  const s = Math.max(0, (now - since) / 1000);
  return <span className="cc-open__elapsed">{s < 10 ? s.toFixed(1) : Math.round(s)} s</span>;
}

export function OpenProgress() {
  const task = useOpenProgress((s) => s.task);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = task?.id;
  useEffect(() => {
    // Keyboard users land on Cancel; Escape works from there too.
    if (id !== undefined) cancel.current?.focus();
  }, [id]);
  if (!task) return null;
  const at = task.stages.indexOf(task.stage);
  return (
    <div
      className="cc-open"
      role="dialog"
      aria-modal="false"
      aria-labelledby="cc-open-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          cancelOpen();
        }
      }}
    >
      <div className="cc-open__head">
        <h2 id="cc-open-title">Opening {task.name}</h2>
        <Elapsed since={task.startedAt} />
      </div>
      <p className="cc-open__now" role="status" aria-live="polite">
        {STAGE_LABELS[task.stage]}…
      </p>
      <div className="cc-open__bar" aria-hidden>
        <span style={{ width: `${((at + 0.5) / task.stages.length) * 100}%` }} />
      </div>
      <ol className="cc-open__stages" aria-label="Stages">
        {task.stages.map((s, i) => (
          <li
            key={s}
            className={i < at ? 'is-done' : i === at ? 'is-now' : undefined}
            aria-current={i === at ? 'step' : undefined}
          >
            {STAGE_LABELS[s]}
          </li>
        ))}
      </ol>
      <p className="cc-open__note">Your current plan stays as it is until the new one is ready.</p>
      <div className="cc-row">
        <button ref={cancel} type="button" className="cc-button" onClick={() => cancelOpen()}>
          Cancel
        </button>
      </div>
    </div>
  );
}
