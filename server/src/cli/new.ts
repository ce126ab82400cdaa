import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import { writeNewFragment } from '../node/new-fragment-file';
import { type CliIo, serviceWithConfig, UsageError } from './io';

export const NEW_USAGE = `Usage: fragments new HARVEST... --objective CODE [--country COUNTRY] [--year YEAR] [--out FILE] [--config FILE]

Writes a new fragment file with the next free FragmentID of the objective in the harvest (one
more than the highest in use with its code, e.g. CIV033 -> CIV034), its fields in canonical
order, and prints its path. By default the file is CODE<number>.fragment in the first folder
given; an existing file is never replaced.

  --objective CODE   the objective's code (CIV, PHR, GEN, EXT) or the objective as written
  --country COUNTRY  the country, written into the fragment
  --year YEAR        the year, written into the fragment
  --out FILE         the file to write
  --config FILE      a configuration file (default: the SCC schema)

Exit code: 0 when written, 1 when the harvest or the file is at fault, 2 on bad usage.`;

/** `fragments new`: resolves with the exit code. */
export function runNew(argv: readonly string[], io: CliIo): number {
  let options: ReturnType<typeof parseNewOptions>;
  try {
    options = parseNewOptions(argv);
  } catch (error) {
    io.err(`fragments new: ${(error as Error).message}\n\n${NEW_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.out(`${NEW_USAGE}\n`);
    return 0;
  }
  try {
    const written = writeNewFragment(
      options.paths.map((path) => resolve(io.cwd, path)),
      { objective: options.objective, country: options.country, year: options.year },
      { service: serviceWithConfig(options.config, io.cwd), out: options.out === undefined ? undefined : resolve(io.cwd, options.out) },
    );
    io.out(`${written.path}\n`);
    return 0;
  } catch (error) {
    io.err(`fragments new: ${(error as Error).message}\n`);
    return 1;
  }
}

function parseNewOptions(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      objective: { type: 'string' },
      country: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const help = values.help === true;
  if (!help && positionals.length === 0) throw new UsageError(l10n.t('name the harvest’s folders (or files), whose FragmentIDs the new one follows'));
  if (!help && values.objective === undefined) throw new UsageError(l10n.t('{0} is required: the objective of the new outcome', '--objective CODE'));
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2100))
    throw new UsageError(l10n.t('{0} must be a year, such as 2024', '--year'));
  return { help, paths: positionals, objective: values.objective ?? '', country: values.country, year, out: values.out, config: values.config };
}
