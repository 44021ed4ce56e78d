//! PDF layout of the register extract: a paginated table of complaints, A4 landscape.
//!
//! [`render`] takes an already prepared [`Extract`] (final texts, in French) and returns the
//! bytes of a PDF meant to be handed to an inspector (ACPR) or archived:
//!
//! * page 1: title, firm, period, filters, "made by" line, journal chain head, legend of the
//!   late marker; then the table;
//! * following pages: a compact one-line header (title · period, firm on the right);
//! * on every table page, the table's header row is repeated (bold, light grey fill);
//! * cells wrap their text (word wrap, overlong words broken, `'\n'` honoured); a row's height
//!   is its tallest cell's; a row is NEVER split across two pages. A row taller than a whole
//!   page (only then) is truncated with "…" and a visible note in the cell, and the number of
//!   truncated rows is stated after the table — never lost silently;
//! * late cells ([`Cell::late`]) in bold dark red on a pale red background, with a "⚠" marker;
//! * footer on every page: the "made by" line on the left, "Page N / M" on the right;
//! * then the statistics page(s) ([`Extract::summary`]): section titles in bold, label/value
//!   lines.
//!
//! Layout is done in ONE linear pass over the rows: each cell is measured and wrapped once,
//! rows are placed as PDF operations directly into per-page buffers; the footers ("Page N / M")
//! are appended once the page count is known. Text of a page is written in a single text
//! object with relative moves (`Td`), which keeps the content streams small. The two fonts are
//! parsed once per process and subset once per document.
//!
//! Dependencies: `printpdf` 0.12 (features `png`, `text_layout`: font subsetting), `chrono`,
//! `thiserror`.

use std::sync::LazyLock;

use crate::deflate::zlib;
use printpdf::{
    Color, FontId, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};

// ─────────────────────────────────────────────────────────────────────────────────────────────
// EMBEDDED FONTS — the only place to adapt when moving this file.
// `include_bytes!` paths are relative to this source file: from `src/extract/pdf.rs` in the
// main crate, they are `"../../assets/fonts/DejaVuSans.ttf"`, etc.
// ─────────────────────────────────────────────────────────────────────────────────────────────
/// DejaVu Sans (body text).
static FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold (titles, header row, late cells).
static FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

// ═════════════════════════════════════════════════════════════════════════════════════════════
// Public API
// ═════════════════════════════════════════════════════════════════════════════════════════════

/// A table column. The widths are scaled proportionally so that they fill the usable width
/// (277 mm); only their ratios matter.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub width_mm: f32,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub text: String,
    /// A late step: printed in bold dark red, pale red background, with a "⚠" marker.
    pub late: bool,
}

/// A section of the statistics page(s).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SummarySection {
    pub title: String,
    /// (label, value), e.g. `("Reçues", "1 234")`.
    pub lines: Vec<(String, String)>,
}

/// A complete register extract, ready for layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Extract {
    /// "Registre des réclamations — extrait".
    pub title: String,
    /// Firm name (+ ORIAS).
    pub firm: String,
    /// "Réclamations reçues du 01/01/2026 au 31/12/2026".
    pub period: String,
    /// "Filtres : statut = Répondue ; objet = Résiliation"; `None`: "Filtres : aucun" is printed.
    pub filters: Option<String>,
    /// "Extrait du 22/11/2026 à 09:30 par Claire Martin" (also the left footer of every page).
    pub made: String,
    /// "Journal : 18 432 événements, tête de chaîne 3f5a…c2" (page 1, small, grey).
    pub chain_head: Option<String>,
    pub columns: Vec<Column>,
    /// One row per complaint; each row must have exactly `columns.len()` cells.
    pub rows: Vec<Vec<Cell>>,
    /// Statistics page(s) at the end. Empty: no statistics page.
    pub summary: Vec<SummarySection>,
    /// Creation and modification date of the document (PDF metadata).
    pub created: chrono::DateTime<chrono::Utc>,
}

/// Layout failure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractPdfError {
    /// An embedded font could not be read (badly built binary).
    #[error("la police de caractères « {0} » embarquée est illisible")]
    Font(&'static str),
    /// The extract has no column.
    #[error("l'extrait du registre n'a aucune colonne")]
    NoColumns,
    /// A row does not have as many cells as there are columns (programming error).
    #[error("la ligne {row} de l'extrait a {cells} cellule(s) au lieu de {columns}")]
    RowWidth {
        /// 1-based row number.
        row: usize,
        cells: usize,
        columns: usize,
    },
    /// printpdf rejected the document.
    #[error("la génération du PDF a échoué : {0}")]
    Render(String),
}

impl ExtractPdfError {
    /// Stable code, for the UI and the command line.
    pub fn code(&self) -> &'static str {
        match self {
            ExtractPdfError::Font(_) => "pdfFont",
            ExtractPdfError::NoColumns => "pdfNoColumns",
            ExtractPdfError::RowWidth { .. } => "pdfRowWidth",
            ExtractPdfError::Render(_) => "pdfRender",
        }
    }
}

/// Parses the embedded fonts right away rather than on the first [`render`] (optional).
pub fn preload_fonts() -> Result<(), ExtractPdfError> {
    fonts().map(|_| ())
}

