import * as l10n from '@vscode/l10n';
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { labelText } from '../core/report/report-markdown';
import type { ReportLine, ReportModel, ReportOutcome } from '../core/report/report-model';
import type { SummaryMatrix, SummaryTable } from '../core/report/summary-tables';

/** A chart as a picture: PNG bytes and the size to show it at, in pixels (96 per inch). */
export interface ReportPicture {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

export type PictureOf = (chart: string) => ReportPicture | undefined;

/**
 * The report as a Word document (.docx), written with `docx`, which runs in Node and in a web
 * worker alike. Headings use Word's built-in heading styles, so the navigation pane and a
 * table of contents find them; the document's language is set for spelling and hyphenation.
 */
export async function reportDocx(report: ReportModel, pictureOf: PictureOf = () => undefined): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [new Paragraph({ text: xmlSafe(report.title), heading: HeadingLevel.TITLE })];
  children.push(heading(report.headings.scope, 1), ...lines(report.scope));
  children.push(heading(report.headings.totals, 1), ...lines(report.totals));
  for (const sentence of report.leftOut) children.push(new Paragraph({ children: [new TextRun({ text: xmlSafe(sentence), italics: true })] }));
  children.push(heading(report.headings.tables, 1));
  for (const table of report.tables) {
    children.push(heading(table.title, 2));
    const picture = pictureOf(table.id);
    if (picture) children.push(pictureParagraph(picture, table.title));
    children.push(summaryTable(table), new Paragraph({}));
  }
  if (report.matrix) children.push(heading(report.matrix.title, 2), matrixTable(report.matrix), new Paragraph({}));
  children.push(heading(report.headings.outcomes, 1));
  for (const group of report.objectives) {
    children.push(heading(group.objective, 2));
    for (const outcome of group.outcomes) children.push(...outcomeParagraphs(outcome, report.confidentialMark));
  }
  const document = new Document({
    title: xmlSafe(report.title),
    creator: 'Outcome Fragments',
    styles: {
      default: { document: { run: { language: { value: report.language }, font: 'Calibri', size: 22 } } },
      // The headings are based on Normal: it is defined, so that readers (python-docx, LibreOffice) find it.
      paragraphStyles: [{ id: 'Normal', name: 'Normal', quickFormat: true, paragraph: { spacing: { after: 120 } } }],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ text: xmlSafe(text), heading: levels[level], keepNext: true });
}

function lines(entries: readonly ReportLine[]): Paragraph[] {
  return entries.map((entry) => labelled(entry.label, entry.value, true));
}

/** `Label: value`, the label bold; a value's own line breaks kept. */
function labelled(label: string, value: string, bullet = false): Paragraph {
  return new Paragraph({
    ...(bullet ? { bullet: { level: 0 } } : {}),
    children: [new TextRun({ text: `${xmlSafe(labelText(label))} `, bold: true }), ...textRuns(value)],
  });
}

function textRuns(text: string): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}) }));
}

function pictureParagraph(picture: ReportPicture, title: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // A heading, its chart and its table stay together where a page allows.
    keepNext: true,
    children: [
      new ImageRun({
        type: 'png',
        data: picture.png,
        transformation: fitted(picture),
        altText: { name: xmlSafe(title), title: xmlSafe(title), description: xmlSafe(l10n.t('{0}: the table below has the figures', title)) },
      }),
    ],
  });
}

/** The room between the margins of an A4 or Letter page, in pixels at 96 per inch (about 15.9 cm). */
const PAGE_WIDTH = 600;

/** A picture at its own size, or narrowed to the page with its proportions kept. */
function fitted(picture: ReportPicture): { width: number; height: number } {
  const scale = Math.min(1, PAGE_WIDTH / picture.width);
  return { width: Math.round(picture.width * scale), height: Math.round(picture.height * scale) };
}

function cell(text: string, options: { bold?: boolean; right?: boolean } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        ...(options.right ? { alignment: AlignmentType.RIGHT } : {}),
        children: [new TextRun({ text: xmlSafe(text.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ')), ...(options.bold ? { bold: true } : {}) })],
      }),
    ],
  });
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text, index) => cell(text, { bold: true, right: index > 0 })) }),
      ...rows.map((row) => new TableRow({ children: row.map((text, index) => cell(text, { right: index > 0 })) })),
    ],
  });
}

function summaryTable(summary: SummaryTable): Table {
  return table(
    summary.columns,
    summary.rows.map((row) => [row.label, String(row.count), ...row.extra]),
  );
}

function matrixTable(matrix: SummaryMatrix): Table {
  return table(
    [`${matrix.rowField} \\ ${matrix.columnField}`, ...matrix.columns],
    matrix.rows.map((row, index) => [row, ...matrix.columns.map((_, column) => String(matrix.cells[index]?.[column]?.length ?? 0))]),
  );
}

function outcomeParagraphs(outcome: ReportOutcome, confidentialMark: string): Paragraph[] {
  const paragraphs = [heading(outcome.id, 3)];
  if (outcome.confidential) paragraphs.push(new Paragraph({ children: [new TextRun({ text: xmlSafe(confidentialMark), bold: true })] }));
  for (const section of outcome.story) paragraphs.push(labelled(section.label, section.text));
  for (const detail of outcome.details) paragraphs.push(labelled(detail.label, detail.value, true));
  return paragraphs;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 cannot hold are exactly what is replaced
const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** What XML 1.0 cannot hold would make a document Word refuses to open: shown as U+FFFD instead. */
function xmlSafe(text: string): string {
  return text.replace(XML_UNSAFE, '\uFFFD');
}
