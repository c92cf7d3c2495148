// The simulator's built-in access state: the seeds' users, tokens, pool and ACLs, with fixed demo secrets.
import { writeTokenCfg } from './token-cfg.js';

export const DEFAULT_ROOT_PASSWORD = 'proxdeck-demo';

/** Passwords of the default pve-realm users (root@pam's is DEFAULT_ROOT_PASSWORD or --root-password). */
export const DEMO_PASSWORDS: Readonly<Record<string, string>> = {
  'OpenVLE@pve': 'openvle-demo',
  'auditor@pve': 'auditor-demo',
  'support@pve': 'support-demo',
  'ops@pve': 'ops-demo',
  'totp@pve': 'totp-demo',
  'empty@pve': 'empty-demo',
};

/** Base32 TOTP secret of totp@pve (SHA-1, 6 digits, 30 s, as PVE's TOTP). */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const DEMO_TOTP_USER = 'totp@pve';

/** Full token id -> secret of the default tokens. */
export const DEMO_TOKENS: Readonly<Record<string, string>> = {
  'OpenVLE@pve!prod01': '5f0c9a1e-2b7d-4c8e-9a31-7d2e4b6f8a01',
  'auditor@pve!ro': '0a3e6c2d-91b4-4f57-8e2a-3c5d7f9b1e02',
  'support@pve!console': '7b1d4e8f-3a6c-4d92-b5e1-9f2a4c6d8e03',
  'ops@pve!ops': 'c4e2a9f1-6d3b-4a85-9c7e-1b3d5f7a9e04',
  'empty@pve!noacl': '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c05',
};

export const DEMO_POOL = 'OpenVLE-VMs';

/** Every VM.* privilege, plus what a pool-scoped operator needs to see and fill its pool's storage. */
const OPENVLE_PRIVS = [
  'Datastore.AllocateSpace',
  'Datastore.Audit',
  'Pool.Audit',
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
  'VM.GuestAgent.Audit',
  'VM.GuestAgent.FileRead',
  'VM.GuestAgent.FileSystemMgmt',
  'VM.GuestAgent.FileWrite',
  'VM.GuestAgent.Unrestricted',
  'VM.Migrate',
  'VM.PowerMgmt',
  'VM.Replicate',
  'VM.Snapshot',
  'VM.Snapshot.Rollback',
];

/** The default user.cfg, consistent with the default cluster (nodes pve1..3, vmids 100..139, local/local-lvm/nfs-backup). */
export function defaultUserCfg(): string {
  return `user:root@pam:1:0:::root@localhost:::
user:OpenVLE@pve:1:0:OpenVLE:Service::OpenVLE lab automation::
token:OpenVLE@pve!prod01:0:1:production scoped to pool ${DEMO_POOL}:
user:auditor@pve:1:0:Audit:Reader::read-only audit::
token:auditor@pve!ro:0:1:read-only:
user:support@pve:1:0:Support:Staff::console access::
token:support@pve!console:0:1:console:
user:ops@pve:1:0:Ops:Admin::VM administration::
token:ops@pve!ops:0:0:full user privileges:
user:totp@pve:1:0:Second:Factor::TOTP demo user::
user:empty@pve:1:0:Empty:Token::privsep token trap::
token:empty@pve!noacl:0:1:privsep token without ACLs:

group:auditors:auditor@pve:read-only staff:

pool:${DEMO_POOL}:OpenVLE lab machines:120,121,122,123,124:local-lvm:

role:OpenVLE-Operator:${OPENVLE_PRIVS.join(',')}:
role:Support-Console:VM.Audit,VM.Console:

acl:1:/:@auditors,auditor@pve!ro,empty@pve:PVEAuditor:
acl:1:/:ops@pve:PVEVMAdmin:
acl:1:/:support@pve,support@pve!console:Support-Console:
acl:1:/pool/${DEMO_POOL}:OpenVLE@pve,OpenVLE@pve!prod01:OpenVLE-Operator:
acl:1:/sdn/zones/localnetwork:OpenVLE@pve,OpenVLE@pve!prod01:PVESDNUser:
acl:1:/vms:totp@pve:PVEVMUser:
`;
}

export function defaultTokenCfg(): string {
  return writeTokenCfg(new Map(Object.entries(DEMO_TOKENS)));
}
