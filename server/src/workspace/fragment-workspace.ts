import type { Location } from 'vscode-languageserver-types';
import { type FileRecord, fileRecord } from '../core/harvest/records';
import { type HarvestSummary, harvestSummary } from '../core/harvest/summary';
import type { FragmentId } from '../core/rules/duplicate-id';
import type { DiagnosticCode } from '../core/rules/rule';
import type { ConfigProblem } from '../core/schema/config';
import { CONFIG_FILE_NAME, type SeveritySetting } from '../core/schema/config-names';
import { defaultSchema } from '../core/schema/default-schema';
import { pathMatcher } from '../core/schema/file-scope';
import { type Analysis, DEFAULT_MAX_SIZE, type FragmentService } from '../core/service';
import { FRAGMENT_FIRST_LINE } from '../core/text/first-line';
import { ClosedFileChecks } from './closed-file-checks';
import { ConfigFileIndex } from './config-files';
import { type FileService, FileServices } from './file-services';
import { mayBeFragmentFile, type WorkspaceFileSystem } from './file-system';
import { FragmentIdIndex } from './fragment-id-index';
import { uriConfigSource } from './uri-config-source';
import { UriKeys, uriPath, vscodeSpelling } from './uri-keys';

export interface FolderSettings {
  /** `files.exclude` of the folder: glob to on/off. */
  readonly exclude: Record<string, boolean>;
}

interface Folder {
  /** As VS Code writes it, without a trailing `/`. */
  readonly uri: string;
  readonly key: string;
  /** Its decoded path, for the paths of its files relative to it. */
  readonly path: string;
  /** Whether `files.exclude` hides a file or folder of it, by its path relative to the folder. */
  readonly excluded: (relativePath: string) => boolean;
}

/**
 * The workspace as the server knows it, in every runtime, over a `WorkspaceFileSystem`: the
 * configuration of each file (the nearest `.fragmentrc.json` up to its workspace folder, with the
 * editor's severities on top), the FragmentIDs of every fragment file for `duplicate-id` across
 * files, and the harvest's records for its summary. Every URI that comes in is known by its key
 * (uri-keys.ts), so a file has one entry however the client or the disk spelt it; files are read
 * as VS Code spells them under their folder, and named back as the client named them.
 */
export class FragmentWorkspace {
  /** Grows with every change that can change a check's result; analyses cached under an older one are stale. */
  generation = 0;
  /** Called when a record of the harvest came, changed or went. */
  onHarvestChange: () => void = () => {};
  private folders: Folder[] = [];
  private readonly keys: UriKeys;
  private readonly configFiles: ConfigFileIndex;
  /** Every configuration file seen (its URI by its key), so that a deleted one's problems are cleared. */
  private readonly knownConfigs = new Map<string, string>();
  private readonly services: FileServices;
  private readonly ids = new FragmentIdIndex();
  /** The harvest's files by key: records of closed files, or an open document's latest analysis (made into a record when asked). */
  private readonly records = new Map<string, FileRecord | { uri: string; analysis: Analysis; record?: FileRecord }>();
  /** Each closed file's check from when it was indexed: published from there in workspace mode. */
  private readonly checkedOnDisk = new ClosedFileChecks();
  /** The last summary, until a record changes: the view and the dashboard both ask after each change. */
  private summary: HarvestSummary | undefined;

  /** `ignoreCase` where the disk ignores it (Windows, macOS). */
  constructor(
    private readonly files: WorkspaceFileSystem,
    options: { ignoreCase?: boolean } = {},
  ) {
    this.keys = new UriKeys(options.ignoreCase === true);
    this.configFiles = new ConfigFileIndex(uriConfigSource(files, (uri) => this.keys.key(uri)));
    this.services = new FileServices(this.configFiles);
  }

  /** A file's key: the same for every spelling of its URI. */
  keyOf(uri: string): string {
    return this.keys.key(uri);
  }

  /** The editor's settings: severities, the size above which a file is not checked, and whether quality hints are shown. */
  setSettings(severities: Partial<Record<DiagnosticCode, SeveritySetting>>, maxSize = DEFAULT_MAX_SIZE, qualityHints = true): void {
    this.services.setSettings(severities, maxSize, qualityHints);
    this.generation++;
  }

  /** Reads the folders before `setFolders` takes them, where the runtime cannot read them synchronously. */
  async loadFolders(folders: ReadonlyArray<{ uri: string }>, maxFileSize: number): Promise<void> {
    await this.files.load?.(
      folders.map((folder) => folder.uri),
      maxFileSize,
    );
  }

