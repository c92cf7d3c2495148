// A grid row's action menu (the ⋯ button, or the context-menu key): open, select, copy the id.
import { Paper, UnstyledButton } from '@mantine/core';
import { Check, Copy, ExternalLink, ListChecks } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { GridGuest } from './guest-columns.js';
import { useRecord } from './inventory-store.js';

export interface RowMenuTarget {
  key: string;
  anchor: HTMLElement;
}

interface Props {
  target: RowMenuTarget;
  selected: boolean;
  onOpen(key: string): void;
  onToggle(key: string): void;
  onSelectOnly(key: string): void;
  onClose(): void;
}

export function RowMenu({ target, selected, onOpen, onToggle, onSelectOnly, onClose }: Props) {
  const g = useRecord<GridGuest>(target.key);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [onClose]);
  if (!g) return null;
  const box = target.anchor.getBoundingClientRect();
  const act = (fn: (key: string) => void) => () => {
    fn(target.key);
    onClose();
  };
  const kind = g.type === 'qemu' ? 'VM' : 'CT';
  return (
    <Paper
      ref={ref}
      shadow="md"
      withBorder
      className="row-menu"
      role="menu"
      aria-label={`${kind} ${g.vmid} ${g.name}`}
      data-testid="row-menu"
      style={{ top: box.bottom + 2, left: Math.max(8, box.right - 200) }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          onClose();
          target.anchor.focus();
        }
      }}
    >
      <UnstyledButton role="menuitem" data-testid="row-menu-open" onClick={act(onOpen)}>
        <ExternalLink size={14} aria-hidden /> Open {kind} {g.vmid}
      </UnstyledButton>
      <UnstyledButton role="menuitem" data-testid="row-menu-select" onClick={act(onToggle)}>
        <Check size={14} aria-hidden /> {selected ? 'Remove from selection' : 'Add to selection'}
      </UnstyledButton>
      <UnstyledButton role="menuitem" data-testid="row-menu-only" onClick={act(onSelectOnly)}>
        <ListChecks size={14} aria-hidden /> Select only this (power actions)
      </UnstyledButton>
      <UnstyledButton
        role="menuitem"
        data-testid="row-menu-copy"
        onClick={act(() => void navigator.clipboard?.writeText(String(g.vmid)).catch(() => undefined))}
      >
        <Copy size={14} aria-hidden /> Copy ID {g.vmid}
      </UnstyledButton>
    </Paper>
  );
}
