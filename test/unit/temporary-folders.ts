// Temporary folders a test makes, all removed when it is done: `const folders = temporaryFolders();
// after(() => folders.removeAll());`, then `folders.make('fragments-import-')`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function temporaryFolders(): { make(prefix: string): string; removeAll(): void } {
  const made: string[] = [];
  return {
    make(prefix) {
      const folder = mkdtempSync(join(tmpdir(), prefix));
      made.push(folder);
      return folder;
    },
    removeAll() {
      for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}
