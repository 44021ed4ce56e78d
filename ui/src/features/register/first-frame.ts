// How many of a page's rows the register builds with its screen, and the room kept for the
// others, built a frame later.

/** How high a row of the register is at the least, and what stands above its first row (px). */
const ROW_PX = 48;
const ABOVE_ROWS_PX = 300;

/**
 * The rows built with the register's screen in a window `height` px high: those it can show
 * (one at least). The page's other rows, out of sight below, come in the next frame: building
 * the 50 rows of a page with the screen made its first frame twice as long, for rows nobody
 * sees before scrolling.
 */
export function rowsBuiltAtOnce(height: number): number {
  return Math.max(1, Math.ceil((height - ABOVE_ROWS_PX) / ROW_PX));
}

/**
 * The height (px) kept below the rows built for the `later` rows still to come, so that the
 * table's height and its scrollbar do not move when they come: as high, on average, as the
 * `built` rows standing `builtHeight` px high (the register's rows are alike: two lines each,
 * three where a long value wraps).
 */
export function roomForLater(builtHeight: number, built: number, later: number): number {
  if (built <= 0 || later <= 0) return 0;
  return Math.round((builtHeight / built) * later);
}

/** The widths (px) of the columns of the table inside `container`, as laid out, or null. */
export function columnWidths(container: Element | undefined): number[] | null {
  const head = container?.querySelector("thead tr");
  if (!(head instanceof HTMLTableRowElement)) return null;
  return Array.from(head.cells, (cell) => cell.getBoundingClientRect().width);
}
