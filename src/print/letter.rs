//! Layout of letters: French business letter, A4 portrait.
//!
//! [`render`] takes an already written [`Letter`] (final texts, salutation and closing included)
//! and returns the bytes of a PDF ready to print and slip into a window envelope (DL/C5, window
//! on the right):
//!
//! * page 1: firm letterhead at top left, recipient block 110 mm from the left edge and 50 mm
//!   from the top, references and "place, date", subject and salutation (`letterhead.rs`);
//!   then the body, the closing and the signature block in the right half;
//! * following pages: a header band (firm name, reference), text resumes at 25 mm;
//! * footer on every page: centred legal notices and "Page N / M".
//!
//! A letter that can fit on one page stays on one page: when the normal spacing needs a second
//! page, the layout is tried again with tighter optional spacing (space around the references,
//! between paragraphs, inside the notice box, left for a handwritten signature). The closing is
//! kept with the end of the last block, so a following page never holds the closing and the
//! signature alone. A paragraph never leaves a single line at the bottom or top of a page; a
//! notice box ([`Block::Notice`]) is never split if it fits on one page.

use std::sync::Arc;

use super::fonts::{fonts, Fonts, Style};
use super::image::{prepared_image, PreparedImage};
use super::mm;
use super::page::{Ink, Page, ACCENT, INK, INK_SOFT};
use super::pdf::{Meta, Writer};
use super::text::Line;
use super::PrintError;

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

// ── Geometry (PDF points, y measured from the TOP of the page) ──────────────────────────────

pub(super) const PAGE_W: f32 = mm(210.0);
pub(super) const PAGE_H: f32 = mm(297.0);
pub(super) const MARGIN_L: f32 = mm(20.0);
pub(super) const MARGIN_R: f32 = mm(20.0);
pub(super) const CONTENT_W: f32 = PAGE_W - MARGIN_L - MARGIN_R;
/// Right column: recipient (window), place and date, signature.
pub(super) const COL_X: f32 = mm(110.0);
pub(super) const COL_W: f32 = mm(85.0);

const LOGO_MAX_H: f32 = mm(18.0);
const LOGO_MAX_W: f32 = mm(45.0);
const SIGNATURE_MAX_H: f32 = mm(20.0);
const SIGNATURE_MAX_W: f32 = mm(50.0);
/// Space above the signature image.
const SIGNATURE_GAP: f32 = mm(3.5);

/// Following pages: the text resumes here, below the header band.
pub(super) const CONT_TOP: f32 = mm(25.0);

pub(super) const BODY: f32 = 10.5;
pub(super) const BODY_LH: f32 = BODY * 1.35;
const NOTICE_SIZE: f32 = 10.0;
const NOTICE_BAR: f32 = mm(1.2);
const TITLE_SIZE: f32 = 9.5;
const TITLE_LH: f32 = TITLE_SIZE * 1.35;

const NOTICE_FILL: Ink = Ink(0.953, 0.958, 0.970);
const NOTICE_BORDER: Ink = Ink(0.80, 0.82, 0.87);

/// The optional spaces of a letter: the normal ones, and tighter ones tried when the normal
/// ones would push a letter onto a second page.
#[derive(Debug, Clone, Copy)]
pub(super) struct Spacing {
    /// Lowest top of the references / date row, and its distance below the recipient block.
    pub(super) refs_min_top: f32,
    pub(super) below_recipient: f32,
    /// Between the references and the subject.
    pub(super) above_subject: f32,
    pub(super) para_gap: f32,
    pub(super) notice_pad: f32,
    /// Space left for a handwritten signature when there is no image.
    signature_blank: f32,
}

const NORMAL: Spacing = Spacing {
    refs_min_top: mm(90.0),
    below_recipient: mm(9.0),
    above_subject: mm(6.5),
    para_gap: BODY_LH * 0.55,
    notice_pad: mm(3.5),
    signature_blank: mm(15.0),
};