/// Lays out the extract and returns the PDF bytes.
pub fn render(e: &Extract) -> Result<Vec<u8>, ExtractPdfError> {
    let fonts = fonts()?;
    if e.columns.is_empty() {
        return Err(ExtractPdfError::NoColumns);
    }
    let columns = e.columns.len();
    if let Some((i, r)) = e.rows.iter().enumerate().find(|(_, r)| r.len() != columns) {
        return Err(ExtractPdfError::RowWidth {
            row: i + 1,
            cells: r.len(),
            columns,
        });
    }

    let mut c = Composer::new(fonts, e);
    c.first_page(e);
    c.table(e);
    c.summary(e);
    let Composer { mut pages, .. } = c;

    // Second step: the page count is known, the footers can be written.
    let footer_left = fonts.ellipsize(
        one_line(fonts, &e.made, Style::Regular),
        Style::Regular,
        FOOTER,
        CONTENT_W * 0.6,
    );
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        draw_footer(fonts, page, &footer_left, i + 1, total);
    }
    emit(e, fonts, pages)
}

// ═════════════════════════════════════════════════════════════════════════════════════════════
// Geometry (PDF points, y measured from the TOP of the page; converted at emission)
// ═════════════════════════════════════════════════════════════════════════════════════════════

const PT_PER_MM: f32 = 72.0 / 25.4;
const fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}

const PAGE_W: f32 = mm(297.0);
const PAGE_H: f32 = mm(210.0);
const MARGIN: f32 = mm(10.0);
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;

/// First page: top of the title.
const FIRST_TOP: f32 = mm(9.0);
/// Following pages: baseline of the compact header, its rule, top of the table.
const CONT_HEADER_BASE: f32 = mm(11.0);
const CONT_RULE: f32 = mm(12.8);
const CONT_TOP: f32 = mm(15.0);
/// Lower limit of the table and of the summary.
const BODY_BOTTOM: f32 = PAGE_H - mm(11.5);
/// Footer rule and baseline.
const FOOTER_RULE: f32 = PAGE_H - mm(9.3);
const FOOTER_BASE: f32 = PAGE_H - mm(6.0);

const TITLE: f32 = 13.0;
const TITLE_LH: f32 = 17.0;
const INFO: f32 = 8.5;
const INFO_LH: f32 = 11.0;
const SMALL: f32 = 7.0;
const SMALL_LH: f32 = 9.0;
/// Page 1: largest width of the right column of the header.
const FIRST_RIGHT_W: f32 = mm(110.0);
const CONT_HEAD: f32 = 7.5;
const FOOTER: f32 = 7.0;

/// Table body and header row.
const BODY: f32 = 7.0;
const BODY_LH: f32 = 8.4;
const HEAD: f32 = 7.0;
const PAD_X: f32 = mm(1.1);
const PAD_Y: f32 = 2.0;

/// Statistics pages.
const SUM_HEADING: f32 = 11.0;
const SUM_TITLE: f32 = 9.0;
const SUM_TEXT: f32 = 8.5;
const SUM_LH: f32 = 11.5;
const SUM_W: f32 = mm(175.0);
const SUM_VALUE_W: f32 = mm(45.0);

#[derive(Debug, Clone, Copy, PartialEq)]
struct Ink(f32, f32, f32);
const INK: Ink = Ink(0.10, 0.11, 0.13);
const INK_SOFT: Ink = Ink(0.27, 0.29, 0.33);
const GREY: Ink = Ink(0.45, 0.47, 0.51);
/// Accent colour (title): sober navy blue, as in the letters.
const ACCENT: Ink = Ink(0.12, 0.23, 0.42);
const RULE: Ink = Ink(0.80, 0.81, 0.84);
const FRAME: Ink = Ink(0.62, 0.64, 0.68);
const HEADER_FILL: Ink = Ink(0.885, 0.895, 0.915);
const ZEBRA: Ink = Ink(0.962, 0.966, 0.975);
const LATE_INK: Ink = Ink(0.62, 0.07, 0.07);
const LATE_FILL: Ink = Ink(0.995, 0.925, 0.925);

/// Hairline thickness (grid) and frame thickness.
const HAIR: f32 = 0.35;
const THICK: f32 = 0.6;

// ═════════════════════════════════════════════════════════════════════════════════════════════
// Fonts and text measurement (same approach as the letters engine)
// ═════════════════════════════════════════════════════════════════════════════════════════════

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Regular = 0,
    Bold = 1,
}

const STYLE_NAMES: [&str; 2] = ["DejaVuSans", "DejaVuSans-Bold"];

/// Characters whose advance is precomputed (Basic Latin, Latin-1, Latin Extended-A and -B).
const TABLE_LEN: usize = 0x250;

struct Face {
    font: ParsedFont,
    upm: f32,
    /// Advance in em per character; NaN: missing from the font.
    table: Box<[f32]>,
}

