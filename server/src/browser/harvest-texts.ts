import * as l10n from '@vscode/l10n';
import type { Connection } from 'vscode-languageserver/browser';
import { URI } from 'vscode-uri';
import { naturalCompare } from '../core/harvest/natural-order';
import { type Cancellation, CancelledError } from '../core/service';
import {
  FRAGMENT_FIRST_LINE,
  HOST_LIST_FILES_REQUEST,
  HOST_READ_FILES_REQUEST,
  type HostListFilesParams,
  type HostListFilesResult,
  type HostReadFilesParams,
  type HostReadFilesResult,
} from '../protocol';
import { fromBase64 } from './base64';

/** Files read from the client at once: a progress step, and a chance to cancel. */
const READ_BATCH = 50;

/** A URI as the messages name it, as the desktop names a path: `/harvest/imported`. */
export const shown = (uri: string) => URI.parse(uri).path;

/**
 * The fragment files of folders and files (URIs), read by the client, as the desktop's exports
 * read them: in the order given and, inside a folder, in natural order (`row_2` before `row_10`);
 * a `.txt` found in a folder only when its first line is a FragmentID line.
 */
export async function readHarvestTexts(
  connection: Connection,
  paths: readonly string[],
  token?: Cancellation,
  onProgress?: (done: number, total: number) => void,
): Promise<Array<{ name: string; text: string }>> {
  const listing = await connection.sendRequest<HostListFilesResult>(HOST_LIST_FILES_REQUEST, { uris: paths } satisfies HostListFilesParams);
  if (listing.missing[0] !== undefined) throw new Error(l10n.t('no such file or folder: {0}', shown(listing.missing[0])));
  const candidates = new Map<string, boolean>();
  for (const entry of listing.folders) {
    const files = entry.isFile ? [entry.uri] : [...entry.files].sort((a, b) => naturalCompare(a.slice(entry.uri.length), b.slice(entry.uri.length)));
    for (const uri of files) if (!candidates.has(uri)) candidates.set(uri, entry.isFile);
  }
  const uris = [...candidates.keys()];
  const texts: Array<{ name: string; text: string }> = [];
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (let start = 0; start < uris.length; start += READ_BATCH) {
    if (token?.isCancellationRequested) throw new CancelledError();
    const batch = uris.slice(start, start + READ_BATCH);
    const read = await connection.sendRequest<HostReadFilesResult>(HOST_READ_FILES_REQUEST, { uris: batch } satisfies HostReadFilesParams);
    for (const [index, file] of read.entries()) {
      const uri = batch[index] as string;
      if (file.base64 === undefined) throw new Error(l10n.t('cannot read {0}: {1}', shown(uri), file.missing ? 'ENOENT' : (file.error ?? '')));
      const bytes = fromBase64(file.base64);
      // A `.txt` in a folder is a fragment file only when its first line is a FragmentID line.
      if (!candidates.get(uri) && uri.endsWith('.txt') && !FRAGMENT_FIRST_LINE.test(new TextDecoder().decode(bytes.subarray(0, 32)))) continue;
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        throw new Error(l10n.t('cannot read {0}: {1}', shown(uri), 'not valid UTF-8 text'));
      }
      texts.push({ name: uri, text });
    }
    onProgress?.(Math.min(start + READ_BATCH, uris.length), uris.length);
  }
  if (texts.length === 0) throw new Error(l10n.t('no fragment files in {0}', paths.map(shown).join(', ')));
  return texts;
}
