/**
 * Break-even by goal-seek: the value of one input at which NPV is zero, every other input held
 * at its value (what a spreadsheet's Goal Seek does, made safe: it brackets before it solves,
 * and says so when there is nothing to find).
 *
 * The search starts from the input's value and walks outwards on both sides, first to the
 * tornado's low and high (their NPVs are already known), then in steps that double, to the
 * field's allowed minimum and maximum. The first sign change on each side brackets a root,
 * which Brent's method refines; the nearer of the two is the break-even. NPV is linear in most
 * inputs, so this usually costs two or three model evaluations beyond the tornado's. A root
 * where NPV touches zero without changing sign, or two roots inside one step, can be missed;
 * every model here is monotone or close to it in each input.
 */
import type { Unit } from '../fields';
import { formatNumberFor } from '../format';
import { brent, type RealFunction } from '../solve';

export type BreakEven =
  | {
      kind: 'found';
      /** The input's value at which NPV = 0 (for whole-number inputs, the first whole value past it). */
      value: number;
      /** Whether NPV is zero below or above the input's current value. */
      direction: 'below' | 'above';
      /** The sign of NPV at the input's current value, which the break-even ends. */
      from: 'positive' | 'negative';
      /** Whether the value lies inside the range the tornado tests (evidence range or ±20%). */
      isWithinTestedRange: boolean;
    }
  | {
      kind: 'none';
      /** NPV keeps this sign everywhere from `min` to `max`. */
      sign: 'positive' | 'negative';
      min: number;
      max: number;
    };

export interface SeekBounds {
  /** The input's current value. */
  value: number;
  /** The range the tornado tests, with the NPV at each end (no re-evaluation needed). */
  low: number;
  high: number;
  npvLow: number;
  npvHigh: number;
  /** The field's allowed range: the search never leaves it. */
  min: number;
  max: number;
  integer?: boolean | undefined;
  /** NPV is affine in the input (NumberField.isNpvLinear): solve the line, check it once. */
  isLinear?: boolean | undefined;
}

/**
 * Points from `from` (excluded) towards `to` (included), nearest first: `first`, then steps
 * that double, plus `hint` (a point just past where a straight line through the tornado's two
 * NPVs crosses zero: for the many inputs NPV is linear in, the bracket is found at once).
 */
function walk(from: number, first: number, to: number, hint: number): number[] {
  if (from === to) return [];
  const sign = Math.sign(to - from);
  const points: number[] = [];
  if (Math.sign(first - from) === sign && Math.abs(first - from) < Math.abs(to - from)) {
    points.push(first);
  }
  let step = Math.max(
    Math.abs((points[0] ?? from) - from),
    Math.abs(from) * 0.2,
    Math.abs(to - from) / 1024,
  );
  let x = points[0] ?? from;
  while (Math.abs(to - x) > step) {
    x += sign * step;
    points.push(x);
    step *= 2;
  }
  points.push(to);
  const isInside = Math.sign(hint - from) === sign && Math.abs(hint - from) < Math.abs(to - from);
  if (isInside && !points.includes(hint)) {
    points.push(hint);
    points.sort((a, b) => Math.abs(a - from) - Math.abs(b - from));
  }
  return points;
}

/** Where the line through (low, NPV(low)) and (high, NPV(high)) crosses zero, overshot a little. */
function linearHint(bounds: SeekBounds, base: number): number {
  const slope = (bounds.npvHigh - bounds.npvLow) / (bounds.high - bounds.low);
  if (!Number.isFinite(slope) || slope === 0) return Number.NaN;
  const crossing = bounds.value - base / slope;
  return crossing + Math.sign(crossing - bounds.value) * 1e-6 * Math.abs(bounds.high - bounds.low);
}

/** One side of the search: its points in walking order and how far it has got. */
interface Side {
  points: number[];
  next: number;
  previous: number;
  previousNpv: number;
}

/**
 * The first whole number between `near` and `far` (whole numbers, NPV of the base's sign at
 * `near` and not at `far`) where NPV has left the base's sign, by bisection on whole numbers.
 */
function firstWholeValue(
  f: RealFunction,
  near: number,
  far: number,
  keepsSign: (npv: number) => boolean,
): number {
  while (Math.abs(far - near) > 1) {
    const mid = Math.round((near + far) / 2);
    const y = f(mid);
    if (keepsSign(y)) near = mid;
    else far = mid;
  }
  return far;
}

/**
 * Walks both sides in order of distance from `value` until a sign change brackets a root,
 * solves it, then walks the other side only as far as a nearer root could lie.
 */
function nearestRoot(
  f: RealFunction,
  value: number,
  keepsSign: (npv: number) => boolean,
  sides: readonly Side[],
  known: ReadonlyMap<number, number>,
  isWhole: boolean,
): number | null {
  const distance = (x: number) => Math.abs(x - value);
  const solve = (side: Side, x: number, y: number): number | null => {
    side.next = side.points.length;
    if (isWhole) return firstWholeValue(f, side.previous, x, keepsSign);
    return brent(f, side.previous, x, undefined, { fa: side.previousNpv, fb: y });
  };
  let best: number | null = null;
  for (;;) {
    const open = sides.filter(
      (s) => s.next < s.points.length && (best === null || distance(s.previous) < distance(best)),
    );
    if (open.length === 0) return best;
    const side = open.reduce((a, b) =>
      distance(b.points[b.next]!) < distance(a.points[a.next]!) ? b : a,
    );
    const x = side.points[side.next++]!;
    const y = known.get(x) ?? f(x);
    if (!Number.isFinite(y)) {
      side.next = side.points.length; // a gap in the model: this side stops here
      continue;
    }
    if (keepsSign(y)) {
      side.previous = x;
      side.previousNpv = y;
      continue;
    }
    const root = Math.sign(y) === Math.sign(side.previousNpv) || y === 0 ? x : solve(side, x, y);
    if (root !== null && (best === null || distance(root) < distance(best))) best = root;
  }
}

