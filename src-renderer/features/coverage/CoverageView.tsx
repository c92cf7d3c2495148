// Backup coverage across every connected cluster: guests no job covers, the age of each newest backup, failed last
// backups, archives never restore-verified and protected ones; filters, CSV export of what is shown, and the
// "verify latest backups" queue for a selection.
import { Alert, Button, Stack } from '@mantine/core';
import { Download, RefreshCw } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useContractQuery } from '../../data/useContractQuery.js';
import { EmptyState, Page } from '../../ui/Page.js';
import { ReasonButton } from '../../ui/DisabledReason.js';
import { useConnectStore } from '../connect/connect-store.js';
import { CoverageFilters } from './CoverageFilters.js';
import { CoverageTable, rowKey } from './CoverageTable.js';
import { filterRows, NO_FILTER, toCsv, type ViewRow } from './coverage-rows.js';
import { VerifyQueue } from './VerifyQueue.js';
import '../provision/operations.css';

function downloadCsv(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `backup-coverage-${new Date().toISOString().slice(0, 10)}.csv`;
  a.click();
  URL.revokeObjectURL(url);
}

export function CoverageView() {
  const connections = useConnectStore((s) => s.connections);
  const profiles = useConnectStore((s) => s.profiles);
  const ids = Object.values(connections)
    .filter((c) => c.state === 'connected')
    .map((c) => c.profileId)
    .sort();
  const nameOf = (id: string): string => profiles.find((p) => p.id === id)?.name ?? id;
  const q = useContractQuery(
    'coverage.list',
    ids.length ? { profileIds: ids } : undefined,
    { profileId: ids.join(','), scopes: [{ kind: 'backups' }] },
    'Cannot read the backup coverage',
  );
  const [filter, setFilter] = useState(NO_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const clusters = q.data?.clusters ?? [];
  const rows = useMemo<ViewRow[]>(
    () => clusters.flatMap((c) => c.rows.map((r) => ({ ...r, cluster: nameOf(c.profileId) }))),
    // names only change with the profiles
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [q.data, profiles],
  );
  const nowSec = Math.floor(Date.now() / 1000);
  const shown = filterRows(rows, filter, nowSec);
  const chosen = shown.filter((r) => selected.has(rowKey(r)) && r.newest);
  const select = (keys: string[], on: boolean): void =>
    setSelected((s) => {
      const next = new Set(s);
      for (const k of keys)
        if (on) next.add(k);
        else next.delete(k);
      return next;
    });
  const reload = (): void => void q.refetch();
  return (
    <section className="ops-view" data-testid="coverage-view">
      <Page
        title="Backup coverage"
        description="Every guest of the connected clusters: is a backup job covering it, how old is its newest backup, did the last one fail, and has Proxdeck restored it to check it boots."
        actions={
          <>
            <ReasonButton
              variant="default"
              leftSection={<Download size={14} aria-hidden />}
              disabled={shown.length === 0 && 'no rows to export with these filters'}
              onClick={() => downloadCsv(toCsv(shown, nowSec))}
              testId="coverage-export"
            >
              Export CSV
            </ReasonButton>
            <Button
              variant="default"
              leftSection={<RefreshCw size={14} aria-hidden />}
              disabled={ids.length === 0}
              onClick={reload}
              data-testid="coverage-reload"
            >
              Reload
            </Button>
          </>
        }
        loading={ids.length > 0 && !q.data && !q.error}
        {...(q.error ? { error: q.error.error, onRetry: reload } : {})}
        empty={
          ids.length === 0 && {
            title: 'No cluster connected',
            hint: 'Connect a cluster on the Clusters screen to see which guests are backed up.',
          }
        }
      >
        <Stack gap="md">
          {clusters.map((c) =>
            c.error || c.notes.length ? (
              <Alert
                key={c.profileId}
                color={c.error ? 'red' : 'yellow'}
                title={
                  c.error
                    ? `${nameOf(c.profileId)} could not be read`
                    : `Partly known for ${nameOf(c.profileId)}`
                }
                data-testid="coverage-note"
              >
                {c.error ?? c.notes.join(' ')}
              </Alert>
            ) : null,
          )}
          <CoverageFilters
            value={filter}
            clusters={ids.map((id) => ({ value: id, label: nameOf(id) }))}
            onChange={setFilter}
          />
          <VerifyQueue
            selected={chosen}
            nodesOf={(id) => clusters.find((c) => c.profileId === id)?.nodes ?? []}
            onFinished={reload}
          />
          {shown.length === 0 ? (
            <EmptyState
              title={rows.length ? 'No guest matches these filters' : 'No guests'}
              hint={
                rows.length
                  ? 'Clear a filter to see more guests.'
                  : 'The connected clusters have no VM or container yet.'
              }
            />
          ) : (
            <CoverageTable rows={shown} selected={selected} onSelect={select} />
          )}
        </Stack>
      </Page>
    </section>
  );
}
