// Sortable table headers for the dense Mantine tables of the feature screens: click (or Enter) a header to sort.
import { Table, UnstyledButton } from '@mantine/core';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { useMemo, useState, type ReactNode } from 'react';

export type SortValue = string | number | undefined;

export interface SortState<K extends string> {
  key: K | undefined;
  desc: boolean;
}

/** Rows sorted by the chosen column; `valueOf` gives each row's value for a column key. */
export function useSorted<T, K extends string>(
  rows: readonly T[],
  valueOf: (row: T, key: K) => SortValue,
  initial: SortState<K> = { key: undefined, desc: false },
): { sorted: T[]; sort: SortState<K>; toggle(key: K): void } {
  const [sort, setSort] = useState<SortState<K>>(initial);
  const sorted = useMemo(() => {
    const { key, desc } = sort;
    if (!key) return [...rows];
    const dir = desc ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = valueOf(a, key);
      const y = valueOf(b, key);
      if (x === y) return 0;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (
        (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir
      );
    });
    // valueOf is a pure accessor given inline by callers
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, sort]);
  const toggle = (key: K): void =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: false }));
  return { sorted, sort, toggle };
}

/** A column header that sorts its table; `aria-sort` tells assistive technology the current order. */
export function SortTh<K extends string>({
  column,
  sort,
  onSort,
  children,
}: {
  column: K;
  sort: SortState<K>;
  onSort(key: K): void;
  children: ReactNode;
}) {
  const active = sort.key === column;
  const Icon = active ? (sort.desc ? ArrowDown : ArrowUp) : ArrowUpDown;
  return (
    <Table.Th aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(column)}
        data-testid={`sort-${column}`}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600, fontSize: 'inherit' }}
      >
        {children}
        <Icon size={12} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
}
