// The command palette (Ctrl/Cmd+K): jump to a view, guest or node across connected clusters, or start a guest's
// power action through the same plan → confirm dialog as the guest view's action bar.
import { Spotlight } from '@mantine/spotlight';
import { ArrowRight, LayoutGrid, Monitor, Play, Server } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { GuestRecord, NodeRecord } from '../../../src-shared/model/inventory.js';
import { usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { useAppStore } from '../../features/app/app-store.js';
import { useConnectStore } from '../../features/connect/connect-store.js';
import { actionsFor } from '../../features/guest-config/GuestActionBar.js';
import { powerActionId } from '../../features/guest-config/power-permission.js';
import { useInventoryStore } from '../../features/inventory/inventory-store.js';
import { usePermissionsStore } from '../../features/permissions/permissions-store.js';
import { verdictOf } from '../../features/permissions/usePermission.js';
import { features } from '../../features/registry.js';
import { searchPalette, type PaletteItem, type PaletteSources } from './palette-search.js';

const ICON = { Views: LayoutGrid, Guests: Monitor, Nodes: Server, Actions: Play } as const;

function* entriesOf<T>(
  kind: T extends GuestRecord ? 'guest' : 'node',
  keys: readonly string[],
): Generator<[string, T]> {
  const { records } = useInventoryStore.getState();
  for (const key of keys) {
    const r = records.get(key);
    if (r?.kind === kind) yield [key, r as T];
  }
}

function sources(): PaletteSources {
  const { guestKeys, nodeKeys } = useInventoryStore.getState();
  const { profiles } = useConnectStore.getState();
  const perms = usePermissionsStore.getState().byProfile;
  const byId = new Map(profiles.map((p) => [p.id, p]));
  return {
    views: features,
    guests: entriesOf<GuestRecord>('guest', guestKeys),
    nodes: entriesOf<NodeRecord>('node', nodeKeys),
    clusterName: (id) => byId.get(id)?.name ?? id,
    actions: (g) =>
      g.template || byId.get(g.clusterId)?.readOnly !== false
        ? []
        : actionsFor(g).filter(
            (a) =>
              verdictOf(perms[g.clusterId], powerActionId(a), {
                profileId: g.clusterId,
                node: g.node,
                type: g.type,
                vmid: g.vmid,
              }).state !== 'denied',
          ),
  };
}

export function CommandPalette() {
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState(false);
  const setActiveFeature = useAppStore((s) => s.setActiveFeature);
  const openTarget = useAppStore((s) => s.openTarget);
  const flow = usePlanFlow(undefined);
  // read the stores when the query changes, not on every inventory delta
  const items = useMemo(() => (opened ? searchPalette(query, sources()) : []), [query, opened]);

  function run(item: PaletteItem): void {
    const c = item.command;
    if (c.type === 'view') setActiveFeature(c.featureId);
    else if (c.type === 'open') openTarget({ kind: c.kind, key: c.key });
    else
      void flow.startFor(c.guest.clusterId, {
        kind: 'power',
        action: c.action,
        guests: [{ node: c.guest.node, type: c.guest.type, vmid: c.guest.vmid }],
      });
  }

  const groups = ['Guests', 'Actions', 'Nodes', 'Views'] as const;
  return (
    <>
      <Spotlight.Root
        query={query}
        onQueryChange={setQuery}
        shortcut={['mod + K']}
        tagsToIgnore={[]}
        lockScroll={false}
        scrollable
        maxHeight={480}
        onSpotlightOpen={() => {
          setOpened(true);
          for (const p of useConnectStore.getState().profiles) usePermissionsStore.getState().ensure(p.id);
        }}
        onSpotlightClose={() => setOpened(false)}
      >
        <Spotlight.Search
          placeholder="Guest name or id, node, view…"
          aria-label="Search guests, nodes, views and actions"
          data-testid="palette-input"
          leftSection={<ArrowRight size={14} aria-hidden />}
        />
        <Spotlight.ActionsList data-testid="palette">
          {items.length === 0 ? (
            <Spotlight.Empty>
              Nothing found. Search by guest name or id (e.g. 101), node name or view; connect a cluster to
              search its guests.
            </Spotlight.Empty>
          ) : (
            groups.map((group) => {
              const inGroup = items.filter((i) => i.group === group);
              if (inGroup.length === 0) return null;
              const Icon = ICON[group];
              return (
                <Spotlight.ActionsGroup key={group} label={group}>
                  {inGroup.map((item) => (
                    <Spotlight.Action
                      key={item.id}
                      label={item.label}
                      description={item.description}
                      leftSection={<Icon size={16} aria-hidden />}
                      onClick={() => run(item)}
                      data-testid="palette-item"
                      data-item={item.id}
                    />
                  ))}
                </Spotlight.ActionsGroup>
              );
            })
          )}
        </Spotlight.ActionsList>
      </Spotlight.Root>
      {flow.dialog}
    </>
  );
}
