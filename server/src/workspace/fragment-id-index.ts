import type { Location } from 'vscode-languageserver-types';
import type { FragmentId } from '../core/rules/duplicate-id';

/**
 * The FragmentIDs of every indexed file, for `duplicate-id` across files, by file and by ID: a
 * file's check asks where else each of its IDs stands, and with thousands of files a scan of
 * every file per question would make a workspace's check quadratic. Files are known by their key
 * (uri-keys.ts) and named, in the places it gives, by the URI they were last indexed under (the
 * client's, for a file it opened). Runtime-neutral.
 */
export class FragmentIdIndex {
  private readonly byFile = new Map<string, readonly FragmentId[]>();
  /** Each file's URI, by its key. */
  private readonly uris = new Map<string, string>();
  /** For each ID, the files that use it. */
  private readonly byId = new Map<string, Set<string>>();
  /** When each file was first indexed: other places are named in that order, as a scan of the files would name them. */
  private readonly order = new Map<string, number>();
  private indexed = 0;

  has(key: string): boolean {
    return this.byFile.has(key);
  }

  /** The URI a file was last indexed under. */
  uriOf(key: string): string | undefined {
    return this.uris.get(key);
  }

  clear(): void {
    this.byFile.clear();
    this.uris.clear();
    this.byId.clear();
    this.order.clear();
  }

  /** Records the FragmentIDs of a file's latest text, under `uri`; returns whether anything moved, and the IDs that came or went. */
  set(key: string, uri: string, ids: readonly FragmentId[]): { changed: boolean; ids: Set<string> } {
    const before = this.byFile.get(key) ?? [];
    const same = sameIds(before, ids);
    const renamed = this.uris.get(key) !== uri;
    this.uris.set(key, uri);
    if (same && this.byFile.has(key)) return { changed: renamed, ids: renamed ? new Set(ids.map((entry) => entry.id)) : new Set() };
    this.unlink(key, before);
    // Kept for as long as the file is indexed: flat copies, for an ID cut from a text is a slice that keeps the whole text alive.
    this.byFile.set(
      key,
      ids.map((entry) => ({ id: flat(entry.id), range: entry.range })),
    );
    if (!this.order.has(key)) this.order.set(key, this.indexed++);
    for (const entry of ids) {
      let files = this.byId.get(entry.id);
      if (!files) {
        files = new Set();
        this.byId.set(flat(entry.id), files);
      }
      files.add(key);
    }
    const kept = new Set(ids.map((entry) => entry.id));
    const was = new Set(before.map((entry) => entry.id));
    const cameOrWent = [...ids.filter((entry) => !was.has(entry.id)), ...before.filter((entry) => !kept.has(entry.id))];
    return { changed: !same, ids: new Set(cameOrWent.map((entry) => entry.id)) };
  }

  /** The URIs of the indexed files whose keys start with `prefix` (a folder's key and `/`). */
  urisUnder(prefix: string): string[] {
    return [...this.uris].filter(([key]) => key.startsWith(prefix)).map(([, uri]) => uri);
  }

  /** Every FragmentID in use, each once. */
  allIds(): string[] {
    return [...this.byId.keys()];
  }

  /** Drops a file; returns its IDs, undefined when it was not indexed. */
  delete(key: string): Set<string> | undefined {
    const before = this.byFile.get(key);
    if (!before) return undefined;
    this.unlink(key, before);
    this.byFile.delete(key);
    this.uris.delete(key);
    this.order.delete(key);
    return new Set(before.map((entry) => entry.id));
  }

  /** The URIs of the files (other than the one keyed `except`) that hold one of `ids`: their duplicate-id diagnostics may have changed. */
  filesWithIds(ids: ReadonlySet<string>, except: string): string[] {
    const files = new Set<string>();
    for (const id of ids) for (const key of this.byId.get(id) ?? []) if (key !== except) files.add(key);
    return this.inOrder(files).map((key) => this.uris.get(key) as string);
  }

  /** Where else a FragmentID is used, for the `duplicate-id` check of the file keyed `key`. */
  locationsElsewhere(key: string): (id: string) => Location[] {
    return (id) => {
      const locations: Location[] = [];
      const others = this.byId.get(id);
      if (!others || (others.size === 1 && others.has(key))) return locations;
      for (const other of this.inOrder(others)) {
        if (other === key) continue;
        const uri = this.uris.get(other) as string;
        for (const entry of this.byFile.get(other) ?? []) if (entry.id === id) locations.push({ uri, range: entry.range });
      }
      return locations;
    };
  }

  private inOrder(files: Iterable<string>): string[] {
    return [...files].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
  }

  private unlink(key: string, ids: readonly FragmentId[]): void {
    for (const entry of ids) {
      const files = this.byId.get(entry.id);
      if (!files) continue;
      files.delete(key);
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
