// Names people use for the fields of our forms and IPC arguments, keyed by the last part of the field's path.
const LABELS: Record<string, string> = {
  name: 'Name',
  host: 'Host',
  port: 'Port',
  tokenId: 'Token id',
  username: 'User',
  realm: 'Realm',
  secret: 'Secret',
  password: 'Password',
  color: 'Colour',
  pool: 'Pool name',
  poolid: 'Pool name',
  userid: 'User',
  storage: 'Storage',
  node: 'Node',
  target: 'Target node',
  vmid: 'Guest id',
  newid: 'New guest id',
  memory: 'Memory',
  cores: 'Cores',
  sockets: 'Sockets',
  hostname: 'Host name',
  snapname: 'Snapshot name',
  description: 'Description',
  comment: 'Comment',
  notes: 'Notes',
  role: 'Role',
  roleid: 'Role',
  privs: 'Privileges',
  otp: 'Second-factor code',
  fingerprint: 'Fingerprint',
  profileId: 'Cluster',
};

/** "auth.tokenId" -> "Token id"; an unknown key is split into words ("maxBackups" -> "Max backups"). */
export function fieldLabel(path: string): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? '';
  if (LABELS[last]) return LABELS[last];
  if (!last || last === '(root)') return 'This form';
  const words = last
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
