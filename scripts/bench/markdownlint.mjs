// (c) markdownlint's library on the same files, with its default rules. Prints JSON.
import { readFileSync } from 'node:fs';
import { lint } from 'markdownlint/sync';

const files = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const started = performance.now();
const results = lint({ files });
const problems = Object.values(results).reduce((sum, list) => sum + list.length, 0);
console.log(JSON.stringify({ ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS, problems }));
