import picomatch from 'picomatch/posix';
import type { DiagnosticCode } from '../rules/rule';
import type { LoadedConfig } from './config';
import type { SeveritySetting } from './config-names';
import { configPipeline } from './config-pipeline-loader';
import { portableGlob } from './portable-glob';
import type { FragmentSchema } from './schema-types';

/** What applies to one file under a configuration: its schema and severities, and a key naming that combination. */
export interface FileSettings {
  /** The same for files with the same overrides: services can be shared by it. */
  readonly key: string;
  readonly schema: FragmentSchema;
  readonly severities: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** Codes dismissed for a fragment, by FragmentID: the whole configuration's, whatever the overrides. */
  readonly ignore: Readonly<Record<string, readonly DiagnosticCode[]>>;
}

export interface ConfigScope {
  /** Whether a file (its path relative to the configuration's folder, `/`-separated) is part of the harvest. */
  isIncluded(relativePath: string): boolean;
  settingsFor(relativePath: string): FileSettings;
}

/**
 * The `include`, `exclude` and `overrides` of a loaded configuration, as questions about one
 * file. Globs match the path relative to the configuration's folder, or one of its folders (so
 * `archive` stands for everything under it); `\` separates folders as `/` does (portableGlob).
 * Pure: picomatch's POSIX build runs anywhere.
 */
export function configScope(config: LoadedConfig): ConfigScope {
  const include = matcher(config.include ?? []);
  const exclude = matcher(config.exclude ?? []);
  const overrides = (config.overrides ?? []).map((override) => ({ matches: matcher(override.files), change: override.change }));
  const combined = new Map<string, FileSettings>();
  const base: FileSettings = { key: '', schema: config.schema, severities: config.severities, ignore: config.ignore };
  return {
    isIncluded: (relativePath) => ((config.include ?? []).length === 0 || include(relativePath)) && !exclude(relativePath),
    settingsFor(relativePath) {
      const applying = overrides.flatMap((override, index) => (override.matches(relativePath) ? [index] : []));
      if (applying.length === 0) return base;
      const key = applying.join(',');
      let settings = combined.get(key);
      if (!settings) {
        let schema = config.schema;
        let severities = config.severities;
        for (const index of applying) {
          const { change } = overrides[index] as (typeof overrides)[number];
          // Each override was checked alone when loaded; two that clash together leave the schema before them.
          const applied = configPipeline().applyConfig(schema, change, () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }));
          if (applied.problems.length === 0) schema = applied.schema;
          severities = { ...severities, ...change.severities };
        }
        settings = { key, schema, severities, ignore: config.ignore };
        combined.set(key, settings);
      }
      return settings;
    },
  };
}

/** Whether a path, or one of the folders it lies in, matches one of the globs. */
function matcher(globs: readonly string[]): (relativePath: string) => boolean {
  if (globs.length === 0) return () => false;
  const matches = picomatch(
    globs.map((glob) => portableGlob(glob).replace(/^\.\//, '').replace(/\/$/, '')),
    { dot: true },
  );
  return (relativePath) => {
    if (matches(relativePath)) return true;
    for (let slash = relativePath.lastIndexOf('/'); slash > 0; slash = relativePath.lastIndexOf('/', slash - 1)) {
      if (matches(relativePath.slice(0, slash))) return true;
    }
    return false;
  };
}

/** Whether a `/`-separated path, or one of the folders it lies in, matches one of the globs (`files.exclude` too). */
export const pathMatcher = matcher;
