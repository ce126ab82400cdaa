import * as l10n from '@vscode/l10n';
import { makeDiagnostic, type Rule } from '../rule';
import { eachQualityFragment, type QualityData, qualityData, rangeInValue } from './quality-rule';
import { firstMatch, type LanguageLists, listPattern, normalised, wordBefore } from './words';

const subjectPatterns = new WeakMap<LanguageLists, Map<RegExp, RegExp | undefined>>();

/**
 * The programme's name as a subject, a few words of its noun phrase, auxiliaries, then an
 * activity verb: `DefendDefenders organised`, `our partner in Goma documented`, `nous avons formé`.
 */
function subjectPattern(language: LanguageLists, names: RegExp): RegExp | undefined {
  let byNames = subjectPatterns.get(language);
  if (!byNames) {
    byNames = new Map();
    subjectPatterns.set(language, byNames);
  }
  if (byNames.has(names)) return byNames.get(names);
  const verbs = listPattern(language.words.activityVerbs);
  const auxiliaries = listPattern(language.words.auxiliaries);
  const pattern =
    verbs &&
    new RegExp(`(${names.source})(?:'s)?(?:\\s+[^\\s,;:.()]+){0,4}?(?:\\s+${auxiliaries ? `(?:${auxiliaries.source})` : '(?!)'})*\\s+(${verbs.source})`, 'giu');
  byNames.set(names, pattern);
  return pattern;
}

/** The description's subject is the programme doing one of its activities, and no other actor's change follows. */
export const outcomeIsActivity: Rule<QualityData> = {
  code: 'outcome-is-activity',
  check(context) {
    return eachQualityFragment(context, (fragment) => {
      const description = fragment.field('description');
      if (!description) return undefined;
      const text = normalised(description.value);
      const language = fragment.compiled.languageOf(text);
      const names = language && fragment.compiled.programmeNames(language);
      const pattern = language && names && subjectPattern(language, names);
      if (!language || !pattern) return undefined;
      // Only the first sentence: the change, if there is one, is said first.
      const firstSentence = /^[\s\S]*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
      if (firstMatch(fragment.compiled.anyLanguage('changeConnectors'), text)) return undefined;
      pattern.lastIndex = 0;
      for (const found of firstSentence.matchAll(pattern)) {
        const before = wordBefore(firstSentence, found.index);
        if (before !== undefined && language.prepositions.has(before)) continue;
        const actor = found[1] as string;
        const activity = found[2] as string;
        return makeDiagnostic<QualityData>(
          'outcome-is-activity',
          'information',
          rangeInValue(description, found.index, found[0].length),
          l10n.t('The description reports what {0} did ("{1}"): an activity of the programme, not a change in another actor.', actor, activity),
          qualityData(fragment),
        );
      }
      return undefined;
    });
  },
};
