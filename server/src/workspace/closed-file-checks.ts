import type { Location } from 'vscode-languageserver-types';
import type { Analysis, FragmentService } from '../core/service';

/**
 * Each closed file's check from when it was indexed, by the service that made it. In workspace
 * mode the file is published from here once every file's IDs are known: only its duplicate-id is
 * made again, instead of checking the whole file a second time. Files are known by their key (uri-keys.ts). Runtime-neutral.
 */
export class ClosedFileChecks {
  private readonly checks = new Map<string, { service: FragmentService; diagnostics: Analysis['diagnostics']; ids: Analysis['ids'] }>();

  keep(key: string, service: FragmentService, analysis: Analysis): void {
    this.checks.set(key, { service, diagnostics: analysis.diagnostics, ids: analysis.ids });
  }

  /** The kept check's diagnostics with duplicate-id brought up to date; undefined when none was kept by `service` (the file's configuration changed since). */
  diagnostics(key: string, uri: string, service: FragmentService, idLocationsElsewhere: (id: string) => Location[]): Analysis['diagnostics'] | undefined {
    const checked = this.checks.get(key);
    if (!checked || checked.service !== service) return undefined;
    return service.withDuplicatesElsewhere(checked, uri, idLocationsElsewhere);
  }

  delete(key: string): void {
    this.checks.delete(key);
  }

  clear(): void {
    this.checks.clear();
  }
}
