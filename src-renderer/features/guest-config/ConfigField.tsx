// One typed field of the config editor: text, notes, tags, switch, count, MiB amount or property string.
import { Badge, Group, NumberInput, Switch, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { kindOf, labelOf, splitTags } from './config-fields.js';
import { PropertyField } from './PropertyField.js';
import { tagColour } from './tag-colour.js';

export interface ConfigFieldProps {
  name: string;
  value: string;
  disabled: boolean;
  error?: string | undefined;
  /** "pending until restart …" marker */
  pending?: string | undefined;
  onChange(value: string): void;
}

export function TagBadges({ tags }: { tags: string[] }) {
  return (
    <Group gap={4}>
      {tags.map((t) => {
        const c = tagColour(t);
        return (
          <Badge key={t} radius="sm" tt="none" style={{ background: c.background, color: c.color }}>
            {t}
          </Badge>
        );
      })}
    </Group>
  );
}

function gib(mib: string): string | undefined {
  const n = Number(mib);
  return /^\d+$/.test(mib) && n >= 1024 ? `= ${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 2)} GiB` : undefined;
}

export function ConfigField({ name, value, disabled, error, pending, onChange }: ConfigFieldProps) {
  const common = {
    id: `cfg-${name}`,
    label: labelOf(name),
    disabled,
    error,
    'data-testid': `config-field-${name}`,
  };
  const marker = pending && (
    <Text size="xs" c="orange.8" data-testid={`config-pending-${name}`}>
      {pending}
    </Text>
  );
  switch (kindOf(name)) {
    case 'switch':
      return (
        <div>
          <Switch
            {...common}
            checked={value === '1'}
            onChange={(e) => onChange(e.currentTarget.checked ? '1' : '0')}
          />
          {marker}
        </div>
      );
    case 'count':
    case 'mib': {
      const mib = kindOf(name) === 'mib';
      return (
        <NumberInput
          {...common}
          value={value}
          min={mib ? 0 : 1}
          allowDecimal={false}
          allowNegative={false}
          rightSection={mib ? <Text size="xs">MiB</Text> : undefined}
          rightSectionWidth={mib ? 44 : undefined}
          description={(mib && gib(value)) || marker || undefined}
          onChange={(v) => onChange(String(v))}
        />
      );
    }
    case 'tags':
      return (
        <div>
          <TagsInput
            {...common}
            value={splitTags(value)}
            splitChars={[',', ';', ' ']}
            description="Enter or comma adds a tag"
            onChange={(tags) => onChange(tags.join(';'))}
          />
          <TagBadges tags={splitTags(value)} />
          {marker}
        </div>
      );
    case 'longtext':
      return (
        <Textarea
          {...common}
          value={value}
          autosize
          minRows={1}
          maxRows={6}
          description={marker}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'property':
      return (
        <div>
          <PropertyField name={name} value={value} disabled={disabled} error={error} onChange={onChange} />
          {marker}
        </div>
      );
    default:
      return (
        <TextInput
          {...common}
          value={value}
          description={marker}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}
