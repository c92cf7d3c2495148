// The header's colour-scheme switch: follow the OS, or always light, or always dark (remembered by Mantine's manager).
import { ActionIcon, Menu, Tooltip, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { Monitor, Moon, Sun } from 'lucide-react';

const CHOICES: ReadonlyArray<{ value: MantineColorScheme; label: string; Icon: typeof Sun }> = [
  { value: 'auto', label: 'Follow the system', Icon: Monitor },
  { value: 'light', label: 'Light', Icon: Sun },
  { value: 'dark', label: 'Dark', Icon: Moon },
];

export function ColorSchemeSwitch() {
  // keepTransitions: the default briefly injects a <style> tag, which the CSP refuses
  const { colorScheme, setColorScheme } = useMantineColorScheme({ keepTransitions: true });
  const current = CHOICES.find((c) => c.value === colorScheme) ?? CHOICES[0]!;
  return (
    <Menu>
      <Menu.Target>
        <Tooltip label={`Theme: ${current.label.toLowerCase()}`}>
          <ActionIcon aria-label="Colour scheme" data-testid="color-scheme" data-scheme={colorScheme}>
            <current.Icon size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        {CHOICES.map(({ value, label, Icon }) => (
          <Menu.Item
            key={value}
            leftSection={<Icon size={14} aria-hidden />}
            onClick={() => setColorScheme(value)}
            data-testid={`color-scheme-${value}`}
            aria-current={value === colorScheme ? 'true' : undefined}
          >
            {value === colorScheme ? `${label} ✓` : label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
