// Strict parameter validation against the real PVE 9.1 schema: exact texts, order of checks, conversions.
import { describe, expect, it } from 'vitest';
import { loadSchema, schemaState } from '../../pve-sim/schema/load.js';
import { checkObject, type Errors, type ObjectSchema } from '../../pve-sim/schema/validate.js';

const schema = loadSchema();

function validate(method: string, path: string, params: Record<string, unknown>, json = false) {
  const route = schema.router.match(path);
  if (!route) throw new Error(`no route for ${path}`);
  const info = route.info[method];
  if (!info) throw new Error(`no ${method} on ${path}`);
  const errors: Errors = {};
  const values = checkObject(info.parameters as ObjectSchema, { ...params, ...route.vars }, errors, { json });
  return { errors, values };
}

describe('schema loading', () => {
  it('loads the real PVE schema when the test suite runs (fails loudly when it is missing)', () => {
    expect(schema.validating).toBe(true);
    expect(schemaState.loaded).toBe(true);
    expect(schema.router.size()).toBe(435);
  });
});

describe('router', () => {
  it('matches templated paths and extracts variables', () => {
    const m = schema.router.match('/nodes/pve1/qemu/100/status/current');
    expect(m?.template).toBe('/nodes/{node}/qemu/{vmid}/status/current');
    expect(m?.vars).toEqual({ node: 'pve1', vmid: '100' });
    expect(Object.keys(m?.info ?? {})).toEqual(['GET']);
  });
  it('prefers literal segments and returns undefined for unknown paths', () => {
    expect(schema.router.match('/cluster/resources')?.template).toBe('/cluster/resources');
    expect(schema.router.match('/cluster/nope')).toBeUndefined();
    expect(schema.router.match('/nodes/pve1/qemu/100/bogus')).toBeUndefined();
  });
});

