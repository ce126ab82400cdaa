import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import { fileNameFor, fragmentIdsOf, type NewFragment, type NewFragmentChoices, newFragment } from '../core/authoring/new-fragment';
import type { FragmentService } from '../core/service';
import { WorkbookError } from '../workbook/workbook-error';
import { replaceFilesAtomically } from './atomic-write';
import { harvestCandidates, readCandidate } from './harvest-candidates';

export interface NewFragmentFile extends NewFragment {
  readonly path: string;
}

/**
 * Writes a new fragment file into a harvest (FORMAT.md §3): the next free FragmentID of its
 * objective among every file of `paths`, the file `out` or, by default, one named after the ID in
 * the first folder given (`CIV034.fragment`). An existing file is never replaced.
 */
export function writeNewFragment(
  paths: readonly string[],
  choices: NewFragmentChoices,
  options: { service: FragmentService; out?: string | undefined },
): NewFragmentFile {
  const { service } = options;
  const ids: string[] = [];
  for (const candidate of harvestCandidates(paths)) {
    const text = readCandidate(candidate);
    if (text !== undefined) ids.push(...fragmentIdsOf(service.parse(text.replace(/^\uFEFF/, '')), service.schema));
  }
  const fragment = newFragment(service.schema, ids, choices);
  const first = paths[0] as string;
  const folder = statSync(first).isDirectory() ? first : dirname(first);
  const path = resolve(options.out ?? join(folder, fileNameFor(fragment.id)));
  if (existsSync(path)) throw new WorkbookError(l10n.t('{0} exists already: a new fragment never replaces a file', path));
  replaceFilesAtomically([{ path, content: fragment.text }]);
  return { ...fragment, path };
}
