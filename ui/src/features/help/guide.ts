// The user's guide (docs/guide/guide-utilisateur.md) as the "Aide" screen shows and prints it:
// its Markdown turned into HTML, every heading given a stable id, and the table of contents
// built from the "##" headings with those same ids. The guide is our own file, shipped with
// the app: its HTML is trusted, not sanitised. Pure functions, tested without a DOM.
import { Marked, type Token, type Tokens } from "marked";
import guideMarkdown from "../../../../docs/guide/guide-utilisateur.md?raw";

export interface TocEntry {
  /** The id of the section's heading in the rendered guide. */
  id: string;
  /** The heading as the reader sees it, without Markdown marks. */
  title: string;
}

export interface RenderedGuide {
  html: string;
  /** The "##" sections, in the guide's order. */
  toc: TocEntry[];
}

/** Prefix of the headings' ids: they live in the same document as the app's own ids. */
const ID_PREFIX = "guide-";

/**
 * A heading as an id: lower case, accents dropped, anything else than letters and digits
 * turned into single dashes ("Préparer un contrôle" -> "preparer-un-controle").
 */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "section" : slug;
}

/** What inline Markdown shows, without its marks (`*Paramètres*` -> "Paramètres"). */
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => {
      if ("tokens" in t && Array.isArray(t.tokens) && t.tokens.length > 0) return plainText(t.tokens);
      return "text" in t && typeof t.text === "string" ? t.text : "";
    })
    .join("");
}

/**
 * The guide's Markdown as HTML with its table of contents. Each heading gets an id (unique:
 * a repeated title takes "-2", "-3"…) and `tabindex="-1"`, so that the table of contents can
 * move the focus to it. A link leaving the guide is shown as its text: inside the app it
 * would replace the app itself.
 */
export function renderGuide(markdown: string): RenderedGuide {
  const marked = new Marked({ gfm: true });
  const tokens = marked.lexer(markdown);

  const ids = new Map<Tokens.Heading, string>();
  const used = new Map<string, number>();
  const toc: TocEntry[] = [];
  marked.walkTokens(tokens, (token) => {
    if (token.type !== "heading") return;
    const heading = token as Tokens.Heading;
    const title = plainText(heading.tokens).trim();
    const base = ID_PREFIX + slugify(title);
    const seen = (used.get(base) ?? 0) + 1;
    used.set(base, seen);
    const id = seen === 1 ? base : `${base}-${seen}`;
    ids.set(heading, id);
    if (heading.depth === 2) toc.push({ id, title });
  });

  marked.use({
    renderer: {
      heading(token) {
        const id = ids.get(token) ?? ID_PREFIX + slugify(plainText(token.tokens));
        const inner = this.parser.parseInline(token.tokens);
        return `<h${token.depth} id="${id}" tabindex="-1">${inner}</h${token.depth}>\n`;
      },
      link(token) {
        if (token.href.startsWith("#")) return false;
        return `<span class="guide-link">${this.parser.parseInline(token.tokens)}</span>`;
      },
    },
  });
  const html = marked.parser(tokens);
  return { html, toc };
}

/** The guide shipped with this version of the app. */
export const guide: RenderedGuide = renderGuide(guideMarkdown);
