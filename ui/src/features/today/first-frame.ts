// Which work lists of "Aujourd'hui" build their rows with the screen, and which a frame later.

/**
 * The lists whose rows are built with the screen: in order, while the rows built before a list
 * leave it in sight (`rowsInSight`: what the window shows of the lists at first). The rows of
 * the others, below and out of sight, come in the next frame: a first list of 10 rows already
 * fills the window, and building the second with it (out of sight, 180 elements) made the
 * sign-in's first frame half as long again. Every list's title and count are built at once
 * all the same; an empty list is a line, and counts for nothing.
 */
export function listsBuiltAtOnce(
  lists: readonly { id: string; rows: readonly unknown[] }[],
  shownPerList: number,
  rowsInSight: number,
): Set<string> {
  const ids = new Set<string>();
  let rowsBefore = 0;
  for (const list of lists) {
    if (rowsBefore >= rowsInSight) break;
    ids.add(list.id);
    rowsBefore += Math.min(list.rows.length, shownPerList);
  }
  return ids;
}

/** About how high a row of a work list is, and what stands above the first list (px). */
const ROW_PX = 70;
const ABOVE_LISTS_PX = 250;

/** The rows of the work lists a window `height` px high shows at first (one at least). */
export function rowsInSight(height: number): number {
  return Math.max(1, Math.floor((height - ABOVE_LISTS_PX) / ROW_PX));
}
