// Wizard step 2: apply the setup through the API as a confirm-diff plan, verify the new token, save it as a profile.
import { useEffect, useState } from 'react';
import type { VerifyResult, WizardInput } from '../../../src-shared/ipc/channels/wizard.js';
import type { Plan } from '../../../src-shared/plans/plan.js';
import { ConfirmDiffDialog } from '../../components/ConfirmDiffDialog/ConfirmDiffDialog.js';
import { request } from '../../request.js';
import { usePermissionsStore } from '../permissions/permissions-store.js';

function VerifyReport({ result }: { result: VerifyResult }) {
  const failed = result.checks.filter((c) => !c.allowed);
  return (
    <div data-testid="wizard-verify" data-passed={String(result.passed)}>
      <p>
        <strong>{result.passed ? 'Verified' : 'Gaps found'}</strong>: {result.checks.length - failed.length}{' '}
        of {result.checks.length} checks pass for {result.identity}.
      </p>
      <ul>
        {failed.map((c) => (
          <li key={`${c.action}-${c.target}`} className="wizard-check-fail">
            {c.label} on {c.target}: {c.reason}
          </li>
        ))}
        {result.unchecked.map((u) => (
          <li key={u} className="muted">
            not checkable in advance: {u}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function WizardApply({ profileId, input }: { profileId: string; input: WizardInput }) {
  const entry = usePermissionsStore((s) => s.byProfile[profileId]);
  const ensure = usePermissionsStore((s) => s.ensure);
  useEffect(() => ensure(profileId), [ensure, profileId]);
  const [plan, setPlan] = useState<Plan | undefined>();
  const [applied, setApplied] = useState<string | undefined>();
  const [verify, setVerify] = useState<VerifyResult | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const canApply = entry?.state === 'ready' && entry.info.canSetUpTokens;

  async function buildPlan(): Promise<void> {
    setVerify(undefined);
    const p = await request('wizard.plan', { ...input, profileId }, 'Cannot plan the token setup');
    if (p) setPlan(p);
  }
  async function runVerify(planId: string): Promise<void> {
    const r = await request(
      'wizard.verify',
      { source: { kind: 'plan', planId }, preset: input.preset, scope: input.scope },
      'Cannot verify the new token',
    );
    if (r) setVerify(r);
  }
  async function save(planId: string): Promise<void> {
    const view = await request(
      'wizard.saveProfile',
      { planId, name: `${input.userid}!${input.tokenid}` },
      'Cannot save the new token',
    );
    if (!view) return;
    const opened = await request('connect.open', { profileId: view.id }, 'Cannot connect with the new token');
    if (opened) setSaved(view.id);
  }

  return (
    <section className="wizard-apply">
      <h3>Apply through the API</h3>
      {entry?.state === 'ready' && !canApply && (
        <p className="muted" data-testid="wizard-apply-hint">
          {entry.info.identity} lacks Permissions.Modify or User.Modify: run the commands above on a node
          instead, or connect as an administrator.
        </p>
      )}
      <button type="button" onClick={() => void buildPlan()} disabled={!profileId} data-testid="wizard-apply">
        Apply through the API…
      </button>
      {plan && (
        <ConfirmDiffDialog
          plan={plan}
          onClose={() => setPlan(undefined)}
          onReplan={() => void buildPlan()}
          onFinished={() => setApplied(plan.id)}
        />
      )}
      {applied && (
        <p>
          <button type="button" onClick={() => void runVerify(applied)} data-testid="wizard-verify-run">
            Verify the new token
          </button>{' '}
          <button
            type="button"
            onClick={() => void save(applied)}
            disabled={saved !== undefined}
            data-testid="wizard-save-profile"
          >
            Save as a cluster profile and connect
          </button>
          {saved && <span data-testid="wizard-saved"> saved and connected</span>}
        </p>
      )}
      {verify && <VerifyReport result={verify} />}
    </section>
  );
}
