// Upload staging: chunks only in order (two chunks for the same offset: one refused), and the total announced size
// is capped by the free disk space minus a margin.
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createUploadStaging, FREE_SPACE_MARGIN } from '../../../src-main/features/storage/upload-staging.js';

const staging = createUploadStaging();
afterEach(() => staging.dispose());

describe('upload staging', () => {
  it('accepts one of two concurrent chunks for the same offset', async () => {
    const id = await staging.create('a.iso', 8);
    const results = await Promise.allSettled([
      staging.append(id, 0, Buffer.from('AAAA')),
      staging.append(id, 0, Buffer.from('BBBB')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await staging.append(id, 4, Buffer.from('CCCC'));
    const done = await staging.complete(id);
    expect(done.size).toBe(8);
  });

  it('refuses stages that together exceed the free disk space minus the margin', async () => {
    const fs = await statfs(tmpdir());
    const free = fs.bavail * fs.bsize;
    await expect(staging.create('huge.iso', free)).rejects.toMatchObject({ code: 'bad_parameter' });
    const half = Math.floor((free - FREE_SPACE_MARGIN) / 2) - 1024 * 1024;
    await staging.create('one.iso', half);
    await staging.create('two.iso', half);
    await expect(staging.create('three.iso', half)).rejects.toMatchObject({ code: 'bad_parameter' });
  });
});
