import type { Location } from 'vscode-languageserver-types';
import type { FragmentId } from './core/rules/duplicate-id';

/**
 * The FragmentIDs of every indexed file, for `duplicate-id` across files: the same in the
 * disk-backed workspace and in the web worker's workspace of open documents. Runtime-neutral.
 */
export class FragmentIdIndex {
  private readonly ids = new Map<string, readonly FragmentId[]>();

  has(uri: string): boolean {
    return this.ids.has(uri);
  }

  uris(): string[] {
    return [...this.ids.keys()];
  }

  clear(): void {
    this.ids.clear();
  }

  /** Records the FragmentIDs of a file's latest text; returns the IDs that came or went (none when nothing moved). */
  set(uri: string, ids: readonly FragmentId[]): { changed: boolean; ids: Set<string> } {
    const before = this.ids.get(uri) ?? [];
    this.ids.set(uri, [...ids]);
    if (sameIds(before, ids)) return { changed: false, ids: new Set() };
    const kept = new Set(ids.map((entry) => entry.id));
    const was = new Set(before.map((entry) => entry.id));
    return {
      changed: true,
      ids: new Set([...ids.filter((entry) => !was.has(entry.id)), ...before.filter((entry) => !kept.has(entry.id))].map((entry) => entry.id)),
    };
  }

  /** Drops a file; returns its IDs, undefined when it was not indexed. */
  delete(uri: string): Set<string> | undefined {
    const before = this.ids.get(uri);
    if (!before) return undefined;
    this.ids.delete(uri);
    return new Set(before.map((entry) => entry.id));
  }

  /** The files (other than `except`) that hold one of `ids`: their duplicate-id diagnostics may have changed. */
  filesWithIds(ids: ReadonlySet<string>, except: string): string[] {
    if (ids.size === 0) return [];
    return [...this.ids].filter(([uri, entries]) => uri !== except && entries.some((entry) => ids.has(entry.id))).map(([uri]) => uri);
  }

  /** Where else a FragmentID is used, for the `duplicate-id` check of the file `uri`. */
  locationsElsewhere(uri: string): (id: string) => Location[] {
    return (id) => {
      const locations: Location[] = [];
      for (const [other, ids] of this.ids) {
        if (other === uri) continue;
        for (const entry of ids) if (entry.id === id) locations.push({ uri: other, range: entry.range });
      }
      return locations;
    };
  }
}

function sameIds(a: readonly FragmentId[], b: readonly FragmentId[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, index) => {
      const other = b[index] as FragmentId;
      return entry.id === other.id && entry.range.start.line === other.range.start.line && entry.range.start.character === other.range.start.character;
    })
  );
}
