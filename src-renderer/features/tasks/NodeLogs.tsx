// A node's syslog (paged), journal (last entries) and systemd service states.
import { useState } from 'react';
import { useClusterRead } from '../provision/useClusterRead.js';

type Tab = 'syslog' | 'journal' | 'services';

export function NodeLogs({ profileId, node }: { profileId: string; node: string }) {
  const [tab, setTab] = useState<Tab>('syslog');
  const [service, setService] = useState('');
  const syslog = useClusterRead(
    'nodeLogs.syslog',
    tab === 'syslog' ? { profileId, node, limit: 500, ...(service ? { service } : {}) } : undefined,
    `Cannot read the syslog of ${node}`,
  );
  const journal = useClusterRead(
    'nodeLogs.journal',
    tab === 'journal' ? { profileId, node, lastentries: 200 } : undefined,
    `Cannot read the journal of ${node}`,
  );
  const services = useClusterRead(
    'nodeLogs.services',
    tab === 'services' ? { profileId, node } : undefined,
    `Cannot read the services of ${node}`,
  );
  return (
    <section className="node-logs" data-testid="node-logs">
      <nav className="tabs" role="tablist">
        {(['syslog', 'journal', 'services'] as const).map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={t === tab}
            data-testid={`node-logs-tab-${t}`}
            onClick={() => setTab(t)}
          >
            {t === 'syslog' ? 'Syslog' : t === 'journal' ? 'Journal' : 'Services'}
          </button>
        ))}
      </nav>
      {tab === 'syslog' && (
        <>
          <input
            placeholder="service (e.g. pvedaemon)"
            value={service}
            onChange={(e) => setService(e.target.value)}
            data-testid="syslog-service"
          />
          <button type="button" onClick={syslog.reload} data-testid="syslog-reload">
            Reload
          </button>
          <pre data-testid="syslog-lines">{syslog.data?.lines.map((l) => l.t).join('\n')}</pre>
        </>
      )}
      {tab === 'journal' && <pre data-testid="journal-lines">{journal.data?.lines.join('\n')}</pre>}
      {tab === 'services' && (
        <table className="data-table" data-testid="services-table">
          <thead>
            <tr>
              <th>Service</th>
              <th>Description</th>
              <th>State</th>
              <th>Active</th>
              <th>Unit file</th>
            </tr>
          </thead>
          <tbody>
            {services.data?.services.map((s) => (
              <tr
                key={s.service}
                data-testid="service-row"
                data-service={s.service}
                data-active={s.activeState}
              >
                <td>{s.name}</td>
                <td>{s.desc}</td>
                <td>{s.state}</td>
                <td>{s.activeState}</td>
                <td>{s.unitState}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
