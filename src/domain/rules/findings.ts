import { RULES, type Finding, type RuleCode, type Severity, type Suggestion } from './codes';

/** Collects findings as rules produce them, with the severity the catalog gives each code. */
export class FindingList {
  readonly items: Finding[] = [];

  add(
    code: RuleCode,
    objects: readonly string[],
    ranges: readonly string[],
    message: string,
    extra: { severity?: Severity; suggestion?: Suggestion | undefined } = {},
  ): void {
    const finding: Finding = {
      code,
      severity: extra.severity ?? RULES[code].severity,
      objects,
      ranges,
      message,
      ...(extra.suggestion ? { suggestion: extra.suggestion } : {}),
    };
    this.items.push(finding);
  }
}
