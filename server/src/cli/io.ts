/** Where a subcommand runs and writes: the process's own streams, or a test's. */
export interface CliIo {
  readonly cwd: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Bad usage: reported with the usage text, exit code 2. */
export class UsageError extends Error {}
