// What the command palette offers for a query: views, guests and nodes by name or id across connected clusters,
// and the power actions the identity may run on the best-matching guests. Pure, so it is unit-tested.
import type { PowerAction } from '../../../src-shared/ipc/channels/plans.js';
import type { GuestRecord, NodeRecord } from '../../../src-shared/model/inventory.js';

export type PaletteCommand =
  | { type: 'view'; featureId: string }
  | { type: 'open'; kind: 'guest' | 'node'; key: string }
  | { type: 'power'; guest: GuestRecord; action: PowerAction };

export interface PaletteItem {
  id: string;
  group: 'Views' | 'Guests' | 'Nodes' | 'Actions';
  label: string;
  description: string;
  command: PaletteCommand;
}

export interface PaletteSources {
  views: ReadonlyArray<{ id: string; label: string; summary: string }>;
  guests: Iterable<[string, GuestRecord]>;
  nodes: Iterable<[string, NodeRecord]>;
  clusterName(clusterId: string): string;
  /** power actions that make sense for the guest's state and that the identity may run */
  actions(guest: GuestRecord): readonly PowerAction[];
}

const GUEST_LIMIT = 8;
const NODE_LIMIT = 5;
/** actions are offered for this many of the best guests, when the match is specific (id or name prefix) */
const ACTION_GUESTS = 2;
const SPECIFIC = 60;

const ACTION_LABEL: Record<PowerAction, string> = {
  start: 'Start',
  shutdown: 'Shut down',
  stop: 'Stop',
  reboot: 'Reboot',
  reset: 'Reset',
  suspend: 'Suspend',
  resume: 'Resume',
};

function textScore(text: string, q: string): number {
  const t = text.toLowerCase();
  if (t === q) return 90;
  if (t.startsWith(q)) return 70;
  return t.includes(q) ? 40 : 0;
}

function guestScore(g: GuestRecord, q: string): number {
  const id = String(g.vmid);
  const byId = id === q ? 100 : id.startsWith(q) ? 60 : 0;
  return Math.max(byId, textScore(g.name, q));
}

export const guestTitle = (g: GuestRecord): string =>
  `${g.type === 'qemu' ? 'VM' : 'CT'} ${g.vmid}${g.name ? ` · ${g.name}` : ''}`;

function top<T>(
  entries: Iterable<T>,
  score: (t: T) => number,
  limit: number,
): Array<{ item: T; score: number }> {
  const hits: Array<{ item: T; score: number }> = [];
  for (const item of entries) {
    const s = score(item);
    if (s > 0) hits.push({ item, score: s });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}

export function searchPalette(query: string, src: PaletteSources): PaletteItem[] {
  const q = query.trim().toLowerCase();
  const views: PaletteItem[] = src.views
    .filter((v) => !q || textScore(v.label, q) > 0)
    .map((v) => ({
      id: `view:${v.id}`,
      group: 'Views',
      label: `Go to ${v.label}`,
      description: v.summary,
      command: { type: 'view', featureId: v.id },
    }));
  if (!q) return views;
  const guests = top(src.guests, ([, g]) => guestScore(g, q), GUEST_LIMIT);
  const nodes = top(src.nodes, ([, n]) => textScore(n.node, q), NODE_LIMIT);
  const actions: PaletteItem[] = guests
    .filter((h) => h.score >= SPECIFIC)
    .slice(0, ACTION_GUESTS)
    .flatMap(({ item: [key, g] }) =>
      src.actions(g).map((a) => ({
        id: `power:${key}:${a}`,
        group: 'Actions' as const,
        label: `${ACTION_LABEL[a]} ${guestTitle(g)}`,
        description: `on ${g.node} · ${src.clusterName(g.clusterId)} — opens the plan to confirm`,
        command: { type: 'power' as const, guest: g, action: a },
      })),
    );
  return [
    ...guests.map(({ item: [key, g] }) => ({
      id: `guest:${key}`,
      group: 'Guests' as const,
      label: guestTitle(g),
      description: `${g.status} on ${g.node} · ${src.clusterName(g.clusterId)}`,
      command: { type: 'open' as const, kind: 'guest' as const, key },
    })),
    ...actions,
    ...nodes.map(({ item: [key, n] }) => ({
      id: `node:${key}`,
      group: 'Nodes' as const,
      label: `Node ${n.node}`,
      description: `${n.status} · ${src.clusterName(n.clusterId)}`,
      command: { type: 'open' as const, kind: 'node' as const, key },
    })),
    ...views,
  ];
}
