// The node's appliance index (container templates PVE can download) with a download-to-storage action through a plan.
import { planStorage, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { usePermission } from '../permissions/usePermission.js';
import { useClusterRead } from '../provision/useClusterRead.js';

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
  const { data } = useClusterRead(
    'storage.appliances',
    { profileId, node },
    'Cannot read the appliance index',
  );
  const flow = usePlanFlow(profileId, () => onDone(), planStorage);
  const verdict = usePermission('storage.template', { profileId, storage, node });
  return (
    <section className="appliances" data-testid="appliances">
      <h4>Templates to download into {storage}</h4>
      {verdict.state === 'denied' && (
        <small className="action-reason" data-testid="appliance-reason">
          {verdict.reason}
        </small>
      )}
      <table className="data-table">
        <tbody>
          {(data?.appliances ?? []).map((a) => (
            <tr key={a.template} data-testid="appliance-row" data-template={a.template}>
              <td>{a.headline}</td>
              <td>{a.version}</td>
              <td>
                <code>{a.template}</code>
              </td>
              <td>
                <button
                  type="button"
                  data-testid="appliance-download"
                  disabled={verdict.state === 'denied' || flow.building}
                  onClick={() =>
                    void flow.start({ kind: 'template.download', node, storage, template: a.template })
                  }
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
