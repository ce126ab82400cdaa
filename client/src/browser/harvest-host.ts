import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { fromBase64, toBase64 } from '../../../server/src/browser/base64';
import {
  HOST_HARVEST_BUNDLE_REQUEST,
  HOST_LIST_FILES_REQUEST,
  HOST_READ_FILES_REQUEST,
  HOST_REPORT_BUNDLE_REQUEST,
  HOST_WRITE_FILES_REQUEST,
  type HostListFilesParams,
  type HostListFilesResult,
  type HostReadFilesParams,
  type HostReadFilesResult,
  type HostReportBundleResult,
  type HostWriteFilesParams,
} from '../../../server/src/protocol';
import { SKIPPED_FOLDER } from './folder-reader';

/**
 * The file system of workbook import and export for the server in the web worker, which has
 * none: reading, listing and writing through `workspace.fs` (any scheme the workspace has), and
 * the bytes of the worker's workbook and report bundles, which it runs on first use (the report's
 * with its charts' WebAssembly and font).
 */
export function serveHarvestFiles(client: BaseLanguageClient, extensionUri: vscode.Uri): void {
  client.onRequest(HOST_HARVEST_BUNDLE_REQUEST, async () =>
    new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'browser', 'harvest.js'))),
  );

  client.onRequest(HOST_REPORT_BUNDLE_REQUEST, async (): Promise<HostReportBundleResult> => {
    const read = (...path: string[]) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', ...path));
    const [script, wasm, font] = await Promise.all([read('browser', 'report.js'), read('resvg.wasm'), read('fonts', 'DejaVuSans.ttf')]);
    return { script: new TextDecoder().decode(script), wasm: toBase64(wasm), fonts: [toBase64(font)] };
  });

  client.onRequest(
    HOST_READ_FILES_REQUEST,
    ({ uris }: HostReadFilesParams): Promise<HostReadFilesResult> =>
      Promise.all(
        uris.map(async (uri) => {
          try {
            return { base64: toBase64(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))) };
          } catch (error) {
            if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { missing: true as const };
            return { error: reasonOf(error) };
          }
        }),
      ),
  );

  client.onRequest(HOST_LIST_FILES_REQUEST, async ({ uris }: HostListFilesParams): Promise<HostListFilesResult> => {
    const folders: Array<HostListFilesResult['folders'][number]> = [];
    const missing: string[] = [];
    for (const text of uris) {
      const uri = vscode.Uri.parse(text);
      let stat: vscode.FileStat;
      try {
        stat = await vscode.workspace.fs.stat(uri);
      } catch {
        missing.push(text);
        continue;
      }
      if ((stat.type & vscode.FileType.Directory) === 0) {
        folders.push({ uri: text, isFile: true, files: [] });
        continue;
      }
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*.{fragment,txt}'));
      const files = found.filter((file) => !SKIPPED_FOLDER.test(file.path)).map((file) => file.toString());
      folders.push({ uri: uri.toString(), isFile: false, files });
    }
    return { folders, missing };
  });

  client.onRequest(HOST_WRITE_FILES_REQUEST, ({ files }: HostWriteFilesParams) => writeAllOrNothing(files));
}

/**
 * Writes each file to a temporary name beside it, then renames them over: a failure before the
 * renames leaves nothing behind (the temporaries go, a folder made for them too). `workspace.fs`
 * has no way to undo a rename that came before a failed one; renames within a folder rarely fail.
 */
async function writeAllOrNothing(files: HostWriteFilesParams['files']): Promise<void> {
  const stamp = Date.now().toString(36);
  const targets = files.map((file) => vscode.Uri.parse(file.uri));
  const temporaries = targets.map((target) => vscode.Uri.joinPath(target, '..', `.${target.path.replace(/^.*\//, '')}.${stamp}.tmp`));
  const madeFolders: vscode.Uri[] = [];
  let renamed = 0;
  try {
    for (const folder of new Set(targets.map((target) => vscode.Uri.joinPath(target, '..').toString()))) {
      const uri = vscode.Uri.parse(folder);
      if (!(await exists(uri))) {
        await vscode.workspace.fs.createDirectory(uri);
        madeFolders.push(uri);
      }
    }
    for (const [index, file] of files.entries()) await vscode.workspace.fs.writeFile(temporaries[index] as vscode.Uri, fromBase64(file.base64));
    for (const [index, target] of targets.entries()) {
      await vscode.workspace.fs.rename(temporaries[index] as vscode.Uri, target, { overwrite: true });
      renamed++;
    }
  } catch (error) {
    for (const temporary of temporaries.slice(renamed)) await vscode.workspace.fs.delete(temporary, { useTrash: false }).then(undefined, () => undefined);
    if (renamed === 0)
      for (const folder of madeFolders.reverse())
        await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    const what = targets[renamed] ?? targets[0];
    throw new Error(
      renamed === 0
        ? vscode.l10n.t('cannot write {0}: {1}; nothing was written', what?.path ?? '', reasonOf(error))
        : vscode.l10n.t('cannot write {0}: {1}; {2} of {3} files were written', what?.path ?? '', reasonOf(error), renamed, files.length),
    );
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof vscode.FileSystemError) {
    const reasons: Record<string, string> = {
      NoPermissions: vscode.l10n.t('permission denied'),
      FileIsADirectory: vscode.l10n.t('a folder stands where the file should be'),
      FileNotADirectory: vscode.l10n.t('a file stands where a folder should be'),
      Unavailable: vscode.l10n.t('the file system is unavailable'),
    };
    return reasons[error.code] ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
