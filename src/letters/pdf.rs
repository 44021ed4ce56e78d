//! PDF layout of letters: French business letter, A4 portrait.
//!
//! [`render`] takes an already written [`Letter`] (final texts, salutation and closing included)
//! and returns the bytes of a PDF ready to print and slip into a window envelope (DL/C5, window
//! on the right):
//!
//! * page 1: firm letterhead at top left (optional logo, name, address, ORIAS, phone, e-mail);
//!   recipient block 110 mm from the left edge and 50 mm from the top; references on the left
//!   and "place, date" in the recipient column; "Objet :" (subject), salutation, body, closing,
//!   signature block in the right half;
//! * following pages: simple header band (firm name, reference), text resumes at 25 mm;
//! * footer on every page: centred legal notices and "Page N / M".
//!
//! Layout happens in two passes: the text is first laid out as positioned items, page by page
//! (measured only once, in linear time); then, once the total page count is known, the footer
//! is added and the PDF operations are emitted.
//!
//! Line-breaking rules: lines break only at ordinary spaces (U+0020); no-break spaces (U+00A0,
//! U+202F…) are never break points; `'\n'` forces a line break; a word longer than the line is
//! broken (preferably after a hyphen or a slash) rather than overflowing. A paragraph never
//! leaves a single line at the bottom or top of a page; a notice box ([`Block::Notice`]) is
//! never split if it fits on one page; the closing and the signature stay together.
//!
//! Dependencies: `printpdf` 0.12 (features `png`, `text_layout`: font subsetting), `chrono`,
//! `thiserror`. The DejaVu fonts are embedded in the binary (see [`FONT_REGULAR`]) and parsed
//! only once per process.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock, Mutex};

use crate::deflate::zlib;
use printpdf::{
    Color, DictItem, ExternalStream, ExternalXObject, FontId, Mm, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Px, RawImage,
    RawImageData, RawImageFormat, Rect, Rgb, TextItem, XObject, XObjectId, XObjectTransform,
};

// ─────────────────────────────────────────────────────────────────────────────────────────────
// EMBEDDED FONTS — the only place to adapt when moving this file.
// `include_bytes!` paths are relative to this source file: from `src/letters/pdf.rs` in the
// main crate, they are `"../../assets/fonts/DejaVuSans.ttf"`, etc.
// ─────────────────────────────────────────────────────────────────────────────────────────────
/// DejaVu Sans (body text).
static FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold (firm name, "Objet :", headings, signatory).
static FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// DejaVu Sans Oblique ([`Block::Italic`]).
static FONT_ITALIC: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Oblique.ttf");

// ═════════════════════════════════════════════════════════════════════════════════════════════
// Public API
// ═════════════════════════════════════════════════════════════════════════════════════════════

/// The firm's letterhead (page 1, top left).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Letterhead {
    /// Company name, in bold.
    pub name: String,
    /// Address lines (street, postcode and town…).
    pub address: Vec<String>,
    /// ORIAS number, without the label: "12 345 678" becomes "ORIAS n° 12 345 678".
    /// A text already starting with "ORIAS" is used as is. Empty: line omitted.
    pub orias: String,
    /// Empty: omitted.
    pub email: String,
    /// Empty: omitted.
    pub phone: String,
    /// Optional PNG logo, left of the name (at most 18 mm high and 45 mm wide).
    pub logo_png: Option<Vec<u8>>,
}

/// The signatory (signature block, right half, after the closing).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Signature {
    pub name: String,
    /// Job title ("Gérant", "Responsable des réclamations"…). Empty: omitted.
    pub title: String,
    /// PNG image of the handwritten signature (at most 20 mm high), above the name.
    /// Absent: a blank space is left for signing by hand.
    pub image_png: Option<Vec<u8>>,
}

/// A block of the letter body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Ordinary paragraph; `'\n'` forces a line break.
    Paragraph(String),
    /// Bold paragraph (subheading, sentence to highlight); kept with the start of the
    /// paragraph that follows it.
    Bold(String),
    /// Italic paragraph (notice, postscript…).
    Italic(String),
    /// Grey-shaded box: a bold title then paragraphs (means of redress, mediator…).
    /// Never split across two pages if it fits on one page: it then moves whole to the next
    /// page.
    Notice {
        title: String,
        paragraphs: Vec<String>,
    },
}

/// A complete letter, ready for layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Letter {
    pub letterhead: Letterhead,
    /// Recipient's name then postal address (block placed in the envelope window).
    pub recipient: Vec<String>,
    /// "Lyon, le 22 novembre 2026".
    pub place_date: String,
    /// References, e.g. `[("Réf.", "REC-2026-0001"), ("Contrat", "MRH-4411")]`, rendered as
    /// "Réf. : REC-2026-0001". The first one is repeated in the header of the following pages.
    pub reference_lines: Vec<(String, String)>,
    /// The subject text; the "Objet : " label (in bold) is added here.
    pub subject: String,
    /// Salutation: "Madame,", "Monsieur,"…
    pub salutation: String,
    pub body: Vec<Block>,
    /// Closing formula (final paragraph, kept with the signature).
    pub closing: String,
    pub signature: Signature,
    /// Footer legal notices (1 to 3 short lines), centred, small, in grey.
    pub footer: Vec<String>,
    /// Document title (PDF metadata). Empty: the subject is used.
    pub title: String,
    /// Creation and modification date of the document (PDF metadata).
    pub created: chrono::DateTime<chrono::Utc>,
}

/// Layout failure.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// An embedded font could not be read (badly built binary).
    #[error("la police de caractères « {0} » embarquée est illisible")]
    Font(&'static str),
    /// The logo or the signature image is not a readable PNG.
    #[error("l'image « {what} » n'est pas un PNG lisible : {detail}")]
    Image { what: &'static str, detail: String },
    /// printpdf rejected the document.
    #[error("la génération du PDF a échoué : {0}")]
    Render(String),
}

impl PdfError {
    /// Stable code, for the UI and the command line.
    pub fn code(&self) -> &'static str {
        match self {
            PdfError::Font(_) => "pdfFont",
            PdfError::Image { .. } => "pdfImage",
            PdfError::Render(_) => "pdfRender",
        }
    }
}

/// Parses the embedded fonts right away rather than on the first [`render`] (optional; useful
/// at application start-up so that the first letter does not pay this cost).
pub fn preload_fonts() -> Result<(), PdfError> {
    fonts().map(|_| ())
}