impl Face {
    fn parse(bytes: &[u8]) -> Option<Face> {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())?;
        let upm = f32::from(font.font_metrics.units_per_em.max(1));
        let mut face = Face {
            font,
            upm,
            table: Box::default(),
        };
        face.table = (0..TABLE_LEN as u32)
            .map(|u| face.lookup(u).unwrap_or(f32::NAN))
            .collect();
        Some(face)
    }

    fn lookup(&self, u: u32) -> Option<f32> {
        match self.font.lookup_glyph_index(u) {
            Some(gid) if gid != 0 => {
                Some(f32::from(self.font.get_horizontal_advance(gid)) / self.upm)
            }
            _ => None,
        }
    }

    /// Advance in em, `None` if the font lacks this character.
    fn em(&self, c: char) -> Option<f32> {
        let u = c as u32;
        match self.table.get(u as usize) {
            Some(v) if v.is_nan() => None,
            Some(v) => Some(*v),
            None => self.lookup(u),
        }
    }

    fn width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.em(c).unwrap_or(0.0)).sum::<f32>() * size
    }

    /// Makes a text displayable with this font: line breaks normalised to `'\n'`, tabs turned
    /// into spaces, control and invisible characters removed, missing characters replaced
    /// (special spaces by a no-break space, anything else by "?").
    fn clean(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' => {
                    out.push('\n');
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                }
                '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
                '\t' => out.push(' '),
                '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
                c if c.is_control() => {}
                c if self.em(c).is_some() => out.push(c),
                '\u{202F}' | '\u{2007}' => out.push('\u{A0}'),
                '\u{2000}'..='\u{200A}' => out.push(' '),
                _ => out.push('?'),
            }
        }
        out
    }
}

struct Fonts {
    faces: [Face; 2],
    /// Ascent and descent, in em (shared by the DejaVu faces).
    ascent: f32,
    descent: f32,
    /// Prefix of late cells: "⚠ " if the bold face has the glyph, else "(retard) ".
    late_marker: &'static str,
}

impl Fonts {
    fn face(&self, style: Style) -> &Face {
        &self.faces[style as usize]
    }

    fn width(&self, s: &str, style: Style, size: f32) -> f32 {
        self.face(style).width(s, size)
    }

    /// Position of the baseline within a line of height `lh` (half-leading split above and
    /// below, as in CSS).
    fn baseline(&self, size: f32, lh: f32) -> f32 {
        (lh - (self.ascent + self.descent) * size) / 2.0 + self.ascent * size
    }

    /// `text` (already cleaned, on one line) truncated with "…" to fit in `max_w` points.
    fn ellipsize(&self, text: String, style: Style, size: f32, max_w: f32) -> String {
        let face = self.face(style);
        if face.width(&text, size) <= max_w {
            return text;
        }
        let room = max_w - face.width("…", size);
        let mut w = 0.0;
        let mut out = String::new();
        for c in text.chars() {
            w += face.em(c).unwrap_or(0.0) * size;
            if w > room {
                break;
            }
            out.push(c);
        }
        out.truncate(out.trim_end().len());
        out.push('…');
        out
    }

    /// Breaks `text` (already cleaned) into lines of at most `max_w` points. Lines break at
    /// ordinary spaces only (no-break spaces are kept); `'\n'` forces a break; a word longer
    /// than the line is broken (preferably after a hyphen or a slash).
    fn wrap(&self, text: &str, style: Style, size: f32, max_w: f32) -> Vec<Line> {
        let face = self.face(style);
        let space = face.em(' ').unwrap_or(0.3) * size;
        let mut out = Vec::new();
        for hard in text.split('\n') {
            let mut line = Line::default();
            for word in hard.split(' ').filter(|w| !w.is_empty()) {
                let w = face.width(word, size);
                if !line.text.is_empty() {
                    if line.width + space + w <= max_w {
                        line.text.push(' ');
                        line.text.push_str(word);
                        line.width += space + w;
                        continue;
                    }
                    out.push(std::mem::take(&mut line));
                }
                line = if w <= max_w {
                    Line {
                        text: word.to_string(),
                        width: w,
                    }
                } else {
                    break_word(face, word, size, max_w, &mut out)
                };
            }
            out.push(line);
        }
        out
    }
}

/// Breaks a word that is too long for the line: after the last hyphen or slash that fits,
/// otherwise at any character. Pushes the full pieces into `out` and returns the last piece,
/// which starts the next line.
fn break_word(face: &Face, word: &str, size: f32, max_w: f32, out: &mut Vec<Line>) -> Line {
    let mut start = 0;
    let mut w = 0.0f32;
    let mut cut_after: Option<(usize, f32)> = None;
    for (i, c) in word.char_indices() {
        let cw = face.em(c).unwrap_or(0.0) * size;
        while w + cw > max_w && i > start {
            let (cut, cut_w) = match cut_after {
                Some((at, at_w)) if at > start && at < i => (at, at_w),
                _ => (i, w),
            };
            out.push(Line {
                text: word[start..cut].to_string(),
                width: cut_w,
            });
            w -= cut_w;
            start = cut;
            cut_after = None;
        }
        w += cw;
        if matches!(c, '-' | '/' | '\u{2010}' | '\u{2013}' | '_') {
            cut_after = Some((i + c.len_utf8(), w));
        }
    }
    Line {
        text: word[start..].to_string(),
        width: w.max(0.0),
    }
}

fn fonts() -> Result<&'static Fonts, ExtractPdfError> {
    static FONTS: LazyLock<Result<Fonts, &'static str>> = LazyLock::new(|| {
        let parse = |i: usize, bytes: &[u8]| Face::parse(bytes).ok_or(STYLE_NAMES[i]);
        let faces = [parse(0, FONT_REGULAR)?, parse(1, FONT_BOLD)?];
        let m = &faces[0].font.font_metrics;
        let upm = f32::from(m.units_per_em.max(1));
        let (ascent, descent) = (m.ascent / upm, (m.descent / upm).abs());
        // Sensible fallback if the hhea table was empty.
        let (ascent, descent) = if ascent > 0.3 {
            (ascent, descent)
        } else {
            (0.93, 0.24)
        };
        let late_marker = if faces.iter().all(|f| f.em('⚠').is_some()) {
            "⚠ "
        } else {
            "(retard) "
        };
        Ok(Fonts {
            faces,
            ascent,
            descent,
            late_marker,
        })
    });
    FONTS.as_ref().map_err(|name| ExtractPdfError::Font(name))
}

