// The node's appliance index (container templates PVE can download) with a download-to-storage action through a plan.
import { STORAGE_NEEDS } from '../../../src-shared/ipc/channels/storage.js';
import { request } from '../../request.js';
import { useNeeds } from '../agent/useNeeds.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import { usePlanDialog } from './usePlanDialog.js';

export function Appliances({ profileId, node, storage, onDone }: { profileId: string; node: string; storage: string; onDone(): void }) {
  const { data } = useClusterRead('storage.appliances', { profileId, node }, 'Cannot read the appliance index');
  const flow = usePlanDialog(() => onDone());
  const verdict = useNeeds(profileId, STORAGE_NEEDS.template, { storage, node });
  return (
    <section className="appliances" data-testid="appliances">
      <h4>Templates to download into {storage}</h4>
      {verdict.state === 'denied' && <small className="action-reason" data-testid="appliance-reason">{verdict.reason}</small>}
      <table className="data-table">
        <tbody>
          {(data?.appliances ?? []).map((a) => (
            <tr key={a.template} data-testid="appliance-row" data-template={a.template}>
              <td>{a.headline}</td>
              <td>{a.version}</td>
              <td><code>{a.template}</code></td>
              <td>
                <button
                  type="button"
                  data-testid="appliance-download"
                  disabled={verdict.state === 'denied' || flow.building}
                  onClick={() => void flow.start(() => request('storage.plan', { profileId, action: { kind: 'template.download', node, storage, template: a.template } }, 'Cannot plan the download'))}
                >
                  Download…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {flow.dialog}
    </section>
  );
}
