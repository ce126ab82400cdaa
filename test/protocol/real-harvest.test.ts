import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { type CodeAction, CodeActionRequest } from 'vscode-languageserver-protocol';
import { temporaryFolder } from '../temporary-folders';
import { TestClient } from './lsp-client';
import { cliPath, runCli as lint } from './run-cli';

const repositoryRoot = join(__dirname, '..', '..');
const example = readFileSync(join(repositoryRoot, 'example', '000_88eaf67a59f4c304.txt'), 'utf8');
const version = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')).version as string;

/** The four misspelt countries of a real harvest, under the generator's own `coutnry` key. */
const countries = [
  ['Ugnada', 'Uganda'],
  ['Keyna', 'Kenya'],
  ['DR Cong', 'DR Congo'],
  ['Somalie', 'Somalia'],
] as const;

/** Copy `n` of the example: its own FragmentID, its Country value, and any other change. */
function copyOfExample(n: number, country: string, change: (text: string) => string = (text) => text): string {
  return change(example.replace('/CIV021', `/CIV${String(100 + n)}`).replace('**coutnry**: DR Congo', `**coutnry**: ${country}`));
}

function folderWith(files: Record<string, string>): string {
  const folder = temporaryFolder('real-harvest-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

const snapshot = (folder: string) => Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]));

describe('fragment-lint on a real harvest', () => {
  const harvest = () => folderWith(Object.fromEntries(countries.map(([written], n) => [`row_${n + 1}.txt`, copyOfExample(n, written)])));

  it('checks the value under a misspelt key: unknown-field on the key, invalid-value on the value, in words for a confidential fragment', () => {
    const { code, stdout } = lint(['.'], harvest());
    assert.equal(code, 0);
    countries.forEach(([, meant], n) => {
      assert.match(stdout, new RegExp(`^row_${n + 1}\\.txt:4:3 warning unknown-field Unknown field "coutnry"\\. Did you mean "Country"\\?$`, 'm'));
      assert.match(
        stdout,
        new RegExp(
          `^row_${n + 1}\\.txt:4:14 warning invalid-value A value of "Country" is not listed, but is close to "${meant}"\\. The fix changes it to "${meant}"\\.$`,
          'm',
        ),
      );
    });
    for (const [written] of countries) assert.doesNotMatch(stdout, new RegExp(`${written}(?![a-z])`), `the confidential value ${written} is not shown`);
    assert.doesNotMatch(stdout, /<redacted>"? is/, 'every message says what is wrong');
  });

  it('--fix renames the key and fixes the value in one run, and says what it fixed per code', () => {
    const folder = harvest();
    const { code, stdout } = lint(['--fix', '.'], folder);
    assert.equal(code, 0);
    countries.forEach(([, meant], n) => {
      assert.equal(readFileSync(join(folder, `row_${n + 1}.txt`), 'utf8').split('\n')[3], `**Country**: ${meant}`);
    });
    assert.match(stdout, /Fixed 8 problems in 4 files: 4 invalid-value, 4 unknown-field\.\n$/);
  });

  it('--fix --verbose lists each fix, file by file, in words', () => {
    const { stdout } = lint(['--fix', '--verbose', 'row_1.txt'], harvest());
    assert.match(stdout, /^row_1\.txt:4 fixed unknown-field: Unknown field "coutnry"\. Did you mean "Country"\?$/m);
    assert.match(
      stdout,
      /^row_1\.txt:4 fixed invalid-value: A value of "Country" is not listed, but is close to "Uganda"\. The fix changes it to "Uganda"\.$/m,
    );
  });

  it('--fix --dry-run prints a unified diff and leaves every file byte-identical', () => {
    const folder = folderWith({ 'row_1.txt': copyOfExample(1, 'Ugnada', (text) => text.replace('CONFIDENTIAL**: 1.0', 'CONFIDENTIAL**: 0')) });
    const before = snapshot(folder);
    const { code, stdout, stderr } = lint(['--fix', '--dry-run', '.'], folder);
    assert.equal(code, 0);
    assert.deepEqual(snapshot(folder), before);
    assert.match(stdout, /^--- a\/row_1\.txt\n\+\+\+ b\/row_1\.txt\n@@ -1,7 \+1,7 @@\n/);
    assert.match(stdout, /^-\*\*coutnry\*\*: Ugnada\n\+\*\*Country\*\*: Uganda$/m);
    assert.match(stderr, /Would fix 2 problems in 1 file \(dry run: nothing written\): 1 invalid-value, 1 unknown-field\./);
  });

  it('--dry-run hides the values of a confidential fragment in its diff', () => {
    const folder = folderWith({ 'row_1.txt': copyOfExample(1, 'Ugnada') });
    const { stdout, stderr } = lint(['--fix', '--dry-run', '.'], folder);
    assert.match(stdout, /^-\*\*coutnry\*\*: <redacted>\n\+\*\*Country\*\*: <redacted>$/m);
    assert.ok(!stdout.includes('Ugnada') && !stdout.includes('SECHA'));
    assert.match(stderr, /The values of confidential fragments are hidden in the diff\./);
  });

  it('reports N/A evidence as empty: a placeholder, not an answer', () => {
    const text = copyOfExample(1, 'Uganda', (t) =>
      t.replace('**Evidence supporting the outcome statement**: ', '**Evidence supporting the outcome statement**: N/A'),
    );
    const { stdout } = lint(['row.txt'], folderWith({ 'row.txt': text }));
    assert.match(
      stdout,
      /^row\.txt:16:3 warning empty-field Required field "Evidence supporting the outcome statement" holds only "N\/A": a placeholder, not an answer\.$/m,
    );
  });

  it('reports a FragmentID used by two files on both, naming the other file and line (text and JSON)', () => {
    const folder = folderWith({ 'a.txt': example, 'b.txt': example, 'c.txt': copyOfExample(3, 'Uganda') });
    const { code, stdout } = lint(['.'], folder);
    assert.equal(code, 1);
    const duplicates = stdout.split('\n').filter((line) => line.includes('duplicate-id'));
    assert.deepEqual(duplicates, [
      'a.txt:1:17 error duplicate-id FragmentID "SCC-<redacted>/CIV021" is used by another fragment. Also at b.txt:1:17.',
      'b.txt:1:17 error duplicate-id FragmentID "SCC-<redacted>/CIV021" is used by another fragment. Also at a.txt:1:17.',
    ]);
    const json = JSON.parse(lint(['--format', 'json', '.'], folder).stdout) as Array<{ file: string; code: string; related?: unknown }>;
    assert.deepEqual(
      json.filter((problem) => problem.code === 'duplicate-id').map((problem) => [problem.file, problem.related]),
      [
        ['a.txt', [{ file: 'b.txt', line: 1, column: 17 }]],
        ['b.txt', [{ file: 'a.txt', line: 1, column: 17 }]],
      ],
    );
  });

  it('stops quietly when its reader does (fragment-lint … | head)', async () => {
    const folder = folderWith(Object.fromEntries(Array.from({ length: 300 }, (_, n) => [`row_${n}.txt`, example])));
    // The test is the reader: it takes the first line and closes the pipe, as `head -n 1` would.
    const child = spawn(process.execPath, [cliPath, '.'], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const firstLine = await new Promise<string>((resolve, reject) => {
      let read = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        read += chunk;
        const end = read.indexOf('\n');
        if (end >= 0) {
          child.stdout.destroy();
          resolve(read.slice(0, end));
        }
      });
      child.on('error', reject);
      child.on('close', () => reject(new Error(`the CLI ended before writing a line: ${stderr}`)));
    });
    const [code, signal] = await closed;
    assert.match(firstLine, /^row_\d+\.txt:\d+:\d+ /);
    assert.equal(signal, null, 'not killed by SIGPIPE');
    assert.ok(code === 0 || code === 1, `an exit code of its own, not ${code}`);
    assert.equal(stderr, '', 'no EPIPE trace');
  });

  it('prints its version', () => {
    const { code, stdout } = lint(['--version'], repositoryRoot);
    assert.equal(code, 0);
    assert.equal(stdout, `${version}\n`);
  });

  it('says --dry-run and --verbose go with --fix', () => {
    const { code, stderr } = lint(['--dry-run', 'example'], repositoryRoot);
    assert.equal(code, 2);
    assert.match(stderr, /--dry-run goes with --fix/);
  });
});

