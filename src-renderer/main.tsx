// Renderer entry: mounts the app shell, or just one console when the window was opened by Detach (#console=...).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { DataProvider } from './data/DataProvider.js';
import { parseConsoleRoute } from './features/console/console-route.js';
import { ConsoleWindow } from './features/console/ConsoleWindow.js';
import { ThemeProvider } from './ui/theme/ThemeProvider.js';
import './styles.css';

const root = document.getElementById('root');
// The route rides in the fragment next to the web host's #secret=, which bridge.ts reads from the same hash.
const consoleTarget = parseConsoleRoute(window.location.hash);
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ThemeProvider>
        <DataProvider>{consoleTarget ? <ConsoleWindow target={consoleTarget} /> : <App />}</DataProvider>
      </ThemeProvider>
    </StrictMode>,
  );
}
