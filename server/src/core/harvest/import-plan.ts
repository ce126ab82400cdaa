import * as l10n from '@vscode/l10n';
import type { ImportedFragment } from './import-rows';

/** What an import does to a folder: the file names created, changed and left as they were. */
export interface ImportPlan {
  readonly created: string[];
  readonly changed: string[];
  readonly unchanged: string[];
  /** The files to write: the created and the changed ones. */
  readonly toWrite: Array<{ name: string; content: string }>;
}

/**
 * Sorts the imported files by what is there already (`existing` gives a file's text, undefined
 * when there is none): on the desktop and in the browser alike, a file with the same text is
 * left alone, one with other text is changed only when the user says so.
 */
export function planImport(
  fragments: ReadonlyArray<Pick<ImportedFragment, 'fileName'> & { text: string }>,
  existing: (fileName: string) => string | undefined,
): ImportPlan {
  const plan: ImportPlan = { created: [], changed: [], unchanged: [], toWrite: [] };
  for (const fragment of fragments) {
    const before = existing(fragment.fileName);
    if (before === undefined) plan.created.push(fragment.fileName);
    else if (sameText(before, fragment.text)) {
      plan.unchanged.push(fragment.fileName);
      continue;
    } else plan.changed.push(fragment.fileName);
    plan.toWrite.push({ name: fragment.fileName, content: fragment.text });
  }
  return plan;
}

/** The same text, whatever its line ends and BOM: a file the writer saved with CRLF is not changed for that. */
export function sameText(existing: string, text: string): boolean {
  return existing === text || existing.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n') === text;
}

export interface ImportCounts {
  readonly folder: string;
  readonly rows: number;
  readonly emptyRows: number;
  readonly created: readonly string[];
  readonly changed: readonly string[];
  readonly unchanged: readonly string[];
}

/** Existing files would be overwritten and the user has not said so: what the refusal says. */
export function overwriteRefused(summary: ImportCounts): string {
  const count = summary.changed.length;
  return `${count} file${count === 1 ? '' : 's'} in ${summary.folder} already exist${count === 1 ? 's' : ''} with other text (${summary.changed.slice(0, 3).join(', ')}${count > 3 ? ', …' : ''}): nothing was written; overwrite with --force`;
}

/** The summary in words: `12 rows: 10 files created, 1 changed, 1 left as it was; 1 empty row skipped.` */
export function describeImport(summary: ImportCounts): string {
  const fileCount = summary.created.length + summary.changed.length + summary.unchanged.length;
  const parts = [
    l10n.t('{0} created', summary.created.length),
    l10n.t('{0} changed', summary.changed.length),
    summary.unchanged.length === 1 ? l10n.t('1 left as it was') : l10n.t('{0} left as they were', summary.unchanged.length),
  ];
  const imported = l10n.t(
    '{0} imported into {1}: {2} ({3})',
    summary.rows === 1 ? l10n.t('1 row') : l10n.t('{0} rows', summary.rows),
    summary.folder,
    fileCount === 1 ? l10n.t('1 file') : l10n.t('{0} files', fileCount),
    parts.join(', '),
  );
  if (summary.emptyRows === 0) return `${imported}.`;
  return l10n.t('{0}; {1}.', imported, summary.emptyRows === 1 ? l10n.t('1 empty row skipped') : l10n.t('{0} empty rows skipped', summary.emptyRows));
}
