// PVE task ids (UPID): formatting and parsing exactly as pve-common's UPID.pm.

export interface UpidFields {
  node: string;
  pid: number;
  pstart: number;
  starttime: number;
  type: string;
  id: string;
  /** user id or full token id */
  user: string;
}

const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, '0');

export function formatUpid(f: UpidFields): string {
  return `UPID:${f.node}:${hex(f.pid, 8)}:${hex(f.pstart, 8)}:${hex(f.starttime, 8)}:${f.type}:${f.id}:${f.user}:`;
}

const UPID_RE =
  /^UPID:([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:\s]+):([^\s]*):([^:\s]+):$/;

export function parseUpid(upid: string): UpidFields | undefined {
  const m = UPID_RE.exec(upid);
  if (!m) return undefined;
  const [, node, , pid, pstart, start, type, id, user] = m;
  if (!node || !pid || !pstart || !start || !type || id === undefined || !user) return undefined;
  if (type.includes('/') || user.includes('/')) return undefined;
  return {
    node,
    pid: parseInt(pid, 16),
    pstart: parseInt(pstart, 16),
    starttime: parseInt(start, 16),
    type,
    id,
    user,
  };
}
