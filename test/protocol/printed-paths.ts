import { join } from 'node:path';

/** A relative path (written with `/`) as the CLI prints it on this system: `round3\b.txt` on Windows. */
export const printed = (path: string): string => join(path);

/** The same, escaped for a RegExp. */
export const printedPattern = (path: string): string => printed(path).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
