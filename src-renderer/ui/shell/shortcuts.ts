// The app's keyboard shortcuts in one list: the `?` overlay shows it, menus and buttons show the same keys.
export interface Shortcut {
  keys: string;
  what: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'Ctrl/Cmd K', what: 'Open the command palette: guests, nodes, views, actions' },
  { keys: 'Alt 1 … Alt 9', what: 'Go to the n-th view in the navigation' },
  { keys: '?', what: 'Show this list' },
  { keys: 'Esc', what: 'Close a dialog, the palette or this list' },
  { keys: '↑ ↓  Enter', what: 'Move through the palette and run the chosen entry' },
];
