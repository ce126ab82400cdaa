import { defaultAnonymisation } from './anonymisation-defaults';
import { defaultQuality } from './default-quality';
import { defaultSubstantiation, substantiationFields } from './default-substantiation';
import type { FieldSchema, FragmentSchema, FragmentSchemaInput } from './schema-types';

/**
 * The default schema: the "Strengthening Civil Courage" (SCC) alliance master dataset
 * (FORMAT.md §3), in canonical order. Plain data, in the form a user's configuration is written.
 */
export const sccSchema: FragmentSchemaInput = {
  name: 'SCC',
  idField: 'FragmentID',
  fields: [
    {
      key: 'FragmentID',
      type: 'id',
      required: true,
      description:
        'The identifier of this harvested outcome, unique across the harvest. Conventionally `SCC-<code>/<OBJ><nnn>`: the partner code, then the objective code (CIV, PHR, GEN, EXT) and a number.',
    },
    {
      key: 'Outcome status',
      type: 'vocabulary',
      required: true,
      description: 'Whether the change, once substantiated, counts as an outcome of the programme.',
      values: ['Outcome', 'Potential outcome', 'Not an outcome'],
      valueDescriptions: {
        Outcome: 'An observed change in a social actor that the programme plausibly influenced.',
        'Potential outcome': 'A change that is emerging or not yet verified.',
        'Not an outcome': 'Harvested, but on review not an outcome of this programme.',
      },
    },
    {
      key: 'OH-harvesting period',
      type: 'text',
      required: true,
      description: 'The harvesting round in which this outcome was collected.',
      pattern: { regex: '^harvest \\d+$', description: 'harvest N (N a whole number), e.g. "harvest 3"' },
    },
    {
      key: 'Country',
      type: 'vocabulary',
      required: true,
      description: 'The programme country where the change took place.',
      values: [
        'Burundi',
        'DR Congo',
        'Ethiopia',
        'Kenya',
        'Somalia',
        'South Sudan',
        'Sudan',
        'Uganda',
        'Mali',
        'Burkina Faso',
        'Niger',
        'Nigeria',
        'Iraq',
        'Lebanon',
        'Palestine',
        'Syria',
        'Yemen',
      ],
    },
    {
      key: 'Year',
      type: 'year',
      required: true,
      description: 'The year the change happened (not the year it was harvested).',
      minYear: 1990,
    },
    {
      key: 'Outcome description',
      type: 'text',
      required: true,
      description: 'Who changed what, when and where: the observable change in the behaviour, relationships, actions, policies or practices of a social actor.',
    },
    {
      key: 'Significance of the outcome',
      type: 'text',
      required: true,
      description: 'Why the change matters: what it means for the people concerned and for the programme’s objectives.',
    },
    {
      key: 'Additional information (use if needed)',
      type: 'text',
      required: false,
      description: 'Context that helps a reader understand the outcome; leave empty when there is none.',
    },
    {
      key: 'Rating significance',
      type: 'choice',
      required: true,
      description: 'How significant the change is for the programme’s objectives.',
      values: ['low', 'medium', 'high'],
      valueDescriptions: {
        low: 'A small or early step.',
        medium: 'A clear change with a visible effect.',
        high: 'A major or lasting change.',
      },
    },
    {
      key: 'Social actor',
      type: 'vocabulary',
      required: true,
      description: 'Who changed: the individual, group, organisation or institution whose behaviour changed.',
      values: [
        'Engaged citizens',
        'Civil society organisations',
        'Human rights defenders',
        'Women human rights defenders',
        'Journalists and media',
        'Government',
        'Parliament',
        'Judiciary',
        'Security forces',
        'Traditional and religious leaders',
        'Private sector',
        'International organisations',
        'Communities',
        'Youth',
      ],
    },
    {
      key: 'Scale',
      type: 'vocabulary',
      required: true,
      description: 'The level at which the change happened.',
      values: ['Individual', 'Group', 'Community', 'Organisation', 'Institution', 'Sub-national', 'National', 'Regional', 'International'],
    },
    {
      key: 'Contribution of the programme',
      type: 'text',
      required: true,
      description: 'What the programme did that plausibly influenced the change: activities, support, when and by whom.',
    },
    {
      key: 'Contribution of other actors and factors',
      type: 'text',
      required: false,
      description: 'Other actors or circumstances that also influenced the change. Write `No` when there were none.',
    },
    {
      key: 'Rating contribution',
      type: 'choice',
      required: true,
      description: 'How much the programme contributed to the change.',
      values: ['small', 'medium', 'great'],
      valueDescriptions: {
        small: 'The programme was one minor influence among many.',
        medium: 'The programme was one of the main influences.',
        great: 'The change would hardly have happened without the programme.',
      },
    },
    {
      key: 'The change was unintended',
      type: 'yesno',
      required: true,
      description: 'Whether the change was not an aim of the programme.',
      values: ['YES', 'NO'],
    },
    {
      key: 'Evidence supporting the outcome statement',
      type: 'text',
      required: true,
      description:
        'The documents or people that confirm the change: reports, minutes, media, interviews. Empty or missing evidence is the most common gap in a harvest.',
    },
    {
      key: 'Outcome statements is CONFIDENTIAL',
      type: 'flag',
      required: true,
      description:
        'Whether the outcome must not be shared outside the evaluation team. 1 is confidential, 0 is not; an empty or invalid value is treated as confidential.',
      values: ['1', '0'],
      acceptedAsIs: ['1.0', '0.0'],
      valueDescriptions: { '1': 'Confidential: do not share outside the evaluation team.', '0': 'May be shared.' },
    },
    {
      key: 'Link to Outcomes in Results Framework',
      type: 'vocabulary',
      required: false,
      description: 'The outcome of the programme’s results framework that this change contributes to.',
      pattern: { regex: '^Outcome \\d+\\.\\d+: .+$', description: '"Outcome N.N: text", e.g. "Outcome 1.3: …"' },
      values: [
        'Outcome 1.3: (Women) HRDs and activists better protect themselves physically and digitally and have better access to protection mechanisms in response to threats and violations',
      ],
    },
    {
      key: 'Link to SCC Specific Objectives',
      type: 'choice',
      required: true,
      description: 'The SCC specific objective this outcome serves. Its code should match the one in the FragmentID.',
      values: [
        'CIV: Less suppression of civic space',
        'PHR: Conflict transformation, peace and human rights',
        'GEN: More equal gender roles and norms',
        'EXT: Mitigating external stress factors',
      ],
    },
    {
      key: 'StoryFragment_Merged',
      type: 'derived',
      required: false,
      description:
        'The outcome told as one story, derived from the description, significance, contributions and additional information. `<redacted>` hides one or more words.',
    },
    {
      key: 'Outcome is negative',
      type: 'yesno',
      required: true,
      description: 'Whether the change works against the programme’s objectives.',
      values: ['YES', 'NO'],
    },
    {
      key: 'MCQType of change',
      type: 'list',
      required: false,
      description: 'The kinds of change, separated by commas. Other labels are allowed.',
      values: ['New structure', 'Capacity change', 'Safety and Security', 'Policy change', 'Practice change', 'Relationship change', 'Agenda setting'],
    },
    {
      key: 'TypeOfChangeCluster',
      type: 'list',
      required: false,
      description: 'The clusters of change, separated by commas. Other labels are allowed.',
      values: ['Capacity change', 'Mobilizing citizens and organizations', 'Policy and practice change', 'Protection and safety'],
    },
    ...substantiationFields,
  ],
  mergedStory: {
    field: 'StoryFragment_Merged',
    separator: '  ',
    parts: [
      { field: 'Outcome description', label: '' },
      { field: 'Significance of the outcome', label: 'Significance description:' },
      { field: 'Contribution of the programme', label: 'Contribution of the programme:' },
      { field: 'Additional information (use if needed)', label: 'Additional information:' },
      { field: 'Contribution of other actors and factors', label: 'Contribution of other actors and factors:' },
    ],
  },
  confidentiality: { field: 'Outcome statements is CONFIDENTIAL', publicValues: ['0', '0.0'] },
  preview: {
    badges: [
      'Country',
      'Year',
      'Scale',
      'Social actor',
      'Rating significance',
      'Rating contribution',
      'Outcome status',
      'The change was unintended',
      'Outcome is negative',
    ],
    evidence: 'Evidence supporting the outcome statement',
    chips: ['MCQType of change', 'TypeOfChangeCluster', 'Link to SCC Specific Objectives', 'Link to Outcomes in Results Framework'],
  },
  nonAnswers: ['N/A', 'NA', 'n/a', '-', '--', 'none', 'nil', 'null', 'TBD', 'TBC', '?', '...', 'néant', 'aucun', 'aucune', 'à compléter'],
  harvest: {
    dimensions: [
      { name: 'objective', label: 'Objective', field: 'Link to SCC Specific Objectives', order: 'listed' },
      { name: 'country', label: 'Country', field: 'Country', order: 'count' },
      { name: 'year', label: 'Year', field: 'Year', order: 'chronological' },
      { name: 'status', label: 'Outcome status', field: 'Outcome status', order: 'listed' },
      { name: 'social-actor', label: 'Social actor', field: 'Social actor', order: 'count' },
      { name: 'type-of-change', label: 'Type of change', field: 'MCQType of change', order: 'count' },
      { name: 'substantiation', label: 'Substantiation status', field: 'Substantiation status', order: 'listed' },
    ],
    matrix: { rows: 'Rating significance', columns: 'Rating contribution' },
  },
  quality: defaultQuality,
  anonymisation: defaultAnonymisation,
  substantiation: defaultSubstantiation,
  objectiveCheck: {
    idField: 'FragmentID',
    idCodePattern: '/([A-Z]{2,5})\\d+$',
    objectiveField: 'Link to SCC Specific Objectives',
    objectiveCodePattern: '^([A-Z]{2,5}):',
    newId: 'SCC-<redacted>/{code}{number}',
  },
};

/**
 * The default schema as zod would make it (`fragmentSchemaSchema.parse(sccSchema)`), without
 * running zod at every start: test/unit/schema-and-service.test.ts checks that it is exactly what
 * zod makes of `sccSchema`.
 */
export const defaultSchema: FragmentSchema = {
  name: sccSchema.name,
  idField: sccSchema.idField,
  // zod's defaults, in its order of the properties.
  fields: sccSchema.fields.map(
    ({ key, type, required = false, description = '', aliases = [], values = [], valueDescriptions = {}, acceptedAsIs = [], ...rest }): FieldSchema => ({
      key,
      type,
      required,
      description,
      aliases,
      values,
      valueDescriptions,
      acceptedAsIs,
      ...rest,
    }),
  ),
  mergedStory: sccSchema.mergedStory as FragmentSchema['mergedStory'],
  objectiveCheck: sccSchema.objectiveCheck,
  confidentiality: sccSchema.confidentiality,
  preview: sccSchema.preview as FragmentSchema['preview'],
  nonAnswers: sccSchema.nonAnswers as string[],
  harvest: sccSchema.harvest as FragmentSchema['harvest'],
  quality: defaultQuality,
  anonymisation: defaultAnonymisation,
  substantiation: defaultSubstantiation,
};
