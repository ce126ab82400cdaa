import type { FragmentSchema } from '../schema/schema-types';
import { fold } from '../text/near';
import { type Cell, cellFromText, type Row, type Sheet } from './cells';
import type { HarvestFragment } from './harvest-fragments';
import { type MasterLayout, masterLayout } from './layout';

export const MASTER_SHEET_NAME = 'harvest';

/**
 * The `master` layout (FORMAT.md §6): one row per fragment, the columns in the order of the keys
 * as the fragments hold them, each list unfolded into one-hot columns `{key}_{label}` where the
 * list stands (the schema's labels in its order, then other labels in order of first use), YES/NO as 1/0.
 */
export function masterSheet(fragments: readonly HarvestFragment[], schema: FragmentSchema): Sheet {
  const builder = new MasterSheetBuilder(schema);
  for (const fragment of fragments) builder.add(fragment);
  return builder.sheet();
}

/**
 * The master sheet, a fragment at a time: of each fragment only its values are kept, so that an
 * export of many files holds its rows rather than every file's parse.
 */
export class MasterSheetBuilder {
  private readonly layout: MasterLayout;
  private readonly lists = new Map<string, MasterLayout['oneHot'][number]>();
  private readonly rows: FragmentColumns[] = [];

  constructor(schema: FragmentSchema) {
    this.layout = masterLayout(schema);
    for (const list of this.layout.oneHot) if (!this.lists.has(list.key)) this.lists.set(list.key, list);
  }

  add(fragment: HarvestFragment): void {
    this.rows.push(fragmentColumns(fragment, this.lists));
  }

  sheet(): Sheet {
    const { layout, lists, rows } = this;
    const keys = mergedKeyOrder(rows);
    const labels = listLabels(rows, layout);
    // Every list's columns are written, beside its line or at the end: a workbook keeps its one-hot columns.
    for (const list of layout.oneHot) if (!keys.includes(list.key)) keys.push(list.key);
    // What each column holds, worked out once rather than once per cell (labels and entries compared folded).
    const columns = keys.flatMap((key): Column[] => {
      const list = lists.get(key);
      if (!list) return [{ header: key, yesNo: layout.yesNo.has(key) }];
      return (labels.get(key) ?? []).map((label) => ({ header: `${list.prefix}${label}`, list: key, foldedLabel: fold(label) }));
    });
    const header: Row = columns.map((column) => column.header);
    const body = rows.map((row): Row => columns.map((column) => cellOf(row, column)));
    return { name: MASTER_SHEET_NAME, rows: [header, ...body] };
  }
}

type Column = { readonly header: string; readonly yesNo: boolean } | { readonly header: string; readonly list: string; readonly foldedLabel: string };

/** A column's value; a list's entries also folded (in the same order), as labels are compared. */
type FragmentColumns = Map<string, { value: string; entries?: string[]; foldedEntries?: string[] }>;

/** A fragment's values by column key; a key written twice gets a second column `{key} (2)`, so no text is lost. */
function fragmentColumns(fragment: HarvestFragment, lists: ReadonlyMap<string, MasterLayout['oneHot'][number]>): FragmentColumns {
  const columns: FragmentColumns = new Map();
  for (const { key, value, field } of fragment.fields) {
    let column = key;
    for (let copy = 2; columns.has(column); copy++) column = `${key} (${copy})`;
    const list = lists.get(key.trim());
    if (list && list.key === field.schemaField?.key && column === key) {
      const entries = value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
      columns.set(list.key, { value, entries, foldedEntries: entries.map(fold) });
    } else columns.set(column, { value });
  }
  return columns;
}

/** The keys of all fragments in one order: each key after the key it follows in the first fragment that has it. */
function mergedKeyOrder(rows: readonly FragmentColumns[]): string[] {
  const merged: string[] = [];
  for (const row of rows) {
    let previous = -1;
    for (const key of row.keys()) {
      // Most fragments hold their keys in the order seen already: the next key is where it is expected.
      const at = merged[previous + 1] === key ? previous + 1 : merged.indexOf(key);
      if (at >= 0) previous = at;
      else {
        merged.splice(previous + 1, 0, key);
        previous++;
      }
    }
  }
  return merged;
}

/** Each list's labels: the schema's in its order, then the others in order of first use. */
function listLabels(rows: readonly FragmentColumns[], layout: MasterLayout): Map<string, string[]> {
  const labels = new Map<string, string[]>();
  for (const list of layout.oneHot) {
    const found = [...list.labels];
    const folded = new Set(found.map(fold));
    for (const row of rows) {
      const { entries, foldedEntries } = row.get(list.key) ?? {};
      if (!entries || !foldedEntries) continue;
      for (const [index, entry] of entries.entries()) {
        const foldedEntry = foldedEntries[index] as string;
        if (folded.has(foldedEntry)) continue;
        folded.add(foldedEntry);
        found.push(entry);
      }
    }
    labels.set(list.key, found);
  }
  return labels;
}

function cellOf(row: FragmentColumns, column: Column): Cell {
  if ('list' in column) return row.get(column.list)?.foldedEntries?.includes(column.foldedLabel) ? 1 : null;
  const value = row.get(column.header)?.value ?? '';
  return (column.yesNo ? yesNoCell(value) : undefined) ?? cellFromText(value);
}

/** YES and NO back to 1 and 0 in a yes/no column (matched as the check matches them, case aside). */
function yesNoCell(value: string): Cell | undefined {
  const answer = value.trim().toUpperCase();
  return answer === 'YES' ? 1 : answer === 'NO' ? 0 : undefined;
}
