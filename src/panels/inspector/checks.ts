// What a field accepts is what the plan format's schema for that field accepts (src/io/schema.ts,
// the one a plan file is parsed with), in its words. Here only how typed text becomes a value,
// and what to say when a field that must have one is left empty.
import { acceptsAbsent, checkFieldValue, type FieldSchema } from '../../io/schema-fields';
import type { Check } from '../../ui/fields';

type Read<T> = { ok: true; value: T | undefined } | { ok: false; error: string };

function fromSchema<T>(
  schema: FieldSchema,
  read: (text: string) => Read<T>,
  required: string,
): Check<T | undefined> {
  const optional = acceptsAbsent(schema);
  return (text) => {
    const r = read(text);
    if (!r.ok) return r;
    if (r.value === undefined)
      return optional ? { ok: true, value: undefined } : { ok: false, error: required };
    const c = checkFieldValue(schema, r.value);
    return c.ok ? { ok: true, value: r.value } : c;
  };
}

const trimmed = (text: string): Read<string> => {
  const t = text.trim();
  return { ok: true, value: t === '' ? undefined : t };
};

export function cidrCheck(schema: FieldSchema): Check<string | undefined> {
  return fromSchema(schema, trimmed, 'A CIDR is required here');
}

export function ipCheck(schema: FieldSchema): Check<string | undefined> {
  return fromSchema(schema, trimmed, 'An address is required here');
}

/** Text is kept as typed (spaces inside a name are the author's); only blank means empty. */
export function textCheck(schema: FieldSchema): Check<string | undefined> {
  return fromSchema(
    schema,
    (text) => ({ ok: true, value: text.trim() === '' ? undefined : text }),
    'Required',
  );
}

export function countCheck(schema: FieldSchema): Check<number | undefined> {
  return fromSchema(
    schema,
    (text) => {
      const t = text.trim();
      if (t === '') return { ok: true, value: undefined };
      if (!/^[0-9]+$/.test(t)) return { ok: false, error: 'Expected a whole number' };
      return { ok: true, value: Number(t) };
    },
    'A number is required here',
  );
}

/**
 * CIDRs separated by commas, spaces or lines. Left empty, a list the format lets go absent is
 * removed; one it requires (an IDC's `cidrs`) stays, empty.
 */
export function cidrListCheck(schema: FieldSchema): Check<string[] | undefined> {
  const optional = acceptsAbsent(schema);
  return fromSchema(
    schema,
    (text) => {
      const parts = text
        .split(/[\s,]+/)
        .map((p) => p.trim())
        .filter(Boolean);
      return { ok: true, value: parts.length > 0 || !optional ? parts : undefined };
    },
    'A list is required here',
  );
}
