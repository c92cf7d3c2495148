// The grid's toolbar: free-text filter, group-by, the column chooser (show, order, pin, fit; remembered with the
// rest of the grid prefs), the shown/total count and the selection count.
import { ActionIcon, Button, Checkbox, Group, NativeSelect, Paper, Text, TextInput } from '@mantine/core';
import type { Table } from '@tanstack/react-table';
import { ArrowDown, ArrowUp, Columns3, Search } from 'lucide-react';
import { memo, useId, useState } from 'react';
import type { GridPrefs } from './grid-prefs.js';
import { fitWidth } from './fit-width.js';
import { COLUMN_BY_ID, GROUP_BY, type GridGuest, type GroupBy } from './guest-columns.js';
import { chooserOrder, movedOrder } from './useGridTable.js';

interface ToolbarProps {
  table: Table<GridGuest>;
  prefs: GridPrefs;
  setPrefs(update: (p: GridPrefs) => GridPrefs): void;
  shown: number;
  total: number;
  selected: number;
  onClearSelection(): void;
}

function ColumnChooser({ table, setPrefs }: Pick<ToolbarProps, 'table' | 'setPrefs'>) {
  const ids = chooserOrder(table);
  const fitAll = () =>
    setPrefs((p) => ({
      ...p,
      sizing: Object.fromEntries(
        table.getVisibleLeafColumns().map((c) => [c.id, fitWidth(COLUMN_BY_ID.get(c.id)!)]),
      ),
    }));
  const reset = () =>
    setPrefs((p) => ({ ...p, visibility: {}, order: [], pinning: { left: [], right: [] }, sizing: {} }));
  return (
    <Paper
      shadow="md"
      withBorder
      className="chooser-menu"
      role="dialog"
      aria-label="Columns"
      data-testid="column-chooser"
    >
      {ids.map((id, i) => {
        const column = table.getColumn(id)!;
        const header = COLUMN_BY_ID.get(id)!.header;
        const pinned = column.getIsPinned();
        return (
          <div className="chooser-row" key={id} data-testid={`chooser-row-${id}`}>
            <Checkbox
              size="xs"
              label={header}
              data-testid={`column-toggle-${id}`}
              checked={column.getIsVisible()}
              onChange={(e) => column.toggleVisibility(e.currentTarget.checked)}
              style={{ flex: 1, whiteSpace: 'nowrap' }}
            />
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={`Move ${header} up`}
              data-testid={`column-up-${id}`}
              disabled={i === 0}
              onClick={() => table.setColumnOrder(movedOrder(table, id, { delta: -1 }))}
            >
              <ArrowUp size={14} aria-hidden />
            </ActionIcon>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              aria-label={`Move ${header} down`}
              data-testid={`column-down-${id}`}
              disabled={i === ids.length - 1}
              onClick={() => table.setColumnOrder(movedOrder(table, id, { delta: 1 }))}
            >
              <ArrowDown size={14} aria-hidden />
            </ActionIcon>
            <Button
              size="compact-xs"
              variant={pinned ? 'light' : 'subtle'}
              aria-pressed={pinned === 'left'}
              aria-label={`Pin ${header} to the left`}
              data-testid={`column-pin-${id}`}
              onClick={() => column.pin(pinned ? false : 'left')}
            >
              {pinned ? 'Unpin' : 'Pin'}
            </Button>
          </div>
        );
      })}
      <Group gap={6} mt={6}>
        <Button size="compact-xs" variant="default" data-testid="columns-fit" onClick={fitAll}>
          Fit widths to content
        </Button>
        <Button size="compact-xs" variant="default" data-testid="columns-reset" onClick={reset}>
          Reset columns
        </Button>
      </Group>
    </Paper>
  );
}

export const GridToolbar = memo(function GridToolbar({
  table,
  prefs,
  setPrefs,
  shown,
  total,
  selected,
  onClearSelection,
}: ToolbarProps) {
  const [chooser, setChooser] = useState(false);
  const groupId = useId();
  return (
    <div className="grid-toolbar">
      <TextInput
        type="search"
        size="xs"
        w={240}
        leftSection={<Search size={14} aria-hidden />}
        placeholder="Filter guests…"
        aria-label="Filter guests"
        data-testid="grid-filter"
        value={prefs.globalFilter}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setPrefs((p) => ({ ...p, globalFilter: value }));
        }}
      />
      <Group gap={6} wrap="nowrap">
        <Text component="label" htmlFor={groupId} size="sm">
          Group by
        </Text>
        <NativeSelect
          id={groupId}
          size="xs"
          data-testid="grid-group"
          value={prefs.groupBy}
          onChange={(e) => {
            const value = e.currentTarget.value as GroupBy;
            setPrefs((p) => ({ ...p, groupBy: value }));
          }}
          data={[...GROUP_BY]}
        />
      </Group>
      <div className="column-chooser" onKeyDown={(e) => e.key === 'Escape' && setChooser(false)}>
        <Button
          size="xs"
          variant="default"
          leftSection={<Columns3 size={14} aria-hidden />}
          data-testid="grid-columns"
          aria-expanded={chooser}
          onClick={() => setChooser(!chooser)}
        >
          Columns
        </Button>
        {chooser && <ColumnChooser table={table} setPrefs={setPrefs} />}
      </div>
      <Text span size="sm" c="dimmed" data-testid="grid-count" style={{ whiteSpace: 'nowrap' }}>
        {shown} of {total} guests
      </Text>
      {selected > 0 && (
        <span className="selection-bar" data-testid="grid-selection">
          {selected} selected{' '}
          <Button size="compact-xs" variant="default" onClick={onClearSelection}>
            Clear
          </Button>
        </span>
      )}
    </div>
  );
});
