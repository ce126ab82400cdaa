import type { Location } from 'vscode-languageserver-types';
import type { FragmentId } from './core/rules/duplicate-id';

/**
 * The FragmentIDs of every indexed file, for `duplicate-id` across files, by file and by ID: a
 * file's check asks where else each of its IDs stands, and with thousands of files a scan of
 * every file per question would make a workspace's check quadratic. Runtime-neutral.
 */
export class FragmentIdIndex {
  private readonly byFile = new Map<string, readonly FragmentId[]>();
  /** For each ID, the files that use it. */
  private readonly byId = new Map<string, Set<string>>();
  /** When each file was first indexed: other places are named in that order, as a scan of the files would name them. */
  private readonly order = new Map<string, number>();
  private indexed = 0;

  has(uri: string): boolean {
    return this.byFile.has(uri);
  }

  clear(): void {
    this.byFile.clear();
    this.byId.clear();
    this.order.clear();
  }

  /** Records the FragmentIDs of a file's latest text; returns whether anything moved, and the IDs that came or went. */
  set(uri: string, ids: readonly FragmentId[]): { changed: boolean; ids: Set<string> } {
    const before = this.byFile.get(uri) ?? [];
    const same = sameIds(before, ids);
    if (same && this.byFile.has(uri)) return { changed: false, ids: new Set() };
    this.unlink(uri, before);
    // Kept for as long as the file is indexed: flat copies, for an ID cut from a text is a slice that keeps the whole text alive.
    this.byFile.set(
      uri,
      ids.map((entry) => ({ id: flat(entry.id), range: entry.range })),
    );
    if (!this.order.has(uri)) this.order.set(uri, this.indexed++);
    for (const entry of ids) {
      let files = this.byId.get(entry.id);
      if (!files) {
        files = new Set();
        this.byId.set(flat(entry.id), files);
      }
      files.add(uri);
    }
    const kept = new Set(ids.map((entry) => entry.id));
    const was = new Set(before.map((entry) => entry.id));
    const cameOrWent = [...ids.filter((entry) => !was.has(entry.id)), ...before.filter((entry) => !kept.has(entry.id))];
    return { changed: !same, ids: new Set(cameOrWent.map((entry) => entry.id)) };
  }

  /** Drops a file; returns its IDs, undefined when it was not indexed. */
  delete(uri: string): Set<string> | undefined {
    const before = this.byFile.get(uri);
    if (!before) return undefined;
    this.unlink(uri, before);
    this.byFile.delete(uri);
    this.order.delete(uri);
    return new Set(before.map((entry) => entry.id));
  }

  /** The files (other than `except`) that hold one of `ids`: their duplicate-id diagnostics may have changed. */
  filesWithIds(ids: ReadonlySet<string>, except: string): string[] {
    const files = new Set<string>();
    for (const id of ids) for (const uri of this.byId.get(id) ?? []) if (uri !== except) files.add(uri);
    return this.inOrder(files);
  }

  /** Where else a FragmentID is used, for the `duplicate-id` check of the file `uri`. */
  locationsElsewhere(uri: string): (id: string) => Location[] {
    return (id) => {
      const locations: Location[] = [];
      const others = this.byId.get(id);
      if (!others || (others.size === 1 && others.has(uri))) return locations;
      for (const other of this.inOrder(others)) {
        if (other === uri) continue;
        for (const entry of this.byFile.get(other) ?? []) if (entry.id === id) locations.push({ uri: other, range: entry.range });
      }
      return locations;
    };
  }

  private inOrder(files: Iterable<string>): string[] {
    return [...files].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }

  private unlink(uri: string, ids: readonly FragmentId[]): void {
    for (const entry of ids) {
      const files = this.byId.get(entry.id);
      if (!files) continue;
      files.delete(uri);
      if (files.size === 0) this.byId.delete(entry.id);
    }
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

/** A copy of a string that shares no memory with the text it was cut from. */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
