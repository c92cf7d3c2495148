// Segment trie over the schema's templated paths: concrete path -> endpoint template, path variables and method info.
import type { SchemaMethod, SchemaNode } from './load.js';

export interface RouteMatch {
  template: string;
  vars: Record<string, string>;
  info: Partial<Record<string, SchemaMethod>>;
}

interface TrieNode {
  literal: Map<string, TrieNode>;
  param?: { name: string; node: TrieNode };
  template?: string;
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
  for (const seg of splitPath(template)) {
    const m = /^\{(.+)\}$/.exec(seg);
    if (m?.[1]) {
      cur.param ??= { name: m[1], node: newNode() };
      cur = cur.param.node;
    } else {
      let next = cur.literal.get(seg);
      if (!next) cur.literal.set(seg, (next = newNode()));
      cur = next;
    }
  }
  cur.template = template;
  return cur;
}

function find(node: TrieNode, segs: string[], i: number, vars: Record<string, string>): TrieNode | undefined {
  if (i === segs.length) return node.template !== undefined ? node : undefined;
  const seg = segs[i] as string;
  const lit = node.literal.get(seg);
  if (lit) {
    const r = find(lit, segs, i + 1, vars);
    if (r) return r;
  }
  if (node.param) {
    const r = find(node.param.node, segs, i + 1, vars);
    if (r) {
      vars[node.param.name] = seg;
      return r;
    }
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
      const vars: Record<string, string> = {};
      let segs: string[];
      try {
        segs = splitPath(path).map((s) => decodeURIComponent(s));
      } catch {
        return undefined;
      }
      const node = find(root, segs, 0, vars);
      if (!node || node.template === undefined) return undefined;
      return { template: node.template, vars, info: node.info ?? {} };
    },
    ensure(template) {
      const t = insert(root, template);
      t.info ??= {};
    },
    size: () => count,
  };
}
