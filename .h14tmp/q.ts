import { z } from 'zod';
import { requests } from '../src-shared/ipc/contract.js';
for (const [n, d] of Object.entries(requests)) console.log(n, d.mutation, d.args instanceof z.ZodObject, d.args instanceof z.ZodObject ? Object.keys((d.args as z.ZodObject).shape) : d.args.constructor.name);
