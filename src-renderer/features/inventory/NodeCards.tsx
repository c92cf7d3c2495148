// All nodes of all subscribed clusters as cards; each card subscribes to its own node record.
import { useInventoryStore } from './inventory-store.js';
import { NodeCard } from './NodeCard.js';

export function NodeCards({ onOpen }: { onOpen(key: string): void }) {
  const keys = useInventoryStore((s) => s.nodeKeys);
  if (keys.length === 0) return null;
  return (
    <div className="node-cards" data-testid="node-cards">
      {keys.map((k) => (
        <NodeCard key={k} nodeKey={k} onOpen={onOpen} />
      ))}
    </div>
  );
}
