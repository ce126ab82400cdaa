import { isNonAnswer } from '../non-answer';
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
              `Required field "${schemaField.key}" holds only "${field.value}": a placeholder, not an answer.`,
            ),
          ];
        }
        if (field.value !== '') return [];
        const consequence = schemaField.type === 'flag' ? ' Until it is filled in, the outcome is treated as confidential.' : '';
        return [makeDiagnostic('empty-field', 'warning', field.keyRange, `Required field "${schemaField.key}" is empty.${consequence}`)];
      }),
    );
  },
};
