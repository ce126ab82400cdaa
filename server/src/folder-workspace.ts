import type { Location } from 'vscode-languageserver-types';
import { ClosedFileChecks } from './closed-file-checks';
import { ConfigFileIndex, type ConfigSource } from './config-files';
import { type FileRecord, fileRecord } from './core/harvest/records';
import { type HarvestSummary, harvestSummary } from './core/harvest/summary';
import type { FragmentId } from './core/rules/duplicate-id';
import { type DiagnosticCode, Severity } from './core/rules/rule';
import type { ConfigProblem } from './core/schema/config';
import { CONFIG_FILE_NAME, type SeveritySetting } from './core/schema/config-names';
import { defaultSchema } from './core/schema/default-schema';
import { pathMatcher } from './core/schema/file-scope';
import { type Analysis, createFragmentService, DEFAULT_MAX_SIZE, type FragmentService } from './core/service';
import { FragmentIdIndex } from './fragment-id-index';
import { FRAGMENT_FIRST_LINE } from './protocol';
import type { FolderSettings, ServerWorkspace } from './server-workspace';

/** The files of the workspace folders, by URI, as a runtime can read them; synchronous. */
export interface FolderSource {
  /** The files under a folder that may be fragment files (`*.fragment`, `*.txt`), in a stable order. */
  filesUnder(folderUri: string): string[];
  /** A file's text without its BOM, or undefined when there is no such file. */
  readText(uri: string): string | undefined;
  isFile(uri: string): boolean;
}

interface Folder {
  readonly uri: string;
  /** Whether `files.exclude` hides a file of the folder. */
  readonly excluded: (uri: string) => boolean;
}

interface FileService {
  readonly service: FragmentService;
  /** LSP severity of `duplicate-id`, undefined when off. */
  readonly duplicateIdSeverity: number | undefined;
}

/**
 * The workspace by URI over a `FolderSource`, for any scheme (`vscode-vfs:`, `vscode-remote:`,
 * `file:`): each file's nearest `.fragmentrc.json` up to its folder (with the editor's severities
 * on top), the FragmentIDs of every fragment file for `duplicate-id`, and the harvest's records
 * for its summary. The web worker's server runs it over the client's view of the folders
 * (server/src/browser/folder-view.ts). The same lookups as the disk workspace
 * (server/src/workspace.ts): the configuration files (config-files.ts), the FragmentID index
 * (fragment-id-index.ts) and the core's records and summary.
 */
export class FolderWorkspace implements ServerWorkspace {
  generation = 0;
  onHarvestChange: () => void = () => {};
  private folders: Folder[] = [];
  private readonly configFiles: ConfigFileIndex;
  /** Every configuration file seen, so that a deleted one's problems are cleared. */
  private readonly knownConfigs = new Set<string>();
  private defaultService: FragmentService = createFragmentService();
  private readonly services = new Map<string, FileService>();
  private readonly servicesByUri = new Map<string, FileService>();
  private readonly ids = new FragmentIdIndex();
  /** The harvest's files: records of closed files, or an open document's latest analysis (made into a record when asked). */
  private readonly records = new Map<string, FileRecord | { analysis: Analysis; record?: FileRecord }>();
  /** Each closed file's check from when it was indexed: published from there in workspace mode. */
  private readonly checkedOnDisk = new ClosedFileChecks();
  private summary: HarvestSummary | undefined;
  private severities: Partial<Record<DiagnosticCode, SeveritySetting>> = {};
  private maxSize = DEFAULT_MAX_SIZE;
  private qualityHints = true;

  constructor(private readonly source: FolderSource) {
    this.configFiles = new ConfigFileIndex(uriConfigSource(source));
  }

  setSettings(severities: Partial<Record<DiagnosticCode, SeveritySetting>>, maxSize = DEFAULT_MAX_SIZE, qualityHints = true): void {
    this.severities = severities;
    this.maxSize = maxSize;
    this.qualityHints = qualityHints;
    this.defaultService = createFragmentService({ severities, maxSize, qualityHints });
    this.services.clear();
    this.servicesByUri.clear();
    this.generation++;
  }

