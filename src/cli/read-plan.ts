// Reading the plan a command was given (a path, or - for standard input): the plan and its text,
// or a message for standard error that names the file and, for a bad plan, the JSON path and
// what was expected. One line, whatever the input: a binary file's bytes are not echoed.
import { readFileSync } from 'node:fs';
import type { Plan } from '../domain/model/plan';
import { formatPlanError } from '../io/errors';
import { parsePlanText } from '../io/parse';

export type ReadPlan = { ok: true; plan: Plan; text: string } | { ok: false; message: string };

/** The name a file is given in messages: standard input is `-` on the command line. */
export const displayName = (file: string) => (file === '-' ? '<stdin>' : file);

/** Control characters (a binary file quoted in a JSON error) shown as escapes, on one line. */
export function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) =>
    c === '\n' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function readPlanFile(file: string): ReadPlan {
  const name = displayName(file);
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ENOENT'
        ? 'no such file'
        : err.code === 'EISDIR'
          ? 'it is a directory, not a plan file'
          : err.code === 'EACCES'
            ? 'permission denied'
            : err.message;
    return { ok: false, message: `${name}: cannot read the file: ${oneLine(why)}` };
  }
  if (text.trim() === '')
    return { ok: false, message: `${name}: $: the file is empty; expected a plan (JSON)` };
  const parsed = parsePlanText(text);
  if (!parsed.ok)
    return { ok: false, message: oneLine(`${name}: ${formatPlanError(parsed.error)}`) };
  return { ok: true, plan: parsed.value, text };
}
