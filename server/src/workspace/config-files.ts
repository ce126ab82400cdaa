import type { LoadedConfig } from '../core/schema/config';
import { CONFIG_FILE_NAME } from '../core/schema/config-names';
import { configPipeline } from '../core/schema/config-pipeline-loader';
import { defaultSchema } from '../core/schema/default-schema';
import { type ConfigScope, configScope, type FileSettings } from '../core/schema/file-scope';

/** A `.fragmentrc.json`, loaded. */
export interface ConfigFile {
  readonly path: string;
  /** The folder its globs are relative to. */
  readonly folder: string;
  readonly loaded: LoadedConfig;
  readonly scope: ConfigScope;
}

/**
 * Where configuration files are read, and how its paths go: the disk with the OS's paths in Node
 * (server/src/node/config-files.ts), the client's view of the folders by URI in a web worker.
 */
export interface ConfigSource {
  /** The file's text without its BOM, or undefined when it cannot be read. */
  readText(path: string): string | undefined;
  isFile(path: string): boolean;
  /** The folder a path is in. */
  dirname(path: string): string;
  join(folder: string, name: string): string;
  /** A path relative to a folder, `/`-separated, as globs are written. */
  relative(folder: string, path: string): string;
  /** What separates a folder from what it holds. */
  readonly sep: string;
  /** What a path is known by, where two spellings name one file (URIs: uri-keys.ts); the path itself without. */
  key?(path: string): string;
}

/**
 * Finds, for each file, the nearest `.fragmentrc.json` (in its folder, else the folder above,
 * and so on up to a root: the workspace folder in the editor, the folder given on the command
 * line), and answers what applies to the file. The nearest file alone applies: configurations
 * are not merged. Folders and files are looked at once, until `forget` says one changed.
 */
export class ConfigFileIndex {
  /** Per folder: the configuration file in it, or null when it has none. */
  private readonly inFolder = new Map<string, string | null>();
  private readonly loaded = new Map<string, ConfigFile>();

  constructor(private readonly source: ConfigSource) {}

  /** The configuration that applies to `path`, not looked for above `root`; undefined when there is none. */
  nearest(path: string, root: string): ConfigFile | undefined {
    const { dirname, sep } = this.source;
    const key = this.source.key ?? ((same: string) => same);
    const rootKey = key(root);
    const inRoot = (candidate: string) => {
      const candidateKey = key(candidate);
      return candidateKey === rootKey || candidateKey.startsWith(rootKey.endsWith(sep) ? rootKey : rootKey + sep);
    };
    if (!inRoot(path)) return undefined;
    for (let folder = dirname(path); ; folder = dirname(folder)) {
      const config = this.configIn(folder);
      if (config) return config;
      if (key(folder) === rootKey || dirname(folder) === folder || !inRoot(folder)) return undefined;
    }
  }

  /** Whether `path` is part of the harvest under its nearest configuration (all files are when there is none). */
  isIncluded(path: string, root: string): boolean {
    const config = this.nearest(path, root);
    return !config || config.scope.isIncluded(this.source.relative(config.folder, path));
  }

  /** The schema and severities for `path`, with the configuration file they come from; undefined without one. */
  settingsFor(path: string, root: string): (FileSettings & { configPath: string; broken: boolean }) | undefined {
    const config = this.nearest(path, root);
    if (!config) return undefined;
    return {
      ...config.scope.settingsFor(this.source.relative(config.folder, path)),
      configPath: config.path,
      broken: config.loaded.problems.length > 0,
    };
  }

  /** The configuration in a folder, loading it the first time. */
  configIn(folder: string): ConfigFile | undefined {
    const folderKey = this.keyOf(folder);
    let path = this.inFolder.get(folderKey);
    if (path === undefined) {
      const candidate = this.source.join(folder, CONFIG_FILE_NAME);
      path = this.source.isFile(candidate) ? candidate : null;
      this.inFolder.set(folderKey, path);
    }
    if (path === null) return undefined;
    const pathKey = this.keyOf(path);
    let config = this.loaded.get(pathKey);
    if (!config) {
      const text = this.source.readText(path);
      // Read only when a folder has one: the pipeline (zod, jsonc-parser) is loaded then.
      const loaded = configPipeline().loadConfig(text ?? '{}', defaultSchema);
      config = { path, folder, loaded, scope: configScope(loaded) };
      this.loaded.set(pathKey, config);
    }
    return config;
  }

  /** The configuration files loaded so far. */
  all(): ConfigFile[] {
    return [...this.loaded.values()];
  }

  /** A configuration file was created, changed or deleted: it is looked at again when next needed. */
  forget(path: string): void {
    this.inFolder.delete(this.keyOf(this.source.dirname(path)));
    this.loaded.delete(this.keyOf(path));
  }

  private keyOf(path: string): string {
    return this.source.key ? this.source.key(path) : path;
  }

  clear(): void {
    this.inFolder.clear();
    this.loaded.clear();
  }
}
