import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Diagnostic } from 'vscode-languageserver-types';
import { shareableMessages } from './core/confidential-text';
import { loadConfig } from './core/schema/config';
import { createFragmentService, type FragmentService } from './core/service';
import { fragmentFilesIn, fragmentFilesMatching, isFolder, isGlob } from './node/fragment-files';
import { FRAGMENT_FIRST_LINE } from './protocol';

const USAGE = `Usage: fragment-lint [--fix] [--format text|json] [--config FILE] [--no-quality] PATH...

Checks outcome fragment files. A PATH is a file, a folder (searched for *.fragment files and
.txt files whose first line is a **FragmentID**: line) or a glob ("harvest/**/*.txt").

  --fix            apply every preferred fix in place
  --format FORMAT  text (default) or json
  --config FILE    a configuration file (default: none; the SCC schema)
  --no-quality     leave out the quality hints (outcome-is-activity, vague-change, no-when, …)
  --help           show this help

Exit code: 0 when no file has an error, 1 when one has, 2 on bad usage.`;

const SEVERITY_NAMES = ['error', 'error', 'warning', 'info', 'hint'] as const;
type SeverityName = (typeof SEVERITY_NAMES)[number];

/** One problem as the CLI reports it: 1-based lines and columns, like compilers print them. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: SeverityName;
  code: string;
  message: string;
}

class UsageError extends Error {}

/** Runs the linter and resolves with its exit code; output goes to the given streams. */
export function main(
  argv: readonly string[],
  cwd = process.cwd(),
  out: (text: string) => void = (text) => process.stdout.write(text),
  err: (text: string) => void = (text) => process.stderr.write(text),
): number {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    err(`fragment-lint: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.paths.length === 0) {
    out(`${USAGE}\n`);
    return argv.includes('--help') ? 0 : 2;
  }

  let service: FragmentService;
  try {
    service = serviceFor(options.config, cwd, options.quality);
  } catch (error) {
    err(`fragment-lint: ${(error as Error).message}\n`);
    return 2;
  }

  let files: Candidate[];
  try {
    files = expandPaths(options.paths, cwd);
  } catch (error) {
    err(`fragment-lint: ${(error as Error).message}\n`);
    return 2;
  }

  // Each file's problems are written as soon as it is checked: memory stays flat on a big harvest.
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let checkedFiles = 0;
  let fixedFiles = 0;
  let firstJson = true;
  if (options.format === 'json') out('[');
  for (const candidate of files) {
    const shown = relative(cwd, candidate.path) || candidate.path;
    const result = checkFile(service, candidate, shown, options.fix);
    if (!result) continue;
    checkedFiles++;
    if (result.fixed) fixedFiles++;
    for (const problem of result.problems) {
      counts[problem.severity]++;
      if (options.format === 'json') {
        out(`${firstJson ? '\n' : ',\n'}  ${JSON.stringify(problem)}`);
        firstJson = false;
      } else out(`${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.code} ${problem.message}\n`);
    }
  }
  if (options.format === 'json') out(firstJson ? ']\n' : '\n]\n');
  const summary = summarise(counts, checkedFiles, options.fix ? fixedFiles : undefined);
  if (options.format === 'json') err(`${summary}\n`);
  else out(`${summary}\n`);
  return counts.error > 0 ? 1 : 0;
}

interface Options {
  fix: boolean;
  format: 'text' | 'json';
  config?: string;
  /** The quality hints of FORMAT.md §7 (`--no-quality` leaves them out). */
  quality: boolean;
  paths: string[];
}

function parseOptions(argv: readonly string[]): Options {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      fix: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      config: { type: 'string' },
      help: { type: 'boolean', default: false },
      'no-quality': { type: 'boolean', default: false },
    },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  if (values.help) return { fix: false, format: 'text', quality: true, paths: [] };
  const quality = !values['no-quality'];
  return { fix: values.fix ?? false, format, ...(values.config !== undefined ? { config: values.config } : {}), quality, paths: positionals };
}

function serviceFor(configPath: string | undefined, cwd: string, qualityHints: boolean): FragmentService {
  // Each file is checked once: nothing to gain from remembering its chunks.
  if (configPath === undefined) return createFragmentService({ reuseChunks: false, qualityHints });
  let text: string;
  try {
    text = readFileSync(resolve(cwd, configPath), 'utf8');
  } catch (error) {
    throw new Error(`cannot read the configuration ${configPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const config = loadConfig(text);
  if (config.problems.length > 0) {
    const lines = config.problems.map(
      (problem) => `${configPath}:${problem.range.start.line + 1}:${problem.range.start.character + 1} error ${problem.message}`,
    );
    throw new Error(`the configuration has problems:\n${lines.join('\n')}`);
  }
  return createFragmentService({ schema: config.schema, severities: config.severities, ignore: config.ignore, reuseChunks: false, qualityHints });
}

/** A file to check; one found in a folder or by a glob is checked only if it is a fragment file. */
interface Candidate {
  readonly path: string;
  /** A `.txt` found by searching: a fragment file only if its first line is a FragmentID line. */
  readonly needsFragmentFirstLine: boolean;
}

/** Files, folders and globs to the list of files to check, each once, in the order given. */
function expandPaths(paths: readonly string[], cwd: string): Candidate[] {
  const files = new Map<string, Candidate>();
  const found = (path: string) => {
    if (!files.has(path)) files.set(path, { path, needsFragmentFirstLine: path.endsWith('.txt') });
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    // Searching lists .txt files without opening them: their first line is looked at once read.
    if (isFolder(absolute)) for (const file of fragmentFilesIn(absolute, () => false, false)) found(file);
    else if (isGlob(path)) for (const file of fragmentFilesMatching(path, cwd, false)) found(file);
    else {
      try {
        statSync(absolute);
      } catch {
        throw new UsageError(`no such file or folder: ${path}`);
      }
      files.set(absolute, { path: absolute, needsFragmentFirstLine: false });
    }
  }
  return [...files.values()];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Checks (and fixes) one file; undefined for a searched `.txt` that turns out to be no fragment file. */
function checkFile(service: FragmentService, candidate: Candidate, shown: string, fix: boolean): { problems: Problem[]; fixed: boolean } | undefined {
  const file = candidate.path;
  const unreadable = (reason: string) => ({
    problems: [
      {
        file: shown,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity: 'error' as const,
        code: 'unreadable-file',
        message: `Cannot read this file: ${reason}.`,
      },
    ],
    fixed: false,
  });
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return unreadable((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
  // A searched .txt is a fragment file only if it starts with a FragmentID line (ASCII, so the
  // bytes tell): any other .txt, in whatever encoding, is none of our business.
  if (
    candidate.needsFragmentFirstLine &&
    !FRAGMENT_FIRST_LINE.test(
      bytes
        .subarray(0, 32)
        .toString('latin1')
        .replace(/^\xEF\xBB\xBF/, ''),
    )
  )
    return undefined;
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return unreadable('not valid UTF-8 text');
  }
  // The BOM is kept out of the check and put back on write.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const content = text.slice(bom.length);
  const uri = pathToFileURL(file).toString();
  if (!fix) return { problems: report(service, shown, content, uri), fixed: false };
  const result = service.fixAll(content, uri);
  if (result === content) return { problems: report(service, shown, content, uri), fixed: false };
  try {
    writeAtomically(file, bom + result);
  } catch (error) {
    // Reported, and the file is left as it was: its problems are those of its text on disk.
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    const unwritable: Problem = {
      file: shown,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      severity: 'error',
      code: 'unwritable-file',
      message: `Cannot write the fixes: ${reason}.`,
    };
    return { problems: [unwritable, ...report(service, shown, content, uri)], fixed: false };
  }
  return { problems: report(service, shown, result, uri), fixed: true };
}

/** The problems of a text. A report can end up anywhere (a CI log): no value of a confidential fragment is shown in it. */
function report(service: FragmentService, shown: string, text: string, uri: string): Problem[] {
  const analysis = service.analyze(text, uri);
  if (analysis.diagnostics.length === 0) return [];
  const messages = shareableMessages(analysis.diagnostics, analysis.fragments, service.schema);
  return analysis.diagnostics.map((diagnostic, index) => toProblem(shown, diagnostic, messages[index] as string));
}

/** Writes through a temporary file in the same folder and a rename, so a file is never half-written. */
function writeAtomically(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { mode: statSync(file).mode });
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true }); // gone after the rename; removed after a failure
  }
}

function toProblem(file: string, diagnostic: Diagnostic, message: string): Problem {
  return {
    file,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
    severity: SEVERITY_NAMES[diagnostic.severity ?? 1] ?? 'error',
    code: String(diagnostic.code),
    message,
  };
}

function summarise(counts: Record<SeverityName, number>, fileCount: number, fixedFiles: number | undefined): string {
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = `${fileCount} file${fileCount === 1 ? '' : 's'}`;
  const fixed = fixedFiles === undefined ? '' : ` Fixed ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}.`;
  if (total === 0) return `No problems in ${files}.${fixed}`;
  const parts = (['error', 'warning', 'info', 'hint'] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}${counts[severity] === 1 || severity === 'info' ? '' : 's'}`);
  return `${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${files}.${fixed}`;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