/// Lays out the letter and returns the PDF bytes.
pub fn render(letter: &Letter) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let mut images = Vec::new();
    let mut place =
        |what, png: &Option<Vec<u8>>, max_w, max_h| -> Result<Option<Placed>, PdfError> {
            let Some(png) = png.as_deref() else {
                return Ok(None);
            };
            let (w, h, img) = prepared_image(what, png, max_w, max_h)?;
            images.push(img);
            Ok(Some(Placed {
                slot: images.len() - 1,
                w,
                h,
            }))
        };
    let logo = place("logo", &letter.letterhead.logo_png, LOGO_MAX_W, LOGO_MAX_H)?;
    let signature = place(
        "signature",
        &letter.signature.image_png,
        SIGNATURE_MAX_W,
        SIGNATURE_MAX_H,
    )?;

    let footer = Footer::new(fonts, &letter.footer);
    let mut c = Composer::new(fonts, letter, footer.body_bottom);
    c.first_page(letter, logo);
    c.body(letter, signature);
    let Composer {
        mut pages,
        mut used,
        ..
    } = c;

    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        footer.draw(fonts, page, i + 1, total);
    }
    used[Style::Regular as usize] = true; // "Page N / M"
    emit(letter, fonts, pages, used, images)
}

// ═════════════════════════════════════════════════════════════════════════════════════════════
// Geometry (PDF points, y measured from the TOP of the page; converted at emission)
// ═════════════════════════════════════════════════════════════════════════════════════════════

const PT_PER_MM: f32 = 72.0 / 25.4;
const fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}

const PAGE_W: f32 = mm(210.0);
const PAGE_H: f32 = mm(297.0);
const MARGIN_L: f32 = mm(20.0);
const MARGIN_R: f32 = mm(20.0);
const CONTENT_W: f32 = PAGE_W - MARGIN_L - MARGIN_R;
/// Right column: recipient (window), place and date, signature.
const COL_X: f32 = mm(110.0);
const COL_W: f32 = mm(85.0);
/// Width of the left column on page 1 (letterhead, references).
const LEFT_W: f32 = COL_X - MARGIN_L - mm(6.0);

const LETTERHEAD_TOP: f32 = mm(15.0);
const LOGO_MAX_H: f32 = mm(18.0);
const LOGO_MAX_W: f32 = mm(45.0);
const RECIPIENT_TOP: f32 = mm(50.0);
const DATE_MIN_TOP: f32 = mm(90.0);
const SIGNATURE_MAX_H: f32 = mm(20.0);
const SIGNATURE_MAX_W: f32 = mm(50.0);
/// Space above the signature image.
const SIGNATURE_GAP: f32 = mm(3.5);
/// Space left for a handwritten signature when there is no image.
const SIGNATURE_BLANK: f32 = mm(15.0);

/// Following pages: header band, then the text resumes.
const CONT_HEADER_BASE: f32 = mm(13.0);
const CONT_RULE: f32 = mm(15.5);
const CONT_TOP: f32 = mm(25.0);

/// Baseline of the last footer line.
const FOOTER_BASE: f32 = PAGE_H - mm(12.0);

const BODY: f32 = 10.5;
const BODY_LH: f32 = BODY * 1.35;
const PARA_GAP: f32 = BODY_LH * 0.55;
const NAME_SIZE: f32 = 13.0;
const HEAD_SIZE: f32 = 9.0;
const HEAD_SMALL: f32 = 8.5;
const REF_SIZE: f32 = 9.0;
const NOTICE_SIZE: f32 = 10.0;
const FOOTER_SIZE: f32 = 7.5;
const FOOTER_LH: f32 = FOOTER_SIZE * 1.4;

#[derive(Debug, Clone, Copy, PartialEq)]
struct Ink(f32, f32, f32);
const INK: Ink = Ink(0.10, 0.11, 0.13);
const INK_SOFT: Ink = Ink(0.27, 0.29, 0.33);
const GREY: Ink = Ink(0.45, 0.47, 0.51);
/// Accent colour (firm name, notice box rule): sober navy blue.
const ACCENT: Ink = Ink(0.12, 0.23, 0.42);
const RULE: Ink = Ink(0.80, 0.81, 0.84);
const NOTICE_FILL: Ink = Ink(0.953, 0.958, 0.970);
const NOTICE_BORDER: Ink = Ink(0.80, 0.82, 0.87);

// ═════════════════════════════════════════════════════════════════════════════════════════════
// Fonts and text measurement
// ═════════════════════════════════════════════════════════════════════════════════════════════

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Regular = 0,
    Bold = 1,
    Italic = 2,
}

const STYLE_NAMES: [&str; 3] = ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"];

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
    faces: [Face; 3],
    /// Ascent and descent, in em (shared by the three DejaVu faces).
    ascent: f32,
    descent: f32,
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

    /// Breaks `text` (already cleaned) into lines of at most `max_w` points.
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

fn fonts() -> Result<&'static Fonts, PdfError> {
    static FONTS: LazyLock<Result<Fonts, &'static str>> = LazyLock::new(|| {
        let parse = |i: usize, bytes: &[u8]| Face::parse(bytes).ok_or(STYLE_NAMES[i]);
        let faces = [
            parse(0, FONT_REGULAR)?,
            parse(1, FONT_BOLD)?,
            parse(2, FONT_ITALIC)?,
        ];
        let m = &faces[0].font.font_metrics;
        let upm = f32::from(m.units_per_em.max(1));
        let (ascent, descent) = (m.ascent / upm, (m.descent / upm).abs());
        // Sensible fallback if the hhea table was empty.
        let (ascent, descent) = if ascent > 0.3 {
            (ascent, descent)
        } else {
            (0.93, 0.24)
        };
        Ok(Fonts {
            faces,
            ascent,
            descent,
        })
    });
    FONTS.as_ref().map_err(|name| PdfError::Font(name))
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Line {
    text: String,
    width: f32,
}

// ═════════════════════════════════════════════════════════════════════════════════════════════
// Positioned items
// ═════════════════════════════════════════════════════════════════════════════════════════════

enum Item {
    Text {
        x: f32,
        base: f32,
        style: Style,
        size: f32,
        ink: Ink,
        text: String,
    },
    /// Filled rectangle (`stroke: None`) or stroked one (line width).
    Rect {
        x: f32,
        top: f32,
        w: f32,
        h: f32,
        ink: Ink,
        stroke: Option<f32>,
    },
    Image {
        slot: usize,
        x: f32,
        top: f32,
        w: f32,
        h: f32,
    },
}

