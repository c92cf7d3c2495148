// The coverage table: one row per guest across clusters, sortable, with a selection for the verification queue.
import { Badge, Checkbox, Group, Table, Text, Tooltip } from '@mantine/core';
import { SortTh, useSorted } from '../../ui/SortableTable.js';
import { RelativeTime } from '../../ui/time/RelativeTime.js';
import { formatTime } from '../../ui/time/format-time.js';
import { daysAgo, type SortKey, type ViewRow, sortValue } from './coverage-rows.js';

export const rowKey = (r: ViewRow): string => `${r.profileId}|${r.vmid}`;

function Verified({ r }: { r: ViewRow }) {
  if (!r.newest) return <Text size="sm">–</Text>;
  const v = r.newest.verified;
  if (!v)
    return (
      <Text size="sm" c="dimmed" data-testid="coverage-verified" data-state="never">
        never verified
      </Text>
    );
  const t = formatTime(v.time);
  return (
    <span data-testid="coverage-verified" data-state={v.state}>
      <Tooltip label={`restore verification: ${t.exact}`}>
        <Badge color={v.state === 'pass' ? 'teal.9' : 'red.9'} variant="filled" autoContrast size="sm">
          {v.state === 'pass' ? 'verified' : 'verification failed'}{' '}
          {daysAgo(t.text, new Date(v.time).getTime(), Date.now())}
        </Badge>
      </Tooltip>
    </span>
  );
}

export function CoverageTable({
  rows,
  selected,
  onSelect,
}: {
  rows: readonly ViewRow[];
  selected: ReadonlySet<string>;
  onSelect(keys: string[], on: boolean): void;
}) {
  const { sorted, sort, toggle } = useSorted<ViewRow, SortKey>(rows, sortValue, { key: 'vmid', desc: false });
  const selectable = sorted.filter((r) => r.newest);
  const all = selectable.length > 0 && selectable.every((r) => selected.has(rowKey(r)));
  const Th = ({ k, children }: { k: SortKey; children: string }) => (
    <SortTh column={k} sort={sort} onSort={toggle}>
      {children}
    </SortTh>
  );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover withTableBorder data-testid="coverage-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <Checkbox
                aria-label="Select every guest with a backup"
                checked={all}
                indeterminate={!all && selectable.some((r) => selected.has(rowKey(r)))}
                onChange={() => onSelect(selectable.map(rowKey), !all)}
              />
            </Table.Th>
            <Th k="cluster">Cluster</Th>
            <Th k="vmid">ID</Th>
            <Th k="name">Name</Th>
            <Th k="node">Node</Th>
            <Th k="covered">Backup job</Th>
            <Th k="newest">Newest backup</Th>
            <Th k="count">Archives</Th>
            <Th k="failed">Last backup</Th>
            <Th k="verified">Restore check</Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((r) => {
            const key = rowKey(r);
            return (
              <Table.Tr key={key} data-testid="coverage-row" data-vmid={r.vmid} data-profile={r.profileId}>
                <Table.Td>
                  <Tooltip label="no backup to verify" disabled={Boolean(r.newest)}>
                    <Checkbox
                      aria-label={`Select ${r.name ?? r.vmid}`}
                      disabled={!r.newest}
                      checked={selected.has(key)}
                      onChange={(e) => onSelect([key], e.currentTarget.checked)}
                      data-testid="coverage-select"
                    />
                  </Tooltip>
                </Table.Td>
                <Table.Td>{r.cluster}</Table.Td>
                <Table.Td>{r.vmid}</Table.Td>
                <Table.Td>
                  {r.name ?? '–'} {r.template && <Badge size="xs">template</Badge>}
                </Table.Td>
                <Table.Td>{r.node}</Table.Td>
                <Table.Td data-testid="coverage-job" data-covered={String(r.covered ?? 'unknown')}>
                  {r.covered === undefined ? (
                    <Text size="sm" c="dimmed">
                      unknown
                    </Text>
                  ) : r.covered ? (
                    'yes'
                  ) : (
                    <Badge color="yellow.5" variant="filled" autoContrast size="sm">
                      not in any job
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td data-testid="coverage-newest">
                  {r.newest ? (
                    <Group gap={4} wrap="nowrap">
                      <RelativeTime at={r.newest.ctime} />
                      {r.newest.protected && (
                        <Badge size="xs" variant="outline">
                          protected
                        </Badge>
                      )}
                    </Group>
                  ) : (
                    <Badge color="red.9" variant="filled" autoContrast size="sm">
                      no backup
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.backupCount}
                  {r.protectedCount > 0 ? ` (${r.protectedCount} protected)` : ''}
                </Table.Td>
                <Table.Td data-testid="coverage-last" data-failed={String(Boolean(r.lastFailure))}>
                  {r.lastFailure ? (
                    <Tooltip label={`${formatTime(r.lastFailure.time).exact} on ${r.lastFailure.node}`}>
                      <Badge color="red.9" variant="filled" autoContrast size="sm">
                        failed: {r.lastFailure.status}
                      </Badge>
                    </Tooltip>
                  ) : r.newest ? (
                    'ok'
                  ) : (
                    '–'
                  )}
                </Table.Td>
                <Table.Td>
                  <Verified r={r} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
