// The one Mantine theme: dense sizes, one type scale, readable contrast in both schemes, PVE status colours.
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  createTheme,
  Drawer,
  Menu,
  Modal,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  Switch,
  Table,
  Tabs,
  TextInput,
  Textarea,
  Tooltip,
  type CSSVariablesResolver,
  type MantineColor,
} from '@mantine/core';

/** Guest/node states as PVE's GUI colours them; CSS gets the same as --pd-status-<state> (tokens.css). */
export const STATUS_COLORS = {
  running: 'green',
  online: 'green',
  stopped: 'gray',
  offline: 'gray',
  paused: 'yellow',
  suspended: 'yellow',
  error: 'red',
  unknown: 'gray',
  locked: 'indigo',
} as const satisfies Record<string, MantineColor>;

export type StatusName = keyof typeof STATUS_COLORS;

export function statusColor(status: string): MantineColor {
  return (STATUS_COLORS as Record<string, MantineColor>)[status] ?? 'gray';
}

const dense = { size: 'xs' } as const;

export const theme = createTheme({
  primaryColor: 'blue',
  // shade 8 keeps white text on filled buttons above 4.5:1 in both schemes
  primaryShade: { light: 8, dark: 8 },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
  spacing: { xs: '4px', sm: '8px', md: '12px', lg: '16px', xl: '24px' },
  headings: {
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '20px', lineHeight: '1.3' },
      h2: { fontSize: '18px', lineHeight: '1.3' },
      h3: { fontSize: '15px', lineHeight: '1.35' },
      h4: { fontSize: '13px', lineHeight: '1.4' },
    },
  },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    Button: Button.extend({ defaultProps: { size: 'xs' } }),
    ActionIcon: ActionIcon.extend({ defaultProps: { size: 'md', variant: 'subtle' } }),
    Badge: Badge.extend({ defaultProps: { size: 'sm', variant: 'light', radius: 'sm' } }),
    TextInput: TextInput.extend({ defaultProps: dense }),
    PasswordInput: PasswordInput.extend({ defaultProps: dense }),
    NumberInput: NumberInput.extend({ defaultProps: dense }),
    Textarea: Textarea.extend({ defaultProps: dense }),
    Select: Select.extend({ defaultProps: dense }),
    Checkbox: Checkbox.extend({ defaultProps: dense }),
    Switch: Switch.extend({ defaultProps: dense }),
    SegmentedControl: SegmentedControl.extend({ defaultProps: dense }),
    Menu: Menu.extend({ defaultProps: { position: 'bottom-end', shadow: 'md' } }),
    Tabs: Tabs.extend({ defaultProps: { keepMounted: false } }),
    Tooltip: Tooltip.extend({ defaultProps: { withArrow: true, openDelay: 200, multiline: true, maw: 360 } }),
    Table: Table.extend({
      defaultProps: { verticalSpacing: 4, horizontalSpacing: 'sm', fz: 'sm', highlightOnHover: true },
    }),
    // react-remove-scroll would inject a <style> tag, which the CSP refuses; the shell never scrolls the body anyway.
    Modal: Modal.extend({ defaultProps: { lockScroll: false, size: 'lg' } }),
    Drawer: Drawer.extend({ defaultProps: { lockScroll: false } }),
  },
});

/** Dimmed text with at least 4.5:1 contrast (Mantine's default gray-6 on white is 3.3:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
