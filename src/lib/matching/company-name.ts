/**
 * Company names, reduced so the same company typed different ways compares equal, plus a
 * fuzzy similarity for near-misses (typos, a dropped word ending).
 *
 * Legal-form words say how a company is incorporated, not which company it is: "Acme, Inc.",
 * "ACME Incorporated" and "Acme Corp" are one customer. They are dropped from the end of the
 * name (repeatedly: "Acme Holdings Co., Ltd." → "acme holdings"), together with punctuation,
 * accents, case and a leading "The".
 */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'plc',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'gbr',
  'ug',
  'se',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'oyj',
  'ab',
  'as',
  'asa',
  'aps',
  'pty',
  'pte',
  'kk',
  'sl',
  'sro',
  'zoo',
  'doo',
  'bhd',
  'sdn',
  'pvt',
  'lda',
  'ltda',
  'cv',
  'de',
]);

/**
 * Two names are the same customer when their similarity is at least this. 0.9 means at most
 * one edit per ten characters: "Northwind Trader" matches "Northwind Traders" (0.94), while
 * "Acne" does not match "Acme" (0.75): in a short name one letter is another company.
 */
export const NAME_MATCH_THRESHOLD = 0.9;

/** "Acme, Inc." → "acme"; "The Müller Group GmbH & Co. KG" → "muller group". */
export function normaliseCompanyName(input: string): string {
  const cleaned = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Dotted abbreviations ("S.A.", "Inc.") become one word before punctuation goes.
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const words = cleaned.split(' ').filter(Boolean);
  if (words[0] === 'the' && words.length > 1) words.shift();
  while (words.length > 1) {
    const last = words[words.length - 1] ?? '';
    if (LEGAL_SUFFIXES.has(last) || last === 'and') words.pop();
    else break;
  }
  return words.join(' ');
}

/** Levenshtein edit distance (insert, delete, substitute), two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/** 1 − edit distance ÷ longer length, on normalised names: 1 is identical, 0 nothing shared. */
export function nameSimilarity(a: string, b: string): number {
  const x = normaliseCompanyName(a);
  const y = normaliseCompanyName(b);
  return similarityOfKeys(x, y);
}

/**
 * Whether two normalised names are at least `threshold` similar, without computing the full
 * distance: lengths that differ too much fail at once, and the dynamic programme stops as soon
 * as every path exceeds the allowed number of edits (Ukkonen's cut-off). The conflict check
 * runs this over every fuzzy candidate, so it must stay cheap for long lists.
 */
export function isSimilarEnough(
  x: string,
  y: string,
  threshold: number = NAME_MATCH_THRESHOLD,
): boolean {
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return false;
  const allowed = Math.floor((1 - threshold) * longest + 1e-9);
  if (Math.abs(x.length - y.length) > allowed) return false;
  if (allowed === 0) return x === y;
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  let current = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x.charCodeAt(i - 1) === y.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > allowed) return false;
    [previous, current] = [current, previous];
  }
  return (previous[y.length] ?? 0) <= allowed;
}

/** The same similarity for names already normalised (the stored keys). */
export function similarityOfKeys(x: string, y: string): number {
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 0;
  return 1 - editDistance(x, y) / longest;
}

/**
 * Index keys that find fuzzy candidates without scanning every deal: the first four and the
 * last four characters of the normalised name (spaces removed). A single typo cannot change
 * both in a name of nine or more characters, so one of two indexed lookups finds it; names
 * under ten characters only match exactly at the 0.9 threshold, which the exact key covers.
 * Two typos, one in each end of a long name, are the documented blind spot of this blocking.
 */
export function nameBlockingKeys(key: string): { prefix: string; suffix: string } {
  const compact = key.replace(/ /g, '');
  return { prefix: compact.slice(0, 4), suffix: compact.slice(-4) };
}
