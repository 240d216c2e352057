// Evaluating HCL expressions from the syntax tree of a real HCL parser (the Lezer grammar of
// codemirror-lang-hcl): literals, templates, operators, conditionals, for expressions, indexing,
// splats and the functions a network configuration uses. Anything else — an unknown function, a
// value only known after apply, a name that is not declared — is an Unresolved error at its file
// and line: the import never guesses.
import type { SyntaxNode } from '@lezer/common';
import { ImportError } from '../types';
import { binary, FUNCTIONS } from './builtins';
import { at, child, children, textOf, type Source } from './syntax';
import { describe, isLazy, Unresolved, type Scope, type Value } from './value';

const OPERATIONS = new Set(['Operation', 'BinaryOperation', 'UnaryOperation', 'Conditional']);

function unescapeQuoted(raw: string): string {
  return raw.replace(
    /\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)|\$\$\{|%%\{/g,
    (m, e: string | undefined) => {
      if (m === '$${') return '${';
      if (m === '%%{') return '%{';
      switch (e![0]) {
        case 'n':
          return '\n';
        case 't':
          return '\t';
        case 'r':
          return '\r';
        case 'u':
        case 'U':
          return String.fromCodePoint(parseInt(e!.slice(1), 16));
        default:
          return e!;
      }
    },
  );
}

export class Evaluator {
  constructor(private readonly src: Source) {}

  private fail(node: SyntaxNode, message: string): never {
    throw new Unresolved(at(this.src, node), message);
  }

  /** An Expression node (or any single expression node). */
  eval(node: SyntaxNode, scope: Scope): Value {
    if (node.name === 'Expression') return this.seq(children(node), scope, node);
    return this.seq([node], scope, node);
  }

  /**
   * A primary expression followed by attribute accesses, indexes and splats. The grammar hangs
   * the accesses after a binary operation or conditional on the operation (`100 + each.value`
   * comes as `Operation(100 + each) GetAttr(.value)`); in HCL they bind tighter than any
   * operator, so they belong to its rightmost operand, and are handed down to it.
   */
  private seq(
    nodes: SyntaxNode[],
    scope: Scope,
    whole: SyntaxNode,
    trailing: SyntaxNode[] = [],
  ): Value {
    if (nodes.length === 0) this.fail(whole, 'an empty expression');
    if (nodes[0]!.name === '(' && trailing.length === 0)
      return this.seq(nodes.slice(1, -1), scope, whole);
    const first = nodes[0]!;
    if (OPERATIONS.has(first.name)) {
      const after = [...nodes.slice(1), ...trailing];
      if (first.name === 'Operation') return this.operation(children(first)[0]!, scope, after);
      if (first.name === 'Conditional') return this.conditional(first, scope, after);
      return this.operation(first, scope, after);
    }
    nodes = [...nodes, ...trailing];
    let v = this.primary(nodes[0]!, scope);
    let splat = false;
    for (const n of nodes.slice(1)) {
      if (n.name === 'Splat') {
        if (!Array.isArray(v)) v = v === null ? [] : [v];
        splat = true;
        continue;
      }
      const step = (x: Value): Value => this.postfix(x, n, scope);
      v = splat ? (v as Value[]).map(step) : step(v);
    }
    return v;
  }

  private postfix(v: Value, n: SyntaxNode, scope: Scope): Value {
    if (n.name === 'GetAttr') {
      const name = textOf(this.src, child(n, 'Identifier')!);
      return this.getAttr(v, name, n);
    }
    if (n.name === 'Index') {
      const inner = children(n)[0]!;
      let key: Value;
      if (inner.name === 'NewIndex') key = this.eval(child(inner, 'Expression')!, scope);
      else key = Number(textOf(this.src, inner).replace(/^\./, ''));
      return this.index(v, key, n);
    }
    return this.fail(n, `cannot read ${textOf(this.src, n)} here`);
  }

  getAttr(v: Value, name: string, node: SyntaxNode): Value {
    if (isLazy(v)) return v.attr(name, at(this.src, node));
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      if (!(name in v)) this.fail(node, `the object has no attribute ${name}`);
      return v[name]!;
    }
    return this.fail(node, `cannot read attribute ${name} of ${describe(v)}`);
  }

  private index(v: Value, key: Value, node: SyntaxNode): Value {
    if (Array.isArray(v)) {
      const i = typeof key === 'number' ? key : Number(key);
      if (!Number.isInteger(i) || i < 0 || i >= v.length)
        this.fail(node, `index ${describe(key)} is out of range (${v.length} elements)`);
      return v[i]!;
    }
    if (v !== null && typeof v === 'object' && !isLazy(v)) {
      const k =
        typeof key === 'string' || typeof key === 'number' ? String(key) : JSON.stringify(key);
      if (!(k in v)) this.fail(node, `the map has no key ${JSON.stringify(k)}`);
      return v[k]!;
    }
    return this.fail(node, `cannot index ${describe(v)}`);
  }

  private primary(node: SyntaxNode, scope: Scope): Value {
    switch (node.name) {
      case 'Expression':
        return this.eval(node, scope);
      case 'LiteralValue':
        return this.literal(children(node)[0]!, scope);
      case 'StringLit':
      case 'NumericLit':
      case 'BoolLit':
      case 'NullLit':
        return this.literal(node, scope);
      case 'TemplateExpr':
        return this.template(children(node)[0]!, scope);
      case 'QuotedTemplate':
      case 'HeredocTemplate':
        return this.template(node, scope);
      case 'VariableExpr':
        return scope.lookup(textOf(this.src, node), node, this.src);
      case 'CollectionValue':
        return this.collection(children(node)[0]!, scope);
      case 'Tuple':
      case 'Object':
        return this.collection(node, scope);
      case 'FunctionCall':
        return this.call(node, scope);
      case 'ForExpr':
        return this.forExpr(children(node)[0]!, scope);
      default:
        return this.fail(
          node,
          `cannot read ${JSON.stringify(textOf(this.src, node).slice(0, 40))} (${node.name})`,
        );
    }
  }

  private literal(node: SyntaxNode, scope: Scope): Value {
    const t = textOf(this.src, node);
    switch (node.name) {
      case 'NumericLit':
        return Number(t);
      case 'BoolLit':
        return t === 'true';
      case 'NullLit':
        return null;
      case 'StringLit':
        return this.template(node, scope);
      default:
        return this.fail(node, `cannot read ${t}`);
    }
  }

  private template(node: SyntaxNode, scope: Scope): Value {
    const heredoc = node.name === 'HeredocTemplate';
    const parts: Value[] = [];
    let strip = false;
    for (const c of children(node)) {
      switch (c.name) {
        case 'TemplateLiteral': {
          const raw = textOf(this.src, c);
          parts.push(
            heredoc ? raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{') : unescapeQuoted(raw),
          );
          break;
        }
        case 'TemplateInterpolation': {
          const e = child(c, 'Expression')!;
          parts.push(this.eval(e, scope));
          break;
        }
        case 'HeredocStart':
          strip = textOf(this.src, c) === '<<-';
          break;
        case 'TemplateDirective':
          return this.fail(c, 'template directives (%{ if } and %{ for }) are not read');
        default:
          break;
      }
    }
    if (parts.length === 1 && !heredoc && typeof parts[0] !== 'string') return parts[0]!;
    let out = parts.map((p) => this.toText(p, node)).join('');
    if (heredoc) {
      out = out.replace(/^\n/, '');
      if (strip) {
        const lines = out.split('\n');
        const indent = Math.min(
          ...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length),
        );
        out = lines.map((l) => l.slice(indent)).join('\n');
      }
      out += '\n';
    }
    return out;
  }

  private toText(v: Value, node: SyntaxNode): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return this.fail(node, `cannot put ${describe(v)} into a string`);
  }

  private collection(node: SyntaxNode, scope: Scope): Value {
    if (node.name === 'Tuple')
      return children(node)
        .filter((c) => c.name === 'Expression')
        .map((c) => this.eval(c, scope));
    const out: Record<string, Value> = {};
    for (const el of children(node).filter((c) => c.name === 'ObjectElem')) {
      const parts = children(el);
      const keyNode = parts.find((c) => c.name === 'ObjectKey')!;
      const valueNode = parts.filter((c) => c.name === 'Expression').pop()!;
      const keyExpr = children(keyNode)[0]!;
      // A bare word is the key itself; anything else is evaluated.
      const bare =
        keyExpr.name === 'Expression' &&
        children(keyExpr).length === 1 &&
        children(keyExpr)[0]!.name === 'VariableExpr';
      const key = bare
        ? textOf(this.src, keyExpr)
        : this.toText(this.eval(keyExpr, scope), keyExpr);
      out[key] = this.eval(valueNode, scope);
    }
    return out;
  }

  private conditional(node: SyntaxNode, scope: Scope, trailing: SyntaxNode[]): Value {
    const parts = children(node).filter((c) => c.name !== 'ControlOp');
    const cond = this.eval(parts[0]!, scope);
    if (typeof cond !== 'boolean')
      this.fail(parts[0]!, `a condition should be true or false, got ${describe(cond)}`);
    if (cond) return this.eval(parts[1]!, scope);
    const last = parts[2]!;
    return this.seq(last.name === 'Expression' ? children(last) : [last], scope, last, trailing);
  }

  private operation(node: SyntaxNode, scope: Scope, trailing: SyntaxNode[] = []): Value {
    const parts = children(node);
    if (node.name === 'UnaryOperation') {
      const op = textOf(this.src, parts[0]!);
      const v = this.seq(parts.slice(1), scope, node, trailing);
      if (op === '!' && typeof v === 'boolean') return !v;
      if (op === '-' && typeof v === 'number') return -v;
      return this.fail(node, `cannot apply ${op} to ${describe(v)}`);
    }
    const i = parts.findIndex(
      (c) => c.name === 'ArithOp' || c.name === 'CompareOp' || c.name === 'LogicOp',
    );
    const op = textOf(this.src, parts[i]!);
    const a = this.seq(parts.slice(0, i), scope, node);
    if (op === '&&' && a === false) return false;
    if (op === '||' && a === true) return true;
    const b = this.seq(parts.slice(i + 1), scope, node, trailing);
    const v = binary(op, a, b);
    if (v !== undefined) return v;
    return this.fail(node, `cannot apply ${op} to ${describe(a)} and ${describe(b)}`);
  }

  private forExpr(node: SyntaxNode, scope: Scope): Value {
    const parts = children(node);
    const intro = parts.find((c) => c.name === 'ForIntro')!;
    const names = children(intro)
      .filter((c) => c.name === 'Identifier')
      .map((c) => textOf(this.src, c));
    const coll = this.eval(child(intro, 'Expression')!, scope);
    const exprs = parts.filter((c) => c.name === 'Expression');
    const cond = parts.find((c) => c.name === 'ForCond');
    const condExpr = cond ? child(cond, 'Expression') : undefined;
    const isObject = node.name === 'ForObjectExpr';
    const grouped = isObject && parts.some((c) => c.name === 'Ellipsis');
    let entries: [Value, Value][];
    if (Array.isArray(coll)) entries = coll.map((v, i) => [i, v]);
    else if (coll !== null && typeof coll === 'object' && !isLazy(coll))
      entries = Object.entries(coll);
    else return this.fail(node, `a for expression needs a list or a map, got ${describe(coll)}`);
    const out: Value[] = [];
    const obj: Record<string, Value> = {};
    for (const [k, v] of entries) {
      const vars = new Map<string, Value>(
        names.length === 2
          ? [
              [names[0]!, k],
              [names[1]!, v],
            ]
          : [[names[0]!, v]],
      );
      const inner: Scope = {
        lookup: (name, n, src) => (vars.has(name) ? vars.get(name)! : scope.lookup(name, n, src)),
      };
      if (condExpr) {
        const c = this.eval(condExpr, inner);
        if (c !== true && c !== false)
          this.fail(condExpr, `a for condition should be true or false, got ${describe(c)}`);
        if (!c) continue;
      }
      if (isObject) {
        const key = this.toText(this.eval(exprs[0]!, inner), exprs[0]!);
        const value = this.eval(exprs[1]!, inner);
        if (grouped) ((obj[key] ??= []) as Value[]).push(value);
        else obj[key] = value;
      } else out.push(this.eval(exprs[0]!, inner));
    }
    return isObject ? obj : out;
  }

  private call(node: SyntaxNode, scope: Scope): Value {
    const parts = children(node);
    const name = textOf(
      this.src,
      parts.find((c) => c.name === 'FunctionName')!,
    );
    const argsNode = parts.find((c) => c.name === 'FunctionArguments');
    const argNodes = argsNode ? children(argsNode).filter((c) => c.name === 'Expression') : [];
    let args = argNodes.map((a) => this.eval(a, scope));
    if (argsNode && children(argsNode).some((c) => c.name === 'Ellipsis')) {
      const last = args.pop();
      if (!Array.isArray(last)) this.fail(node, 'the argument before ... should be a list');
      args = [...args, ...last];
    }
    const f = FUNCTIONS[name];
    if (!f) return this.fail(node, `function ${name}() is not read by the import`);
    try {
      return f(args);
    } catch (e) {
      if (e instanceof ImportError) throw e;
      return this.fail(node, `${name}(): ${(e as Error).message}`);
    }
  }
}
