/** Types of scripts/npm-command.mjs, for the tests. */
export interface NpmWhere {
  readonly execPath: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: string;
  readonly exists: (path: string) => boolean;
}
export function npmInvocation(where: NpmWhere, args: readonly string[]): { command: string; args: string[] } | undefined;
