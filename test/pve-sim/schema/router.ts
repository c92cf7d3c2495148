// Segment trie over the schema's templated paths: concrete path -> endpoint template, path variables and method info.
import type { SchemaMethod, SchemaNode } from './load.js';

export interface RouteMatch {
  template: string;
  vars: Record<string, string>;
  info: Partial<Record<string, SchemaMethod>>;
}

interface TrieNode {
  literal: Map<string, TrieNode>;
  /** one slot for any variable: templates may name the same position differently */
  param?: TrieNode;
  template?: string;
  /** the template's variable names, in order */
  names?: string[];
  info?: Partial<Record<string, SchemaMethod>>;
}

export interface Router {
  match(path: string): RouteMatch | undefined;
  /** add a template that is not in the schema (less-strict mode, test handlers) */
  ensure(template: string): void;
  size(): number;
}

const newNode = (): TrieNode => ({ literal: new Map() });

function splitPath(p: string): string[] {
  return p.split('/').filter((s) => s !== '');
}

function insert(root: TrieNode, template: string): TrieNode {
  let cur = root;
  const names: string[] = [];
  for (const seg of splitPath(template)) {
    const m = /^\{(.+)\}$/.exec(seg);
    if (m?.[1]) {
      names.push(m[1]);
      cur = cur.param ??= newNode();
    } else {
      let next = cur.literal.get(seg);
      if (!next) cur.literal.set(seg, (next = newNode()));
      cur = next;
    }
  }
  cur.template = template;
  cur.names = names;
  return cur;
}

/** literal segments win over variables; backtracks when a literal branch dead-ends */
function find(node: TrieNode, segs: string[], i: number, values: string[]): TrieNode | undefined {
  if (i === segs.length) return node.template !== undefined ? node : undefined;
  const seg = segs[i] as string;
  const lit = node.literal.get(seg);
  if (lit) {
    const r = find(lit, segs, i + 1, values);
    if (r) return r;
  }
  if (node.param) {
    values.push(seg);
    const r = find(node.param, segs, i + 1, values);
    if (r) return r;
    values.pop();
  }
  return undefined;
}

export function buildRouter(tree: SchemaNode[]): Router {
  const root = newNode();
  let count = 0;
  const walk = (n: SchemaNode): void => {
    const t = insert(root, n.path);
    t.info = n.info ?? {};
    count++;
    for (const c of n.children ?? []) walk(c);
  };
  tree.forEach(walk);
  return {
    match(path) {
      let segs: string[];
      try {
        segs = splitPath(path).map((s) => decodeURIComponent(s));
      } catch {
        return undefined;
      }
      const values: string[] = [];
      const node = find(root, segs, 0, values);
      if (!node || node.template === undefined) return undefined;
      const vars: Record<string, string> = {};
      (node.names ?? []).forEach((name, i) => (vars[name] = values[i] ?? ''));
      return { template: node.template, vars, info: node.info ?? {} };
    },
    ensure(template) {
      const t = insert(root, template);
      t.info ??= {};
    },
    size: () => count,
  };
}
