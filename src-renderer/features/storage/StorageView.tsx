// Storage view: a node's storages with usage and content types; the chosen one's content, upload and template download.
import { Group, Progress, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { StorageSummary } from '../../../src-shared/ipc/channels/storage.js';
import { Page } from '../../ui/Page.js';
import { SortTh, useSorted } from '../../ui/SortableTable.js';
import { formatBytes, formatPercent } from '../inventory/format.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { Appliances } from './Appliances.js';
import { ContentBrowser } from './ContentBrowser.js';
import { UploadForm } from './UploadForm.js';
import { useNodeChoice } from './useNodeChoice.js';

type Col = 'storage' | 'type' | 'content' | 'shared' | 'usage';
const valueOf = (s: StorageSummary, k: Col): string | number =>
  k === 'usage'
    ? s.total
      ? s.used / s.total
      : 0
    : k === 'shared'
      ? Number(s.shared)
      : k === 'content'
        ? s.content.join(',')
        : s[k];

function StorageTable({
  storages,
  current,
  onChoose,
}: {
  storages: readonly StorageSummary[];
  current: string | undefined;
  onChoose(storage: string): void;
}) {
  const { sorted, sort, toggle } = useSorted(storages, valueOf);
  const th = (column: Col, label: string) => (
    <SortTh column={column} sort={sort} onSort={toggle}>
      {label}
    </SortTh>
  );
  return (
    <Table striped highlightOnHover withTableBorder data-testid="storage-table">
      <Table.Thead>
        <Table.Tr>
          {th('storage', 'Storage')}
          {th('type', 'Type')}
          {th('content', 'Content')}
          {th('shared', 'Shared')}
          {th('usage', 'Usage')}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((s) => {
          const chosen = s.storage === current;
          const used = s.total ? s.used / s.total : 0;
          return (
            <Table.Tr
              key={s.storage}
              data-testid="storage-row"
              data-storage={s.storage}
              data-selected={chosen || undefined}
              bg={chosen ? 'var(--mantine-primary-color-light)' : undefined}
              style={{ cursor: 'pointer' }}
              onClick={() => onChoose(s.storage)}
            >
              <Table.Td>
                <UnstyledButton
                  fw={chosen ? 700 : 500}
                  aria-pressed={chosen}
                  aria-label={`Show the content of ${s.storage}`}
                  onClick={() => onChoose(s.storage)}
                >
                  {s.storage}
                </UnstyledButton>
              </Table.Td>
              <Table.Td>{s.type}</Table.Td>
              <Table.Td>{s.content.join(', ')}</Table.Td>
              <Table.Td>{s.shared ? 'yes' : 'no'}</Table.Td>
              <Table.Td data-testid="storage-usage">
                <Group gap="xs" wrap="nowrap">
                  <Progress
                    value={used * 100}
                    w={80}
                    color={used > 0.9 ? 'red' : used > 0.75 ? 'yellow' : 'blue'}
                    aria-label={`${s.storage} used`}
                  />
                  <Text size="sm">
                    {formatBytes(s.used)} / {formatBytes(s.total)} ({formatPercent(used)})
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export function StorageView() {
  const { clusterId, picker } = useClusterChoice();
  const { node, picker: nodePicker } = useNodeChoice(clusterId);
  const { data, error, reload } = useClusterRead(
    'storage.list',
    clusterId && node ? { profileId: clusterId, node } : undefined,
    'Cannot list storages',
  );
  const [chosen, setChosen] = useState<string>();
  const [refresh, setRefresh] = useState(0);
  const storages = data?.storages ?? [];
  const current = storages.find((s) => s.storage === chosen) ?? storages[0];
  const changed = (): void => {
    setRefresh((n) => n + 1);
    reload();
  };
  return (
    <section className="storage-view ops-view" data-testid="storage-view">
      <Page
        title="Storage"
        description="A node's storages with their usage; pick one to browse its content, upload ISO images or templates, or download appliance templates."
        actions={
          <>
            {picker}
            {nodePicker}
          </>
        }
        loading={Boolean(clusterId && node) && !data && !error}
        {...(error ? { error: error.error, onRetry: reload } : {})}
        empty={
          !clusterId
            ? {
                title: 'No cluster connected',
                hint: 'Connect a cluster on the Clusters screen to see its storages.',
              }
            : !node
              ? {
                  title: 'No node online',
                  hint: 'Storages are listed per node: wait for a node of this cluster to come online, or pick another cluster.',
                }
              : storages.length === 0 && {
                  title: 'No storage visible',
                  hint: 'This identity sees no storage on the node: it needs Datastore.Audit on /storage (or on a storage) to list them.',
                }
        }
      >
        <Stack gap="md">
          <StorageTable storages={storages} current={current?.storage} onChoose={setChosen} />
          {clusterId && node && current && (
            <>
              <ContentBrowser
                key={`${current.storage}-${refresh}`}
                profileId={clusterId}
                node={node}
                storage={current.storage}
                content={current.content}
                refreshKey={refresh}
              />
              <UploadForm
                profileId={clusterId}
                node={node}
                storage={current.storage}
                content={current.content}
                onDone={changed}
              />
              {current.content.includes('vztmpl') && (
                <Appliances profileId={clusterId} node={node} storage={current.storage} onDone={changed} />
              )}
            </>
          )}
        </Stack>
      </Page>
    </section>
  );
}
