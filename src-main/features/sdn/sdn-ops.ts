// SDN view and plans: zones, vnets and subnets with pending state; create/delete a vnet, create a subnet, apply the pending config.
import type { SdnAction, SdnView } from '../../../src-shared/ipc/channels/sdn.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import type { DiffEntry } from '../../../src-shared/plans/diff.js';
import type { PveCaller } from '../../pve/api/caller.js';
import {
  applySdn,
  createSdnSubnet,
  createSdnVnet,
  deleteSdnVnet,
  listSdnSubnets,
  listSdnVnets,
  listSdnZones,
} from '../../pve/api/sdn.js';
import type { BuiltAction } from '../../plans/plan-types.js';
import { clusterAction } from '../../plans/cluster-plan.js';
import { actionCall } from '../../../src-shared/plans/plan.js';

export async function sdnView(c: PveCaller): Promise<SdnView> {
  const [zones, vnets] = await Promise.all([listSdnZones(c), listSdnVnets(c)]);
  const subnets = (
    await Promise.all(vnets.filter((v) => v.state !== 'deleted').map((v) => listSdnSubnets(c, v.id)))
  ).flat();
  const pendingCount = [...zones, ...vnets, ...subnets].filter((o) => o.state !== undefined).length;
  return { zones, vnets, subnets, pendingCount };
}

const fields = (o: Record<string, string>): string =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
const CHANGE = { new: 'added', changed: 'changed', deleted: 'removed' } as const;

/** one diff line per object that apply would change */
function pendingDiff(v: SdnView): DiffEntry[] {
  const out: DiffEntry[] = [];
  const add = (
    kind: string,
    o: { id: string; state?: 'new' | 'changed' | 'deleted' | undefined; pending: Record<string, string> },
  ): void => {
    if (!o.state) return;
    const change = CHANGE[o.state];
    out.push({
      kind: 'config',
      key: `${kind} ${o.id}`,
      change,
      ...(change === 'removed' ? { before: 'running' } : { after: fields(o.pending) || 'changed' }),
    });
  };
  for (const z of v.zones) add('zone', z);
  for (const n of v.vnets) add('vnet', n);
  for (const s of v.subnets) add('subnet', s);
  return out;
}

async function zoneOf(c: PveCaller, vnet: string): Promise<string> {
  const v = (await listSdnVnets(c)).find((x) => x.id === vnet);
  if (!v) throw new AppFailure('not_found', `No vnet ${vnet}`);
  return v.zone;
}

const later = 'written as pending; takes effect when the SDN config is applied';

export async function buildSdn(a: SdnAction, c: PveCaller): Promise<BuiltAction> {
  switch (a.kind) {
    case 'sdn.vnet.create': {
      const params = { vnet: a.vnet, zone: a.zone, type: 'vnet', tag: a.tag, alias: a.alias };
      const desc = fields(
        Object.fromEntries(
          Object.entries({ zone: a.zone, tag: a.tag, alias: a.alias })
            .filter(([, x]) => x !== undefined)
            .map(([k, x]) => [k, String(x)]),
        ),
      );
      return clusterAction(
        {
          title: `Create vnet ${a.vnet} in zone ${a.zone}`,
          targets: [],
          diff: [{ kind: 'config', key: `vnet ${a.vnet}`, change: 'added', after: `${desc} (${later})` }],
          warnings: [],
        },
        [
          {
            call: actionCall('sdn.vnet.create', 'POST', '/cluster/sdn/vnets', { zone: a.zone }, params),
            run: (x) => createSdnVnet(x, params),
          },
        ],
      );
    }
    case 'sdn.vnet.delete': {
      const zone = await zoneOf(c, a.vnet);
      return clusterAction(
        {
          title: `Delete vnet ${a.vnet}`,
          targets: [],
          diff: [{ kind: 'config', key: `vnet ${a.vnet}`, change: 'removed', before: `zone=${zone}` }],
          warnings: [
            {
              code: 'data-loss',
              message: `guests attached to ${a.vnet} lose their network once the change is applied`,
            },
          ],
        },
        [
          {
            call: actionCall('sdn.vnet.delete', 'DELETE', '/cluster/sdn/vnets/{vnet}', {
              zone,
              vnet: a.vnet,
            }),
            run: (x) => deleteSdnVnet(x, a.vnet),
          },
        ],
      );
    }
    case 'sdn.subnet.create': {
      const zone = await zoneOf(c, a.vnet);
      const params = { subnet: a.cidr, type: 'subnet', gateway: a.gateway, snat: a.snat };
      return clusterAction(
        {
          title: `Add subnet ${a.cidr} to vnet ${a.vnet}`,
          targets: [],
          diff: [
            {
              kind: 'config',
              key: `subnet ${a.cidr}`,
              change: 'added',
              after: `vnet=${a.vnet}${a.gateway ? `, gateway=${a.gateway}` : ''}${a.snat ? ', snat' : ''} (${later})`,
            },
          ],
          warnings: [],
        },
        [
          {
            call: actionCall(
              'sdn.subnet.create',
              'POST',
              '/cluster/sdn/vnets/{vnet}/subnets',
              { zone, vnet: a.vnet },
              params,
            ),
            run: (x) => createSdnSubnet(x, a.vnet, params),
          },
        ],
      );
    }
    case 'sdn.apply': {
      const diff = pendingDiff(await sdnView(c));
      if (diff.length === 0)
        throw new AppFailure('bad_parameter', 'There are no pending SDN changes to apply');
      return clusterAction(
        {
          title: 'Apply the pending SDN configuration',
          targets: [],
          diff,
          warnings: [
            {
              code: 'guest-running',
              message:
                'every node reloads its network configuration; guests on changed vnets may briefly lose connectivity',
            },
          ],
        },
        [{ call: actionCall('sdn.apply', 'PUT', '/cluster/sdn', {}), run: (x) => applySdn(x) }],
      );
    }
  }
}
