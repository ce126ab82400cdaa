import { relative } from 'node:path';
import * as l10n from '@vscode/l10n';
import { URI } from 'vscode-uri';
import type { FragmentId } from '../core/rules/duplicate-id';
import { shareableMessages } from '../core/story/confidential-text';
import type { LintConfiguration } from '../node/lint-config';
import { unifiedDiff } from './diff';
import { type Candidate, readCandidate, writeAtomically } from './files';
import { fileProblem, type Problem, toProblem } from './problem-report';

/** How a run checks each file: what the command line asked. */
export interface LintFileOptions {
  readonly fix: boolean;
  readonly dryRun: boolean;
  readonly verbose: boolean;
}

/** What one file gave: its problems, its FragmentIDs for the check across the run, and what it printed. */
export interface FileReport {
  readonly shown: string;
  readonly uri: string;
  problems: Problem[];
  readonly ids: readonly FragmentId[];
  readonly idField: string;
  /** What `--verbose` and `--dry-run` print for the file, in order, to standard output or error. */
  readonly printed: ReadonlyArray<{ to: 'out' | 'err'; text: string }>;
  /** The fixes applied (or, in a dry run, that would be), by code. */
  readonly fixed: ReadonlyArray<readonly [code: string, count: number]>;
  readonly changed: boolean;
  /** A dry run's diff hid confidential values. */
  readonly hiddenInDiff: boolean;
}

/**
 * Checks (and fixes) the files, in order. Plain data out, printed by the caller, so that slices
 * of one run can be checked on several threads and reported as one.
 */
export function lintFiles(files: readonly Candidate[], cwd: string, configuration: LintConfiguration, options: LintFileOptions): FileReport[] {
  const reports: FileReport[] = [];
  const uriOf = fileUris();
  for (const candidate of files) {
    const report = lintFile(candidate, cwd, configuration, options, uriOf);
    if (report) reports.push(report);
  }
  return reports;
}

function lintFile(
  candidate: Candidate,
  cwd: string,
  configuration: LintConfiguration,
  options: LintFileOptions,
  uriOf: (path: string) => string,
): FileReport | undefined {
  const shown = relative(cwd, candidate.path) || candidate.path;
  const read = readCandidate(candidate);
  if (read.kind === 'not-a-fragment-file') return undefined;
  const uri = uriOf(candidate.path);
  const service = configuration.serviceFor(candidate.path, candidate.searchedFrom);
  const idField = service.schema.idField;
  if (read.kind === 'unreadable') {
    const reason = read.reason === 'not valid UTF-8 text' ? l10n.t('not valid UTF-8 text') : read.reason;
    const problems = [fileProblem(shown, 'unreadable-file', l10n.t('Cannot read this file: {0}.', reason))];
    return { shown, uri, idField, problems, ids: [], printed: [], fixed: [], changed: false, hiddenInDiff: false };
  }
  let text = read.content;
  const extra: Problem[] = [];
  const printed: Array<{ to: 'out' | 'err'; text: string }> = [];
  const fixed = new Map<string, number>();
  let changed = false;
  let hiddenInDiff = false;
  if (options.fix) {
    const { text: fixedText, fixed: changes } = service.fixAllReport(read.content, uri);
    if (fixedText !== read.content) {
      for (const change of changes) fixed.set(change.code, (fixed.get(change.code) ?? 0) + 1);
      // In a dry run the standard output is the diff alone.
      const to = options.dryRun ? 'err' : 'out';
      if (options.verbose)
        for (const change of changes) printed.push({ to, text: `${shown}:${change.line + 1} ${l10n.t('fixed {0}: {1}', change.code, change.message)}\n` });
      if (options.dryRun) {
        const diff = unifiedDiff(shown, read.content, fixedText, service.analyze(read.content, uri).fragments, service.analyze(fixedText, uri).fragments);
        printed.push({ to: 'out', text: diff.text });
        hiddenInDiff = diff.hidden;
        text = fixedText; // what would be left is reported
        changed = true;
      } else {
        try {
          writeAtomically(candidate.path, read.bom + fixedText);
          text = fixedText;
          changed = true;
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
  // Kept until the run ends: a message or an ID cut from the text is a slice of it, and would keep
  // every file's whole text in memory, so each is copied (a third of what structuredClone cost).
  const problems = analysis.diagnostics.map((diagnostic, index) => toProblem(shown, diagnostic, ownCopy(messages[index] as string)));
  if (extra.length > 0) problems.unshift(...extra);
  const ids = analysis.ids.map((entry) => ({ id: ownCopy(entry.id), range: entry.range }));
  return { shown, uri, idField, problems, ids, printed, fixed: [...fixed], changed, hiddenInDiff };
}

/** The same text in a string of its own: V8 keeps a whole string alive while a slice of it lives, and JSON.parse makes a new one. */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/**
 * `file://` URIs of paths as VS Code writes them (`vscode-uri`), the folder's part made once per
 * folder: the files of a harvest share a few folders, and a full URI per file is a cost of its own.
 */
function fileUris(): (path: string) => string {
  const folders = new Map<string, string>();
  return (path) => {
    const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    const name = path.slice(slash + 1);
    // Names that percent-encoding leaves alone are appended as they are; any other goes the whole way.
    if (slash < 0 || !/^[\w.-]+$/.test(name)) return URI.file(path).toString();
    const folder = path.slice(0, slash + 1);
    let prefix = folders.get(folder);
    if (prefix === undefined) {
      prefix = URI.file(folder).toString();
      if (!prefix.endsWith('/')) prefix += '/';
      folders.set(folder, prefix);
    }
    return prefix + name;
  };
}
