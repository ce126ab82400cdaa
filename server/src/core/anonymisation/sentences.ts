/**
 * Where a text may be cut into pieces the check reads one by one: after a sentence's end (not
 * after a title's dot: `Mrs. Rose`, `M. Mukendi`, `Dr. Okello`), and at the two spaces between
 * the merged story's parts. Nothing the check looks for runs across such a cut, so the pieces'
 * findings are the text's; the merged story's pieces are mostly the fields' own, read once.
 */
const CUT = /(?<=[\p{Ll}\p{N})\]»"”'’][.!?])[ \t]+(?=[\p{Lu}<«"“(])|(?<=\S) {2,}(?=\S)/gu;
/** Abbreviations whose dot ends no sentence. */
const NO_END = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|Prof|Hon|Rev|St|Mt|Mme|Mlle|Me|Mgr|Sr|Jr|Gen|Col|Capt|Lt|Sgt|No|Nos|Vol|vs|etc|cf|al|ca|approx|Inc|Ltd|Co)\.$/u;

/** The pieces of a text, each with where it starts. */
export function piecesOf(text: string): Array<{ text: string; start: number }> {
  const pieces: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (const cut of text.matchAll(CUT)) {
    if (NO_END.test(text.slice(Math.max(start, cut.index - 8), cut.index))) continue;
    pieces.push({ text: text.slice(start, cut.index), start });
    start = cut.index + cut[0].length;
  }
  pieces.push({ text: text.slice(start), start });
  return pieces;
}

/** Findings of a piece moved to where the piece stands in its text. */
export function shiftedFindings<Finding extends { readonly start: number; readonly end: number }>(findings: readonly Finding[], by: number): Finding[] {
  return by === 0 ? [...findings] : findings.map((finding) => ({ ...finding, start: finding.start + by, end: finding.end + by }));
}
