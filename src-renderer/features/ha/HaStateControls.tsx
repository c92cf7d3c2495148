// Controls for one HA resource: requested state, restart/relocate limits, migrate/relocate through HA, remove.
import { Group, NativeSelect, NumberInput } from '@mantine/core';
import { useState } from 'react';
import type { HaView } from '../../../src-shared/ipc/channels/ha.js';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import { HaState } from '../../../src-shared/ipc/channels/ha.js';
import { DisabledReason } from '../../ui/DisabledReason.js';
import { PermissionButton } from '../permissions/ActionButton.js';
import { usePermission } from '../permissions/usePermission.js';

type Resource = HaView['resources'][number];

export function HaStateControls({
  resource: r,
  nodes,
  profileId = '',
  blocked: blockedBy,
  disabled,
  onAction,
}: {
  resource: Resource;
  nodes: string[];
  /** the cluster profile, for the privilege check (none: PVE decides) */
  profileId?: string;
  /** the blocking state (read-only profile, plan being built), if any */
  blocked?: string | undefined;
  /** older callers: blocked without a specific reason */
  disabled?: boolean;
  onAction(a: OperationAction): void;
}) {
  const blocked = blockedBy ?? (disabled ? 'read-only profile or a plan is being prepared' : undefined);
  const [node, setNode] = useState('');
  const [limits, setLimits] = useState({ maxRestart: r.maxRestart, maxRelocate: r.maxRelocate });
  const verdict = usePermission('ha.manage', { profileId, sid: r.sid });
  const reason = verdict.state === 'denied' ? verdict.reason : blocked;
  const sid = r.sid;
  const others = nodes.filter((n) => n !== r.node);
  const to = node || others[0] || '';
  const noTarget = to ? undefined : 'no other node to move to';
  const btn = { verdict, size: 'xs' as const, action: 'ha.manage' as const };
  return (
    <Group gap={6} wrap="wrap" align="flex-end" data-testid="ha-controls">
      <DisabledReason reason={reason}>
        {(describedBy) => (
          <NativeSelect
            size="xs"
            label="Requested state"
            value={r.requested}
            disabled={Boolean(reason)}
            aria-describedby={describedBy}
            onChange={(e) =>
              onAction({ kind: 'ha.update', sid, state: HaState.parse(e.currentTarget.value) })
            }
            data-testid="ha-state"
            data={[...HaState.options]}
          />
        )}
      </DisabledReason>
      <NumberInput
        size="xs"
        w={90}
        label="Max restart"
        min={0}
        max={10}
        clampBehavior="strict"
        allowDecimal={false}
        value={limits.maxRestart}
        onChange={(v) => setLimits({ ...limits, maxRestart: Number(v) || 0 })}
        data-testid="ha-max-restart"
      />
      <NumberInput
        size="xs"
        w={90}
        label="Max relocate"
        min={0}
        max={10}
        clampBehavior="strict"
        allowDecimal={false}
        value={limits.maxRelocate}
        onChange={(v) => setLimits({ ...limits, maxRelocate: Number(v) || 0 })}
        data-testid="ha-max-relocate"
      />
      <PermissionButton
        {...btn}
        disabled={blocked}
        onClick={() => onAction({ kind: 'ha.update', sid, ...limits })}
        testId="ha-limits"
      >
        Plan limits
      </PermissionButton>
      <NativeSelect
        size="xs"
        label="Target node"
        value={to}
        onChange={(e) => setNode(e.currentTarget.value)}
        data-testid="ha-move-node"
        data={others}
      />
      <PermissionButton
        {...btn}
        disabled={blocked ?? noTarget}
        onClick={() => onAction({ kind: 'ha.move', sid, verb: 'migrate', node: to })}
        testId="ha-migrate"
      >
        Migrate (HA)
      </PermissionButton>
      <PermissionButton
        {...btn}
        disabled={blocked ?? noTarget}
        onClick={() => onAction({ kind: 'ha.move', sid, verb: 'relocate', node: to })}
        testId="ha-relocate"
      >
        Relocate (HA)
      </PermissionButton>
      <PermissionButton
        {...btn}
        color="red"
        disabled={blocked}
        onClick={() => onAction({ kind: 'ha.remove', sid })}
        testId="ha-remove"
      >
        Remove from HA
      </PermissionButton>
    </Group>
  );
}
