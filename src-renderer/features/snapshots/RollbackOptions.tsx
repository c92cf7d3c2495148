// The rollback options of the snapshots tab: a safety snapshot first (on by default, so the rollback can be undone and
// needs one confirm), with RAM for a running VM when asked.
import { Checkbox, Group, Text } from '@mantine/core';

export interface RollbackChoice {
  safetySnapshot: boolean;
  safetyRam: boolean;
}

export function RollbackOptions({
  value,
  allowRam,
  onChange,
}: {
  value: RollbackChoice;
  allowRam: boolean;
  onChange(v: RollbackChoice): void;
}) {
  return (
    <Group gap="md" mb="sm" data-testid="rollback-options">
      <Checkbox
        label="Take a safety snapshot before rolling back (lets you undo the rollback)"
        checked={value.safetySnapshot}
        onChange={(e) => onChange({ ...value, safetySnapshot: e.currentTarget.checked })}
        data-testid="rollback-safety"
      />
      {allowRam && value.safetySnapshot && (
        <Checkbox
          label="Include RAM"
          checked={value.safetyRam}
          onChange={(e) => onChange({ ...value, safetyRam: e.currentTarget.checked })}
          data-testid="rollback-safety-ram"
        />
      )}
      {!value.safetySnapshot && (
        <Text size="sm" c="dimmed">
          Without it, a rollback cannot be undone and you will type the guest&apos;s name to confirm.
        </Text>
      )}
    </Group>
  );
}
