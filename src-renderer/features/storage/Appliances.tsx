// The node's appliance index (container templates PVE can download) with a download-to-storage action through a plan.
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ApplianceEntry } from '../../../src-shared/ipc/channels/storage.js';
import { planStorage, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { ReasonButton } from '../../ui/DisabledReason.js';
import { EmptyState, ErrorState, PageSkeleton } from '../../ui/Page.js';
import { SortTh, useSorted } from '../../ui/SortableTable.js';
import { usePermission } from '../permissions/usePermission.js';
import { useClusterRead } from '../provision/useClusterRead.js';

type Col = 'headline' | 'version' | 'template';
const valueOf = (a: ApplianceEntry, k: Col): string => a[k];

export function Appliances({
  profileId,
  node,
  storage,
  onDone,
}: {
  profileId: string;
  node: string;
  storage: string;
  onDone(): void;
}) {
  const { data, error, reload } = useClusterRead(
    'storage.appliances',
    { profileId, node },
    'Cannot read the appliance index',
  );
  const flow = usePlanFlow(profileId, () => onDone(), planStorage);
  const verdict = usePermission('storage.template', { profileId, storage, node });
  const { sorted, sort, toggle } = useSorted(data?.appliances ?? [], valueOf, {
    key: 'headline',
    desc: false,
  });
  const th = (column: Col, label: string) => (
    <SortTh column={column} sort={sort} onSort={toggle}>
      {label}
    </SortTh>
  );
  const reason =
    verdict.state === 'denied'
      ? (verdict.reason ?? 'not allowed')
      : flow.building
        ? 'a plan is being prepared'
        : undefined;
  return (
    <Paper withBorder p="sm" data-testid="appliances">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Templates to download into {storage}
        </Title>
        {verdict.state === 'denied' && (
          <Text size="sm" c="dimmed" data-testid="appliance-reason">
            {verdict.reason}
          </Text>
        )}
        {error ? (
          <ErrorState error={error.error} onRetry={reload} />
        ) : !data ? (
          <PageSkeleton rows={3} />
        ) : data.appliances.length === 0 ? (
          <EmptyState
            title="No appliance templates listed"
            hint="The node has no appliance index yet: run pveam update on the node, then reload."
          />
        ) : (
          <Table striped highlightOnHover withTableBorder>
            <Table.Thead>
              <Table.Tr>
                {th('headline', 'Appliance')}
                {th('version', 'Version')}
                {th('template', 'Template file')}
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((a) => (
                <Table.Tr key={a.template} data-testid="appliance-row" data-template={a.template}>
                  <Table.Td>{a.headline}</Table.Td>
                  <Table.Td>{a.version}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {a.template}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ReasonButton
                      size="xs"
                      disabled={reason}
                      onClick={() =>
                        void flow.start({ kind: 'template.download', node, storage, template: a.template })
                      }
                      testId="appliance-download"
                    >
                      Download…
                    </ReasonButton>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {flow.dialog}
    </Paper>
  );
}
