// Where the values of a JSON text start, by JSON path, down to a depth: `$.clusters[2]` is at
// line 31, column 5. SARIF results point code-scanning tools at the line of the object a finding
// names. The text has already been parsed as JSON; this only walks it.
import { jsonPath } from '../io/errors';

export interface Position {
  /** 1-based, as SARIF regions count. */
  readonly line: number;
  readonly column: number;
}

type Frame = { kind: 'object'; key: string | undefined } | { kind: 'array'; index: number };

export function locateValues(text: string, maxDepth = 2): Map<string, Position> {
  const found = new Map<string, Position>();
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  const record = (at: number) => {
    if (stack.length > maxDepth) return;
    const segments = stack.map((f) => (f.kind === 'array' ? f.index : (f.key ?? '')));
    found.set(jsonPath(segments), { line, column: at - lineStart + 1 });
  };
  // A value begins: in an array it is the next element; in an object it follows a key's colon.
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 0xfeff || c === 44 /* , */ || c === 58 /* : */)
      continue;
    const top = stack[stack.length - 1];
    if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent?.kind === 'array') parent.index++;
      expectKey = parent?.kind === 'object';
      continue;
    }
    if (c === 34 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (expectKey && top?.kind === 'object') {
        top.key = JSON.parse(text.slice(i, j + 1)) as string;
        expectKey = false;
      } else {
        record(i);
        afterScalar(stack);
        expectKey = top?.kind === 'object';
      }
      i = j;
      continue;
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      record(i);
      stack.push(c === 123 ? { kind: 'object', key: undefined } : { kind: 'array', index: 0 });
      expectKey = c === 123;
      continue;
    }
    // A number, true, false or null: runs to the next delimiter.
    record(i);
    while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1]!)) i++;
    afterScalar(stack);
    expectKey = top?.kind === 'object';
  }
  return found;
}

function afterScalar(stack: Frame[]): void {
  const top = stack[stack.length - 1];
  if (top?.kind === 'array') top.index++;
}
