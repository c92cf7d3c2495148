// evaluate.ts: inheritance in the /access/permissions answer, verdict texts, or/any/self/perm-modify, token intersection.
import { describe, expect, it } from 'vitest';
import {
  evaluateAction,
  evaluateNeeds,
  intersectAnswers,
  privilegesAt,
  type PermissionsAnswer,
} from '../../../src-shared/permissions/evaluate.js';

const operatorInPool: PermissionsAnswer = {
  '/pool/lab': { 'VM.PowerMgmt': 1, 'VM.Audit': 1, 'Pool.Audit': 1 },
  '/vms/120': { 'VM.PowerMgmt': 0, 'VM.Audit': 0, 'Pool.Audit': 0 },
  '/sdn/zones/localnetwork': { 'SDN.Use': 1 },
  '/storage/local-lvm': { 'Datastore.AllocateSpace': 0 },
};

describe('privilegesAt', () => {
  it('uses the listed path exactly, including non-propagated privileges', () => {
    expect([...privilegesAt(operatorInPool, '/vms/120')].sort()).toEqual([
      'Pool.Audit',
      'VM.Audit',
      'VM.PowerMgmt',
    ]);
  });
  it('inherits only propagated privileges from the nearest listed ancestor', () => {
    const a: PermissionsAnswer = { '/': { 'VM.Audit': 1, 'Sys.Audit': 0 }, '/vms': { 'VM.Audit': 1 } };
    expect([...privilegesAt(a, '/vms/999')]).toEqual(['VM.Audit']);
    expect([...privilegesAt(a, '/nodes/pve1')]).toEqual([]);
    expect([...privilegesAt({ '/': { 'VM.Audit': 1 } }, '/nodes/pve1')]).toEqual([]);
    expect([...privilegesAt(operatorInPool, '/sdn/zones/localnetwork/vmbr0')]).toEqual(['SDN.Use']);
    expect([...privilegesAt(operatorInPool, '/storage/local-lvm')]).toEqual(['Datastore.AllocateSpace']);
  });
  it('treats an absent fixed path as empty, not as inheriting from /', () => {
    const a: PermissionsAnswer = { '/': { 'Sys.Audit': 1 } };
    expect([...privilegesAt(a, '/vms/101')]).toEqual([]);
    expect([...privilegesAt(a, '/')]).toEqual(['Sys.Audit']);
  });
  it('honours an exact empty entry (GET /access/permissions?path=...)', () => {
    const a: PermissionsAnswer = { '/vms': { 'VM.Audit': 1 }, '/vms/200': {} };
    expect([...privilegesAt(a, '/vms/200')]).toEqual([]);
    expect([...privilegesAt(a, '/vms/201')]).toEqual(['VM.Audit']);
  });
});

