import { describe, expect, it } from 'vitest';
import { barChartSvg, describeSeries } from './charts.ts';
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
