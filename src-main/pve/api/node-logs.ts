// Node logs and services: syslog lines (paged, with total), the journal's last entries, systemd service states.
import { z } from 'zod';
import { TaskLogLine } from '../../../src-shared/model/task.js';
import { pveGet, pveInt, pvePath, type PveCaller } from './caller.js';

const Line = z.object({ n: pveInt, t: z.string() }).pipe(TaskLogLine);

export async function getSyslog(
  c: PveCaller,
  node: string,
  opts: { start?: number; limit?: number; service?: string; since?: string; until?: string } = {},
  signal?: AbortSignal,
): Promise<{ lines: TaskLogLine[]; total: number }> {
  const r = await c.call({
    method: 'GET',
    path: pvePath`/nodes/${node}/syslog`,
    params: { ...opts },
    schema: z.array(Line),
    ...(signal ? { signal } : {}),
  });
  return { lines: r.data, total: r.total ?? r.data.length };
}

/** The journal answers plain lines; the first and last are the cursors of the range, not log text. */
export async function getJournal(
  c: PveCaller,
  node: string,
  lastentries: number,
  signal?: AbortSignal,
): Promise<{ lines: string[]; startCursor?: string; endCursor?: string }> {
  const all = await pveGet(c, pvePath`/nodes/${node}/journal`, z.array(z.string()), { lastentries }, signal);
  const isCursor = (s: string | undefined): s is string => s !== undefined && /^s=[0-9a-f]+;i=/.test(s);
  const first = all[0];
  const last = all.length > 1 ? all[all.length - 1] : undefined;
  const lines = all.slice(isCursor(first) ? 1 : 0, isCursor(last) ? -1 : undefined);
  return {
    lines,
    ...(isCursor(first) ? { startCursor: first } : {}),
    ...(isCursor(last) ? { endCursor: last } : {}),
  };
}

const Service = z
  .looseObject({
    service: z.string(),
    name: z.string().optional(),
    desc: z.string().optional(),
    state: z.string().optional(),
    'active-state': z.string().optional(),
    'unit-state': z.string().optional(),
  })
  .transform((s) => ({
    service: s.service,
    name: s.name ?? s.service,
    desc: s.desc ?? '',
    state: s.state ?? 'unknown',
    activeState: s['active-state'] ?? 'unknown',
    unitState: s['unit-state'] ?? 'unknown',
  }));
export type NodeService = z.output<typeof Service>;

export async function listServices(c: PveCaller, node: string, signal?: AbortSignal): Promise<NodeService[]> {
  return (await pveGet(c, pvePath`/nodes/${node}/services`, z.array(Service), undefined, signal)).sort(
    (a, b) => a.service.localeCompare(b.service),
  );
}
