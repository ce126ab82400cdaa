import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { repositoryRoot } from './helpers';

/**
 * The house stays easy to read (CONTRIBUTING, "How it is built"): the server's layers are
 * folders, imports go one way, no file grows past one idea, and nothing imports itself round.
 */
const posix = (path: string) => path.split(sep).join('/');
const sourceFolders = ['server/src', 'client/src', 'scripts', 'test'];

function filesUnder(folder: string): string[] {
  return readdirSync(join(repositoryRoot, folder)).flatMap((name) => {
    const path = `${folder}/${name}`;
    if (statSync(join(repositoryRoot, path)).isDirectory()) return name === 'fixtures' ? [] : filesUnder(path);
    return /\.(ts|mts|mjs)$/.test(name) ? [path] : [];
  });
}

const looseFiles = (folder: string) => readdirSync(join(repositoryRoot, folder)).filter((name) => statSync(join(repositoryRoot, folder, name)).isFile());

/** Which folders of server/src each layer may import from, lowest first; protocol.ts is shared with the client. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: ['core'],
  workbook: ['core', 'workbook'],
  report: ['core', 'report'],
  workspace: ['core', 'workspace'],
  lsp: ['core', 'workspace', 'lsp', 'protocol.ts'],
  node: ['core', 'workbook', 'report', 'workspace', 'lsp', 'node', 'protocol.ts'],
  browser: ['core', 'workbook', 'report', 'workspace', 'lsp', 'browser', 'protocol.ts'],
  cli: ['core', 'workbook', 'report', 'workspace', 'node', 'cli', 'protocol.ts'],
  'protocol.ts': ['core'],
};

describe('the house', () => {
  it('server/src holds its layers as folders, and at most two files; its core at most six', () => {
    assert.ok(looseFiles('server/src').length <= 2, `server/src: ${looseFiles('server/src').join(', ')}`);
    assert.ok(looseFiles('server/src/core').length <= 6, `server/src/core: ${looseFiles('server/src/core').join(', ')}`);
    for (const layer of Object.keys(MAY_IMPORT)) assert.ok(statSync(join(repositoryRoot, 'server/src', layer)), layer);
  });

  it('no source file is over 300 lines (the schema’s data files aside)', () => {
    const long = sourceFolders
      .flatMap(filesUnder)
      .filter((path) => !path.startsWith('server/src/core/schema/'))
      .map((path) => ({ path, lines: readFileSync(join(repositoryRoot, path), 'utf8').split('\n').length - 1 }))
      .filter((file) => file.lines > 300);
    assert.deepEqual(long, []);
  });

  it('imports go one way, lower layers never importing higher ones, and none goes round (type imports included)', async () => {
    // dpdm 3 reads its globs from the working folder (this file runs in a process of its own).
    process.chdir(repositoryRoot);
    const tree = await parseDependencyTree(['server/src/**/*.ts', 'client/src/**/*.ts'], {
      context: repositoryRoot,
      tsconfig: join(repositoryRoot, 'tsconfig.json'),
      transform: false,
    });
    const files = Object.keys(tree).filter((file) => !file.includes('node_modules'));
    assert.ok(files.length > 100, `${files.length} files read`);
    assert.deepEqual(parseCircular(tree), []);
    const layerOf = (file: string) => {
      const inServer = posix(relative('server/src', posix(file)));
      return inServer.startsWith('..') ? undefined : inServer.split('/')[0];
    };
    const wrongWay: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      const allowed = layer === undefined ? undefined : MAY_IMPORT[layer];
      for (const dependency of tree[file] ?? []) {
        if (dependency.id === null || dependency.id.includes('node_modules')) continue;
        const target = layerOf(dependency.id);
        if (layer === undefined || target === undefined) continue;
        if (!allowed?.includes(target)) wrongWay.push(`${file} -> ${dependency.id}`);
      }
    }
    assert.deepEqual(wrongWay, []);
  });
});
