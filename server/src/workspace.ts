import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver-types';
import { type FragmentId, fragmentIds } from './core/rules/duplicate-id';
import type { DiagnosticCode } from './core/rules/rule';
import { CONFIG_FILE_NAME, type ConfigProblem, loadConfig, type SeveritySetting } from './core/schema/config';
import { defaultSchema } from './core/schema/default-schema';
import type { FragmentSchema } from './core/schema/schema-types';
import { createFragmentService, DEFAULT_MAX_SIZE, type FragmentService } from './core/service';
import { fragmentFilesIn, globToRegExp, isFragmentFile } from './node/fragment-files';

export interface FolderSettings {
  /** `files.exclude` of the folder: glob to on/off. */
  readonly exclude: Record<string, boolean>;
}

interface Folder {
  readonly uri: string;
  readonly path: string;
  readonly configUri: string;
  service: FragmentService;
  /** The schema in force: the default one, or the one the folder's configuration makes. */
  schema: FragmentSchema;
  configProblems: readonly ConfigProblem[];
  fileSeverities: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** Codes dismissed for a fragment, by FragmentID (`ignore` of the configuration). */
  ignore: Readonly<Record<string, readonly DiagnosticCode[]>>;
  excluded: (path: string) => boolean;
}

/**
 * The workspace as the server knows it: each folder's configuration (its `.fragmentrc.json`
 * with the editor's severity settings on top) and an index of the FragmentIDs of every fragment
 * file, so that `duplicate-id` can look across files. Reads the disk; the core never does.
 */
export class FragmentWorkspace {
  private folders: Folder[] = [];
  private defaultService: FragmentService;
  /** FragmentIDs by file URI: from the editor's text for open files, from disk for the others. */
  private readonly ids = new Map<string, readonly FragmentId[]>();
  private settingsSeverities: Partial<Record<DiagnosticCode, SeveritySetting>> = {};
  private maxSize = DEFAULT_MAX_SIZE;
  private qualityHints = true;
  /** Grows with every change that can change a check's result; analyses cached under an older one are stale. */
  generation = 0;

  constructor() {
    this.defaultService = createFragmentService();
  }

  /** Loads each folder's configuration and indexes its fragment files. */
  setFolders(folders: ReadonlyArray<{ uri: string; settings: FolderSettings }>): void {
    this.folders = folders.map(({ uri, settings }) => {
      const path = fileURLToPath(uri);
      const folder: Folder = {
        uri,
        path,
        configUri: pathToFileURL(join(path, CONFIG_FILE_NAME)).toString(),
        service: this.defaultService,
        schema: defaultSchema,
        configProblems: [],
        fileSeverities: {},
        ignore: {},
        excluded: excluder(path, settings.exclude),
      };
      this.loadConfig(folder);
      return folder;
    });
    this.ids.clear();
    for (const file of this.fragmentFiles()) this.indexFromDisk(file.uri);
    this.generation++;
  }

  /** The editor's settings: severities, the size above which a file is not checked, and whether quality hints are shown. */
  setSettings(severities: Partial<Record<DiagnosticCode, SeveritySetting>>, maxSize: number, qualityHints = true): void {
    this.settingsSeverities = severities;
    this.maxSize = maxSize;
    this.qualityHints = qualityHints;
    this.defaultService = createFragmentService({ severities, maxSize, qualityHints });
    for (const folder of this.folders) folder.service = this.serviceOf(folder);
    this.generation++;
  }

  serviceFor(uri: string): FragmentService {
    return this.folderOf(uri)?.service ?? this.defaultService;
  }

  /** The configuration files and their problems (empty when a file is fine or absent). */
  configProblems(): Array<{ uri: string; problems: readonly ConfigProblem[] }> {
    return this.folders.map((folder) => ({ uri: folder.configUri, problems: folder.configProblems }));
  }

  /**
   * Where "Dismiss for this fragment" records a hint of the file `uri`: the configuration its
   * folder uses, as it is on disk now (undefined text when there is none yet). None outside the folders.
   */
  dismissalTargetFor(uri: string): { uri: string; text: string | undefined } | undefined {
    const folder = this.folderOf(uri);
    return folder ? { uri: folder.configUri, text: readText(folder.configUri) } : undefined;
  }

  isConfigFile(uri: string): boolean {
    return this.folders.some((folder) => folder.configUri === uri);
  }

  /** Re-reads a folder's configuration after its file changed. */
  reloadConfig(uri: string): void {
    const folder = this.folders.find((candidate) => candidate.configUri === uri);
    if (!folder) return;
    this.loadConfig(folder);
    this.generation++;
  }