  /** Takes the folders this runtime can read: their configuration and fragment files are read at once. */
  setFolders(folders: ReadonlyArray<{ uri: string; settings: FolderSettings }>): void {
    this.keys.clear();
    this.folders = folders
      .filter((folder) => this.files.reads(folder.uri))
      .map(({ uri, settings }) => {
        const spelt = vscodeSpelling(uri).replace(/\/+$/, '');
        const hidden = pathMatcher(Object.keys(settings.exclude).filter((glob) => settings.exclude[glob] === true));
        return { uri: spelt, key: this.keys.key(spelt), path: uriPath(spelt).replace(/\/+$/, ''), excluded: hidden };
      });
    this.configFiles.clear();
    this.reindex();
  }

  /** Forgets every file's configuration and index entry, and indexes the harvest's files again. */
  private reindex(): void {
    this.services.clear();
    // Each folder's own configuration is read even before a file needs it: its problems are shown at once.
    for (const folder of this.folders) this.configFiles.configIn(folder.uri);
    this.ids.clear();
    this.records.clear();
    this.checkedOnDisk.clear();
    for (const file of this.fragmentFiles()) this.indexFromDisk(file.uri);
    for (const config of this.configFiles.all()) this.knownConfigs.set(this.keys.key(config.path), config.path);
    this.generation++;
    this.harvestChanged();
  }

  serviceFor(uri: string): FragmentService {
    return this.fileService(uri).service;
  }

  private fileService(uri: string): FileService {
    const folder = this.folderOf(uri);
    return this.services.of(this.keys.key(uri), folder && { uri: this.inFolder(uri, folder), folderUri: folder.uri });
  }

  /** The configuration files and their problems (empty when a file is fine or absent). */
  configProblems(): Array<{ uri: string; problems: readonly ConfigProblem[] }> {
    const loaded = new Map(this.configFiles.all().map((config) => [this.keys.key(config.path), config.loaded.problems]));
    return [...this.knownConfigs].map(([key, uri]) => ({ uri, problems: loaded.get(key) ?? [] }));
  }

  /** Where "Dismiss for this fragment" records a hint: the configuration the file uses as it is now (undefined text when there is none yet), else a new one at its folder's root. */
  dismissalTargetFor(uri: string): { uri: string; text: string | undefined } | undefined {
    const folder = this.folderOf(uri);
    if (!folder) return undefined;
    const configUri = this.configFiles.nearest(this.inFolder(uri, folder), folder.uri)?.path ?? `${folder.uri}/${CONFIG_FILE_NAME}`;
    return { uri: configUri, text: this.files.readText(configUri) };
  }

  isConfigFile(uri: string): boolean {
    return this.keys.path(uri).endsWith(`/${CONFIG_FILE_NAME}`) && this.folderOf(uri) !== undefined;
  }

  /** Re-reads a configuration after its file changed (or came, or went), and the harvest it shapes. */
  reloadConfig(uri: string): void {
    const folder = this.folderOf(uri);
    const spelt = folder ? this.inFolder(uri, folder) : this.keys.spelling(uri);
    this.configFiles.forget(spelt);
    this.knownConfigs.set(this.keys.key(spelt), spelt);
    this.reindex();
  }

  /** Every FragmentID of the harvest, open files' unsaved ones included: what a new fragment's ID follows. */
  fragmentIds(): string[] {
    return this.ids.allIds();
  }

  /** The indexed files under a folder (a folder deleted or renamed: VS Code reports the folder alone). */
  indexedUnder(folderUri: string): string[] {
    return this.ids.urisUnder(`${this.keys.key(folderUri)}/`);
  }

  /** The harvest's fragment files (minus those `files.exclude` hides and those their configuration leaves out), each named as last indexed. */
  fragmentFiles(): Array<{ uri: string }> {
    return this.folders.flatMap((folder) =>
      this.files
        .filesUnder(folder.uri, (uri) => folder.excluded(this.relativePath(uri, folder)))
        .filter((uri) => this.configFiles.isIncluded(uri, folder.uri) && this.isFragmentFile(uri))
        .map((uri) => ({ uri: this.ids.uriOf(this.keys.key(uri)) ?? uri })),
    );
  }

  /** Whether a file is one of the harvest's: in a workspace folder, neither hidden nor left out by its configuration. */
  private isHarvestFile(uri: string): boolean {
    const folder = this.folderOf(uri);
    if (!folder) return false;
    const spelt = this.inFolder(uri, folder);
    return !folder.excluded(this.relativePath(spelt, folder)) && this.configFiles.isIncluded(spelt, folder.uri);
  }

  /** `*.fragment`, or a `.txt` whose first line is a FragmentID line. */
  private isFragmentFile(uri: string, text?: string): boolean {
    const path = this.keys.path(uri);
    if (!mayBeFragmentFile(path)) return false;
    return path.endsWith('.fragment') || FRAGMENT_FIRST_LINE.test(text ?? this.files.readHead(uri) ?? '');
  }

  /** Keeps an open document's latest analysis for the summary (made into a record only when the summary is asked for). */
  recordAnalysis(uri: string, analysis: Analysis): void {
    if (!this.isHarvestFile(uri)) return;
    this.records.set(this.keys.key(uri), { uri, analysis });
    this.harvestChanged();
  }

