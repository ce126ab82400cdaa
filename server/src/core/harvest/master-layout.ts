import { fold } from '../near';
import type { FragmentSchema } from '../schema/schema-types';
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
  const layout = masterLayout(schema);
  const rows = fragments.map((fragment) => fragmentColumns(fragment, layout));
  const keys = mergedKeyOrder(rows.map((row) => [...row.keys()]));
  const labels = listLabels(rows, layout);
  // Every list's columns are written, beside its line or at the end: a workbook keeps its one-hot columns.
  for (const list of layout.oneHot) if (!keys.includes(list.key)) keys.push(list.key);
  const columns = keys.flatMap((key) => {
    const list = layout.oneHot.find((field) => field.key === key);
    return list ? (labels.get(key) ?? []).map((label) => ({ header: `${list.prefix}${label}`, list: key, label })) : [{ header: key }];
  });
  const header: Row = columns.map((column) => column.header);
  const body = rows.map((row): Row => columns.map((column) => cellOf(row, column, layout)));
  return { name: MASTER_SHEET_NAME, rows: [header, ...body] };
}

type FragmentColumns = Map<string, { value: string; entries?: string[] }>;

/** A fragment's values by column key; a key written twice gets a second column `{key} (2)`, so no text is lost. */
function fragmentColumns(fragment: HarvestFragment, layout: MasterLayout): FragmentColumns {
  const columns: FragmentColumns = new Map();
  for (const { key, value, field } of fragment.fields) {
    let column = key;
    for (let copy = 2; columns.has(column); copy++) column = `${key} (${copy})`;
    const list = layout.oneHot.find((one) => one.key === field.schemaField?.key && one.key === key.trim());
    if (list && column === key) {
      columns.set(list.key, {
        value,
        entries: value
          .split(',')
          .map((entry) => entry.trim())
          .filter((entry) => entry !== ''),
      });
    } else columns.set(column, { value });
  }
  return columns;
}

/** The keys of all fragments in one order: each key after the key it follows in the first fragment that has it. */
function mergedKeyOrder(orders: readonly string[][]): string[] {
  const merged: string[] = [];
  for (const order of orders) {
    let previous = -1;
    for (const key of order) {
      const at = merged.indexOf(key);
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
      for (const entry of row.get(list.key)?.entries ?? []) {
        if (folded.has(fold(entry))) continue;
        folded.add(fold(entry));
        found.push(entry);
      }
    }
    labels.set(list.key, found);
  }
  return labels;
}

function cellOf(row: FragmentColumns, column: { header: string; list?: string; label?: string }, layout: MasterLayout): Cell {
  if (column.list !== undefined) {
    const entries = row.get(column.list)?.entries ?? [];
    return entries.some((entry) => fold(entry) === fold(column.label as string)) ? 1 : null;
  }
  const value = row.get(column.header)?.value ?? '';
  return (layout.yesNo.has(column.header) ? yesNoCell(value) : undefined) ?? cellFromText(value);
}

/** YES and NO back to 1 and 0 in a yes/no column (matched as the check matches them, case aside). */
function yesNoCell(value: string): Cell | undefined {
  const answer = value.trim().toUpperCase();
  return answer === 'YES' ? 1 : answer === 'NO' ? 0 : undefined;
}