describe('the language server on a real harvest', () => {
  let client: TestClient;
  before(async () => {
    ({ client } = await TestClient.start());
  });
  afterEach(() => client.closeAll());
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  for (const [n, [written, meant]] of countries.entries()) {
    it(`**coutnry**: ${written}: both diagnostics at once, "${meant}" preferred, one fix-all fixes both`, async () => {
      const uri = `file:///workspace/row_${n + 1}.txt`;
      const text = copyOfExample(n, written);
      await client.open(uri, text);
      const diagnostics = await client.diagnosticsOf(uri, 1);
      const onLine = diagnostics.filter((diagnostic) => diagnostic.range.start.line === 3);
      assert.deepEqual(
        onLine.map((diagnostic) => diagnostic.code),
        ['unknown-field', 'invalid-value'],
      );
      const quickFixes = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: onLine[1]?.range ?? { start: { line: 3, character: 14 }, end: { line: 3, character: 14 } },
        context: { diagnostics: onLine.slice(1), only: ['quickfix'] },
      })) as CodeAction[];
      assert.deepEqual(
        quickFixes.filter((action) => action.isPreferred).map((action) => action.title),
        [`Change to "${meant}"`],
      );
      const [fixAll] = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.fragment'] },
      })) as CodeAction[];
      const edits = fixAll?.edit?.changes?.[uri] ?? [];
      assert.deepEqual(
        edits.map((edit) => edit.newText),
        [`**Country**: ${meant}\n`],
      );
    });
  }
});
