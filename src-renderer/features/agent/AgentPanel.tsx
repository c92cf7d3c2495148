// The guest view's Agent tab: agent state and facts, audit presets and a typed command, each run as a plan, and the output.
import { Alert, Checkbox, Code, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Info } from 'lucide-react';
import { useEffect, useState } from 'react';
import {
  AGENT_PRESETS,
  type AgentInfo,
  type AgentOutput,
  type AgentPresetId,
  type AgentRun,
} from '../../../src-shared/ipc/channels/agent.js';
import type { GuestRecord } from '../../../src-shared/model/inventory.js';
import { request } from '../../request.js';
import { ReasonButton } from '../../ui/DisabledReason.js';
import { PageSkeleton } from '../../ui/Page.js';
import { formatBytes } from '../inventory/format.js';
import { planAgent, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { usePermission } from '../permissions/usePermission.js';
import { AgentOutputView } from './AgentOutputView.js';

function Fact({ label, children, testId }: { label: string; children: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function Facts({ info }: { info: AgentInfo }) {
  return (
    <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" data-testid="agent-facts">
      <Fact label="OS" testId="agent-os">
        {info.os?.prettyName ?? '–'}
      </Fact>
      <Fact label="Kernel">{info.os?.kernel ?? '–'}</Fact>
      <Fact label="Host name">{info.hostname ?? '–'}</Fact>
      <Fact label="Addresses" testId="agent-ips">
        {info.interfaces
          .filter((i) => i.name !== 'lo')
          .flatMap((i) => i.addresses.map((a) => `${i.name} ${a}`))
          .join(', ') || '–'}
      </Fact>
      <Fact label="File systems">
        {info.filesystems
          .map(
            (f) =>
              `${f.mountpoint} (${f.type}${f.total ? `, ${formatBytes(f.used ?? 0)} / ${formatBytes(f.total)}` : ''})`,
          )
          .join(', ') || '–'}
      </Fact>
    </SimpleGrid>
  );
}

export function AgentPanel({ guest }: { guest: GuestRecord }) {
  const profileId = guest.clusterId;
  const ref = { node: guest.node, type: guest.type, vmid: guest.vmid };
  const [info, setInfo] = useState<AgentInfo>();
  const [presets, setPresets] = useState<AgentPresetId[]>(AGENT_PRESETS.map((p) => p.id));
  const [command, setCommand] = useState('');
  const [commandProblem, setCommandProblem] = useState<string>();
  const [output, setOutput] = useState<AgentOutput>();
  const vars = { profileId, vmid: guest.vmid, node: guest.node };
  const exec = usePermission('guest.agent.exec', vars);
  const file = usePermission('guest.agent.file', vars);
  const flow = usePlanFlow(
    profileId,
    (plan) =>
      void request('agent.output', { planId: plan.id }, 'No audit output').then((o) => o && setOutput(o)),
    planAgent,
  );
  const key = `${profileId}|${guest.node}|${guest.vmid}|${guest.status}`;
  useEffect(() => {
    let live = true;
    setInfo(undefined);
    void request(
      'agent.info',
      { profileId, guest: { node: guest.node, type: guest.type, vmid: guest.vmid } },
      'Cannot ask the guest agent',
    ).then((r) => live && r && setInfo(r));
    return () => {
      live = false;
    };
    // the key names everything the read depends on
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!info)
    return (
      <Stack gap="xs" data-testid="agent-loading">
        <Text size="sm" c="dimmed">
          Asking the guest agent…
        </Text>
        <PageSkeleton rows={3} />
      </Stack>
    );
  if (info.state !== 'ok')
    return (
      <Alert
        variant="light"
        // information, not a warning (and yellow or orange titles on their light tint fail the contrast check)
        color="blue"
        icon={<Info size={16} aria-hidden />}
        title="The guest agent is not available"
        data-testid="agent-state"
        data-state={info.state}
      >
        {info.message}
      </Alert>
    );
  const needsExec = presets.some((id) => AGENT_PRESETS.find((p) => p.id === id)?.how === 'exec');
  const presetVerdict = needsExec ? exec : file;
  const denied = (v: typeof exec): string | undefined =>
    v.state === 'denied' ? (v.reason ?? 'not allowed') : undefined;
  const building = flow.building ? 'a plan is being prepared' : undefined;
  const plan = (run: AgentRun) => flow.start({ guest: ref, run });
  const planCommand = (): void => {
    const argv = command.trim().split(/\s+/).filter(Boolean);
    if (argv.length === 0) {
      setCommandProblem('Command: type a program and its arguments, e.g. df -h');
      return;
    }
    setCommandProblem(undefined);
    void plan({ kind: 'command', argv });
  };
  return (
    <Stack gap="md" data-testid="agent-panel">
      <Facts info={info} />
      <Fieldset legend="Audit (read-only presets)">
        <Stack gap="xs">
          {AGENT_PRESETS.map((p) => (
            <Checkbox
              key={p.id}
              size="xs"
              data-testid={`agent-preset-${p.id}`}
              checked={presets.includes(p.id)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setPresets((cur) => (on ? [...cur, p.id] : cur.filter((x) => x !== p.id)));
              }}
              label={<Code>{p.shown}</Code>}
            />
          ))}
          <Group>
            <ReasonButton
              size="xs"
              variant="filled"
              disabled={
                denied(presetVerdict) ??
                (presets.length === 0 ? 'choose at least one preset to run' : building)
              }
              onClick={() => void plan({ kind: 'presets', presets })}
              testId="agent-audit"
            >
              Plan audit
            </ReasonButton>
          </Group>
          {presetVerdict.state === 'denied' && (
            <Text size="sm" c="dimmed" data-testid="agent-audit-reason">
              {presetVerdict.reason}
            </Text>
          )}
        </Stack>
      </Fieldset>
      <Fieldset legend="Command (needs VM.GuestAgent.Unrestricted; you type the VM name to confirm)">
        <form
          noValidate
          data-testid="agent-command-form"
          onSubmit={(e) => {
            e.preventDefault();
            planCommand();
          }}
        >
          <Group align="flex-start" gap="xs">
            <TextInput
              size="xs"
              label="Program and arguments"
              data-testid="agent-command"
              value={command}
              placeholder="program arg1 arg2"
              onChange={(e) => {
                setCommand(e.currentTarget.value);
                setCommandProblem(undefined);
              }}
              disabled={exec.state === 'denied'}
              error={commandProblem}
              w={360}
            />
            <ReasonButton
              size="xs"
              type="submit"
              disabled={denied(exec) ?? building}
              onClick={() => undefined}
              testId="agent-command-plan"
            >
              Plan command
            </ReasonButton>
          </Group>
        </form>
        {exec.state === 'denied' && (
          <Text size="sm" c="dimmed" data-testid="agent-command-reason">
            {exec.reason}
          </Text>
        )}
      </Fieldset>
      {output && <AgentOutputView output={output} />}
      {flow.dialog}
    </Stack>
  );
}
