// Storage view: a node's storages with usage and content types; the chosen one's content, upload and template download.
import { useState } from 'react';
import { formatBytes, formatPercent } from '../inventory/format.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { Appliances } from './Appliances.js';
import { ContentBrowser } from './ContentBrowser.js';
import { UploadForm } from './UploadForm.js';
import { useNodeChoice } from './useNodeChoice.js';

export function StorageView() {
  const { clusterId, picker } = useClusterChoice();
  const { node, picker: nodePicker } = useNodeChoice(clusterId);
  const { data, reload } = useClusterRead(
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
    <section className="storage-view" data-testid="storage-view">
      <header className="ops-head">
        {picker}
        {nodePicker}
      </header>
      <table className="data-table" data-testid="storage-table">
        <thead>
          <tr>
            <th>Storage</th>
            <th>Type</th>
            <th>Content</th>
            <th>Shared</th>
            <th>Usage</th>
          </tr>
        </thead>
        <tbody>
          {storages.map((s) => (
            <tr
              key={s.storage}
              data-testid="storage-row"
              data-storage={s.storage}
              aria-selected={s.storage === current?.storage}
              onClick={() => setChosen(s.storage)}
            >
              <td>{s.storage}</td>
              <td>{s.type}</td>
              <td>{s.content.join(', ')}</td>
              <td>{s.shared ? 'yes' : 'no'}</td>
              <td data-testid="storage-usage">
                <progress value={s.used} max={s.total || 1} /> {formatBytes(s.used)} / {formatBytes(s.total)}{' '}
                ({formatPercent(s.total ? s.used / s.total : 0)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
    </section>
  );
}
