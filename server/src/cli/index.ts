import { version } from '../../../package.json';
import type { CliIo } from './io';
import { runLint } from './lint';

/**
 * `fragment-lint` / `fragments`: one program. A first word naming a subcommand picks it;
 * anything else is linting, so `fragment-lint FILES` keeps working.
 */
export function main(
  argv: readonly string[],
  cwd = process.cwd(),
  out: (text: string) => void = (text) => process.stdout.write(text),
  err: (text: string) => void = (text) => process.stderr.write(text),
): number {
  const io: CliIo = { cwd, out, err };
  if (argv.includes('--version')) {
    out(`${version}\n`);
    return 0;
  }
  if (argv[0] === 'lint') return runLint(argv.slice(1), io);
  return runLint(argv, io);
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
