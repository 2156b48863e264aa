// Adapter: the npm package portfolio-allocation (riskBudgetingWeights, a cyclical coordinate descent) for the
// parity-bench external-solver protocol.
//   node erc.js COV BUDGETS TOL MAXITER OUT
// TOL is passed as its opt.eps (its own stopping rule: the change of the objective between cycles), MAXITER as
// opt.maxCycles (0 = its default, 10000). It throws at the cycle cap: reported as status MAX_ITERATIONS; any other
// throw as NUMERICAL_BREAKDOWN with its message (weights NaN). Times in-process: PEER_WARMUP untimed calls
// (default 0), then the median of PEER_REPEATS timed calls (default 1).
'use strict';
const fs = require('fs');
const path = require('path');
let PortfolioAllocation;
try {
  PortfolioAllocation = require(path.join(__dirname, 'node_modules', 'portfolio-allocation'));
} catch (e) {
  process.stderr.write('JS adapter: the npm package portfolio-allocation is not installed in ' + __dirname
      + '/node_modules; run peers/js/install\n');
  process.exit(127);
}
const [cov, budgets, tol, maxIter, out] = process.argv.slice(2);
const readCsv = f => fs.readFileSync(f, 'utf8').split(/\r?\n/).filter(l => l.trim() !== '')
    .map(l => l.split(',').map(Number));
const sigma = readCsv(cov);
const rb = readCsv(budgets)[0];
const n = rb.length;
const opt = {eps: Number(tol)};
if (Number(maxIter) > 0) {
  opt.maxCycles = Number(maxIter);
}
const warmup = parseInt(process.env.PEER_WARMUP || '0', 10);
const repeats = Math.max(1, parseInt(process.env.PEER_REPEATS || '1', 10));
const num = v => (Number.isFinite(v) ? v : null);
let answer;
try {
  for (let k = 0; k < warmup; k++) {
    PortfolioAllocation.riskBudgetingWeights(sigma, rb, opt);
  }
  const times = [];
  let w;
  for (let k = 0; k < repeats; k++) {
    const t0 = process.hrtime.bigint();
    w = PortfolioAllocation.riskBudgetingWeights(sigma, rb, opt);
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  const m = times.length % 2 ? times[(times.length - 1) / 2]
      : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
  answer = {weights: w.map(num), seconds: m, repeats: repeats};
} catch (e) {
  const capped = /maximum number of cycles/.test(String(e.message));
  answer = {weights: new Array(n).fill(null), status: capped ? 'MAX_ITERATIONS' : 'NUMERICAL_BREAKDOWN',
            message: String(e.message)};
}
fs.writeFileSync(out, JSON.stringify(answer) + '\n');
