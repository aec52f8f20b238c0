// Chart specs → PNG, server-side: ECharts renders SVG without a browser, resvg turns it into PNG.
// CPU-heavy (~0.5 s a chart): only the chart worker (chart-worker.ts) and the bench call this; the
// adapters go through charts.ts (worker pool + cache).
// Both install from the npm registry with nothing else to download. Chinese labels need a CJK font
// on the machine (Debian: fonts-wqy-microhei or fonts-noto-cjk); without one they show as boxes.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type * as ECharts from 'echarts';
import type { ChartSpec } from '../../agents/attachments.ts';

// The one-file CommonJS build: ~0.1 s to load, against ~1.6 s for its ES modules through tsx's loader
// (hundreds of files), which a freshly started worker thread would pay before its first chart.
const echarts = createRequire(import.meta.url)('echarts') as typeof ECharts;

const FONT = 'WenQuanYi Micro Hei, Noto Sans CJK SC, DejaVu Sans, sans-serif';

export function renderChartPng(spec: ChartSpec, width = 720, height = 360): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const common = { animation: false, textStyle: { fontFamily: FONT }, title: { text: spec.title, left: 'center', textStyle: { fontSize: 15 } }, grid: { left: 70, right: 30, top: 50, bottom: spec.kind === 'bar' ? 90 : 40 } };
  if (spec.kind === 'forecast') {
    // Actual weeks, then the forecast mean with its interval drawn as a band (a stacked area of high − low).
    const pad = (values: number[]) => [...new Array(spec.actual.length - 1).fill(null), spec.actual.at(-1)!, ...values];
    const low = [...new Array(spec.actual.length).fill(null), ...spec.low];
    const width = [...new Array(spec.actual.length).fill(null), ...spec.high.map((h, i) => h - spec.low[i])];
    chart.setOption({
      ...common,
      legend: { bottom: 0, data: ['actual', 'forecast'] },
      xAxis: { type: 'category', data: spec.x, boundaryGap: false },
      yAxis: { type: 'value', name: spec.yLabel },
      series: [
        { type: 'line', name: 'actual', data: [...spec.actual, ...new Array(spec.mean.length).fill(null)], symbolSize: 4 },
        { type: 'line', name: 'forecast', data: pad(spec.mean), lineStyle: { type: 'dashed' }, symbolSize: 4 },
        { type: 'line', data: low, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none' },
        { type: 'line', data: width, stack: 'band', lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: '#e4572e', opacity: 0.2 } },
      ],
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
