// PVE 9 privileges grouped by tier, and the built-in roles PVE derives from those tiers.

interface Category {
  /** role name infix: PVE<name>Admin / PVE<name>User */
  name: string;
  root: string[];
  admin: string[];
  user: string[];
  audit: string[];
}

const CATEGORIES: Category[] = [
  {
    name: 'VM',
    root: [],
    admin: [
      'VM.Allocate',
      'VM.Clone',
      'VM.Config.CPU',
      'VM.Config.Disk',
      'VM.Config.HWType',
      'VM.Config.Memory',
      'VM.Config.Network',
      'VM.Config.Options',
      'VM.GuestAgent.Unrestricted',
      'VM.Migrate',
      'VM.Replicate',
      'VM.Snapshot',
      'VM.Snapshot.Rollback',
    ],
    user: [
      'VM.Backup',
      'VM.Config.CDROM',
      'VM.Config.Cloudinit',
      'VM.Console',
      'VM.GuestAgent.FileRead',
      'VM.GuestAgent.FileWrite',
      'VM.GuestAgent.FileSystemMgmt',
      'VM.PowerMgmt',
    ],
    audit: ['VM.Audit', 'VM.GuestAgent.Audit'],
  },
  {
    name: 'Sys',
    root: ['Sys.PowerMgmt', 'Sys.Modify', 'Sys.Incoming', 'Sys.AccessNetwork'],
    admin: ['Sys.Console', 'Sys.Syslog'],
    user: [],
    audit: ['Sys.Audit'],
  },
  {
    name: 'Datastore',
    root: [],
    admin: ['Datastore.Allocate', 'Datastore.AllocateTemplate'],
    user: ['Datastore.AllocateSpace'],
    audit: ['Datastore.Audit'],
  },
  { name: 'SDN', root: [], admin: ['SDN.Allocate', 'SDN.Audit'], user: ['SDN.Use'], audit: ['SDN.Audit'] },
  { name: 'Mapping', root: [], admin: ['Mapping.Modify'], user: ['Mapping.Use'], audit: ['Mapping.Audit'] },
  {
    name: 'User',
    root: ['Realm.Allocate'],
    admin: ['User.Modify', 'Group.Allocate', 'Realm.AllocateUser'],
    user: [],
    audit: [],
  },
  { name: 'Pool', root: [], admin: ['Pool.Allocate'], user: ['Pool.Audit'], audit: ['Pool.Audit'] },
];

/** Belongs to no tier: among built-in roles only Administrator has it. */
const TIERLESS = ['Permissions.Modify'];

export const VALID_PRIVILEGES: ReadonlySet<string> = new Set([
  ...CATEGORIES.flatMap((c) => [...c.root, ...c.admin, ...c.user, ...c.audit]),
  ...TIERLESS,
]);

function buildSpecialRoles(): Map<string, ReadonlySet<string>> {
  const roles = new Map<string, ReadonlySet<string>>();
  const auditor = new Set<string>();
  const pveAdmin = new Set<string>();
  for (const c of CATEGORIES) {
    const admin = new Set([...c.admin, ...c.user, ...c.audit]);
    roles.set(`PVE${c.name}Admin`, admin);
    if (c.user.length > 0) roles.set(`PVE${c.name}User`, new Set([...c.user, ...c.audit]));
    for (const p of c.audit) auditor.add(p);
    for (const p of admin) if (p !== 'Mapping.Modify') pveAdmin.add(p);
  }
  roles.set('PVEAuditor', auditor);
  roles.set('PVEAdmin', pveAdmin);
  roles.set('PVETemplateUser', new Set(['VM.Audit', 'VM.Clone']));
  roles.set('Administrator', new Set(VALID_PRIVILEGES));
  roles.set('NoAccess', new Set());
  return roles;
}

/** Built-in roles: forced to these definitions, never written to user.cfg, never editable. */
export const SPECIAL_ROLES: ReadonlyMap<string, ReadonlySet<string>> = buildSpecialRoles();

export function isSpecialRole(roleid: string): boolean {
  return SPECIAL_ROLES.has(roleid);
}
