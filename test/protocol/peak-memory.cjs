// Preloaded (`node -r`) into a CLI run by a test: at exit, writes the process's peak memory
// (resident set, bytes) to the file FRAGMENT_PEAK_MEMORY_FILE names. Portable: libuv's maxRSS.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.FRAGMENT_PEAK_MEMORY_FILE, String(process.resourceUsage().maxRSS * 1024));
});
