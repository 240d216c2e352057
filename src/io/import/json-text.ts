// JSON input files: parsed with a message that says where a cut or broken file stops.
import { ImportError } from './types';

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let last = -1;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return `line ${line}, column ${position - last}`;
}

export function parseJsonFile(name: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const trimmed = text.trimEnd();
    const truncated =
      /Unexpected end of JSON input|Unterminated string/.test(message) ||
      (at !== null && Number(at[1]) >= trimmed.length);
    const where = at ? ` at ${lineAndColumn(text, Number(at[1]))}` : '';
    throw new ImportError(
      name,
      truncated
        ? `the file ends too early${where || ` at ${lineAndColumn(text, trimmed.length)}`}: it looks truncated (not valid JSON)`
        : `not valid JSON${where}: ${message.replace(/^JSON\.parse: /, '')}`,
    );
  }
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
