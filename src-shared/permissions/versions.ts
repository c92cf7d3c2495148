// Which PVE privileges exist on which PVE major version, so we never name one the cluster rejects.
//
// API:
//   type PveMajor = 8 | 9
//   PVE9_PRIVILEGES: readonly string[]            all 47 privileges of PVE 9.x
//   privilegesOf(major: PveMajor): ReadonlySet<string>
//   isPrivilege(name: string, major?: PveMajor): boolean        (default major 9)
//   splitByVersion(privs, major): { kept: string[]; dropped: string[] }   order kept, duplicates removed
//   majorOf(version: string): PveMajor | undefined              "9.1.3" / "pve-manager/8.4.1" -> 9 / 8

export type PveMajor = 8 | 9;

const VM_COMMON = [
  'VM.Allocate',
  'VM.Audit',
  'VM.Backup',
  'VM.Clone',
  'VM.Config.CDROM',
  'VM.Config.CPU',
  'VM.Config.Cloudinit',
  'VM.Config.Disk',
  'VM.Config.HWType',
  'VM.Config.Memory',
  'VM.Config.Network',
  'VM.Config.Options',
  'VM.Console',
  'VM.Migrate',
  'VM.PowerMgmt',
  'VM.Snapshot',
  'VM.Snapshot.Rollback',
];
/** Added in PVE 9 (libpve-access-control 9.0.2 / 9.0.3): agent privileges replaced VM.Monitor; replication got its own. */
const ONLY_9 = [
  'VM.GuestAgent.Audit',
  'VM.GuestAgent.FileRead',
  'VM.GuestAgent.FileWrite',
  'VM.GuestAgent.FileSystemMgmt',
  'VM.GuestAgent.Unrestricted',
  'VM.Replicate',
];
const ONLY_8 = ['VM.Monitor'];
const OTHERS = [
  'Sys.AccessNetwork',
  'Sys.Audit',
  'Sys.Console',
  'Sys.Incoming',
  'Sys.Modify',
  'Sys.PowerMgmt',
  'Sys.Syslog',
  'Datastore.Allocate',
  'Datastore.AllocateSpace',
  'Datastore.AllocateTemplate',
  'Datastore.Audit',
  'SDN.Allocate',
  'SDN.Audit',
  'SDN.Use',
  'Mapping.Audit',
  'Mapping.Modify',
  'Mapping.Use',
  'User.Modify',
  'Group.Allocate',
  'Realm.Allocate',
  'Realm.AllocateUser',
  'Pool.Allocate',
  'Pool.Audit',
  'Permissions.Modify',
];

export const PVE9_PRIVILEGES: readonly string[] = [...VM_COMMON, ...ONLY_9, ...OTHERS].sort();
const PVE8_PRIVILEGES: readonly string[] = [...VM_COMMON, ...ONLY_8, ...OTHERS].sort();

const SETS: Record<PveMajor, ReadonlySet<string>> = {
  8: new Set(PVE8_PRIVILEGES),
  9: new Set(PVE9_PRIVILEGES),
};

export function privilegesOf(major: PveMajor): ReadonlySet<string> {
  return SETS[major];
}

export function isPrivilege(name: string, major: PveMajor = 9): boolean {
  return SETS[major].has(name);
}

export function splitByVersion(
  privs: Iterable<string>,
  major: PveMajor,
): { kept: string[]; dropped: string[] } {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const p of new Set(privs)) (isPrivilege(p, major) ? kept : dropped).push(p);
  return { kept, dropped };
}

/** The major version from GET /version's `version` ("9.1.3") or a pve-manager release string. */
export function majorOf(version: string): PveMajor | undefined {
  const m = /(\d+)\.\d+/.exec(version);
  const major = m ? Number(m[1]) : NaN;
  return major === 8 || major === 9 ? major : undefined;
}
