// The guest's Clone tab: new vmid (next free), name, full/linked, target node and storage, pool, and cloud-init fields
// (user, SSH keys, ipconfig0) when the source has a cloud-init drive.
import { Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { GuestRef } from '../../../src-shared/ipc/channels/plans.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { ErrorState, PageSkeleton } from '../../ui/Page.js';
import { dnsNameProblem } from '../guest-config/config-fields.js';
import { ActionButton } from '../permissions/ActionButton.js';
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
  const set = (k: keyof typeof f) => (e: { currentTarget: { value: string } }) =>
    setF({ ...f, [k]: e.currentTarget.value });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const d = info.data;
  if (info.error && !d) return <ErrorState error={info.error.error} onRetry={info.reload} />;
  if (!d) return <PageSkeleton rows={5} />;
  const full = f.full === '' ? !d.template : f.full === 'full';
  const vars = { profileId, node: g.node, type: g.type, vmid: g.vmid, newid: f.newid || String(d.nextId) };
  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (f.newid && !(/^\d+$/.test(f.newid) && Number(f.newid) >= 100 && Number(f.newid) <= 999999999))
      found.newid = 'New ID: a whole number from 100 to 999999999.';
    const name = f.name ? dnsNameProblem('Name', f.name) : undefined;
    if (name) found.name = name;
    return found;
  };
  return (
    <OpsForm
      data-testid="clone-form"
      noValidate
      onSubmit={() => {
        const found = check();
        setProblems(found);
        if (Object.keys(found).length) return;
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
      <Stack gap="sm" maw={640}>
        <Text size="sm" c="dimmed">
          Copies this guest to a new ID. A linked clone shares the template&apos;s disks; a full clone copies
          them.
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label="New ID"
            value={f.newid}
            placeholder={String(d.nextId)}
            description={`Next free: ${d.nextId}`}
            inputMode="numeric"
            error={problems.newid}
            onChange={set('newid')}
            data-testid="clone-newid"
          />
          <TextInput
            label="Name"
            value={f.name}
            error={problems.name}
            onChange={set('name')}
            data-testid="clone-name"
          />
          <NativeSelect
            label="Mode"
            value={full ? 'full' : 'linked'}
            onChange={set('full')}
            data-testid="clone-mode"
            data={[
              { value: 'full', label: 'full clone' },
              {
                value: 'linked',
                label: `linked clone${d.template ? '' : ' (templates only)'}`,
                disabled: !d.template,
              },
            ]}
          />
          <NativeSelect
            label="Target node"
            value={f.target || g.node}
            onChange={set('target')}
            data-testid="clone-target"
            data={d.nodes.map((n) => ({
              value: n.node,
              label: n.online ? n.node : `${n.node} (offline)`,
              disabled: !n.online,
            }))}
          />
          {full && (
            <TextInput
              label="Target storage"
              value={f.storage}
              placeholder="same as source"
              onChange={set('storage')}
              data-testid="clone-storage"
            />
          )}
          <TextInput label="Pool" value={f.pool} onChange={set('pool')} data-testid="clone-pool" />
        </SimpleGrid>
        {d.hasCloudInit && (
          <Fieldset legend="Cloud-init" data-testid="clone-cloudinit">
            <SimpleGrid cols={2} spacing="sm">
              {(
                [
                  ['User', 'ciuser', d.cloudInit?.ciuser ?? ''],
                  ['IP config (ipconfig0)', 'ipconfig0', d.cloudInit?.ipconfig0 ?? 'ip=dhcp'],
                ] as const
              ).map(([label, k, placeholder]) => (
                <TextInput
                  key={k}
                  label={label}
                  value={f[k]}
                  placeholder={placeholder}
                  onChange={set(k)}
                  data-testid={`clone-${k}`}
                />
              ))}
            </SimpleGrid>
            <Textarea
              label="SSH keys"
              value={f.sshkeys}
              minRows={2}
              autosize
              onChange={set('sshkeys')}
              data-testid="clone-sshkeys"
            />
          </Fieldset>
        )}
        <Group>
          <ActionButton
            action="guest.clone"
            vars={vars}
            type="submit"
            variant="filled"
            onClick={() => undefined}
            disabled={readOnly ? 'the profile is read-only' : flow.building}
            testId="clone-submit"
          >
            Plan clone
          </ActionButton>
        </Group>
      </Stack>
      {flow.dialog}
    </OpsForm>
  );
}
