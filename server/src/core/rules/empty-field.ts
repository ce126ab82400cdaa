import { makeDiagnostic, type Rule } from './rule';

/** A required field whose value is empty. No fix: no placeholder may silence it; completion offers values. */
export const emptyField: Rule = {
  code: 'empty-field',
  check({ file }) {
    return file.fragments.flatMap((fragment) =>
      fragment.namedFields.flatMap((field) => {
        const schemaField = field.schemaField;
        if (!schemaField?.required || field.value !== '') return [];
        const consequence = schemaField.type === 'flag' ? ' Until it is filled in, the outcome is treated as confidential.' : '';
        return [makeDiagnostic('empty-field', 'warning', field.keyRange, `Required field "${schemaField.key}" is empty.${consequence}`)];
      }),
    );
  },
};
