import { readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Location } from 'vscode-languageserver-types';
import { ClosedFileChecks } from './closed-file-checks';
import { type FileRecord, fileRecord } from './core/harvest/records';
import { type HarvestSummary, harvestSummary } from './core/harvest/summary';
import type { FragmentId } from './core/rules/duplicate-id';
import { type DiagnosticCode, Severity } from './core/rules/rule';
import type { ConfigProblem } from './core/schema/config';
import { CONFIG_FILE_NAME, type SeveritySetting } from './core/schema/config-names';
import { defaultSchema } from './core/schema/default-schema';
import { type Analysis, createFragmentService, DEFAULT_MAX_SIZE, type FragmentService } from './core/service';
import { FragmentIdIndex } from './fragment-id-index';
import { ConfigFiles } from './node/config-files';
import { fragmentFilesIn, globToRegExp, isFragmentFile } from './node/fragment-files';
import type { FolderSettings, ServerWorkspace } from './server-workspace';

interface Folder {
  readonly uri: string;
  readonly path: string;
  excluded: (path: string) => boolean;
}

/** The service that checks a file, and what the harvest summary needs to know of its settings. */
interface FileService {
  readonly service: FragmentService;
  /** LSP severity of `duplicate-id`, undefined when off. */
  readonly duplicateIdSeverity: number | undefined;
}

/**
 * The workspace as the server knows it: the configuration of each file (the nearest
 * `.fragmentrc.json` up to its workspace folder, with the editor's severity settings on top), an
 * index of the FragmentIDs of every fragment file, so that `duplicate-id` can look across files,
 * and the records of the harvest's files for its summary. Reads the disk; the core never does.
 */