describe('parameter checks (BEHAVIOUR.md 1.3)', () => {
  const start = '/nodes/pve1/qemu/100/status/start';
  it('accepts a valid call and converts types', () => {
    const r = validate('POST', start, { timeout: '30', skiplock: '1' });
    expect(r.errors).toEqual({});
    expect(r.values).toEqual({ node: 'pve1', vmid: 100, timeout: 30, skiplock: 1 });
  });
  it('refuses unknown parameters', () => {
    expect(validate('POST', start, { bogus: '1' }).errors).toEqual({
      bogus: 'property is not defined in schema and the schema does not allow additional properties',
    });
  });
  it('reports missing required parameters', () => {
    expect(validate('POST', '/nodes/pve1/qemu/100/snapshot', {}).errors).toEqual({
      snapname: 'property is missing and it is not optional',
    });
  });
  it('type-checks integers and booleans; form booleans must be exactly 0/1', () => {
    expect(validate('POST', start, { timeout: 'abc' }).errors).toEqual({
      timeout: "type check ('integer') failed - got 'abc'",
    });
    expect(validate('POST', start, { timeout: '1.5' }).errors).toEqual({
      timeout: "type check ('integer') failed - got '1.5'",
    });
    expect(validate('POST', start, { skiplock: 'true' }).errors).toEqual({
      skiplock: "type check ('boolean') failed - got 'true'",
    });
    expect(validate('POST', start, { skiplock: true }, true).values.skiplock).toBe(1);
    expect(validate('POST', start, { skiplock: ['1'] }, true).errors).toEqual({
      skiplock: "type check ('boolean') failed - got ARRAY",
    });
  });
  it('checks formats with the validator text, keeping its newline', () => {
    expect(validate('POST', '/nodes/pve1/qemu/99/status/start', {}).errors).toEqual({
      vmid: 'invalid format - value does not look like a valid VM ID\n',
    });
    expect(validate('POST', '/nodes/-bad/qemu/100/status/start', {}).errors).toEqual({
      node: 'invalid format - value does not look like a valid node name\n',
    });
    expect(validate('POST', '/nodes/pve1/qemu/100/snapshot', { snapname: 'x' }).errors).toEqual({
      snapname: "invalid format - invalid configuration ID 'x'\n",
    });
  });
  it('checks enum, minimum/maximum, pattern, maxLength and minLength', () => {
    expect(validate('GET', '/cluster/resources', { type: 'foo' }).errors).toEqual({
      type: "value 'foo' does not have a value in the enumeration 'vm, storage, node, sdn'",
    });
    expect(validate('POST', start, { timeout: '-1' }).errors).toEqual({
      timeout: 'value must have a minimum value of 0',
    });
    expect(validate('POST', '/nodes/pve1/qemu/100/config', { cpuunits: '262145' }).errors).toEqual({
      cpuunits: 'value must have a maximum value of 262144',
    });
    expect(validate('POST', start, { stateuri: 'x'.repeat(129) }).errors).toEqual({
      stateuri: 'value may only be 128 characters long',
    });
    expect(
      validate('POST', '/nodes/pve1/lxc', {
        vmid: '100',
        ostemplate: 'local:vztmpl/x.tar.zst',
        password: 'abc',
      }).errors,
    ).toEqual({
      password: 'value must be at least 5 characters long',
    });
    expect(validate('POST', '/cluster/firewall/groups', { group: 'a'.repeat(19) }).errors).toEqual({
      group: 'value may only be 18 characters long',
    });
    expect(validate('POST', '/cluster/firewall/groups', { group: 'a' }).errors).toEqual({
      group: 'value does not match the regex pattern',
    });
    expect(validate('POST', '/cluster/firewall/groups', { group: '1abc' }).errors).toEqual({
      group: 'value does not match the regex pattern',
    });
    expect(validate('POST', start, { 'nets-host-mtu': 'net0=1500,net1=9000' }).errors).toEqual({});
  });
  it('runs format before minimum (first failure wins)', () => {
    expect(validate('POST', '/nodes/pve1/qemu/0/status/start', {}).errors.vmid).toBe(
      'invalid format - value does not look like a valid VM ID\n',
    );
  });
  it('validates property strings such as net0 and indexed keys', () => {
    const cfg = '/nodes/pve1/qemu/100/config';
    expect(validate('POST', cfg, { net0: 'virtio,bridge=vmbr0,firewall=1' }).errors).toEqual({});
    expect(validate('POST', cfg, { net0: 'virtio=BC:24:11:00:00:01,bridge=vmbr0' }).errors).toEqual({});
    expect(validate('POST', cfg, { net0: 'foo,bridge=vmbr0' }).errors).toEqual({
      net0: "invalid format - format error\nnet0.model: value 'foo' does not have a value in the enumeration 'e1000, e1000-82540em, e1000-82544gc, e1000-82545em, e1000e, i82551, i82557b, i82559er, ne2k_isa, ne2k_pci, pcnet, rtl8139, virtio, vmxnet3'\n",
    });
    expect(validate('POST', cfg, { net0: 'virtio,colour=red' }).errors).toEqual({
      net0: 'invalid format - invalid key in comma-separated list property: colour\n',
    });
    expect(validate('POST', cfg, { net0: 'virtio,tag=5000' }).errors).toEqual({
      net0: 'invalid format - format error\nnet0.tag: value must have a maximum value of 4094\n',
    });
    expect(validate('POST', cfg, { net32: 'virtio' }).errors).toEqual({
      net32: 'property is not defined in schema and the schema does not allow additional properties',
    });
    expect(validate('POST', cfg, { memory: '2048' }).values.memory).toBe('2048');
  });
  it('validates -list formats item by item', () => {
    const cfg = '/nodes/pve1/qemu/100/config';
    expect(validate('POST', cfg, { delete: 'net0, ide2;tags' }).errors).toEqual({});
    expect(validate('POST', cfg, { delete: 'net0,9x' }).errors).toEqual({
      delete: "invalid format - invalid configuration ID '9x'\n",
    });
  });
  it('reports `requires` and joins two errors on one key with a literal backslash-n', () => {
    expect(
      validate('POST', '/access/ticket', { username: 'a@pam', password: 'x', path: '/' }).errors,
    ).toEqual({
      privs: "missing property - 'path' requires this property",
    });
    const s: ObjectSchema = {
      additionalProperties: 0,
      properties: { a: { type: 'string', optional: 1, requires: 'b' }, b: { type: 'integer' } },
    };
    const errors: Errors = {};
    checkObject(s, { a: 'x' }, errors, { json: false });
    expect(errors.b).toBe(
      "missing property - 'a' requires this property\\nproperty is missing and it is not optional",
    );
  });
});
