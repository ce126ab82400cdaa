// A small test runner for the web worker extension host, where the suite is a browser bundle:
// no Node built-ins, so no mocha from node_modules nor node:assert. Tests run one after another;
// the tally is printed the way test/integration/index.ts prints it (the launcher reads it).

type Test = { name: string; run: () => Promise<void> | void };
const tests: Test[] = [];
const teardowns: Array<() => Promise<void> | void> = [];

export function test(name: string, run: Test['run']): void {
  tests.push({ name, run });
}

export function teardown(run: () => Promise<void> | void): void {
  teardowns.push(run);
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/** Runs every registered test; rejects when any failed. */
export async function runAll(suiteName: string): Promise<void> {
  let passes = 0;
  let failures = 0;
  console.log(suiteName);
  for (const { name, run } of tests) {
    try {
      await run();
      passes++;
      console.log(`  ✔ ${name}`);
    } catch (error) {
      failures++;
      console.log(`  ✗ ${name}\n    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    for (const after of teardowns) await after();
  }
  console.log(`integration: ${passes} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
