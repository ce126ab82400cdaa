import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../core/schema/config';
import { createFragmentService, type FragmentService } from '../core/service';

/** Where a subcommand reads and writes: the folder paths are relative to, and its two output streams. */
export interface CliIo {
  readonly cwd: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The platform whose file names the paths follow (tests stand in for Windows and macOS); process.platform unless given. */
  readonly platform?: NodeJS.Platform;
}

/** The bad usage of a command line: exit code 2 with the usage. */
export class UsageError extends Error {}

/** The service on the SCC schema, or on the schema a `.fragmentrc.json` makes of it. */
export function serviceWithConfig(configPath: string | undefined, cwd: string): FragmentService {
  if (configPath === undefined) return createFragmentService({ reuseChunks: false });
  let text: string;
  try {
    text = readFileSync(resolve(cwd, configPath), 'utf8');
  } catch (error) {
    throw new Error(`cannot read the configuration ${configPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const config = loadConfig(text);
  if (config.problems.length > 0) {
    const lines = config.problems.map(
      (problem) => `${configPath}:${problem.range.start.line + 1}:${problem.range.start.character + 1} error ${problem.message}`,
    );
    throw new Error(`the configuration has problems:\n${lines.join('\n')}`);
  }
  return createFragmentService({ schema: config.schema, severities: config.severities, reuseChunks: false });
}
