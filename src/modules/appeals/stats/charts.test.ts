import { describe, expect, it } from 'vitest';
import { barChartSvg, describeSeries, wrapLabel } from './charts.ts';
import { formatCell } from './suppress.ts';

const spec = {
  id: 'by-month',
  title: 'Обращения по месяцам',
  description: 'Поступило: январь 12, февраль <3.',
  categories: ['янв', 'фев', 'мар'],
  series: [
    { name: 'Поступило', values: [12, '<3', 7] as const },
    { name: 'Дан ответ', values: [10, '<3', 5] as const },
  ],
};

describe('server-side SVG charts', () => {
  it('is an accessible image: role, <title> and <desc> first, labelled by both', () => {
    const svg = barChartSvg(spec);
    expect(svg).toMatch(
      /^<svg[^>]* role="img" aria-labelledby="by-month-title by-month-desc"[^>]*><title id="by-month-title">Обращения по месяцам<\/title><desc id="by-month-desc">Поступило: январь 12, февраль &#60;3.<\/desc>/,
    );
  });

  it('is safe under the page CSP and fluid: no <style>, no style or class attributes, no fixed width, no script', () => {
    const svg = barChartSvg({ ...spec, horizontal: true });
    expect(svg).not.toMatch(/<style|\sstyle=|\sclass=|ecmeta_|<script|\son\w+=/);
    expect(svg).toMatch(/^<svg[^>]* width="100%"/);
    expect(svg).not.toMatch(/^<svg[^>]* height=/);
    expect(svg).toMatch(/font-family="PT Sans, Arial, sans-serif"/);
  });

  it('draws suppressed cells as «<3» labels, the figures as values', () => {
    const svg = barChartSvg(spec);
    expect(svg).toContain('>&lt;3</text>');
    expect(svg).toContain('>12</text>');
    expect(svg).toContain('>Поступило</text>');
  });

  it('escapes titles', () => {
    expect(barChartSvg({ ...spec, title: '<b>&' })).toContain(
      '<title id="by-month-title">&#60;b&#62;&#38;</title>',
    );
  });

  it('draws a spec once and new figures anew (the picture is kept per spec, never stale)', () => {
    const first = barChartSvg({ ...spec, id: 'kept' });
    expect(barChartSvg({ ...spec, id: 'kept' })).toBe(first);
    const changed = barChartSvg({
      ...spec,
      id: 'kept',
      series: [{ name: 'Поступило', values: [99, '<3', 7] as const }],
    });
    expect(changed).not.toBe(first);
    expect(changed).toContain('>99</text>');
    expect(first).not.toContain('>99</text>');
  });

  it('describes the figures as text', () => {
    expect(
      describeSeries(['янв', 'фев'], [{ name: 'Поступило', values: [12, '<3'] }], (c) => formatCell(c, 'ru')),
    ).toBe('Поступило: янв 12, фев <3.');
  });
});

describe('chart labels (issue 10: never broken mid-word)', () => {
  const long = [
    'Жилищно-коммунальная сфера и благоустройство территорий',
    'Государство, общество, политика: конституционный строй, основы государственного управления',
    'Здравоохранение',
    'Социальное обеспечение и социальное страхование',
  ];
  /** The label lines ECharts drew: the <text> nodes that are not numbers. */
  const labelLines = (svg: string) =>
    [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
      .map((m) => (m[1] ?? '').replaceAll('&amp;', '&'))
      .filter((s) => !/^[\d\s<≥&lt;]*$/.test(s));

  it('wraps at spaces and hyphens only: every word in the SVG is a whole word of a label', () => {
    const svg = barChartSvg({
      ...spec,
      categories: long,
      series: [{ name: 'Поступило', values: [5, 4, 3, 7] }],
      horizontal: true,
    });
    const lines = labelLines(svg).filter((l) => l !== 'Поступило');
    expect(lines.length).toBeGreaterThan(long.length); // long labels did wrap
    const words = new Set(long.flatMap((l) => l.split(/\s+|(?<=-)/)));
    for (const line of lines)
      for (const w of line
        .replace(/…$/, '')
        .split(/\s+|(?<=-)/)
        .filter(Boolean))
        expect(words, `«${w}» in «${line}»`).toContain(w);
    // nothing is lost but what «…» says is cut
    expect(lines).toContain('Здравоохранение');
  });

  it('abbreviates a word longer than a line with a full stop and a label longer than three lines with «…»', () => {
    expect(wrapLabel('Электроэнергетикаводоснабжениеводоотведение', 26)).toBe('Электроэнергетикаводоснаб.');
    const cut = wrapLabel('один два три четыре пять шесть семь восемь девять десять', 10, 3);
    expect(cut.split('\n')).toHaveLength(3);
    expect(cut.endsWith('…')).toBe(true);
    for (const line of cut.split('\n')) expect(line.length).toBeLessThanOrEqual(10);
    expect(wrapLabel('Жилищно-коммунальная сфера', 14)).toBe('Жилищно-\nкоммунальная\nсфера');
  });
});
