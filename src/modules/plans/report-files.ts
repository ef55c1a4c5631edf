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
import { fontRuns, renderPdf } from '../../platform/pdf/index.ts';
import type { AnnualReportPage } from './get-annual-report.ts';
import { obstructionHead, obstructionRows } from './obstruction.ts';

/*
 * The annual report as files (task 6.4): DOCX, as officials file it, and PDF.
 * Both are drawn from one list of blocks built from the same figures as the
 * page, so the three never disagree.
 */

type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; head: string[]; rows: string[][] };

const paragraphs = (text: string): Block[] =>
  text
    .split(/\n\s*\n|\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'para', text: p }));

const number = (v: number | null, locale: Locale) =>
  v === null
    ? '—'
    : new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 2 }).format(v);

/** The report as blocks: title, the staff's text, the generated figures per plan, the co-report. */
export function reportBlocks(page: AnnualReportPage, t: Translate, locale: Locale, url: string): Block[] {
  const { data, report } = page;
  const orgName = locale === 'en' ? (data.org.nameEn ?? data.org.nameRu) : data.org.nameRu;
  const tot = data.totals;
  const blocks: Block[] = [
    { kind: 'title', text: t('plans.report.title', { year: data.year }) },
    { kind: 'para', text: orgName },
    ...(report.publishedAt
      ? [
          {
            kind: 'para' as const,
            text: t('plans.report.publishedOn', { date: formatDate(report.publishedAt, locale) }),
          },
        ]
      : []),
    ...paragraphs(report.textRu),
    { kind: 'heading', text: t('plans.report.figures') },
    {
      kind: 'para',
      text: t('plans.report.counts', {
        total: tot.indicators,
        achieved: tot.achieved,
        atRisk: tot.atRisk,
        notAchieved: tot.notAchieved,
        noData: tot.noData,
      }),
    },
    {
      kind: 'para',
      text: t('plans.report.activityCounts', { total: tot.activities, done: tot.done, overdue: tot.overdue }),
    },
  ];
  if (data.plans.length === 0) blocks.push({ kind: 'para', text: t('plans.report.noPlans') });
  for (const p of data.plans) {
    blocks.push({ kind: 'heading', text: p.plan.titleRu });
    blocks.push({
      kind: 'para',
      text: `${t(`plans.kind.${p.plan.kind}`)}. ${t('plans.progress')}: ${p.progress === null ? t('plans.progress.none') : t('plans.progress.value', { value: Math.round(p.progress) })}`,
    });
    if (p.indicators.length > 0)
      blocks.push({
        kind: 'table',
        head: [
          '№',
          t('plans.itemKind.indicator'),
          t('plans.indicator.unit'),
          t('plans.indicator.target'),
          t('plans.indicator.actual'),
          t('plans.indicator.statusCol'),
        ],
        rows: p.indicators.map((i) => [
          i.code ?? '',
          i.title,
          i.unit ?? '',
          number(i.target, locale),
          number(i.actual, locale),
          t(`plans.pstatus.${i.status ?? 'no_data'}`),
        ]),
      });
    if (p.activities.length > 0)
      blocks.push({
        kind: 'table',
        head: ['№', t('plans.itemKind.activity'), t('plans.field.deadline'), t('plans.indicator.statusCol')],
        rows: p.activities.map((a) => [
          a.code ?? '',
          a.title,
          a.deadline ?? '',
          a.overdue ? t('plans.overdue') : t(`plans.astatus.${a.activityStatus}`),
        ]),
      });
  }
  // concept task 6.5: the complaints of obstructed public control, suppressed as on the page
  blocks.push({ kind: 'heading', text: t('plans.obstruction.title') });
  blocks.push({ kind: 'para', text: t('plans.obstruction.lead', { year: data.year }) });
  blocks.push({
    kind: 'table',
    head: obstructionHead([page.obstruction], t),
    rows: obstructionRows([page.obstruction], t, locale),
  });
  blocks.push({ kind: 'para', text: t('plans.obstruction.suppressed') });
  blocks.push({ kind: 'heading', text: t('plans.report.coReport') });
  if (!report.coReportRu && page.councilCoReports.length === 0)
    blocks.push({ kind: 'para', text: t('plans.report.coReportNone') });
  if (report.coReportRu) blocks.push(...paragraphs(report.coReportRu));
  for (const c of page.councilCoReports) {
    blocks.push({ kind: 'para', text: c.councilName });
    blocks.push(...paragraphs(c.text));
  }
  blocks.push({ kind: 'para', text: url });
  return blocks;
}

const cell = (text: string, header = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })] });

/** The report as DOCX bytes, with real headings and table header rows. */
export async function reportDocx(blocks: Block[], meta: { title: string; creator: string; locale: Locale }) {
  const children = blocks.map((b) => {
    if (b.kind === 'title')
      return new Paragraph({ text: b.text, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER });
    if (b.kind === 'heading')
      return new Paragraph({
        text: b.text,
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 240, after: 120 },
      });
    if (b.kind === 'para') return new Paragraph({ children: [new TextRun(b.text)], spacing: { after: 120 } });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: b.head.map((h) => cell(h, true)) }),
        ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
      ],
    });
  });
  const doc = new Document({
    title: meta.title,
    creator: meta.creator,
    styles: {
      default: {
        document: {
          run: {
            font: 'Times New Roman',
            size: 24,
            language: { value: meta.locale === 'en' ? 'en-GB' : 'ru-RU' },
          },
        },
      },
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** The report as PDF bytes (PT Sans). */
export function reportPdf(blocks: Block[], meta: { title: string }): Promise<Buffer> {
  return renderPdf({
    info: { title: meta.title },
    content: blocks.map((b) => {
      if (b.kind === 'title') return { text: fontRuns(b.text, true), fontSize: 18, margin: [0, 0, 0, 12] };
      if (b.kind === 'heading') return { text: fontRuns(b.text, true), fontSize: 14, margin: [0, 12, 0, 6] };
      if (b.kind === 'para') return { text: fontRuns(b.text), margin: [0, 0, 0, 6] };
      return {
        table: {
          headerRows: 1,
          widths: b.head.map((_, i) => (i === 1 ? '*' : 'auto')),
          body: [
            b.head.map((h) => ({ text: fontRuns(h, true) })),
            ...b.rows.map((r) => r.map((c) => ({ text: fontRuns(c) }))),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
        margin: [0, 0, 0, 8],
      };
    }),
  });
}
