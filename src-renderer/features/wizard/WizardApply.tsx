// Wizard step 2: apply the setup through the API as a confirm-diff plan, verify the new token, save it as a profile.
import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { CircleCheck, CircleX } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { VerifyResult, WizardInput } from '../../../src-shared/ipc/channels/wizard.js';
import type { Plan } from '../../../src-shared/plans/plan.js';
import { ConfirmDiffDialog } from '../../components/ConfirmDiffDialog/ConfirmDiffDialog.js';
import { ReasonButton } from '../../ui/DisabledReason.js';
import { request } from '../../request.js';
import { usePermissionsStore } from '../permissions/permissions-store.js';

function VerifyReport({ result }: { result: VerifyResult }) {
  const failed = result.checks.filter((c) => !c.allowed);
  return (
    <Alert
      color={result.passed ? 'green' : 'yellow'}
      variant="light"
      icon={result.passed ? <CircleCheck size={16} /> : <CircleX size={16} />}
      title={result.passed ? 'Verified' : 'Gaps found'}
      data-testid="wizard-verify"
      data-passed={String(result.passed)}
    >
      <Text size="sm">
        {result.checks.length - failed.length} of {result.checks.length} checks pass for {result.identity}.
      </Text>
      {(failed.length > 0 || result.unchecked.length > 0) && (
        <List size="sm" mt="xs">
          {failed.map((c) => (
            <List.Item key={`${c.action}-${c.target}`} className="wizard-check-fail">
              <Text span size="sm" c="red">
                {c.label} on {c.target}: {c.reason}
              </Text>
            </List.Item>
          ))}
          {result.unchecked.map((u) => (
            <List.Item key={u}>
              <Text span size="sm" c="dimmed">
                not checkable in advance: {u}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
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
    <Paper withBorder p="md" className="wizard-apply">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Apply through the API
        </Title>
        {entry?.state === 'ready' && !canApply && (
          <Text size="sm" c="dimmed" data-testid="wizard-apply-hint">
            {entry.info.identity} lacks Permissions.Modify or User.Modify: run the commands above on a node
            instead, or connect as an administrator.
          </Text>
        )}
        <Group>
          <ReasonButton
            variant="filled"
            onClick={() => void buildPlan()}
            disabled={!profileId && 'choose a connected cluster first'}
            testId="wizard-apply"
          >
            Apply through the API…
          </ReasonButton>
        </Group>
        {plan && (
          <ConfirmDiffDialog
            plan={plan}
            onClose={() => setPlan(undefined)}
            onReplan={() => void buildPlan()}
            onFinished={() => setApplied(plan.id)}
          />
        )}
        {applied && (
          <Group gap="xs">
            <ReasonButton onClick={() => void runVerify(applied)} testId="wizard-verify-run">
              Verify the new token
            </ReasonButton>
            <ReasonButton
              onClick={() => void save(applied)}
              disabled={saved !== undefined && 'already saved as a profile'}
              testId="wizard-save-profile"
            >
              Save as a cluster profile and connect
            </ReasonButton>
            {saved && (
              <Badge color="green" variant="dot" data-testid="wizard-saved">
                saved and connected
              </Badge>
            )}
          </Group>
        )}
        {verify && <VerifyReport result={verify} />}
      </Stack>
    </Paper>
  );
}
