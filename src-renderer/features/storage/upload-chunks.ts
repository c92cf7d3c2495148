// Sends a browser File to main's upload staging in ordered base64 chunks, reporting bytes staged.
import { MAX_CHUNK_BYTES } from '../../../src-shared/ipc/channels/storage.js';
import { request } from '../../request.js';

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Answers the stage id once every byte is in main, or undefined when a request failed (its toast is shown). */
export async function stageFile(
  file: File,
  filename: string,
  onProgress: (sent: number) => void,
): Promise<string | undefined> {
  const staged = await request('storage.stage', { filename, size: file.size }, 'Cannot prepare the upload');
  if (!staged) return undefined;
  for (let offset = 0; offset < file.size; offset += MAX_CHUNK_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + MAX_CHUNK_BYTES).arrayBuffer());
    const r = await request(
      'storage.stageChunk',
      { stageId: staged.stageId, offset, data: toBase64(bytes) },
      'Cannot prepare the upload',
    );
    if (!r) return undefined;
    onProgress(r.received);
  }
  return staged.stageId;
}