  /** Takes the folders (their configuration and fragment files are read from the source). */
  setFolders(folders: ReadonlyArray<{ uri: string; settings: FolderSettings }>): void {
    this.folders = folders.map(({ uri, settings }) => {
      const folderUri = uri.replace(/\/+$/, '');
      const hidden = pathMatcher(Object.keys(settings.exclude).filter((glob) => settings.exclude[glob] === true));
      return { uri: folderUri, excluded: (file: string) => hidden(relativeUri(folderUri, file)) };
    });
    this.configFiles.clear();
    this.reindex();
  }

  /** Forgets every file's configuration and index entry, and indexes the harvest's files again. */
  private reindex(): void {
    this.services.clear();
    this.servicesByUri.clear();
    // Each folder's own configuration is read at once: its problems are shown before a file needs it.
    for (const folder of this.folders) this.configFiles.configIn(folder.uri);
    this.ids.clear();
    this.records.clear();
    this.checkedOnDisk.clear();
    for (const file of this.fragmentFiles()) this.indexFromDisk(file.uri);
    for (const config of this.configFiles.all()) this.knownConfigs.add(config.path);
    this.generation++;
    this.harvestChanged();
  }

  serviceFor(uri: string): FragmentService {
    return this.fileService(uri).service;
  }

  /** The default service, or the one the file's nearest configuration (and its overrides) make. */
  private fileService(uri: string): FileService {
    const known = this.servicesByUri.get(uri);
    if (known) return known;
    const folder = this.folderOf(uri);
    const settings = folder ? this.configFiles.settingsFor(uri, folder.uri) : undefined;
    const key = settings ? `${settings.configPath}\n${settings.key}` : '';
    let fileService = this.services.get(key);
    if (!fileService) {
      // The editor's settings are the writer's own choice: they win over the team's file.
      const severities = { ...settings?.severities, ...this.severities };
      const service = settings
        ? createFragmentService({ schema: settings.schema, severities, maxSize: this.maxSize, qualityHints: this.qualityHints, ignore: settings.ignore })
        : this.defaultService;
      const duplicateId = severities['duplicate-id'];
      fileService = { service, duplicateIdSeverity: duplicateId === 'off' ? undefined : Severity[duplicateId ?? 'error'] };
      this.services.set(key, fileService);
    }
    this.servicesByUri.set(uri, fileService);
    return fileService;
  }

  configProblems(): Array<{ uri: string; problems: readonly ConfigProblem[] }> {
    const loaded = new Map(this.configFiles.all().map((config) => [config.path, config.loaded.problems]));
    return [...this.knownConfigs].map((uri) => ({ uri, problems: loaded.get(uri) ?? [] }));
  }

  /** Where "Dismiss for this fragment" records a hint: the configuration the file uses, else a new one at its folder's root. */
  dismissalTargetFor(uri: string): { uri: string; text: string | undefined } | undefined {
    const folder = this.folderOf(uri);
    if (!folder) return undefined;
    const configUri = this.configFiles.nearest(uri, folder.uri)?.path ?? `${folder.uri}/${CONFIG_FILE_NAME}`;
    return { uri: configUri, text: this.source.readText(configUri) };
  }

  isConfigFile(uri: string): boolean {
    return uri.endsWith(`/${CONFIG_FILE_NAME}`) && this.folderOf(uri) !== undefined;
  }

  reloadConfig(uri: string): void {
    this.configFiles.forget(uri);
    this.knownConfigs.add(uri);
    this.reindex();
  }

  /** The harvest's fragment files: in the folders, minus those `files.exclude` hides and those their configuration leaves out. */
  fragmentFiles(): Array<{ uri: string }> {
    return this.folders.flatMap((folder) =>
      this.source
        .filesUnder(folder.uri)
        .filter((uri) => this.isHarvestFile(uri) && this.isFragmentFile(uri))
        .map((uri) => ({ uri })),
    );
  }

  private isHarvestFile(uri: string): boolean {
    const folder = this.folderOf(uri);
    return folder !== undefined && !folder.excluded(uri) && this.configFiles.isIncluded(uri, folder.uri);
  }

  /** `*.fragment`, or a `.txt` whose first line is a FragmentID line. */
  private isFragmentFile(uri: string): boolean {
    if (uri.endsWith('.fragment')) return true;
    return uri.endsWith('.txt') && FRAGMENT_FIRST_LINE.test(this.source.readText(uri)?.slice(0, 32) ?? '');
  }

