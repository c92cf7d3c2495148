// The Permissions-view table: each app feature allowed / partly / denied, with the missing privileges and paths; user side beside it.
import { Badge, List, Table, Text } from '@mantine/core';
import type { FeatureRowView, PermissionsMatrix } from '../../../src-shared/ipc/channels/permissions.js';
import { SortTh, useSorted, type SortValue } from '../../ui/SortableTable.js';

const STATE_TEXT = { allowed: 'allowed', partly: 'partly', denied: 'denied' } as const;
const STATE_COLOR = { allowed: 'green', partly: 'yellow', denied: 'red' } as const;
const STATE_RANK = { denied: 0, partly: 1, allowed: 2 } as const;

function StateCell({ row }: { row: FeatureRowView | undefined }) {
  if (!row)
    return (
      <Table.Td>
        <Text size="sm" c="dimmed">
          unknown
        </Text>
      </Table.Td>
    );
  return (
    <Table.Td>
      <Badge color={STATE_COLOR[row.state]} variant="dot" data-testid="feature-state">
        {STATE_TEXT[row.state]}
      </Badge>{' '}
      <Text span size="sm" c="dimmed">
        {row.allowed}/{row.total}
      </Text>
    </Table.Td>
  );
}

const targetText = (t: Record<string, string | number>): string =>
  t.vmid !== undefined ? `${String(t.type ?? 'guest')} ${t.vmid}` : '';

/** Which side a gap is on: the user lacks it too, or only the token (fix the token's ACL). */
function side(gapReason: string, userRow: FeatureRowView | undefined): string {
  if (!userRow) return '';
  return userRow.gaps.some((g) => g.reason === gapReason) ? ' (user lacks it too)' : ' (token side only)';
}

function Gaps({ row, userRow }: { row: FeatureRowView; userRow: FeatureRowView | undefined }) {
  if (row.gapCount === 0)
    return (
      <Table.Td>
        <Text size="sm" c="dimmed">
          –
        </Text>
      </Table.Td>
    );
  const distinct = [...new Map(row.gaps.map((g) => [g.reason, g])).values()];
  return (
    <Table.Td>
      <List size="sm" className="perm-gaps" data-testid="feature-gaps">
        {distinct.map((g) => (
          <List.Item key={g.reason}>
            {g.reason}
            <Text span size="sm" c="dimmed">
              {' '}
              · {g.action}
              {targetText(g.target) ? ` on ${targetText(g.target)}` : ''}
              {side(g.reason, userRow)}
            </Text>
          </List.Item>
        ))}
        {row.gapCount > row.gaps.length && (
          <List.Item>
            <Text span size="sm" c="dimmed">
              … {row.gapCount - row.gaps.length} more
            </Text>
          </List.Item>
        )}
      </List>
    </Table.Td>
  );
}

type Col = 'label' | 'state' | 'gapCount';
const valueOf = (r: FeatureRowView, k: Col): SortValue => (k === 'state' ? STATE_RANK[r.state] : r[k]);

export function FeatureMatrix({ matrix }: { matrix: PermissionsMatrix }) {
  const split = matrix.isToken && matrix.privsep !== false;
  const { sorted, sort, toggle } = useSorted(matrix.effective, valueOf);
  return (
    <Table striped highlightOnHover withTableBorder className="perm-matrix" data-testid="permissions-matrix">
      <Table.Thead>
        <Table.Tr>
          <SortTh column="label" sort={sort} onSort={toggle}>
            Feature
          </SortTh>
          <SortTh column="state" sort={sort} onSort={toggle}>
            {split ? 'Token (effective)' : 'Effective'}
          </SortTh>
          {split && <Table.Th>User side</Table.Th>}
          <SortTh column="gapCount" sort={sort} onSort={toggle}>
            Missing privileges
          </SortTh>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((row) => {
          const userRow = matrix.user?.find((u) => u.id === row.id);
          return (
            <Table.Tr key={row.id} data-testid="feature-row" data-feature={row.id} data-state={row.state}>
              <Table.Th scope="row">{row.label}</Table.Th>
              <StateCell row={row} />
              {split && <StateCell row={userRow} />}
              <Gaps row={row} userRow={userRow} />
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
