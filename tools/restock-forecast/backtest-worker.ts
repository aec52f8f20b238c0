// Model choices for many demand series at once, in a piscina worker thread (see model-choices.ts):
// the backtests of a big merchant's first restock call (~0.1–0.3 ms a series) block only this thread.
import { chooseAndForecast, type ModelChoice } from './models.ts';

export type BacktestTask = { series: number[][] };

export default function backtestAll(task: BacktestTask): ModelChoice[] {
  return task.series.map(chooseAndForecast);
}
