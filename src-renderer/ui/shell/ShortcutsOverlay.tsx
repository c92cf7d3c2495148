// The `?` overlay listing every keyboard shortcut; Alt+digit switches views (bound here, shown in the nav).
import { Kbd, Modal, Table } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useAppStore } from '../../features/app/app-store.js';
import { features } from '../../features/registry.js';
import { SHORTCUTS } from './shortcuts.js';

export function ShortcutsOverlay() {
  const [opened, setOpened] = useState(false);
  const select = useAppStore((s) => s.setActiveFeature);
  useHotkeys([
    ['shift+?', () => setOpened(true)],
    ...features.slice(0, 9).map((f, i): [string, () => void] => [`alt+${i + 1}`, () => select(f.id)]),
  ]);
  return (
    <Modal opened={opened} onClose={() => setOpened(false)} title="Keyboard shortcuts" size="md">
      <Table data-testid="shortcuts">
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.keys}>
              <Table.Td>
                <Kbd>{s.keys}</Kbd>
              </Table.Td>
              <Table.Td>{s.what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
