// A button for an app action: enabled only when the identity may do it, otherwise it names the missing privilege
// on the concrete path (tooltip + accessible description), or the caller's own blocking state.
import type { ReactNode } from 'react';
import { actionById, type ActionId } from '../../../src-shared/permissions/action-privileges.js';
import { ReasonButton, type ActionButtonBaseProps } from '../../ui/DisabledReason.js';
import { usePermission, type PermissionVars, type PermissionVerdict } from './usePermission.js';

interface ButtonProps extends Omit<ActionButtonBaseProps, 'children' | 'wrapper'> {
  action: ActionId;
  /** defaults to the action's label */
  children?: ReactNode;
}

export interface ActionButtonProps extends ButtonProps {
  vars: PermissionVars;
}

/** The button for a verdict computed elsewhere (several targets at once, see usePermissionAll). */
export function PermissionButton({
  action,
  verdict,
  children,
  disabled,
  ...rest
}: ButtonProps & { verdict: PermissionVerdict }) {
  const denied = verdict.state === 'denied';
  // the privilege is the first reason: it will not go away by waiting
  const blocked = denied ? (verdict.reason ?? 'not allowed') : disabled;
  return (
    <ReasonButton
      {...rest}
      disabled={blocked}
      wrapper={{ 'data-testid': `action-${action}`, 'data-permission': verdict.state }}
    >
      {children ?? actionById(action).label}
    </ReasonButton>
  );
}

export function ActionButton({ vars, ...rest }: ActionButtonProps) {
  const verdict = usePermission(rest.action, vars);
  return <PermissionButton {...rest} verdict={verdict} />;
}
