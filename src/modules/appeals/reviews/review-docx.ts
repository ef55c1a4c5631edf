import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Locale, Translate } from '../../../platform/i18n/index.ts';
import type { PublicFigures } from '../stats/figures.ts';
import { figureRows, monthLabel, quarterLabel } from '../stats/labels.ts';
import { formatCell, formatMeasure } from '../stats/suppress.ts';

/*
 * The quarterly review of appeals (task 4.2) as a DOCX file, built with the
 * `docx` package: real headings, table header rows and document properties
 * (title, language), so screen readers and Word's accessibility checker read
 * it. Only published, suppressed figures go in: the same as the page.
 */

export type ReviewDocInput = {
  orgName: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  figures: PublicFigures;
  comment: string | null;
  publishedAt: Date | null;
  /** the review page's address, printed at the end */
  url: string;
};

const FONT = 'Times New Roman';

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
  });
}

function table(head: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } });

/** The review as DOCX bytes. */
export async function reviewDocx(r: ReviewDocInput, t: Translate, locale: Locale): Promise<Buffer> {
  const f = r.figures;
  const title = t('appeals.review.docTitle', {
    org: r.orgName,
    quarter: quarterLabel(r.quarter, t),
    year: r.year,
  });
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    para(t('appeals.review.lead', { quarter: quarterLabel(r.quarter, t), year: r.year })),
    heading(t('appeals.stats.summary'), HeadingLevel.HEADING_1),
    table(
      [t('appeals.stats.figure'), t('appeals.stats.value')],
      figureRows(f, t, locale).map((row) => [row.label, row.value]),
    ),
    heading(t('appeals.stats.byMonth'), HeadingLevel.HEADING_1),
    table(
      [t('appeals.stats.month'), t('appeals.stats.received'), t('appeals.stats.answered')],
      f.byMonth.map((m) => [
        monthLabel(m.month, locale),
        formatCell(m.received, locale),
        formatCell(m.answered, locale),
      ]),
    ),
    heading(t('appeals.stats.byTopic'), HeadingLevel.HEADING_1),
    f.byTopic.length === 0
      ? para(t('appeals.stats.noTopics'))
      : table(
          [t('appeals.stats.topic'), t('appeals.stats.received')],
          f.byTopic.map((x) => [x.name, formatCell(x.count, locale)]),
        ),
    heading(t('appeals.stats.satisfaction'), HeadingLevel.HEADING_1),
    para(
      t('appeals.stats.satisfactionLine', {
        rated: formatCell(f.rated, locale),
        share: formatMeasure(f.satisfiedShare, locale, ' %'),
      }),
    ),
    heading(t('appeals.review.measures'), HeadingLevel.HEADING_1),
    ...(r.comment ?? t('appeals.review.noComment'))
      .split(/\n{2,}/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map(para),
    heading(t('appeals.stats.aboutTitle'), HeadingLevel.HEADING_2),
    para(t('appeals.stats.suppressionNote')),
    para(t('appeals.stats.corruptionNote')),
    para(t('appeals.review.online', { url: r.url })),
  ];
  const doc = new Document({
    title,
    creator: r.orgName,
    description: t('appeals.review.docDescription'),
    styles: {
      default: {
        document: { run: { font: FONT, size: 24, language: { value: locale === 'en' ? 'en-GB' : 'ru-RU' } } },
      },
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
