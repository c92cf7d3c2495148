// Channels for the live inventory: subscribe (full snapshot once), deltas after, staleness, and RRD charts.
import { z } from 'zod';
import { event, request } from '../define.js';
import { PveNode, PveVmid } from '../../model/pve-formats.js';
import {
  InventoryDelta,
  InventorySnapshot,
  RrdCf,
  RrdSample,
  RrdTimeframe,
  StaleInfo,
} from '../../model/inventory.js';

const ClusterRef = z.object({ clusterId: z.string().min(1).max(64) });
const Rrd = z.object({ samples: z.array(RrdSample) });

export const inventoryRequests = {
  /** starts (or joins) the cluster's poller and answers the full snapshot; inventory.changed carries the rest */
  'inventory.subscribe': request(ClusterRef.strict(), InventorySnapshot),
  'inventory.unsubscribe': request(ClusterRef.strict(), z.object({ active: z.boolean() })),
  /** hidden windows poll slower (15 s instead of 3 s by default) */
  'inventory.setVisibility': request(
    z.object({ visible: z.boolean() }).strict(),
    z.object({ intervalMs: z.number() }),
  ),
  'rrd.node': request(ClusterRef.extend({ node: PveNode, timeframe: RrdTimeframe, cf: RrdCf }).strict(), Rrd),
  'rrd.guest': request(
    ClusterRef.extend({
      node: PveNode,
      type: z.enum(['qemu', 'lxc']),
      vmid: PveVmid,
      timeframe: RrdTimeframe,
      cf: RrdCf,
    }).strict(),
    Rrd,
  ),
  /** the guest's current config as key/value text, for the guest view */
  'inventory.guestConfig': request(
    ClusterRef.extend({
      node: PveNode,
      type: z.enum(['qemu', 'lxc']),
      vmid: PveVmid,
    }).strict(),
    z.object({
      /** readonly: a raw `lxc.*` line, shown but not editable (as in PVE's GUI) */
      entries: z.array(
        z.object({ key: z.string(), value: z.string(), readonly: z.literal(true).optional() }),
      ),
    }),
  ),
} as const;

export const inventoryEvents = {
  'inventory.changed': event(InventoryDelta),
  'inventory.stale': event(StaleInfo),
} as const;