#[derive(Default)]
struct Page {
    /// Backgrounds (notice boxes), drawn first.
    under: Vec<Item>,
    over: Vec<Item>,
}

#[derive(Clone, Copy)]
struct Placed {
    slot: usize,
    w: f32,
    h: f32,
}

/// Size of a `px_w` × `px_h` pixel image scaled to fit within `max_w` × `max_h`, aspect ratio
/// preserved.
fn fit(px_w: usize, px_h: usize, max_w: f32, max_h: f32) -> (f32, f32) {
    let (pw, ph) = (px_w.max(1) as f32, px_h.max(1) as f32);
    let scale = (max_w / pw).min(max_h / ph);
    (pw * scale, ph * scale)
}

// ═════════════════════════════════════════════════════════════════════════════════════════════
// Footer
// ═════════════════════════════════════════════════════════════════════════════════════════════

struct Footer {
    lines: Vec<Line>,
    /// Lower limit of the body text.
    body_bottom: f32,
    /// Rule above the notices; "Page N / M" sits at its right end.
    rule: f32,
}

impl Footer {
    fn new(fonts: &Fonts, texts: &[String]) -> Footer {
        let face = fonts.face(Style::Regular);
        let lines: Vec<Line> = texts
            .iter()
            .map(|t| face.clean(t))
            .filter(|t| !t.trim().is_empty())
            .flat_map(|t| fonts.wrap(&t, Style::Regular, FOOTER_SIZE, CONTENT_W))
            .filter(|l| !l.text.is_empty())
            .collect();
        let rule = if lines.is_empty() {
            FOOTER_BASE - mm(1.0)
        } else {
            let n = lines.len() as f32;
            FOOTER_BASE - (n - 1.0) * FOOTER_LH - fonts.ascent * FOOTER_SIZE - mm(2.8)
        };
        Footer {
            lines,
            body_bottom: rule - mm(6.0),
            rule,
        }
    }

    fn draw(&self, fonts: &Fonts, page: &mut Page, number: usize, total: usize) {
        let label = format!("Page {number} / {total}");
        let w = fonts.width(&label, Style::Regular, FOOTER_SIZE);
        let label_x = PAGE_W - MARGIN_R - w;
        // The label is vertically centred on the rule, which stops just before it.
        let base = self.rule + 0.25 + FOOTER_SIZE * 0.36;
        page.over.push(text_item(
            label_x,
            base,
            Style::Regular,
            FOOTER_SIZE,
            GREY,
            label,
        ));
        page.over.push(Item::Rect {
            x: MARGIN_L,
            top: self.rule,
            w: label_x - mm(2.5) - MARGIN_L,
            h: 0.5,
            ink: RULE,
            stroke: None,
        });
        let n = self.lines.len();
        for (i, line) in self.lines.iter().enumerate() {
            let base = FOOTER_BASE - (n - 1 - i) as f32 * FOOTER_LH;
            let x = MARGIN_L + (CONTENT_W - line.width) / 2.0;
            page.over.push(text_item(
                x,
                base,
                Style::Regular,
                FOOTER_SIZE,
                GREY,
                line.text.clone(),
            ));
        }
    }
}

fn text_item(x: f32, base: f32, style: Style, size: f32, ink: Ink, text: String) -> Item {
    Item::Text {
        x,
        base,
        style,
        size,
        ink,
        text,
    }
}

// ═════════════════════════════════════════════════════════════════════════════════════════════
// Composition
// ═════════════════════════════════════════════════════════════════════════════════════════════

/// A "label: value" pair ready to be placed.
struct Labeled {
    label: String,
    label_style: Style,
    indent: f32,
    lines: Vec<Line>,
}

/// A body block, already broken into lines.
struct Para {
    lines: Vec<Line>,
    style: Style,
}

struct Composer<'a> {
    fonts: &'a Fonts,
    pages: Vec<Page>,
    /// Top of the next line, on the current page.
    y: f32,
    bottom: f32,
    /// Nothing has been placed in the flow of the current page yet.
    at_top: bool,
    /// Header band of the following pages: firm name, first reference and its width.
    header: (String, String, f32),
    used: [bool; 3],
}

