// Without schema.json the simulator runs in the documented less-strict mode and says so.
import { describe, expect, it, vi } from 'vitest';
import { loadSchema, schemaState } from '../../pve-sim/schema/load.js';

describe('missing schema', () => {
  it('warns, routes nothing until handlers register, and reports validating=false', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const s = loadSchema('/nonexistent/schema.json');
    expect(write).toHaveBeenCalledWith(
      'PVE API schema not found at /nonexistent/schema.json: simulator is NOT validating requests\n',
    );
    write.mockRestore();
    expect(s.validating).toBe(false);
    expect(schemaState.loaded).toBe(false);
    expect(s.router.match('/version')).toBeUndefined();
    s.router.ensure('/version');
    expect(s.router.match('/version')?.template).toBe('/version');
  });
});
