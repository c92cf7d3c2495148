// Backup archives as a sortable table with per-row actions: restore, verify by a scratch restore, delete.
import { Badge, Group, Table, Text } from '@mantine/core';
import { Lock } from 'lucide-react';
import type { BackupEntry } from '../../../src-shared/ipc/channels/backups.js';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import { SortTh, useSorted } from '../../ui/SortableTable.js';
import { RelativeTime } from '../../ui/time/RelativeTime.js';
import { formatBytes } from '../inventory/format.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { VerifiedCell } from './VerifiedCell.js';

type Col = 'volid' | 'vmid' | 'ctime' | 'size' | 'notes' | 'protected' | 'verified';
const valueOf = (b: BackupEntry, k: Col): string | number | undefined =>
  k === 'protected'
    ? Number(b.protected)
    : k === 'verified'
      ? (b.verified?.time ?? b.verification)
      : k === 'notes'
        ? b.notes
        : b[k];

export function BackupTable({
  rows,
  profileId,
  blocked,
  guestType = 'qemu',
  showGuest = false,
  onRestore,
  onAction,
  testId = 'backup-list',
}: {
  rows: readonly BackupEntry[];
  profileId: string;
  /** the blocking state of every change (read-only profile, plan being built) */
  blocked: string | undefined;
  /** the guest type when an archive does not say */
  guestType?: 'qemu' | 'lxc';
  showGuest?: boolean;
  onRestore(b: BackupEntry): void;
  onAction(a: OperationAction): void;
  testId?: string;
}) {
  const { sorted, sort, toggle } = useSorted(rows, valueOf, { key: 'ctime', desc: true });
  const th = (column: Col, label: string) => (
    <SortTh column={column} sort={sort} onSort={toggle}>
      {label}
    </SortTh>
  );
  return (
    <Table striped highlightOnHover withTableBorder data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {th('volid', 'Archive')}
          {showGuest && th('vmid', 'Guest')}
          {th('ctime', 'Date')}
          {th('size', 'Size')}
          {th('notes', 'Notes')}
          {th('protected', 'Protected')}
          {th('verified', 'Verified')}
          <Table.Th>Actions</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((b) => {
          const type = b.type ?? guestType;
          const vars = {
            profileId,
            node: b.node,
            storage: b.storage,
            volume: b.volid,
            type,
            ...(b.vmid !== undefined ? { vmid: b.vmid } : {}),
          };
          return (
            <Table.Tr key={`${b.node}/${b.volid}`} data-testid="backup-row" data-volid={b.volid}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {b.volid}
                </Text>
              </Table.Td>
              {showGuest && <Table.Td>{b.vmid ?? ''}</Table.Td>}
              <Table.Td>
                <RelativeTime at={b.ctime} />
              </Table.Td>
              <Table.Td>{formatBytes(b.size)}</Table.Td>
              <Table.Td>{b.notes ?? ''}</Table.Td>
              <Table.Td>
                {b.protected ? (
                  <Badge
                    color="yellow"
                    variant="filled"
                    autoContrast
                    leftSection={<Lock size={10} aria-hidden />}
                  >
                    protected
                  </Badge>
                ) : (
                  'no'
                )}
              </Table.Td>
              <Table.Td data-testid="backup-verification">
                <VerifiedCell backup={b} />
                {b.encrypted ? ' (encrypted)' : ''}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <ActionButton
                    action="backup.restore"
                    vars={vars}
                    size="xs"
                    disabled={blocked ?? (b.vmid === undefined ? 'the archive names no guest' : undefined)}
                    onClick={() => onRestore(b)}
                    testId="backup-restore"
                  >
                    Restore…
                  </ActionButton>
                  <ActionButton
                    action="backup.restore"
                    vars={vars}
                    size="xs"
                    disabled={blocked}
                    onClick={() => onAction({ kind: 'backup.verify', node: b.node, type, volid: b.volid })}
                    testId="backup-verify"
                  >
                    Verify restore
                  </ActionButton>
                  <ActionButton
                    action="volume.delete"
                    vars={vars}
                    size="xs"
                    color="red"
                    disabled={
                      blocked ?? (b.protected ? 'backup is protected: remove protection first' : undefined)
                    }
                    onClick={() => onAction({ kind: 'backup.delete', node: b.node, volid: b.volid })}
                    testId="backup-delete"
                  >
                    Delete
                  </ActionButton>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
