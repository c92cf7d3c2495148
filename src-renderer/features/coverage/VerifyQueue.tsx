// "Verify latest backups": the selected guests' newest archives, restored one at a time on a chosen node (and
// storage) as one plan; its report follows the run and the coverage table reloads when it ends.
import { Group, Paper, Select, Stack, Text } from '@mantine/core';
import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { planWith, usePlanFlow } from '../../components/ConfirmDiffDialog/usePlanFlow.js';
import { useReadOnly } from '../../components/ConfirmDiffDialog/useReadOnly.js';
import { request } from '../../request.js';
import { blockedReason } from '../permissions/read-only-reason.js';
import { PermissionButton } from '../permissions/ActionButton.js';
import { usePermissionAll } from '../permissions/usePermission.js';
import { useClusterRead } from '../provision/useClusterRead.js';
import type { ViewRow } from './coverage-rows.js';
import { QueueReportTable } from './QueueReportTable.js';
import { useQueueReport } from './useQueueReport.js';

/** the cluster of the selection, or why the selection cannot be queued */
function queueable(selected: readonly ViewRow[]): { profileId?: string; problem?: string } {
  if (selected.length === 0) return { problem: 'select the guests whose newest backup to verify' };
  const ids = new Set(selected.map((r) => r.profileId));
  if (ids.size > 1)
    return { problem: 'select guests of one cluster: a queue runs on one node of one cluster' };
  return { profileId: selected[0]?.profileId ?? '' };
}

export function VerifyQueue({
  selected,
  nodesOf,
  onFinished,
}: {
  selected: readonly ViewRow[];
  nodesOf(profileId: string): string[];
  onFinished(): void;
}) {
  const { profileId, problem } = queueable(selected);
  const nodes = profileId ? nodesOf(profileId) : [];
  const [picked, setNode] = useState<string | null>(null);
  const node = picked && nodes.includes(picked) ? picked : (nodes[0] ?? null);
  const [storage, setStorage] = useState<string | null>(null);
  const storages = useClusterRead(
    'operations.storages',
    profileId && node ? { profileId, node } : undefined,
    'Cannot list storages',
  );
  const types = new Set(selected.map((r) => (r.type === 'qemu' ? 'images' : 'rootdir')));
  const targets = (storages.data?.storages ?? []).filter((s) =>
    [...types].every((t) => s.content.includes(t)),
  );
  const target = storage && targets.some((s) => s.storage === storage) ? storage : null;
  const queue = useQueueReport();
  const flow = usePlanFlow(
    profileId,
    () => {
      queue.refresh();
      onFinished();
    },
    planWith,
  );
  const readOnly = useReadOnly(profileId);
  // restoring an archive needs VM.Backup on its guest (or VM.Allocate) and space on the target storage
  const verdict = usePermissionAll(
    'backup.restore',
    profileId,
    selected.map((r) => ({
      node: node ?? r.node,
      vmid: r.vmid,
      type: r.type,
      storage: target ?? r.newest?.storage ?? '',
      exists: 1,
    })),
  );
  const blocked =
    problem ??
    (node ? undefined : 'no node of this cluster is online') ??
    blockedReason(readOnly, flow.building);
  const start = (): void => {
    if (!profileId || !node) return;
    const items = selected.flatMap((r) =>
      r.newest ? [{ vmid: r.vmid, type: r.type, volid: r.newest.volid }] : [],
    );
    void flow.start(async () => {
      const plan = await request(
        'coverage.verifyPlan',
        { profileId, node, items, ...(target ? { storage: target } : {}) },
        'Cannot plan the verifications',
      );
      if (plan) queue.follow(plan.id);
      return plan;
    });
  };
  return (
    <Paper withBorder p="sm" data-testid="verify-queue">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm">
          <Select
            size="xs"
            label="Restore on node"
            data={nodes}
            value={node}
            onChange={setNode}
            disabled={nodes.length === 0}
            data-testid="verify-node"
            allowDeselect={false}
          />
          <Select
            size="xs"
            label="Scratch disks on"
            placeholder="the storage in the backup"
            data={targets.map((s) => s.storage)}
            value={target}
            onChange={setStorage}
            clearable
            data-testid="verify-storage"
          />
          <PermissionButton
            action="backup.restore"
            verdict={verdict}
            size="xs"
            leftSection={<ShieldCheck size={14} aria-hidden />}
            disabled={blocked}
            onClick={start}
            testId="verify-latest"
          >
            {`Verify latest backups (${selected.length})`}
          </PermissionButton>
        </Group>
        <Text size="xs" c="dimmed">
          Each newest archive is restored to a scratch guest, started and checked (its guest agent too, when
          it has one), then the scratch guest is destroyed — one at a time, all in one plan you confirm once.
        </Text>
        {queue.report && <QueueReportTable report={queue.report} />}
      </Stack>
      {flow.dialog}
    </Paper>
  );
}
