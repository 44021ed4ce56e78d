import { describe, expect, it } from "vitest";
import { guide, renderGuide, slugify } from "./guide";

/** The sections the guide must have, as the "Aide" screen lists them. */
const SECTIONS = [
  "Installer Reclam et premier démarrage",
  "Mettre en place le cabinet et l'équipe",
  "Le travail de chaque jour",
  "Préparer un contrôle",
  "Sauvegardes et changement d'ordinateur",
  "Que faire si Reclam signale un registre altéré ou endommagé",
  "Mises à jour",
  "Raccourcis clavier",
];

/** The ids of the rendered headings of one level, in document order. */
function headingIds(html: string, depth: number): string[] {
  return [...html.matchAll(new RegExp(`<h${depth} id="([^"]+)"`, "g"))].map((m) => m[1]);
}

describe("the user's guide", () => {
  it("has every section, in order", () => {
    expect(guide.toc.map((e) => e.title)).toEqual(SECTIONS);
  });

  it("links its table of contents to the rendered sections", () => {
    const ids = guide.toc.map((e) => e.id);
    expect(headingIds(guide.html, 2)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe("guide-installer-reclam-et-premier-demarrage");
  });

  it("gives every heading a distinct id", () => {
    const all = [1, 2, 3, 4].flatMap((d) => headingIds(guide.html, d));
    expect(all.length).toBeGreaterThan(SECTIONS.length);
    expect(new Set(all).size).toBe(all.length);
  });

  it("lists every keyboard shortcut", () => {
    const shortcuts = guide.html.slice(guide.html.indexOf('id="guide-raccourcis-clavier"'));
    for (const keys of ["Alt+T", "Alt+R", "Alt+C", "Alt+S", "Alt+N", "Alt+P", "Ctrl+Entrée", "F1"]) {
      expect(shortcuts).toContain(`<td>${keys}</td>`);
    }
    expect(shortcuts).toContain("<td>/</td>");
  });

  it("renders screen labels in italics and keeps no link out of the app", () => {
    expect(guide.html).toContain("<em>Aujourd&#39;hui</em>");
    expect(guide.html).not.toMatch(/<a\s[^>]*href="(?!#)/);
    expect(guide.html).toContain("www.mediation-assurance.org");
  });
});

describe("renderGuide", () => {
  it("builds the table of contents from the ## headings only, without Markdown marks", () => {
    const r = renderGuide("# Titre\n\n## Le *Registre*\n\ntexte\n\n### Détail\n\n## Préparer un contrôle\n");
    expect(r.toc).toEqual([
      { id: "guide-le-registre", title: "Le Registre" },
      { id: "guide-preparer-un-controle", title: "Préparer un contrôle" },
    ]);
    expect(r.html).toContain('<h2 id="guide-le-registre" tabindex="-1">Le <em>Registre</em></h2>');
    expect(r.html).toContain('<h3 id="guide-detail" tabindex="-1">Détail</h3>');
  });

  it("makes repeated titles unique", () => {
    const r = renderGuide("## Sauvegardes\n\n## Sauvegardes\n\n## Sauvegardes\n");
    expect(r.toc.map((e) => e.id)).toEqual(["guide-sauvegardes", "guide-sauvegardes-2", "guide-sauvegardes-3"]);
    expect(headingIds(r.html, 2)).toEqual(r.toc.map((e) => e.id));
  });

  it("keeps links inside the guide and shows the others as text", () => {
    const r = renderGuide("Voir [la suite](#guide-suite) et [le site](https://exemple.fr).\n");
    expect(r.html).toContain('<a href="#guide-suite">la suite</a>');
    expect(r.html).toContain('<span class="guide-link">le site</span>');
    expect(r.html).not.toContain("https://exemple.fr");
  });
});

describe("slugify", () => {
  it("drops accents, apostrophes and punctuation", () => {
    expect(slugify("Que faire si Reclam signale un registre altéré ou endommagé")).toBe(
      "que-faire-si-reclam-signale-un-registre-altere-ou-endommage",
    );
    expect(slugify("Mettre en place le cabinet et l'équipe")).toBe("mettre-en-place-le-cabinet-et-l-equipe");
    expect(slugify(" — ")).toBe("section");
  });
});
