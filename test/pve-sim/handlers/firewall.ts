// Firewall endpoints for cluster, node and guest level: options GET/PUT and rules CRUD by position, with PVE's file digest.
import type { HandlerRegistry, SimRequest } from '../http/types.js';
import { paramError } from '../http/types.js';
import { opsState, sha1, type Fields, type FirewallFile } from '../cluster/ops-state.js';
import { fail, KINDS, num, optStr, str, type SimCore } from './common.js';

const RULE_KEYS = [
  'type',
  'action',
  'macro',
  'iface',
  'source',
  'dest',
  'proto',
  'dport',
  'sport',
  'icmp-type',
  'log',
  'comment',
  'enable',
];
const ACTIONS = new Set(['ACCEPT', 'DROP', 'REJECT']);
const META = new Set(['digest', 'delete', 'pos', 'moveto', 'node', 'vmid']);

/** The .fw file text PVE hashes for the digest: [OPTIONS] key: value lines, then [RULES] lines. */
function fileDigest(f: FirewallFile): string {
  const opts = Object.keys(f.options)
    .sort()
    .map((k) => `${k}: ${f.options[k]}`);
  const rules = f.rules.map((r) =>
    RULE_KEYS.filter((k) => r[k] !== undefined)
      .map((k) => `${k}=${r[k]}`)
      .join(' '),
  );
  return sha1(['[OPTIONS]', ...opts, '', '[RULES]', ...rules].join('\n'));
}

/** PVE::Tools::assert_if_modified */
function assertDigest(f: FirewallFile, req: SimRequest): void {
  const d = optStr(req, 'digest');
  if (d !== undefined && d !== fileDigest(f))
    throw fail('detected modified configuration - file changed by other user? Try again.');
}

function ruleAt(f: FirewallFile, pos: number): Fields {
  const r = f.rules[pos];
  if (!r) throw fail(`no rule at position ${pos}`);
  return r;
}

function copyRuleData(rule: Fields, req: SimRequest): void {
  for (const k of RULE_KEYS) {
    const v = req.params[k];
    if (v !== undefined && v !== null) rule[k] = typeof v === 'number' ? v : String(v);
  }
}

/** verify_rule: in/out/forward rules take ACCEPT, DROP or REJECT; group rules name a security group (none exist here). */
function verifyRule(rule: Fields, level: 'cluster' | 'node' | 'vm'): void {
  const action = String(rule['action'] ?? '');
  if (rule['type'] === 'group') throw paramError({ action: `no such security group '${action}'` });
  if (!ACTIONS.has(action)) throw paramError({ action: `unknown action '${action}'` });
  if (rule['type'] === 'forward' && level === 'vm')
    throw paramError({ type: "'forward' rules are not allowed on this level" });
  if (rule['dport'] !== undefined && rule['proto'] === undefined && rule['macro'] === undefined)
    throw paramError({ dport: "protocol not set (use 'proto' or 'macro')" });
}

function registerScope(
  reg: HandlerRegistry,
  base: string,
  level: 'cluster' | 'node' | 'vm',
  fileOf: (req: SimRequest) => FirewallFile,
): void {
  const withDigest = (f: FirewallFile): string => fileDigest(f);
  reg.add('GET', `${base}/rules`, (req) => {
    const f = fileOf(req);
    const digest = withDigest(f);
    return f.rules.map((r, pos) => ({
      ...r,
      pos,
      digest,
      ...(r['source'] || r['dest'] ? { ipversion: 4 } : {}),
    }));
  });
  reg.add('GET', `${base}/rules/{pos}`, (req) => {
    const f = fileOf(req);
    return { ...ruleAt(f, num(req, 'pos')), pos: num(req, 'pos') };
  });
  reg.add('POST', `${base}/rules`, (req) => {
    const f = fileOf(req);
    assertDigest(f, req);
    const rule: Fields = {};
    copyRuleData(rule, req);
    if (rule['enable'] === undefined) rule['enable'] = 0;
    verifyRule(rule, level);
    f.rules.unshift(rule);
    return null;
  });
  reg.add('PUT', `${base}/rules/{pos}`, (req) => {
    const f = fileOf(req);
    assertDigest(f, req);
    const pos = num(req, 'pos');
    const rule = ruleAt(f, pos);
    const moveto = req.params['moveto'];
    if (typeof moveto === 'number') {
      const next: Fields[] = [];
      f.rules.forEach((r, i) => {
        if (i === pos) return;
        if (i === moveto) next.push(rule);
        next.push(r);
      });
      if (moveto >= f.rules.length) next.push(rule);
      f.rules = next;
      return null;
    }
    const updated: Fields = { ...rule };
    for (const k of String(req.params['delete'] ?? '')
      .split(/[,;\s]+/)
      .filter(Boolean))
      delete updated[k];
    copyRuleData(updated, req);
    verifyRule(updated, level);
    f.rules[pos] = updated;
    return null;
  });
  reg.add('DELETE', `${base}/rules/{pos}`, (req) => {
    const f = fileOf(req);
    assertDigest(f, req);
    const pos = num(req, 'pos');
    ruleAt(f, pos);
    f.rules.splice(pos, 1);
    return null;
  });
  reg.add('GET', `${base}/options`, (req) => {
    const f = fileOf(req);
    return { ...f.options, digest: withDigest(f) };
  });
  reg.add('PUT', `${base}/options`, (req) => {
    const f = fileOf(req);
    assertDigest(f, req);
    for (const k of String(req.params['delete'] ?? '')
      .split(/[,;\s]+/)
      .filter(Boolean))
      delete f.options[k];
    for (const [k, v] of Object.entries(req.params))
      if (!META.has(k) && v !== undefined && v !== null) f.options[k] = typeof v === 'number' ? v : String(v);
    return null;
  });
}

export function registerFirewall(reg: HandlerRegistry, core: SimCore): void {
  const { state } = core;
  const file = (key: string, options: Fields = {}): FirewallFile => {
    const files = opsState(state).firewall;
    let f = files.get(key);
    if (!f) files.set(key, (f = { options, rules: [] }));
    return f;
  };
  registerScope(reg, '/cluster/firewall', 'cluster', () => file('cluster'));
  registerScope(reg, '/nodes/{node}/firewall', 'node', (req) =>
    file(`node/${state.node(str(req, 'node')).name}`),
  );
  for (const type of KINDS) {
    registerScope(reg, `/nodes/{node}/${type}/{vmid}/firewall`, 'vm', (req) =>
      file(`vm/${state.guestOn(str(req, 'node'), num(req, 'vmid'), type).vmid}`),
    );
  }
}
