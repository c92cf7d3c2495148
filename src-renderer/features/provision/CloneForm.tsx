// The guest's Clone tab: new vmid (next free), name, full/linked, target node and storage, pool, and cloud-init fields
// (user, SSH keys, ipconfig0) when the source has a cloud-init drive.
import { useState } from 'react';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { Field, SelectField, TextAreaField } from '../../components/Form/Field.js';
import { OpsForm } from '../../components/Form/OpsForm.js';
import { useClusterRead } from './useClusterRead.js';
import { planOperation, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import './operations.css';

const opt = <K extends string>(key: K, v: string): Partial<Record<K, string>> =>
  v.trim() ? ({ [key]: v.trim() } as Partial<Record<K, string>>) : {};

export function CloneForm({ guest: g }: { guest: GuestRecord }) {
  const ref: GuestRef = { node: g.node, type: g.type, vmid: g.vmid };
  const profileId = g.clusterId;
  const readOnly = useReadOnly(profileId);
  const info = useClusterRead(
    'operations.provisionInfo',
    { profileId, guest: ref },
    'Cannot read clone information',
  );
  const flow = usePlanFlow(profileId, info.reload, planOperation);
  const [f, setF] = useState({
    newid: '',
    name: '',
    full: '',
    target: '',
    storage: '',
    pool: '',
    ciuser: '',
    sshkeys: '',
    ipconfig0: '',
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const d = info.data;
  if (!d) return <p className="muted">Loading…</p>;
  const full = f.full === '' ? !d.template : f.full === 'full';
  return (
    <OpsForm
      data-testid="clone-form"
      onSubmit={() => {
        const cloudInit = {
          ...opt('ciuser', f.ciuser),
          ...opt('sshkeys', f.sshkeys),
          ...opt('ipconfig0', f.ipconfig0),
        };
        void flow.start({
          kind: 'clone',
          guest: ref,
          full,
          newid: f.newid ? Number(f.newid) : d.nextId,
          ...opt('name', f.name),
          ...opt('target', f.target),
          ...(full ? opt('storage', f.storage) : {}),
          ...opt('pool', f.pool),
          ...(Object.keys(cloudInit).length ? { cloudInit } : {}),
        });
      }}
    >
      <Field
        label="New vmid"
        value={f.newid}
        placeholder={String(d.nextId)}
        inputMode="numeric"
        onChange={set('newid')}
        data-testid="clone-newid"
      />
      <Field label="Name" value={f.name} onChange={set('name')} data-testid="clone-name" />
      <SelectField
        label="Mode"
        value={full ? 'full' : 'linked'}
        onChange={set('full')}
        data-testid="clone-mode"
      >
        <option value="full">full clone</option>
        <option value="linked" disabled={!d.template}>
          linked clone{d.template ? '' : ' (templates only)'}
        </option>
      </SelectField>
      <SelectField
        label="Target node"
        value={f.target || g.node}
        onChange={set('target')}
        data-testid="clone-target"
      >
        {d.nodes.map((n) => (
          <option key={n.node} value={n.node} disabled={!n.online}>
            {n.node}
          </option>
        ))}
      </SelectField>
      {full && (
        <Field
          label="Target storage"
          value={f.storage}
          placeholder="same as source"
          onChange={set('storage')}
          data-testid="clone-storage"
        />
      )}
      <Field label="Pool" value={f.pool} onChange={set('pool')} data-testid="clone-pool" />
      {d.hasCloudInit && (
        <fieldset data-testid="clone-cloudinit">
          <legend>Cloud-init</legend>
          {(
            [
              ['User', 'ciuser', d.cloudInit?.ciuser ?? ''],
              ['ipconfig0', 'ipconfig0', d.cloudInit?.ipconfig0 ?? 'ip=dhcp'],
            ] as const
          ).map(([label, k, placeholder]) => (
            <Field
              key={k}
              label={label}
              value={f[k]}
              placeholder={placeholder}
              onChange={set(k)}
              data-testid={`clone-${k}`}
            />
          ))}
          <TextAreaField
            label="SSH keys"
            value={f.sshkeys}
            rows={2}
            onChange={set('sshkeys')}
            data-testid="clone-sshkeys"
          />
        </fieldset>
      )}
      <button type="submit" disabled={readOnly || flow.building} data-testid="clone-submit">
        Plan clone
      </button>
      {flow.dialog}
    </OpsForm>
  );
}
