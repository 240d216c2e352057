// A small writer of HCL (the Terraform language) that cannot be tricked by the text it is given:
// every string from a plan goes through `str`, which escapes what HCL would interpret, and every
// comment through `comment`, which keeps it on one line. Output is laid out the way
// `terraform fmt` lays it out: two-space indent, `=` aligned across consecutive attribute lines.

/** An expression, already written as HCL: a quoted string, a number, a reference, a list... */
export type Expr = { readonly hcl: string };

export type Item =
  | { readonly t: 'attr'; readonly key: string; readonly value: Expr }
  | { readonly t: 'comment'; readonly text: string }
  | { readonly t: 'block'; readonly header: string; readonly items: readonly Item[] }
  | { readonly t: 'blank' };

export const attr = (key: string, value: Expr): Item => ({ t: 'attr', key, value });
export const note = (text: string): Item => ({ t: 'comment', text });
export const blank: Item = { t: 'blank' };
export const block = (header: string, items: readonly Item[]): Item => ({
  t: 'block',
  header,
  items,
});

/** A bare expression such as `tencentcloud_vpc.prod.id` or `var.region`: trusted text only. */
export const raw = (hcl: string): Expr => ({ hcl });
export const num = (n: number | bigint): Expr => ({ hcl: n.toString() });
export const bool = (b: boolean): Expr => ({ hcl: b ? 'true' : 'false' });
export const list = (items: readonly Expr[]): Expr => ({
  hcl: `[${items.map((e) => e.hcl).join(', ')}]`,
});

/** Characters that reorder or hide text on screen (Trojan Source): written as escapes. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}

/**
 * A quoted HCL string that reads back as exactly `s`: backslashes, quotes and control characters
 * are escaped, and so are the template sequences `${` and `%{` (as `$${` and `%%{`), so nothing in
 * the text is interpolated or run as a template directive. Lone surrogates become U+FFFD.
 */
export function str(s: string): Expr {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const code = s.charCodeAt(i);
    if (c === '\\') out += '\\\\';
    else if (c === '"') out += '\\"';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if ((c === '$' || c === '%') && s[i + 1] === '{') out += c + c;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029)
      out += `\\u${hex(code, 4)}`;
    else if (BIDI.test(c)) out += `\\u${hex(code, 4)}`;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += c + s[i + 1]!;
        i++;
      } else out += '\uFFFD';
    } else if (code >= 0xdc00 && code <= 0xdfff) out += '\uFFFD';
    else out += c;
  }
  return { hcl: `${out}"` };
}

/**
 * Text safe inside a `#` comment: one line, without control or reordering characters. HCL ignores
 * a comment to the end of its line, so keeping it to one line is all that keeps it a comment.
 */
export function commentText(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029)
      out += ' ';
    else if (BIDI.test(ch)) continue;
    else if (code >= 0xd800 && code <= 0xdfff) out += '\uFFFD';
    else out += ch;
  }
  return out;
}

function render(items: readonly Item[], depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  let i = 0;
  while (i < items.length) {
    const item = items[i]!;
    if (item.t === 'attr') {
      // A run of consecutive attributes shares one column for `=`, as terraform fmt aligns them.
      let j = i;
      let width = 0;
      while (j < items.length && items[j]!.t === 'attr') {
        width = Math.max(width, (items[j] as { key: string }).key.length);
        j++;
      }
      for (let k = i; k < j; k++) {
        const a = items[k] as { key: string; value: Expr };
        out.push(`${pad}${a.key.padEnd(width)} = ${a.value.hcl}`);
      }
      i = j;
      continue;
    }
    if (item.t === 'comment') out.push(`${pad}# ${commentText(item.text)}`.trimEnd());
    else if (item.t === 'blank') out.push('');
    else if (item.items.length === 0) out.push(`${pad}${item.header} {}`);
    else {
      out.push(`${pad}${item.header} {`);
      render(item.items, depth + 1, out);
      out.push(`${pad}}`);
    }
    i++;
  }
}

/** The items as HCL text ending in one newline. */
export function renderHcl(items: readonly Item[]): string {
  const out: string[] = [];
  render(items, 0, out);
  return `${out.join('\n')}\n`;
}

/** UTF-8 length of a string, as the provider's length checks count it (Go's len). */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** `s` cut to at most `maxBytes` bytes of UTF-8, on a character boundary. */
export function truncateUtf8(s: string, maxBytes: number): string {
  if (utf8Length(s) <= maxBytes) return s;
  let out = '';
  let n = 0;
  for (const ch of s) {
    const len = utf8Length(ch);
    if (n + len > maxBytes) break;
    out += ch;
    n += len;
  }
  return out;
}

/**
 * Hands out Terraform identifiers: lower case letters, digits and underscores, starting with a
 * letter, each one unique. The same key always gets the same name; a second key that cleans up to
 * a name already taken gets `_2`, `_3`... A base with nothing usable falls back to the key.
 */
export class NameAllocator {
  private readonly taken = new Set<string>();
  private readonly byKey = new Map<string, string>();

  /**
   * A Terraform identifier from a person's text: lower case, every other character an underscore,
   * runs of underscores collapsed and trimmed; `n_` in front of one that would not start with a
   * letter. Empty when the text has no ASCII letter or digit at all.
   */
  static clean(text: string): string {
    const s = text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '');
    if (s === '') return '';
    return /^[a-z]/.test(s) ? s : `n_${s}`;
  }

  /** The name for `key` (allocated on first use from `base`, cleaned). */
  name(key: string, base: string = key): string {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const clean = NameAllocator.clean(base) || NameAllocator.clean(key) || 'unnamed';
    let name = clean;
    for (let n = 2; this.taken.has(name); n++) name = `${clean}_${n}`;
    this.taken.add(name);
    this.byKey.set(key, name);
    return name;
  }
}
