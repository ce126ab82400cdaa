import { applyEdits, type FormattingOptions, findNodeAtLocation, format, modify, type Node, type ParseError, parse, parseTree } from 'jsonc-parser';

/**
 * The configuration's text with `code` recorded under `fragmentId` in `ignore`, the rest of the
 * file as it was (comments, order, indentation); a new file when there is none. Undefined when
 * the file cannot take it (a syntax error, an `ignore` that is no object): it is left alone.
 */
export function withDismissal(text: string | undefined, fragmentId: string, code: string): string | undefined {
  return withListEntry(text, ['ignore', fragmentId], code);
}

/** The configuration's text with `value` in `anonymisation.allow` ("Allow … in this harvest"), as `withDismissal` writes. */
export function withAllowed(text: string | undefined, value: string): string | undefined {
  return withListEntry(text, ['anonymisation', 'allow'], value, (entry) => entry.toLowerCase() === value.toLowerCase());
}

/** The text with `entry` appended to the list at `path` (objects and list made when absent), unless `isThere` finds it. */
function withListEntry(
  text: string | undefined,
  path: readonly [string, string],
  entry: string,
  isThere: (existing: string) => boolean = (existing) => existing === entry,
): string | undefined {
  const [section, key] = path;
  const fresh = `${JSON.stringify({ [section]: { [key]: [entry] } }, null, 2)}\n`;
  if (text === undefined || text.trim() === '') return fresh;
  const errors: ParseError[] = [];
  const json: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !isObject(json)) return undefined;
  // `{}` and nothing else (no comment to keep): the file as a new one would be.
  if (Object.keys(json).length === 0 && !/\/[/*]/.test(text)) return text.includes('\r\n') ? fresh.replace(/\n/g, '\r\n') : fresh;
  const object = json[section];
  if (object !== undefined && !isObject(object)) return undefined;
  const list = object?.[key];
  if (list !== undefined && !Array.isArray(list)) return undefined;
  if (list?.some((existing) => typeof existing === 'string' && isThere(existing))) return text;
  // Appending to an existing list keeps its other entries; otherwise the list is new.
  const where = list ? [section, key, -1] : [section, key];
  // modify's own formatting reformats the whole line it inserts on (the property before, too):
  // insert unformatted, then format the inserted text alone.
  const [insertion] = modify(text, where, list ? entry : [entry], {});
  if (!insertion) return text;
  if (list && !/[\r\n]/.test(text.slice(findNodeAtLocation(parseTree(text) as Node, [section, key])?.offset ?? 0, insertion.offset))) {
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
