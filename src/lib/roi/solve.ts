/**
 * Bracketing root finders shared by the finance functions (irr, xirr, rate) and the break-even
 * goal-seek. Newton's method is fast but leaves its basin without warning; a bracket (two points
 * where the function has opposite signs) guarantees a root between them, and Brent's method
 * finds it with bisection's safety and near-secant speed.
 */

export type RealFunction = (x: number) => number;

/**
 * Brent's method ("zeroin", R. P. Brent, Algorithms for Minimization without Derivatives,
 * 1973, ch. 4; the netlib Fortran `zeroin.f`): a root of `f` between `a` and `b`, to within
 * `tolerance` + 4ε|x|. Returns null when f(a) and f(b) have the same sign, or f is NaN on the way.
 * `known` passes f(a) and f(b) when the caller has them already (a bracket search does).
 */
export function brent(
  f: RealFunction,
  a: number,
  b: number,
  tolerance = 1e-15,
  known?: { fa: number; fb: number },
): number | null {
  let fa = known ? known.fa : f(a);
  let fb = known ? known.fb : f(b);
  if (Number.isNaN(fa) || Number.isNaN(fb)) return null;
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb)) return null;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let i = 0; i < 200; i++) {
    if (Math.abs(fc) < Math.abs(fb)) {
      [a, b, c] = [b, c, b];
      [fa, fb, fc] = [fb, fc, fb];
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0) return b;
    [d, e] = nextStep(a, b, c, fa, fb, fc, d, e, m, tol);
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
    if (Number.isNaN(fb)) return null;
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
  }
  return b;
}

/** Inverse quadratic (or secant) step when it stays well inside the bracket, else bisection. */
function nextStep(
  a: number,
  b: number,
  c: number,
  fa: number,
  fb: number,
  fc: number,
  d: number,
  e: number,
  m: number,
  tol: number,
): [number, number] {
  if (Math.abs(e) < tol || Math.abs(fa) <= Math.abs(fb)) return [m, m];
  const s = fb / fa;
  let p: number;
  let q: number;
  if (a === c) {
    p = 2 * m * s;
    q = 1 - s;
  } else {
    const qa = fa / fc;
    const r = fb / fc;
    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
    q = (qa - 1) * (r - 1) * (s - 1);
  }
  if (p > 0) q = -q;
  else p = -p;
  if (2 * p < 3 * m * q - Math.abs(tol * q) && p < Math.abs(0.5 * e * q)) return [p / q, d];
  return [m, m];
}

/**
 * Every root of `f` that a sign change between consecutive `grid` points brackets, in grid
 * order. Points where f is not finite split the grid (no bracket spans them). Roots of even
 * multiplicity, which touch zero without crossing, are found only if a grid point hits them.
 */
export function bracketedRoots(f: RealFunction, grid: readonly number[]): number[] {
  const roots: number[] = [];
  let previousX = Number.NaN;
  let previousY = Number.NaN;
  for (const x of grid) {
    const y = f(x);
    if (!Number.isFinite(y)) {
      previousY = Number.NaN;
      continue;
    }
    if (y === 0) roots.push(x);
    else if (
      Number.isFinite(previousY) &&
      previousY !== 0 &&
      Math.sign(y) !== Math.sign(previousY)
    ) {
      const root = brent(f, previousX, x, undefined, { fa: previousY, fb: y });
      if (root !== null) roots.push(root);
    }
    previousX = x;
    previousY = y;
  }
  return roots;
}

/** The bracketed root nearest `target` (spreadsheets return the root nearest the guess). */
export function nearestBracketedRoot(
  f: RealFunction,
  grid: readonly number[],
  target: number,
): number | null {
  let best: number | null = null;
  for (const root of bracketedRoots(f, grid)) {
    if (best === null || Math.abs(root - target) < Math.abs(best - target)) best = root;
  }
  return best;
}

/**
 * Rates scanned for brackets by irr, xirr and rate: 1 + r from 10^−14 to 10^−2.25 in quarter
 * decades (roots in (−100 %, −99 %], where a linear scan from −99 % finds nothing), then −99 %
 * to 99 % in steps of 1 %, then 100 % to 10,000 % in steps of 10 %.
 */
export const RATE_GRID: readonly number[] = (() => {
  const points: number[] = [];
  for (let k = 48; k >= 1; k--) points.push(-1 + 10 ** (-2 - k / 4));
  for (let r = -99; r < 100; r++) points.push(r / 100);
  for (let r = 1; r <= 100; r *= 1.1) points.push(r);
  return points;
})();
