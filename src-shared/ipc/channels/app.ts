// Channels about the app itself: version, platform, host kind.
import { z } from 'zod';
import { request } from '../define.js';

export const appRequests = {
  'app.version': request(
    z.object({}).strict(),
    z.object({ name: z.string(), version: z.string(), host: z.enum(['electron', 'web']) }),
  ),
} as const;

export const appEvents = {} as const;
