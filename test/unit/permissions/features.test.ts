// Permissions matrix: allowed / partly / denied per feature with the gaps, and versions.ts facts.
import { describe, expect, it } from 'vitest';
import { featureMatrix } from '../../../src-shared/permissions/features.js';
import {
  isPrivilege,
  majorOf,
  privilegesOf,
  splitByVersion,
} from '../../../src-shared/permissions/versions.js';

describe('featureMatrix', () => {
  it('power is partly allowed when only one guest of two may be started, console denied, inventory allowed', () => {
    const answer = {
      '/vms': { 'VM.Audit': 1 as const },
      '/vms/101': { 'VM.Audit': 0 as const, 'VM.PowerMgmt': 0 as const },
    };
    const targets = [101, 102].map((vmid) => ({ node: 'pve1', vmid, type: 'qemu' }));
    const rows = Object.fromEntries(featureMatrix(answer, targets).map((r) => [r.id, r]));
    expect(rows.inventory?.state).toBe('allowed');
    expect(rows.power?.state).toBe('partly');
    expect(rows.power?.gaps[0]).toEqual({
      action: 'guest.start',
      target: targets[1],
      reason: 'needs VM.PowerMgmt on /vms/102',
    });
    expect(rows.console?.state).toBe('denied');
  });
});

describe('versions', () => {
  it('PVE 9 drops VM.Monitor and adds the agent privileges and VM.Replicate', () => {
    expect(privilegesOf(9).size).toBe(47);
    expect(privilegesOf(8).size).toBe(42);
    expect(isPrivilege('VM.Monitor', 9)).toBe(false);
    expect(isPrivilege('VM.Monitor', 8)).toBe(true);
    expect(isPrivilege('VM.Replicate', 8)).toBe(false);
    expect(splitByVersion(['VM.Audit', 'VM.GuestAgent.Audit', 'VM.Audit'], 8)).toEqual({
      kept: ['VM.Audit'],
      dropped: ['VM.GuestAgent.Audit'],
    });
    expect(majorOf('9.1.3')).toBe(9);
    expect(majorOf('pve-manager/8.4.1/abc')).toBe(8);
    expect(majorOf('7.4')).toBeUndefined();
  });
});
