import type { Location } from 'vscode-languageserver-types';
import type { HarvestSummary } from './core/harvest/summary';
import type { FragmentId } from './core/rules/duplicate-id';
import type { DiagnosticCode } from './core/rules/rule';
import type { ConfigProblem, SeveritySetting } from './core/schema/config';
import type { Analysis, FragmentService } from './core/service';

export interface FolderSettings {
  /** `files.exclude` of the folder: glob to on/off. */
  readonly exclude: Record<string, boolean>;
}

/**
 * What the server knows beyond the open documents, in a runtime: the configuration of each file,
 * the index of FragmentIDs across files (for `duplicate-id`), and the harvest's records for its
 * summary. On Node, `FragmentWorkspace` reads the folders from disk; in a web worker,
 * `FolderWorkspace` reads the client's view of them (server/src/browser/).
 */
export interface ServerWorkspace {
  /** Grows with every change that can change a check's result; analyses cached under an older one are stale. */
  readonly generation: number;
  /** Called when a record of the harvest came, changed or went. */
  onHarvestChange: () => void;
  setSettings(severities: Partial<Record<DiagnosticCode, SeveritySetting>>, maxSize: number, qualityHints?: boolean): void;
  /**
   * Reads the folders before `setFolders` takes them, where the runtime cannot read them
   * synchronously (the web worker asks its client); absent where it can (Node's disk).
   */
  loadFolders?(folders: ReadonlyArray<{ uri: string; settings: FolderSettings }>, maxFileSize: number): Promise<void>;
  setFolders(folders: ReadonlyArray<{ uri: string; settings: FolderSettings }>): void;
  serviceFor(uri: string): FragmentService;
  configProblems(): Array<{ uri: string; problems: readonly ConfigProblem[] }>;
  dismissalTargetFor(uri: string): { uri: string; text: string | undefined } | undefined;
  isConfigFile(uri: string): boolean;
  reloadConfig(uri: string): void;
  fragmentFiles(): Array<{ uri: string }>;
  recordAnalysis(uri: string, analysis: Analysis): void;
  harvestSummary(): HarvestSummary;
  isIndexed(uri: string): boolean;
  indexIds(uri: string, ids: readonly FragmentId[]): Set<string>;
  filesWithIds(ids: ReadonlySet<string>, except: string): string[];
  indexFromDisk(uri: string): Set<string>;
  forget(uri: string): Set<string>;
  idLocationsElsewhere(uri: string): (id: string) => Location[];
  /** A closed file's diagnostics kept from when it was indexed (duplicate-id brought up to date), so that it is not checked twice; undefined to check it. */
  diagnosticsOnDisk(uri: string): Analysis['diagnostics'] | undefined;
  /** A closed file's text (without its BOM), or undefined when this runtime cannot read it. */
  readText(uri: string): string | undefined;
}
