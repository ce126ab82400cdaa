import { isMainThread } from 'node:worker_threads';
import { version } from '../../../package.json';
import { useDisplayLanguage, useTranslationsFrom } from '../core/l10n/display-language';
import { readTranslations } from '../node/translations';
import { runExport } from './export';
import { runImport } from './import';
import type { CliIo } from './io';
import { runLint } from './lint';
import { runNew } from './new';
import { runReport } from './report';
import { runSubstantiate } from './substantiate';

/**
 * `fragment-lint` / `fragments`: one program. A first word naming a subcommand (`import`,
 * `export`, `substantiate`, `report`, `new`, `lint`) picks it; anything else is linting, so `fragment-lint FILES` keeps working. `--locale LANG` (or the
 * environment's LC_ALL, LC_MESSAGES, LANG, or else the system's display language) sets the language of the messages.
 */
export function main(
  argv: readonly string[],
  cwd = process.cwd(),
  out: (text: string) => void = (text) => process.stdout.write(text),
  err: (text: string) => void = (text) => process.stderr.write(text),
  env: Readonly<Record<string, string | undefined>> = process.env,
  systemLocale: () => string = () => Intl.DateTimeFormat().resolvedOptions().locale,
): number | Promise<number> {
  const io: CliIo = { cwd, out, err };
  const { locale, rest } = takeLocale(argv);
  if (locale === '') {
    err('fragment-lint: --locale needs a language, e.g. --locale fr\n');
    return 2;
  }
  useTranslationsFrom(readTranslations);
  useDisplayLanguage({ locale: locale ?? messageLocale(env, systemLocale) });
  if (rest.includes('--version')) {
    out(`${version}\n`);
    return 0;
  }
  if (rest[0] === 'import') return runImport(rest.slice(1), io);
  if (rest[0] === 'export') return runExport(rest.slice(1), io);
  if (rest[0] === 'lint') return runLint(rest.slice(1), io);
  if (rest[0] === 'substantiate') return runSubstantiate(rest.slice(1), io);
  if (rest[0] === 'report') return runReport(rest.slice(1), io);
  if (rest[0] === 'new') return runNew(rest.slice(1), io);
  return runLint(rest, io);
}

/**
 * The locale of the messages when `--locale` does not say: POSIX's LC_ALL, LC_MESSAGES, LANG (the
 * first set and not empty), else the system's, as Intl tells it: Windows sets none of the three,
 * and Node reads the user's display language from Windows (`fr-FR`).
 */
export function messageLocale(env: Readonly<Record<string, string | undefined>>, systemLocale: () => string): string | undefined {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
  }
  try {
    return systemLocale();
  } catch {
    return undefined; // a Node without Intl's data: English
  }
}

/** `--locale fr` or `--locale=fr`, anywhere: an option of the program, not of one subcommand. */
function takeLocale(argv: readonly string[]): { locale: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let locale: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    if (argument === '--locale') {
      locale = argv[index + 1] ?? '';
      index++;
    } else if (argument.startsWith('--locale=')) locale = argument.slice('--locale='.length);
    else rest.push(argument);
  }
  return { locale, rest };
}

// A worker thread of a run (lint-threads.ts) loads this program too: it must not start a run of its own.
if (require.main === module && isMainThread) {
  // `fragment-lint … | head`: a reader that stops early is no error of ours; stop writing quietly.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
