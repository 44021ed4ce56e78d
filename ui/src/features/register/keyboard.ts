// The register's search box drives the list below it from the keyboard: ArrowDown / ArrowUp
// move a highlight through the rows, Enter opens the row highlighted, or the only one found,
// Escape drops the highlight. Pure function of the key and the rows shown: unit-tested.

export type SearchKeyAction =
  /** Highlight the row at `index` (-1: none, the search box alone). */
  | { kind: "highlight"; index: number }
  /** Open this complaint's file. */
  | { kind: "open"; reference: string }
  /** Not a key of the list: the search box keeps it. */
  | { kind: "none" };

export interface SearchKeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

const NONE: SearchKeyAction = { kind: "none" };

/**
 * What `e` does in the search box, `highlighted` being the row highlighted (-1: none) among
 * the rows shown, by reference.
 */
export function searchKeyAction(e: SearchKeyLike, highlighted: number, references: readonly string[]): SearchKeyAction {
  if (e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return NONE;
  const count = references.length;
  const current = highlighted >= 0 && highlighted < count ? highlighted : -1;
  switch (e.key) {
    case "ArrowDown":
      if (e.shiftKey || count === 0) return NONE;
      return { kind: "highlight", index: Math.min(count - 1, current + 1) };
    case "ArrowUp":
      if (e.shiftKey || current < 0) return NONE;
      return { kind: "highlight", index: current - 1 };
    case "Escape":
      return current < 0 ? NONE : { kind: "highlight", index: -1 };
    case "Enter":
      if (e.shiftKey) return NONE;
      if (current >= 0) return { kind: "open", reference: references[current] };
      if (count === 1) return { kind: "open", reference: references[0] };
      return NONE;
    default:
      return NONE;
  }
}
