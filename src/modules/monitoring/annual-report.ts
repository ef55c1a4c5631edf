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
import type { Deps } from '../../platform/deps.ts';
import { getRating, type RatingRow } from './get-rating.ts';

/*
 * The summary annual report of the commission's head to the regional
 * government on the openness of executive bodies and municipalities (section
 * V): the ranked tables with the index, the change against the previous year
 * and the index by mechanism, built with the `docx` package from the published
 * rating (the same snapshot as the page).
 */

const FONT = 'Times New Roman';
const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
const signed = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${fmt(n)}`);

function cell(text: string, header = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })] });
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

function ranked(rows: RatingRow[]): string[][] {
  return rows.map((r) => [String(r.rank), r.org.nameRu, fmt(r.index), signed(r.change)]);
}

/** The annual report of a published year as DOCX bytes. */
export async function annualReportDocx(deps: Pick<Deps, 'db'>, year: number, url: string): Promise<Buffer> {
  const rating = await getRating(deps, year);
  const title = `Сводный годовой доклад об оценке уровня открытости органов власти Калининградской области за ${year} год`;
  const all = [...rating.executive, ...rating.municipal];
  const mean = (rows: RatingRow[]) =>
    rows.length ? rows.reduce((a, r) => a + r.index, 0) / rows.length : null;
  const mechanisms = [...new Set(all.flatMap((r) => Object.keys(r.byMechanism)))];
  const head = ['Место', 'Организация', 'Индекс', 'К прошлому году'];
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    para(
      `Мониторинг проведён проектным офисом по методике мониторинга и оценки открытости. Оценено организаций: ${all.length}. Средний индекс органов исполнительной власти — ${fmt(mean(rating.executive))}, муниципальных образований — ${fmt(mean(rating.municipal))} из 100.`,
    ),
    heading('1. Рейтинг органов исполнительной власти', HeadingLevel.HEADING_1),
    table(head, ranked(rating.executive)),
    heading('2. Рейтинг муниципальных образований', HeadingLevel.HEADING_1),
    table(head, ranked(rating.municipal)),
    heading('3. Индекс по механизмам открытости', HeadingLevel.HEADING_1),
    table(
      ['Организация', ...mechanisms],
      all.map((r) => [r.org.nameRu, ...mechanisms.map((m) => fmt(r.byMechanism[m]))]),
    ),
    heading('4. Как считается индекс', HeadingLevel.HEADING_1),
    para(
      'Индекс от 0 до 100 складывается из взвешенных критериев методики: самообследования органа, автоматических показателей портала (обращения, разделы сайта, план и эффективный контракт, открытые данные, общественный совет), экспертной и внешней оценки и опроса граждан. Каждое значение с его источником и подтверждением показано на странице организации.',
    ),
    para(`Рейтинг и разбор каждого балла: ${url}`),
  ];
  const doc = new Document({
    title,
    creator: 'Проектный офис «Открытое правительство»',
    styles: { default: { document: { run: { font: FONT, size: 24, language: { value: 'ru-RU' } } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
