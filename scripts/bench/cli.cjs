// (b) fragment-lint (the built dist/cli.js, or FRAGMENT_CLI_PATH's) on the corpus folder, its report discarded. Prints JSON.
// Further arguments are passed on (e.g. `--jobs 1`).
const { main } = require(process.env.FRAGMENT_CLI_PATH ?? '../../dist/cli.js');
const started = performance.now();
let bytes = 0;
Promise.resolve(
  main([process.argv[2], ...process.argv.slice(3)], process.cwd(), (text) => {
    bytes += text.length;
  }),
).then((code) => {
  console.log(JSON.stringify({ ms: performance.now() - started, maxRssKb: process.resourceUsage().maxRSS, exitCode: code, reportBytes: bytes }));
});
