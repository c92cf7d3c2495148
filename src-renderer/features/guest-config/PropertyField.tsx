// A PVE property string (net0, scsi0, rootfs, mp0 …) as one input per property, with the raw string beside it.
import { Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { joinProperties, labelOf, parseProperties } from './config-fields.js';

export function PropertyField({
  name,
  value,
  disabled,
  error,
  onChange,
}: {
  name: string;
  value: string;
  disabled: boolean;
  error?: string | undefined;
  onChange(value: string): void;
}) {
  const pairs = parseProperties(value);
  const set = (i: number, v: string): void =>
    onChange(joinProperties(pairs.map((p, j) => (j === i ? [p[0], v] : p))));
  return (
    <Stack gap={4} data-testid={`config-property-${name}`}>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" verticalSpacing={4}>
        {pairs.map(([k, v], i) => (
          <TextInput
            key={`${k}-${i}`}
            size="xs"
            label={k === '' ? 'volume' : k}
            value={v}
            disabled={disabled}
            onChange={(e) => set(i, e.currentTarget.value)}
          />
        ))}
      </SimpleGrid>
      <Group grow>
        <TextInput
          size="xs"
          label={`${labelOf(name)} (raw)`}
          description="The whole property string as PVE stores it"
          id={`cfg-${name}`}
          value={value}
          error={error}
          disabled={disabled}
          onChange={(e) => onChange(e.currentTarget.value)}
          data-testid={`config-field-${name}`}
          ff="monospace"
        />
      </Group>
    </Stack>
  );
}
