/**
 * The edits a mistyped key is away from a known one, ignoring case: Levenshtein distance, with two
 * neighbours swapped counting as one edit ("lable"), the commonest slip of a typing hand.
 */
function editDistance(from: string, to: string): number {
  const a = from.toLowerCase();
  const b = to.toLowerCase();
  // Rows of the usual table, for the first i - 2, i - 1 and i letters of a: row[j] is the distance to b's first j letters.
  let older: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const swapped = a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? older[j - 2]! + 1 : Infinity;
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), swapped);
    }
    [older, previous] = [previous, row];
  }
  return previous[b.length]!;
}

/**
 * The known key an unknown one was most likely meant to be, or undefined when none is close: a
 * guess that far off ("colour" for `cookie`) would mislead more than the list of keys helps.
 * Close is at most one edit in three letters, and always one (a wrong case costs none).
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(key, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