  recordAnalysis(uri: string, analysis: Analysis): void {
    if (!this.isHarvestFile(uri)) return;
    this.records.set(uri, { analysis });
    this.harvestChanged();
  }

  harvestSummary(): HarvestSummary {
    if (this.summary) return this.summary;
    const files: FileRecord[] = [];
    for (const [uri, entry] of this.records) {
      if ('fragments' in entry) files.push(entry);
      else {
        entry.record ??= this.recordOf(uri, entry.analysis);
        files.push(entry.record);
      }
    }
    // The first folder's schema orders the groups.
    const first = this.folders[0];
    const schema = first ? (this.configFiles.configIn(first.uri)?.loaded.schema ?? defaultSchema) : defaultSchema;
    this.summary = harvestSummary(files, schema);
    return this.summary;
  }

  private recordOf(uri: string, analysis: Analysis): FileRecord {
    const { service, duplicateIdSeverity } = this.fileService(uri);
    return fileRecord(uri, analysis.file, analysis.diagnostics, service.schema, duplicateIdSeverity);
  }

  isIndexed(uri: string): boolean {
    return this.ids.has(uri);
  }

  indexIds(uri: string, ids: readonly FragmentId[]): Set<string> {
    const result = this.ids.set(uri, ids);
    if (result.changed) this.generation++;
    return result.ids;
  }

  filesWithIds(ids: ReadonlySet<string>, except: string): string[] {
    return this.ids.filesWithIds(ids, except);
  }

  /** Reads a closed file from the source again; returns the IDs that came or went. */
  indexFromDisk(uri: string): Set<string> {
    const text = this.source.readText(uri);
    // Only the harvest's fragment files stand in the index when closed.
    if (text === undefined || text.length > this.maxSize || !this.isHarvestFile(uri) || !this.isFragmentFile(uri)) return this.forget(uri);
    // Checked as a whole once: the summary counts the problems of files nobody opened.
    const service = this.serviceFor(uri);
    const analysis = service.analyze(text, uri, { remember: false, keepParse: true });
    this.checkedOnDisk.keep(uri, service, analysis);
    this.records.set(uri, this.recordOf(uri, analysis));
    this.harvestChanged();
    return this.indexIds(uri, analysis.ids);
  }

  /** A closed file's diagnostics from its check when indexed, duplicate-id brought up to date; undefined when there is none to trust. */
  diagnosticsOnDisk(uri: string): Analysis['diagnostics'] | undefined {
    return this.checkedOnDisk.diagnostics(uri, this.serviceFor(uri), this.idLocationsElsewhere(uri));
  }

  forget(uri: string): Set<string> {
    this.checkedOnDisk.delete(uri);
    if (this.records.delete(uri)) this.harvestChanged();
    const before = this.ids.delete(uri);
    if (!before) return new Set();
    this.generation++;
    return before;
  }

  idLocationsElsewhere(uri: string): (id: string) => Location[] {
    return this.ids.locationsElsewhere(uri);
  }

  readText(uri: string): string | undefined {
    return this.source.readText(uri);
  }

  private harvestChanged(): void {
    this.summary = undefined;
    this.onHarvestChange();
  }

  /** The innermost folder holding `uri`. */
  private folderOf(uri: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.folders) {
      if (uri.startsWith(`${folder.uri}/`) && (!best || folder.uri.length > best.uri.length)) best = folder;
    }
    return best;
  }
}

/** The configuration lookup over URIs: `/` separates folders whatever the scheme. */
function uriConfigSource(source: FolderSource): ConfigSource {
  return {
    readText: (uri) => source.readText(uri),
    isFile: (uri) => source.isFile(uri),
    dirname(uri) {
      const slash = uri.lastIndexOf('/');
      // `scheme://authority` is as far up as a URI goes.
      return slash <= uri.indexOf('//') + 1 ? uri : uri.slice(0, slash);
    },
    join: (folder, name) => `${folder}/${encodeURIComponent(name)}`,
    relative: relativeUri,
    sep: '/',
  };
}

/** A file's path in a folder, decoded and `/`-separated as globs are written. */
export function relativeUri(folderUri: string, uri: string): string {
  return uri
    .slice(folderUri.length + 1)
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}
