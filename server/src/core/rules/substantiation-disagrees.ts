import * as l10n from '@vscode/l10n';
import { fieldNamed } from '../text/parse';
import { makeDiagnostic, type Rule } from './rule';

/**
 * A substantiator partly agreed or disagreed with a part of the outcome (FORMAT.md §9): told on
 * that answer, naming the part, so that the harvester revisits it; the comments are related.
 */
export const substantiationDisagrees: Rule = {
  code: 'substantiation-disagrees',
  check({ file, index, uri }) {
    const section = index.schema.substantiation;
    if (!section) return [];
    const meaning = new Map(section.scale.map((step) => [step.value.toLowerCase(), step.agreement]));
    return file.fragments.flatMap((fragment) => {
      const comments = fieldNamed(fragment, section.commentsField);
      const related =
        comments && comments.value !== '' ? [{ location: { uri, range: comments.valueRange }, message: l10n.t('The substantiator’s comments') }] : undefined;
      return section.parts.flatMap((part) => {
        const answer = fieldNamed(fragment, part.field);
        const agreement = answer && meaning.get(answer.value.toLowerCase());
        if (!answer || (agreement !== 'partly agrees' && agreement !== 'disagrees')) return [];
        const message =
          agreement === 'disagrees'
            ? l10n.t('The substantiator disagrees with "{0}": revisit this part of the outcome.', part.about)
            : l10n.t('The substantiator only partly agrees with "{0}": revisit this part of the outcome.', part.about);
        return [makeDiagnostic('substantiation-disagrees', 'information', answer.valueRange, message, undefined, related)];
      });
    });
  },
};