/// A text cleaned for `style` and put on one line.
fn one_line(fonts: &Fonts, s: &str, style: Style) -> String {
    fonts.face(style).clean(s.trim()).replace('\n', " ")
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Line {
    text: String,
    width: f32,
}

// ═════════════════════════════════════════════════════════════════════════════════════════════
// Page buffers: PDF operations produced directly during layout
// ═════════════════════════════════════════════════════════════════════════════════════════════

/// Fixed resource names of the two fonts (instead of `add_font`'s random identifiers).
const FONT_IDS: [&str; 2] = ["F0", "F1"];

fn color(ink: Ink) -> Color {
    Color::Rgb(Rgb {
        r: ink.0,
        g: ink.1,
        b: ink.2,
        icc_profile: None,
    })
}

/// One page being built. Graphics (fills, rules) are drawn first, then all the text of the
/// page in a single text object with relative moves (`Td`).
struct Page {
    gfx: Vec<Op>,
    text: Vec<Op>,
    gfx_fill: Option<Ink>,
    text_fill: Option<Ink>,
    font: Option<(Style, f32)>,
    /// Start of the current text line, in PDF coordinates (the `Td` origin).
    pen: (f32, f32),
}

impl Page {
    fn new() -> Page {
        Page {
            gfx: Vec::with_capacity(256),
            text: Vec::with_capacity(1024),
            gfx_fill: None,
            text_fill: None,
            font: None,
            pen: (0.0, 0.0),
        }
    }

    /// Filled rectangle, `top` measured from the top of the page.
    fn rect(&mut self, x: f32, top: f32, w: f32, h: f32, ink: Ink) {
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        if self.gfx_fill != Some(ink) {
            self.gfx.push(Op::SetFillColor { col: color(ink) });
            self.gfx_fill = Some(ink);
        }
        self.gfx.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(PAGE_H - top - h),
                width: Pt(w),
                height: Pt(h),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    /// Horizontal rule centred on `y`.
    fn hline(&mut self, x: f32, y: f32, w: f32, thickness: f32, ink: Ink) {
        self.rect(x, y - thickness / 2.0, w, thickness, ink);
    }

    /// Vertical rule centred on `x`.
    fn vline(&mut self, x: f32, top: f32, bottom: f32, thickness: f32, ink: Ink) {
        self.rect(x - thickness / 2.0, top, thickness, bottom - top, ink);
    }

    /// One line of text, `base` (baseline) measured from the top of the page.
    fn text(&mut self, x: f32, base: f32, style: Style, size: f32, ink: Ink, text: String) {
        if text.is_empty() {
            return;
        }
        if self.font != Some((style, size)) {
            self.text.push(Op::SetFont {
                font: PdfFontHandle::External(FontId(FONT_IDS[style as usize].to_string())),
                size: Pt(size),
            });
            self.font = Some((style, size));
        }
        if self.text_fill != Some(ink) {
            self.text.push(Op::SetFillColor { col: color(ink) });
            self.text_fill = Some(ink);
        }
        let (px, py) = (x, PAGE_H - base);
        // `SetTextCursor` is PDF's `Td`: relative to the start of the previous line.
        self.text.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(px - self.pen.0),
                y: Pt(py - self.pen.1),
            },
        });
        self.pen = (px, py);
        self.text.push(Op::ShowText {
            items: vec![TextItem::Text(text)],
        });
    }

    fn into_ops(self) -> Vec<Op> {
        let mut ops = self.gfx;
        ops.reserve(self.text.len() + 2);
        if !self.text.is_empty() {
            ops.push(Op::StartTextSection);
            ops.extend(self.text);
            ops.push(Op::EndTextSection);
        }
        ops
    }
}

fn draw_footer(fonts: &Fonts, page: &mut Page, left: &str, number: usize, total: usize) {
    let label = format!("Page {number} / {total}");
    let w = fonts.width(&label, Style::Regular, FOOTER);
    page.hline(MARGIN, FOOTER_RULE, CONTENT_W, HAIR, RULE);
    page.text(
        MARGIN,
        FOOTER_BASE,
        Style::Regular,
        FOOTER,
        GREY,
        left.to_string(),
    );
    page.text(
        PAGE_W - MARGIN - w,
        FOOTER_BASE,
        Style::Regular,
        FOOTER,
        GREY,
        label,
    );
}

// ═════════════════════════════════════════════════════════════════════════════════════════════
// Composition
// ═════════════════════════════════════════════════════════════════════════════════════════════

/// A cell, measured and wrapped.
struct CellBox {
    lines: Vec<Line>,
    style: Style,
    ink: Ink,
    late: bool,
    /// Truncation note (grey, last line of the cell), when the row was taller than a page.
    note: Option<String>,
}

struct Composer<'a> {
    fonts: &'a Fonts,
    pages: Vec<Page>,
    /// Left edge and width of each column.
    cols: Vec<(f32, f32)>,
    /// Header row cells (wrapped titles) and its height.
    head: Vec<Vec<Line>>,
    head_h: f32,
    /// Compact header of the following pages: title, " · period", firm (already fitted).
    cont: (String, String, String),
    /// Top of the next row / line, on the current page.
    y: f32,
    /// The table has started on the current page (header row drawn) and where.
    table_top: Option<f32>,
    /// Number of rows truncated because taller than a page.
    truncated: usize,
}