describe('evaluateAction', () => {
  it('allows start on a pool member and names the gap elsewhere', () => {
    expect(
      evaluateAction('guest.start', operatorInPool, { node: 'pve1', vmid: 120, type: 'qemu' }).allowed,
    ).toBe(true);
    const denied = evaluateAction('guest.start', operatorInPool, { node: 'pve1', vmid: 101, type: 'qemu' });
    expect(denied.allowed).toBe(false);
    expect(denied.reason).toBe('needs VM.PowerMgmt on /vms/101');
    expect(denied.gaps[0]?.options).toEqual([[{ path: '/vms/101', privs: ['VM.PowerMgmt'], any: false }]]);
  });
  it('names only the missing ones of several required privileges, and any-sets as "one of"', () => {
    const a: PermissionsAnswer = { '/vms': { 'VM.Audit': 1 } };
    expect(evaluateAction('snapshot.rollback', a, { node: 'n', vmid: 100, snapname: 's' }).reason).toBe(
      'needs one of VM.Snapshot, VM.Snapshot.Rollback on /vms/100',
    );
    expect(evaluateAction('guest.view', a, { node: 'n', vmid: 100 }).allowed).toBe(true);
  });
  it('reset exists for VMs only; config needs differ per guest type', () => {
    const a: PermissionsAnswer = { '/vms': { 'VM.Config.Cloudinit': 1 } };
    expect(evaluateAction('guest.config', a, { node: 'n', vmid: 100, type: 'qemu' }).allowed).toBe(true);
    expect(evaluateAction('guest.config', a, { node: 'n', vmid: 100, type: 'lxc' }).allowed).toBe(false);
  });
  it('clone: VM.Allocate on the new id or on the pool, plus storage and SDN checked in the handler', () => {
    const a: PermissionsAnswer = {
      '/vms': { 'VM.Clone': 1 },
      '/pool/lab': { 'VM.Allocate': 1 },
      '/storage/local-lvm': { 'Datastore.AllocateSpace': 1 },
    };
    const vars = {
      node: 'pve1',
      vmid: 100,
      newid: 200,
      storage: 'local-lvm',
      zone: 'localnetwork',
      bridge: 'vmbr0',
    };
    const noPool = evaluateAction('guest.clone', a, vars);
    expect(noPool.reason).toBe(
      'needs VM.Allocate on /vms/200; needs SDN.Use on /sdn/zones/localnetwork/vmbr0',
    );
    const withSdn = { ...a, '/sdn/zones/localnetwork': { 'SDN.Use': 1 as const } };
    expect(evaluateAction('guest.clone', withSdn, { ...vars, pool: 'lab' }).allowed).toBe(true);
    const otherPool = evaluateAction('guest.clone', withSdn, { ...vars, pool: 'other' });
    expect(otherPool.reason).toBe('needs VM.Allocate on /vms/200 or VM.Allocate on /pool/other');
    expect(otherPool.gaps[0]?.options).toHaveLength(2);
  });
  it('reports requirements it could not check when a target variable is unknown', () => {
    const a: PermissionsAnswer = { '/vms': { 'VM.Backup': 1 } };
    const v = evaluateAction('backup.run', a, { node: 'pve1', vmid: 100 });
    expect(v.allowed).toBe(true);
    expect(v.unchecked).toEqual(['Datastore.AllocateSpace on /storage/{storage}']);
    const denied = evaluateAction('backup.run', a, {
      node: 'pve1',
      vmid: 100,
      storage: 'nfs',
      'prune-backups': 'keep-last=1',
    });
    expect(denied.reason).toBe(
      'needs Datastore.AllocateSpace on /storage/nfs; needs Datastore.Allocate on /storage/nfs',
    );
  });
  it('self checks: a token owner may make tokens for itself only', () => {
    const none: PermissionsAnswer = {};
    const vars = { userid: 'alice@pve', tokenid: 'app' };
    expect(evaluateAction('access.token.create', none, vars, { identity: { id: 'alice@pve' } }).allowed).toBe(
      true,
    );
    const other = evaluateAction('access.token.create', none, vars, { identity: { id: 'bob@pve' } });
    expect(other.reason).toBe('needs to be alice@pve itself or User.Modify on /access/groups');
  });
  it('perm-modify accepts the object type Allocate privilege below /vms, /storage, /pool only', () => {
    const a: PermissionsAnswer = { '/vms': { 'VM.Allocate': 1 }, '/storage': { 'Datastore.Allocate': 1 } };
    expect(evaluateAction('access.acl.modify', a, { path: '/vms/100' }).allowed).toBe(true);
    expect(evaluateAction('access.acl.modify', a, { path: '/storage/local' }).allowed).toBe(true);
    expect(evaluateAction('access.acl.modify', a, { path: '/storage' }).reason).toBe(
      'needs Permissions.Modify on /storage',
    );
    expect(
      evaluateAction('access.acl.modify', { '/access': { 'Permissions.Modify': 1 } }, { path: '' }).allowed,
    ).toBe(true);
  });
  it('evaluateNeeds with an or-branch that needs a parameter not given fails that branch', () => {
    const v = evaluateNeeds(
      [
        {
          kind: 'or',
          of: [[{ kind: 'perm', path: '/pool/{pool}', privs: ['VM.Allocate'], requireParam: 'pool' }]],
        },
      ],
      { '/pool/x': { 'VM.Allocate': 1 } },
      {},
    );
    expect(v.allowed).toBe(false);
  });

  it('covers the firewall, SDN, agent and storage actions of the same table', () => {
    const auditor = {
      '/': { 'Sys.Audit': 1, 'VM.Audit': 1, 'SDN.Audit': 1 },
      '/sdn': { 'SDN.Audit': 1 },
    } as const;
    expect(evaluateAction('firewall.view', auditor, {}).allowed).toBe(true);
    expect(evaluateAction('firewall.cluster.rules', auditor, {}).reason).toBe('needs Sys.Modify on /');
    expect(
      evaluateAction('replication.run', auditor, { vmid: 100, node: 'pve1', id: '100-0' }).reason,
    ).toContain('VM.Replicate');
    expect(
      evaluateAction(
        'sdn.subnet.create',
        { '/sdn/zones/z1': { 'SDN.Allocate': 1 } },
        { zone: 'z1', vnet: 'v1' },
      ).allowed,
    ).toBe(true);
    const agent = { '/vms/100': { 'VM.GuestAgent.FileRead': 1 } } as const;
    expect(evaluateAction('guest.agent.file', agent, { node: 'n', vmid: 100 }).allowed).toBe(true);
    expect(evaluateAction('guest.agent.exec', agent, { node: 'n', vmid: 100 }).reason).toBe(
      'needs VM.GuestAgent.Unrestricted on /vms/100',
    );
    expect(
      evaluateAction(
        'storage.template',
        { '/storage/local': { 'Datastore.AllocateTemplate': 1 } },
        { node: 'n', storage: 'local' },
      ).allowed,
    ).toBe(true);
  });

  it('volume.delete: an ISO (no owner vmid) needs Datastore.Allocate, a backup AllocateSpace and VM.Backup will do', () => {
    const a = { '/storage/local': { 'Datastore.AllocateSpace': 1 }, '/vms/100': { 'VM.Backup': 1 } } as const;
    const iso = evaluateAction('volume.delete', a, {
      node: 'n',
      storage: 'local',
      volume: 'local:iso/x.iso',
    });
    expect(iso.reason).toBe('needs Datastore.Allocate on /storage/local');
    expect(
      evaluateAction('volume.delete', a, { node: 'n', storage: 'local', volume: 'local:backup/x', vmid: 100 })
        .allowed,
    ).toBe(true);
  });
});

describe('intersectAnswers', () => {
  it('keeps what both user and token have, with flags ANDed, inheritance applied on each side', () => {
    const user: PermissionsAnswer = {
      '/': { 'VM.Audit': 1, 'VM.PowerMgmt': 1, 'Sys.Audit': 1 },
      '/vms': { 'VM.Audit': 1, 'VM.PowerMgmt': 1 },
    };
    const token: PermissionsAnswer = {
      '/vms': { 'VM.Audit': 1, 'VM.Console': 1 },
      '/vms/101': { 'VM.PowerMgmt': 0 },
    };
    expect(intersectAnswers(user, token)).toEqual({
      '/vms': { 'VM.Audit': 1 },
      '/vms/101': { 'VM.PowerMgmt': 0 },
    });
  });
});
