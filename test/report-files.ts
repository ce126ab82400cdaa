// The report tests' harvest (test/report-harvest.ts), made from the repository's copy of the shared example.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportHarvestFiles } from './report-harvest';

export { HOSTILE } from './report-harvest';

export const REPORT_FILES = reportHarvestFiles(readFileSync(join(__dirname, '..', 'example', '000_88eaf67a59f4c304.txt'), 'utf8'));
