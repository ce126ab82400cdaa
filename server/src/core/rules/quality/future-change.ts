import * as l10n from '@vscode/l10n';
import type { Range } from 'vscode-languageserver-types';
import { fold } from '../../text/near';
import { fieldNamed } from '../../text/parse';
import { makeDiagnostic, type Rule } from '../rule';
import { eachQualityFragment, type QualityData, qualityData, rangeInValue } from './quality-rule';
import { matchesOf, normalised, wordsOf } from './words';

interface FutureChangeData extends QualityData {
  /** Where the status value stands, for the fix that changes it. */
  readonly statusRange: Range;
}

/** The description says what will or should happen while the status claims an outcome. */
export const futureChange: Rule<FutureChangeData> = {
  code: 'future-change',
  check(context) {
    return eachQualityFragment(context, (fragment) => {
      const description = fragment.field('description');
      const status = fragment.field('status');
      if (!description || !status || fold(status.value) !== fold(fragment.quality.outcomeStatus)) return undefined;
      const text = normalised(description.value);
      const language = fragment.compiled.languageOf(text);
      if (!language) return undefined;
      // A marker in a clause that describes something else ("a policy that will protect") is no
      // future change. The clause is followed from marker to marker, so a long text is read once.
      let scanned = 0;
      let inRelativeClause = false;
      const hasRelative = (piece: string) => wordsOf(piece).some((word) => language.relativePronouns.has(word));
      for (const found of matchesOf(language.pattern('futureMarkers'), text)) {
        const between = text.slice(scanned, found.index);
        const boundary = Math.max(...[',', ';', ':', '.', '!', '?'].map((mark) => between.lastIndexOf(mark)));
        inRelativeClause = boundary >= 0 ? hasRelative(between.slice(boundary + 1)) : inRelativeClause || hasRelative(between);
        scanned = found.index;
        if (inRelativeClause) continue;
        return makeDiagnostic<FutureChangeData>(
          'future-change',
          'information',
          rangeInValue(description, found.index, found[0].length),
          l10n.t('The description says what will or should happen ("{0}"), but the status is "{1}": an outcome has already happened.', found[0], status.value),
          { ...qualityData(fragment), statusRange: status.valueRange },
        );
      }
      return undefined;
    });
  },
  fixes(diagnostic, { file, index }) {
    const quality = index.schema.quality;
    const statusRange = diagnostic.data?.statusRange;
    if (!quality || !statusRange) return [];
    // Only while the status still says what the check saw.
    const fragment = file.fragments.find((candidate) => candidate.startLine <= statusRange.start.line && statusRange.start.line <= candidate.endLine);
    const status = fragment && fieldNamed(fragment, quality.fields.status);
    if (!status || fold(status.value) !== fold(quality.outcomeStatus)) return [];
    // Not preferred: whether the change happened is the writer's call, not fix-all's.
    return [
      {
        title: l10n.t('Set status to {0}', quality.potentialStatus),
        edits: [{ range: status.valueRange, newText: quality.potentialStatus }],
        isPreferred: false,
      },
    ];
  },
};
