// The permission table's id for a power action (guest.start, guest.shutdown, ...), so power buttons show their privilege.
import type { PowerAction } from '../../../src-shared/ipc/channels/plans.js';
import type { ActionId } from '../../../src-shared/permissions/action-privileges.js';

export function powerActionId(action: PowerAction): ActionId {
  return `guest.${action}` satisfies ActionId;
}
