// (a) The floor: read every file and split it into lines, nothing more. Prints JSON.
import { readFileSync } from 'node:fs';

const files = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const started = performance.now();
let lines = 0;
for (const file of files) lines += readFileSync(file, 'utf8').split(/\r?\n/).length;
console.log(JSON.stringify({ ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS, lines }));
