// The tests' temporary folders: each made in the system's temporary folder and removed once the
// tests of its file are done, passed or failed (and as the process exits, if it ends before).
// Importing this module registers that hook, so only test files (not the benchmark) import it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

const made = new Set<string>();

function removeAll(): void {
  for (const folder of made) {
    // Windows may hold a file a moment after the process that had it open has ended.
    rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
    made.delete(folder);
  }
}

after(removeAll);
process.once('exit', () => {
  try {
    removeAll();
  } catch {
    // Exiting anyway: what could not be removed stays.
  }
});

/** A new, empty folder whose name starts with `prefix`, removed after the file's tests. */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  made.add(folder);
  return folder;
}

/**
 * A new folder whose name holds what users' folder names hold and URIs must encode:
 * `& ( ) ' ! , + = ; # % [ ]`, spaces and accents.
 */
export function awkwardFolder(label: string): string {
  return temporaryFolder(`M&E harvest (2024) ' ! , + = ; # % [ ] été ${label}-`);
}
