// Start a plan: empty, or from a template that shows something worth seeing.
import { useEffect, useState } from 'react';
import { emptyPlan, type Plan } from '../domain/model/plan';
import { parsePlanValue } from '../io/parse';
import { useAppStore } from '../store/app-store';
import { openPlan } from './open-plan';
import { count } from '../panels/words';
import { Modal } from '../ui/modal';

const loaders = import.meta.glob<unknown>('./templates/*.plan.json', { import: 'default' });

interface Template {
  readonly file: string;
  readonly plan: Plan;
}

async function loadTemplates(): Promise<Template[]> {
  const out: Template[] = [];
  for (const [file, load] of Object.entries(loaders).sort(([a], [b]) => a.localeCompare(b))) {
    const r = parsePlanValue(await load());
    if (r.ok) out.push({ file, plan: r.value });
    else console.error(`Template ${file} does not read: ${r.error.path}: ${r.error.message}`);
  }
  return out;
}

export function TemplatesDialog({ onClose }: { onClose: () => void }) {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  useEffect(() => {
    void loadTemplates().then(setTemplates);
  }, []);
  const start = async (plan: Plan) => {
    onClose();
    await openPlan(plan, { kind: 'template', ...(plan.name ? { name: plan.name } : {}) });
    useAppStore
      .getState()
      .toast(
        `Started from “${plan.name ?? 'template'}”: undo brings your previous plan back`,
        'success',
      );
  };
  return (
    <Modal label="New plan" className="cc-dialog--wide" onClose={onClose}>
      <h2>New plan</h2>
      <div className="cc-templates">
        <button
          type="button"
          className="cc-template"
          onClick={() => void start({ ...emptyPlan('Untitled plan'), layout: {} })}
        >
          <strong>Empty plan</strong>
          <span>A blank canvas: drag a VPC in to begin.</span>
        </button>
        {templates === null && <p className="cc-muted">Loading templates…</p>}
        {templates?.map((t) => (
          <button
            key={t.file}
            type="button"
            className="cc-template"
            data-template={t.file.replace(/^.*\//, '')}
            onClick={() => void start(t.plan)}
          >
            <strong>{t.plan.name ?? t.file}</strong>
            <span>{(t.plan as { description?: string }).description ?? ''}</span>
            <small>
              {count(t.plan.vpcs.length, 'VPC')} · {count(t.plan.clusters.length, 'cluster')} ·{' '}
              {count(t.plan.resources.length, 'resource')}
            </small>
          </button>
        ))}
      </div>
      <button type="button" className="cc-button" onClick={onClose}>
        Cancel
      </button>
    </Modal>
  );
}
