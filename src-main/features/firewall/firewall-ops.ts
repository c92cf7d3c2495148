// Firewall view and plans: rules of a cluster, node or guest as PVE lists them; add/edit/delete a rule with the file digest.
import type {
  FirewallAction,
  FirewallRuleInput,
  FirewallScope,
  FirewallView,
} from '../../../src-shared/ipc/channels/firewall.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { ActionId } from '../../../src-shared/permissions/action-privileges.js';
import { actionCall, type PlanTarget } from '../../../src-shared/plans/plan.js';
import type { PveCaller, PveParams } from '../../pve/api/caller.js';
import {
  addFirewallRule,
  deleteFirewallRule,
  getFirewallOptions,
  listFirewallRules,
  updateFirewallRule,
  type FirewallRule,
} from '../../pve/api/firewall.js';
import type { BuiltAction } from '../../plans/plan-types.js';
import { clusterAction } from '../../plans/cluster-plan.js';

const OPTIONAL = ['macro', 'proto', 'source', 'dest', 'dport', 'sport', 'iface', 'log', 'comment'] as const;

export async function firewallView(c: PveCaller, scope: FirewallScope): Promise<FirewallView> {
  const [rules, opts] = await Promise.all([listFirewallRules(c, scope), getFirewallOptions(c, scope)]);
  return {
    scope,
    digest: opts.digest || (rules[0]?.digest ?? ''),
    options: opts.options,
    rules: rules.map(({ enabled, pos, type, action, ...rest }) => ({
      pos,
      type,
      action,
      enabled,
      ...pick(rest),
    })),
  };
}

function pick(r: Partial<Record<(typeof OPTIONAL)[number], string>>): Partial<FirewallRuleInput> {
  const out: Record<string, string> = {};
  for (const k of OPTIONAL) if (r[k]) out[k] = r[k];
  return out as Partial<FirewallRuleInput>;
}

/** the rule as a line of a PVE .fw file: "|IN SSH(ACCEPT) -source 10.0.0.0/8 # admin ssh" (| = disabled) */
export function ruleLine(
  r: Pick<FirewallRule, 'type' | 'action' | 'enabled'> & Partial<Record<(typeof OPTIONAL)[number], string>>,
): string {
  const head = `${r.enabled ? '' : '|'}${r.type.toUpperCase()} ${r.macro ? `${r.macro}(${r.action})` : r.action}`;
  const opts = [
    ['iface', r.iface],
    ['source', r.source],
    ['dest', r.dest],
    ['p', r.proto],
    ['dport', r.dport],
    ['sport', r.sport],
    ['log', r.log],
  ]
    .filter((o): o is [string, string] => typeof o[1] === 'string' && o[1] !== '')
    .map(([k, v]) => `-${k} ${v}`);
  return [head, ...opts, ...(r.comment ? [`# ${r.comment}`] : [])].join(' ');
}

function ruleParams(r: FirewallRuleInput): PveParams {
  const p: PveParams = { type: r.type, action: r.action, enable: r.enabled ? 1 : 0 };
  for (const k of OPTIONAL) if (r[k] !== undefined && r[k] !== '') p[k] = r[k];
  return p;
}

function scopeOf(s: FirewallScope): {
  id: ActionId;
  base: string;
  label: string;
  targets: PlanTarget[];
  vars: Record<string, string | number>;
} {
  if (s.kind === 'cluster')
    return {
      id: 'firewall.cluster.rules',
      base: '/cluster/firewall',
      label: 'cluster firewall',
      targets: [],
      vars: {},
    };
  if (s.kind === 'node')
    return {
      id: 'firewall.node.rules',
      base: '/nodes/{node}/firewall',
      label: `firewall of node ${s.node}`,
      targets: [{ kind: 'node', id: s.node }],
      vars: { node: s.node },
    };
  return {
    id: 'firewall.guest.rules',
    base: `/nodes/{node}/${s.type}/{vmid}/firewall`,
    label: `firewall of ${s.type === 'qemu' ? 'VM' : 'CT'} ${s.vmid}`,
    targets: [{ kind: s.type, id: String(s.vmid), node: s.node }],
    vars: { node: s.node, vmid: s.vmid, type: s.type },
  };
}

async function current(
  c: PveCaller,
  s: FirewallScope,
  pos: number,
): Promise<{ rule: FirewallRule; digest: string }> {
  const rules = await listFirewallRules(c, s);
  const rule = rules.find((r) => r.pos === pos);
  if (!rule) throw new AppFailure('not_found', `No rule at position ${pos}`);
  return { rule, digest: rule.digest ?? '' };
}

export async function buildFirewall(a: FirewallAction, c: PveCaller): Promise<BuiltAction> {
  const sc = scopeOf(a.scope);
  const digestParam = (d: string): PveParams => (d ? { digest: d } : {});
  if (a.kind === 'firewall.rule.add') {
    const digest = (await getFirewallOptions(c, a.scope)).digest;
    const params = { ...ruleParams(a.rule), ...digestParam(digest) };
    return clusterAction(
      {
        title: `Add a rule to the ${sc.label}`,
        targets: sc.targets,
        diff: [{ kind: 'config', key: 'rule 0 (new, on top)', change: 'added', after: ruleLine(a.rule) }],
        warnings: [],
      },
      [
        {
          call: actionCall(sc.id, 'POST', `${sc.base}/rules`, sc.vars, params),
          run: (x) => addFirewallRule(x, a.scope, params),
        },
      ],
    );
  }
  const { rule, digest } = await current(c, a.scope, a.pos);
  if (a.kind === 'firewall.rule.delete') {
    return clusterAction(
      {
        title: `Delete rule ${a.pos} of the ${sc.label}`,
        targets: sc.targets,
        diff: [{ kind: 'config', key: `rule ${a.pos}`, change: 'removed', before: ruleLine(rule) }],
        warnings: [],
      },
      [
        {
          call: actionCall(
            sc.id,
            'DELETE',
            `${sc.base}/rules/{pos}`,
            { ...sc.vars, pos: a.pos },
            digestParam(digest),
          ),
          run: (x) => deleteFirewallRule(x, a.scope, a.pos, digest || undefined),
        },
      ],
    );
  }
  const before = ruleLine(rule);
  const after = ruleLine(a.rule);
  if (before === after) throw new AppFailure('bad_parameter', 'Nothing to change');
  const drop = OPTIONAL.filter((k) => rule[k] !== undefined && (a.rule[k] === undefined || a.rule[k] === ''));
  const params = {
    ...ruleParams(a.rule),
    ...(drop.length ? { delete: drop.join(',') } : {}),
    ...digestParam(digest),
  };
  return clusterAction(
    {
      title: `Edit rule ${a.pos} of the ${sc.label}`,
      targets: sc.targets,
      diff: [{ kind: 'config', key: `rule ${a.pos}`, change: 'changed', before, after }],
      warnings: [],
    },
    [
      {
        call: actionCall(sc.id, 'PUT', `${sc.base}/rules/{pos}`, { ...sc.vars, pos: a.pos }, params),
        run: (x) => updateFirewallRule(x, a.scope, a.pos, params),
      },
    ],
  );
}
