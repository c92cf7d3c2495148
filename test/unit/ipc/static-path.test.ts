// The web host's static file resolver never leaves dist/.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../src-main/web-host/static-files.js';

const root = path.resolve('/srv/dist');

describe('resolveStaticPath', () => {
  it('maps / to index.html and keeps files inside root', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a.js')).toBe(path.join(root, 'assets/a.js'));
  });

  it.each(['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../x', '/a%00b', '/%E0%A4%A'])(
    'refuses %s',
    (p) => {
      expect(resolveStaticPath(root, p)).toBeUndefined();
    },
  );
});
