import * as l10n from '@vscode/l10n';
import { findNodeAtLocation, type ParseError, parse, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Range } from 'vscode-languageserver-types';
import * as z from 'zod/mini';
import { type DiagnosticCode, diagnosticCodes } from '../rules/rule';
import { OffsetMap } from '../text/text';
import { anonymisationSchemas, applyAnonymisationConfig } from './anonymisation-types';
import { type SeveritySetting, severitySettings } from './config-names';
import { defaultSchema } from './default-schema';
import { applyQualityConfig, qualitySchemas } from './quality-types';
import { type FragmentSchema, fieldTypes, schemaSchemas } from './schema-types';
import { described, lazily, nonEmptyString } from './zod-mini';

export { CONFIG_FILE_NAME, type SeveritySetting, severitySettings } from './config-names';

const globsSchema = () => z.array(nonEmptyString());

/** zod's schema of a `.fragmentrc.json`, made when the first one is read (see `schemaSchemas`). */
export const fragmentConfigSchema = lazily(() => {
  /** What a configuration may say of a field: every property optional, and none filled in by default. */
  const fieldChangeSchema = z.partial(
    z.strictObject({
      type: described(
        z.enum(fieldTypes),
        'The field type: id, text, choice (closed list), vocabulary (open list), list (comma-separated), year, yesno, flag, derived.',
      ),
      required: described(z.boolean(), 'Whether the field must be present and not empty.'),
      description: described(z.string(), 'What the field means, shown on hover.'),
      aliases: described(z.array(nonEmptyString()), 'Other keys that name this field.'),
      values: described(z.array(nonEmptyString()), 'Allowed values (closed fields) or listed entries (open fields). Replaces the default list.'),
      addValues: described(z.array(nonEmptyString()), 'Values added to the default list.'),
      valueDescriptions: described(z.record(z.string(), z.string()), 'What each value means, shown on hover.'),
      acceptedAsIs: described(z.array(z.string()), 'Spellings accepted as they are beside the canonical values.'),
      pattern: described(z.strictObject({ regex: z.string(), description: z.string() }), 'A regular expression the whole value must match.'),
      minYear: described(z.number().check(z.int()), 'Year fields: the first allowed year.'),
    }),
  );

  /** What a configuration may change of the schema: at its top level, and again in each override. */
  const schemaChangeShape = {
    fields: described(
      z.optional(z.record(nonEmptyString(), fieldChangeSchema)),
      'Fields to change (by key) or add (a new key, with its type). Added fields go after the existing ones.',
    ),
    mergedStory: described(
      z.optional(z.partial(schemaSchemas().mergedStorySchema)),
      'The merged story: its field, separator and parts (which replace the default parts).',
    ),
    nonAnswers: described(
      z.optional(z.array(nonEmptyString())),
      'Values that say nothing (N/A, TBD…): alone in a required text field they count as empty. Replaces the default list.',
    ),
    severities: described(z.optional(z.partialRecord(z.enum(diagnosticCodes), z.enum(severitySettings))), 'The severity of each diagnostic code, or "off".'),
  };

  const fragmentConfigSchema = z.strictObject({
    $schema: z.optional(z.string()),
    ...schemaChangeShape,
    include: described(
      z.optional(globsSchema()),
      'The fragment files that make the harvest, as globs relative to the folder of this file ("round3/**", "**/*.txt"); a folder stands for everything in it. All fragment files when absent.',
    ),
    exclude: described(
      z.optional(globsSchema()),
      'Fragment files that are not part of the harvest, even when included: not indexed, not counted, not checked in a workspace or command-line run.',
    ),
    overrides: described(
      z.optional(
        z.array(
          z.strictObject({
            files: described(
              z.union([nonEmptyString(), globsSchema().check(z.minLength(1))]),
              'The files this override applies to: a glob or a list of globs, as in "include".',
            ),
            ...schemaChangeShape,
          }),
        ),
      ),
      'Changes for some files only (a stricter schema for "round3/**"), applied on top of the rest of this file in order: a later override wins.',
    ),
    quality: described(z.optional(qualitySchemas().qualityConfigSchema), 'The quality hints: your programme’s own names and the word lists they read.'),
    anonymisation: described(
      z.optional(anonymisationSchemas().anonymisationConfigSchema),
      'The possible-identifier check: the severity of each kind (person, place, email, phone) or "off", texts allowed in this harvest, and words added to its lists.',
    ),
    ignore: described(
      z.optional(z.record(z.string(), z.array(z.enum(diagnosticCodes)))),
      'Codes not reported for one fragment, by FragmentID: what "Dismiss for this fragment" records.',
    ),
  });
  return fragmentConfigSchema;
});
export type FragmentConfig = z.output<ReturnType<typeof fragmentConfigSchema>>;
/** The part of a configuration that changes the schema and the severities. */
export type SchemaChange = Pick<FragmentConfig, 'fields' | 'mergedStory' | 'nonAnswers' | 'severities' | 'quality' | 'anonymisation'>;

