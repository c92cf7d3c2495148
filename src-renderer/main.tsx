// Renderer entry: mounts the app shell, or just one console when the window was opened by Detach (#console=...).
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { DataProvider } from './data/DataProvider.js';
import { parseConsoleRoute } from './features/console/console-route.js';
import { ThemeProvider } from './ui/theme/ThemeProvider.js';
import { lazyView } from './features/lazy-view.js';
import { installStyleElementShim } from './ui/theme/style-element-shim.js';
import './styles.css';

// before anything renders: xterm.js writes its theme into <style> elements, which the CSP refuses
installStyleElementShim();

// The detached console window (noVNC) is its own chunk: the main window never loads it unless a console opens.
const ConsoleWindow = lazyView(() => import('./features/console/ConsoleWindow.js'), 'ConsoleWindow');
const root = document.getElementById('root');
// The route rides in the fragment next to the web host's #secret=, which bridge.ts reads from the same hash.
const consoleTarget = parseConsoleRoute(window.location.hash);
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ThemeProvider>
        <DataProvider>
          {consoleTarget ? (
            <Suspense fallback={null}>
              <ConsoleWindow target={consoleTarget} />
            </Suspense>
          ) : (
            <App />
          )}
        </DataProvider>
      </ThemeProvider>
    </StrictMode>,
  );
}
