// The benchmark's corpus: 10,000 fragment files made from the shared example with deterministic
// variations (IDs, years, ratings, typos, empty evidence, CRLF), as a harvest spreadsheet makes them.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_SIZE = 10_000;
const VERSION = 'v1';

/** A small deterministic PRNG (mulberry32): the same corpus on every machine. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OBJECTIVES = [
  'CIV: Less suppression of civic space',
  'PHR: Conflict transformation, peace and human rights',
  'GEN: More equal gender roles and norms',
  'EXT: Mitigating external stress factors',
];
const COUNTRIES = ['DR Congo', 'Kenya', 'Uganda', 'South Sudan', 'Mali', 'Niger', 'Iraq', 'Lebanon', 'Yemen', 'DR Cong', 'Ugnada'];
const RATINGS = ['low', 'medium', 'high', 'Medium', 'meduim'];

export function fragmentText(example: string, index: number): { name: string; text: string } {
  const next = random(index + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const objective = pick(OBJECTIVES);
  const code = next() < 0.97 ? objective.slice(0, 3) : 'CIV';
  let text = example
    .replace('SCC-<redacted>/CIV021', `SCC-<redacted>/${code}${String(index).padStart(5, '0')}`)
    .replace('CIV: Less suppression of civic space', objective)
    .replace('**Year**: 2024', `**Year**: ${2015 + Math.floor(next() * 10)}${next() < 0.1 ? '.0' : ''}`)
    .replace('**Rating significance**: medium', `**Rating significance**: ${pick(RATINGS)}`)
    .replace('**coutnry**: DR Congo', next() < 0.5 ? `**coutnry**: ${pick(COUNTRIES)}` : `**Country**: ${pick(COUNTRIES)}`);
  if (next() < 0.6)
    text = text.replace(
      '**Evidence supporting the outcome statement**: ',
      '**Evidence supporting the outcome statement**: Activity report; interview with the coordinator.',
    );
  if (next() < 0.2) text = text.replace('digitized its data collection systems', 'digitized its data collection and archiving systems');
  if (next() < 0.1) text = text.replace(/\n/g, '\r\n');
  return { name: `round${Math.floor(index / 500)}/${String(index).padStart(5, '0')}${next() < 0.8 ? '.txt' : '.fragment'}`, text };
}

/** Writes a corpus of `size` files once into `folder` (kept between runs; a marker says it is complete). */
export function ensureCorpus(folder: string, examplePath: string, size = CORPUS_SIZE): string[] {
  const marker = join(folder, '.corpus');
  const example = readFileSync(examplePath, 'utf8');
  const files = Array.from({ length: size }, (_, index) => fragmentText(example, index));
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== `${VERSION}-${size}`) {
    rmSync(folder, { recursive: true, force: true });
    for (const file of files) {
      const path = join(folder, file.name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, file.text);
    }
    writeFileSync(marker, `${VERSION}-${size}`);
  }
  return files.map((file) => join(folder, file.name));
}
