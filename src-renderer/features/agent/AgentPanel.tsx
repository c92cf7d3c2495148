// The guest view's Agent tab: agent state and facts, audit presets and a typed command, each run as a plan, and the output.
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
import { formatBytes } from '../inventory/format.js';
import { planAgent, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { usePermission } from '../permissions/usePermission.js';
import { AgentOutputView } from './AgentOutputView.js';

function Facts({ info }: { info: AgentInfo }) {
  return (
    <dl className="summary" data-testid="agent-facts">
      <div>
        <dt>OS</dt>
        <dd data-testid="agent-os">{info.os?.prettyName ?? '–'}</dd>
      </div>
      <div>
        <dt>Kernel</dt>
        <dd>{info.os?.kernel ?? '–'}</dd>
      </div>
      <div>
        <dt>Host name</dt>
        <dd>{info.hostname ?? '–'}</dd>
      </div>
      <div>
        <dt>Addresses</dt>
        <dd data-testid="agent-ips">
          {info.interfaces
            .filter((i) => i.name !== 'lo')
            .flatMap((i) => i.addresses.map((a) => `${i.name} ${a}`))
            .join(', ') || '–'}
        </dd>
      </div>
      <div>
        <dt>File systems</dt>
        <dd>
          {info.filesystems
            .map(
              (f) =>
                `${f.mountpoint} (${f.type}${f.total ? `, ${formatBytes(f.used ?? 0)} / ${formatBytes(f.total)}` : ''})`,
            )
            .join(', ') || '–'}
        </dd>
      </div>
    </dl>
  );
}

export function AgentPanel({ guest }: { guest: GuestRecord }) {
  const profileId = guest.clusterId;
  const ref = { node: guest.node, type: guest.type, vmid: guest.vmid };
  const [info, setInfo] = useState<AgentInfo>();
  const [presets, setPresets] = useState<AgentPresetId[]>(AGENT_PRESETS.map((p) => p.id));
  const [command, setCommand] = useState('');
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
      <p className="muted" data-testid="agent-loading">
        Asking the guest agent…
      </p>
    );
  if (info.state !== 'ok')
    return (
      <p className="notice" data-testid="agent-state" data-state={info.state}>
        {info.message}
      </p>
    );
  const needsExec = presets.some((id) => AGENT_PRESETS.find((p) => p.id === id)?.how === 'exec');
  const presetVerdict = needsExec ? exec : file;
  const plan = (run: AgentRun) => flow.start({ guest: ref, run });
  return (
    <section className="agent-panel" data-testid="agent-panel">
      <Facts info={info} />
      <fieldset>
        <legend>Audit (read-only presets)</legend>
        {AGENT_PRESETS.map((p) => (
          <label key={p.id}>
            <input
              type="checkbox"
              data-testid={`agent-preset-${p.id}`}
              checked={presets.includes(p.id)}
              onChange={(e) =>
                setPresets((cur) => (e.target.checked ? [...cur, p.id] : cur.filter((x) => x !== p.id)))
              }
            />{' '}
            <code>{p.shown}</code>
          </label>
        ))}
        <button
          type="button"
          data-testid="agent-audit"
          disabled={presets.length === 0 || presetVerdict.state === 'denied' || flow.building}
          onClick={() => void plan({ kind: 'presets', presets })}
        >
          Plan audit
        </button>
        {presetVerdict.state === 'denied' && (
          <small className="action-reason" data-testid="agent-audit-reason">
            {presetVerdict.reason}
          </small>
        )}
      </fieldset>
      <fieldset>
        <legend>Command (needs VM.GuestAgent.Unrestricted; you type the VM name to confirm)</legend>
        <input
          data-testid="agent-command"
          value={command}
          placeholder="program arg1 arg2"
          onChange={(e) => setCommand(e.target.value)}
          disabled={exec.state === 'denied'}
        />
        <button
          type="button"
          data-testid="agent-command-plan"
          disabled={exec.state === 'denied' || command.trim() === '' || flow.building}
          onClick={() => void plan({ kind: 'command', argv: command.trim().split(/\s+/) })}
        >
          Plan command
        </button>
        {exec.state === 'denied' && (
          <small className="action-reason" data-testid="agent-command-reason">
            {exec.reason}
          </small>
        )}
      </fieldset>
      {output && <AgentOutputView output={output} />}
      {flow.dialog}
    </section>
  );
}