impl<'a> Composer<'a> {
    fn new(fonts: &'a Fonts, e: &Extract) -> Composer<'a> {
        // Column widths: scaled to fill the usable width; non-positive widths count as an
        // average column.
        let n = e.columns.len() as f32;
        let positive: f32 = e.columns.iter().map(|c| c.width_mm.max(0.0)).sum();
        let avg = if positive > 0.0 { positive / n } else { 1.0 };
        let raw: Vec<f32> = e
            .columns
            .iter()
            .map(|c| if c.width_mm > 0.0 { c.width_mm } else { avg })
            .collect();
        let scale = CONTENT_W / raw.iter().sum::<f32>();
        let mut x = MARGIN;
        let cols: Vec<(f32, f32)> = raw
            .iter()
            .map(|w| {
                let col = (x, w * scale);
                x += w * scale;
                col
            })
            .collect();

        let head: Vec<Vec<Line>> = e
            .columns
            .iter()
            .zip(&cols)
            .map(|(c, &(_, w))| {
                let t = fonts.face(Style::Bold).clean(c.title.trim());
                fonts.wrap(&t, Style::Bold, HEAD, (w - 2.0 * PAD_X).max(1.0))
            })
            .collect();
        let head_lines = head.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let head_h = head_lines as f32 * BODY_LH + 2.0 * PAD_Y + 1.0;

        // Compact header: "title · period" on the left, the firm on the right (the firm
        // gives way first, the period next).
        let title = one_line(fonts, &e.title, Style::Bold);
        let title = fonts.ellipsize(title, Style::Bold, CONT_HEAD, CONTENT_W * 0.4);
        let title_w = fonts.width(&title, Style::Bold, CONT_HEAD);
        let period = one_line(fonts, &e.period, Style::Regular);
        let period = if period.is_empty() {
            period
        } else {
            format!("  ·  {period}")
        };
        let period = fonts.ellipsize(period, Style::Regular, CONT_HEAD, CONTENT_W * 0.9 - title_w);
        let period_w = fonts.width(&period, Style::Regular, CONT_HEAD);
        let firm = one_line(fonts, &e.firm, Style::Regular);
        let firm = fonts.ellipsize(
            firm,
            Style::Regular,
            CONT_HEAD,
            (CONTENT_W - title_w - period_w - mm(8.0)).max(0.0),
        );
        let firm = if firm == "…" { String::new() } else { firm };

        Composer {
            fonts,
            pages: vec![Page::new()],
            cols,
            head,
            head_h,
            cont: (title, period, firm),
            y: FIRST_TOP,
            table_top: None,
            truncated: 0,
        }
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("au moins une page")
    }

    /// Places wrapped lines from `self.y` (outside any page break logic).
    fn put(&mut self, x: f32, lines: Vec<Line>, style: Style, size: f32, ink: Ink, lh: f32) {
        let base = self.fonts.baseline(size, lh);
        for line in lines {
            let y = self.y;
            self.page().text(x, y + base, style, size, ink, line.text);
            self.y += lh;
        }
    }

    fn wrap(&self, s: &str, style: Style, size: f32, max_w: f32) -> Vec<Line> {
        let t = self.fonts.face(style).clean(s.trim());
        if t.trim().is_empty() {
            return Vec::new();
        }
        self.fonts.wrap(&t, style, size, max_w)
    }

    // ── Page 1 header ────────────────────────────────────────────────────────────────────────

    /// Page 1 header, in two columns: title, firm, period and filters on the left; "made by",
    /// journal chain head and the legend of the late marker on the right (right-aligned).
    fn first_page(&mut self, e: &Extract) {
        self.y = FIRST_TOP;
        let l = self.wrap(&e.title, Style::Bold, TITLE, CONTENT_W);
        self.put(MARGIN, l, Style::Bold, TITLE, ACCENT, TITLE_LH);
        self.y += 1.0;
        let top = self.y;

        // Right column, measured first: the left column takes the remaining width.
        let mut right: Vec<(Line, Style, f32, Ink, f32)> = Vec::new();
        for l in self.wrap(&e.made, Style::Regular, INFO, FIRST_RIGHT_W) {
            right.push((l, Style::Regular, INFO, INK_SOFT, INFO_LH));
        }
        if let Some(chain) = &e.chain_head {
            for l in self.wrap(chain, Style::Regular, SMALL, FIRST_RIGHT_W) {
                right.push((l, Style::Regular, SMALL, GREY, SMALL_LH));
            }
        }
        let right_w = right.iter().map(|r| r.0.width).fold(0.0, f32::max);
        let legend = e.rows.iter().flatten().any(|c| c.late).then(|| {
            let marker = self.fonts.late_marker.trim_end().to_string();
            let text = "en rouge : étape hors délai".to_string();
            let mw = self.fonts.width(&marker, Style::Bold, SMALL) + 2.5;
            let tw = self.fonts.width(&text, Style::Regular, SMALL);
            (marker, text, mw, tw)
        });
        let right_w = right_w.max(legend.as_ref().map_or(0.0, |l| l.2 + l.3));
        let left_w = CONTENT_W - right_w - mm(8.0);

        let l = self.wrap(&e.firm, Style::Bold, INFO, left_w);
        self.put(MARGIN, l, Style::Bold, INFO, INK, INFO_LH);
        let l = self.wrap(&e.period, Style::Regular, INFO, left_w);
        self.put(MARGIN, l, Style::Regular, INFO, INK, INFO_LH);
        let filters = match e.filters.as_deref().map(str::trim) {
            Some(f) if !f.is_empty() => f.to_string(),
            _ => "Filtres : aucun".to_string(),
        };
        let l = self.wrap(&filters, Style::Regular, INFO, left_w);
        self.put(MARGIN, l, Style::Regular, INFO, INK, INFO_LH);
        let left_bottom = self.y;

        let mut y = top;
        let right_edge = MARGIN + CONTENT_W;
        for (line, style, size, ink, lh) in right {
            let base = y + self.fonts.baseline(size, lh);
            self.page()
                .text(right_edge - line.width, base, style, size, ink, line.text);
            y += lh;
        }
        if let Some((marker, text, mw, tw)) = legend {
            let base = y + self.fonts.baseline(SMALL, SMALL_LH);
            let x = right_edge - mw - tw;
            let page = self.page();
            page.text(x, base, Style::Bold, SMALL, LATE_INK, marker);
            page.text(x + mw, base, Style::Regular, SMALL, GREY, text);
            y += SMALL_LH;
        }
        self.y = left_bottom.max(y) + mm(2.5);
    }

    fn new_page(&mut self) {
        self.close_table();
        self.pages.push(Page::new());
        let (title, period, firm) = self.cont.clone();
        let title_w = self.fonts.width(&title, Style::Bold, CONT_HEAD);
        let firm_w = self.fonts.width(&firm, Style::Regular, CONT_HEAD);
        let page = self.page();
        page.text(
            MARGIN,
            CONT_HEADER_BASE,
            Style::Bold,
            CONT_HEAD,
            ACCENT,
            title,
        );
        page.text(
            MARGIN + title_w,
            CONT_HEADER_BASE,
            Style::Regular,
            CONT_HEAD,
            INK_SOFT,
            period,
        );
        page.text(
            PAGE_W - MARGIN - firm_w,
            CONT_HEADER_BASE,
            Style::Regular,
            CONT_HEAD,
            GREY,
            firm,
        );
        page.hline(MARGIN, CONT_RULE, CONTENT_W, HAIR, RULE);
        self.y = CONT_TOP;
    }

    // ── Table ────────────────────────────────────────────────────────────────────────────────

    /// Draws the header row at `self.y` if the table has not started on this page yet.
    fn start_table(&mut self) {
        if self.table_top.is_some() {
            return;
        }
        let top = self.y;
        self.table_top = Some(top);
        let base = self.fonts.baseline(HEAD, BODY_LH);
        let head_h = self.head_h;
        let cols = self.cols.clone();
        let head = self.head.clone();
        let page = self.pages.last_mut().expect("au moins une page");
        page.rect(MARGIN, top, CONTENT_W, head_h, HEADER_FILL);
        for (&(x, _), lines) in cols.iter().zip(head) {
            let mut y = top + PAD_Y + base;
            for l in lines {
                page.text(x + PAD_X, y, Style::Bold, HEAD, INK, l.text);
                y += BODY_LH;
            }
        }
        self.y = top + head_h;
    }

    /// Draws the column separators and the frame of the table on the current page.
    fn close_table(&mut self) {
        let Some(top) = self.table_top.take() else {
            return;
        };
        let bottom = self.y;
        let inner: Vec<f32> = self.cols.iter().skip(1).map(|&(x, _)| x).collect();
        let head_bottom = top + self.head_h;
        let page = self.page();
        for x in inner {
            page.vline(x, top, bottom, HAIR, RULE);
        }
        page.hline(MARGIN, head_bottom, CONTENT_W, THICK, FRAME);
        page.hline(MARGIN, top, CONTENT_W, THICK, FRAME);
        page.hline(MARGIN, bottom, CONTENT_W, THICK, FRAME);
        page.vline(MARGIN, top, bottom, THICK, FRAME);
        page.vline(MARGIN + CONTENT_W, top, bottom, THICK, FRAME);
    }

    /// Largest number of body lines a row may have: a row must fit on a following page, below
    /// the header row.
    fn max_lines(&self) -> usize {
        let room = BODY_BOTTOM - CONT_TOP - self.head_h - 2.0 * PAD_Y - 1.0;
        ((room / BODY_LH).floor() as usize).max(2)
    }

    fn measure(&mut self, row: &[Cell]) -> (Vec<CellBox>, f32) {
        let max_lines = self.max_lines();
        let mut cells: Vec<CellBox> = Vec::with_capacity(row.len());
        let mut truncated = false;
        for (cell, &(_, w)) in row.iter().zip(&self.cols) {
            let inner = (w - 2.0 * PAD_X).max(1.0);
            let (style, ink) = if cell.late {
                (Style::Bold, LATE_INK)
            } else {
                (Style::Regular, INK)
            };
            let face = self.fonts.face(style);
            let mut text = face.clean(cell.text.trim());
            if cell.late {
                text.insert_str(0, self.fonts.late_marker);
            }
            let mut lines = if text.is_empty() {
                Vec::new()
            } else {
                self.fonts.wrap(&text, style, BODY, inner)
            };
            let mut note = None;
            if lines.len() > max_lines {
                // Taller than a page: keep what fits, end with "…" and say how much is missing.
                let keep = max_lines - 1;
                let omitted = lines.len() - keep;
                lines.truncate(keep);
                if let Some(last) = lines.last_mut() {
                    let t = format!("{} …", last.text.trim_end());
                    last.text = self.fonts.ellipsize(t, style, BODY, inner);
                }
                let msg = format!("[tronqué : {omitted} ligne(s) non imprimée(s)]");
                note = Some(self.fonts.ellipsize(msg, Style::Regular, BODY, inner));
                truncated = true;
            }
            cells.push(CellBox {
                lines,
                style,
                ink,
                late: cell.late,
                note,
            });
        }
        if truncated {
            self.truncated += 1;
        }
        let n = cells
            .iter()
            .map(|c| c.lines.len() + usize::from(c.note.is_some()))
            .max()
            .unwrap_or(1)
            .max(1);
        (cells, n as f32 * BODY_LH + 2.0 * PAD_Y)
    }

    fn table(&mut self, e: &Extract) {
        for (i, row) in e.rows.iter().enumerate() {
            let (cells, h) = self.measure(row);
            let header = if self.table_top.is_none() {
                self.head_h
            } else {
                0.0
            };
            // A row is never split: it moves whole to the next page. On page 1 the table may
            // not have started yet (tall first row): move too, a following page has more room.
            if self.y + header + h > BODY_BOTTOM + 0.01 {
                self.new_page();
            }
            self.start_table();
            self.draw_row(i, cells, h);
        }
        if e.rows.is_empty() {
            self.start_table();
            let top = self.y;
            let base = self.fonts.baseline(BODY, BODY_LH);
            self.page().text(
                MARGIN + PAD_X,
                top + PAD_Y + base,
                Style::Regular,
                BODY,
                GREY,
                "Aucune réclamation ne correspond aux critères de cet extrait.".to_string(),
            );
            self.y += BODY_LH + 2.0 * PAD_Y;
        }
        self.close_table();
        if self.truncated > 0 {
            let msg = format!(
                "Note : {} réclamation(s) au texte plus long qu'une page ont été tronquées à \
                 l'impression (cellules marquées « [tronqué : …] ») ; le registre contient le \
                 texte intégral.",
                self.truncated
            );
            self.y += mm(2.0);
            let lines = self.wrap(&msg, Style::Regular, SMALL, CONTENT_W);
            if self.y + lines.len() as f32 * SMALL_LH > BODY_BOTTOM {
                self.new_page();
            }
            self.put(MARGIN, lines, Style::Regular, SMALL, LATE_INK, SMALL_LH);
        }
    }

    fn draw_row(&mut self, index: usize, cells: Vec<CellBox>, h: f32) {
        let top = self.y;
        let base = self.fonts.baseline(BODY, BODY_LH);
        let cols = std::mem::take(&mut self.cols);
        let page = self.pages.last_mut().expect("au moins une page");
        if index % 2 == 1 {
            page.rect(MARGIN, top, CONTENT_W, h, ZEBRA);
        }
        for (cell, &(x, w)) in cells.iter().zip(&cols) {
            if cell.late {
                page.rect(x, top, w, h, LATE_FILL);
            }
        }
        page.hline(MARGIN, top + h, CONTENT_W, HAIR, RULE);
        for (cell, &(x, _)) in cells.into_iter().zip(&cols) {
            let mut y = top + PAD_Y + base;
            for l in cell.lines {
                page.text(x + PAD_X, y, cell.style, BODY, cell.ink, l.text);
                y += BODY_LH;
            }
            if let Some(note) = cell.note {
                page.text(x + PAD_X, y, Style::Regular, BODY, GREY, note);
            }
        }
        self.cols = cols;
        self.y = top + h;
    }

    // ── Statistics ───────────────────────────────────────────────────────────────────────────

    fn summary(&mut self, e: &Extract) {
        let sections: Vec<&SummarySection> = e
            .summary
            .iter()
            .filter(|s| !s.title.trim().is_empty() || !s.lines.is_empty())
            .collect();
        if sections.is_empty() {
            return;
        }
        self.new_page();
        let l = self.wrap("Synthèse de l'extrait", Style::Bold, SUM_HEADING, SUM_W);
        self.put(MARGIN, l, Style::Bold, SUM_HEADING, ACCENT, 15.0);
        self.y += mm(2.0);

        let label_w = SUM_W - SUM_VALUE_W - mm(4.0);
        let title_lh = SUM_LH + 2.0;
        for (k, s) in sections.into_iter().enumerate() {
            let title = self.wrap(&s.title, Style::Bold, SUM_TITLE, SUM_W);
            // Measure the lines of the section once.
            let lines: Vec<(Vec<Line>, String)> = s
                .lines
                .iter()
                .map(|(label, value)| {
                    let mut l = self.wrap(label, Style::Regular, SUM_TEXT, label_w);
                    if l.is_empty() {
                        l.push(Line::default());
                    }
                    let v = one_line(self.fonts, value, Style::Bold);
                    let v = self.fonts.ellipsize(v, Style::Bold, SUM_TEXT, SUM_VALUE_W);
                    (l, v)
                })
                .collect();
            let title_h = title.len() as f32 * title_lh;
            let first_h = lines
                .first()
                .map_or(0.0, |(l, _)| l.len() as f32 * SUM_LH + 2.0);
            let gap = if k > 0 { mm(4.0) } else { 0.0 };
            // The title stays with the first line of its section.
            if self.y + gap + title_h + first_h > BODY_BOTTOM {
                self.new_page();
            } else {
                self.y += gap;
            }
            if !title.is_empty() {
                self.put(MARGIN, title, Style::Bold, SUM_TITLE, INK, title_lh);
                let y = self.y;
                self.page().hline(MARGIN, y, SUM_W, THICK, FRAME);
                self.y += 1.0;
            }
            let base = self.fonts.baseline(SUM_TEXT, SUM_LH);
            for (i, (label, value)) in lines.into_iter().enumerate() {
                let h = label.len() as f32 * SUM_LH + 2.0;
                if self.y + h > BODY_BOTTOM {
                    self.new_page();
                }
                let top = self.y;
                let vw = self.fonts.width(&value, Style::Bold, SUM_TEXT);
                let page = self.pages.last_mut().expect("au moins une page");
                if i % 2 == 1 {
                    page.rect(MARGIN, top, SUM_W, h, ZEBRA);
                }
                page.hline(MARGIN, top + h, SUM_W, HAIR, RULE);
                page.text(
                    MARGIN + SUM_W - mm(1.5) - vw,
                    top + 1.0 + base,
                    Style::Bold,
                    SUM_TEXT,
                    INK,
                    value,
                );
                let mut y = top + 1.0 + base;
                for l in label {
                    page.text(
                        MARGIN + mm(1.5),
                        y,
                        Style::Regular,
                        SUM_TEXT,
                        INK_SOFT,
                        l.text,
                    );
                    y += SUM_LH;
                }
                self.y = top + h;
            }
        }
    }
}

// ═════════════════════════════════════════════════════════════════════════════════════════════
// PDF emission
// ═════════════════════════════════════════════════════════════════════════════════════════════

fn emit(e: &Extract, fonts: &Fonts, pages: Vec<Page>) -> Result<Vec<u8>, ExtractPdfError> {
    let mut doc = PdfDocument::new(e.title.trim());
    let date = printpdf::OffsetDateTime::from_unix_timestamp(e.created.timestamp())
        .map_err(|err| ExtractPdfError::Render(format!("date de création invalide : {err}")))?;
    let info = &mut doc.metadata.info;
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.author = e.firm.trim().to_string();
    info.subject = e.period.trim().to_string();
    info.creator = "Reclam".to_string();
    info.producer = "Reclam (printpdf)".to_string();

    // One font resource per face for the whole document (subset once at save time).
    for (i, face) in fonts.faces.iter().enumerate() {
        doc.resources.fonts.map.insert(
            FontId(FONT_IDS[i].to_string()),
            PdfFont::new(face.font.clone()),
        );
    }
    let pdf_pages = pages
        .into_iter()
        .map(|p| PdfPage::new(Mm(297.0), Mm(210.0), p.into_ops()))
        .collect();
    doc.with_pages(pdf_pages);

    // Saved without printpdf's own compression (lopdf's `Compression::best()` alone took more
    // than half the time for 10,000 rows): the streams are compressed below with a fast
    // encoder, then lopdf writes the file.
    let opts = PdfSaveOptions {
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    drop(doc);
    // Compress the streams (page contents, font program, ToUnicode map) on up to 2 threads.
    // (A macro rather than a function: lopdf is reached only through printpdf, its types
    // cannot be named here.)
    macro_rules! pack {
        ($stream:expr) => {{
            let stream = $stream;
            let packed = zlib(&stream.content);
            if packed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(packed);
            }
        }};
    }
    let two = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    let (mut mine, mut theirs) = (Vec::new(), Vec::new());
    for (i, stream) in lo
        .objects
        .values_mut()
        .filter_map(|o| o.as_stream_mut().ok())
        .filter(|s| s.allows_compression && s.dict.get(b"Filter").is_err())
        .enumerate()
    {
        // Round-robin: both halves get a similar share of the pages.
        if two && i % 2 == 1 {
            theirs.push(stream);
        } else {
            mine.push(stream);
        }
    }
    std::thread::scope(|scope| {
        let helper = (!theirs.is_empty()).then(|| {
            scope.spawn(move || {
                for stream in theirs {
                    pack!(stream);
                }
            })
        });
        for stream in mine {
            pack!(stream);
        }
        if let Some(h) = helper {
            let _ = h.join();
        }
    });
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|err| ExtractPdfError::Render(err.to_string()))?;
    if bytes.is_empty() {
        let detail: Vec<String> = warnings.into_iter().map(|w| w.msg).collect();
        return Err(ExtractPdfError::Render(detail.join(" ; ")));
    }
    Ok(bytes)
}

// ═════════════════════════════════════════════════════════════════════════════════════════════
// Layout tests (no PDF)
// ═════════════════════════════════════════════════════════════════════════════════════════════

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dejavu_has_the_late_marker() {
        assert_eq!(fonts().unwrap().late_marker, "⚠ ");
    }

    #[test]
    fn wrap_breaks_long_words_and_honours_newlines() {
        let f = fonts().unwrap();
        let lines = f.wrap("a\n\nb", Style::Regular, BODY, 100.0);
        let t: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(t, ["a", "", "b"]);
        let word = "x".repeat(300);
        let lines = f.wrap(&word, Style::Regular, BODY, mm(20.0));
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| l.width <= mm(20.0) + 0.01));
        assert_eq!(
            lines.iter().map(|l| l.text.as_str()).collect::<String>(),
            word
        );
    }
}