const TIGHT: Spacing = Spacing {
    refs_min_top: mm(82.0),
    below_recipient: mm(6.0),
    above_subject: mm(4.5),
    para_gap: BODY_LH * 0.35,
    notice_pad: mm(2.5),
    signature_blank: mm(12.0),
};

/// An image placed by the layout: its slot in the writer and its display size.
#[derive(Clone, Copy)]
pub(super) struct Placed {
    pub(super) slot: usize,
    pub(super) w: f32,
    pub(super) h: f32,
}

/// Lays out the letter and returns the PDF bytes.
pub fn render(letter: &Letter) -> Result<Vec<u8>, PrintError> {
    let fonts = fonts()?;
    let mut images: Vec<Arc<PreparedImage>> = Vec::new();
    let mut place = |what, png: &Option<Vec<u8>>, max_w, max_h| -> Result<_, PrintError> {
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

    let mut pages = layout(fonts, letter, logo, signature, &NORMAL);
    if pages.len() > 1 {
        let tight = layout(fonts, letter, logo, signature, &TIGHT);
        if tight.len() < pages.len() {
            pages = tight;
        }
    }

    let mut writer = Writer::new(Vec::new(), PAGE_W, PAGE_H)?;
    for img in &images {
        writer.add_image(img)?;
    }
    for page in &pages {
        writer.add_page(page)?;
    }
    let footer = super::letterhead::Footer::new(fonts, &letter.footer);
    let title = if letter.title.trim().is_empty() {
        &letter.subject
    } else {
        &letter.title
    };
    let meta = Meta {
        title: title.trim().to_owned(),
        author: letter.letterhead.name.trim().to_owned(),
        subject: letter.subject.trim().to_owned(),
        created: letter.created,
    };
    writer.finish(&meta, |n, total| footer.page(fonts, n, total))
}

fn layout(
    fonts: &Fonts,
    letter: &Letter,
    logo: Option<Placed>,
    signature: Option<Placed>,
    spacing: &Spacing,
) -> Vec<Page> {
    let bottom = super::letterhead::Footer::new(fonts, &letter.footer).body_bottom;
    let mut c = Composer::new(fonts, letter, bottom, *spacing);
    c.first_page(letter, logo);
    c.body(letter, signature);
    c.pages
}

/// A body block, already broken into lines.
enum Prepared {
    Para {
        lines: Vec<Line>,
        style: Style,
    },
    Notice {
        title: Vec<Line>,
        paragraphs: Vec<Vec<Line>>,
    },
}

/// The closing formula and the signature block, measured.
struct Tail {
    closing: Vec<Line>,
    name: Vec<Line>,
    title: Vec<Line>,
    /// Height of the signature block (image or blank space, name, title).
    sig_h: f32,
}

impl Tail {
    fn height(&self) -> f32 {
        self.closing.len() as f32 * BODY_LH + self.sig_h
    }
}

pub(super) struct Composer<'a> {
    pub(super) fonts: &'a Fonts,
    pub(super) pages: Vec<Page>,
    /// Top of the next line, on the current page.
    pub(super) y: f32,
    pub(super) bottom: f32,
    /// Nothing has been placed in the flow of the current page yet.
    pub(super) at_top: bool,
    /// Header band of the following pages: firm name, first reference and its width.
    pub(super) header: (String, String, f32),
    pub(super) spacing: Spacing,
}