impl<'a> Composer<'a> {
    fn new(fonts: &'a Fonts, letter: &Letter, bottom: f32) -> Composer<'a> {
        let one_line = |s: &str, style| fonts.face(style).clean(s).replace('\n', " ");
        let reference = letter
            .reference_lines
            .first()
            .map(|(k, v)| one_line(&format!("{} : {}", k.trim(), v.trim()), Style::Regular))
            .unwrap_or_default();
        let reference = fonts.ellipsize(reference, Style::Regular, HEAD_SMALL, CONTENT_W * 0.5);
        let reference_w = fonts.width(&reference, Style::Regular, HEAD_SMALL);
        let firm = one_line(letter.letterhead.name.trim(), Style::Bold);
        let firm = fonts.ellipsize(
            firm,
            Style::Bold,
            HEAD_SMALL,
            CONTENT_W - reference_w - mm(6.0),
        );
        Composer {
            fonts,
            pages: vec![Page::default()],
            y: 0.0,
            bottom,
            at_top: true,
            header: (firm, reference, reference_w),
            used: [false; 3],
        }
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("au moins une page")
    }

    fn text(&mut self, x: f32, base: f32, style: Style, size: f32, ink: Ink, text: String) {
        if text.is_empty() {
            return;
        }
        self.used[style as usize] = true;
        self.page()
            .over
            .push(text_item(x, base, style, size, ink, text));
    }

    fn clean(&self, s: &str, style: Style) -> String {
        self.fonts.face(style).clean(s)
    }

    fn wrap(&self, s: &str, style: Style, size: f32, max_w: f32) -> Vec<Line> {
        self.fonts.wrap(&self.clean(s, style), style, size, max_w)
    }

    /// Places lines from `top`, outside the flow; returns the bottom of the block.
    #[allow(clippy::too_many_arguments)]
    fn put(
        &mut self,
        x: f32,
        top: f32,
        lines: Vec<Line>,
        style: Style,
        size: f32,
        ink: Ink,
        lh: f32,
    ) -> f32 {
        let base = self.fonts.baseline(size, lh);
        let mut y = top;
        for line in lines {
            self.text(x, y + base, style, size, ink, line.text);
            y += lh;
        }
        y
    }

    // ── Paginated flow ───────────────────────────────────────────────────────────────────────

    fn capacity(&self) -> f32 {
        self.bottom - CONT_TOP
    }

    fn room(&self) -> f32 {
        self.bottom - self.y
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = CONT_TOP;
        self.at_top = true;
        let (firm, reference, reference_w) = self.header.clone();
        self.text(
            MARGIN_L,
            CONT_HEADER_BASE,
            Style::Bold,
            HEAD_SMALL,
            ACCENT,
            firm,
        );
        if !reference.is_empty() {
            self.text(
                PAGE_W - MARGIN_R - reference_w,
                CONT_HEADER_BASE,
                Style::Regular,
                HEAD_SMALL,
                GREY,
                reference,
            );
        }
        self.page().over.push(Item::Rect {
            x: MARGIN_L,
            top: CONT_RULE,
            w: CONTENT_W,
            h: 0.5,
            ink: RULE,
            stroke: None,
        });
    }

    /// Vertical space between two blocks, dropped at the top of a page.
    fn gap(&mut self, g: f32) {
        if !self.at_top {
            self.y += g;
        }
    }

    /// Moves to the next page if `h` does not fit in the remaining space but would fit on a
    /// fresh page.
    fn keep(&mut self, h: f32) {
        if h > self.room() + 0.01 && h <= self.capacity() && !self.at_top {
            self.new_page();
        }
    }

    /// Places lines in the flow, over as many pages as needed, never leaving a single line at
    /// the bottom (orphan) or at the top (widow) of a page.
    #[allow(clippy::too_many_arguments)]
    fn flow(&mut self, x: f32, lines: Vec<Line>, style: Style, size: f32, ink: Ink, lh: f32) {
        let base = self.fonts.baseline(size, lh);
        let mut left = lines.len();
        let mut lines = lines.into_iter();
        while left > 0 {
            let fit = ((self.room() + 0.01) / lh).floor().max(0.0) as usize;
            let mut take = if fit >= left {
                left
            } else {
                let mut t = fit;
                if left - t < 2 {
                    t = left.saturating_sub(2);
                }
                if t < 2 {
                    0
                } else {
                    t
                }
            };
            if take == 0 {
                if !self.at_top {
                    self.new_page();
                    continue;
                }
                take = fit.max(1).min(left);
            }
            for line in lines.by_ref().take(take) {
                self.text(x, self.y + base, style, size, ink, line.text);
                self.y += lh;
            }
            self.at_top = false;
            left -= take;
        }
    }

    // ── Page 1 ───────────────────────────────────────────────────────────────────────────────

    fn first_page(&mut self, letter: &Letter, logo: Option<Placed>) {
        let head = &letter.letterhead;

        // Letterhead: logo on the left, text to its right.
        let mut text_x = MARGIN_L;
        let mut head_bottom = LETTERHEAD_TOP;
        if let Some(logo) = logo {
            self.page().over.push(Item::Image {
                slot: logo.slot,
                x: MARGIN_L,
                top: LETTERHEAD_TOP,
                w: logo.w,
                h: logo.h,
            });
            text_x = MARGIN_L + logo.w + mm(4.0);
            head_bottom = LETTERHEAD_TOP + logo.h;
        }
        // Above the recipient area, the letterhead may extend to the right margin; level with
        // the window, it stays in the left column.
        let wide_w = PAGE_W - MARGIN_R - text_x;
        let narrow_w = COL_X - mm(6.0) - text_x;
        let width_at = |y: f32, lines: f32, lh: f32| {
            if y + lines * lh < RECIPIENT_TOP - mm(3.0) {
                wide_w
            } else {
                narrow_w
            }
        };
        // The capitals of the name line up roughly with the top of the logo.
        let name_lh = NAME_SIZE * 1.2;
        let top = LETTERHEAD_TOP - self.fonts.baseline(NAME_SIZE, name_lh) + NAME_SIZE * 0.73;
        let lines = self.wrap(
            head.name.trim(),
            Style::Bold,
            NAME_SIZE,
            width_at(top, 2.0, name_lh),
        );
        let mut y = self.put(text_x, top, lines, Style::Bold, NAME_SIZE, ACCENT, name_lh) + 1.5;
        let head_lh = HEAD_SIZE * 1.32;
        for line in head.address.iter().filter(|l| !l.trim().is_empty()) {
            let lines = self.wrap(
                line.trim(),
                Style::Regular,
                HEAD_SIZE,
                width_at(y, 1.0, head_lh),
            );
            y = self.put(
                text_x,
                y,
                lines,
                Style::Regular,
                HEAD_SIZE,
                INK_SOFT,
                head_lh,
            );
        }
        let mut small = Vec::new();
        let orias = head.orias.trim();
        if !orias.is_empty() {
            if orias.to_uppercase().starts_with("ORIAS") {
                small.push(orias.to_string());
            } else {
                small.push(format!("ORIAS n°\u{A0}{orias}"));
            }
        }
        if !head.phone.trim().is_empty() {
            small.push(format!("Tél. {}", head.phone.trim()));
        }
        if !head.email.trim().is_empty() {
            small.push(head.email.trim().to_string());
        }
        if !small.is_empty() {
            y += 3.0;
            let small_lh = HEAD_SMALL * 1.32;
            for s in small {
                let lines = self.wrap(&s, Style::Regular, HEAD_SMALL, width_at(y, 1.0, small_lh));
                y = self.put(text_x, y, lines, Style::Regular, HEAD_SMALL, GREY, small_lh);
            }
        }
        head_bottom = head_bottom.max(y);

        // Recipient, in the envelope window.
        let rec_lh = BODY * 1.3;
        let mut y = RECIPIENT_TOP;
        for line in letter.recipient.iter().filter(|l| !l.trim().is_empty()) {
            let lines = self.wrap(line.trim(), Style::Regular, BODY, COL_W);
            y = self.put(COL_X, y, lines, Style::Regular, BODY, INK, rec_lh);
        }
        let recipient_bottom = y;

        // References on the left, place and date on the right, at the same height.
        let row = DATE_MIN_TOP
            .max(recipient_bottom + mm(9.0))
            .max(head_bottom + mm(8.0));
        // The date shares the baseline of the first reference.
        let ref_lh = REF_SIZE * 1.4;
        let date_top =
            row + self.fonts.baseline(REF_SIZE, ref_lh) - self.fonts.baseline(BODY, BODY_LH);
        let date = self.wrap(letter.place_date.trim(), Style::Regular, BODY, COL_W);
        let date_bottom = self.put(COL_X, date_top, date, Style::Regular, BODY, INK, BODY_LH);
        let mut y = row;
        for (label, value) in &letter.reference_lines {
            let label = format!("{} : ", label.trim());
            let labeled = self.labeled(
                &label,
                Style::Regular,
                value.trim(),
                Style::Regular,
                REF_SIZE,
                LEFT_W,
            );
            y = self.put_labeled(
                MARGIN_L,
                y,
                labeled,
                GREY,
                Style::Regular,
                INK,
                REF_SIZE,
                ref_lh,
            );
        }

        // Subject (bold label, text with a hanging indent), then salutation.
        self.y = date_bottom.max(y) + mm(6.5);
        self.at_top = false;
        if !letter.subject.trim().is_empty() {
            let labeled = self.labeled(
                "Objet : ",
                Style::Bold,
                letter.subject.trim(),
                Style::Regular,
                BODY,
                CONTENT_W,
            );
            self.keep(labeled.lines.len() as f32 * BODY_LH);
            let y = self.y;
            self.y = self.put_labeled(
                MARGIN_L,
                y,
                labeled,
                INK,
                Style::Regular,
                INK,
                BODY,
                BODY_LH,
            );
            self.y += BODY_LH;
        }
        if !letter.salutation.trim().is_empty() {
            let salutation = self.wrap(letter.salutation.trim(), Style::Regular, BODY, CONTENT_W);
            self.flow(MARGIN_L, salutation, Style::Regular, BODY, INK, BODY_LH);
        }
    }

    /// A "label: value" pair: the label (at most half the width), then the value broken into
    /// lines with a hanging indent after it.
    fn labeled(
        &self,
        label: &str,
        label_style: Style,
        value: &str,
        style: Style,
        size: f32,
        max_w: f32,
    ) -> Labeled {
        let label = self.clean(label, label_style).replace('\n', " ");
        let label = self.fonts.ellipsize(label, label_style, size, max_w * 0.5);
        let indent = self.fonts.width(&label, label_style, size);
        let mut lines = self.wrap(value, style, size, max_w - indent);
        if lines.is_empty() {
            lines.push(Line::default());
        }
        Labeled {
            label,
            label_style,
            indent,
            lines,
        }
    }

    /// Places a pair prepared by [`Composer::labeled`]; returns the bottom of the block.
    #[allow(clippy::too_many_arguments)]
    fn put_labeled(
        &mut self,
        x: f32,
        top: f32,
        labeled: Labeled,
        label_ink: Ink,
        style: Style,
        ink: Ink,
        size: f32,
        lh: f32,
    ) -> f32 {
        let base = self.fonts.baseline(size, lh);
        let Labeled {
            label,
            label_style,
            indent,
            lines,
        } = labeled;
        self.text(x, top + base, label_style, size, label_ink, label);
        self.put(x + indent, top, lines, style, size, ink, lh)
    }

    // ── Body, closing, signature ────────────────────────────────────────────────────────────

    fn body(&mut self, letter: &Letter, signature: Option<Placed>) {
        // Everything is broken into lines first (one measurement per character), then placed.
        enum Prepared {
            Para(Para),
            Notice {
                title: Vec<Line>,
                paragraphs: Vec<Vec<Line>>,
            },
        }
        let notice_inner = CONTENT_W - NOTICE_BAR - 2.0 * NOTICE_PAD;
        let prepared: Vec<Prepared> = letter
            .body
            .iter()
            .filter_map(|block| {
                let para = |text: &str, style| {
                    let lines = self.wrap(text.trim(), style, BODY, CONTENT_W);
                    (!lines.iter().all(|l| l.text.is_empty()))
                        .then_some(Prepared::Para(Para { lines, style }))
                };
                match block {
                    Block::Paragraph(t) => para(t, Style::Regular),
                    Block::Bold(t) => para(t, Style::Bold),
                    Block::Italic(t) => para(t, Style::Italic),
                    Block::Notice { title, paragraphs } => Some(Prepared::Notice {
                        title: if title.trim().is_empty() {
                            Vec::new()
                        } else {
                            self.wrap(title.trim(), Style::Bold, BODY, notice_inner)
                        },
                        paragraphs: paragraphs
                            .iter()
                            .filter(|p| !p.trim().is_empty())
                            .map(|p| self.wrap(p.trim(), Style::Regular, NOTICE_SIZE, notice_inner))
                            .collect(),
                    }),
                }
            })
            .collect();

        let mut prepared = prepared.into_iter().peekable();
        while let Some(block) = prepared.next() {
            match block {
                Prepared::Para(p) => {
                    self.gap(PARA_GAP);
                    if p.style == Style::Bold {
                        // A subheading stays with the first two lines of what follows.
                        let next = match prepared.peek() {
                            Some(Prepared::Para(n)) => {
                                n.lines.len().min(2) as f32 * BODY_LH + PARA_GAP
                            }
                            _ => 0.0,
                        };
                        self.keep(p.lines.len() as f32 * BODY_LH + next);
                    }
                    self.flow(MARGIN_L, p.lines, p.style, BODY, INK, BODY_LH);
                }
                Prepared::Notice { title, paragraphs } => {
                    self.gap(PARA_GAP + 3.0);
                    self.notice(title, paragraphs);
                    self.gap(3.0);
                }
            }
        }

        // Closing and signature: kept together.
        let closing = self.wrap(letter.closing.trim(), Style::Regular, BODY, CONTENT_W);
        let closing: Vec<Line> = if closing.iter().all(|l| l.text.is_empty()) {
            Vec::new()
        } else {
            closing
        };
        let sig = &letter.signature;
        let name = self.wrap(sig.name.trim(), Style::Bold, BODY, COL_W);
        let title = self.wrap(sig.title.trim(), Style::Regular, 9.5, COL_W);
        let title: Vec<Line> = if sig.title.trim().is_empty() {
            Vec::new()
        } else {
            title
        };
        let title_lh = 9.5 * 1.35;
        let space_above = match signature {
            Some(img) => SIGNATURE_GAP + img.h + mm(1.5),
            None => SIGNATURE_BLANK,
        };
        let sig_h = space_above + name.len() as f32 * BODY_LH + title.len() as f32 * title_lh;
        let closing_h = closing.len() as f32 * BODY_LH;

        self.gap(PARA_GAP);
        self.keep(closing_h + sig_h);
        self.flow(MARGIN_L, closing, Style::Regular, BODY, INK, BODY_LH);
        if sig_h > self.room() + 0.01 && !self.at_top {
            self.new_page();
        }
        let mut y = self.y;
        match signature {
            Some(img) => {
                let top = y + SIGNATURE_GAP;
                self.page().over.push(Item::Image {
                    slot: img.slot,
                    x: COL_X,
                    top,
                    w: img.w,
                    h: img.h,
                });
                y = top + img.h + mm(1.5);
            }
            None => y += SIGNATURE_BLANK,
        }
        y = self.put(COL_X, y, name, Style::Bold, BODY, INK, BODY_LH);
        y = self.put(COL_X, y, title, Style::Regular, 9.5, INK_SOFT, title_lh);
        self.y = y;
        self.at_top = false;
    }

    /// Notice box: grey background, thin border, accent bar on the left. Moves whole to the
    /// next page if it fits on one page; otherwise (extreme case) continues on the next one,
    /// each piece having its own frame.
    fn notice(&mut self, title: Vec<Line>, paragraphs: Vec<Vec<Line>>) {
        let notice_lh = NOTICE_SIZE * 1.35;
        // Rows: (line, style, size, line height, space before).
        let mut rows: Vec<(Line, Style, f32, f32, f32)> = Vec::new();
        for line in title {
            rows.push((line, Style::Bold, BODY, BODY_LH, 0.0));
        }
        for (i, p) in paragraphs.into_iter().enumerate() {
            let gap = if i == 0 {
                if rows.is_empty() {
                    0.0
                } else {
                    2.5
                }
            } else {
                4.0
            };
            for (j, line) in p.into_iter().enumerate() {
                rows.push((
                    line,
                    Style::Regular,
                    NOTICE_SIZE,
                    notice_lh,
                    if j == 0 { gap } else { 0.0 },
                ));
            }
        }
        if rows.is_empty() {
            return;
        }
        let h: f32 = 2.0 * NOTICE_PAD + rows.iter().map(|r| r.3 + r.4).sum::<f32>();
        self.keep(h);

        let x = MARGIN_L + NOTICE_BAR + NOTICE_PAD;
        let mut seg_top = self.y;
        self.y += NOTICE_PAD;
        self.at_top = false;
        let mut first_in_segment = true;
        for (line, style, size, lh, gap) in rows {
            let gap = if first_in_segment { 0.0 } else { gap };
            if self.y + gap + lh > self.bottom - NOTICE_PAD {
                self.notice_frame(seg_top, self.y + NOTICE_PAD);
                self.new_page();
                seg_top = self.y;
                self.y += NOTICE_PAD;
                self.at_top = false;
            } else {
                self.y += gap;
            }
            first_in_segment = false;
            let base = self.fonts.baseline(size, lh);
            let ink = if style == Style::Bold { ACCENT } else { INK };
            self.text(x, self.y + base, style, size, ink, line.text);
            self.y += lh;
        }
        self.y += NOTICE_PAD;
        self.notice_frame(seg_top, self.y);
    }

    fn notice_frame(&mut self, top: f32, bottom: f32) {
        let h = bottom - top;
        let page = self.page();
        page.under.push(Item::Rect {
            x: MARGIN_L,
            top,
            w: CONTENT_W,
            h,
            ink: NOTICE_FILL,
            stroke: None,
        });
        page.under.push(Item::Rect {
            x: MARGIN_L,
            top,
            w: CONTENT_W,
            h,
            ink: NOTICE_BORDER,
            stroke: Some(0.5),
        });
        page.under.push(Item::Rect {
            x: MARGIN_L,
            top,
            w: NOTICE_BAR,
            h,
            ink: ACCENT,
            stroke: None,
        });
    }
}

const NOTICE_PAD: f32 = mm(3.5);
const NOTICE_BAR: f32 = mm(1.2);

// ═════════════════════════════════════════════════════════════════════════════════════════════
// Images: PNG → 8-bit pixels, downscaled to 300 dpi at display size, compressed once
// ═════════════════════════════════════════════════════════════════════════════════════════════

/// Resolution above which an image is downscaled (to its display size).
const IMAGE_DPI: f32 = 300.0;
/// Number of prepared images kept in memory (firm logo, signatures).
const IMAGE_CACHE: usize = 8;

/// An image ready to embed: colour (grey or RGB) and optional alpha channel, each already
/// Flate-compressed. Otherwise printpdf would recompress the raw pixels at level 9 for every
/// letter, which cost more than the whole layout.
#[derive(Debug)]
struct PreparedImage {
    width: usize,
    height: usize,
    grey: bool,
    color: Vec<u8>,
    alpha: Option<Vec<u8>>,
}

impl PreparedImage {
    fn dict(&self, grey: bool) -> BTreeMap<String, DictItem> {
        let name = |s: &str| DictItem::Name(s.as_bytes().to_vec());
        BTreeMap::from([
            ("Type".to_string(), name("XObject")),
            ("Subtype".to_string(), name("Image")),
            ("Width".to_string(), DictItem::Int(self.width as i64)),
            ("Height".to_string(), DictItem::Int(self.height as i64)),
            (
                "ColorSpace".to_string(),
                name(if grey { "DeviceGray" } else { "DeviceRGB" }),
            ),
            ("BitsPerComponent".to_string(), DictItem::Int(8)),
            ("Filter".to_string(), name("FlateDecode")),
        ])
    }

