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
import { formatDate } from '../../platform/calendar/format.ts';
import type { Locale, Translate } from '../../platform/i18n/index.ts';
import type { SummaryRow, SummaryTotals } from './proposals.ts';

/*
 * The summary of proposals (сводка предложений) as a DOCX file with real
 * headings and a table header row, as officials file it: the same rows and
 * totals as the page, built from the same proposals.
 */

export type SummaryDocInput = {
  orgName: string;
  title: string;
  publishedAt: Date | null;
  rows: SummaryRow[];
  totals: SummaryTotals;
  url: string;
};

const FONT = 'Times New Roman';
const cell = (text: string | string[], header = false) =>
  new TableCell({
    children: (Array.isArray(text) ? text : [text]).map(
      (line) => new Paragraph({ children: [new TextRun({ text: line, bold: header })] }),
    ),
  });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } });

/** The summary as DOCX bytes. */
export async function summaryDocx(s: SummaryDocInput, t: Translate, locale: Locale): Promise<Buffer> {
  const title = `${t('drafts.summary.title')}: ${s.title}`;
  const rows = s.rows.map((r, i) => [
    String(i + 1),
    r.participant,
    r.unitLabel ?? t('drafts.summary.whole'),
    // the proposed wording and the participant's justification, each under its name
    r.wording
      ? [`${t('drafts.summary.wording')}: «${r.wording}»`, `${t('drafts.summary.reason')}: ${r.text}`]
      : [r.text],
    r.position ? t(`drafts.position.${r.position}`) : t('drafts.position.none'),
    r.justification ?? '',
  ]);
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      text: t('drafts.summary.title'),
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
    }),
    para(s.title),
    para(s.orgName),
    ...(s.publishedAt
      ? [para(t('drafts.summary.publishedAt', { date: formatDate(s.publishedAt, locale) }))]
      : []),
    s.rows.length === 0
      ? para(t('drafts.summary.none'))
      : new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: [
                '№',
                t('drafts.summary.participant'),
                t('drafts.summary.unit'),
                t('drafts.summary.proposal'),
                t('drafts.summary.position'),
                t('drafts.summary.justification'),
              ].map((h) => cell(h, true)),
            }),
            ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
          ],
        }),
    new Paragraph({
      text: t('drafts.summary.totals'),
      heading: HeadingLevel.HEADING_1,
      spacing: { before: 240, after: 120 },
    }),
    para(t('drafts.summary.total', { n: s.totals.total })),
    para(`${t('drafts.position.accepted')}: ${s.totals.accepted}`),
    para(`${t('drafts.position.partly')}: ${s.totals.partly}`),
    para(`${t('drafts.position.rejected')}: ${s.totals.rejected}`),
    para(s.url),
  ];
  const doc = new Document({
    title,
    creator: s.orgName,
    styles: {
      default: {
        document: { run: { font: FONT, size: 24, language: { value: locale === 'en' ? 'en-GB' : 'ru-RU' } } },
      },
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
