// multipart/form-data bodies of POST .../storage/{storage}/upload, parsed as pve-http-server does: plain parts become
// parameters, the file part is written to a "/var/tmp/pveupload-<hex>" temp file whose name goes in `tmpfilename`.
import { randomBytes } from 'node:crypto';
import { PveHttpError } from './types.js';

/** Uploaded temp files by tmpfilename (in memory: the simulator has no /var/tmp of its own). */
const tempFiles = new Map<string, Buffer>();

/** Takes (and forgets) the bytes of an uploaded temp file, as PVE moves it away after the import. */
export function takeUploadedFile(tmpfilename: string): Buffer | undefined {
  const data = tempFiles.get(tmpfilename);
  tempFiles.delete(tmpfilename);
  return data;
}

function boundaryOf(contentType: string): string {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const b = m?.[1] ?? m?.[2];
  if (!b) throw new PveHttpError(400, 'multipart boundary missing\n');
  return b;
}

export function parseMultipart(body: Buffer, contentType: string): Record<string, unknown> {
  const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
  const params: Record<string, unknown> = {};
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw new PveHttpError(400, 'malformed multipart body\n');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    const next = body.indexOf(delimiter, headerEnd);
    if (headerEnd < 0 || next < 0) throw new PveHttpError(400, 'malformed multipart body\n');
    const headers = body.subarray(pos, headerEnd).toString('utf8');
    // the part's data ends with the CRLF before the next delimiter
    const data = body.subarray(headerEnd + 4, next - 2);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (name !== undefined && filename !== undefined) {
      const tmp = `/var/tmp/pveupload-${randomBytes(16).toString('hex')}`;
      tempFiles.set(tmp, Buffer.from(data));
      params['tmpfilename'] = tmp;
      params['filename'] ??= filename;
    } else if (name !== undefined) {
      params[name] = data.toString('utf8');
    }
    pos = next;
  }
  return params;
}