    fn xobject(&self) -> ExternalXObject {
        let mut dict = self.dict(self.grey);
        if let Some(alpha) = &self.alpha {
            // Nested stream: printpdf turns it into an indirect object.
            let smask = ExternalStream {
                dict: self.dict(true),
                content: alpha.clone(),
                compress: false,
            };
            dict.insert("SMask".to_string(), DictItem::Stream { stream: smask });
        }
        ExternalXObject {
            stream: ExternalStream {
                dict,
                content: self.color.clone(),
                compress: false,
            },
            width: Some(Px(self.width)),
            height: Some(Px(self.height)),
            dpi: None,
        }
    }
}

/// Display size (points) and prepared image, from the cache if this PNG was used before.
fn prepared_image(
    what: &'static str,
    png: &[u8],
    max_w: f32,
    max_h: f32,
) -> Result<(f32, f32, Arc<PreparedImage>), PdfError> {
    // Key: the PNG bytes; stored with the image, its original size in pixels (the displayed
    // size depends only on it, and is therefore recomputed for each placement).
    type Entry = (Vec<u8>, usize, usize, Arc<PreparedImage>);
    static CACHE: Mutex<Vec<Entry>> = Mutex::new(Vec::new());
    let lock = || {
        CACHE
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    };
    if let Some((_, px_w, px_h, img)) = lock().iter().find(|(bytes, ..)| bytes.as_slice() == png) {
        let (w, h) = fit(*px_w, *px_h, max_w, max_h);
        return Ok((w, h, img.clone()));
    }
    let bad = |detail: String| PdfError::Image { what, detail };
    if !png.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Err(bad("ce n'est pas un fichier PNG".into()));
    }
    let raw = RawImage::decode_from_bytes(png, &mut Vec::new()).map_err(bad)?;
    let (mut w, mut h, mut rgba) =
        to_rgba8(&raw).ok_or_else(|| bad("format de pixels non pris en charge".into()))?;
    if w == 0 || h == 0 {
        return Err(bad("image vide".into()));
    }
    let (px_w, px_h) = (w, h);
    let (shown_w, shown_h) = fit(w, h, max_w, max_h);
    let target_w = (shown_w / 72.0 * IMAGE_DPI).ceil().max(1.0) as usize;
    if w as f32 > target_w as f32 * 1.5 {
        let target_h = ((h * target_w) as f32 / w as f32).round().max(1.0) as usize;
        rgba = downscale(&rgba, w, h, target_w, target_h);
        (w, h) = (target_w, target_h);
    }
    let opaque = rgba.chunks_exact(4).all(|p| p[3] == 255);
    let grey = rgba.chunks_exact(4).all(|p| p[0] == p[1] && p[1] == p[2]);
    let color: Vec<u8> = if grey {
        rgba.chunks_exact(4).map(|p| p[0]).collect()
    } else {
        rgba.chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect()
    };
    let alpha = (!opaque).then(|| zlib(&rgba.chunks_exact(4).map(|p| p[3]).collect::<Vec<u8>>()));
    let img = Arc::new(PreparedImage {
        width: w,
        height: h,
        grey,
        color: zlib(&color),
        alpha,
    });

