// Create a VM or container with a form; main's pre-flight (vmid free, node memory, storage space) refuses with a reason.
import { useState } from 'react';
import type { OperationAction } from '../../../src-shared/ipc/channels/operations.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { useClusterChoice } from './ClusterPicker.js';
import { ClusterViewFrame } from '../../components/ClusterView/ClusterViewFrame.js';
import { Field, SelectField, TextAreaField } from '../../components/Form/Field.js';
import { OpsForm } from '../../components/Form/OpsForm.js';
import { useClusterRead } from './useClusterRead.js';
import { planOperation, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import './operations.css';

const CT_TEMPLATE = 'local:vztmpl/debian-13-standard_13.1-2_amd64.tar.zst';

export function CreateView() {
  const { clusterId, picker } = useClusterChoice();
  const readOnly = useReadOnly(clusterId);
  const info = useClusterRead(
    'operations.provisionInfo',
    clusterId ? { profileId: clusterId } : undefined,
    'Cannot read nodes',
  );
  const flow = usePlanFlow(clusterId, info.reload, planOperation);
  const [f, setF] = useState({
    type: 'lxc',
    node: '',
    vmid: '',
    name: '',
    cores: '1',
    memory: '512',
    storage: 'local-lvm',
    disk: '8',
    ostemplate: CT_TEMPLATE,
    iso: '',
    sshKeys: '',
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const d = info.data;
  const num = (label: string, k: 'cores' | 'memory' | 'disk', min: number) => (
    <Field label={label} type="number" min={min} value={f[k]} onChange={set(k)} data-testid={`create-${k}`} />
  );
  const node = f.node || d?.nodes.find((n) => n.online)?.node || '';
  const type = f.type === 'qemu' ? 'qemu' : 'lxc';
  const action = (): OperationAction => ({
    kind: 'create',
    type,
    node,
    name: f.name,
    cores: Number(f.cores),
    memoryMiB: Number(f.memory),
    storage: f.storage,
    diskGiB: Number(f.disk),
    ...(f.vmid ? { vmid: Number(f.vmid) } : {}),
    ...(type === 'lxc'
      ? { ostemplate: f.ostemplate, ...(f.sshKeys.trim() ? { sshKeys: f.sshKeys.trim() } : {}) }
      : f.iso
        ? { iso: f.iso }
        : {}),
  });
  return (
    <ClusterViewFrame testId="create-view" clusterId={clusterId} picker={picker} data={d} after={flow.dialog}>
      {(d) => (
        <OpsForm
          data-testid="create-form"
          onSubmit={() => {
            void flow.start(action());
          }}
        >
          <SelectField label="Type" value={f.type} onChange={set('type')} data-testid="create-type">
            <option value="lxc">container</option>
            <option value="qemu">VM</option>
          </SelectField>
          <SelectField label="Node" value={node} onChange={set('node')} data-testid="create-node">
            {d.nodes.map((n) => (
              <option key={n.node} value={n.node} disabled={!n.online}>
                {n.node}
                {n.memFree !== undefined ? ` (${(n.memFree / 2 ** 30).toFixed(0)} GiB free)` : ''}
              </option>
            ))}
          </SelectField>
          <Field
            label="vmid"
            value={f.vmid}
            placeholder={String(d.nextId)}
            inputMode="numeric"
            onChange={set('vmid')}
            data-testid="create-vmid"
          />
          <Field label="Name" value={f.name} onChange={set('name')} data-testid="create-name" required />
          {num('Cores', 'cores', 1)}
          {num('Memory MiB', 'memory', 16)}
          <Field label="Storage" value={f.storage} onChange={set('storage')} data-testid="create-storage" />
          {num('Disk GiB', 'disk', 1)}
          {type === 'lxc' ? (
            <>
              <Field
                label="Template"
                value={f.ostemplate}
                onChange={set('ostemplate')}
                data-testid="create-ostemplate"
                size={50}
              />
              <TextAreaField
                label="Root SSH keys"
                value={f.sshKeys}
                rows={1}
                onChange={set('sshKeys')}
                data-testid="create-sshkeys"
              />
            </>
          ) : (
            <Field
              label="ISO"
              value={f.iso}
              placeholder="local:iso/…"
              onChange={set('iso')}
              data-testid="create-iso"
            />
          )}
          <button type="submit" disabled={readOnly || flow.building || !f.name} data-testid="create-submit">
            Plan create
          </button>
        </OpsForm>
      )}
    </ClusterViewFrame>
  );
}
