import type { TextEdit } from 'vscode-languageserver-types';
import type { ParsedFile } from '../text/parse';

/**
 * Formatting: `**Key**: value` with the key trimmed inside its stars and one space after the
 * colon, and no trailing white space. A value's words are never touched; an empty value keeps
 * its conventional space (`**Key**: `). Applying it twice changes nothing the second time.
 */
export function formattingEdits(file: ParsedFile): TextEdit[] {
  const edits: TextEdit[] = [];
  const fieldLines = new Map<number, string>();
  for (const fragment of file.fragments) {
    for (const field of fragment.fields) {
      if (field.malformed) continue; // a broken line is the quick fix's to rewrite
      const line = file.lines[field.line];
      const colon = line?.text.indexOf('**:') ?? -1;
      if (!line || colon < 0) continue;
      const value = line.text.slice(colon + 3).trim();
      fieldLines.set(field.line, `**${field.key}**: ${value}`);
    }
  }
  for (const line of file.lines) {
    const formatted = fieldLines.get(line.number) ?? line.text.trimEnd();
    if (formatted === line.text) continue;
    edits.push({
      range: { start: { line: line.number, character: line.column }, end: { line: line.number, character: line.column + line.text.length } },
      newText: formatted,
    });
  }
  return edits;
}
