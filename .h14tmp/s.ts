import fc from 'fast-check';
import { z } from 'zod';
import { requests } from '../src-shared/ipc/contract.js';
import { shapedValue } from '../test/unit/fuzz/hostile-values.js';
const a = shapedValue(requests['profiles.save'].args as z.ZodType, { color: fc.constant('#123456'), host: fc.constant('127.0.0.1'), tokenId: fc.constant('a@pve!tok'), name: fc.constant('n'), id: fc.constant('x') , port: fc.constant(1)});
let ok=0; const errs = new Map<string, number>();
for (const v of fc.sample(a, 2000)) { const r = requests['profiles.save'].args.safeParse(v); if (r.success) ok++; else for (const i of r.error.issues) { const k=i.path.join('.')+':'+i.code; errs.set(k,(errs.get(k)??0)+1);} }
console.log(ok, [...errs].sort((a,b)=>b[1]-a[1]).slice(0,10));
