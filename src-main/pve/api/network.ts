// /nodes/{node}/network: the bridges of a node (where guest NICs can attach).
import { z } from 'zod';
import { pveGet, pvePath, type PveCaller } from './caller.js';

const Iface = z.looseObject({ iface: z.string(), type: z.string() });

export async function listBridges(c: PveCaller, node: string): Promise<string[]> {
  const ifaces = await pveGet(c, pvePath`/nodes/${node}/network`, z.array(Iface), { type: 'any_bridge' });
  return ifaces.map((i) => i.iface).sort();
}
