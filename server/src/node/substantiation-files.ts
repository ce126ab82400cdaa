import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import { WorkbookError } from '../workbook';
import { type SubstantiationFiles, unreadable } from '../workbook/substantiation';
import { replaceFilesAtomically } from './atomic-write';
import { harvestCandidates, readCandidate } from './harvest-candidates';

/** Substantiation's files on this computer's disk: for the CLI and the desktop's language server. */
export const diskSubstantiationFiles: SubstantiationFiles = {
  async readHarvest(paths) {
    const files: Array<{ name: string; text: string }> = [];
    for (const candidate of harvestCandidates(paths)) {
      const text = readCandidate(candidate);
      if (text !== undefined) files.push({ name: candidate.path, text });
    }
    if (files.length === 0) throw new WorkbookError(l10n.t('no fragment files in {0}', paths.join(', ')));
    return files;
  },
  async readBytes(path) {
    try {
      return readFileSync(path);
    } catch (error) {
      throw unreadable(path, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
    }
  },
  async writeAll(files, folder) {
    if (folder !== undefined) {
      if (existsSync(folder) && !statSync(folder).isDirectory()) throw new WorkbookError(l10n.t('cannot write into {0}: it is a file, not a folder', folder));
      mkdirSync(folder, { recursive: true });
    }
    replaceFilesAtomically(files);
  },
  join,
  baseName: (path) => basename(resolve(path)),
};
