// The blocking state of a mutation control that is not a missing privilege: a read-only profile or a plan being built.

/** The reason a change is blocked right now, or undefined when it may go ahead. */
export function blockedReason(readOnly: boolean, building: boolean): string | undefined {
  if (readOnly) return 'read-only cluster profile: changes are turned off in its settings';
  if (building) return 'a plan is being prepared';
  return undefined;
}
