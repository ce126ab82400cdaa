import * as l10n from '@vscode/l10n';
import { fieldNamed } from '../text/parse';
import { regExpOf } from '../text/regexp-cache';
import { makeDiagnostic, type Rule } from './rule';

/** The objective code in the FragmentID (`CIV` in `SCC-…/CIV021`) differs from the linked objective's. */
export const idObjectiveMismatch: Rule = {
  code: 'id-objective-mismatch',
  check({ file, index, uri }) {
    const check = index.schema.objectiveCheck;
    if (!check) return [];
    const idPattern = regExpOf(check.idCodePattern, 'u');
    const objectivePattern = regExpOf(check.objectiveCodePattern, 'u');
    return file.fragments.flatMap((fragment) => {
      const id = fieldNamed(fragment, check.idField);
      const objective = fieldNamed(fragment, check.objectiveField);
      const idCode = id && idPattern.exec(id.value)?.[1];
      const objectiveCode = objective && objectivePattern.exec(objective.value)?.[1];
      if (!id || !objective || idCode === undefined || objectiveCode === undefined || idCode === objectiveCode) return [];
      return [
        makeDiagnostic(
          'id-objective-mismatch',
          'warning',
          id.valueRange,
          l10n.t('{0} has objective code {1}, but "{2}" is {3}.', check.idField, idCode, check.objectiveField, objectiveCode),
          undefined,
          [{ location: { uri, range: objective.valueRange }, message: l10n.t('Objective {0}', objectiveCode) }],
        ),
      ];
    });
  },
};
