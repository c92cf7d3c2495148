// Live cadence from the visibility of any window: one vote per connection, a closed connection's vote goes with it.
import { describe, expect, it } from 'vitest';
import { createVisibilityVotes } from '../../../src-main/features/inventory/visibility-votes.js';

describe('visibility votes', () => {
  it('is visible while any connection is, hidden only when every one is hidden', () => {
    const v = createVisibilityVotes();
    expect(v.anyVisible()).toBe(true);
    expect(v.set('a', true)).toBe(true);
    expect(v.set('b', false)).toBe(true);
    expect(v.set('a', false)).toBe(false);
    expect(v.set('b', true)).toBe(true);
  });
  it('a page that said "hidden" while going away (reload, close) no longer slows the others', () => {
    const v = createVisibilityVotes();
    v.set('a', true);
    v.set('b', false);
    v.set('a', false); // a's page unloads: the browser reports it hidden first
    expect(v.anyVisible()).toBe(false);
    expect(v.drop('a')).toBe(false); // b is still hidden
    v.set('c', true); // the reloaded page votes for itself
    expect(v.anyVisible()).toBe(true);
    expect(v.drop('b')).toBe(true);
  });
});
