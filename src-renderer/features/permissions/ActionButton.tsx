// A button for an app action that is enabled only when the identity may do it, and otherwise says which privilege is missing.
import type { ReactNode } from 'react';
import { actionById, type ActionId } from '../../../src-shared/permissions/action-privileges.js';
import { usePermission, type PermissionVars, type PermissionVerdict } from './usePermission.js';
import './permissions.css';

interface ButtonProps {
  action: ActionId;
  onClick(): void;
  /** defaults to the action's label */
  children?: ReactNode;
  /** the caller's own reasons to disable (busy, wrong state) */
  disabled?: boolean;
  className?: string;
  /** data-testid of the button itself (the wrapper is always action-<id>) */
  testId?: string;
}

export interface ActionButtonProps extends ButtonProps {
  vars: PermissionVars;
}

/** The button for a verdict computed elsewhere (several targets at once, see usePermissionAll). */
export function PermissionButton({
  action,
  verdict,
  onClick,
  children,
  disabled,
  className,
  testId,
}: ButtonProps & { verdict: PermissionVerdict }) {
  const denied = verdict.state === 'denied';
  return (
    <span className="action-button" data-testid={`action-${action}`} data-permission={verdict.state}>
      <button
        type="button"
        className={className}
        disabled={denied || disabled}
        title={verdict.reason}
        onClick={onClick}
        data-testid={testId}
      >
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

export function ActionButton({ vars, ...rest }: ActionButtonProps) {
  const verdict = usePermission(rest.action, vars);
  return <PermissionButton {...rest} verdict={verdict} />;
}
