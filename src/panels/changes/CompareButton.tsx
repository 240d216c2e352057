// The toolbar's "Compare with...": picks a plan file to compare the current plan with.
import { GitCompareArrows } from 'lucide-react';
import { useRef } from 'react';
import { useAppStore } from '../../store/app-store';
import { selectComparing } from '../../store/selectors';
import { compareWithFile } from './compare-file';

export function CompareButton() {
  const input = useRef<HTMLInputElement>(null);
  const comparing = useAppStore(selectComparing);
  return (
    <>
      <button
        type="button"
        data-collapse="1400"
        className={`cc-tool cc-toggle${comparing ? ' is-on' : ''}`}
        onClick={() => input.current?.click()}
        aria-label="Compare with…"
        title="Compare with… a plan file: what was added, removed and changed since"
      >
        <GitCompareArrows size={16} /> Compare
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Compare with plan file"
        className="cc-visually-hidden"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void compareWithFile(f);
        }}
      />
    </>
  );
}