  /** The harvest summed up, from the records of its files (the first folder's schema orders the groups). */
  harvestSummary(): HarvestSummary {
    if (this.summary) return this.summary;
    const files = [...this.records.values()].map((entry) => this.recordOf(entry));
    const first = this.folders[0];
    const schema = first ? (this.configFiles.configIn(first.uri)?.loaded.schema ?? defaultSchema) : defaultSchema;
    this.summary = harvestSummary(files, schema);
    return this.summary;
  }

  /** A file's record: a closed file's as kept, an open document's made from its analysis once asked for, and kept until it changes. */
  private recordOf(entry: FileRecord | { uri: string; analysis: Analysis; record?: FileRecord }): FileRecord {
    if ('fragments' in entry) return entry;
    const { service, duplicateIdSeverity } = this.fileService(entry.uri);
    entry.record ??= fileRecord(entry.uri, entry.analysis.file, entry.analysis.diagnostics, service.schema, duplicateIdSeverity);
    return entry.record;
  }

  isIndexed(uri: string): boolean {
    return this.ids.has(this.keys.key(uri));
  }

  /** Records the FragmentIDs of a file's latest text, under the URI given (the client's, for an open document); returns the IDs that came or went. */
  indexIds(uri: string, ids: readonly FragmentId[]): Set<string> {
    const { changed, ids: cameOrWent } = this.ids.set(this.keys.key(uri), uri, ids);
    if (changed) this.generation++;
    return cameOrWent;
  }

  /** The files (other than `except`) that hold one of `ids`: their duplicate-id diagnostics may have changed. */
  filesWithIds(ids: ReadonlySet<string>, except: string): string[] {
    return this.ids.filesWithIds(ids, this.keys.key(except));
  }

  /** Reads a closed file again (after it changed, or was closed); returns the IDs that came or went. Named in the index as `uri` names it. */
  indexFromDisk(uri: string): Set<string> {
    const folder = this.folderOf(uri);
    const spelt = folder ? this.inFolder(uri, folder) : uri;
    const text = folder ? this.files.readText(spelt) : undefined;
    // Only the harvest's fragment files stand in the index when closed.
    if (text === undefined || text.length > this.services.maxSize || !this.isHarvestFile(spelt) || !this.isFragmentFile(spelt, text)) return this.forget(uri);
    // Checked as a whole here, once: the summary counts the problems of files nobody opened.
    const service = this.serviceFor(uri);
    const analysis = service.analyze(text, uri, { remember: false, keepParse: true });
    const key = this.keys.key(uri);
    this.checkedOnDisk.keep(key, service, analysis);
    this.records.set(key, this.recordOf({ uri, analysis }));
    this.harvestChanged();
    return this.indexIds(uri, analysis.ids);
  }

  /** A closed file's diagnostics from its check when indexed, duplicate-id brought up to date; undefined when there is none to trust. */
  diagnosticsOnDisk(uri: string): Analysis['diagnostics'] | undefined {
    return this.checkedOnDisk.diagnostics(this.keys.key(uri), uri, this.serviceFor(uri), this.idLocationsElsewhere(uri));
  }

  /** Drops a file from the index (deleted, or no longer a fragment file); returns its IDs. */
  forget(uri: string): Set<string> {
    const key = this.keys.key(uri);
    this.checkedOnDisk.delete(key);
    if (this.records.delete(key)) this.harvestChanged();
    const before = this.ids.delete(key);
    if (!before) return new Set();
    this.generation++;
    return before;
  }

  /** Where else a FragmentID is used, for the `duplicate-id` check of the file `uri`. */
  idLocationsElsewhere(uri: string): (id: string) => Location[] {
    return this.ids.locationsElsewhere(this.keys.key(uri));
  }

  /** A closed file's text (without its BOM), or undefined when it is in no folder this runtime reads, or cannot be read. */
  readText(uri: string): string | undefined {
    const folder = this.folderOf(uri);
    return folder ? this.files.readText(this.inFolder(uri, folder)) : undefined;
  }

  private harvestChanged(): void {
    this.summary = undefined;
    this.onHarvestChange();
  }

  /** The innermost folder holding `uri`. */
  private folderOf(uri: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.folders) {
      if (this.keys.isIn(uri, folder.key) && (!best || folder.key.length > best.key.length)) best = folder;
    }
    return best;
  }

  /** A file of a folder as VS Code spells it, under the folder's own spelling (which may differ in case where the disk ignores case). */
  private inFolder(uri: string, folder: Folder): string {
    const spelt = this.keys.spelling(uri);
    return spelt.length > folder.uri.length && spelt[folder.uri.length] === '/' ? folder.uri + spelt.slice(folder.uri.length) : spelt;
  }

  /** A file's path in its folder, decoded and `/`-separated as globs are written. */
  private relativePath(uri: string, folder: Folder): string {
    return this.keys.path(uri).slice(folder.path.length + 1);
  }
}