    let mut cache = lock();
    if cache.len() >= IMAGE_CACHE {
        cache.remove(0);
    }
    cache.push((png.to_vec(), px_w, px_h, img.clone()));
    Ok((shown_w, shown_h, img))
}

/// 8-bit RGBA pixels, whatever the decoded format.
fn to_rgba8(img: &RawImage) -> Option<(usize, usize, Vec<u8>)> {
    use RawImageFormat as F;
    let (w, h) = (img.width, img.height);
    let n = w.checked_mul(h)?;
    let bytes: Vec<u8> = match &img.pixels {
        RawImageData::U8(v) => v.clone(),
        RawImageData::U16(v) => v.iter().map(|x| (x >> 8) as u8).collect(),
        RawImageData::F32(v) => v
            .iter()
            .map(|x| (x.clamp(0.0, 1.0) * 255.0).round() as u8)
            .collect(),
    };
    let channels = match img.data_format {
        F::R8 | F::R16 => 1,
        F::RG8 | F::RG16 => 2,
        F::RGB8 | F::RGB16 | F::BGR8 | F::RGBF32 => 3,
        F::RGBA8 | F::RGBA16 | F::BGRA8 | F::RGBAF32 => 4,
    };
    if bytes.len() < n * channels {
        return None;
    }
    let bgr = matches!(img.data_format, F::BGR8 | F::BGRA8);
    let mut out = Vec::with_capacity(n * 4);
    for p in bytes.chunks_exact(channels).take(n) {
        out.extend_from_slice(&match (channels, bgr) {
            (1, _) => [p[0], p[0], p[0], 255],
            (2, _) => [p[0], p[0], p[0], p[1]],
            (3, false) => [p[0], p[1], p[2], 255],
            (3, true) => [p[2], p[1], p[0], 255],
            (_, false) => [p[0], p[1], p[2], p[3]],
            (_, true) => [p[2], p[1], p[0], p[3]],
        });
    }
    Some((w, h, out))
}

