import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import { DEFAULT_NAME_PATTERN } from '../core/harvest/file-names';
import { harvestPipeline } from '../node/load-harvest';
import { DEFAULT_WORKBOOK_LIMITS } from '../workbook/limits';
import { type CliIo, serviceWithConfig, UsageError } from './io';

export const IMPORT_USAGE = `Usage: fragments import WORKBOOK --out DIR [--name PATTERN] [--fix] [--force] [--config FILE]
       [--max-rows N] [--max-unpacked-mb N]

Writes one fragment file per row of the workbook's first sheet (.xlsx or .csv, the header row
first), as FORMAT.md section 6 says. Nothing is written when the workbook cannot be read, and
nothing half: the files are written into a temporary folder, then moved into DIR. A workbook
past the limits is refused before it is unpacked.

  --out DIR        the folder of the fragment files (created when missing)
  --name PATTERN   file names: {n} the row's number, {id} its FragmentID (default: ${DEFAULT_NAME_PATTERN})
  --fix            apply every preferred fix to each fragment
  --force          overwrite files whose text differs (otherwise nothing is written)
  --dry-run        say what would be created and changed, write nothing
  --config FILE    a configuration file (default: the SCC schema)
  --max-rows N     refuse a sheet of more than N rows, the header row included (default: ${DEFAULT_WORKBOOK_LIMITS.maxRows})
  --max-unpacked-mb N
                   refuse an .xlsx that unpacks to more than N MB, a CSV file larger than N MB
                   (default: ${DEFAULT_WORKBOOK_LIMITS.maxUnpackedMB})

Exit code: 0 when imported, 1 when the workbook or the folder is at fault, 2 on bad usage.`;

/** `fragments import`: resolves with the exit code. */
export async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  let options: ReturnType<typeof parseImportOptions>;
  try {
    options = parseImportOptions(argv);
  } catch (error) {
    io.err(`fragments import: ${(error as Error).message}\n\n${IMPORT_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.out(`${IMPORT_USAGE}\n`);
    return 0;
  }
  try {
    const service = serviceWithConfig(options.config, io.cwd);
    const { describeImport, importWorkbookFile } = harvestPipeline();
    const summary = await importWorkbookFile(resolve(io.cwd, options.workbook), resolve(io.cwd, options.out), {
      service,
      namePattern: options.name,
      fix: options.fix,
      force: options.force,
      dryRun: options.dryRun,
      limits: { maxRows: options.maxRows, maxUnpackedMB: options.maxUnpackedMB },
    });
    io.out(`${options.dryRun ? l10n.t('Dry run, nothing written: ') : ''}${describeImport({ ...summary, folder: options.out })}\n`);
    return 0;
  } catch (error) {
    io.err(`fragments import: ${options.workbook}: ${(error as Error).message}\n`);
    return 1;
  }
}

function parseImportOptions(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      name: { type: 'string', default: DEFAULT_NAME_PATTERN },
      fix: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      config: { type: 'string' },
      'max-rows': { type: 'string' },
      'max-unpacked-mb': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const help = values.help === true;
  if (!help && positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? l10n.t('name the workbook to import') : l10n.t('import one workbook at a time'));
  if (!help && values.out === undefined) throw new UsageError(l10n.t('{0} is required: the folder the fragment files go to', '--out DIR'));
  return {
    help,
    workbook: positionals[0] ?? '',
    out: values.out ?? '',
    name: values.name ?? DEFAULT_NAME_PATTERN,
    fix: values.fix === true,
    force: values.force === true,
    dryRun: values['dry-run'] === true,
    config: values.config,
    maxRows: limitOf('--max-rows', values['max-rows']),
    maxUnpackedMB: limitOf('--max-unpacked-mb', values['max-unpacked-mb']),
  };
}

/** A limit's flag: a whole number from 1 up; undefined when not given (the default). */
function limitOf(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(l10n.t('{0} takes a whole number from 1 up, not "{1}"', flag, value));
  return Number(value);
}
