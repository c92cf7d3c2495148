// Create a VM or container with a form; main's pre-flight (vmid free, node memory, storage space) refuses with a reason.
import {
  Group,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { useClusterChoice } from './ClusterPicker.js';
import { ClusterViewFrame } from '../../components/ClusterView/ClusterViewFrame.js';
import { OpsForm } from '../../components/Form/OpsForm.js';
import { useClusterRead } from './useClusterRead.js';
import { planOperation, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { ActionButton } from '../permissions/ActionButton.js';
import { blockedReason } from '../permissions/read-only-reason.js';
import { createAction, createProblems, type CreateFields, type CreateProblems } from './create-form.js';
import { storageChoices, useNodeStorages, useVolumes } from './useNodeVolumes.js';
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
  const [f, setF] = useState<CreateFields>({
    type: 'lxc',
    node: '',
    vmid: '',
    name: '',
    cores: 1,
    memory: 512,
    storage: '',
    disk: 8,
    ostemplate: '',
    iso: '',
    sshKeys: '',
  });
  const [problems, setProblems] = useState<CreateProblems>({});
  const d = info.data;
  const node = f.node || d?.nodes.find((n) => n.online)?.node || '';
  const { storages } = useNodeStorages(clusterId, node);
  const diskStorages = storageChoices(storages, f.type === 'qemu' ? 'images' : 'rootdir');
  const templates = useVolumes(clusterId, node, storages, 'vztmpl', f.type === 'lxc');
  const isos = useVolumes(clusterId, node, storages, 'iso', f.type === 'qemu');
  const storage =
    f.storage ||
    (diskStorages.find((s) => s.value === 'local-lvm') ?? diskStorages[0])?.value ||
    (storages.length === 0 ? 'local-lvm' : '');
  const ostemplate =
    f.ostemplate || (templates.find((t) => t.value === CT_TEMPLATE) ?? templates[0])?.value || CT_TEMPLATE;
  const fields: CreateFields = { ...f, node, storage, ostemplate };
  const set =
    <K extends keyof CreateFields>(k: K) =>
    (v: CreateFields[K] | null): void => {
      setF((cur) => ({ ...cur, [k]: v ?? '' }));
      setProblems(({ [k]: _, ...rest }) => rest);
    };
  const text =
    (k: 'name' | 'node' | 'sshKeys' | 'type') =>
    (e: { currentTarget: { value: string } }): void =>
      set(k)(e.currentTarget.value as never);
  const err = (k: keyof CreateFields): { error?: string } => (problems[k] ? { error: problems[k] } : {});
  return (
    <ClusterViewFrame
      testId="create-view"
      title="Create"
      description="A new VM or container on a node of the cluster; the plan shows the exact API call before anything runs."
      clusterId={clusterId}
      picker={picker}
      data={d}
      error={info.error?.error}
      onReload={info.reload}
      after={flow.dialog}
    >
      {(d) => (
        <OpsForm
          data-testid="create-form"
          noValidate
          onSubmit={() => {
            const found = createProblems(fields);
            setProblems(found);
            if (Object.keys(found).length === 0) void flow.start(createAction(fields));
          }}
        >
          <Stack gap="sm" w="100%">
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
              <NativeSelect
                label="Type"
                value={f.type}
                onChange={text('type')}
                data-testid="create-type"
                data={[
                  { value: 'lxc', label: 'Container' },
                  { value: 'qemu', label: 'Virtual machine' },
                ]}
              />
              <NativeSelect
                label="Node"
                value={node}
                onChange={text('node')}
                data-testid="create-node"
                {...err('node')}
                data={d.nodes.map((n) => ({
                  value: n.node,
                  disabled: !n.online,
                  label: `${n.node}${n.online ? '' : ' (offline)'}${n.memFree !== undefined ? ` (${(n.memFree / 2 ** 30).toFixed(0)} GiB free)` : ''}`,
                }))}
              />
              <NumberInput
                label="Guest ID"
                description="empty: the next free one"
                value={f.vmid}
                placeholder={String(d.nextId)}
                min={100}
                allowDecimal={false}
                clampBehavior="none"
                allowNegative={false}
                onChange={set('vmid')}
                data-testid="create-vmid"
                {...err('vmid')}
              />
              <TextInput
                label="Name"
                description="host name: letters, digits, - and ."
                value={f.name}
                withAsterisk
                onChange={text('name')}
                data-testid="create-name"
                {...err('name')}
              />
              <NumberInput
                label="Cores"
                value={f.cores}
                min={1}
                max={512}
                allowDecimal={false}
                clampBehavior="none"
                onChange={set('cores')}
                data-testid="create-cores"
                {...err('cores')}
              />
              <NumberInput
                label="Memory"
                suffix=" MiB"
                value={f.memory}
                min={16}
                step={256}
                allowDecimal={false}
                clampBehavior="none"
                onChange={set('memory')}
                data-testid="create-memory"
                {...err('memory')}
              />
              <Select
                label="Storage"
                description={f.type === 'qemu' ? 'for the VM disk' : 'for the root file system'}
                value={storage || null}
                data={diskStorages}
                searchable
                nothingFoundMessage="No storage on this node holds guest disks"
                onChange={set('storage')}
                data-testid="create-storage"
                {...err('storage')}
              />
              <NumberInput
                label="Disk"
                suffix=" GiB"
                value={f.disk}
                min={1}
                allowDecimal={false}
                clampBehavior="none"
                onChange={set('disk')}
                data-testid="create-disk"
                {...err('disk')}
              />
            </SimpleGrid>
            {f.type === 'lxc' ? (
              <SimpleGrid cols={2} spacing="sm">
                <Select
                  label="Template"
                  value={ostemplate || null}
                  data={
                    templates.some((t) => t.value === ostemplate) || !ostemplate
                      ? templates
                      : [...templates, { value: ostemplate, label: ostemplate }]
                  }
                  searchable
                  nothingFoundMessage="No container template on this node: download one in Storage"
                  onChange={set('ostemplate')}
                  data-testid="create-ostemplate"
                  {...err('ostemplate')}
                />
                <Textarea
                  label="Root SSH keys"
                  description="optional; one public key per line"
                  value={f.sshKeys}
                  autosize
                  minRows={1}
                  onChange={text('sshKeys')}
                  data-testid="create-sshkeys"
                />
              </SimpleGrid>
            ) : (
              <Select
                label="ISO image"
                description="optional: the installer in the CD drive"
                value={f.iso || null}
                data={isos}
                searchable
                clearable
                nothingFoundMessage="No ISO image on this node: upload one in Storage"
                onChange={set('iso')}
                data-testid="create-iso"
              />
            )}
            <Group>
              <ActionButton
                action="guest.create"
                vars={{
                  profileId: clusterId ?? '',
                  node,
                  type: f.type,
                  storage,
                  vmid: typeof f.vmid === 'number' ? f.vmid : d.nextId,
                }}
                type="submit"
                variant="filled"
                onClick={() => undefined}
                disabled={blockedReason(readOnly, flow.building)}
                testId="create-submit"
              >
                Plan create
              </ActionButton>
            </Group>
          </Stack>
        </OpsForm>
      )}
    </ClusterViewFrame>
  );
}
