//! What frames a letter's text: the firm's letterhead, the recipient in the envelope window,
//! references, place and date, subject and salutation on page 1; the header band of the
//! following pages; the footer of every page (legal notices, "Page N / M").
//!
//! The same letterhead heads every document the firm prints (letters, the inspection pack's
//! cover and procedure, the client export).

use super::fonts::{Fonts, Style};
use super::letter::{
    Composer, Letter, Placed, Spacing, BODY, BODY_LH, COL_W, COL_X, CONTENT_W, CONT_TOP, MARGIN_L,
    MARGIN_R, PAGE_H, PAGE_W,
};
use super::mm;
use super::page::{Ink, Page, ACCENT, GREY, INK, INK_SOFT, RULE};
use super::text::Line;

/// Width of the left column on page 1 (letterhead, references).
const LEFT_W: f32 = COL_X - MARGIN_L - mm(6.0);
const LETTERHEAD_TOP: f32 = mm(15.0);
const RECIPIENT_TOP: f32 = mm(50.0);

/// Following pages: header band.
const CONT_HEADER_BASE: f32 = mm(13.0);
const CONT_RULE: f32 = mm(15.5);

/// Baseline of the last footer line.
const FOOTER_BASE: f32 = PAGE_H - mm(12.0);

const NAME_SIZE: f32 = 13.0;
const HEAD_SIZE: f32 = 9.0;
const HEAD_SMALL: f32 = 8.5;
const REF_SIZE: f32 = 9.0;
const FOOTER_SIZE: f32 = 7.5;
const FOOTER_LH: f32 = FOOTER_SIZE * 1.4;

/// The legal notices at the foot of every page, and "Page N / M".
pub(super) struct Footer {
    lines: Vec<Line>,
    /// Lower limit of the body text.
    pub(super) body_bottom: f32,
    /// Rule above the notices; "Page N / M" sits at its right end.
    rule: f32,
}

impl Footer {
    pub(super) fn new(fonts: &Fonts, texts: &[String]) -> Footer {
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

    /// The footer of page `number` of `total`.
    pub(super) fn page(&self, fonts: &Fonts, number: usize, total: usize) -> Page {
        let mut page = Page::default();
        let label = format!("Page {number} / {total}");
        let w = fonts.width(&label, Style::Regular, FOOTER_SIZE);
        let label_x = PAGE_W - MARGIN_R - w;
        // The label is vertically centred on the rule, which stops just before it.
        let base = self.rule + 0.25 + FOOTER_SIZE * 0.36;
        page.text(label_x, base, Style::Regular, FOOTER_SIZE, GREY, label);
        page.fill(MARGIN_L, self.rule, label_x - mm(2.5) - MARGIN_L, 0.5, RULE);
        let n = self.lines.len();
        for (i, line) in self.lines.iter().enumerate() {
            let base = FOOTER_BASE - (n - 1 - i) as f32 * FOOTER_LH;
            let x = MARGIN_L + (CONTENT_W - line.width) / 2.0;
            let text = line.text.clone();
            page.text(x, base, Style::Regular, FOOTER_SIZE, GREY, text);
        }
        page
    }
}

/// A "label: value" pair ready to be placed.
struct Labeled {
    label: String,
    label_style: Style,
    indent: f32,
    lines: Vec<Line>,
}

impl<'a> Composer<'a> {
    pub(super) fn new(
        fonts: &'a Fonts,
        letter: &Letter,
        bottom: f32,
        spacing: Spacing,
    ) -> Composer<'a> {
        let reference = letter
            .reference_lines
            .first()
            .map(|(k, v)| fonts.one_line(&format!("{} : {}", k.trim(), v.trim()), Style::Regular))
            .unwrap_or_default();
        let reference = fonts.ellipsize(reference, Style::Regular, HEAD_SMALL, CONTENT_W * 0.5);
        let reference_w = fonts.width(&reference, Style::Regular, HEAD_SMALL);
        let firm = fonts.one_line(&letter.letterhead.name, Style::Bold);
        let room = CONTENT_W - reference_w - mm(6.0);
        let firm = fonts.ellipsize(firm, Style::Bold, HEAD_SMALL, room);
        Composer {
            fonts,
            pages: vec![Page::default()],
            y: 0.0,
            bottom,
            at_top: true,
            header: (firm, reference, reference_w),
            spacing,
        }
    }

