import { benchMain } from './main-pipeline.js';
const m = await benchMain({ nodes: +(process.argv[2] ?? 32), guests: +(process.argv[3] ?? 10000), runs: 15 });
const { snapshotJson, deltaJson, nextSnapshotJson, ...rest } = m;
void snapshotJson;
void deltaJson;
void nextSnapshotJson;
console.log(rest);
