// Mantine for the whole renderer: theme, colour scheme (OS by default, remembered choice), CSP-safe CSS variables.
import {
  convertCssVariables,
  defaultCssVariablesResolver,
  deepMerge,
  localStorageColorSchemeManager,
  MantineProvider,
  useMantineTheme,
} from '@mantine/core';
import { useInsertionEffect, type ReactNode } from 'react';
import { adoptCss } from './adopted-css.js';
import { cssVariablesResolver, theme } from './theme.js';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'proxdeck-color-scheme' });

/** What MantineProvider would put in a <style> tag, adopted as a sheet instead (style-src 'self'). */
function ThemeVariables() {
  const resolved = useMantineTheme();
  const css = convertCssVariables(
    deepMerge(defaultCssVariablesResolver(resolved), {
      ...cssVariablesResolver(resolved),
      dark: { ...cssVariablesResolver(resolved).dark, '--mantine-color-scheme': 'dark' },
      light: { ...cssVariablesResolver(resolved).light, '--mantine-color-scheme': 'light' },
    }),
    ':root',
  );
  useInsertionEffect(() => adoptCss('mantine-theme', css), [css]);
  return null;
}

export function ThemeProvider({ children }: { children: ReactNode }) {
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
      withCssVariables={false}
      withGlobalClasses={false}
    >
      <ThemeVariables />
      {children}
    </MantineProvider>
  );
}
