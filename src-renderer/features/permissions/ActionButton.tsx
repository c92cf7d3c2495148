// A button for an app action that is enabled only when the identity may do it, and otherwise says which privilege is missing.
import type { ReactNode } from 'react';
import { actionById, type ActionId } from '../../../src-shared/permissions/action-privileges.js';
import { usePermission, type PermissionVars } from './usePermission.js';

export interface ActionButtonProps {
  action: ActionId;
  vars: PermissionVars;
  onClick(): void;
  /** defaults to the action's label */
  children?: ReactNode;
  /** the caller's own reasons to disable (busy, wrong state) */
  disabled?: boolean;
  className?: string;
}

export function ActionButton({ action, vars, onClick, children, disabled, className }: ActionButtonProps) {
  const verdict = usePermission(action, vars);
  const denied = verdict.state === 'denied';
  return (
    <span className="action-button" data-testid={`action-${action}`} data-permission={verdict.state}>
      <button type="button" className={className} disabled={denied || disabled} title={verdict.reason} onClick={onClick}>
        {children ?? actionById(action).label}
      </button>
      {denied && (
        <small className="action-reason" data-testid="action-reason">
          {verdict.reason}
        </small>
      )}
    </span>
  );
}
