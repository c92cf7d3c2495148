// Disabled means explained: a disabled control carries its reason as a tooltip and as its accessible description.
import { Button, Tooltip, type ButtonProps } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export interface DisabledReasonProps {
  /** why the control is disabled, e.g. "needs VM.Backup on /vms/101" or "guest is locked: backup"; none = enabled */
  reason: string | undefined;
  /** renders the control; spread `describedBy` into aria-describedby */
  children(describedBy: string | undefined): ReactNode;
  /** extra attributes of the wrapper (data-testid, data-permission …) */
  wrapper?: Record<`data-${string}`, string | undefined>;
}

/**
 * Wraps a control: the span takes the hover (a disabled button gets no pointer events), the reason is the
 * tooltip and a visually hidden text the control points at with aria-describedby.
 */
export function DisabledReason({ reason, children, wrapper }: DisabledReasonProps) {
  const id = useId();
  const describedBy = reason ? `${id}-reason` : undefined;
  const inner = (
    <span className="action-button" {...wrapper}>
      {children(describedBy)}
      {reason && (
        <span id={describedBy} className="sr-only" data-testid="action-reason">
          {reason}
        </span>
      )}
    </span>
  );
  return reason ? (
    <Tooltip label={reason} events={{ hover: true, focus: true, touch: true }}>
      {inner}
    </Tooltip>
  ) : (
    inner
  );
}

export interface ActionButtonBaseProps extends Pick<
  ButtonProps,
  'variant' | 'color' | 'size' | 'leftSection' | 'rightSection' | 'loading' | 'fullWidth'
> {
  children?: ReactNode;
  onClick(): void;
  /** true, or the reason as text (preferred): `disabled={locked && 'guest is locked: backup'}` */
  disabled?: boolean | string | undefined;
  testId?: string | undefined;
  className?: string | undefined;
  wrapper?: DisabledReasonProps['wrapper'];
  type?: 'button' | 'submit';
}

/** A Mantine button whose disabled state always says why (when the caller gave a reason). */
export function ReasonButton({
  onClick,
  disabled,
  testId,
  wrapper,
  type = 'button',
  variant = 'default',
  ...button
}: ActionButtonBaseProps) {
  const reason = typeof disabled === 'string' && disabled ? disabled : undefined;
  const off = Boolean(disabled);
  return (
    <DisabledReason reason={off ? reason : undefined} {...(wrapper ? { wrapper } : {})}>
      {(describedBy) => (
        <Button
          {...button}
          type={type}
          variant={variant}
          disabled={off}
          title={off ? reason : undefined}
          aria-describedby={describedBy}
          data-testid={testId}
          onClick={onClick}
        />
      )}
    </DisabledReason>
  );
}
