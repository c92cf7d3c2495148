// The SDN view: zones, vnets and subnets with their pending state; create a vnet or subnet and apply pending changes through plans.
import { useState } from 'react';
import type { SdnAction } from '../../../src-shared/ipc/channels/sdn.js';
import { planSdn, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { ClusterViewFrame } from '../../components/ClusterView/ClusterViewFrame.js';
import { Field, SelectField } from '../../components/Form/Field.js';
import { OpsForm } from '../../components/Form/OpsForm.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { useClusterChoice } from '../provision/ClusterPicker.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import '../provision/operations.css';

const stateText = (o: { state?: string | undefined; pending: Record<string, string> }): string =>
  o.state
    ? `${o.state}${
        Object.keys(o.pending).length
          ? ` (${Object.entries(o.pending)
              .map(([k, v]) => `${k}=${v}`)
              .join(', ')})`
          : ''
      }`
    : 'applied';

export function SdnView() {
  const { clusterId, picker } = useClusterChoice();
  const sdn = useClusterRead('sdn.view', clusterId ? { profileId: clusterId } : undefined, 'Cannot read SDN');
  const flow = usePlanFlow(clusterId, sdn.reload, planSdn);
  const [vnet, setVnet] = useState({ id: '', zone: '', tag: '' });
  const [subnet, setSubnet] = useState({ vnet: '', cidr: '', gateway: '' });
  const v = sdn.data;
  const vars = { profileId: clusterId ?? '' };
  const plan = (action: SdnAction): void => {
    void flow.start(action);
  };
  const zone = vnet.zone || v?.zones[0]?.id || '';
  const createVnet = (): void =>
    plan({ kind: 'sdn.vnet.create', vnet: vnet.id, zone, ...(vnet.tag ? { tag: Number(vnet.tag) } : {}) });
  return (
    <ClusterViewFrame
      testId="sdn-view"
      clusterId={clusterId}
      picker={picker}
      data={v}
      onReload={sdn.reload}
      bar={
        <>
          <span data-testid="sdn-pending">
            {v ? `${v.pendingCount} pending change${v.pendingCount === 1 ? '' : 's'}` : ''}
          </span>
          <ActionButton
            action="sdn.apply"
            vars={vars}
            disabled={!v || v.pendingCount === 0 || flow.building}
            onClick={() => plan({ kind: 'sdn.apply' })}
          >
            Apply…
          </ActionButton>
        </>
      }
      after={flow.dialog}
    >
      {(v) => (
        <>
          <h3>Zones</h3>
          <table className="config-table" data-testid="sdn-zones">
            <thead>
              <tr>
                <th>Zone</th>
                <th>Type</th>
                <th>Bridge</th>
                <th>IPAM</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {v.zones.map((z) => (
                <tr key={z.id} data-testid="sdn-zone">
                  <td>{z.id}</td>
                  <td>{z.type}</td>
                  <td>{z.bridge ?? ''}</td>
                  <td>{z.ipam ?? ''}</td>
                  <td>{stateText(z)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>VNets</h3>
          <table className="config-table" data-testid="sdn-vnets">
            <thead>
              <tr>
                <th>VNet</th>
                <th>Zone</th>
                <th>Tag</th>
                <th>Alias</th>
                <th>State</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {v.vnets.map((n) => (
                <tr key={n.id} data-testid="sdn-vnet" data-vnet={n.id}>
                  <td>{n.id}</td>
                  <td>{n.zone}</td>
                  <td>{n.tag ?? ''}</td>
                  <td>{n.alias ?? ''}</td>
                  <td data-testid="sdn-vnet-state">{stateText(n)}</td>
                  <td>
                    <ActionButton
                      action="sdn.vnet.delete"
                      vars={{ ...vars, zone: n.zone, vnet: n.id }}
                      disabled={flow.building || n.state === 'deleted'}
                      onClick={() => plan({ kind: 'sdn.vnet.delete', vnet: n.id })}
                    >
                      Delete
                    </ActionButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <OpsForm
            data-testid="sdn-vnet-form"
            onSubmit={() => {
              createVnet();
            }}
          >
            <Field
              label="VNet"
              value={vnet.id}
              onChange={(e) => setVnet({ ...vnet, id: e.target.value })}
              size={10}
              data-testid="sdn-vnet-id"
            />
            <SelectField
              label="Zone"
              value={zone}
              onChange={(e) => setVnet({ ...vnet, zone: e.target.value })}
              data-testid="sdn-vnet-zone"
            >
              {v.zones.map((z) => (
                <option key={z.id}>{z.id}</option>
              ))}
            </SelectField>
            <Field
              label="Tag"
              value={vnet.tag}
              onChange={(e) => setVnet({ ...vnet, tag: e.target.value.replace(/\D/g, '') })}
              size={6}
              data-testid="sdn-vnet-tag"
            />
            <ActionButton
              action="sdn.vnet.create"
              vars={{ ...vars, zone }}
              disabled={flow.building || vnet.id === ''}
              onClick={createVnet}
            >
              Plan new vnet
            </ActionButton>
          </OpsForm>
          <h3>Subnets</h3>
          <table className="config-table" data-testid="sdn-subnets">
            <thead>
              <tr>
                <th>Subnet</th>
                <th>VNet</th>
                <th>Gateway</th>
                <th>SNAT</th>
                <th>State</th>
              </tr>
            </thead>
            <tbody>
              {v.subnets.map((s) => (
                <tr key={s.id} data-testid="sdn-subnet">
                  <td>{s.cidr}</td>
                  <td>{s.vnet}</td>
                  <td>{s.gateway ?? ''}</td>
                  <td>{s.snat ? 'yes' : 'no'}</td>
                  <td>{stateText(s)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <OpsForm onSubmit={() => undefined}>
            <SelectField
              label="VNet"
              value={subnet.vnet || v.vnets[0]?.id || ''}
              onChange={(e) => setSubnet({ ...subnet, vnet: e.target.value })}
            >
              {v.vnets.map((n) => (
                <option key={n.id}>{n.id}</option>
              ))}
            </SelectField>
            <Field
              label="CIDR"
              value={subnet.cidr}
              placeholder="10.0.0.0/24"
              onChange={(e) => setSubnet({ ...subnet, cidr: e.target.value })}
              size={16}
            />
            <Field
              label="Gateway"
              value={subnet.gateway}
              onChange={(e) => setSubnet({ ...subnet, gateway: e.target.value })}
              size={14}
            />
            <button
              type="button"
              disabled={flow.building || subnet.cidr === ''}
              onClick={() =>
                plan({
                  kind: 'sdn.subnet.create',
                  vnet: subnet.vnet || v.vnets[0]?.id || '',
                  cidr: subnet.cidr,
                  ...(subnet.gateway ? { gateway: subnet.gateway } : {}),
                })
              }
            >
              Plan new subnet
            </button>
          </OpsForm>
        </>
      )}
    </ClusterViewFrame>
  );
}
