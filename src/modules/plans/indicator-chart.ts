import * as echarts from 'echarts';
import { accessibleSvg } from '../../platform/ui/chart-svg.ts';

export type IndicatorChartSpec = {
  id: string;
  title: string;
  description: string;
  periods: readonly string[];
  targetName: string;
  actualName: string;
  targets: readonly (number | null)[];
  actuals: readonly (number | null)[];
};

const TEXT = '#0b0c0c';
const FONT = 'PT Sans, Arial, sans-serif';

/**
 * Target against actual by period as an accessible SVG drawn on the server by
 * ECharts: targets a dashed line, actuals bars; the same figures go in a table
 * beside it. Missing values are gaps, never zeros.
 */
export function indicatorChartSvg(spec: IndicatorChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 320 });
  try {
    chart.setOption({
      animation: false,
      color: ['#1d70b8', TEXT],
      textStyle: { fontFamily: FONT, color: TEXT },
      grid: { left: 56, right: 24, top: 40, bottom: 40 },
      legend: {
        show: true,
        top: 0,
        selectedMode: false,
        textStyle: { color: TEXT, fontFamily: FONT, fontSize: 13 },
      },
      xAxis: {
        type: 'category',
        data: [...spec.periods],
        axisLabel: { color: TEXT, fontFamily: FONT, fontSize: 13, interval: 0 },
        axisLine: { lineStyle: { color: TEXT } },
      },
      yAxis: {
        type: 'value',
        axisLabel: { color: TEXT, fontFamily: FONT, fontSize: 13 },
        splitLine: { lineStyle: { color: '#b1b4b6' } },
      },
      series: [
        {
          type: 'bar',
          name: spec.actualName,
          barMaxWidth: 40,
          data: spec.actuals.map((v) => (v === null ? '-' : v)),
          label: { show: true, position: 'top', color: TEXT, fontFamily: FONT, fontSize: 12 },
        },
        {
          type: 'line',
          name: spec.targetName,
          data: spec.targets.map((v) => (v === null ? '-' : v)),
          lineStyle: { type: 'dashed', width: 2, color: TEXT },
          itemStyle: { color: TEXT },
          symbol: 'diamond',
          symbolSize: 10,
          connectNulls: false,
        },
      ],
    });
    return accessibleSvg(chart.renderToSVGString(), spec);
  } finally {
    chart.dispose();
  }
}
