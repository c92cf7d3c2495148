import { benchApp, benchScale } from './app/app-bench.js';
console.log(await benchApp({ nodes: 8, guests: 2000, windowS: 10 }));
if (process.argv[2]) console.log(await benchScale({ clusters: 2, nodes: 4, guests: 2000, windowS: 10 }));
