import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import type { ChunkedSource } from '../core/service';
import { ChunkedText } from '../core/text/chunked-text';
import type { ChunkCutter } from '../core/text/chunks';

/**
 * An open document, its text kept in chunks (core/text/chunked-text.ts): the server's TextDocuments
 * make these instead of TextDocument, whose every keystroke in a large file copied the whole
 * text and whose check then cut it into chunks again.
 */
export class FragmentDocument {
  private readonly content: ChunkedText;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
  ) {
    this.content = new ChunkedText(text);
  }

  get version(): number {
    return this.currentVersion;
  }

  getText(): string {
    return this.content.text;
  }

  /** The text as the cutter of the document's schema cuts it, and its length, for the service. */
  source(cutter: ChunkCutter): ChunkedSource {
    const content = this.content;
    const document = this;
    // The list is this version's (an edit makes another): the analysis may keep it.
    const chunks = content.cutWith(cutter);
    const version = this.currentVersion;
    let text: string | undefined;
    return {
      chunks,
      length: content.length,
      get text() {
        text ??= version === document.version ? content.text : chunks.map((chunk) => chunk.text).join('');
        return text;
      },
    };
  }

  static readonly configuration: TextDocumentsConfiguration<FragmentDocument> = {
    create: (uri, languageId, version, text) => new FragmentDocument(uri, languageId, version, text),
    update: (document, changes: TextDocumentContentChangeEvent[], version) => {
      document.content.update(changes);
      document.currentVersion = version;
      return document;
    },
  };
}
