import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import { displayLanguage } from '../core/l10n/display-language';
import { documentLanguage } from '../core/report/report-model';
import { reportPipeline } from '../node/load-report';
import { type CliIo, serviceWithConfig, UsageError } from './io';

export const REPORT_USAGE = `Usage: fragments report DIR... --out FILE.docx|FILE.md [--include-confidential]
       [--include-unanonymised] [--config FILE] [--locale fr]

Writes the harvest report of FORMAT.md section 10 to FILE: a Word document (.docx) or Markdown
(.md) holding the harvest's scope, the dashboard's totals and tables, and every outcome grouped
by objective. The file is written atomically.

  --out FILE               the report to write (.docx or .md)
  --include-confidential   quote confidential outcomes too (marked Confidential); counted, not quoted, otherwise
  --include-unanonymised   quote outcomes that may still name someone (possible-identifier) too; counted, not quoted, otherwise
  --config FILE            a configuration file (default: the SCC schema)
  --locale LANG            the language of the report's headings and labels (field values stay as written)

Exit code: 0 when written, 1 when the fragments or the output are at fault, 2 on bad usage.`;

/** `fragments report`: resolves with the exit code. */
export async function runReport(argv: readonly string[], io: CliIo): Promise<number> {
  let options: ReturnType<typeof parseReportOptions>;
  try {
    options = parseReportOptions(argv);
  } catch (error) {
    io.err(`fragments report: ${(error as Error).message}\n\n${REPORT_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.out(`${REPORT_USAGE}\n`);
    return 0;
  }
  try {
    const service = serviceWithConfig(options.config, io.cwd);
    const { describeReport, reportHarvest } = reportPipeline();
    const summary = await reportHarvest(
      options.paths.map((path) => resolve(io.cwd, path)),
      resolve(io.cwd, options.out),
      {
        service,
        language: documentLanguage(displayLanguage()),
        includeConfidential: options.includeConfidential,
        includeUnanonymised: options.includeUnanonymised,
      },
    );
    io.out(`${describeReport(summary)}\n`);
    return 0;
  } catch (error) {
    io.err(`fragments report: ${(error as Error).message}\n`);
    return 1;
  }
}

function parseReportOptions(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      'include-confidential': { type: 'boolean', default: false },
      'include-unanonymised': { type: 'boolean', default: false },
      config: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const help = values.help === true;
  if (!help && positionals.length === 0) throw new UsageError(l10n.t('name the folders (or files) of fragments to report on'));
  if (!help && values.out === undefined) throw new UsageError(l10n.t('{0} is required: the .docx or .md file to write', '--out FILE'));
  return {
    help,
    paths: positionals,
    out: values.out ?? '',
    includeConfidential: values['include-confidential'] === true,
    includeUnanonymised: values['include-unanonymised'] === true,
    config: values.config,
  };
}