export class FragmentWorkspace implements ServerWorkspace {
  private folders: Folder[] = [];
  private defaultService: FragmentService;
  private readonly configFiles = new ConfigFiles();
  /** Every configuration file seen, so that a deleted one's problems are cleared. */
  private readonly knownConfigs = new Set<string>();
  private readonly services = new Map<string, FileService>();
  private readonly servicesByUri = new Map<string, FileService>();
  /** FragmentIDs by file URI: from the editor's text for open files, from disk for the others. */
  private readonly ids = new FragmentIdIndex();
  /** The harvest's files for the summary: records from disk, or an open document's latest analysis (made into a record when asked). */
  private readonly records = new Map<string, FileRecord | { analysis: Analysis; record?: FileRecord }>();
  /** Each closed file's check from when it was indexed: published from there in workspace mode. */
  private readonly checkedOnDisk = new ClosedFileChecks();
  /** Called when a record of the harvest came, changed or went. */
  onHarvestChange: () => void = () => {};
  /** The last summary, until a record changes: the view and the dashboard both ask after each change. */
  private summary: HarvestSummary | undefined;
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
    // The disk holds `file:` folders only; others (a virtual workspace) are the client's to read.
    this.folders = folders
      .filter((folder) => folder.uri.startsWith('file:'))
      .map(({ uri, settings }) => {
        const path = fileURLToPath(uri);
        return { uri, path, excluded: excluder(path, settings.exclude) };
      });
    this.configFiles.clear();
    this.reindex();
  }

  /** Forgets every file's configuration and index entry, and indexes the harvest's files again. */
  private reindex(): void {
    this.services.clear();
    this.servicesByUri.clear();
    // Each folder's own configuration is read even before a file needs it: its problems are shown at once.
    for (const folder of this.folders) this.configFiles.configIn(folder.path);
    this.ids.clear();
    this.records.clear();
    this.checkedOnDisk.clear();
    for (const file of this.fragmentFiles()) this.indexFromDisk(file.uri, file.path);
    for (const config of this.configFiles.all()) this.knownConfigs.add(config.path);
    this.generation++;
    this.harvestChanged();
  }

  /** The editor's settings: severities, the size above which a file is not checked, and whether quality hints are shown. */
  setSettings(severities: Partial<Record<DiagnosticCode, SeveritySetting>>, maxSize: number, qualityHints = true): void {
    this.settingsSeverities = severities;
    this.maxSize = maxSize;
    this.qualityHints = qualityHints;
    this.defaultService = createFragmentService({ severities, maxSize, qualityHints });
    this.services.clear();
    this.servicesByUri.clear();
    this.generation++;
  }

  serviceFor(uri: string): FragmentService {
    return this.fileService(uri).service;
  }

  /** The service for a file: the default one, or the one its nearest configuration (and its overrides) make. */
  private fileService(uri: string, path = pathOf(uri)): FileService {
    const known = this.servicesByUri.get(uri);
    if (known) return known;
    const folder = path === undefined ? undefined : this.folderOfPath(path);
    const settings = folder && path !== undefined ? this.configFiles.settingsFor(path, folder.path) : undefined;
    const key = settings ? `${settings.configPath}\n${settings.key}` : '';
    let fileService = this.services.get(key);
    if (!fileService) {
      // The editor's settings are the writer's own choice: they win over the team's file.
      const severities = { ...settings?.severities, ...this.settingsSeverities };
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

  /** The configuration files and their problems (empty when a file is fine or absent). */
  configProblems(): Array<{ uri: string; problems: readonly ConfigProblem[] }> {
    const loaded = new Map(this.configFiles.all().map((config) => [config.path, config.loaded.problems]));
    return [...this.knownConfigs].map((path) => ({ uri: pathToFileURL(path).toString(), problems: loaded.get(path) ?? [] }));
  }

  /**
   * Where "Dismiss for this fragment" records a hint of the file `uri`: the configuration its
   * folder uses, as it is on disk now (undefined text when there is none yet). None outside the folders.
   */
  dismissalTargetFor(uri: string): { uri: string; text: string | undefined } | undefined {
    const folder = this.folderOf(uri);
    if (!folder) return undefined;
    // The configuration the file uses (the nearest one), else a new one at the folder's root.
    const nearest = this.configFiles.nearest(fileURLToPath(uri), folder.path);
    const configUri = pathToFileURL(nearest?.path ?? join(folder.path, CONFIG_FILE_NAME)).toString();
    return { uri: configUri, text: readText(configUri) };
  }

  isConfigFile(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    return basename(fileURLToPath(uri)) === CONFIG_FILE_NAME && this.folderOf(uri) !== undefined;
  }

  /** Re-reads a configuration after its file changed (or came, or went), and the harvest it shapes. */
  reloadConfig(uri: string): void {
    const path = fileURLToPath(uri);
    this.configFiles.forget(path);
    this.knownConfigs.add(path);
    this.reindex();
  }

  /** The harvest's fragment files in the workspace folders: minus those `files.exclude` hides and those their configuration leaves out. */
  fragmentFiles(): Array<{ uri: string; path: string }> {
    return this.folders.flatMap((folder) =>
      fragmentFilesIn(folder.path, folder.excluded)
        .filter((path) => this.configFiles.isIncluded(path, folder.path))
        .map((path) => ({ uri: pathToFileURL(path).toString(), path })),
    );
  }

  /** Whether a file is one of the harvest's: in a workspace folder, neither hidden nor left out by its configuration. */
  isHarvestFile(uri: string): boolean {
    const path = pathOf(uri);
    return path !== undefined && this.isHarvestPath(path);
  }

  private isHarvestPath(path: string): boolean {
    const folder = this.folderOfPath(path);
    return folder !== undefined && !folder.excluded(path) && this.configFiles.isIncluded(path, folder.path);
  }

  /** Keeps an open document's latest analysis for the summary (made into a record only when the summary is asked for). */
  recordAnalysis(uri: string, analysis: Analysis): void {
    if (!this.isHarvestFile(uri)) return;
    this.records.set(uri, { analysis });
    this.harvestChanged();
  }

  private harvestChanged(): void {
    this.summary = undefined;
    this.onHarvestChange();
  }

  /** The harvest summed up, from the records of its files (the first folder's schema orders the groups). */
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
    const first = this.folders[0];
    const schema = first ? (this.configFiles.configIn(first.path)?.loaded.schema ?? defaultSchema) : defaultSchema;
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

  /** Records the FragmentIDs of a file's latest text; returns the IDs that came or went. */
  indexIds(uri: string, ids: readonly FragmentId[]): Set<string> {
    const { changed, ids: cameOrWent } = this.ids.set(uri, ids);
    if (changed) this.generation++;
    return cameOrWent;
  }

  /** The files (other than `except`) that hold one of `ids`: their duplicate-id diagnostics may have changed. */
  filesWithIds(ids: ReadonlySet<string>, except: string): string[] {
    return this.ids.filesWithIds(ids, except);
  }

  /** Re-reads a file from disk (after it changed there, or was closed); returns the IDs that came or went. */
  indexFromDisk(uri: string, path = pathOf(uri)): Set<string> {
    const text = path === undefined ? undefined : readPath(path);
    // Only the harvest's fragment files stand in the index when closed.
    if (path === undefined || text === undefined || text.length > this.maxSize || !this.isHarvestPath(path) || !isFragmentFile(path)) return this.forget(uri);
    // Checked as a whole here, once: the summary counts the problems of files nobody opened.
    const service = this.fileService(uri, path).service;
    const analysis = service.analyze(text, uri, { remember: false, keepParse: true });
    this.checkedOnDisk.keep(uri, service, analysis);
    this.records.set(uri, this.recordOf(uri, analysis));
    this.harvestChanged();
    return this.indexIds(uri, analysis.ids);
  }

  readText(uri: string): string | undefined {
    return readText(uri);
  }

  /** A closed file's diagnostics from its check when indexed, duplicate-id brought up to date; undefined when there is none to trust. */
  diagnosticsOnDisk(uri: string): Analysis['diagnostics'] | undefined {
    return this.checkedOnDisk.diagnostics(uri, this.serviceFor(uri), this.idLocationsElsewhere(uri));
  }

  /** Drops a file from the index (deleted, or no longer a fragment file); returns its IDs. */
  forget(uri: string): Set<string> {
    this.checkedOnDisk.delete(uri);
    if (this.records.delete(uri)) this.harvestChanged();
    const before = this.ids.delete(uri);
    if (!before) return new Set();
    this.generation++;
    return before;
  }

  /** Where else a FragmentID is used, for the `duplicate-id` check of the file `uri`. */
  idLocationsElsewhere(uri: string): (id: string) => Location[] {
    return this.ids.locationsElsewhere(uri);
  }

  private folderOf(uri: string): Folder | undefined {
    const path = pathOf(uri);
    return path === undefined ? undefined : this.folderOfPath(path);
  }

  private folderOfPath(path: string): Folder | undefined {
    return this.folders.filter((folder) => path === folder.path || path.startsWith(folder.path + sep)).sort((a, b) => b.path.length - a.path.length)[0];
  }
}

/** A `file:` URI's path; undefined for untitled and other schemes, which belong to no folder. */
function pathOf(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
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
  const path = pathOf(uri);
  return path === undefined ? undefined : readPath(path);
}

function readPath(path: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}
