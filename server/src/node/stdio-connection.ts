import { format } from 'node:util';
import { AbstractMessageWriter, type Connection, createConnection, type Message, type MessageWriter, ProposedFeatures } from 'vscode-languageserver/node';
import { EncodedJson } from '../lsp/encoded-json';

/**
 * The connection over stdin and stdout (`--stdio`), as `createConnection` makes it, but with a
 * writer that writes the JSON of an {@link EncodedJson} as it is (publishing a large file's
 * 4,000 diagnostics after a keystroke then encodes only the ones that changed), and each message
 * in one write.
 */
export function stdioConnection(): Connection {
  // The input as a stream: the library then ends the server with it, as it does for --stdio. Its
  // types want two streams or a reader and a writer; it takes a stream and a writer as well.
  const writer = new OneWriteMessageWriter(process.stdout);
  const connection = createConnection(ProposedFeatures.all, process.stdin, writer as unknown as NodeJS.WritableStream);
  // stdout carries the protocol: what the console prints goes to the client's log, as createConnection does for --stdio.
  const log =
    (write: (message: string) => void) =>
    (...values: unknown[]) =>
      write(format(...values));
  console.log = log((message) => connection.console.log(message));
  console.info = log((message) => connection.console.info(message));
  console.debug = log((message) => connection.console.log(message));
  console.warn = log((message) => connection.console.warn(message));
  console.error = log((message) => connection.console.error(message));
  return connection;
}

/**
 * Stands for the encoded JSON in the message's JSON until it is put in: a quoted string no other
 * value of the message can be, since no one knows it (random, not from `crypto`, whose loading
 * costs milliseconds of every start).
 */
const marker = `encoded-json-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
const placeholder = `"${marker}"`;

/**
 * Writes each message's header and content in one write. The library's writer makes two, the
 * second after the first has completed; stdout on a pipe writes synchronously, so each woke the
 * client once more, and in a profile of 1,000 keystrokes on the example the header's write was a
 * fifth of the server's time.
 */
class OneWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    output.on('error', (error: Error) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let content: string;
    try {
      content = messageJson(message);
    } catch (error) {
      this.fireError(error);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      // The length counts the bytes of the UTF-8 content, which follows the ASCII header in the same string.
      this.output.write(`Content-Length: ${Buffer.byteLength(content, 'utf8')}\r\n\r\n${content}`, 'utf8', (error) => {
        if (!error) return resolve();
        this.errorCount++;
        this.fireError(error, message, this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.output.end();
  }
}

/** The message's JSON, with at most one encoded value (the diagnostics of a notification or a report), as the protocol's messages hold them. */
function messageJson(message: Message): string {
  const holder = message as { params?: { diagnostics?: unknown }; result?: { items?: unknown } };
  const encoded = holder.params?.diagnostics ?? holder.result?.items;
  if (!(encoded instanceof EncodedJson)) return JSON.stringify(message);
  // The message with the marker in the value's place (a copy: the message itself stays as it is).
  const json = JSON.stringify(
    holder.params?.diagnostics === encoded
      ? { ...message, params: { ...holder.params, diagnostics: marker } }
      : { ...message, result: { ...holder.result, items: marker } },
  );
  const at = json.indexOf(placeholder);
  return json.slice(0, at) + encoded.json + json.slice(at + placeholder.length);
}
