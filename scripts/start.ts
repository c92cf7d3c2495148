// `npm start`: the desktop app, or the web host with a one-line explanation where Electron cannot be fetched.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchApp } from './launch-app.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const child = launchApp({ web: false, root, env: process.env });
const stop = (): void => void child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => process.exit(code ?? 0));