/// Box-filter downscaling (alpha-weighted: no dark fringe around a logo with a transparent
/// background). Linear in the number of source pixels.
fn downscale(src: &[u8], sw: usize, sh: usize, tw: usize, th: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(tw * th * 4);
    for oy in 0..th {
        let (y0, y1) = (oy * sh / th, ((oy + 1) * sh / th).max(oy * sh / th + 1));
        for ox in 0..tw {
            let (x0, x1) = (ox * sw / tw, ((ox + 1) * sw / tw).max(ox * sw / tw + 1));
            let mut acc = [0u64; 4];
            for y in y0..y1 {
                for p in src[(y * sw + x0) * 4..(y * sw + x1) * 4].chunks_exact(4) {
                    let a = u64::from(p[3]);
                    acc[0] += u64::from(p[0]) * a;
                    acc[1] += u64::from(p[1]) * a;
                    acc[2] += u64::from(p[2]) * a;
                    acc[3] += a;
                }
            }
            let count = ((y1 - y0) * (x1 - x0)) as u64;
            let a = acc[3];
            let c = |v: u64| (v + a / 2).checked_div(a).unwrap_or(0) as u8;
            out.extend_from_slice(&[
                c(acc[0]),
                c(acc[1]),
                c(acc[2]),
                ((a + count / 2) / count) as u8,
            ]);
        }
    }
    out
}

// ═════════════════════════════════════════════════════════════════════════════════════════════
// PDF emission
// ═════════════════════════════════════════════════════════════════════════════════════════════

fn color(ink: Ink) -> Color {
    Color::Rgb(Rgb {
        r: ink.0,
        g: ink.1,
        b: ink.2,
        icc_profile: None,
    })
}

