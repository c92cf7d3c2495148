// The coverage table's filters: text, cluster, problems (every chosen one must apply), age of the newest backup.
import { Checkbox, Chip, Group, Select, TextInput } from '@mantine/core';
import { Search } from 'lucide-react';
import { type CoverageFilter, PROBLEM_LABEL, type Problem } from './coverage-rows.js';

const AGES = [
  { value: '1', label: 'older than 1 day' },
  { value: '7', label: 'older than 7 days' },
  { value: '30', label: 'older than 30 days' },
];

export function CoverageFilters({
  value: f,
  clusters,
  onChange,
}: {
  value: CoverageFilter;
  clusters: Array<{ value: string; label: string }>;
  onChange(f: CoverageFilter): void;
}) {
  return (
    <Group gap="sm" align="flex-end" data-testid="coverage-filters">
      <TextInput
        size="xs"
        label="Find"
        placeholder="ID, name or node"
        leftSection={<Search size={14} aria-hidden />}
        value={f.text}
        onChange={(e) => onChange({ ...f, text: e.currentTarget.value })}
        data-testid="coverage-search"
      />
      {clusters.length > 1 && (
        <Select
          size="xs"
          label="Cluster"
          placeholder="all clusters"
          data={clusters}
          value={f.cluster}
          onChange={(cluster) => onChange({ ...f, cluster })}
          clearable
        />
      )}
      <Select
        size="xs"
        label="Newest backup"
        placeholder="any age"
        data={AGES}
        value={f.olderThanDays === null ? null : String(f.olderThanDays)}
        onChange={(v) => onChange({ ...f, olderThanDays: v === null ? null : Number(v) })}
        clearable
        data-testid="coverage-age"
      />
      <Chip.Group multiple value={f.problems} onChange={(v) => onChange({ ...f, problems: v as Problem[] })}>
        <Group gap={4}>
          {(Object.keys(PROBLEM_LABEL) as Problem[]).map((p) => (
            <Chip key={p} value={p} size="xs" data-testid={`coverage-filter-${p}`}>
              {PROBLEM_LABEL[p]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Checkbox
        size="xs"
        label="Show templates"
        checked={f.showTemplates}
        onChange={(e) => onChange({ ...f, showTemplates: e.currentTarget.checked })}
      />
    </Group>
  );
}
