import * as l10n from '@vscode/l10n';
import { WorkbookError } from './workbook-error';

/**
 * How much of a workbook an import reads at most (FORMAT.md §6, "Workbooks are bounded before
 * they are read"): checked before the workbook is unpacked, so that a file made to exhaust
 * memory (a zip bomb, a sheet of a million rows) is refused at once, with nothing written.
 */
export interface WorkbookLimits {
  /** The rows of a sheet, its header row included (`--max-rows`, the setting `outcomeFragments.import.maxRows`). */
  readonly maxRows: number;
  /** What the workbook's parts unpack to, or what a CSV file holds, in MB of 1,000,000 bytes (`--max-unpacked-mb`). */
  readonly maxUnpackedMB: number;
}

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = { maxRows: 50_000, maxUnpackedMB: 200 };

/** Where the import runs, so that a refusal says how to raise the limit there: the CLI's flags or the editor's settings. */
export type RaiseLimitWith = 'flags' | 'settings';

/** Limits as given by a flag or a setting: each one left out (or not a positive number) is the default. */
export type GivenLimits = { readonly [limit in keyof WorkbookLimits]?: number | undefined };

export interface ReadOptions {
  readonly limits?: GivenLimits | undefined;
  readonly raiseWith?: RaiseLimitWith | undefined;
}

/** The limits of the options, each one a positive number. */
export function limitsOf(options: ReadOptions | undefined): WorkbookLimits {
  const given = options?.limits ?? {};
  const valid = (value: number | undefined, fallback: number) => (typeof value === 'number' && value > 0 ? value : fallback);
  return {
    maxRows: valid(given.maxRows, DEFAULT_WORKBOOK_LIMITS.maxRows),
    maxUnpackedMB: valid(given.maxUnpackedMB, DEFAULT_WORKBOOK_LIMITS.maxUnpackedMB),
  };
}

export const MB = 1_000_000;

/** Bytes as whole MB, rounded up: raising the limit to that many lets the file in. */
export function megabytes(bytes: number): number {
  return Math.ceil(bytes / MB);
}

/** The flags and the settings that raise each limit. */
const FLAGS = { maxRows: '--max-rows', maxUnpackedMB: '--max-unpacked-mb' } as const;
export const LIMIT_SETTINGS = { maxRows: 'outcomeFragments.import.maxRows', maxUnpackedMB: 'outcomeFragments.import.maxUnpackedMB' } as const;

/** How to let this file in: the flag with the value it needs, or the setting. */
function raise(limit: keyof WorkbookLimits, needed: number, options: ReadOptions | undefined): string {
  if (options?.raiseWith === 'settings') return l10n.t('set "{0}" to {1} or more in the settings and import it again', LIMIT_SETTINGS[limit], needed);
  return l10n.t('import it again with {0}', `${FLAGS[limit]} ${needed}`);
}

/** A sheet has more rows than the limit. */
export function tooManyRows(sheet: string, rows: number, options: ReadOptions | undefined): WorkbookError {
  return new WorkbookError(
    l10n.t(
      'the sheet "{0}" has {1} rows, more than the limit of {2} an import reads: nothing was imported. If the sheet is right, {3}',
      sheet,
      rows,
      limitsOf(options).maxRows,
      raise('maxRows', rows, options),
    ),
  );
}

/** A workbook unpacks to more than the limit. */
export function unpacksTooLarge(bytes: number, options: ReadOptions | undefined): WorkbookError {
  const needed = megabytes(bytes);
  return new WorkbookError(
    l10n.t(
      'the workbook unpacks to {0} MB, more than the limit of {1} MB an import reads: nothing was imported. If the file is right, {2}',
      needed,
      limitsOf(options).maxUnpackedMB,
      raise('maxUnpackedMB', needed, options),
    ),
  );
}

/** A CSV file is larger than the limit. */
export function csvTooLarge(bytes: number, options: ReadOptions | undefined): WorkbookError {
  const needed = megabytes(bytes);
  return new WorkbookError(
    l10n.t(
      'the CSV file is {0} MB, more than the limit of {1} MB an import reads: nothing was imported. If the file is right, {2}',
      needed,
      limitsOf(options).maxUnpackedMB,
      raise('maxUnpackedMB', needed, options),
    ),
  );
}
