// (b) fragment-lint (the built dist/cli.js, or FRAGMENT_CLI_PATH's) on the corpus folder, its report discarded. Prints JSON.
const { main } = require(process.env.FRAGMENT_CLI_PATH ?? '../../dist/cli.js');
const started = performance.now();
let bytes = 0;
const code = main([process.argv[2]], process.cwd(), (text) => {
  bytes += text.length;
});
console.log(JSON.stringify({ ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS, exitCode: code, reportBytes: bytes }));
