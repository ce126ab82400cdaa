/**
 * A value sent to the client whose JSON is made already (a large file's diagnostics, see
 * core/features/diagnostics-json.ts). The stdio transport (node/stdio-connection.ts) writes `json` as it
 * is; any other JSON encoder calls `toJSON` and encodes the value itself, so nothing depends on
 * the transport. Not for transports that clone instead of encoding (a web worker's postMessage):
 * the server is told whether to make these (startServer's `encodedJson`).
 */
export class EncodedJson<T> {
  constructor(
    readonly json: string,
    private readonly value: () => T,
  ) {}

  toJSON(): T {
    return this.value();
  }
}
