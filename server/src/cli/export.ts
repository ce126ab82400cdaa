import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import { EXPORT_LAYOUTS, type ExportLayout } from '../core/harvest/layout';
import { harvestPipeline } from '../node/load-harvest';
import { type CliIo, serviceWithConfig, UsageError } from './io';

export const EXPORT_USAGE = `Usage: fragments export DIR... --layout master|causal-map --out FILE [--include-confidential]
       [--include-unanonymised] [--config FILE]

Writes the fragments of the folders and files given to FILE (.xlsx or .csv), as FORMAT.md
section 6 says: "master", one row per fragment, the columns of the master workbook; or
"causal-map", the sheets statements, sources and questions of Causal Map's importer (as .csv:
FILE.statements.csv, FILE.sources.csv, FILE.questions.csv). The file is written atomically.

  --layout LAYOUT          master (default) or causal-map
  --out FILE               the workbook to write (.xlsx or .csv)
  --include-confidential   export confidential fragments too (flag 1, empty or invalid); left out otherwise
  --include-unanonymised   export fragments that still hold possible identifying details too (names,
                           places, phones, e-mails: possible-identifier); left out otherwise
  --config FILE            a configuration file (default: the SCC schema)

Exit code: 0 when exported, 1 when the fragments or the output are at fault, 2 on bad usage.`;

/** `fragments export`: resolves with the exit code. */
export async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  let options: ReturnType<typeof parseExportOptions>;
  try {
    options = parseExportOptions(argv);
  } catch (error) {
    io.err(`fragments export: ${(error as Error).message}\n\n${EXPORT_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.out(`${EXPORT_USAGE}\n`);
    return 0;
  }
  try {
    const service = serviceWithConfig(options.config, io.cwd);
    const { describeExport, exportHarvest } = harvestPipeline();
    const summary = await exportHarvest(
      options.paths.map((path) => resolve(io.cwd, path)),
      resolve(io.cwd, options.out),
      { service, layout: options.layout, includeConfidential: options.includeConfidential, includeUnanonymised: options.includeUnanonymised },
    );
    for (const warning of summary.warnings) io.err(`fragments export: ${l10n.t('warning: {0}', warning)}\n`);
    io.out(`${describeExport(summary)}\n`);
    return 0;
  } catch (error) {
    io.err(`fragments export: ${(error as Error).message}\n`);
    return 1;
  }
}

function parseExportOptions(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      layout: { type: 'string', default: 'master' },
      out: { type: 'string' },
      'include-confidential': { type: 'boolean', default: false },
      'include-unanonymised': { type: 'boolean', default: false },
      config: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const help = values.help === true;
  const layout = values.layout as ExportLayout;
  if (!EXPORT_LAYOUTS.includes(layout))
    throw new UsageError(l10n.t('{0} must be {1} or {2}, not "{3}"', '--layout', 'master', 'causal-map', String(values.layout)));
  if (!help && positionals.length === 0) throw new UsageError(l10n.t('name the folders (or files) of fragments to export'));
  if (!help && values.out === undefined) throw new UsageError(l10n.t('{0} is required: the .xlsx or .csv file to write', '--out FILE'));
  return {
    help,
    paths: positionals,
    out: values.out ?? '',
    layout,
    includeConfidential: values['include-confidential'] === true,
    includeUnanonymised: values['include-unanonymised'] === true,
    config: values.config,
  };
}
