import * as l10n from '@vscode/l10n';
import { type HarvestFragment, readHarvestFile } from '../harvest/harvest-fragments';
import { type FileRecord, fileRecord } from '../harvest/records';
import { harvestSummary } from '../harvest/summary';
import type { FragmentService } from '../service';
import { type ReportModel, reportModel } from './report-model';

export interface ReportChoices {
  /** The document's language (BCP 47): Word's spelling and hyphenation. */
  readonly language: string;
  /** Quote confidential outcomes too (marked so); counted but not quoted otherwise (fail-safe). */
  readonly includeConfidential?: boolean;
  /** Quote outcomes that may still name someone too; counted but not quoted otherwise (fail-safe). */
  readonly includeUnanonymised?: boolean;
}

/** What a report holds, in numbers: what the CLI and the command say once it is written. */
export interface ReportCounts {
  readonly fragmentFiles: number;
  readonly outcomes: number;
  readonly quoted: number;
  readonly confidentialLeftOut: number;
  readonly unanonymisedLeftOut: number;
}

/** A report that cannot be made (no files, no outcomes): the message says why. */
export class ReportInputError extends Error {}

/**
 * The report of a harvest, file by file: every outcome counts in the tables (its values and its
 * problems, as the dashboard counts them), and only those it may quote are kept to quote. The
 * adapters (disk, the web worker's files) read the files and hand them in, in the harvest's order.
 */
export class ReportCollector {
  private readonly records: FileRecord[] = [];
  private readonly quoted: HarvestFragment[] = [];
  private confidentialLeftOut = 0;
  private unanonymisedLeftOut = 0;

  constructor(
    private readonly service: FragmentService,
    private readonly choices: ReportChoices,
  ) {}

  /** One fragment file: `uri` names it in the summary, `name` in messages. */
  add(file: { readonly uri: string; readonly name: string; readonly text: string }): void {
    const { service } = this;
    const text = file.text.replace(/^\uFEFF/, '');
    const analysis = service.analyze(text, file.uri, { remember: false, keepParse: true });
    this.records.push(fileRecord(file.uri, analysis.file, analysis.diagnostics, service.schema, service.duplicateIdSeverity));
    const read = readHarvestFile({ name: file.name, text }, service.schema, service.index, {
      includeConfidential: this.choices.includeConfidential === true,
      includeUnanonymised: this.choices.includeUnanonymised === true || !service.checksIdentifiers,
    });
    this.quoted.push(...read.fragments);
    this.confidentialLeftOut += read.confidentialLeftOut;
    this.unanonymisedLeftOut += read.unanonymisedLeftOut;
  }

  /** The report's model, once every file is in; `sources` names them in the message when there are none. */
  finish(sources: string): { readonly report: ReportModel; readonly counts: ReportCounts } {
    if (this.records.length === 0) throw new ReportInputError(l10n.t('no fragment files in {0}', sources));
    const summary = harvestSummary(this.records, this.service.schema);
    if (summary.totals.outcomes === 0) throw new ReportInputError(l10n.t('no outcomes in {0}', sources));
    const leftOut = { confidential: this.confidentialLeftOut, unanonymised: this.unanonymisedLeftOut };
    return {
      report: reportModel({ summary, harvest: this.quoted, leftOut, schema: this.service.schema, language: this.choices.language }),
      counts: {
        fragmentFiles: this.records.length,
        outcomes: summary.totals.outcomes,
        quoted: this.quoted.length,
        confidentialLeftOut: leftOut.confidential,
        unanonymisedLeftOut: leftOut.unanonymised,
      },
    };
  }
}
