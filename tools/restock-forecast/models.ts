// Forecasting models for weekly demand. Written here because choosing among them per series is the
// point of the restock tool: seasonal naive (the baseline), Holt-Winters additive with damped trend,
// and two intermittent-demand methods (Croston with the SBA correction, and TSB).

export type Forecaster = { name: string; fit: (history: number[]) => (horizon: number) => number[] };

export const SEASON = 52;

export const seasonalNaive: Forecaster = {
  name: 'seasonal_naive',
  fit(y) {
    return (h) => Array.from({ length: h }, (_, i) => {
      if (y.length >= SEASON) return y[y.length - SEASON + (i % SEASON)];
      return y.length ? y[y.length - 1] : 0; // too short for a season: plain naive
    });
  },
};

/** Holt-Winters additive with damped trend; parameters chosen by one-step SSE on a small grid. */
export const holtWinters: Forecaster = {
  name: 'holt_winters',
  fit(y) {
    const seasonal = y.length >= SEASON + 8;
    const m = seasonal ? SEASON : 1;
    let best: { sse: number; run: ReturnType<typeof hwRun> } | undefined;
    for (const alpha of [0.1, 0.3, 0.5]) for (const beta of [0.01, 0.1]) for (const gamma of seasonal ? [0.05, 0.2] : [0]) {
      const run = hwRun(y, m, alpha, beta, gamma, 0.9);
      if (!best || run.sse < best.sse) best = { sse: run.sse, run };
    }
    const { level, trend, season, phi } = best!.run;
    return (h) => Array.from({ length: h }, (_, i) => {
      let damp = 0;
      for (let k = 1; k <= i + 1; k++) damp += phi ** k;
      const s = m > 1 ? season[(y.length + i) % m] : 0;
      return Math.max(0, level + damp * trend + s);
    });
  },
};

function hwRun(y: number[], m: number, alpha: number, beta: number, gamma: number, phi: number) {
  const n = y.length;
  const first = y.slice(0, Math.min(n, Math.max(m, 4)));
  let level = first.reduce((a, b) => a + b, 0) / Math.max(1, first.length);
  let trend = 0;
  const season = new Array(m).fill(0);
  if (m > 1) for (let i = 0; i < m; i++) season[i] = y[i] - level;
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const s = m > 1 ? season[t % m] : 0;
    const predicted = level + phi * trend + s;
    if (t >= m) sse += (y[t] - predicted) ** 2;
    const previousLevel = level;
    level = alpha * (y[t] - s) + (1 - alpha) * (level + phi * trend);
    trend = beta * (level - previousLevel) + (1 - beta) * phi * trend;
    if (m > 1) season[t % m] = gamma * (y[t] - level) + (1 - gamma) * s;
  }
  return { level, trend, season, phi, sse };
}

/** Croston with the Syntetos-Boylan approximation: demand size / interval, smoothed separately. */
export const crostonSBA: Forecaster = {
  name: 'croston_sba',
  fit(y) {
    const alpha = 0.1;
    let z: number | undefined;
    let p: number | undefined;
    let q = 1;
    for (const v of y) {
      if (v > 0) {
        z = z === undefined ? v : z + alpha * (v - z);
        p = p === undefined ? q : p + alpha * (q - p);
        q = 1;
      } else q++;
    }
    const rate = z === undefined || p === undefined ? 0 : (1 - alpha / 2) * (z / p);
    return (h) => new Array(h).fill(rate);
  },
};

/** TSB (Teunter-Syntetos-Babai): smooths the probability of demand every period, so dying items fade. */
export const tsb: Forecaster = {
  name: 'tsb',
  fit(y) {
    const alpha = 0.1;
    const beta = 0.05;
    const firstDemand = y.find((v) => v > 0);
    let z = firstDemand ?? 0;
    let prob = y.length ? y.filter((v) => v > 0).length / y.length : 0;
    for (const v of y) {
      prob += beta * ((v > 0 ? 1 : 0) - prob);
      if (v > 0) z += alpha * (v - z);
    }
    return (h) => new Array(h).fill(prob * z);
  },
};

export const MODELS: Forecaster[] = [seasonalNaive, holtWinters, crostonSBA, tsb];

/** Mean absolute scaled error: forecast error relative to the in-sample seasonal-naive (or naive) error. */
export function mase(train: number[], actual: number[], forecast: number[]): number {
  const scale = (lag: number) => {
    let sum = 0;
    for (let t = lag; t < train.length; t++) sum += Math.abs(train[t] - train[t - lag]);
    return train.length > lag ? sum / (train.length - lag) : 0;
  };
  const denominator = scale(SEASON) || scale(1) || 1;
  const mae = actual.reduce((s, a, i) => s + Math.abs(a - forecast[i]), 0) / actual.length;
  return mae / denominator;
}

/** Rolling-origin backtest: refit at several origins before the end, score the next `horizon` weeks. */
export function backtest(y: number[], model: Forecaster, origins = 3, horizon = 4): { mase: number; residualSd: number } {
  const scores: number[] = [];
  const errors: number[] = [];
  for (let o = origins; o >= 1; o--) {
    const cut = y.length - o * horizon;
    if (cut < 8) continue;
    const train = y.slice(0, cut);
    const actual = y.slice(cut, cut + horizon);
    const forecast = model.fit(train)(actual.length);
    scores.push(mase(train, actual, forecast));
    actual.forEach((a, i) => errors.push(a - forecast[i]));
  }
  if (!scores.length) return { mase: Infinity, residualSd: 0 };
  const sd = Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
  return { mase: scores.reduce((a, b) => a + b, 0) / scores.length, residualSd: sd };
}

/** Picks the model with the lowest backtest MASE for this series (ties: the simpler, listed first). */
export function chooseModel(y: number[]) {
  let best: { model: Forecaster; mase: number; residualSd: number } | undefined;
  for (const model of MODELS) {
    const score = backtest(y, model);
    if (!best || score.mase < best.mase - 1e-9) best = { model, ...score };
  }
  return best!;
}

/** The longest forecast a tool asks for (restock_forecast's horizonWeeks ≤ 12). */
export const MAX_HORIZON = 12;

/** A model choice as plain data (cacheable, and what a worker thread sends back). */
export type ModelChoice = { model: string; mase: number; residualSd: number; forecast: number[] };

/**
 * chooseModel and the chosen model's forecast for MAX_HORIZON weeks; a shorter horizon is a prefix
 * (every model here forecasts week i the same whatever the horizon).
 */
export function chooseAndForecast(y: number[]): ModelChoice {
  const chosen = chooseModel(y);
  return { model: chosen.model.name, mase: chosen.mase, residualSd: chosen.residualSd, forecast: chosen.model.fit(y)(MAX_HORIZON) };
}