fn emit(
    letter: &Letter,
    fonts: &Fonts,
    pages: Vec<Page>,
    used: [bool; 3],
    images: Vec<Arc<PreparedImage>>,
) -> Result<Vec<u8>, PdfError> {
    let title = if letter.title.trim().is_empty() {
        letter.subject.trim()
    } else {
        letter.title.trim()
    };
    let mut doc = PdfDocument::new(title);
    let date = printpdf::OffsetDateTime::from_unix_timestamp(letter.created.timestamp())
        .map_err(|e| PdfError::Render(format!("date de création invalide : {e}")))?;
    let info = &mut doc.metadata.info;
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.author = letter.letterhead.name.trim().to_string();
    info.subject = letter.subject.trim().to_string();
    info.creator = "Reclam".to_string();
    info.producer = "Reclam (printpdf)".to_string();

    // Fixed resource identifiers (instead of the random identifiers of `add_font`); only the
    // fonts actually used are added.
    let font_ids: [Option<FontId>; 3] = std::array::from_fn(|i| {
        used[i].then(|| {
            let id = FontId(format!("F{i}"));
            doc.resources
                .fonts
                .map
                .insert(id.clone(), PdfFont::new(fonts.faces[i].font.clone()));
            id
        })
    });
    let image_ids: Vec<(XObjectId, usize, usize)> = images
        .iter()
        .enumerate()
        .map(|(i, img)| {
            let id = XObjectId(format!("Im{i}"));
            doc.resources
                .xobjects
                .map
                .insert(id.clone(), XObject::External(img.xobject()));
            (id, img.width, img.height)
        })
        .collect();

    let pdf_pages = pages
        .into_iter()
        .map(|page| {
            let mut ops = Vec::with_capacity(page.over.len() * 6 + page.under.len() * 3 + 4);
            let mut fill: Option<Ink> = None;
            let mut set_fill = |ops: &mut Vec<Op>, ink: Ink| {
                if fill != Some(ink) {
                    ops.push(Op::SetFillColor { col: color(ink) });
                    fill = Some(ink);
                }
            };
            for item in page.under.into_iter().chain(page.over) {
                match item {
                    Item::Rect {
                        x,
                        top,
                        w,
                        h,
                        ink,
                        stroke,
                    } => {
                        let mode = match stroke {
                            None => {
                                set_fill(&mut ops, ink);
                                PaintMode::Fill
                            }
                            Some(width) => {
                                ops.push(Op::SetOutlineColor { col: color(ink) });
                                ops.push(Op::SetOutlineThickness { pt: Pt(width) });
                                PaintMode::Stroke
                            }
                        };
                        ops.push(Op::DrawRectangle {
                            rectangle: Rect {
                                x: Pt(x),
                                y: Pt(PAGE_H - top - h),
                                width: Pt(w),
                                height: Pt(h),
                                mode: Some(mode),
                                winding_order: None,
                            },
                        });
                    }
                    Item::Image { slot, x, top, w, h } => {
                        let (id, px_w, px_h) = &image_ids[slot];
                        ops.push(Op::UseXobject {
                            id: id.clone(),
                            transform: XObjectTransform {
                                translate_x: Some(Pt(x)),
                                translate_y: Some(Pt(PAGE_H - top - h)),
                                // At 72 dpi, one pixel is one point: the scale gives the size.
                                dpi: Some(72.0),
                                scale_x: Some(w / *px_w as f32),
                                scale_y: Some(h / *px_h as f32),
                                ..Default::default()
                            },
                        });
                    }
                    Item::Text {
                        x,
                        base,
                        style,
                        size,
                        ink,
                        text,
                    } => {
                        let Some(font) = font_ids[style as usize].clone() else {
                            continue;
                        };
                        set_fill(&mut ops, ink);
                        // `SetTextCursor` is PDF's relative `Td`: one text object per line.
                        ops.push(Op::StartTextSection);
                        ops.push(Op::SetFont {
                            font: PdfFontHandle::External(font),
                            size: Pt(size),
                        });
                        ops.push(Op::SetTextCursor {
                            pos: Point {
                                x: Pt(x),
                                y: Pt(PAGE_H - base),
                            },
                        });
                        ops.push(Op::ShowText {
                            items: vec![TextItem::Text(text)],
                        });
                        ops.push(Op::EndTextSection);
                    }
                }
            }
            PdfPage::new(Mm(210.0), Mm(297.0), ops)
        })
        .collect();
    doc.with_pages(pdf_pages);

    let opts = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        // The images are already prepared and compressed (see `prepared_image`).
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let bytes = doc.save(&opts, &mut warnings);
    if bytes.is_empty() {
        let detail: Vec<String> = warnings.into_iter().map(|w| w.msg).collect();
        return Err(PdfError::Render(detail.join(" ; ")));
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
    fn wrap_respects_width_and_nbsp() {
        let f = fonts().unwrap();
        let text = "Le montant de 1\u{202F}234,56\u{A0}€ vous sera versé « rapidement » par virement bancaire sur votre compte habituel.";
        let max = mm(60.0);
        let lines = f.wrap(text, Style::Regular, BODY, max);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(l.width <= max + 0.01, "{l:?}");
            assert!(
                (f.width(&l.text, Style::Regular, BODY) - l.width).abs() < 0.05,
                "{l:?}"
            );
        }
        assert!(lines
            .iter()
            .any(|l| l.text.contains("1\u{202F}234,56\u{A0}€")));
        let joined: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn long_word_is_broken_not_overflowing() {
        let f = fonts().unwrap();
        let word = "https://www.mediation-assurance.org/".to_string() + &"x".repeat(200);
        let max = mm(50.0);
        let lines = f.wrap(&word, Style::Regular, BODY, max);
        assert!(lines.len() >= 3);
        assert!(lines
            .iter()
            .all(|l| l.width <= max + 0.01 && !l.text.is_empty()));
        assert_eq!(
            lines.iter().map(|l| l.text.as_str()).collect::<String>(),
            word
        );
        // Preferably broken after the last hyphen or the last slash.
        assert_eq!(lines[0].text, "https://www.mediation-");
        assert_eq!(lines[1].text, "assurance.org/");
    }

    #[test]
    fn hard_breaks_and_blank_lines_kept() {
        let f = fonts().unwrap();
        let lines = f.wrap("a\n\nb", Style::Regular, BODY, 100.0);
        let t: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(t, ["a", "", "b"]);
    }

    #[test]
    fn clean_normalises() {
        let f = fonts().unwrap().face(Style::Regular);
        assert_eq!(f.clean("a\r\nb\tc\u{AD}d\u{7}"), "a\nb cd");
        assert_eq!(f.clean("1\u{202F}234"), "1\u{202F}234");
    }
}
