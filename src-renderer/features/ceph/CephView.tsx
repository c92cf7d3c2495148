// The read-only Ceph view: health with its checks, monitors, placement groups, OSDs per host and pools with usage.
import { ClusterViewFrame } from '../../components/ClusterView/ClusterViewFrame.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import '../provision/operations.css';

const TIB = 2 ** 40;
const size = (b: number): string =>
  b >= TIB ? `${(b / TIB).toFixed(2)} TiB` : `${(b / 2 ** 30).toFixed(1)} GiB`;
const pct = (f: number): string => `${(f * 100).toFixed(1)} %`;

export function CephView() {
  const { clusterId, picker } = useClusterChoice();
  const ceph = useClusterRead(
    'ceph.view',
    clusterId ? { profileId: clusterId } : undefined,
    'Cannot read Ceph',
  );
  const v = ceph.data;
  return (
    <ClusterViewFrame
      testId="ceph-view"
      clusterId={clusterId}
      picker={picker}
      data={v}
      onReload={ceph.reload}
    >
      {(v) =>
        !v.configured ? (
          <p data-testid="ceph-none">
            Ceph is not configured on this cluster{v.message ? `: ${v.message}` : ''}.
          </p>
        ) : (
          <>
            <p>
              Health:{' '}
              <strong data-testid="ceph-health" className={v.health === 'HEALTH_OK' ? '' : 'ops-refusal'}>
                {v.health}
              </strong>{' '}
              · monitors {v.monitors.join(', ')} · OSDs {v.osdCounts.up}/{v.osdCounts.total} up,{' '}
              {v.osdCounts.in} in · used {size(v.bytesUsed)} of {size(v.bytesTotal)}
            </p>
            {v.checks.length > 0 && (
              <ul data-testid="ceph-checks">
                {v.checks.map((c) => (
                  <li key={c.id}>
                    {c.severity} {c.id}: {c.message}
                  </li>
                ))}
              </ul>
            )}
            <p>
              Placement groups: {v.pgs.byState.map((p) => `${p.count} ${p.state}`).join(', ')} ({v.pgs.total})
            </p>
            <h3>OSDs</h3>
            <table className="config-table" data-testid="ceph-osds">
              <thead>
                <tr>
                  <th>OSD</th>
                  <th>Host</th>
                  <th>Status</th>
                  <th>Class</th>
                  <th>Used</th>
                  <th>Size</th>
                </tr>
              </thead>
              <tbody>
                {v.osds.map((o) => (
                  <tr key={o.id} data-testid="ceph-osd">
                    <td>{o.name}</td>
                    <td>{o.host}</td>
                    <td>
                      {o.up ? 'up' : 'down'}/{o.in ? 'in' : 'out'}
                    </td>
                    <td>{o.deviceClass}</td>
                    <td>{o.bytesTotal ? pct(o.bytesUsed / o.bytesTotal) : ''}</td>
                    <td>{size(o.bytesTotal)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>Pools</h3>
            <table className="config-table" data-testid="ceph-pools">
              <thead>
                <tr>
                  <th>Pool</th>
                  <th>Type</th>
                  <th>Size/min</th>
                  <th>PGs</th>
                  <th>Autoscale</th>
                  <th>Used</th>
                </tr>
              </thead>
              <tbody>
                {v.pools.map((p) => (
                  <tr key={p.id} data-testid="ceph-pool">
                    <td>{p.name}</td>
                    <td>{p.type}</td>
                    <td>
                      {p.size}/{p.minSize}
                    </td>
                    <td>{p.pgs}</td>
                    <td>{p.autoscale}</td>
                    <td>
                      {size(p.bytesUsed)} ({pct(p.fractionUsed)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )
      }
    </ClusterViewFrame>
  );
}
