// Reading the plan a command was given (a path, or - for standard input): the plan, or a message
// for standard error that names the file and, for a bad plan, the JSON path and what was expected.
import { readFileSync } from 'node:fs';
import type { Plan } from '../domain/model/plan';
import { formatPlanError } from '../io/errors';
import { parsePlanText } from '../io/parse';

export function readPlanFile(
  file: string,
): { ok: true; plan: Plan } | { ok: false; message: string } {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    return { ok: false, message: `${file}: cannot read the file: ${(e as Error).message}` };
  }
  const parsed = parsePlanText(text);
  if (!parsed.ok) return { ok: false, message: `${file}: ${formatPlanError(parsed.error)}` };
  return { ok: true, plan: parsed.value };
}
