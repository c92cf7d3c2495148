// "What may I do on this guest?": the guest action buttons of one vmid, each enabled or disabled with the missing privilege.
import { useState } from 'react';
import type { ActionId } from '../../../src-shared/permissions/action-privileges.js';
import { ActionButton } from './ActionButton.js';

const GUEST_ACTIONS: ActionId[] = [
  'guest.start',
  'guest.shutdown',
  'guest.reboot',
  'guest.stop',
  'guest.console',
  'guest.config',
  'snapshot.create',
  'snapshot.rollback',
  'guest.clone',
  'guest.delete',
];

export function GuestActions({ profileId, vmid: initial }: { profileId: string; vmid: number | undefined }) {
  const [text, setText] = useState(initial !== undefined ? String(initial) : '');
  const vmid = /^\d{3,9}$/.test(text) ? Number(text) : undefined;
  return (
    <section className="perm-guest" data-testid="guest-actions">
      <h3>Actions on one guest</h3>
      <label>
        VM/CT id{' '}
        <input
          value={text}
          onChange={(e) => setText(e.target.value.trim())}
          inputMode="numeric"
          size={8}
          data-testid="guest-actions-vmid"
        />
      </label>
      {vmid !== undefined && (
        <div className="perm-guest-buttons">
          {GUEST_ACTIONS.map((a) => (
            // The buttons only show what is allowed here; the guest's own view runs the actions.
            <ActionButton key={a} action={a} vars={{ profileId, vmid }} onClick={() => undefined} />
          ))}
        </div>
      )}
    </section>
  );
}
