// Token setup wizard: choose what the app may do and where; get the exact pveum commands, each explained, then apply or verify.
import {
  Autocomplete,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { WizardInput, WizardOutput } from '../../../src-shared/ipc/channels/wizard.js';
import { PRESETS, type PresetId } from '../../../src-shared/wizard/presets.js';
import { request } from '../../request.js';
import { useWizardChoices } from './useWizardChoices.js';
import { WizardApply } from './WizardApply.js';
import { WizardCommands } from './WizardCommands.js';
import { checkWizard, scopeOf, type WizardFields, type WizardProblems } from './wizard-checks.js';

const SCOPES = [
  { value: 'cluster', label: 'Whole cluster' },
  { value: 'pool', label: 'One pool' },
  { value: 'guests', label: 'Single guests' },
];

/** a picker fed from the cluster; free tags when the cluster offers none (no cluster connected) */
function ListPicker(props: {
  label: string;
  options: string[];
  value: string[];
  onChange(v: string[]): void;
  testId: string;
  error?: string | undefined;
}) {
  const common = {
    label: props.label,
    value: props.value,
    onChange: props.onChange,
    'data-testid': props.testId,
    error: props.error,
    clearable: true,
  };
  return props.options.length > 0 ? (
    <MultiSelect {...common} data={props.options} searchable placeholder="all" />
  ) : (
    <TagsInput {...common} placeholder="all (type a name, Enter)" />
  );
}

export function TokenWizard({ profileId }: { profileId: string }) {
  const choices = useWizardChoices(profileId);
  const [preset, setPreset] = useState<PresetId>('operator');
  const [f, setF] = useState<WizardFields>({
    kind: 'pool',
    pool: '',
    vmids: '',
    storages: [],
    zones: [],
    userid: 'proxdeck@pve',
    tokenid: 'app',
  });
  const [problems, setProblems] = useState<WizardProblems>({});
  const [out, setOut] = useState<{ input: WizardInput; output: WizardOutput } | undefined>();
  const set = (patch: Partial<WizardFields>): void => setF((cur) => ({ ...cur, ...patch }));

  async function generate(): Promise<void> {
    const found = checkWizard(f);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const input: WizardInput = { preset, scope: scopeOf(f), userid: f.userid, tokenid: f.tokenid };
    const output = await request(
      'wizard.generate',
      { ...input, ...(profileId ? { profileId } : {}) },
      'Cannot generate the commands',
    );
    setOut(output ? { input, output } : undefined);
  }

  return (
    <Stack gap="md" className="token-wizard" data-testid="token-wizard">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <NativeSelect
              label="The app should be able to"
              value={preset}
              onChange={(e) => setPreset(e.currentTarget.value as PresetId)}
              data-testid="wizard-preset"
              data={PRESETS.map((p) => ({ value: p.id, label: `${p.label} — ${p.summary}` }))}
            />
            <NativeSelect
              label="Scope"
              value={f.kind}
              onChange={(e) => set({ kind: e.currentTarget.value as WizardFields['kind'] })}
              data-testid="wizard-scope"
              data={SCOPES}
            />
            {f.kind === 'pool' &&
              (choices.pools.length > 0 ? (
                <Select
                  label="Pool"
                  placeholder="choose a pool"
                  searchable
                  data={choices.pools}
                  value={f.pool || null}
                  onChange={(v) => set({ pool: v ?? '' })}
                  data-testid="wizard-pool"
                  error={problems.pool}
                />
              ) : (
                <TextInput
                  label="Pool"
                  description="No pools seen on this cluster: type the name of the pool to create"
                  value={f.pool}
                  onChange={(e) => set({ pool: e.currentTarget.value.trim() })}
                  data-testid="wizard-pool"
                  error={problems.pool}
                />
              ))}
            {f.kind === 'guests' && (
              <TextInput
                label="Guest IDs"
                placeholder="101, 102"
                value={f.vmids}
                onChange={(e) => set({ vmids: e.currentTarget.value })}
                data-testid="wizard-vmids"
                error={problems.vmids}
              />
            )}
            <ListPicker
              label="Storages (optional)"
              options={choices.storages}
              value={f.storages}
              onChange={(storages) => set({ storages })}
              testId="wizard-storages"
              error={problems.storages}
            />
            <ListPicker
              label="SDN zones (optional)"
              options={choices.zones}
              value={f.zones}
              onChange={(zones) => set({ zones })}
              testId="wizard-zones"
            />
            <Autocomplete
              label="User"
              description="An existing user, or a new one the setup creates"
              data={choices.users}
              value={f.userid}
              onChange={(userid) => set({ userid: userid.trim() })}
              data-testid="wizard-userid"
              error={problems.userid}
            />
            <TextInput
              label="Token name"
              value={f.tokenid}
              onChange={(e) => set({ tokenid: e.currentTarget.value.trim() })}
              data-testid="wizard-tokenid"
              error={problems.tokenid}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" data-testid="wizard-generate">
              Generate commands
            </Button>
          </Group>
        </Stack>
      </form>
      {out && <WizardCommands out={out.output} />}
      {out && profileId && <WizardApply profileId={profileId} input={out.input} />}
    </Stack>
  );
}
