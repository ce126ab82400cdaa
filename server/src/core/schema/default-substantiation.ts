import type { FragmentSchemaInput } from './schema-types';
import type { SubstantiationSchema } from './substantiation-types';

type FieldSchemaInput = FragmentSchemaInput['fields'][number];

/** The answers a substantiator gives on each part (FORMAT.md §9), in the order offered. */
const SCALE = ['fully agree', 'partially agree', 'disagree', "don't know"];

/** The optional fields of substantiation, after the SCC ones (FORMAT.md §9). */
export const substantiationFields: FieldSchemaInput[] = [
  {
    key: 'Substantiation status',
    type: 'choice',
    required: false,
    description: 'Where the substantiation of this outcome stands: selected for it, sent to a substantiator, answered, or not substantiated.',
    values: ['selected', 'sent', 'answered', 'not substantiated'],
    valueDescriptions: {
      selected: 'Chosen to be substantiated; no form sent yet.',
      sent: 'In a substantiation form sent to a substantiator.',
      answered: 'The substantiator’s answers are in the fields below.',
      'not substantiated': 'Not verified with a substantiator.',
    },
  },
  {
    key: 'Substantiated by',
    type: 'text',
    required: false,
    description:
      'Who substantiated the outcome: their role and organisation, independent of the programme (not a name, unless the programme’s policy says otherwise).',
  },
  ...(
    [
      ['description', 'the description of the change'],
      ['significance', 'the significance of the change'],
      ['contribution', 'the programme’s contribution to the change'],
    ] as const
  ).map(
    ([part, what]): FieldSchemaInput => ({
      key: `Substantiation of the ${part}`,
      type: 'choice',
      required: false,
      description: `Whether the substantiator agrees with ${what}.`,
      values: SCALE,
    }),
  ),
  {
    key: "Substantiator's comments",
    type: 'text',
    required: false,
    description: 'What the substantiator adds, corrects or doubts.',
  },
];

/** Which of those fields is which, and what each answer says (FORMAT.md §9). */
export const defaultSubstantiation: SubstantiationSchema = {
  statusField: 'Substantiation status',
  statuses: { selected: 'selected', sent: 'sent', answered: 'answered', 'not substantiated': 'not substantiated' },
  substantiatorField: 'Substantiated by',
  commentsField: "Substantiator's comments",
  parts: [
    { name: 'description', field: 'Substantiation of the description', about: 'Outcome description' },
    { name: 'significance', field: 'Substantiation of the significance', about: 'Significance of the outcome' },
    { name: 'contribution', field: 'Substantiation of the contribution', about: 'Contribution of the programme' },
  ],
  scale: [
    { value: 'fully agree', agreement: 'agrees' },
    { value: 'partially agree', agreement: 'partly agrees' },
    { value: 'disagree', agreement: 'disagrees' },
    { value: "don't know", agreement: 'does not know' },
  ],
};
