// The guest's config as PVE's Hardware/Options tables: labelled keys, units, tag colours, raw lxc.* lines read-only, no digest.
import { Badge, Table, Text } from '@mantine/core';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { useGuestConfig } from '../../data/guest-reads.js';
import { ErrorState, PageSkeleton } from '../../ui/Page.js';
import { kindOf, labelOf, splitTags } from '../guest-config/config-fields.js';
import { TagBadges } from '../guest-config/ConfigField.js';

function Value({ name, value }: { name: string; value: string }) {
  const kind = kindOf(name);
  if (kind === 'switch') return <>{value === '1' ? 'Yes' : 'No'}</>;
  if (kind === 'mib' && /^\d+$/.test(value)) {
    const n = Number(value);
    return <>{n >= 1024 ? `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 2)} GiB (${n} MiB)` : `${n} MiB`}</>;
  }
  if (kind === 'tags') return <TagBadges tags={splitTags(value)} />;
  if (kind === 'property')
    return (
      <Text component="span" ff="monospace" size="sm">
        {value}
      </Text>
    );
  return <>{value}</>;
}

export function GuestConfigTable({ g }: { g: GuestRecord }) {
  const q = useGuestConfig(g.clusterId, g);
  const entries: Array<{ key: string; value: string; readonly?: boolean }> | undefined = q.data?.entries;
  if (q.error && !entries) return <ErrorState error={q.error.error} onRetry={() => void q.refetch()} />;
  if (!entries) return <PageSkeleton />;
  // the digest guards concurrent edits; it means nothing to a person
  const shown = entries.filter((e) => e.key !== 'digest');
  return (
    <Table striped withTableBorder className="config-table" data-testid="guest-config">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={220}>Setting</Table.Th>
          <Table.Th>Value</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shown.map((e, i) => (
          <Table.Tr
            key={`${e.key}-${i}`}
            {...(e.readonly ? { 'data-testid': 'guest-config-raw', title: 'Raw LXC line: read-only' } : {})}
          >
            <Table.Th scope="row" fw={500}>
              {labelOf(e.key)}
              {labelOf(e.key) !== e.key && (
                <Text component="span" size="xs" c="dimmed">
                  {' '}
                  {e.key}
                </Text>
              )}
            </Table.Th>
            <Table.Td>
              <Value name={e.key} value={e.value} />
              {e.readonly ? (
                <Badge ml="xs" size="xs" variant="light" color="gray">
                  read-only
                </Badge>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
