import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import type { Location } from 'vscode-languageserver-types';
import { shareableMessages } from '../core/confidential-text';
import { duplicateIdDiagnostics, type FragmentId } from '../core/rules/duplicate-id';
import { LintConfiguration } from '../node/lint-config';
import { unifiedDiff } from './diff';
import { type Candidate, expandPaths, readCandidate, writeAtomically } from './files';
import { type CliIo, UsageError } from './io';
import { fileProblem, fixSummary, type Problem, problemLine, type SeverityName, summarise, toProblem } from './report';

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
  --locale LANG    the language of the messages (en, fr; default: LC_ALL, LC_MESSAGES or LANG)
  --version        print the version
  --help           show this help

Exit code: 0 when no file has an error, 1 when one has, 2 on bad usage.

The same program (also installed as \`fragments\`) converts workbooks:
  fragments import WORKBOOK --out DIR [--name PATTERN] [--fix] [--force]   (fragments import --help)
  fragments export DIR... --layout master|causal-map --out FILE [--include-confidential]`;

interface LintOptions {
  fix: boolean;
  dryRun: boolean;
  verbose: boolean;
  format: 'text' | 'json';
  config?: string;
  /** The quality hints of FORMAT.md §7 (`--no-quality` leaves them out). */
  quality: boolean;
  paths: string[];
}

/** What one file gave: its problems, and its FragmentIDs for the check across the run. */
interface FileReport {
  readonly shown: string;
  readonly uri: string;
  problems: Problem[];
  readonly ids: readonly FragmentId[];
  readonly idField: string;
}

/** `fragment-lint PATH...`: checks (and fixes) the files, prints their problems, returns the exit code. */
export function runLint(argv: readonly string[], io: CliIo): number {
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
    files = expandPaths(options.paths, io.cwd, configuration);
  } catch (error) {
    io.err(`fragment-lint: ${(error as Error).message}\n`);
    return 2;
  }
  const configProblems = configuration.problems(files);
  if (configProblems.length > 0) {
    io.err(`fragment-lint: the configuration has problems:\n${configProblems.join('\n')}\n`);
    return 2;
  }

  const reports: FileReport[] = [];
  const fixedByCode = new Map<string, number>();
  let changedFiles = 0;
  let hiddenInDiff = false;
  for (const candidate of files) {
    const shown = relative(io.cwd, candidate.path) || candidate.path;
    const read = readCandidate(candidate);
    if (read.kind === 'not-a-fragment-file') continue;
    const uri = pathToFileURL(candidate.path).toString();
    const service = configuration.serviceFor(candidate.path, candidate.searchedFrom);
    if (read.kind === 'unreadable') {
      reports.push({
        shown,
        uri,
        problems: [
          fileProblem(
            shown,
            'unreadable-file',
            l10n.t('Cannot read this file: {0}.', read.reason === 'not valid UTF-8 text' ? l10n.t('not valid UTF-8 text') : read.reason),
          ),
        ],
        ids: [],
        idField: service.schema.idField,
      });
      continue;
    }
    let text = read.content;
    const extra: Problem[] = [];
    if (options.fix) {
      const { text: fixed, fixed: changes } = service.fixAllReport(read.content, uri);
      if (fixed !== read.content) {
        for (const change of changes) fixedByCode.set(change.code, (fixedByCode.get(change.code) ?? 0) + 1);
        // In a dry run the standard output is the diff alone.
        const say = options.dryRun ? io.err : io.out;
        if (options.verbose) for (const change of changes) say(`${shown}:${change.line + 1} ${l10n.t('fixed {0}: {1}', change.code, change.message)}\n`);
        if (options.dryRun) {
          const diff = unifiedDiff(shown, read.content, fixed, service.analyze(read.content, uri).fragments, service.analyze(fixed, uri).fragments);
          io.out(diff.text);
          if (diff.hidden) hiddenInDiff = true;
          text = fixed; // what would be left is reported
          changedFiles++;
        } else {
          try {
            writeAtomically(candidate.path, read.bom + fixed);
            text = fixed;
            changedFiles++;
          } catch (error) {
            // Reported, and the file is left as it was: its problems are those of its text on disk.
            const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
            extra.push(fileProblem(shown, 'unwritable-file', l10n.t('Cannot write the fixes: {0}.', reason)));
          }
        }
      }
    }
    const analysis = service.analyze(text, uri);
    const messages = shareableMessages(analysis.diagnostics, analysis.fragments, service.schema);
    const problems = analysis.diagnostics.map((diagnostic, index) => toProblem(shown, diagnostic, messages[index] as string));
    reports.push({ shown, uri, problems: [...extra, ...problems], ids: analysis.ids, idField: service.schema.idField });
  }
  addDuplicatesAcrossFiles(reports);

  const counts: Record<SeverityName, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const problems = reports.flatMap((report) => report.problems);
  for (const problem of problems) counts[problem.severity]++;
  // A dry run's standard output is its diff: the problems the fixes would leave go beside it.
  const report = options.dryRun ? io.err : io.out;
  if (options.format === 'json') report(problems.length === 0 ? '[]\n' : `[\n${problems.map((problem) => `  ${JSON.stringify(problem)}`).join(',\n')}\n]\n`);
  else for (const problem of problems) report(`${problemLine(problem)}\n`);
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
    },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  if (values.help) return { fix: false, dryRun: false, verbose: false, format: 'text', quality: true, paths: [] };
  const fix = values.fix ?? false;
  if (!fix && values['dry-run']) throw new UsageError('--dry-run goes with --fix: it shows what --fix would change');
  if (!fix && values.verbose) throw new UsageError('--verbose goes with --fix: it lists each fix');
  return {
    fix,
    dryRun: values['dry-run'] ?? false,
    verbose: values.verbose ?? false,
    format,
    ...(values.config !== undefined ? { config: values.config } : {}),
    quality: !values['no-quality'],
    paths: positionals,
  };
}
