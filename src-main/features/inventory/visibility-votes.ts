// Which app windows/pages are visible, one vote per connection: pollers run at the visible rate while any one is.
// A reload or a closed window drops its connection's vote, so one page going away never leaves the rest slowed down.

export interface VisibilityVotes {
  /** records one connection's state; answers whether any connection is visible now */
  set(connection: string, visible: boolean): boolean;
  /** forgets a closed connection; answers whether any connection is visible now */
  drop(connection: string): boolean;
  /** true while any connection is visible, and while none has voted (nothing says the app is hidden) */
  anyVisible(): boolean;
}

export function createVisibilityVotes(): VisibilityVotes {
  const votes = new Map<string, boolean>();
  const anyVisible = (): boolean => votes.size === 0 || [...votes.values()].some(Boolean);
  return {
    set(connection, visible) {
      votes.set(connection, visible);
      return anyVisible();
    },
    drop(connection) {
      votes.delete(connection);
      return anyVisible();
    },
    anyVisible,
  };
}