/**
 * Break-even when NPV is a straight line in the input: the line through the tornado's two
 * points, checked with one evaluation at the root. Undefined when the check fails (the search
 * then runs), so a wrong flag costs time, never a wrong answer.
 */
function solveLine(
  npvAt: RealFunction,
  base: number,
  bounds: SeekBounds,
  keepsSign: (npv: number) => boolean,
): BreakEven | undefined {
  const { value, low, high, npvLow, npvHigh, min, max } = bounds;
  const none = { kind: 'none', sign: base > 0 ? 'positive' : 'negative', min, max } as const;
  if (high === low) return undefined;
  if (npvHigh === npvLow) return none;
  let root = value - (base * (high - low)) / (npvHigh - npvLow);
  if (bounds.integer && Number.isInteger(value)) {
    root = root > value ? Math.ceil(root - 1e-9) : Math.floor(root + 1e-9);
  }
  if (!(root >= min && root <= max)) return none;
  const scale = Math.abs(npvLow) + Math.abs(npvHigh) + Math.abs(base);
  const check = npvAt(root);
  const isRoot = bounds.integer ? !keepsSign(check) : Math.abs(check) <= 1e-9 * scale;
  if (!isRoot) return undefined;
  return {
    kind: 'found',
    value: root,
    direction: root < value ? 'below' : 'above',
    from: base > 0 ? 'positive' : 'negative',
    isWithinTestedRange: root >= Math.min(low, value) && root <= Math.max(high, value),
  };
}

/**
 * The break-even of one input: `npvAt(x)` is the NPV with the input at x. See the module
 * comment for the search; `base` is the NPV at the input's value.
 */
export function breakEven(npvAt: RealFunction, base: number, bounds: SeekBounds): BreakEven {
  const { value, min, max } = bounds;
  const isTested = (x: number) =>
    x >= Math.min(bounds.low, value) && x <= Math.max(bounds.high, value);
  if (base === 0) {
    return {
      kind: 'found',
      value,
      direction: 'above',
      from: 'positive',
      isWithinTestedRange: true,
    };
  }
  // Rounding leaves an NPV that is zero on paper a few units in the last place off zero.
  const band = 1e-12 * (Math.abs(base) + Math.abs(bounds.npvLow) + Math.abs(bounds.npvHigh));
  const keepsSign = (y: number) => Math.abs(y) > band && Math.sign(y) === Math.sign(base);
  const known = new Map([
    [bounds.low, bounds.npvLow],
    [bounds.high, bounds.npvHigh],
  ]);
  if (bounds.isLinear) {
    const solved = solveLine(npvAt, base, bounds, keepsSign);
    if (solved !== undefined) return solved;
  }
  const hint = linearHint(bounds, base);
  const isWhole = bounds.integer === true && Number.isInteger(value);
  const side = (first: number, to: number): Side => {
    let points = walk(value, first, to, hint);
    if (isWhole) {
      // Whole-number inputs are tried at whole numbers only, rounded away from the value.
      const away = (x: number) => (x > value ? Math.ceil(x) : Math.floor(x));
      points = [...new Set(points.map(away))].filter((x) => x !== value);
    }
    return { points, next: 0, previous: value, previousNpv: base };
  };
  const found = nearestRoot(
    npvAt,
    value,
    keepsSign,
    [side(bounds.low, min), side(bounds.high, max)],
    known,
    isWhole,
  );
  if (found === null) {
    return { kind: 'none', sign: base > 0 ? 'positive' : 'negative', min, max };
  }
  return {
    kind: 'found',
    value: found,
    direction: found < value ? 'below' : 'above',
    from: base > 0 ? 'positive' : 'negative',
    isWithinTestedRange: isTested(found),
  };
}

/**
 * A break-even as people read it, in the input's unit: `cell` for a table ("falls to 28.9%"),
 * `sentence` for a description ("NPV reaches zero if current attrition per year falls to
 * 28.9%"). A whole-number input's break-even is the first whole value at which NPV is zero or
 * has changed sign, and says so. Never a number when there is none in the input's range.
 */
export function describeBreakEven(
  breakEven: BreakEven,
  field: { label: string; unit: Unit; integer?: boolean | undefined },
  tested?: { low: number; high: number },
): { cell: string; sentence: string } {
  const show = (x: number) => formatNumberFor(field.unit, x);
  if (breakEven.kind === 'none') {
    const stays = breakEven.sign === 'positive' ? 'stays positive' : 'stays negative';
    const span = `from ${show(breakEven.min)} to ${show(breakEven.max)}`;
    return {
      cell: `none in range (NPV ${stays} ${span})`,
      sentence: `NPV ${stays} for any ${lower(field.label)} ${span}.`,
    };
  }
  const verb = breakEven.direction === 'below' ? 'falls to' : 'rises to';
  // A whole-number input jumps past zero: say where NPV has changed sign, not "reaches zero".
  const outcome = field.integer ? `NPV is no longer ${breakEven.from}` : 'NPV reaches zero';
  const outside =
    tested && !breakEven.isWithinTestedRange
      ? `, outside the tested ${show(tested.low)} to ${show(tested.high)}`
      : '';
  return {
    cell: `${verb} ${show(breakEven.value)}${outside ? ` (${outside.slice(2)})` : ''}`,
    sentence: `${outcome} if ${lower(field.label)} ${verb} ${show(breakEven.value)}${outside}.`,
  };
}

/** A label inside a sentence: "Current attrition per year" → "current attrition per year". */
function lower(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}
