import * as echarts from 'echarts';
import { accessibleSvg } from '../../../platform/ui/chart-svg.ts';
import { type Cell, isSuppressed } from './suppress.ts';

export { accessibleSvg };

/*
 * Charts of appeals statistics as SVG rendered on the server with Apache
 * ECharts (SSR renderer): no JavaScript in the page. The SVG is made safe for
 * the site's Content-Security-Policy (no <style> element, no style
 * attributes: ECharts' inline styles become presentation attributes) and
 * accessible: role="img" with a <title> and a <desc> that state the figures;
 * pages put the same figures in a table beside the chart. Suppressed cells
 * («<3», «≥3») are drawn as an empty bar with that label, never as their true value.
 */

export type ChartSeries = { name: string; values: readonly Cell[] };

export type BarChartSpec = {
  /** unique on the page: the <title> and <desc> ids derive from it */
  id: string;
  title: string;
  /** a sentence that says what the chart shows (its figures are in the table beside it) */
  description: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** bars grow to the right, categories down the side (long labels, e.g. topics) */
  horizontal?: boolean;
  width?: number;
  height?: number;
};

/** The portal's palette: GOV.UK blue and dark text, contrast over 4.5:1 on white. */
const COLOURS = ['#1d70b8', '#505a5f', '#00703c', '#d4351c'];
const TEXT = '#0b0c0c';
const FONT = 'PT Sans, Arial, sans-serif';

/** Characters of PT Sans 13 px that fit the 200 px label column of a horizontal chart. */
const LABEL_LINE_CHARS = 26;
const LABEL_MAX_LINES = 3;

/**
 * A category label in lines that break only between words (after a space or a
 * hyphen), never inside one (ECharts' own `overflow: 'break'` cuts words
 * anywhere). A word longer than a line is abbreviated with a full stop; a
 * label longer than the lines allowed ends with «…» after its last whole word.
 * The full label stays in the table beside the chart and in its description.
 */
export function wrapLabel(label: string, lineChars = LABEL_LINE_CHARS, maxLines = LABEL_MAX_LINES): string {
  const words = label
    .trim()
    .split(/\s+|(?<=-)/)
    .filter(Boolean)
    .map((w) => (w.length > lineChars ? `${w.slice(0, lineChars - 1)}.` : w));
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const joined = line === '' ? w : line.endsWith('-') ? `${line}${w}` : `${line} ${w}`;
    if (joined.length <= lineChars) line = joined;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines.join('\n');
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] as string;
  kept[maxLines - 1] = last.length + 1 <= lineChars ? `${last}…` : `${last.slice(0, last.lastIndexOf(' '))}…`;
  return kept.join('\n');
}

/*
 * Drawing a chart with ECharts costs tens of milliseconds, and the public
 * statistics pages drew three on every request (issue 11: ~700 ms a page). The
 * SVG is a pure function of its spec, so it is kept per spec: the same figures
 * give the same picture without drawing it again, and new figures are a new
 * key, never a stale picture. Bounded, least recently used out first.
 */
const CACHE_SIZE = 1000;
const drawn = new Map<string, string>();

/** A bar chart as a self-contained, CSP-safe, accessible SVG string (drawn once per spec). */
export function barChartSvg(spec: BarChartSpec): string {
  const key = JSON.stringify(spec);
  const hit = drawn.get(key);
  if (hit !== undefined) {
    drawn.delete(key);
    drawn.set(key, hit);
    return hit;
  }
  const svg = drawBarChart(spec);
  drawn.set(key, svg);
  if (drawn.size > CACHE_SIZE) drawn.delete(drawn.keys().next().value as string);
  return svg;
}

function drawBarChart(spec: BarChartSpec): string {
  const width = spec.width ?? 640;
  // a horizontal chart's row holds up to LABEL_MAX_LINES lines of its label
  const height = spec.height ?? (spec.horizontal ? Math.max(160, 48 + spec.categories.length * 52) : 320);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const categoryAxis = {
      type: 'category' as const,
      data: spec.horizontal ? spec.categories.map((c) => wrapLabel(c)) : [...spec.categories],
      axisLabel: {
        color: TEXT,
        fontFamily: FONT,
        fontSize: 13,
        interval: 0,
        lineHeight: 16,
      },
      axisLine: { lineStyle: { color: TEXT } },
      axisTick: { show: false },
      inverse: spec.horizontal === true,
    };
    const valueAxis = {
      type: 'value' as const,
      minInterval: 1,
      axisLabel: { color: TEXT, fontFamily: FONT, fontSize: 13 },
      splitLine: { lineStyle: { color: '#b1b4b6' } },
    };
    chart.setOption({
      animation: false,
      color: COLOURS,
      textStyle: { fontFamily: FONT, color: TEXT },
      grid: {
        left: spec.horizontal ? 210 : 48,
        right: 40,
        top: spec.series.length > 1 ? 40 : 16,
        bottom: spec.horizontal ? 24 : 48,
      },
      legend:
        spec.series.length > 1
          ? {
              show: true,
              top: 0,
              textStyle: { color: TEXT, fontFamily: FONT, fontSize: 13 },
              selectedMode: false,
            }
          : { show: false },
      xAxis: spec.horizontal ? valueAxis : categoryAxis,
      yAxis: spec.horizontal ? categoryAxis : valueAxis,
      series: spec.series.map((s) => ({
        type: 'bar' as const,
        name: s.name,
        barMaxWidth: 40,
        label: {
          show: true,
          position: spec.horizontal ? ('right' as const) : ('top' as const),
          color: TEXT,
          fontFamily: FONT,
          fontSize: 12,
        },
        data: s.values.map((v) => (isSuppressed(v) ? { value: 0, label: { formatter: v } } : { value: v })),
      })),
    });
    return accessibleSvg(chart.renderToSVGString(), spec);
  } finally {
    chart.dispose();
  }
}

/** The figures of a chart as one sentence per series, for its <desc>: «Поступило: январь 12, февраль <3.» */
export function describeSeries(
  categories: readonly string[],
  series: readonly ChartSeries[],
  format: (c: Cell) => string,
): string {
  return series
    .map((s) => `${s.name}: ${categories.map((c, i) => `${c} ${format(s.values[i] ?? 0)}`).join(', ')}.`)
    .join(' ');
}
