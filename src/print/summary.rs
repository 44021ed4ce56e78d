//! The statistics pages that end a register extract: a heading, then each section's title
//! (kept with its first line) and its label / value lines, zebra-striped.

use super::fonts::Style;
use super::mm;
use super::page::{ACCENT, INK, INK_SOFT, RULE};
use super::table::{
    Composer, SummarySection, Table, BODY_BOTTOM, FRAME, HAIR, MARGIN, THICK, ZEBRA,
};
use super::text::Line;

const SUM_HEADING: f32 = 11.0;
const SUM_TITLE: f32 = 9.0;
const SUM_TEXT: f32 = 8.5;
const SUM_LH: f32 = 11.5;
const SUM_W: f32 = mm(175.0);
const SUM_VALUE_W: f32 = mm(45.0);

impl Composer<'_> {
    pub(super) fn summary(&mut self, t: &Table) {
        let sections: Vec<&SummarySection> = t
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
        for (k, s) in sections.into_iter().enumerate() {
            self.section(s, k > 0);
        }
    }

    fn section(&mut self, s: &SummarySection, after_another: bool) {
        let label_w = SUM_W - SUM_VALUE_W - mm(4.0);
        let title_lh = SUM_LH + 2.0;
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
                let v = self.fonts.one_line(value, Style::Bold);
                let v = self.fonts.ellipsize(v, Style::Bold, SUM_TEXT, SUM_VALUE_W);
                (l, v)
            })
            .collect();
        let title_h = title.len() as f32 * title_lh;
        let first_h = lines
            .first()
            .map_or(0.0, |(l, _)| l.len() as f32 * SUM_LH + 2.0);
        let gap = if after_another { mm(4.0) } else { 0.0 };
        // The title stays with the first line of its section.
        if self.y + gap + title_h + first_h > BODY_BOTTOM {
            self.new_page();
        } else {
            self.y += gap;
        }
        if !title.is_empty() {
            self.put(MARGIN, title, Style::Bold, SUM_TITLE, INK, title_lh);
            self.page.hline(MARGIN, self.y, SUM_W, THICK, FRAME);
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
            let page = &mut self.page;
            if i % 2 == 1 {
                page.fill_under(MARGIN, top, SUM_W, h, ZEBRA);
            }
            page.hline(MARGIN, top + h, SUM_W, HAIR, RULE);
            let x = MARGIN + SUM_W - mm(1.5) - vw;
            page.text(x, top + 1.0 + base, Style::Bold, SUM_TEXT, INK, value);
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
