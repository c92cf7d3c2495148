// Opening and closing the command palette from anywhere (header button, shortcuts overlay, tests).
import { spotlight } from '@mantine/spotlight';

export const openPalette = (): void => spotlight.open();
export const closePalette = (): void => spotlight.close();
