// Substantiation in the web worker extension host: the same commands, the worker's server reading
// and writing through the client (workspace.fs), the forms made and read by the worker's adapter.
import * as vscode from 'vscode';
import type { SubstantiationOutcome } from '../../../client/src/harvest-io/substantiation';
import type { Row } from '../../../server/src/core/harvest/cells';
import type { ImportSubstantiationResult, PrepareSubstantiationResult } from '../../../server/src/protocol';
import { readWorkbookSheets, writeWorkbook } from '../../../server/src/workbook';
import { EXAMPLE_ID, exampleUri } from '../helpers';
import { assert, assertEqual, test } from './runner';

const inFolder = (name: string) => vscode.Uri.joinPath(exampleUri(), '..', name);
const readText = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const statusOf = (text: string) => /^\*\*Substantiation status\*\*: (.*)$/m.exec(text)?.[1];

test('Prepare Substantiation… and Import Substantiation Responses… run in the worker: forms written, answers brought back', async () => {
  const folder = inFolder('web substantiation');
  const out = inFolder('web forms');
  try {
    const example = (await readText(exampleUri())).replace('**Outcome statements is CONFIDENTIAL**: 1.0', '**Outcome statements is CONFIDENTIAL**: 0');
    const files = ['SCC-<redacted>/CIV871', 'SCC-<redacted>/CIV872', 'SCC-<redacted>/CIV873'].map((id, index) => ({
      uri: vscode.Uri.joinPath(folder, `outcome_${index + 1}.txt`),
      id,
    }));
    for (const file of files) await vscode.workspace.fs.writeFile(file.uri, new TextEncoder().encode(example.replace(EXAMPLE_ID, file.id)));
    const prepared = await vscode.commands.executeCommand<SubstantiationOutcome<PrepareSubstantiationResult>>(
      'outcomeFragments.prepareSubstantiation',
      folder,
      [folder],
      {
        out,
        substantiators: ['Teacher, a school of the district'],
        sample: { count: 2, seed: 'web' },
        includeConfidential: false,
        confirm: true,
      },
    );
    assertEqual(prepared?.error, undefined, 'the error of prepare');
    const form = prepared?.result?.forms[0];
    assert(form !== undefined && form.ids.length === 2, `one form of two outcomes: ${JSON.stringify(prepared?.result?.forms)}`);
    const sent = await Promise.all(files.map(async (file) => statusOf(await readText(file.uri))));
    assertEqual(sent.filter((status) => status === 'sent').length, 2, 'outcomes marked sent');

    // Answered: the first row disagrees on the contribution.
    const formUri = vscode.Uri.parse(form.path);
    const sheets = await readWorkbookSheets(await vscode.workspace.fs.readFile(formUri), 'form.xlsx');
    const outcomes = sheets[1] as { name: string; rows: readonly Row[] };
    const [headers, ...rows] = outcomes.rows as [Row, ...Row[]];
    const answered = rows.map((row, index) => [...row.slice(0, 5), 'fully agree', 'fully agree', index === 0 ? 'disagree' : 'fully agree', '']);
    await vscode.workspace.fs.writeFile(
      formUri,
      await writeWorkbook([sheets[0] as typeof outcomes, { name: 'Outcomes', rows: [headers, ...answered.reverse()] }], 'xlsx'),
    );
    const imported = await vscode.commands.executeCommand<SubstantiationOutcome<ImportSubstantiationResult>>(
      'outcomeFragments.importSubstantiation',
      formUri,
      [formUri],
      {
        into: [folder],
      },
    );
    assertEqual(imported?.error, undefined, 'the error of import');
    assertEqual([imported?.result?.answered, imported?.result?.disagreed], [2, 1], 'answered, disagreed');
    const after = await Promise.all(files.map(async (file) => statusOf(await readText(file.uri))));
    assertEqual(after.filter((status) => status === 'answered').length, 2, 'outcomes marked answered');
  } finally {
    for (const uri of [folder, out])
      await Promise.resolve(vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false })).then(undefined, () => undefined);
  }
});
