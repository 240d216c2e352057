// Which kind of input a set of files is, from their content: the JSON that `terraform show
// -json` prints, Tencent Cloud API responses as tccli prints them, or Terraform configuration.
import { isRecord } from './json-text';
import { API_SET_KEYS } from './tccli/responses';
import { ImportError, type ImportFile, type ImportKind } from './types';

function kindOfFile(f: ImportFile): ImportKind | 'plan' | undefined {
  const text = f.text.trimStart();
  if (text.startsWith('{') || text.startsWith('[')) {
    // Only the start is looked at: a truncated file is still recognised (and then refused with
    // where it stops).
    const head = text.slice(0, 4096);
    if (/"format"\s*:\s*"cidr-canvas\/plan"/.test(head)) return 'plan';
    if (/"(format_version|terraform_version)"\s*:/.test(head)) return 'terraform-state';
    const keys = [...API_SET_KEYS, 'Response', 'RequestId'];
    if (keys.some((k) => head.includes(`"${k}"`))) return 'tencentcloud-api';
    try {
      const doc = JSON.parse(text) as unknown;
      const body = isRecord(doc) && isRecord(doc.Response) ? doc.Response : doc;
      if (isRecord(body) && API_SET_KEYS.some((k) => k in body)) return 'tencentcloud-api';
      if (isRecord(doc) && ('values' in doc || 'planned_values' in doc)) return 'terraform-state';
    } catch {
      return undefined;
    }
    return undefined;
  }
  if (/\.tf$/i.test(f.name)) return 'terraform';
  if (/^\s*(resource|variable|locals|provider|terraform|module|data|output)\b/m.test(f.text))
    return 'terraform';
  return undefined;
}

export function detectKind(files: readonly ImportFile[]): ImportKind {
  if (files.length === 0) throw new ImportError('input', 'no files to import');
  const kinds = new Map<string, string[]>();
  for (const f of files) {
    const k = kindOfFile(f);
    if (k === 'plan')
      throw new ImportError(
        f.name,
        'this is a CIDR Canvas plan, not something to import: open it instead',
      );
    if (k === undefined)
      throw new ImportError(
        f.name,
        'not recognised: expected `terraform show -json` output, .tf files for the tencentcloud provider, or tccli (Tencent Cloud API) JSON responses',
      );
    kinds.set(k, [...(kinds.get(k) ?? []), f.name]);
  }
  if (kinds.size > 1)
    throw new ImportError(
      'input',
      `the files are of different kinds (${[...kinds].map(([k, names]) => `${names.join(', ')}: ${k}`).join('; ')}); import one kind at a time`,
    );
  return [...kinds.keys()][0] as ImportKind;
}
