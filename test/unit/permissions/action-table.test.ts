// The action table joined from src-shared/permissions/privileges/<feature>.ts: ids stay literal and unique.
import { describe, expect, it } from 'vitest';
import { ACTIONS, actionById, type ActionId } from '../../../src-shared/permissions/action-privileges.js';

describe('action table', () => {
  it('has each id once', () => {
    const ids = ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps ActionId a union of literal ids (typecheck fails if it widens to string)', () => {
    const known: ActionId = 'guest.start';
    expect(actionById(known).label).toBe('Start');
    // @ts-expect-error not an action id
    expect(() => actionById('no.such.action')).toThrow('unknown action');
  });
});
