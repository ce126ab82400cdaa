/** The distinct words a memo keeps at most (a harvest's vocabulary is far smaller): past it, it starts afresh. */
const SEEN_LIMIT = 50_000;
/** The longest word a memo keeps as it is: V8 copies a shorter slice of a text, and makes a longer one a view of the text. */
const LONGEST_KEPT = 12;
/** Past this length, a word is not kept at all (a run of letters this long is no word a harvest repeats). */
export const LONGEST_COPIED = 40;

/**
 * `answer`, remembered by the data it reads (a word list, a gazetteer) and by word: the finders
 * ask it of every capitalised word of every text, and a harvest writes the same words again and
 * again. A new list (a changed `.fragmentrc.json`) starts a new memo; the old one goes with it.
 */
export function memoByWord<Data extends object, Answer>(answer: (word: string, data: Data) => Answer): (word: string, data: Data) => Answer {
  const memos = new WeakMap<Data, Map<string, Answer>>();
  // The data asked of last, and its memo: one list serves a whole harvest, and a WeakMap costs more than a Map.
  let lastData: Data | undefined;
  let lastMemo = new Map<string, Answer>();
  // The word asked of last, and its answer: a finder asks of one word several times in a row
  // (`Seconde`: a title? a name's word? a given name?), and the same string is told at once. Only
  // a short word is kept so (a copy, never a view that would keep a whole text alive).
  let lastWord: string | undefined;
  let lastAnswer: Answer | undefined;
  return (word, data) => {
    if (word === lastWord && data === lastData) return lastAnswer as Answer;
    if (word.length > LONGEST_COPIED) return answer(word, data);
    if (data !== lastData || lastMemo.size > SEEN_LIMIT) {
      const kept = data === lastData ? undefined : memos.get(data);
      lastMemo = kept !== undefined && kept.size <= SEEN_LIMIT ? kept : new Map();
      memos.set(data, lastMemo);
      lastData = data;
    }
    let known = lastMemo.get(word);
    if (known === undefined) {
      known = answer(word, data);
      // A word of 13 characters or more may be a slice that keeps its whole text alive: a copy of it is kept.
      lastMemo.set(ownString(word), known);
    }
    lastWord = word.length > LONGEST_KEPT ? undefined : word;
    lastAnswer = known;
    return known;
  };
}

/**
 * The characters of `text` from `start` to `end` as a string of its own, never a view of it: a
 * slice of up to `LONGEST_KEPT` characters is a copy, and a join of two parts makes a new string
 * (a longer slice, or a join of one, would be a view that keeps its whole text alive).
 */
export function ownString(text: string, start = 0, end = text.length): string {
  return end - start <= LONGEST_KEPT ? text.slice(start, end) : [text.slice(start, start + 1), text.slice(start + 1, end)].join('');
}

/** What is known of a word of the texts, once per distinct word (tokens.ts's `WORDS`): how it is written, and what the finders made of it. */
export interface WordFacts {
  readonly capital: boolean;
  readonly allCaps: boolean;
  /** The finders' answers about the word, by slot, and the number of the data each came from (`memoByToken`). */
  readonly answers: unknown[];
  readonly answeredFrom: number[];
}

/**
 * How many `memoByToken` there are (persons.ts, places.ts): each has a slot in every word's facts,
 * made this long at once (an array filled as it goes would be read more slowly).
 */
export const TOKEN_MEMOS = 2;
let nextSlot = 0;
let nextDataNumber = 1;

/**
 * `memoByWord`, with each answer also kept in the facts of the token's word (one object per
 * distinct word, `WordFacts`): every occurrence after a word's first is then a field
 * read rather than a lookup by its text (the finders ask of every capitalised word). An answer is
 * kept with the number of the data it came from, not the data, so that a changed
 * `.fragmentrc.json` is answered afresh and its old lists are not held alive.
 */
export function memoByToken<Data extends object, Answer>(
  answer: (word: string, data: Data) => Answer,
): (token: { readonly text: string; readonly facts: WordFacts | undefined }, data: Data) => Answer {
  const byWord = memoByWord(answer);
  const slot = nextSlot++;
  if (slot >= TOKEN_MEMOS) throw new Error('memoByToken: one memo more than TOKEN_MEMOS');
  const numbers = new WeakMap<Data, number>();
  // The data asked of last, and its number: one list serves a whole harvest.
  let lastData: Data | undefined;
  let lastNumber = 0;
  const numberOf = (data: Data) => {
    if (data === lastData) return lastNumber;
    let number = numbers.get(data);
    if (number === undefined) {
      number = nextDataNumber++;
      numbers.set(data, number);
    }
    lastData = data;
    lastNumber = number;
    return number;
  };
  return (token, data) => {
    const facts = token.facts;
    if (facts === undefined) return byWord(token.text, data);
    const from = numberOf(data);
    if (facts.answeredFrom[slot] !== from) {
      facts.answers[slot] = byWord(token.text, data);
      facts.answeredFrom[slot] = from;
    }
    return facts.answers[slot] as Answer;
  };
}
