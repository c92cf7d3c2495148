// The text form of a guest config file (as PVE writes it) and its SHA-1 digest.
import { createHash } from 'node:crypto';
import type { Guest, GuestConfig } from './model.js';

function section(conf: GuestConfig, extra: string[] = []): string[] {
  const lines: string[] = [];
  const desc = conf['description'];
  if (typeof desc === 'string' && desc !== '') for (const l of desc.split('\n')) lines.push(`#${l}`);
  for (const key of Object.keys(conf).sort()) {
    if (key === 'description') continue;
    lines.push(`${key}: ${conf[key]}`);
  }
  return lines.concat(extra);
}

/** The config file text: main section, [PENDING], then one section per snapshot. */
export function configText(g: Guest): string {
  const parts = [section(g.conf).join('\n')];
  if (Object.keys(g.pending).length > 0 || g.pendingDelete.length > 0) {
    const del = g.pendingDelete.length > 0 ? [`delete: ${g.pendingDelete.join(',')}`] : [];
    parts.push(['[PENDING]', ...section(g.pending, del)].join('\n'));
  }
  for (const s of g.snapshots.values()) {
    const meta: GuestConfig = { ...s.conf, snaptime: s.snaptime };
    if (s.description) meta['description'] = s.description;
    if (s.vmstate) meta['vmstate'] = `local-lvm:vm-${g.vmid}-state-${s.name}`;
    if (s.parent) meta['parent'] = s.parent;
    if (s.snapstate) meta['snapstate'] = s.snapstate;
    parts.push([`[${s.name}]`, ...section(meta)].join('\n'));
  }
  return parts.join('\n\n') + '\n';
}

export function configDigest(g: Guest): string {
  return createHash('sha1').update(configText(g)).digest('hex');
}
