import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import { describeAnswers, describePrepared } from '../core/substantiation/describe';
import { newSeed } from '../core/substantiation/sample';
import { harvestPipeline } from '../node/load-harvest';
import { type CliIo, serviceWithConfig, UsageError } from './io';

export const SUBSTANTIATE_USAGE = `Usage: fragments substantiate prepare HARVEST... --out FOLDER [--sample N [--per FIELD] [--seed S]]
                                     [--substantiator ROLE]... [--include-confidential] [--dry-run]
       fragments substantiate import FORM... --into HARVEST... [--force] [--dry-run]

Substantiation, as FORMAT.md section 9 says. "prepare" writes one form (.xlsx) per substantiator
into FOLDER, holding only that person's outcomes, and marks those outcomes "sent"; "import"
writes the answers of returned forms into the outcomes and marks them "answered". Both write
all or nothing.

  --out FOLDER             where the forms are written (created when missing)
  --sample N               N outcomes drawn at random (from each group with --per); all otherwise
  --per FIELD              the groups: a field's key, or a harvest dimension (objective, country, year…)
  --seed S                 the draw's seed, recorded in the forms (a new one is chosen and said otherwise)
  --substantiator ROLE     a substantiator's role and organisation; several take the groups (or
                           the outcomes) in turn
  --include-confidential   put confidential outcomes in the forms too; left out otherwise
                           (outcomes still holding possible identifying details never go)
  --into HARVEST           the folders or files of the outcomes the forms answer for
  --force                  overwrite earlier answers that differ (otherwise nothing is written)
  --dry-run                say what would be written, write nothing
  --config FILE            a configuration file (default: the SCC schema)

Exit code: 0 when done, 1 when the harvest, a form or the output is at fault, 2 on bad usage.`;

/** `fragments substantiate`: resolves with the exit code. */
export async function runSubstantiate(argv: readonly string[], io: CliIo): Promise<number> {
  let options: ReturnType<typeof parseSubstantiateOptions>;
  try {
    options = parseSubstantiateOptions(argv);
  } catch (error) {
    io.err(`fragments substantiate: ${(error as Error).message}\n\n${SUBSTANTIATE_USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.out(`${SUBSTANTIATE_USAGE}\n`);
    return 0;
  }
  const dryRun = options.dryRun ? l10n.t('Dry run, nothing written: ') : '';
  try {
    const service = serviceWithConfig(options.config, io.cwd);
    const pipeline = harvestPipeline();
    const paths = options.paths.map((path) => resolve(io.cwd, path));
    if (options.action === 'prepare') {
      const seed = options.seed ?? newSeed();
      const sample = options.sample === undefined ? undefined : { count: options.sample, per: options.per, seed };
      const summary = await pipeline.prepareSubstantiation(pipeline.diskSubstantiationFiles, paths, resolve(io.cwd, options.out), {
        service,
        substantiators: options.substantiators,
        sample,
        includeConfidential: options.includeConfidential,
        dryRun: options.dryRun,
      });
      if (sample && options.seed === undefined) io.out(`${l10n.t('Seed: {0} (give {1} to draw the same sample again)', seed, `--seed ${seed}`)}\n`);
      io.out(`${dryRun}${describePrepared(summary)}\n`);
      return 0;
    }
    const summary = await pipeline.importSubstantiation(
      pipeline.diskSubstantiationFiles,
      paths,
      options.into.map((path) => resolve(io.cwd, path)),
      { service, force: options.force, dryRun: options.dryRun },
    );
    io.out(`${dryRun}${describeAnswers(summary)}\n`);
    return 0;
  } catch (error) {
    io.err(`fragments substantiate ${options.action}: ${(error as Error).message}\n`);
    return 1;
  }
}

function parseSubstantiateOptions(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      sample: { type: 'string' },
      per: { type: 'string' },
      seed: { type: 'string' },
      substantiator: { type: 'string', multiple: true, default: [] },
      'include-confidential': { type: 'boolean', default: false },
      into: { type: 'string', multiple: true, default: [] },
      force: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      config: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const help = values.help === true;
  const [action, ...paths] = positionals;
  const base = { help, dryRun: values['dry-run'] === true, config: values.config, paths };
  if (help)
    return {
      ...base,
      action: 'prepare' as const,
      out: '',
      substantiators: [],
      includeConfidential: false,
      into: [],
      force: false,
      sample: undefined,
      per: undefined,
      seed: undefined,
    };
  if (action !== 'prepare' && action !== 'import') throw new UsageError(l10n.t('say what to do: {0} or {1}', 'prepare', 'import'));
  if (paths.length === 0) throw new UsageError(action === 'prepare' ? l10n.t('name the folders (or files) of the harvest') : l10n.t('name the returned forms'));
  let sample: number | undefined;
  if (values.sample !== undefined) {
    sample = Number(values.sample);
    if (!Number.isInteger(sample) || sample < 1) throw new UsageError(l10n.t('{0} must be a whole number of 1 or more, not "{1}"', '--sample', values.sample));
  }
  if ((values.per !== undefined || values.seed !== undefined) && sample === undefined)
    throw new UsageError(l10n.t('{0} and {1} go with {2}', '--per', '--seed', '--sample N'));
  if (action === 'prepare' && values.out === undefined) throw new UsageError(l10n.t('{0} is required: the folder of the forms', '--out FOLDER'));
  if (action === 'import' && values.into.length === 0) throw new UsageError(l10n.t('{0} is required: the harvest the forms answer for', '--into HARVEST'));
  return {
    ...base,
    action,
    out: values.out ?? '',
    sample,
    per: values.per,
    seed: values.seed,
    substantiators: values.substantiator,
    includeConfidential: values['include-confidential'] === true,
    into: values.into,
    force: values.force === true,
  };
}
