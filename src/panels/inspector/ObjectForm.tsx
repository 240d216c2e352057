// The fields of one plan object, each labelled with the plan field's name in words.
import type { Collection, PlanObject, Subnet } from '../../domain/model/plan';
import { planIndexOf } from '../../domain/model/plan-index';
import { nextFreeIp } from '../../domain/ops/create';
import { untypedUpdate } from '../../domain/ops/update';
import { usePlanContent } from '../../store/hooks';
import { useAppStore } from '../../store/app-store';
import { selectReadOnly } from '../../store/selectors';
import {
  CheckboxField,
  CheckedField,
  MultiCheckField,
  SelectField,
  type Check,
} from '../../ui/fields';
import { acceptsAbsent } from '../../io/schema-fields';
import { ZoneField } from './ZoneField';
import { cidrCheck, cidrListCheck, countCheck, ipCheck, textCheck } from './checks';
import { FIELDS, type Field } from './object-fields';

type TypedField = Extract<Field, { type: 'text' | 'cidr' | 'cidrs' | 'ip' | 'count' }>;

/** A typed field: how its value shows as text and what the text must be (its schema's word). */
interface Typed {
  readonly check: Check<unknown>;
  readonly shown: (value: unknown) => string;
  readonly mono?: boolean;
  readonly multiline?: boolean;
  readonly placeholder?: string;
}

const asText = (value: unknown) => (value as string | undefined) ?? '';

const TYPED: { [T in TypedField['type']]: (f: Extract<TypedField, { type: T }>) => Typed } = {
  text: (f) => ({ check: textCheck(f.schema), shown: asText }),
  cidr: (f) => ({
    check: cidrCheck(f.schema),
    shown: asText,
    mono: true,
    placeholder: f.placeholder ?? '10.0.0.0/16',
  }),
  cidrs: (f) => ({
    check: cidrListCheck(f.schema),
    shown: (value) => ((value as string[] | undefined) ?? []).join('\n'),
    mono: true,
    multiline: true,
  }),
  ip: (f) => ({ check: ipCheck(f.schema), shown: asText, mono: true }),
  count: (f) => ({
    check: countCheck(f.schema),
    shown: (value) => (typeof value === 'number' ? String(value) : ''),
  }),
};

const typed = (f: TypedField): Typed => (TYPED[f.type] as (f: TypedField) => Typed)(f);

export function ObjectForm({ collection, object }: { collection: Collection; object: PlanObject }) {
  const plan = usePlanContent();
  const readOnly = useAppStore(selectReadOnly);
  const o = object as unknown as Record<string, unknown>;
  const write = (key: string, value: unknown) => {
    const s = useAppStore.getState();
    const empty =
      value === undefined ||
      (Array.isArray(value) &&
        value.length === 0 &&
        key !== 'nodeSubnets' &&
        key !== 'attachments' &&
        key !== 'cidrs');
    // The field and its value come from FIELDS and the field's schema check, not the compiler.
    const op = empty
      ? untypedUpdate(collection, object.id, {}, [key])
      : untypedUpdate(collection, object.id, { [key]: value });
    s.apply([op], { capture: 'eventually', label: `Edit ${key}` });
  };
  const done = () => useAppStore.getState().commitGesture();
  const writeNow = (key: string, value: unknown) => {
    if (collection === 'resources' && key === 'subnet' && typeof value === 'string') {
      // A resource moved to another subnet needs an address there.
      const ip = nextFreeIp(planIndexOf(useAppStore.getState().plan), value);
      useAppStore.getState().apply(
        [
          {
            op: 'update',
            collection: 'resources',
            id: object.id,
            set: { subnet: value, ...(ip ? { ip } : {}) },
            ...(ip ? {} : { unset: ['ip'] }),
          },
        ],
        { label: 'Move to subnet' },
      );
      return;
    }
    write(key, value);
    done();
  };
  return (
    <div className="cc-form">
      {FIELDS[collection].map((f) => {
        const common = {
          label: f.label,
          hint: 'hint' in f ? f.hint : undefined,
          disabled: readOnly,
          onDone: done,
        };
        switch (f.type) {
          case 'readonly':
            return (
              <div key={f.key} className="cc-field">
                <span className="cc-field__label">{f.label}</span>
                <span className="cc-field__static">{f.show(plan, object)}</span>
              </div>
            );
          case 'text':
          case 'cidr':
          case 'cidrs':
          case 'ip':
          case 'count': {
            const t = typed(f);
            return (
              <CheckedField
                key={f.key}
                {...common}
                mono={t.mono}
                multiline={t.multiline}
                placeholder={t.placeholder}
                value={t.shown(o[f.key])}
                check={t.check}
                onValue={(v) => write(f.key, v)}
              />
            );
          }
          case 'bool':
            return (
              <CheckboxField
                key={f.key}
                {...common}
                value={o[f.key] === true}
                onValue={(v) => writeNow(f.key, v ? true : undefined)}
              />
            );
          case 'select':
            return (
              <SelectField
                key={f.key}
                {...common}
                value={(o[f.key] as string | undefined) ?? ''}
                options={f.options(plan, object)}
                onValue={(v) =>
                  writeNow(f.key, v === '' && acceptsAbsent(f.schema) ? undefined : v)
                }
              />
            );
          case 'zone':
            return (
              <ZoneField
                key={f.key}
                plan={plan}
                subnet={object as Subnet}
                disabled={readOnly}
                onValue={(v) => write('zone', v)}
                onDone={done}
              />
            );
          case 'refs':
            return (
              <MultiCheckField
                key={f.key}
                {...common}
                value={(o[f.key] as string[] | undefined) ?? []}
                options={f.options(plan, object)}
                onValue={(v) => writeNow(f.key, v)}
              />
            );
        }
      })}
    </div>
  );
}
