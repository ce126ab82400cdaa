import { applyEdits, type FormattingOptions, findNodeAtLocation, format, modify, type Node, type ParseError, parse, parseTree } from 'jsonc-parser';

/**
 * The configuration's text with `code` recorded under `fragmentId` in `ignore`, the rest of the
 * file as it was (comments, order, indentation); a new file when there is none. Undefined when
 * the file cannot take it (a syntax error, an `ignore` that is no object): it is left alone.
 */
export function withDismissal(text: string | undefined, fragmentId: string, code: string): string | undefined {
  const fresh = `${JSON.stringify({ ignore: { [fragmentId]: [code] } }, null, 2)}\n`;
  if (text === undefined || text.trim() === '') return fresh;
  const errors: ParseError[] = [];
  const json: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !isObject(json)) return undefined;
  // `{}` and nothing else (no comment to keep): the file as a new one would be.
  if (Object.keys(json).length === 0 && !/\/[/*]/.test(text)) return text.includes('\r\n') ? fresh.replace(/\n/g, '\r\n') : fresh;
  const ignore = json.ignore;
  if (ignore !== undefined && !isObject(ignore)) return undefined;
  const codes = ignore?.[fragmentId];
  if (codes !== undefined && !Array.isArray(codes)) return undefined;
  if (codes?.includes(code)) return text;
  // Appending to an existing list keeps its other codes; otherwise the list is new.
  const path = codes ? ['ignore', fragmentId, -1] : ['ignore', fragmentId];
  // modify's own formatting reformats the whole line it inserts on (the property before, too):
  // insert unformatted, then format the inserted text alone.
  const [insertion] = modify(text, path, codes ? code : [code], {});
  if (!insertion) return text;
  if (codes && !/[\r\n]/.test(text.slice(findNodeAtLocation(parseTree(text) as Node, ['ignore', fragmentId])?.offset ?? 0, insertion.offset))) {
    // A list written on one line stays on one line.
    return applyEdits(text, [{ ...insertion, content: insertion.content.replace(/^,/, ', ') }]);
  }
  const inserted = applyEdits(text, [insertion]);
  return applyEdits(inserted, format(inserted, { offset: insertion.offset, length: insertion.content.length }, formattingOf(text)));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The file's own indentation and line ends, so that the new lines look like the old ones. */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indent.length, eol };
}
