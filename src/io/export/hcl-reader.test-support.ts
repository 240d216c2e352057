// For the exporters' tests: just enough of an HCL reader to check what Terraform would make of
// the generated text. It reads quoted strings the way HCL does (escapes, `$${` and `%%{` as
// literals) and reports any `${` or `%{` that would start a template, which the exporter must
// never let through from plan text. Comments (`#` to the end of the line) are skipped.

export interface HclString {
  /** The string's value once HCL has read it. */
  readonly value: string;
  /** 1-based line of the opening quote. */
  readonly line: number;
  /** The attribute the string is the value of, when it is `key = "..."`. */
  readonly key?: string;
}

export interface HclScan {
  readonly strings: HclString[];
  /** Template sequences that HCL would interpolate or run, with their line. */
  readonly templates: { line: number; text: string }[];
  /** The text with every string replaced by `""` and every comment removed. */
  readonly skeleton: string;
  readonly problems: string[];
}

export function scanHcl(text: string): HclScan {
  const strings: HclString[] = [];
  const templates: { line: number; text: string }[] = [];
  const problems: string[] = [];
  let skeleton = '';
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c !== '"') {
      if (c === '\n') line++;
      skeleton += c;
      i++;
      continue;
    }
    // The attribute this string belongs to: `key = "` on the same line.
    const before = /([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*$/.exec(
      skeleton.slice(skeleton.lastIndexOf('\n') + 1),
    );
    const start = line;
    let value = '';
    i++;
    for (;;) {
      if (i >= text.length) {
        problems.push(`line ${start}: unterminated string`);
        break;
      }
      const d = text[i]!;
      if (d === '"') {
        i++;
        break;
      }
      if (d === '\n') {
        problems.push(`line ${line}: a line break inside a string`);
        line++;
      }
      if (d === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        if (e !== undefined && e in simple) {
          value += simple[e]!;
          i += 2;
        } else if (e === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) {
          value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e === 'U' && /^[0-9A-Fa-f]{8}$/.test(text.slice(i + 2, i + 10))) {
          value += String.fromCodePoint(parseInt(text.slice(i + 2, i + 10), 16));
          i += 10;
        } else {
          problems.push(`line ${line}: unknown escape \\${e ?? ''}`);
          i += 2;
        }
        continue;
      }
      if ((d === '$' || d === '%') && text[i + 1] === '{') {
        templates.push({ line, text: text.slice(i, i + 20) });
        value += d;
        i++;
        continue;
      }
      if ((d === '$' || d === '%') && text[i + 1] === d && text[i + 2] === '{') {
        // `$${` is a literal `${`; a run of `$` before it stays literal too.
        value += `${d}{`;
        i += 3;
        continue;
      }
      value += d;
      i++;
    }
    strings.push({ value, line: start, ...(before ? { key: before[1]! } : {}) });
    skeleton += '""';
  }
  return { strings, templates, skeleton, problems };
}

/** `resource "type" "name"` headers of the skeleton are gone; read them from the text instead. */
export function blockHeaders(text: string): { kind: string; type: string; name: string }[] {
  const out: { kind: string; type: string; name: string }[] = [];
  const re = /^(resource|data) "([^"\\]+)" "([^"\\]+)" \{/gm;
  for (let m = re.exec(text); m; m = re.exec(text))
    out.push({ kind: m[1]!, type: m[2]!, name: m[3]! });
  return out;
}

/** The body of `resource "type" "name" { ... }` (the lines between its braces). */
export function resourceBody(text: string, type: string, name: string): string {
  const head = `resource "${type}" "${name}" {\n`;
  const start = text.indexOf(head);
  if (start < 0) throw new Error(`no resource ${type}.${name}`);
  const end = text.indexOf('\n}\n', start);
  return text.slice(start + head.length, end + 1);
}

/** `key = value` lines of a block body (top level of the block only), value as written. */
export function attributes(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of body.split('\n')) {
    const m = /^ {2}([a-z0-9_]+)\s+= (.*)$/.exec(l);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** The plan templates of the app, by file name, as text. */
