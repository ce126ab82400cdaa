import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import type { Location } from 'vscode-languageserver-types';
import { displayBundle, displayLanguage } from '../core/l10n/display-language';
import { duplicateIdDiagnostics, type FragmentId } from '../core/rules/duplicate-id';
import { LintConfiguration } from '../node/lint-config';
import { type Candidate, expandPaths } from './files';
import { type CliIo, UsageError } from './io';
import { type FileReport, lintFiles } from './lint-files';
import { lintOnThreads, threadsFor } from './lint-threads';
import { fixSummary, problemLine, type SeverityName, summarise, toProblem } from './problem-report';

export const LINT_USAGE = `Usage: fragment-lint [--fix [--dry-run] [--verbose]] [--format text|json] [--config FILE] [--no-quality] PATH...

Checks outcome fragment files. A PATH is a file, a folder (searched for *.fragment files and
.txt files whose first line is a **FragmentID**: line) or a glob ("harvest/**/*.txt"). All the
files of one run are one harvest: a FragmentID used by two of them is reported on both.

  --fix            apply every preferred fix in place, and say what was fixed, per code
  --dry-run        with --fix: print the changes as a unified diff and write nothing
  --verbose        with --fix: also list each fix, file by file
  --format FORMAT  text (default) or json
  --config FILE    the configuration for every file (default: for each file, the nearest
                   .fragmentrc.json in its folder or a folder above, up to the current
                   folder; without one, the SCC schema). Its include and exclude globs
                   choose the files found in folders and by globs.
  --no-quality     leave out the quality hints (outcome-is-activity, vague-change, no-when, …)
  --jobs N         check on N threads at most (default: one per core but one; 1 checks on this one)
  --locale LANG    the language of the messages (en, fr; default: LC_ALL, LC_MESSAGES or LANG,
                   else the system's display language, as on Windows)
  --version        print the version
  --help           show this help

Exit code: 0 when no file has an error, 1 when one has, 2 on bad usage.

The same program (also installed as \`fragments\`) converts workbooks, writes reports and starts outcomes:
  fragments import WORKBOOK --out DIR [--name PATTERN] [--fix] [--force]   (fragments import --help)
  fragments export DIR... --layout master|causal-map --out FILE [--include-confidential] [--include-unanonymised]
  fragments substantiate prepare|import ...                                (fragments substantiate --help)
  fragments report DIR... --out FILE.docx|FILE.md                          (fragments report --help)
  fragments new DIR... --objective CODE [--out FILE]                       (fragments new --help)`;

interface LintOptions {
  fix: boolean;
  dryRun: boolean;
  verbose: boolean;
  format: 'text' | 'json';
  config?: string;
  /** The quality hints of FORMAT.md §7 (`--no-quality` leaves them out). */
  quality: boolean;
  /** `--jobs N`: at most this many threads; absent, one per core. */
  jobs?: number;
  paths: string[];
}

/** `fragment-lint PATH...`: checks (and fixes) the files, prints their problems, returns the exit code. */
export function runLint(argv: readonly string[], io: CliIo): number | Promise<number> {
  let options: LintOptions;
  try {
    options = parseLintOptions(argv);
  } catch (error) {
    io.err(`fragment-lint: ${(error as Error).message}\n\n${LINT_USAGE}\n`);
    return 2;
  }
  if (options.paths.length === 0) {
    io.out(`${LINT_USAGE}\n`);
    return argv.includes('--help') ? 0 : 2;
  }
  let configuration: LintConfiguration;
  let files: Candidate[];
  try {
    configuration = new LintConfiguration(io.cwd, options.config, options.quality);
    files = expandPaths(options.paths, io.cwd, configuration, io.platform);
  } catch (error) {
    io.err(`fragment-lint: ${(error as Error).message}\n`);
    return 2;
  }
  const configProblems = configuration.problems(files);
  if (configProblems.length > 0) {
    io.err(`fragment-lint: the configuration has problems:\n${configProblems.join('\n')}\n`);
    return 2;
  }

  const fileOptions = { fix: options.fix, dryRun: options.dryRun, verbose: options.verbose };
  const threads = threadsFor(files.length, options.jobs);
  if (threads === 1) return printReports(lintFiles(files, io.cwd, configuration, fileOptions), options, io);
  const job = { cwd: io.cwd, config: options.config, quality: options.quality, options: fileOptions, language: displayLanguage(), bundle: displayBundle() };
  return lintOnThreads(files, threads, job, configuration).then((reports) => printReports(reports, options, io));
}

