// Plan builder for a guest config edit: the diff against the current config, sent with its digest; cold keys flagged pending.
import type { GuestRef, PlanAction } from '../../../src-shared/ipc/channels/plans.js';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { configEditParams, diffConfig, type DiffEntry } from '../../../src-shared/plans/diff.js';
import { callFor } from '../../../src-shared/plans/plan.js';
import { getGuestConfig, getGuestStatus, updateGuestConfig } from '../../pve/api/guests.js';
import { snapshotStep, statusWarnings } from '../snapshots/build-snapshots.js';
import {
  autoSnapName,
  guestLabel,
  guestVars,
  type BuildContext,
  type BuiltAction,
  type PlanStep,
} from '../../plans/plan-types.js';

type ConfigEdit = Extract<PlanAction, { kind: 'config' }>;

const ALWAYS_HOT = /^(name|description|tags|onboot|protection|startup|balloon|lock)$/;

/**
 * Whether PVE will keep a change as [PENDING] on a running guest: QEMU applies options and whatever its `hotplug`
 * setting covers (default network, disk, usb) at once; containers defer only a few keys. An estimate for the plan;
 * the run reads PVE's real /pending afterwards.
 */
export function goesPending(type: GuestRef['type'], key: string, hotplug: string | undefined): boolean {
  if (type === 'lxc') return /^(features|unprivileged|ostype|arch|mp\d+)$/.test(key);
  if (ALWAYS_HOT.test(key)) return false;
  const plug = new Set((hotplug ?? 'network,disk,usb').split(',').map((s) => s.trim()));
  if (plug.has('1')) ['network', 'disk', 'usb', 'cpu', 'memory'].forEach((p) => plug.add(p));
  if (/^net\d+$/.test(key)) return !plug.has('network');
  if (/^(scsi|virtio|sata|ide|unused)\d+$/.test(key)) return !plug.has('disk');
  if (key === 'memory') return !plug.has('memory');
  if (key === 'vcpus') return !plug.has('cpu');
  return true;
}

export async function buildConfig(a: ConfigEdit, ctx: BuildContext): Promise<BuiltAction> {
  const g = a.guest;
  const [status, read] = await Promise.all([getGuestStatus(ctx.caller, g), getGuestConfig(ctx.caller, g)]);
  const before = read.config;
  const after: Record<string, string | number> = { ...before };
  for (const [key, value] of Object.entries(a.changes)) {
    if (value === null) delete after[key];
    else after[key] = value;
  }
  const edit = configEditParams(before, after);
  if (Object.keys(edit).length === 0) return noChange(g, status.name);
  const params = { ...edit, digest: read.digest };
  const running = status.status === 'running';
  const diff: DiffEntry[] = diffConfig(before, after).map((e) =>
    running && goesPending(g.type, e.key, before.hotplug) ? { ...e, kind: 'pending' } : e,
  );
  const label = guestLabel(g, status.name);
  const cold = diff.filter((e) => e.kind === 'pending').map((e) => e.key);
  const steps: PlanStep[] = [];
  if (a.snapshotFirst)
    steps.push(
      snapshotStep(g, { snapname: autoSnapName(ctx.now()), description: 'before config change (Proxdeck)' }),
    );
  steps.push({
    call: callFor('guest.config', guestVars(g), params, g.type),
    // A snapshot taken just before changes the digest (it sets `parent`): re-read it and send the fresh one only if
    // nothing else changed.
    run: async (c) =>
      a.snapshotFirst
        ? updateGuestConfig(c, g, { ...edit, digest: await digestIfUnchanged(c, g, before) })
        : updateGuestConfig(c, g, params),
  });
  return {
    input: {
      title: `Edit config of ${label}`,
      targets: [
        { kind: g.type, id: String(g.vmid), node: g.node, ...(status.name ? { name: status.name } : {}) },
      ],
      diff,
      warnings: [
        ...statusWarnings(g, status).filter((w) => w.code !== 'guest-running' || cold.length > 0),
        ...(cold.length > 0
          ? [
              {
                code: 'needs-reboot' as const,
                message: `${cold.join(', ')} will stay pending until ${label} is restarted`,
              },
            ]
          : []),
      ],
      expect: { digest: read.digest, status: status.status },
    },
    steps,
    preconditions: [{ guest: g, label, digest: read.digest, status: status.status }],
    targets: [g],
  };
}

/** The config already has these values: a normal answer (a plan with nothing to do), not an error. */
function noChange(g: GuestRef, name: string | undefined): BuiltAction {
  return {
    input: {
      title: `No changes: the config of ${guestLabel(g, name)} already has these values`,
      targets: [{ kind: g.type, id: String(g.vmid), node: g.node, ...(name ? { name } : {}) }],
    },
    steps: [],
    preconditions: [],
    targets: [g],
  };
}

async function digestIfUnchanged(
  c: BuildContext['caller'],
  g: GuestRef,
  planned: Record<string, string>,
): Promise<string> {
  const now = await getGuestConfig(c, g);
  const strip = (cfg: Record<string, string>): string =>
    JSON.stringify(
      Object.entries(cfg)
        .filter(([k]) => k !== 'parent')
        .sort(([x], [y]) => x.localeCompare(y)),
    );
  if (strip(now.config) !== strip(planned))
    throw new AppFailure('stale_plan', `${guestLabel(g)} changed since this plan was built: re-plan`);
  return now.digest;
}
