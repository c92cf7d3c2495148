// Token setup wizard: choose what the app may do and where; get the exact pveum commands, each explained, then apply or verify.
import { useState } from 'react';
import type { WizardInput, WizardOutput, WizardScope } from '../../../src-shared/ipc/channels/wizard.js';
import { PRESETS, type PresetId } from '../../../src-shared/wizard/presets.js';
import { request } from '../../request.js';
import { WizardApply } from './WizardApply.js';

type ScopeKind = WizardScope['kind'];
const list = (s: string): string[] => s.split(/[\s,;]+/).filter(Boolean);

function scopeOf(kind: ScopeKind, pool: string, vmids: string, storages: string, zones: string): WizardScope {
  const narrow = {
    ...(list(storages).length ? { storages: list(storages) } : {}),
    ...(list(zones).length ? { zones: list(zones) } : {}),
  };
  if (kind === 'pool') return { kind, pool, ...narrow };
  if (kind === 'guests') return { kind, vmids: list(vmids).map(Number), ...narrow };
  return { kind, ...narrow };
}

function Commands({ out }: { out: WizardOutput }) {
  const all = out.commands.map((c) => c.line).join('\n');
  return (
    <section data-testid="wizard-output">
      <h3>
        Run on a PVE node (PVE {out.major}){' '}
        <button type="button" onClick={() => void navigator.clipboard?.writeText(all)}>
          Copy all
        </button>
      </h3>
      <ol className="wizard-commands">
        {out.commands.map((c) => (
          <li key={c.line} data-testid="wizard-command">
            <code>{c.line}</code>
            <span className="muted">{c.explain}</span>{' '}
            <button type="button" onClick={() => void navigator.clipboard?.writeText(c.line)}>
              Copy
            </button>
          </li>
        ))}
      </ol>
      <p>The token will be able to: {out.actions.map((a) => a.label).join(', ') || 'everything'}.</p>
      {out.dropped.length > 0 && (
        <p data-testid="wizard-dropped">
          Left out, not on PVE {out.major}: {out.dropped.join(', ')}
        </p>
      )}
      {out.notes.length > 0 && (
        <ul data-testid="wizard-notes">
          {out.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TokenWizard({ profileId }: { profileId: string }) {
  const [preset, setPreset] = useState<PresetId>('operator');
  const [kind, setKind] = useState<ScopeKind>('pool');
  const [pool, setPool] = useState('');
  const [vmids, setVmids] = useState('');
  const [storages, setStorages] = useState('');
  const [zones, setZones] = useState('');
  const [userid, setUserid] = useState('proxdeck@pve');
  const [tokenid, setTokenid] = useState('app');
  const [out, setOut] = useState<{ input: WizardInput; output: WizardOutput } | undefined>();

  async function generate(): Promise<void> {
    const input: WizardInput = {
      preset,
      scope: scopeOf(kind, pool, vmids, storages, zones),
      userid,
      tokenid,
    };
    const output = await request(
      'wizard.generate',
      { ...input, ...(profileId ? { profileId } : {}) },
      'Cannot generate the commands',
    );
    setOut(output ? { input, output } : undefined);
  }

  const field = (label: string, value: string, set: (v: string) => void, testId: string) => (
    <>
      <label htmlFor={testId}>{label}</label>
      <input id={testId} value={value} onChange={(e) => set(e.target.value)} data-testid={testId} />
    </>
  );
  return (
    <section className="token-wizard" data-testid="token-wizard">
      <div className="wizard-form">
        <label htmlFor="wizard-preset">The app should be able to</label>
        <select
          id="wizard-preset"
          value={preset}
          onChange={(e) => setPreset(e.target.value as PresetId)}
          data-testid="wizard-preset"
        >
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label} — {p.summary}
            </option>
          ))}
        </select>
        <label htmlFor="wizard-scope">Scope</label>
        <select
          id="wizard-scope"
          value={kind}
          onChange={(e) => setKind(e.target.value as ScopeKind)}
          data-testid="wizard-scope"
        >
          <option value="cluster">Whole cluster</option>
          <option value="pool">One pool</option>
          <option value="guests">Single guests</option>
        </select>
        {kind === 'pool' && field('Pool', pool, setPool, 'wizard-pool')}
        {kind === 'guests' && field('VM/CT ids', vmids, setVmids, 'wizard-vmids')}
        {field('Storages (optional)', storages, setStorages, 'wizard-storages')}
        {field('SDN zones (optional)', zones, setZones, 'wizard-zones')}
        {field('User', userid, setUserid, 'wizard-userid')}
        {field('Token name', tokenid, setTokenid, 'wizard-tokenid')}
      </div>
      <button type="button" onClick={() => void generate()} data-testid="wizard-generate">
        Generate commands
      </button>
      {out && <Commands out={out.output} />}
      {out && profileId && <WizardApply profileId={profileId} input={out.input} />}
    </section>
  );
}