impl<'a> Composer<'a> {
    pub(super) fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("au moins une page")
    }

    pub(super) fn text(
        &mut self,
        x: f32,
        base: f32,
        style: Style,
        size: f32,
        ink: Ink,
        text: String,
    ) {
        self.page().text(x, base, style, size, ink, text);
    }

    pub(super) fn wrap(&self, s: &str, style: Style, size: f32, max_w: f32) -> Vec<Line> {
        self.fonts
            .wrap(&self.fonts.face(style).clean(s), style, size, max_w)
    }

    /// Places lines from `top`, outside the flow; returns the bottom of the block.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn put(
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

    /// Vertical space between two blocks, dropped at the top of a page.
    fn gap(&mut self, g: f32) {
        if !self.at_top {
            self.y += g;
        }
    }

    /// Moves to the next page if `h` does not fit in the remaining space but would fit on a
    /// fresh page.
    pub(super) fn keep(&mut self, h: f32) {
        if h > self.room() + 0.01 && h <= self.capacity() && !self.at_top {
            self.new_page();
        }
    }

    /// Places lines in the flow, over as many pages as needed, never leaving a single line at
    /// the bottom (orphan) or at the top (widow) of a page.
    pub(super) fn flow(
        &mut self,
        x: f32,
        lines: Vec<Line>,
        style: Style,
        size: f32,
        ink: Ink,
        lh: f32,
    ) {
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

    // ── Body, closing, signature ────────────────────────────────────────────────────────────

    /// Every block broken into lines (one measurement per character), blank ones dropped.
    fn prepare(&self, body: &[Block]) -> Vec<Prepared> {
        let notice_inner = CONTENT_W - NOTICE_BAR - 2.0 * self.spacing.notice_pad;
        let para = |text: &str, style| {
            let lines = self.wrap(text.trim(), style, BODY, CONTENT_W);
            (!lines.iter().all(|l| l.text.is_empty())).then_some(Prepared::Para { lines, style })
        };
        body.iter()
            .filter_map(|block| match block {
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
            })
            .collect()
    }

    fn tail(&self, letter: &Letter, signature: Option<Placed>) -> Tail {
        let non_blank = |lines: Vec<Line>| {
            if lines.iter().all(|l| l.text.is_empty()) {
                Vec::new()
            } else {
                lines
            }
        };
        let sig = &letter.signature;
        let closing = non_blank(self.wrap(letter.closing.trim(), Style::Regular, BODY, CONTENT_W));
        let name = self.wrap(sig.name.trim(), Style::Bold, BODY, COL_W);
        let title = non_blank(self.wrap(sig.title.trim(), Style::Regular, TITLE_SIZE, COL_W));
        let space_above = match signature {
            Some(img) => SIGNATURE_GAP + img.h + mm(1.5),
            None => self.spacing.signature_blank,
        };
        let sig_h = space_above + name.len() as f32 * BODY_LH + title.len() as f32 * TITLE_LH;
        Tail {
            closing,
            name,
            title,
            sig_h,
        }
    }

    pub(super) fn body(&mut self, letter: &Letter, signature: Option<Placed>) {
        let tail = self.tail(letter, signature);
        let gap = self.spacing.para_gap;
        let tail_h = gap + tail.height();
        let mut prepared = self.prepare(&letter.body).into_iter().peekable();
        while let Some(block) = prepared.next() {
            let last = prepared.peek().is_none();
            match block {
                Prepared::Para { lines, style } => {
                    self.gap(gap);
                    if style == Style::Bold {
                        // A subheading stays with the first two lines of what follows.
                        let next = match prepared.peek() {
                            Some(Prepared::Para { lines, .. }) => {
                                lines.len().min(2) as f32 * BODY_LH + gap
                            }
                            _ => 0.0,
                        };
                        self.keep(lines.len() as f32 * BODY_LH + next);
                    }
                    if last {
                        self.last_para(lines, style, tail_h);
                    } else {
                        self.flow(MARGIN_L, lines, style, BODY, INK, BODY_LH);
                    }
                }
                Prepared::Notice { title, paragraphs } => {
                    self.gap(gap + 3.0);
                    self.notice(title, paragraphs, if last { tail_h } else { 0.0 });
                    self.gap(3.0);
                }
            }
        }
        self.closing_and_signature(tail, signature);
    }

    /// The last paragraph: if it fits on this page but the closing does not fit after it, its
    /// last two lines (all of it when short) go to the next page with the closing.
    fn last_para(&mut self, mut lines: Vec<Line>, style: Style, tail_h: f32) {
        let h = lines.len() as f32 * BODY_LH;
        let fits = h <= self.room() + 0.01;
        let tail_fits = h + tail_h <= self.room() + 0.01;
        if fits && !tail_fits && tail_h <= self.capacity() && !self.at_top {
            let carried = if lines.len() >= 4 { 2 } else { lines.len() };
            let rest = lines.split_off(lines.len() - carried);
            if !lines.is_empty() {
                self.flow(MARGIN_L, lines, style, BODY, INK, BODY_LH);
            }
            self.new_page();
            lines = rest;
        }
        self.flow(MARGIN_L, lines, style, BODY, INK, BODY_LH);
    }

    fn closing_and_signature(&mut self, tail: Tail, signature: Option<Placed>) {
        let Tail {
            closing,
            name,
            title,
            sig_h,
        } = tail;
        self.gap(self.spacing.para_gap);
        self.keep(closing.len() as f32 * BODY_LH + sig_h);
        self.flow(MARGIN_L, closing, Style::Regular, BODY, INK, BODY_LH);
        if sig_h > self.room() + 0.01 && !self.at_top {
            self.new_page();
        }
        let mut y = self.y;
        match signature {
            Some(img) => {
                let top = y + SIGNATURE_GAP;
                self.page().image(img.slot, COL_X, top, img.w, img.h);
                y = top + img.h + mm(1.5);
            }
            None => y += self.spacing.signature_blank,
        }
        y = self.put(COL_X, y, name, Style::Bold, BODY, INK, BODY_LH);
        y = self.put(
            COL_X,
            y,
            title,
            Style::Regular,
            TITLE_SIZE,
            INK_SOFT,
            TITLE_LH,
        );
        self.y = y;
        self.at_top = false;
    }

    /// Notice box: grey background, thin border, accent bar on the left. Moves whole to the
    /// next page if it fits on one page (with `tail_h` below it: what must follow it on the same
    /// page); otherwise (extreme case) continues on the next one, each piece having its own frame.
    fn notice(&mut self, title: Vec<Line>, paragraphs: Vec<Vec<Line>>, tail_h: f32) {
        let pad = self.spacing.notice_pad;
        let notice_lh = NOTICE_SIZE * 1.35;
        // Rows: (line, style, size, line height, space before).
        let mut rows: Vec<(Line, Style, f32, f32, f32)> = Vec::new();
        for line in title {
            rows.push((line, Style::Bold, BODY, BODY_LH, 0.0));
        }
        for (i, p) in paragraphs.into_iter().enumerate() {
            let gap = match (i, rows.is_empty()) {
                (0, true) => 0.0,
                (0, false) => 2.5,
                _ => 4.0,
            };
            for (j, line) in p.into_iter().enumerate() {
                let before = if j == 0 { gap } else { 0.0 };
                rows.push((line, Style::Regular, NOTICE_SIZE, notice_lh, before));
            }
        }
        if rows.is_empty() {
            return;
        }
        let h: f32 = 2.0 * pad + rows.iter().map(|r| r.3 + r.4).sum::<f32>();
        if h + 3.0 + tail_h <= self.capacity() {
            self.keep(h + 3.0 + tail_h);
        } else {
            self.keep(h);
        }

        let x = MARGIN_L + NOTICE_BAR + pad;
        let mut seg_top = self.y;
        self.y += pad;
        self.at_top = false;
        let mut first_in_segment = true;
        for (line, style, size, lh, gap) in rows {
            let gap = if first_in_segment { 0.0 } else { gap };
            if self.y + gap + lh > self.bottom - pad {
                self.notice_frame(seg_top, self.y + pad);
                self.new_page();
                seg_top = self.y;
                self.y += pad;
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
        self.y += pad;
        self.notice_frame(seg_top, self.y);
    }

    fn notice_frame(&mut self, top: f32, bottom: f32) {
        let h = bottom - top;
        let page = self.page();
        page.fill_under(MARGIN_L, top, CONTENT_W, h, NOTICE_FILL);
        page.under.push(super::page::Item::Rect {
            x: MARGIN_L,
            top,
            w: CONTENT_W,
            h,
            ink: NOTICE_BORDER,
            stroke: Some(0.5),
        });
        page.fill_under(MARGIN_L, top, NOTICE_BAR, h, ACCENT);
    }
}
