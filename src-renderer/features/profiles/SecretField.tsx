// The write-only secret input: empty when a secret is stored, which is only ever replaced, never shown.
import { Button, Group, PasswordInput, Text } from '@mantine/core';

export function SecretField(props: {
  label: string;
  /** a secret is stored and the user has not asked to replace it */
  stored: boolean;
  value: string;
  onChange(value: string): void;
  onReplace(): void;
  error: string | undefined;
}) {
  if (props.stored) {
    return (
      <Group gap="sm" data-testid="secret-stored">
        <Text size="sm">{props.label}: secret stored in the OS keychain</Text>
        <Button variant="default" data-testid="secret-replace" onClick={props.onReplace}>
          Replace
        </Button>
      </Group>
    );
  }
  return (
    <PasswordInput
      label={props.label}
      description="Stored in the OS keychain; Proxdeck never shows it again."
      data-testid="profile-secret"
      autoComplete="new-password"
      spellCheck={false}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error ? <span data-testid="field-error-secret">{props.error}</span> : undefined}
      visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the secret' }}
    />
  );
}
