// pvesh lines: verbs per method, option rendering and POSIX shell quoting.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pveshLine, shellQuote } from '../../../src-shared/plans/pvesh.js';

describe('shellQuote', () => {
  it('leaves safe words bare and quotes the rest so the shell gives back the same bytes', () => {
    expect(shellQuote('vmbr0')).toBe('vmbr0');
    expect(shellQuote('virtio=AA:BB:CC:DD:EE:FF,bridge=vmbr0')).toBe('virtio=AA:BB:CC:DD:EE:FF,bridge=vmbr0');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's $HOME")).toBe(`'it'\\''s $HOME'`);
    for (const s of ["it's $HOME", 'a b\nc', '`rm -rf /`', "''", '!x', 'tag;other']) {
      expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(s)}`]).toString()).toBe(s);
    }
  });
});

describe('pveshLine', () => {
  it('renders each method with its pvesh verb and options in order', () => {
    expect(pveshLine({ method: 'POST', path: '/nodes/pve1/qemu/100/status/start' })).toBe(
      'pvesh create /nodes/pve1/qemu/100/status/start',
    );
    expect(
      pveshLine({
        method: 'PUT',
        path: '/nodes/pve1/qemu/100/config',
        params: { memory: 4096, delete: 'balloon,tags', digest: 'abc' },
      }),
    ).toBe('pvesh set /nodes/pve1/qemu/100/config --memory 4096 --delete balloon,tags --digest abc');
    expect(pveshLine({ method: 'DELETE', path: '/nodes/pve1/qemu/100/snapshot/before-upgrade' })).toBe(
      'pvesh delete /nodes/pve1/qemu/100/snapshot/before-upgrade',
    );
    expect(pveshLine({ method: 'GET', path: '/cluster/resources', params: { type: 'vm' } })).toBe(
      'pvesh get /cluster/resources --type vm',
    );
  });
  it('writes booleans as 1/0, repeats arrays, drops undefined and quotes free text', () => {
    expect(
      pveshLine({
        method: 'POST',
        path: '/nodes/pve1/qemu/100/snapshot',
        params: { snapname: 'snap1', description: "Tom's test", vmstate: true, x: undefined },
      }),
    ).toBe(
      `pvesh create /nodes/pve1/qemu/100/snapshot --snapname snap1 --description 'Tom'\\''s test' --vmstate 1`,
    );
    expect(pveshLine({ method: 'POST', path: '/x', params: { a: ['1', 2], b: false } })).toBe(
      'pvesh create /x --a 1 --a 2 --b 0',
    );
  });
});
