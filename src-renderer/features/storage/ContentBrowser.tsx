// One storage's content (ISOs, templates, backups, disk images) with size and date, filterable by type; delete through a plan.
import { useState } from 'react';
import { planStorage, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { usePermission } from '../permissions/usePermission.js';
import { formatBytes } from '../inventory/format.js';
import { useClusterRead } from '../provision/useClusterRead.js';

const TYPES = ['iso', 'vztmpl', 'backup', 'images', 'rootdir'] as const;
const LABEL: Record<string, string> = {
  iso: 'ISO images',
  vztmpl: 'CT templates',
  backup: 'Backups',
  images: 'Disk images',
  rootdir: 'CT volumes',
};

export function ContentBrowser({
  profileId,
  node,
  storage,
  content,
  refreshKey,
}: {
  profileId: string;
  node: string;
  storage: string;
  content: readonly string[];
  refreshKey: number;
}) {
  const [type, setType] = useState<(typeof TYPES)[number] | ''>('');
  const { data, reload } = useClusterRead(
    'storage.content',
    { profileId, node, storage, ...(type ? { content: type } : {}) },
    `Cannot list ${storage}`,
  );
  const flow = usePlanFlow(profileId, () => reload(), planStorage);
  // without a vmid volume.delete checks Datastore.Allocate: what PVE asks for ISOs and templates (backups decide per owner)
  const canDelete = usePermission('volume.delete', { profileId, storage, node });
  return (
    <section className="content-browser" data-testid="content-browser" data-refresh={refreshKey}>
      <header>
        <h4>Content of {storage}</h4>
        <select
          value={type}
          onChange={(e) => setType(e.target.value as typeof type)}
          data-testid="content-type"
        >
          <option value="">all</option>
          {TYPES.filter((t) => content.includes(t)).map((t) => (
            <option key={t} value={t}>
              {LABEL[t]}
            </option>
          ))}
        </select>
        <button type="button" onClick={reload} data-testid="content-reload">
          Reload
        </button>
      </header>
      <table className="data-table">
        <thead>
          <tr>
            <th>Volume</th>
            <th>Type</th>
            <th>Format</th>
            <th>Size</th>
            <th>Date</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(data?.items ?? []).map((i) => (
            <tr key={i.volid} data-testid="content-row" data-volid={i.volid}>
              <td>
                {i.volid}
                {i.protected ? ' 🔒' : ''}
              </td>
              <td>{LABEL[i.content] ?? i.content}</td>
              <td>{i.format}</td>
              <td>{formatBytes(i.size)}</td>
              <td>{i.ctime ? new Date(i.ctime * 1000).toLocaleString() : '–'}</td>
              <td>
                {(i.content === 'iso' || i.content === 'vztmpl' || i.content === 'backup') && (
                  <button
                    type="button"
                    data-testid="content-delete"
                    disabled={
                      i.protected || (i.content !== 'backup' && canDelete.state === 'denied') || flow.building
                    }
                    title={i.protected ? 'protected' : canDelete.reason}
                    onClick={() => void flow.start({ kind: 'content.delete', node, volid: i.volid })}
                  >
                    Delete…
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data && data.items.length === 0 && <p className="muted">Nothing here.</p>}
      {flow.dialog}
    </section>
  );
}