  /** The fragment files of the workspace folders, minus those `files.exclude` hides. */
  fragmentFiles(): Array<{ uri: string; path: string }> {
    return this.folders.flatMap((folder) => fragmentFilesIn(folder.path, folder.excluded).map((path) => ({ uri: pathToFileURL(path).toString(), path })));
  }

  isIndexed(uri: string): boolean {
    return this.ids.has(uri);
  }

  /** Records the FragmentIDs of a file's latest text; returns the IDs that came or went. */
  indexIds(uri: string, ids: readonly FragmentId[]): Set<string> {
    const before = this.ids.get(uri) ?? [];
    this.ids.set(uri, [...ids]);
    if (sameIds(before, ids)) return new Set();
    this.generation++;
    const kept = new Set(ids.map((entry) => entry.id));
    const was = new Set(before.map((entry) => entry.id));
    return new Set([...ids.filter((entry) => !was.has(entry.id)), ...before.filter((entry) => !kept.has(entry.id))].map((entry) => entry.id));
  }

  /** The files (other than `except`) that hold one of `ids`: their duplicate-id diagnostics may have changed. */
  filesWithIds(ids: ReadonlySet<string>, except: string): string[] {
    if (ids.size === 0) return [];
    return [...this.ids].filter(([uri, entries]) => uri !== except && entries.some((entry) => ids.has(entry.id))).map(([uri]) => uri);
  }

  /** Re-reads a file from disk (after it changed there, or was closed); returns the IDs that came or went. */
  indexFromDisk(uri: string): Set<string> {
    const text = readText(uri);
    // Only the fragment files of the workspace folders stand in the index when closed.
    const inWorkspace = this.folderOf(uri) !== undefined && !this.isExcluded(uri);
    if (text === undefined || text.length > this.maxSize || !inWorkspace || !isFragmentFile(fileURLToPath(uri))) return this.forget(uri);
    const service = this.serviceFor(uri);
    return this.indexIds(uri, fragmentIds(service.parse(text), service.index));
  }

  /** Drops a file from the index (deleted, or no longer a fragment file); returns its IDs. */
  forget(uri: string): Set<string> {
    const before = this.ids.get(uri);
    if (!before) return new Set();
    this.ids.delete(uri);
    this.generation++;
    return new Set(before.map((entry) => entry.id));
  }

  /** Where else a FragmentID is used, for the `duplicate-id` check of the file `uri`. */
  idLocationsElsewhere(uri: string): (id: string) => Location[] {
    return (id) => {
      const locations: Location[] = [];
      for (const [other, ids] of this.ids) {
        if (other === uri) continue;
        for (const entry of ids) if (entry.id === id) locations.push({ uri: other, range: entry.range });
      }
      return locations;
    };
  }

  private loadConfig(folder: Folder): void {
    const text = readText(folder.configUri);
    const config = text === undefined ? undefined : loadConfig(text);
    folder.configProblems = config?.problems ?? [];
    folder.fileSeverities = config?.severities ?? {};
    folder.ignore = config?.ignore ?? {};
    // A missing or broken configuration leaves the default schema in force.
    folder.schema = config && config.problems.length === 0 ? config.schema : defaultSchema;
    folder.service = this.serviceOf(folder);
  }

  private serviceOf(folder: Folder): FragmentService {
    // The editor's settings are the writer's own choice: they win over the team's file.
    return createFragmentService({
      schema: folder.schema,
      severities: { ...folder.fileSeverities, ...this.settingsSeverities },
      maxSize: this.maxSize,
      qualityHints: this.qualityHints,
      ignore: folder.ignore,
    });
  }

  private folderOf(uri: string): Folder | undefined {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return undefined; // untitled and other schemes belong to no folder
    }
    return this.folders.filter((folder) => path === folder.path || path.startsWith(folder.path + sep)).sort((a, b) => b.path.length - a.path.length)[0];
  }

  private isExcluded(uri: string): boolean {
    const folder = this.folderOf(uri);
    return folder ? folder.excluded(fileURLToPath(uri)) : false;
  }
}

function excluder(folderPath: string, exclude: Record<string, boolean>): (path: string) => boolean {
  const patterns = Object.entries(exclude)
    .filter(([, on]) => on)
    .map(([glob]) => globToRegExp(glob.replace(/^\.\//, '')));
  return (path) => {
    const relativePath = relative(folderPath, path).split(sep).join('/');
    return patterns.some((pattern) => pattern.test(relativePath));
  };
}

/** A file's text without its BOM, or undefined when it cannot be read. */
export function readText(uri: string): string | undefined {
  try {
    const text = readFileSync(fileURLToPath(uri), 'utf8');
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    return undefined;
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
