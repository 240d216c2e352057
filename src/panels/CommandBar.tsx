// Find an object by name, id, CIDR or an address inside a range, and go to it: the browser's own
// find cannot see what a large plan has not drawn. A combobox over a listbox (WAI-ARIA APG): focus
// stays in the field, arrows move the active option, Enter takes it, Escape closes.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { DEFAULT_LIMIT, searchIndexOf, type SearchHit } from '../domain/search/search-index';
import { useAppStore } from '../store/app-store';
import { Modal } from '../ui/modal';
import { jumpTo, parentLabel, searchPlan } from '../store/search';
import { selectPlan } from '../store/selectors';
import { KIND_WORDS } from '../ui/kind-words';
import { count } from './words';

const MATCH_WORDS: Readonly<Record<SearchHit['match'], string>> = {
  range: 'holds it',
  exact: 'exact',
  prefix: '',
  substring: '',
  cidr: '',
};

export function CommandBar() {
  const open = useAppStore((s) => s.commandOpen);
  return open ? <CommandBarDialog /> : null;
}

function CommandBarDialog() {
  const plan = useAppStore(selectPlan);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const returnTo = useRef<Element | null>(
    typeof document === 'undefined' ? null : document.activeElement,
  );
  const hits = useMemo(() => searchPlan({ plan }, query), [plan, query]);
  const current = hits.length > 0 ? Math.min(active, hits.length - 1) : -1;
  const optionId = (i: number) => `${listId}-opt-${i}`;

  useEffect(() => {
    // Index the plan while the person starts typing, not on their first keystroke.
    const t = setTimeout(() => searchIndexOf(plan), 0);
    return () => clearTimeout(t);
  }, [plan]);

  useEffect(() => {
    if (current < 0) return;
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const close = () => {
    useAppStore.getState().setCommandOpen(false);
    const el = returnTo.current;
    if (el instanceof HTMLElement && el.isConnected) el.focus();
  };
  const take = (hit: SearchHit) => {
    jumpTo(useAppStore, hit);
    const el = returnTo.current;
    if (el instanceof HTMLElement && el.isConnected) el.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[current];
      if (hit) take(hit);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  const q = query.trim();
  return (
    <Modal
      label="Find an object"
      className="cc-command"
      overlayClassName="cc-overlay--top"
      onClose={close}
    >
      <input
        className="cc-command__input"
        type="text"
        role="combobox"
        aria-label="Find by name, id, CIDR or address"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        placeholder="Name, id, CIDR, or an address like 10.0.1.9"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="cc-command__status" role="status">
        {q === ''
          ? 'Type to find an object; Enter goes to it.'
          : hits.length === 0
            ? `Nothing in the plan matches “${q}”.`
            : hits.length === DEFAULT_LIMIT
              ? `The first ${DEFAULT_LIMIT} matches: type more to narrow them.`
              : count(hits.length, 'match', 'matches')}
      </p>
      <ul className="cc-command__list" id={listId} role="listbox" aria-label="Matches">
        {hits.map((hit, i) => {
          const e = hit.entry;
          const parent = parentLabel({ plan }, hit);
          const cidr = hit.cidr ?? e.cidrs[0];
          const why = MATCH_WORDS[hit.match];
          return (
            <li
              key={`${e.kind}:${e.id}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={
                i === current ? 'cc-command__hit cc-command__hit--active' : 'cc-command__hit'
              }
              data-id={e.id}
              onMouseMove={() => i !== current && setActive(i)}
              onClick={() => take(hit)}
            >
              <span className="cc-command__kind">{KIND_WORDS[e.kind]}</span>
              <span className="cc-command__name">
                {e.name ?? e.id}
                {e.name !== undefined && e.name !== e.id && (
                  <span className="cc-command__id"> {e.id}</span>
                )}
              </span>
              {cidr !== undefined && (
                <span className="cc-command__cidr">
                  {cidr}
                  {why && <span className="cc-command__why"> · {why}</span>}
                </span>
              )}
              {parent !== undefined && <span className="cc-command__parent">in {parent}</span>}
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
