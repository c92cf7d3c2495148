// Controls for one HA resource: requested state, restart/relocate limits, migrate/relocate through HA, remove.
import { useState } from 'react';
import type { HaView } from '../../../src-shared/ipc/channels/ha.js';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import { HaState } from '../../../src-shared/ipc/channels/ha.js';

type Resource = HaView['resources'][number];

export function HaStateControls({
  resource: r,
  nodes,
  disabled,
  onAction,
}: {
  resource: Resource;
  nodes: string[];
  disabled: boolean;
  onAction(a: OperationAction): void;
}) {
  const [node, setNode] = useState('');
  const [limits, setLimits] = useState({ maxRestart: r.maxRestart, maxRelocate: r.maxRelocate });
  const sid = r.sid;
  const others = nodes.filter((n) => n !== r.node);
  const to = node || others[0] || '';
  return (
    <div className="ops-form" data-testid="ha-controls">
      <label>
        Requested state{' '}
        <select
          value={r.requested}
          disabled={disabled}
          onChange={(e) => onAction({ kind: 'ha.update', sid, state: HaState.parse(e.target.value) })}
          data-testid="ha-state"
        >
          {HaState.options.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      <label>
        max restart{' '}
        <input
          type="number"
          min={0}
          max={10}
          value={limits.maxRestart}
          onChange={(e) => setLimits({ ...limits, maxRestart: Number(e.target.value) })}
          data-testid="ha-max-restart"
        />
      </label>
      <label>
        max relocate{' '}
        <input
          type="number"
          min={0}
          max={10}
          value={limits.maxRelocate}
          onChange={(e) => setLimits({ ...limits, maxRelocate: Number(e.target.value) })}
          data-testid="ha-max-relocate"
        />
      </label>
      <button
        type="button"
        disabled={disabled}
        onClick={() => onAction({ kind: 'ha.update', sid, ...limits })}
        data-testid="ha-limits"
      >
        Plan limits
      </button>
      <select value={to} onChange={(e) => setNode(e.target.value)} data-testid="ha-move-node">
        {others.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      <button
        type="button"
        disabled={disabled || !to}
        onClick={() => onAction({ kind: 'ha.move', sid, verb: 'migrate', node: to })}
        data-testid="ha-migrate"
      >
        Migrate (HA)
      </button>
      <button
        type="button"
        disabled={disabled || !to}
        onClick={() => onAction({ kind: 'ha.move', sid, verb: 'relocate', node: to })}
        data-testid="ha-relocate"
      >
        Relocate (HA)
      </button>
      <button
        type="button"
        disabled={disabled}
        onClick={() => onAction({ kind: 'ha.remove', sid })}
        data-testid="ha-remove"
      >
        Remove from HA
      </button>
    </div>
  );
}
