import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { type ConfigProblem, loadConfig } from '../core/schema/config';
import { configScope } from '../core/schema/file-scope';
import { createFragmentService, type FragmentService } from '../core/service';
import { type ConfigFile, ConfigFiles, relativePath } from './config-files';

/**
 * fragment-lint's configuration, found as the editor finds it: for each file, the nearest
 * `.fragmentrc.json` in its folder or a folder above, up to the current folder (or up to the
 * folder given, for one outside it). `--config FILE` applies one file to every file instead.
 */
export class LintConfiguration {
  private readonly configs = new ConfigFiles();
  private readonly given: ConfigFile | undefined;
  private readonly services = new Map<string, FragmentService>();

  /** Throws when the given configuration cannot be read. */
  constructor(
    private readonly cwd: string,
    configPath?: string,
    /** The quality hints of FORMAT.md §7 (`--no-quality` leaves them out). */
    private readonly qualityHints = true,
  ) {
    if (configPath === undefined) return;
    const path = resolve(cwd, configPath);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(`cannot read the configuration ${configPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const loaded = loadConfig(text.startsWith('\uFEFF') ? text.slice(1) : text);
    this.given = { path, folder: dirname(path), loaded, scope: configScope(loaded) };
  }

  /** Whether a file found in a folder or by a glob is part of the harvest (`include`, `exclude`). */
  isIncluded(path: string, searchedFrom: string): boolean {
    const config = this.configOf(path, searchedFrom);
    return !config || config.scope.isIncluded(relativePath(config.folder, path));
  }

  /** The service that checks a file: its configuration's schema and severities, overrides applied. */
  serviceFor(path: string, searchedFrom: string): FragmentService {
    const config = this.configOf(path, searchedFrom);
    const settings = config?.scope.settingsFor(relativePath(config.folder, path));
    const key = config && settings ? `${config.path}\n${settings.key}` : '';
    let service = this.services.get(key);
    if (!service) {
      // Each file is checked once: nothing to gain from remembering its chunks.
      service = createFragmentService({
        ...(settings ? { schema: settings.schema, severities: settings.severities, ignore: settings.ignore } : {}),
        qualityHints: this.qualityHints,
        reuseChunks: false,
      });
      this.services.set(key, service);
    }
    return service;
  }

  /** The problems of the configurations these files use, as `file:line:column error message` lines, relative to the current folder. */
  problems(files: ReadonlyArray<{ path: string; searchedFrom: string }>): string[] {
    const broken = new Map<string, readonly ConfigProblem[]>();
    for (const file of files) {
      const config = this.configOf(file.path, file.searchedFrom);
      if (config && config.loaded.problems.length > 0) broken.set(config.path, config.loaded.problems);
    }
    return [...broken].flatMap(([path, problems]) =>
      problems.map(
        (problem) => `${relative(this.cwd, path) || path}:${problem.range.start.line + 1}:${problem.range.start.character + 1} error ${problem.message}`,
      ),
    );
  }

  private configOf(path: string, searchedFrom: string): ConfigFile | undefined {
    if (this.given) return this.given;
    const inCwd = searchedFrom === this.cwd || searchedFrom.startsWith(this.cwd.endsWith(sep) ? this.cwd : this.cwd + sep);
    return this.configs.nearest(path, inCwd ? this.cwd : searchedFrom);
  }
}