/** A problem in a configuration file, where it stands in that file. */
export interface ConfigProblem {
  readonly message: string;
  readonly range: Range;
}

export interface LoadedConfig {
  /** The schema in force: the default one changed by the configuration, or the default one if the file is broken. */
  readonly schema: FragmentSchema;
  readonly severities: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** Codes not reported for a fragment, by FragmentID. */
  readonly ignore: Readonly<Record<string, readonly DiagnosticCode[]>>;
  /** Empty when the configuration was applied. */
  readonly problems: readonly ConfigProblem[];
  /** Which files make the harvest (globs relative to the configuration's folder); empty `include` means all. */
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Per-glob changes, in order (see `file-scope.ts`). */
  readonly overrides?: ReadonlyArray<{ readonly files: readonly string[]; readonly change: SchemaChange }>;
}

/** The JSON schema of the configuration file, for editors (generated from the zod schema). */
export function configJsonSchema(): object {
  return {
    ...z.toJSONSchema(fragmentConfigSchema(), { target: 'draft-7' }),
    title: 'Outcome Fragments configuration (.fragmentrc.json)',
  };
}

/**
 * Reads a configuration file's text (JSON with comments) and applies it to the default schema.
 * Any problem (syntax, an unknown property, a schema that would not hold together) is reported
 * with its place in the file, and the default schema stays in force.
 */
export function loadConfig(text: string, base: FragmentSchema = defaultSchema): LoadedConfig {
  const offsets = new OffsetMap(text);
  const rangeAt = (offset: number, length: number): Range => ({ start: offsets.positionAt(offset), end: offsets.positionAt(offset + length) });
  const fallback = (problems: ConfigProblem[]): LoadedConfig => ({ schema: base, severities: {}, ignore: {}, problems });

  const syntaxErrors: ParseError[] = [];
  const json: unknown = parse(text, syntaxErrors, { allowTrailingComma: true });
  const [syntaxError] = syntaxErrors;
  if (syntaxError) {
    // Only the first: the errors after it are mostly its echoes.
    return fallback([
      {
        message: l10n.t('Syntax error: {0}', describeSyntaxError(printParseErrorCode(syntaxError.error))),
        range: rangeAt(syntaxError.offset, syntaxError.length),
      },
    ]);
  }
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const rangeOf = (path: readonly PropertyKey[]): Range => {
    // The deepest node of the path that exists in the file (a missing property is reported on its object).
    for (let length = path.length; length >= 0; length--) {
      const node =
        tree &&
        findNodeAtLocation(
          tree,
          path.slice(0, length).filter((key): key is string | number => typeof key !== 'symbol'),
        );
      if (node)
        return rangeAt(
          node.parent?.type === 'property' && length > 0 ? node.parent.offset : node.offset,
          node.parent?.type === 'property' && length > 0 ? node.parent.length : node.length,
        );
    }
    return rangeAt(0, 0);
  };

  const parsed = fragmentConfigSchema().safeParse(json ?? {});
  if (!parsed.success) {
    return fallback(
      parsed.error.issues.flatMap((issue) =>
        // An unknown property is reported on itself, with its name.
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ message: describeIssue(issue.path, l10n.t('Unknown property "{0}"', key)), range: rangeOf([...issue.path, key]) }))
          : [{ message: describeIssue(issue.path, issue.message), range: rangeOf(issue.path) }],
      ),
    );
  }
  const config = parsed.data;
  const { schema, problems } = applyConfig(base, config, rangeOf);
  // Each override must hold together on its own; its problems point into its entry.
  const overrides = (config.overrides ?? []).map(({ files, ...change }) => ({ files: typeof files === 'string' ? [files] : files, change }));
  overrides.forEach(({ change }, index) => {
    if (problems.length === 0) problems.push(...applyConfig(schema, change, (path) => rangeOf(['overrides', index, ...path])).problems);
  });
  return problems.length > 0
    ? fallback(problems)
    : {
        schema,
        severities: config.severities ?? {},
        ignore: config.ignore ?? {},
        problems: [],
        include: config.include ?? [],
        exclude: config.exclude ?? [],
        overrides,
      };
}

