// Storage content: list (ISOs, templates, backups, disk images), the appliance index and its download, and ISO/template
// upload as multipart (as the PVE web GUI sends it), streamed from a local file with byte progress.
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { z } from 'zod';
import { AppFailure } from '../../../src-shared/ipc/errors.js';
import { failureFromResponse, failureFromTransport } from '../errors.js';
import { createPinnedAgent, type TlsTrust } from '../tls-pin.js';
import { pveBool, pveGet, pveInt, pveNum, pvePath, pveSend, type PveCaller } from './caller.js';
import { Upid } from './guests.js';

export const ContentItem = z
  .looseObject({
    volid: z.string(),
    content: z.string(),
    format: z.string().optional(),
    size: pveNum.optional(),
    ctime: pveInt.optional(),
    vmid: pveInt.optional(),
    notes: z.string().optional(),
    protected: pveBool.optional(),
    /** PBS only (tolerance pbs-backups): last verify job's state and task */
    verification: z.looseObject({ state: z.string(), upid: z.string().optional() }).optional(),
    /** PBS only: the encryption key's fingerprint when the archive is encrypted */
    encrypted: z.string().optional(),
  })
  .transform((i) => ({
    volid: i.volid,
    content: i.content,
    format: i.format ?? '',
    size: i.size ?? 0,
    ctime: i.ctime ?? 0,
    ...(i.vmid !== undefined ? { vmid: i.vmid } : {}),
    ...(i.notes !== undefined ? { notes: i.notes } : {}),
    protected: i.protected ?? false,
    ...(i.verification ? { verification: i.verification.state } : {}),
    ...(i.encrypted ? { encrypted: true } : {}),
  }));
export type ContentItem = z.output<typeof ContentItem>;

export function listStorageContent(
  c: PveCaller,
  node: string,
  storage: string,
  content?: string,
  signal?: AbortSignal,
): Promise<ContentItem[]> {
  return pveGet(
    c,
    pvePath`/nodes/${node}/storage/${storage}/content`,
    z.array(ContentItem),
    content ? { content } : undefined,
    signal,
  );
}

const Appliance = z
  .looseObject({
    template: z.string(),
    package: z.string().optional(),
    version: z.string().optional(),
    os: z.string().optional(),
    section: z.string().optional(),
    headline: z.string().optional(),
    type: z.string().optional(),
  })
  .transform((a) => ({
    template: a.template,
    package: a.package ?? '',
    version: a.version ?? '',
    os: a.os ?? '',
    section: a.section ?? '',
    headline: a.headline ?? a.template,
    type: a.type ?? 'lxc',
  }));
export type Appliance = z.output<typeof Appliance>;

export function listAppliances(c: PveCaller, node: string): Promise<Appliance[]> {
  return pveGet(c, pvePath`/nodes/${node}/aplinfo`, z.array(Appliance));
}

/** POST aplinfo: pveam downloads the template to the storage in a "download" task. */
export function downloadAppliance(
  c: PveCaller,
  node: string,
  storage: string,
  template: string,
): Promise<string> {
  return pveSend(c, 'POST', pvePath`/nodes/${node}/aplinfo`, Upid, { storage, template });
}

/** What an upload needs from the profile's client: where PVE is and how to authenticate and trust it. */
export interface UploadTransport {
  readonly baseUrl: string;
  upgradeCredentials(): Promise<{ headers: Record<string, string>; trust: TlsTrust }>;
}

export interface UploadSpec {
  node: string;
  storage: string;
  content: 'iso' | 'vztmpl';
  /** the name the file gets on the storage */
  filename: string;
  /** the local file to send */
  path: string;
  onProgress?(sent: number, total: number): void;
  signal?: AbortSignal;
}

const CHUNK = 1 << 20;

/**
 * POST .../upload (multipart/form-data: content, then the file part). PVE exempts this call from CSRF, so the GET
 * credentials suffice; answers the imgcopy task's UPID.
 */
export async function uploadToStorage(t: UploadTransport, spec: UploadSpec): Promise<string> {
  const size = (await stat(spec.path)).size;
  const boundary = `----proxdeck${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
  const safeName = spec.filename.replace(/["\r\n]/g, '_');
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="content"\r\n\r\n${spec.content}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="filename"; filename="${safeName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* body(): AsyncGenerator<Buffer> {
    yield head;
    const fh = await open(spec.path, 'r');
    try {
      let sent = 0;
      while (sent < size) {
        const buf = Buffer.alloc(Math.min(CHUNK, size - sent));
        const { bytesRead } = await fh.read(buf, 0, buf.length, sent);
        if (bytesRead === 0) break;
        sent += bytesRead;
        yield buf.subarray(0, bytesRead);
        spec.onProgress?.(sent, size);
      }
    } finally {
      await fh.close();
    }
    yield tail;
  }
  const { headers, trust } = await t.upgradeCredentials();
  const agent = createPinnedAgent(trust);
  const url = `${t.baseUrl}${pvePath`/nodes/${spec.node}/storage/${spec.storage}/upload`}`;
  try {
    const res = await request(url, {
      method: 'POST',
      dispatcher: agent,
      headers: {
        ...headers,
        Accept: 'application/json',
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(head.length + size + tail.length),
      },
      body: Readable.from(body()),
      ...(spec.signal ? { signal: spec.signal } : {}),
    });
    const text = await res.body.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (res.statusCode < 200 || res.statusCode >= 300)
      throw failureFromResponse(res.statusCode, res.statusText, parsed);
    const upid = Upid.safeParse((parsed as { data?: unknown } | undefined)?.data);
    if (!upid.success) throw new AppFailure('bad_response', 'The upload answer has no task id');
    return upid.data;
  } catch (err) {
    if (err instanceof AppFailure) throw err;
    throw failureFromTransport(err, { target: new URL(t.baseUrl).host, timedOut: false, mutation: true });
  } finally {
    await agent.close();
  }
}
