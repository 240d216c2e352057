// What .tf files declare, before anything is evaluated: variables with their defaults, locals,
// tencentcloud providers and resources, and the export's `cidr-canvas:` lines. Files are parsed
// with the HCL parser of codemirror-lang-hcl (a Lezer grammar, pure JavaScript: it runs in Node
// and in the browser and is loaded only when .tf files are imported); a file that does not parse
// is a problem at its line, and nothing of it is read.
import type { SyntaxNode } from '@lezer/common';
import { hclLanguage } from 'codemirror-lang-hcl';
import { readCarryLine } from '../../export/terraform-carry';
import type { Carried } from '../carried';
import type { ImportFile, ImportProblem, SkipList } from '../types';
import { Evaluator } from './evaluator';
import { at, blockParts, bodyAttributes, children, lineOf, sourceOf, type Source } from './syntax';

export interface Decl {
  readonly src: Source;
  readonly node: SyntaxNode;
  readonly ev: Evaluator;
}

export interface BlockDecl extends Decl {
  readonly type: string;
  readonly name: string;
  readonly body: SyntaxNode;
  readonly attrs: Map<string, SyntaxNode>;
  /** The id in the `cidr-canvas:` line right above the block, if one is (for untagged resources). */
  carriedId?: string;
}

export interface ProviderDecl extends Decl {
  readonly alias?: SyntaxNode;
  readonly region?: SyntaxNode;
}

export interface Declarations {
  readonly problems: ImportProblem[];
  readonly variables: Map<string, Decl & { expr?: SyntaxNode }>;
  readonly locals: Map<string, Decl & { expr: SyntaxNode }>;
  /** Resources by address, `tencentcloud_vpc.main`. */
  readonly resources: Map<string, BlockDecl>;
  /** In the order they are declared: a later one of the same alias wins. */
  readonly providers: ProviderDecl[];
  readonly carried: Carried[];
  /** How many tencentcloud resources and data sources the files declare. */
  tencentcloud: number;
}

function family(type: string): string {
  const cut = type.indexOf('_');
  return cut > 0 ? `${type.slice(0, cut)}_*` : type;
}

/** The first place the parser could not read, as a problem; undefined when the file parses. */
function syntaxProblem(
  f: ImportFile,
  src: Source,
  tree: ReturnType<typeof hclLanguage.parser.parse>,
): ImportProblem | undefined {
  let error: number | undefined;
  tree.iterate({
    enter: (n) => {
      if (error !== undefined) return false;
      if (n.type.isError) error = n.from;
      return undefined;
    },
  });
  if (error === undefined) return undefined;
  const end = error >= f.text.trimEnd().length;
  return {
    where: at(src, Math.min(error, f.text.length)),
    message: end
      ? 'the file ends in the middle of a block or expression: it looks truncated (not valid HCL)'
      : `not valid HCL here: ${JSON.stringify(f.text.slice(error, error + 30).split('\n')[0])}`,
  };
}

export function readDeclarations(files: readonly ImportFile[], skipped: SkipList): Declarations {
  const d: Declarations = {
    problems: [],
    variables: new Map(),
    locals: new Map(),
    resources: new Map(),
    providers: [],
    carried: [],
    tencentcloud: 0,
  };
  const parser = hclLanguage.parser;
  for (const f of files) {
    const src = sourceOf(f.name, f.text);
    const tree = parser.parse(f.text);
    const problem = syntaxProblem(f, src, tree);
    if (problem) {
      d.problems.push(problem);
      continue;
    }
    // Carried lines by line number: one names the object of the next resource block.
    const lineIds = new Map<number, string>();
    f.text.split('\n').forEach((line, i) => {
      if (!line.includes('cidr-canvas:')) return;
      const c = readCarryLine(line);
      if (!c) return;
      d.carried.push({ ...c, at: `${f.name}:${i + 1}` });
      const id = (c.object as { id?: unknown } | null)?.id;
      if (typeof id === 'string') lineIds.set(i + 1, id);
    });
    let pendingFrom = 0;
    const ev = new Evaluator(src);
    const top = tree.topNode.getChild('Body');
    if (!top) continue;
    for (const block of children(top)) {
      if (block.name === 'Attribute') {
        d.problems.push({
          where: at(src, block),
          message: 'an attribute outside any block: not a Terraform file',
        });
        continue;
      }
      if (block.name !== 'Block') continue;
      const { type, labels, body } = blockParts(block, src);
      const attrs = bodyAttributes(body, src);
      switch (type) {
        case 'variable':
          d.variables.set(labels[0]!, {
            src,
            node: block,
            ev,
            ...(attrs.has('default') ? { expr: attrs.get('default')! } : {}),
          });
          break;
        case 'locals':
          for (const [k, expr] of attrs) d.locals.set(k, { src, node: block, ev, expr });
          break;
        case 'provider':
          if (labels[0] === 'tencentcloud')
            d.providers.push({
              src,
              node: block,
              ev,
              ...(attrs.has('alias') ? { alias: attrs.get('alias')! } : {}),
              ...(attrs.has('region') ? { region: attrs.get('region')! } : {}),
            });
          break;
        case 'resource':
        case 'data': {
          const [rtype, rname] = labels;
          if (!rtype || !rname) {
            d.problems.push({
              where: at(src, block),
              message: `a ${type} block needs a type and a name`,
            });
            break;
          }
          const address = `${type === 'data' ? 'data.' : ''}${rtype}.${rname}`;
          if (!rtype.startsWith('tencentcloud_')) {
            skipped.add(family(rtype), `${address} (${at(src, block)})`, 'not tencentcloud');
            break;
          }
          d.tencentcloud++;
          if (type === 'data') {
            // Read from the cloud at plan time: an expression naming one is Unresolved.
            skipped.add(
              `data.${rtype}`,
              address,
              'a data source describes, it does not hold, a network object',
            );
            break;
          }
          // `resource "x" "y" {}` has no Body node: the block stands in for an empty one.
          const decl: BlockDecl = {
            src,
            node: block,
            ev,
            type: rtype,
            name: rname,
            body: body ?? block,
            attrs,
          };
          const line = lineOf(src, block.from);
          for (const [n, id] of lineIds) if (n > pendingFrom && n < line) decl.carriedId = id;
          pendingFrom = line;
          d.resources.set(address, decl);
          break;
        }
        case 'module':
          skipped.add(
            'module',
            `module.${labels[0] ?? '?'} (${at(src, block)})`,
            'modules are not read from .tf files: import `terraform show -json` of the state instead',
          );
          break;
        default:
          break;
      }
    }
  }
  return d;
}