    /// A following page: header band (firm name, first reference), text resumes below it.
    pub(super) fn new_page(&mut self) {
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
        let x = PAGE_W - MARGIN_R - reference_w;
        self.text(
            x,
            CONT_HEADER_BASE,
            Style::Regular,
            HEAD_SMALL,
            GREY,
            reference,
        );
        self.page().fill(MARGIN_L, CONT_RULE, CONTENT_W, 0.5, RULE);
    }

    /// Page 1: letterhead, recipient, references and date, subject, salutation.
    pub(super) fn first_page(&mut self, letter: &Letter, logo: Option<Placed>) {
        let head_bottom = self.letterhead(letter, logo);

        // Recipient, in the envelope window.
        let rec_lh = BODY * 1.3;
        let mut y = RECIPIENT_TOP;
        for line in letter.recipient.iter().filter(|l| !l.trim().is_empty()) {
            let lines = self.wrap(line.trim(), Style::Regular, BODY, COL_W);
            y = self.put(COL_X, y, lines, Style::Regular, BODY, INK, rec_lh);
        }
        let recipient_bottom = y;

        // References on the left, place and date on the right, at the same height.
        let row = self
            .spacing
            .refs_min_top
            .max(recipient_bottom + self.spacing.below_recipient)
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
            let labeled = self.labeled(&label, Style::Regular, value.trim(), REF_SIZE, LEFT_W);
            y = self.put_labeled(MARGIN_L, y, labeled, GREY, REF_SIZE, ref_lh);
        }

        // Subject (bold label, text with a hanging indent), then salutation.
        self.y = date_bottom.max(y) + self.spacing.above_subject;
        self.at_top = false;
        if !letter.subject.trim().is_empty() {
            let labeled = self.labeled(
                "Objet : ",
                Style::Bold,
                letter.subject.trim(),
                BODY,
                CONTENT_W,
            );
            self.keep(labeled.lines.len() as f32 * BODY_LH);
            let y = self.y;
            self.y = self.put_labeled(MARGIN_L, y, labeled, INK, BODY, BODY_LH);
            self.y += BODY_LH;
        }
        if !letter.salutation.trim().is_empty() {
            let salutation = self.wrap(letter.salutation.trim(), Style::Regular, BODY, CONTENT_W);
            self.flow(MARGIN_L, salutation, Style::Regular, BODY, INK, BODY_LH);
        }
    }

    /// The letterhead: logo on the left, name, address and contacts to its right. Returns its
    /// bottom.
    fn letterhead(&mut self, letter: &Letter, logo: Option<Placed>) -> f32 {
        let head = &letter.letterhead;
        let mut text_x = MARGIN_L;
        let mut head_bottom = LETTERHEAD_TOP;
        if let Some(logo) = logo {
            self.page()
                .image(logo.slot, MARGIN_L, LETTERHEAD_TOP, logo.w, logo.h);
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
        let w = width_at(top, 2.0, name_lh);
        let lines = self.wrap(head.name.trim(), Style::Bold, NAME_SIZE, w);
        let mut y = self.put(text_x, top, lines, Style::Bold, NAME_SIZE, ACCENT, name_lh) + 1.5;
        let head_lh = HEAD_SIZE * 1.32;
        for line in head.address.iter().filter(|l| !l.trim().is_empty()) {
            let w = width_at(y, 1.0, head_lh);
            let lines = self.wrap(line.trim(), Style::Regular, HEAD_SIZE, w);
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
        head_bottom.max(y)
    }

    /// A "label: value" pair: the label (at most half the width), then the value broken into
    /// lines with a hanging indent after it.
    fn labeled(
        &self,
        label: &str,
        label_style: Style,
        value: &str,
        size: f32,
        max_w: f32,
    ) -> Labeled {
        let label = self.fonts.one_line(label, label_style);
        let label = self
            .fonts
            .ellipsize(label + " ", label_style, size, max_w * 0.5);
        let indent = self.fonts.width(&label, label_style, size);
        let mut lines = self.wrap(value, Style::Regular, size, max_w - indent);
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
    fn put_labeled(
        &mut self,
        x: f32,
        top: f32,
        labeled: Labeled,
        label_ink: Ink,
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
        self.put(x + indent, top, lines, Style::Regular, size, INK, lh)
    }
}
