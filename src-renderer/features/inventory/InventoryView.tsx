// The inventory screen: stale banner, node cards, the VM/CT grid; a node or guest opens its own view.
import { useCallback, useEffect, useState } from 'react';
import { useAppStore } from '../app/app-store.js';
import { GuestGrid } from './GuestGrid.js';
import { GuestView } from './GuestView.js';
import { NodeCards } from './NodeCards.js';
import { NodeView } from './NodeView.js';
import { SkippedNotice } from './SkippedNotice.js';
import { StaleBanner } from './StaleBanner.js';
import { useInventoryStore } from './inventory-store.js';
import { startInventorySync } from './inventory-sync.js';
import './inventory.css';

type Open = { kind: 'node' | 'guest'; key: string } | undefined;

export function InventoryView() {
  const [open, setOpen] = useState<Open>();
  const clusterCount = useInventoryStore((s) => Object.keys(s.clusters).length);
  useEffect(() => startInventorySync(), []);
  // a jump from the command palette
  const target = useAppStore((s) => s.target);
  useEffect(() => {
    if (!target) return;
    setOpen(target);
    useAppStore.getState().takeTarget();
  }, [target]);
  const openNode = useCallback((key: string) => setOpen({ kind: 'node', key }), []);
  const openGuest = useCallback((key: string) => setOpen({ kind: 'guest', key }), []);
  const back = useCallback(() => setOpen(undefined), []);

  return (
    <div className="inventory" data-testid="inventory">
      <StaleBanner />
      <SkippedNotice />
      {clusterCount === 0 && <p className="muted">Connect a cluster to see its nodes and guests here.</p>}
      {open?.kind === 'node' && <NodeView nodeKey={open.key} onBack={back} />}
      {open?.kind === 'guest' && <GuestView guestKey={open.key} onBack={back} />}
      <div className={open ? 'hidden' : 'inventory-main'}>
        <NodeCards onOpen={openNode} />
        <GuestGrid onOpen={openGuest} />
      </div>
    </div>
  );
}
