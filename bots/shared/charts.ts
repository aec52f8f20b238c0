// Chart specs → PNG, server-side: ECharts renders SVG without a browser, resvg turns it into PNG.
// Both install from the npm registry with nothing else to download. Chinese labels need a CJK font
// on the machine (Debian: fonts-wqy-microhei or fonts-noto-cjk); without one they show as boxes.
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartSpec } from '../../agents/attachments.ts';

const FONT = 'WenQuanYi Micro Hei, Noto Sans CJK SC, DejaVu Sans, sans-serif';

export function renderChartPng(spec: ChartSpec, width = 720, height = 360): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const common = { animation: false, textStyle: { fontFamily: FONT }, title: { text: spec.title, left: 'center', textStyle: { fontSize: 15 } }, grid: { left: 70, right: 30, top: 50, bottom: spec.kind === 'bar' ? 90 : 40 } };
  if (spec.kind === 'line') {
    chart.setOption({
      ...common,
      xAxis: { type: 'category', data: spec.x },
      yAxis: { type: 'value', name: spec.yLabel },
      series: spec.series.map((s) => ({ type: 'line', name: s.name, data: s.values, areaStyle: { opacity: 0.15 }, symbolSize: 5 })),
    });
  } else {
    chart.setOption({
      ...common,
      xAxis: { type: 'category', data: spec.labels.map((l) => (l.length > 14 ? l.slice(0, 13) + '…' : l)), axisLabel: { rotate: 25, interval: 0 } },
      yAxis: { type: 'value', name: spec.yLabel },
      series: [{ type: 'bar', data: spec.values, itemStyle: { color: '#e4572e' }, label: { show: true, position: 'top' } }],
    });
  }
  const svg = chart.renderToSVGString();
  chart.dispose();
  return Buffer.from(new Resvg(svg, { background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'WenQuanYi Micro Hei' } }).render().asPng());
}
