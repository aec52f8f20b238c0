// Logistic regression with L2 regularisation on standardised features, fitted by Newton-Raphson. Written here because we need calibrated probabilities and per-feature contributions
// (for "why is my limit this?"), which the npm packages we checked do not expose.

export type LogisticModel = { weights: number[]; bias: number; mean: number[]; sd: number[]; names: string[] };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function fitLogistic(X: number[][], y: number[], names: string[], options: { iterations?: number; l2?: number } = {}): LogisticModel {
  const n = X.length;
  const d = names.length;
  const mean = new Array(d).fill(0);
  const sd = new Array(d).fill(0);
  for (const row of X) row.forEach((v, j) => (mean[j] += v / n));
  for (const row of X) row.forEach((v, j) => (sd[j] += (v - mean[j]) ** 2 / n));
  for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  const Z = X.map((row) => row.map((v, j) => (v - mean[j]) / sd[j]));
  // Newton-Raphson (IRLS) on [bias, weights]: a handful of iterations even with rare positives.
  const positives = y.reduce((a, b) => a + b, 0);
  const beta = new Array(d + 1).fill(0);
  beta[0] = Math.log((positives + 1) / (n - positives + 1));
  const l2 = options.l2 ?? 1e-3;
  const objective = (b: number[]) => {
    let ll = 0;
    for (let i = 0; i < n; i++) {
      let z = b[0];
      for (let j = 0; j < d; j++) z += b[j + 1] * Z[i][j];
      ll += y[i] ? -Math.log1p(Math.exp(-z)) : -Math.log1p(Math.exp(z));
    }
    let penalty = 0;
    for (let j = 1; j <= d; j++) penalty += b[j] * b[j];
    return ll - (n * l2 * penalty) / 2;
  };
  for (let it = 0; it < (options.iterations ?? 25); it++) {
    const g = new Array(d + 1).fill(0);
    const H = Array.from({ length: d + 1 }, () => new Array(d + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const row = [1, ...Z[i]];
      let z = 0;
      for (let j = 0; j <= d; j++) z += beta[j] * row[j];
      const p = sigmoid(z);
      const w = Math.max(p * (1 - p), 1e-9);
      for (let a = 0; a <= d; a++) {
        g[a] += (y[i] - p) * row[a];
        for (let b = a; b <= d; b++) H[a][b] += w * row[a] * row[b];
      }
    }
    for (let a = 0; a <= d; a++) {
      for (let b = 0; b < a; b++) H[a][b] = H[b][a];
      if (a > 0) {
        g[a] -= n * l2 * beta[a];
        H[a][a] += n * l2;
      }
    }
    const step = solve(H, g);
    // Step-halving: accept the largest fraction of the Newton step that improves the objective.
    const before = objective(beta);
    let t = 1;
    let next = beta.map((b, j) => b + step[j]);
    while (objective(next) < before && t > 1e-4) {
      t /= 2;
      next = beta.map((b, j) => b + t * step[j]);
    }
    const size = Math.max(...step.map((v) => Math.abs(v * t)));
    beta.splice(0, beta.length, ...next);
    if (size < 1e-6) break;
  }
  const bias = beta[0];
  const weights = beta.slice(1);
  return { weights, bias, mean, sd, names };
}

/** Each feature's push on the log-odds for this row (positive = towards the event). */
export function contributions(m: LogisticModel, x: number[]): number[] {
  return x.map((v, j) => m.weights[j] * ((v - m.mean[j]) / m.sd[j]));
}

export function predict(m: LogisticModel, x: number[]): number {
  return sigmoid(m.bias + contributions(m, x).reduce((a, b) => a + b, 0));
}

/** Area under the ROC curve (rank statistic; ties count half). */
export function auc(scores: number[], labels: number[]): number {
  const order = scores.map((s, i) => [s, labels[i]] as const).sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j][0] === order[i][0]) j++;
    const averageRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (order[k][1]) { rankSum += averageRank; positives++; }
    i = j;
  }
  const negatives = order.length - positives;
  return positives && negatives ? (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives) : 0.5;
}

/** Gaussian elimination with partial pivoting (the systems here are 10 × 10 or so). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[pivot][c])) pivot = r;
    [M[c], M[pivot]] = [M[pivot], M[c]];
    if (Math.abs(M[c][c]) < 1e-12) continue;
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = Math.abs(M[r][r]) < 1e-12 ? 0 : s / M[r][r];
  }
  return x;
}
