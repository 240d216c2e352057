// The findings that name the selected object.
import { useDeferredValue } from 'react';
import { untypedUpdate } from '../../domain/ops/update';
import { useAppStore } from '../../store/app-store';

export function ObjectFindings({
  id,
  shownElsewhere,
}: {
  id: string;
  /** Codes of findings the inspector shows in place (a route table's, by the route). */
  shownElsewhere?: ReadonlySet<string>;
}) {
  const indexes = useDeferredValue(useAppStore((s) => s.analysis?.findingsByObject[id]));
  const findings = useDeferredValue(useAppStore((s) => s.analysis?.findings));
  const shown = indexes?.filter((i) => !shownElsewhere?.has(findings?.[i]?.code ?? ''));
  if (!shown || !findings || shown.length === 0) return null;
  return (
    <section className="cc-object-findings" aria-label="Findings for this object">
      {shown.map((i) => {
        const f = findings[i]!;
        return (
          <div key={i} className={`cc-finding cc-finding--${f.severity}`}>
            <code>{f.code}</code>
            <p>{f.message}</p>
            {f.suggestion && (
              <button
                type="button"
                className="cc-button cc-button--small"
                onClick={() => {
                  const s = useAppStore.getState();
                  const collection = (
                    ['vpcs', 'subnets', 'clusters', 'resources', 'idcs'] as const
                  ).find((c) => s.plan[c].some((o) => o.id === f.suggestion!.object));
                  if (collection)
                    s.apply(
                      [
                        untypedUpdate(collection, f.suggestion!.object, {
                          [f.suggestion!.field]: f.suggestion!.value,
                        }),
                      ],
                      { label: 'Apply suggestion' },
                    );
                }}
              >
                Use {f.suggestion.value}
              </button>
            )}
          </div>
        );
      })}
    </section>
  );
}
