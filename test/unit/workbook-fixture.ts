import ExcelJS from 'exceljs';
import type { Cell, Row, Sheet } from '../../server/src/core/harvest/cells';

/**
 * A master workbook as the SCC harvest has it: its headers (the misspelt `coutnry`, the two
 * headers with a trailing space), a column of our own with dates, the one-hot columns, and rows
 * with empty cells, numbers, multi-line cells and non-ASCII text. Its files, written by hand
 * from FORMAT.md §6, are in test/fixtures/workbook/expected/.
 */
export const MCQ_LABELS = [
  'New structure',
  'Capacity change',
  'Safety and Security',
  'Policy change',
  'Practice change',
  'Relationship change',
  'Agenda setting',
];
export const CLUSTER_LABELS = ['Capacity change', 'Mobilizing citizens and organizations', 'Policy and practice change', 'Protection and safety'];

export const HEADERS = [
  'FragmentID',
  'Outcome status',
  'OH-harvesting period',
  'coutnry',
  'Year',
  'Outcome description',
  'Significance of the outcome',
  'Additional information (use if needed) ',
  'Rating significance',
  'Social actor',
  'Scale',
  'Contribution of the programme',
  'Contribution of other actors and factors',
  'Rating contribution',
  'The change was unintended',
  'Evidence supporting the outcome statement',
  'Outcome statements is CONFIDENTIAL',
  'Link to Outcomes in Results Framework ',
  'Link to SCC Specific Objectives',
  'StoryFragment_Merged',
  'Outcome is negative',
  'Date of harvest',
  ...MCQ_LABELS.map((label) => `MCQType of change_${label}`),
  ...CLUSTER_LABELS.map((label) => `TypeOfChangeCluster_${label}`),
];

const FRAMEWORK_13 =
  'Outcome 1.3: (Women) HRDs and activists better protect themselves physically and digitally and have better access to protection mechanisms in response to threats and violations';

/** The rows below the header, as plain cells (a date as its ISO day). */
export const ROWS: Row[] = [
  [
    'SCC-<redacted>/CIV021',
    'Outcome',
    'harvest 3',
    'DR Congo',
    2024,
    'In March 2024, SECHA digitized its data collection.\nIt trained its monitors.',
    'Loose papers exposed the staff,\r\nthe monitors and the victims.',
    null,
    'medium',
    'Engaged citizens',
    'Organisation',
    'DefendDefenders trained two SECHA staff members.',
    'No',
    'great',
    0,
    null,
    1,
    FRAMEWORK_13,
    'CIV: Less suppression of civic space',
    'In March <redacted>, SECHA digitized its data <redacted>. It trained its monitors.  Significance description: Loose papers exposed the staff, the monitors and the victims.  Contribution of the programme: DefendDefenders trained two SECHA staff members.  Contribution of other actors and factors: No',
    0,
    { date: '2024-03-15' },
    ...oneHot(MCQ_LABELS, ['New structure', 'Capacity change']),
    ...oneHot(CLUSTER_LABELS, ['Capacity change']),
  ],
  [
    'SCC-BI/GEN007',
    'Potential outcome',
    'harvest 2',
    'Burundi',
    2023,
    'Des femmes leaders de Gitega ont créé un comité « Paix et sécurité » — le premier de la commune.',
    'Les décisions de la commune tiennent compte des femmes.',
    'Suivi assuré par l’équipe de Bujumbura.',
    'high',
    'Women human rights defenders',
    'Community',
    'Le programme a financé trois ateliers.',
    null,
    'medium',
    1,
    'Procès-verbal du comité, 12/05/2023',
    0,
    null,
    'GEN: More equal gender roles and norms',
    null,
    '1',
    null,
    ...oneHot(MCQ_LABELS, []),
    ...oneHot(CLUSTER_LABELS, []),
  ],
  // A row of empty cells: skipped, and counted.
  HEADERS.map(() => null),
  [
    'SCC-ET/PHR112',
    'Outcome',
    'harvest 3',
    'Ethiopia',
    2022,
    'Elders of Dire Dawa (ድሬዳዋ) mediated between two clans.',
    'The clashes stopped for six months.',
    'Cost: 1250.5 birr',
    'low',
    'Traditional and religious leaders',
    'Community',
    'The programme hosted the first dialogue.',
    'Regional peace committee',
    'small',
    0,
    'Minutes of the dialogue',
    0.0,
    null,
    'PHR: Conflict transformation, peace and human rights',
    null,
    1,
    { date: '2022-11-02T00:00:00' },
    ...oneHot(MCQ_LABELS, ['Relationship change']),
    ...oneHot(CLUSTER_LABELS, ['Mobilizing citizens and organizations', 'Protection and safety']),
  ],
];

/** The data rows that are files: the empty third row is skipped. */
export const FILE_ROWS = [1, 2, 4];

function oneHot(labels: readonly string[], ticked: readonly string[]): Cell[] {
  return labels.map((label) => (ticked.includes(label) ? 1 : null));
}

export const FIXTURE_SHEET: Sheet = { name: 'Master dataset', rows: [HEADERS, ...ROWS] };

/**
 * The same workbook as Excel would save it: a real .xlsx with a date cell, a formula (its cached
 * result imported), rich text (its plain text imported) and a second sheet that import ignores.
 */
export async function fixtureXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Master dataset');
  sheet.addRow(HEADERS);
  for (const row of ROWS) {
    sheet.addRow(row.map((cell) => (cell !== null && typeof cell === 'object' ? new Date(`${cell.date.slice(0, 10)}T00:00:00Z`) : cell)));
  }
  const yearColumn = HEADERS.indexOf('Year') + 1;
  const descriptionColumn = HEADERS.indexOf('Outcome description') + 1;
  const dateColumn = HEADERS.indexOf('Date of harvest') + 1;
  sheet.getRow(5).getCell(yearColumn).value = { formula: '2020+2', result: 2022 };
  sheet.getRow(5).getCell(descriptionColumn).value = {
    richText: [{ text: 'Elders of ' }, { font: { bold: true }, text: 'Dire Dawa' }, { text: ' (ድሬዳዋ) mediated between two clans.' }],
  };
  sheet.getColumn(dateColumn).numFmt = 'dd/mm/yyyy';
  workbook.addWorksheet('Notes').addRow(['Not imported']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A compound file as Excel writes for a password-protected workbook: the OLE signature and the encrypted package's stream names. */
export function passwordProtectedWorkbook(): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const utf16 = (text: string) => Uint8Array.from([...text].flatMap((character) => [character.charCodeAt(0), 0]));
  bytes.set(utf16('EncryptionInfo'), 1024);
  bytes.set(utf16('EncryptedPackage'), 1152);
  return bytes;
}
