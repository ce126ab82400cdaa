import * as l10n from '@vscode/l10n';
import { makeDiagnostic, type Rule } from './rule';

/** Text that belongs to no field: before the first field line, or after a `---` separator. */
export const textOutsideField: Rule = {
  code: 'text-outside-field',
  check({ file, index }) {
    return file.outsideText.map((range) =>
      makeDiagnostic(
        'text-outside-field',
        'error',
        range,
        l10n.t('Text outside any field. A fragment starts with a **{0}**: line; every line after it belongs to a field.', index.schema.idField),
      ),
    );
  },
};
