import * as l10n from '@vscode/l10n';
import { isNonAnswer } from '../values/non-answer';
import { makeDiagnostic, type Rule } from './rule';

/**
 * A required field whose value is empty, or only says nothing (`N/A`, `TBD`…). No fix: no
 * placeholder may silence it; completion offers values.
 */
export const emptyField: Rule = {
  code: 'empty-field',
  check({ file, index }) {
    return file.fragments.flatMap((fragment) =>
      fragment.namedFields.flatMap((field) => {
        const schemaField = field.schemaField;
        if (!schemaField?.required) return [];
        if (isNonAnswer(field, index.schema)) {
          return [
            makeDiagnostic(
              'empty-field',
              'warning',
              field.keyRange,
              l10n.t('Required field "{0}" holds only "{1}": a placeholder, not an answer.', schemaField.key, field.value),
            ),
          ];
        }
        if (field.value !== '') return [];
        const message =
          schemaField.type === 'flag'
            ? l10n.t('Required field "{0}" is empty. Until it is filled in, the outcome is treated as confidential.', schemaField.key)
            : l10n.t('Required field "{0}" is empty.', schemaField.key);
        return [makeDiagnostic('empty-field', 'warning', field.keyRange, message)];
      }),
    );
  },
};
