import { type DiagnosticCode, Severity } from '../core/rules/rule';
import type { SeveritySetting } from '../core/schema/config-names';
import { createFragmentService, DEFAULT_MAX_SIZE, type FragmentService } from '../core/service';
import type { ConfigFileIndex } from './config-files';

/** The service that checks a file, and what the harvest summary needs to know of its settings. */
export interface FileService {
  readonly service: FragmentService;
  /** LSP severity of `duplicate-id`, undefined when off. */
  readonly duplicateIdSeverity: number | undefined;
}

/**
 * The service of each file: the default one, or the one its nearest `.fragmentrc.json` (and its
 * overrides) make, with the editor's settings on top; one per configuration and override, kept
 * until the settings or the configurations change.
 */
export class FileServices {
  private defaultService: FragmentService = createFragmentService();
  private readonly byConfiguration = new Map<string, FileService>();
  private readonly byFile = new Map<string, FileService>();
  private severities: Partial<Record<DiagnosticCode, SeveritySetting>> = {};
  private qualityHints = true;
  /** Characters above which a file is not checked. */
  maxSize = DEFAULT_MAX_SIZE;

  constructor(private readonly configFiles: ConfigFileIndex) {}

  setSettings(severities: Partial<Record<DiagnosticCode, SeveritySetting>>, maxSize: number, qualityHints: boolean): void {
    this.severities = severities;
    this.maxSize = maxSize;
    this.qualityHints = qualityHints;
    this.defaultService = createFragmentService({ severities, maxSize, qualityHints });
    this.clear();
  }

  clear(): void {
    this.byConfiguration.clear();
    this.byFile.clear();
  }

  /** The service of the file keyed `key`; `inFolder` when it is in a workspace folder (its URI as spelt there, and the folder's). */
  of(key: string, inFolder: { uri: string; folderUri: string } | undefined): FileService {
    const known = this.byFile.get(key);
    if (known) return known;
    const settings = inFolder ? this.configFiles.settingsFor(inFolder.uri, inFolder.folderUri) : undefined;
    const configurationKey = settings ? `${settings.configPath}\n${settings.key}` : '';
    let fileService = this.byConfiguration.get(configurationKey);
    if (!fileService) {
      // The editor's settings are the writer's own choice: they win over the team's file.
      const severities = { ...settings?.severities, ...this.severities };
      const service = settings
        ? createFragmentService({ schema: settings.schema, severities, maxSize: this.maxSize, qualityHints: this.qualityHints, ignore: settings.ignore })
        : this.defaultService;
      const duplicateId = severities['duplicate-id'];
      fileService = { service, duplicateIdSeverity: duplicateId === 'off' ? undefined : Severity[duplicateId ?? 'error'] };
      this.byConfiguration.set(configurationKey, fileService);
    }
    this.byFile.set(key, fileService);
    return fileService;
  }
}