/** Prints what the files gave, in their order, with the check across files; returns the exit code. */
function printReports(reports: FileReport[], options: LintOptions, io: CliIo): number {
  const fixedByCode = new Map<string, number>();
  let changedFiles = 0;
  let hiddenInDiff = false;
  for (const file of reports) {
    for (const printed of file.printed) (printed.to === 'out' ? io.out : io.err)(printed.text);
    for (const [code, count] of file.fixed) fixedByCode.set(code, (fixedByCode.get(code) ?? 0) + count);
    if (file.changed) changedFiles++;
    if (file.hiddenInDiff) hiddenInDiff = true;
  }
  addDuplicatesAcrossFiles(reports);

  const counts: Record<SeverityName, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const problems = reports.flatMap((report) => report.problems);
  for (const problem of problems) counts[problem.severity]++;
  // A dry run's standard output is its diff: the problems the fixes would leave go beside it.
  const print = options.dryRun ? io.err : io.out;
  if (options.format === 'json') print(problems.length === 0 ? '[]\n' : `[\n${problems.map((problem) => `  ${JSON.stringify(problem)}`).join(',\n')}\n]\n`);
  else for (const problem of problems) print(`${problemLine(problem)}\n`);
  const summary = [
    summarise(counts, reports.length),
    ...(options.fix ? [fixSummary(fixedByCode, changedFiles, options.dryRun)] : []),
    ...(hiddenInDiff ? [l10n.t('The values of confidential fragments are hidden in the diff.')] : []),
  ].join(' ');
  if (options.format === 'json' || options.dryRun) io.err(`${summary}\n`);
  else io.out(`${summary}\n`);
  return counts.error > 0 ? 1 : 0;
}

/**
 * Every file of a run is one harvest (FORMAT.md §5): a FragmentID that another file uses too is
 * a duplicate-id on each, naming the other places. One map over all IDs: linear in the files.
 */
const MAX_PLACES_NAMED = 10;

function addDuplicatesAcrossFiles(reports: FileReport[]): void {
  const placesById = new Map<string, Array<{ report: FileReport; entry: FragmentId }>>();
  for (const report of reports) {
    for (const entry of report.ids) {
      const places = placesById.get(entry.id);
      if (places) places.push({ report, entry });
      else placesById.set(entry.id, [{ report, entry }]);
    }
  }
  const shownByUri = new Map(reports.map((report) => [report.uri, report.shown]));
  for (const report of reports) {
    // At most a few places are named: a file copied a thousand times must not make a report of a million lines.
    const elsewhere = (id: string): Location[] => {
      const locations: Location[] = [];
      for (const place of placesById.get(id) ?? []) {
        if (place.report === report) continue;
        locations.push({ uri: place.report.uri, range: place.entry.range });
        if (locations.length === MAX_PLACES_NAMED) break;
      }
      return locations;
    };
    if (!report.ids.some((entry) => (placesById.get(entry.id)?.length ?? 0) > 1 && elsewhere(entry.id).length > 0)) continue;
    // The file's own duplicate-id problems are made again, with the other files' places added.
    const diagnostics = duplicateIdDiagnostics(report.ids, report.uri, report.idField, elsewhere);
    const duplicates = diagnostics.map((diagnostic) =>
      toProblem(
        report.shown,
        diagnostic,
        diagnostic.message,
        (diagnostic.relatedInformation ?? []).map((related) => ({
          file: shownByUri.get(related.location.uri) ?? related.location.uri,
          line: related.location.range.start.line + 1,
          column: related.location.range.start.character + 1,
        })),
      ),
    );
    report.problems = [...report.problems.filter((problem) => problem.code !== 'duplicate-id'), ...duplicates].sort(
      (a, b) => a.line - b.line || a.column - b.column,
    );
  }
}

function parseLintOptions(argv: readonly string[]): LintOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      fix: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      config: { type: 'string' },
      help: { type: 'boolean', default: false },
      'no-quality': { type: 'boolean', default: false },
      jobs: { type: 'string' },
    },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  if (values.help) return { fix: false, dryRun: false, verbose: false, format: 'text', quality: true, paths: [] };
  const fix = values.fix ?? false;
  if (!fix && values['dry-run']) throw new UsageError('--dry-run goes with --fix: it shows what --fix would change');
  if (!fix && values.verbose) throw new UsageError('--verbose goes with --fix: it lists each fix');
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) throw new UsageError(`--jobs must be a whole number of at least 1, not "${values.jobs}"`);
  return {
    fix,
    dryRun: values['dry-run'] ?? false,
    verbose: values.verbose ?? false,
    format,
    ...(values.config !== undefined ? { config: values.config } : {}),
    quality: !values['no-quality'],
    ...(jobs !== undefined ? { jobs } : {}),
    paths: positionals,
  };
}
