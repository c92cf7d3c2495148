// Picks a node of the chosen cluster (from the inventory records) for the per-node storage and task views.
import { NativeSelect } from '@mantine/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { NodeRecord } from '../../../src-shared/model/inventory.js';
import { useInventoryStore } from '../inventory/inventory-store.js';
import { startInventorySync } from '../inventory/inventory-sync.js';

export function useNodeChoice(
  clusterId: string | undefined,
  opts: { allowAll?: boolean } = {},
): { node: string | undefined; picker: ReactNode } {
  // the node list comes from the inventory; make sure it is synced even when the inventory view was never opened
  useEffect(() => startInventorySync(), []);
  const records = useInventoryStore((s) => s.records);
  const nodes = useMemo(() => {
    const out: string[] = [];
    for (const r of records.values())
      if (r.kind === 'node' && r.clusterId === clusterId && (r as NodeRecord).status === 'online')
        out.push((r as NodeRecord).node);
    return out.sort();
  }, [records, clusterId]);
  const [chosen, setChosen] = useState<string>();
  const node =
    chosen === '' && opts.allowAll
      ? undefined
      : chosen && nodes.includes(chosen)
        ? chosen
        : opts.allowAll
          ? undefined
          : nodes[0];
  const picker = (
    <NativeSelect
      size="xs"
      label="Node"
      className="ops-picker"
      value={node ?? ''}
      onChange={(e) => setChosen(e.currentTarget.value)}
      data-testid="node-choice"
      data={[...(opts.allowAll ? [{ value: '', label: 'all nodes (cluster)' }] : []), ...nodes]}
    />
  );
  return { node, picker };
}
