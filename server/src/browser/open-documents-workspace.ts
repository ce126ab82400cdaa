import type { Location } from 'vscode-languageserver-types';
import { type FileRecord, fileRecord } from '../core/harvest/records';
import { type HarvestSummary, harvestSummary } from '../core/harvest/summary';
import type { FragmentId } from '../core/rules/duplicate-id';
import { type DiagnosticCode, Severity } from '../core/rules/rule';
import type { SeveritySetting } from '../core/schema/config';
import { type Analysis, createFragmentService, DEFAULT_MAX_SIZE, type FragmentService } from '../core/service';
import type { ServerWorkspace } from '../server-workspace';

/**
 * The workspace of the server in a web worker, which has no file system: it knows the open
 * documents only. Every file gets the default schema with the editor's settings (no
 * `.fragmentrc.json`), `duplicate-id` looks across the open files, and the harvest summary counts
 * them. Reading the folders through the client's `workspace.fs` is the next step (issue 15).
 */
export class OpenDocumentsWorkspace implements ServerWorkspace {
  generation = 0;
  onHarvestChange: () => void = () => {};
  private service: FragmentService = createFragmentService();
  private duplicateIdSeverity: number | undefined = Severity.error;
  /** FragmentIDs of each open document, from its latest text. */
  private readonly ids = new Map<string, readonly FragmentId[]>();
  private readonly analyses = new Map<string, Analysis>();
  private summary: HarvestSummary | undefined;

  setSettings(severities: Partial<Record<DiagnosticCode, SeveritySetting>>, maxSize = DEFAULT_MAX_SIZE, qualityHints = true): void {
    this.service = createFragmentService({ severities, maxSize, qualityHints });
    const duplicateId = severities['duplicate-id'];
    this.duplicateIdSeverity = duplicateId === 'off' ? undefined : Severity[duplicateId ?? 'error'];
    this.generation++;
    this.harvestChanged();
  }

  setFolders(): void {}

  serviceFor(): FragmentService {
    return this.service;
  }

  configProblems(): [] {
    return [];
  }

  /** No configuration file can be read or written here, so "Dismiss for this fragment" is not offered. */
  dismissalTargetFor(): undefined {
    return undefined;
  }

  isConfigFile(): boolean {
    return false;
  }

  reloadConfig(): void {}

  /** Only the open documents are known; "Fix All in Workspace" fixes them. */
  fragmentFiles(): Array<{ uri: string }> {
    return [...this.ids.keys()].map((uri) => ({ uri }));
  }

  recordAnalysis(uri: string, analysis: Analysis): void {
    this.analyses.set(uri, analysis);
    this.harvestChanged();
  }

  harvestSummary(): HarvestSummary {
    if (this.summary) return this.summary;
    const files: FileRecord[] = [...this.analyses].map(([uri, analysis]) =>
      fileRecord(uri, analysis.file, analysis.diagnostics, this.service.schema, this.duplicateIdSeverity),
    );
    this.summary = harvestSummary(files, this.service.schema);
    return this.summary;
  }

  isIndexed(uri: string): boolean {
    return this.ids.has(uri);
  }

  indexIds(uri: string, ids: readonly FragmentId[]): Set<string> {
    const before = new Set((this.ids.get(uri) ?? []).map((entry) => entry.id));
    this.ids.set(uri, [...ids]);
    this.generation++;
    const after = new Set(ids.map((entry) => entry.id));
    return new Set([...before, ...after].filter((id) => before.has(id) !== after.has(id)));
  }

  filesWithIds(ids: ReadonlySet<string>, except: string): string[] {
    if (ids.size === 0) return [];
    return [...this.ids].filter(([uri, entries]) => uri !== except && entries.some((entry) => ids.has(entry.id))).map(([uri]) => uri);
  }

  /** A closed document leaves the index: nothing on disk stands in for it here. */
  indexFromDisk(uri: string): Set<string> {
    return this.forget(uri);
  }

  forget(uri: string): Set<string> {
    if (this.analyses.delete(uri)) this.harvestChanged();
    const before = this.ids.get(uri);
    if (!before) return new Set();
    this.ids.delete(uri);
    this.generation++;
    return new Set(before.map((entry) => entry.id));
  }

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

  readText(): undefined {
    return undefined;
  }

  private harvestChanged(): void {
    this.summary = undefined;
    this.onHarvestChange();
  }
}
