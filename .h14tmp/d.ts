import { z } from 'zod';
import { Profile, ProfileDraft } from '../src-shared/model/profile.js';
const f = (ProfileDraft.shape as any).pinnedFingerprint;
console.log(f.constructor.name, f instanceof z.ZodOptional, f.unwrap().constructor.name, f.unwrap() instanceof z.ZodPipe, f.unwrap().in?.constructor.name);
const a = (ProfileDraft.shape as any).auth; console.log(a.constructor.name, a instanceof z.ZodUnion, a.options.length, a.options[0].shape.kind.constructor.name, [...a.options[0].shape.kind.values]);
