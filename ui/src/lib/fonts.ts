// The fonts' first lookups, made while the person signs in instead of in the frame that
// shows the app. The first time a size and weight of the system's font is laid out, WebKit
// asks the system for it (fontconfig under Linux), builds its shaper and measures its glyphs:
// on "Aujourd'hui", the first screen after the sign-in, that was 20 to 30 of its 50 ms of layout.
// Laid out once, hidden, every size and weight the style sheets declare are ready for it.

/** What the fonts are tried on: letters, accents, figures and the signs the screens show. */
const SAMPLE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 ÉÈÀÇéèêëàâçîïôûù€%«»’…·—";

/** A style sheet's rules, as far as they are read here (a CSS rule, or a group of rules). */
export interface RuleLike {
  style?: { fontSize?: string; fontWeight?: string };
  cssRules?: ArrayLike<RuleLike>;
}

export interface DeclaredFonts {
  /** In pixels, as declared ("12px"). */
  sizes: string[];
  /** As declared ("600", "bold"). */
  weights: string[];
}

const PX = /^\d+(\.\d+)?px$/;
const KEYWORDS = new Set(["", "inherit", "initial", "unset", "revert", "revert-layer", "lighter", "bolder"]);

/** The font sizes in pixels and the weights declared by `sheets` (media groups included). */
export function declaredFonts(sheets: ArrayLike<{ cssRules: ArrayLike<RuleLike> }>): DeclaredFonts {
  const sizes = new Set<string>();
  const weights = new Set<string>(["400"]);
  const walk = (rules: ArrayLike<RuleLike>) => {
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      const size = rule.style?.fontSize?.trim() ?? "";
      const weight = rule.style?.fontWeight?.trim() ?? "";
      if (PX.test(size)) sizes.add(size);
      if (!KEYWORDS.has(weight)) weights.add(weight === "normal" ? "400" : weight === "bold" ? "700" : weight);
      if (rule.cssRules) walk(rule.cssRules);
    }
  };
  for (let i = 0; i < sheets.length; i++) {
    let rules: ArrayLike<RuleLike>;
    try {
      rules = sheets[i].cssRules;
    } catch {
      continue; // a sheet the page may not read
    }
    walk(rules);
  }
  return { sizes: [...sizes], weights: [...weights] };
}

/**
 * Lay out, hidden, the sample in every declared size and weight (figures in both their widths:
 * the tables' are tabular), then take it away: WebKit keeps what it looked up. One size per
 * task, so that a click or a key meanwhile waits for one size at most. Returns a function that
 * stops it.
 */
export function warmFonts(doc: Document = document): () => void {
  const { sizes, weights } = declaredFonts(doc.styleSheets as unknown as ArrayLike<{ cssRules: ArrayLike<RuleLike> }>);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = (i: number) => {
    if (i >= sizes.length) return;
    const box = doc.createElement("div");
    box.setAttribute("aria-hidden", "true");
    box.style.cssText =
      "position:absolute;top:0;left:0;visibility:hidden;pointer-events:none;white-space:nowrap;contain:layout style";
    for (const weight of weights) {
      for (const numeric of ["normal", "tabular-nums"]) {
        const line = doc.createElement("div");
        line.style.cssText = `font-size:${sizes[i]};font-weight:${weight};font-variant-numeric:${numeric}`;
        line.textContent = SAMPLE;
        box.appendChild(line);
      }
    }
    doc.body.appendChild(box);
    void box.offsetHeight;
    box.remove();
    timer = setTimeout(() => next(i + 1), 0);
  };
  next(0);
  return () => clearTimeout(timer);
}