/** A configuration's changes applied to a schema; the schema unchanged, and the problems, when they do not hold together. */
export function applyConfig(
  base: FragmentSchema,
  config: SchemaChange,
  rangeOf: (path: readonly PropertyKey[]) => Range,
): { schema: FragmentSchema; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const fields = base.fields.map((field) => ({ ...field }));
  for (const [key, change] of Object.entries(config.fields ?? {})) {
    const { addValues, ...properties } = change;
    const existing = fields.find((field) => field.key === key);
    if (existing) {
      Object.assign(existing, properties);
      if (addValues) existing.values = [...existing.values, ...addValues.filter((value) => !existing.values.includes(value))];
    } else if (!change.type) {
      problems.push({ message: l10n.t('"{0}" is no field of the schema: a new field needs a "type".', key), range: rangeOf(['fields', key]) });
    } else {
      fields.push({ ...properties, key, values: [...(properties.values ?? []), ...(addValues ?? [])] } as (typeof fields)[number]);
    }
  }
  const candidate = {
    ...base,
    fields,
    ...(config.nonAnswers ? { nonAnswers: config.nonAnswers } : {}),
    ...(config.mergedStory && base.mergedStory ? { mergedStory: { ...base.mergedStory, ...config.mergedStory } } : {}),
    ...(config.quality && base.quality ? { quality: applyQualityConfig(base.quality, config.quality) } : {}),
    ...(config.anonymisation && base.anonymisation ? { anonymisation: applyAnonymisationConfig(base.anonymisation, config.anonymisation) } : {}),
  };
  const checked = schemaSchemas().fragmentSchemaSchema.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      // Point at the field's entry in the configuration when the problem is in a field.
      const [section, index] = issue.path;
      const field = section === 'fields' && typeof index === 'number' ? fields[index] : undefined;
      const where = field ? ['fields', field.key, ...issue.path.slice(2)] : issue.path;
      problems.push({ message: describeIssue(where, issue.message), range: rangeOf(where) });
    }
    return { schema: base, problems };
  }
  return { schema: checked.data, problems };
}

function describeIssue(path: readonly PropertyKey[], message: string): string {
  const where = path.map(String).join('.');
  return where === '' ? message : `${where}: ${message}`;
}

function describeSyntaxError(code: string): string {
  // jsonc-parser's codes, each a literal for the translators; an unknown one in its own words.
  const described: Record<string, string> = {
    InvalidSymbol: l10n.t('invalid symbol'),
    InvalidNumberFormat: l10n.t('invalid number format'),
    PropertyNameExpected: l10n.t('property name expected'),
    ValueExpected: l10n.t('value expected'),
    ColonExpected: l10n.t('colon expected'),
    CommaExpected: l10n.t('comma expected'),
    CloseBraceExpected: l10n.t('close brace expected'),
    CloseBracketExpected: l10n.t('close bracket expected'),
    EndOfFileExpected: l10n.t('end of file expected'),
    InvalidCommentToken: l10n.t('invalid comment token'),
    UnexpectedEndOfComment: l10n.t('unexpected end of comment'),
    UnexpectedEndOfString: l10n.t('unexpected end of string'),
    UnexpectedEndOfNumber: l10n.t('unexpected end of number'),
    InvalidUnicode: l10n.t('invalid unicode'),
    InvalidEscapeCharacter: l10n.t('invalid escape character'),
    InvalidCharacter: l10n.t('invalid character'),
  };
  return described[code] ?? code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
