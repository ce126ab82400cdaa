// Bundled for the browser by workbook-worker.test.ts and run in a Web Worker: the workbook
// adapter and the import mapping, as the web extension's server will run them.
import { importSheet } from '../../server/src/core/harvest/import-rows';
import { defaultSchema } from '../../server/src/core/schema/default-schema';
import { readWorkbook, writeWorkbook } from '../../server/src/workbook';

const worker = globalThis as unknown as { onmessage: (event: { data: ArrayBuffer }) => void; postMessage: (message: unknown) => void };

worker.onmessage = async (event) => {
  try {
    const sheet = await readWorkbook(new Uint8Array(event.data), 'master.xlsx');
    const files = importSheet(sheet, defaultSchema).fragments.map((fragment) => ({ name: fragment.fileName, text: fragment.text }));
    const xlsx = await readWorkbook(await writeWorkbook([sheet], 'xlsx'), 'again.xlsx');
    const csv = await readWorkbook(await writeWorkbook([sheet], 'csv'), 'again.csv');
    worker.postMessage({ files, rows: [xlsx.rows.length, csv.rows.length] });
  } catch (error) {
    worker.postMessage({ error: String((error as Error).stack ?? error) });
  }
};
