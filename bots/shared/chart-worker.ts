// One chart, in a piscina worker thread (see charts.ts): spec in, PNG bytes out. The ~0.1–0.5 s of
// ECharts layout and resvg rasterising block only this thread.
import type { ChartSpec } from '../../agents/attachments.ts';
import { renderChartPng } from './chart-render.ts';

export type ChartTask = { spec: ChartSpec; width: number; height: number };

export default function renderChart(task: ChartTask): Uint8Array {
  return renderChartPng(task.spec, task.width, task.height);
}
