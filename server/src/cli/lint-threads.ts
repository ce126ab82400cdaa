import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { useDisplayLanguage } from '../core/l10n/display-language';
import { LintConfiguration } from '../node/lint-config';
import type { Candidate } from './files';
import { type FileReport, type LintFileOptions, lintFiles } from './lint-files';

/** What a thread needs to check its slice of a run as the main thread would. */
interface SliceJob {
  readonly kind: 'fragment-lint-slice';
  readonly files: readonly Candidate[];
  readonly cwd: string;
  readonly config: string | undefined;
  readonly quality: boolean;
  readonly options: LintFileOptions;
  readonly language: string;
  /** The translations in force on the main thread, handed over as they are. */
  readonly bundle: unknown;
}

/** Below this many files per thread, starting a thread (loading the program again) costs more than it saves. */
const MIN_FILES_PER_THREAD = 300;
const MAX_THREADS = 8;

/**
 * How many threads a run of this many files uses: by default one per core but one, each with
 * enough files to be worth it. The core left over is V8's: its garbage collector works beside
 * each thread (one thread keeps about 1.2 cores busy), and on two cores a second thread measured
 * slower and 40% larger than one.
 */
export function threadsFor(fileCount: number, requested: number | undefined): number {
  const wanted = requested ?? Math.min(availableParallelism() - 1, MAX_THREADS);
  return Math.max(1, Math.min(wanted, Math.floor(fileCount / MIN_FILES_PER_THREAD)));
}

/**
 * Checks the files on `threads` threads: this one takes the first slice, each worker thread one
 * of the others; the reports come back in the files' order, as one thread would give them.
 */
export async function lintOnThreads(
  files: readonly Candidate[],
  threads: number,
  job: Omit<SliceJob, 'kind' | 'files'>,
  configuration: LintConfiguration,
): Promise<FileReport[]> {
  const size = Math.ceil(files.length / threads);
  const slices = Array.from({ length: threads }, (_, index) => files.slice(index * size, (index + 1) * size));
  // Workers start first, so that they load the program while this thread checks its own slice.
  const others = slices.slice(1).map((slice) => runSlice({ ...job, kind: 'fragment-lint-slice', files: slice }));
  const first = lintFiles(slices[0] ?? [], job.cwd, configuration, job.options);
  return [first, ...(await Promise.all(others))].flat();
}

function runSlice(job: SliceJob): Promise<FileReport[]> {
  return new Promise((resolve, reject) => {
    // The worker runs this same file (the bundle, or the source under the same loader).
    const worker = new Worker(__filename, { workerData: job });
    let reports: FileReport[] | undefined;
    worker.once('message', (message: FileReport[]) => {
      reports = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (reports) resolve(reports);
      else reject(new Error(`a checking thread stopped (exit code ${code}) before it reported`));
    });
  });
}

function isSliceJob(data: unknown): data is SliceJob {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'fragment-lint-slice';
}

// In a worker thread started by runSlice: check the slice, send the reports, and end.
if (!isMainThread && isSliceJob(workerData)) {
  const job = workerData;
  useDisplayLanguage({ locale: job.language, bundle: job.bundle });
  const configuration = new LintConfiguration(job.cwd, job.config, job.quality);
  parentPort?.postMessage(lintFiles(job.files, job.cwd, configuration, job.options));
}
