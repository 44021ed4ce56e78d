// Long texts (a description of 8 000 characters, an answer) shown folded: their beginning,
// cut at a word, with "Afficher tout" to read the rest. Pure string work: unit-tested.

/** How many characters a folded text shows by default. */
export const FOLDED_LENGTH = 600;

/**
 * The beginning of `text` to show folded (about `limit` characters, cut between two words,
 * ending with "…"), or null when the text is short enough to show whole: folding away a few
 * lines would save nothing.
 */
export function foldedText(text: string, limit: number = FOLDED_LENGTH): string | null {
  // Code points, not UTF-16 units: an emoji is never cut in two.
  const chars = Array.from(text);
  if (limit <= 0 || chars.length <= limit + Math.ceil(limit / 4)) return null;
  let cut = limit;
  // Back to the last blank within the last fifth, not to cut a word.
  const floor = limit - Math.ceil(limit / 5);
  for (let i = limit; i > floor; i--) {
    if (/\s/.test(chars[i])) {
      cut = i;
      break;
    }
  }
  const head = chars
    .slice(0, cut)
    .join("")
    .replace(/[\s,;:.\-–—]+$/u, "");
  return `${head}…`;
}
