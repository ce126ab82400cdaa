// Export Harvest Report… in the web worker extension host: the worker's server loads the report's
// bundle, resvg's WebAssembly and the font through the client (workspace.fs), and writes the
// report and its charts there, all at once.
import * as vscode from 'vscode';
import type { ExportReportOutcome } from '../../../client/src/harvest-io/export-report';
import { reportHarvestFiles } from '../../report-harvest';
import { exampleUri } from '../helpers';
import { assert, assertEqual, test } from './runner';

const inFolder = (name: string) => vscode.Uri.joinPath(exampleUri(), '..', name);
const readText = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

test('Export Harvest Report… runs in the worker: the Markdown and its charts written, the gate kept', async () => {
  const folder = inFolder('web report harvest');
  const output = inFolder('web-report.md');
  const charts = inFolder('web-report-charts');
  try {
    // CIV621, not the example's own CIV021: the workspace is one harvest.
    for (const file of reportHarvestFiles(await readText(exampleUri()), '621'))
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, file.name), new TextEncoder().encode(file.text));
    const outcome = await vscode.commands.executeCommand<ExportReportOutcome>('outcomeFragments.exportReport', folder, [folder], {
      output,
      includeConfidential: false,
    });
    assertEqual(outcome?.error, undefined, 'the error of the report');
    assertEqual(
      [outcome?.result?.outcomes, outcome?.result?.quoted, outcome?.result?.confidentialLeftOut, outcome?.result?.unanonymisedLeftOut],
      [5, 3, 1, 1],
      'outcomes, quoted, confidential and un-anonymised left out',
    );
    const markdown = await readText(output);
    assert(!/CIV777|Hidden hamlet|CIV030|Nyota|\+256/.test(markdown), 'nothing it may not quote');
    const pictures = await vscode.workspace.fs.readDirectory(charts);
    assert(pictures.length >= 5, `${pictures.length} charts`);
    const first = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(charts, (pictures[0] as [string, vscode.FileType])[0]));
    assertEqual(new TextDecoder().decode(first.subarray(1, 4)), 'PNG', 'a PNG');
  } finally {
    for (const uri of [folder, output, charts])
      await Promise.resolve(vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false })).then(undefined, () => undefined);
  }
});
