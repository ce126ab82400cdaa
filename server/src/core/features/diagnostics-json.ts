/**
 * Each diagnostic's JSON, made once: a diagnostic does not change once checked, and a chunk
 * that an edit did not touch keeps its diagnostics (the same objects), so sending a large file's
 * 4,000 diagnostics again after a keystroke encodes only the few that are new.
 */
const encoded = new WeakMap<object, string>();

/** Exactly `JSON.stringify(diagnostics)`, from the JSON of each diagnostic. */
export function diagnosticsJson(diagnostics: readonly object[]): string {
  const parts: string[] = new Array(diagnostics.length);
  for (let position = 0; position < diagnostics.length; position++) {
    const diagnostic = diagnostics[position] as object;
    let json = encoded.get(diagnostic);
    if (json === undefined) {
      json = JSON.stringify(diagnostic);
      encoded.set(diagnostic, json);
    }
    parts[position] = json;
  }
  return `[${parts.join(',')}]`;
}
