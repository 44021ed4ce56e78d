//! Layout of the register extract: a paginated table of complaints, A4 landscape.
//!
//! [`render_to`] takes an already prepared [`Table`] (final texts, in French) and its rows, and
//! writes a PDF meant to be handed to an inspector (ACPR) or archived:
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
//! * then the statistics page(s) ([`Table::summary`]): section titles in bold, label/value
//!   lines.
//!
//! One linear pass over the rows, which may come from an iterator: each cell is measured and
//! wrapped once, and each finished page goes to a second thread that writes it out (content
//! stream, compression), so memory stays flat however long the register, and both cores work.

use std::io::Write;
use std::sync::mpsc::{sync_channel, SyncSender};

use super::fonts::{fonts, Fonts, Style};
use super::mm;
use super::page::{Ink, Page, ACCENT, GREY, INK, INK_SOFT, RULE};
use super::pdf::{Meta, Writer};
use super::text::Line;
use super::PrintError;

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

/// A section of the statistics page(s) (laid out by `summary.rs`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SummarySection {
    pub title: String,
    /// (label, value), e.g. `("Reçues", "1 234")`.
    pub lines: Vec<(String, String)>,
}

/// A register extract, ready for layout (its rows are given apart, see [`render_to`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
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
    /// Some row has a late cell: page 1 explains the marker.
    pub late_legend: bool,
    /// Statistics page(s) at the end. Empty: no statistics page.
    pub summary: Vec<SummarySection>,
    /// Creation and modification date of the document (PDF metadata).
    pub created: chrono::DateTime<chrono::Utc>,
}

// ── Geometry (PDF points, y measured from the TOP of the page) ──────────────────────────────

const PAGE_W: f32 = mm(297.0);
const PAGE_H: f32 = mm(210.0);
pub(super) const MARGIN: f32 = mm(10.0);
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;

/// First page: top of the title.
const FIRST_TOP: f32 = mm(9.0);
/// Following pages: baseline of the compact header, its rule, top of the table.
const CONT_HEADER_BASE: f32 = mm(11.0);
const CONT_RULE: f32 = mm(12.8);
const CONT_TOP: f32 = mm(15.0);
/// Lower limit of the table and of the summary.
pub(super) const BODY_BOTTOM: f32 = PAGE_H - mm(11.5);
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

pub(super) const FRAME: Ink = Ink(0.62, 0.64, 0.68);
const HEADER_FILL: Ink = Ink(0.885, 0.895, 0.915);
pub(super) const ZEBRA: Ink = Ink(0.962, 0.966, 0.975);
const LATE_INK: Ink = Ink(0.62, 0.07, 0.07);
const LATE_FILL: Ink = Ink(0.995, 0.925, 0.925);

/// Hairline thickness (grid) and frame thickness.
pub(super) const HAIR: f32 = 0.35;
pub(super) const THICK: f32 = 0.6;

/// Pages laid out ahead of the writing thread, at most.
const PAGES_AHEAD: usize = 4;

/// Lays out the extract and returns the PDF bytes.
pub fn render<I: IntoIterator<Item = Vec<Cell>>>(
    t: &Table,
    rows: I,
) -> Result<Vec<u8>, PrintError> {
    render_to(t, rows, Vec::new())
}

/// Lays out the extract and writes it to `out` as it goes; returns `out`.
pub fn render_to<W, I>(t: &Table, rows: I, out: W) -> Result<W, PrintError>
where
    W: Write + Send,
    I: IntoIterator<Item = Vec<Cell>>,
{
    let fonts = fonts()?;
    if t.columns.is_empty() {
        return Err(PrintError::NoColumns);
    }
    let writer = Writer::new(out, PAGE_W, PAGE_H)?;
    let (tx, rx) = sync_channel::<Page>(PAGES_AHEAD);
    let (laid, written) = std::thread::scope(|scope| {
        let writing = scope.spawn(move || -> Result<Writer<W>, PrintError> {
            let mut writer = writer;
            for page in rx {
                writer.add_page(&page)?;
            }
            Ok(writer)
        });
        let laid = lay_out(fonts, t, rows, tx);
        let written = writing
            .join()
            .unwrap_or_else(|_| Err(PrintError::Render("écriture interrompue".to_owned())));
        (laid, written)
    });
    let writer = written?;
    laid?;

    let left = fonts.one_line(&t.made, Style::Regular);
    let left = fonts.ellipsize(left, Style::Regular, FOOTER, CONTENT_W * 0.6);
    let meta = Meta {
        title: t.title.trim().to_owned(),
        author: t.firm.trim().to_owned(),
        subject: t.period.trim().to_owned(),
        created: t.created,
    };
    writer.finish(&meta, |n, total| footer(fonts, &left, n, total))
}

/// Lays out every page, handing each finished one to `tx`. A closed channel means the writer
/// failed: layout stops and the writer's error is reported.
fn lay_out<I: IntoIterator<Item = Vec<Cell>>>(
    fonts: &Fonts,
    t: &Table,
    rows: I,
    tx: SyncSender<Page>,
) -> Result<(), PrintError> {
    let mut c = Composer::new(fonts, t, tx);
    c.first_page(t);
    c.table(t, rows)?;
    c.summary(t);
    c.finish_page();
    Ok(())
}

fn footer(fonts: &Fonts, left: &str, number: usize, total: usize) -> Page {
    let mut page = Page::default();
    let label = format!("Page {number} / {total}");
    let w = fonts.width(&label, Style::Regular, FOOTER);
    page.hline(MARGIN, FOOTER_RULE, CONTENT_W, HAIR, RULE);
    let left = left.to_owned();
    page.text(MARGIN, FOOTER_BASE, Style::Regular, FOOTER, GREY, left);
    let x = PAGE_W - MARGIN - w;
    page.text(x, FOOTER_BASE, Style::Regular, FOOTER, GREY, label);
    page
}

/// A cell, measured and wrapped.
struct CellBox {
    lines: Vec<Line>,
    style: Style,
    ink: Ink,
    late: bool,
    /// Truncation note (grey, last line of the cell), when the row was taller than a page.
    note: Option<String>,
}

pub(super) struct Composer<'a> {
    pub(super) fonts: &'a Fonts,
    pub(super) page: Page,
    tx: SyncSender<Page>,
    /// The writer stopped (its error is reported by `render_to`).
    closed: bool,
    /// Left edge and width of each column.
    cols: Vec<(f32, f32)>,
    /// Header row cells (wrapped titles) and its height.
    head: Vec<Vec<Line>>,
    head_h: f32,
    /// Compact header of the following pages: title, " · period", firm (already fitted).
    cont: (String, String, String),
    /// Top of the next row / line, on the current page.
    pub(super) y: f32,
    /// The table has started on the current page (header row drawn) and where.
    table_top: Option<f32>,
    /// Number of rows truncated because taller than a page.
    truncated: usize,
    /// Prefix of late cells: "⚠ " if the bold face has the glyph, else "(retard) ".
    late_marker: &'static str,
}

impl<'a> Composer<'a> {
    fn new(fonts: &'a Fonts, t: &Table, tx: SyncSender<Page>) -> Composer<'a> {
        let cols = column_edges(&t.columns);
        let head: Vec<Vec<Line>> = t
            .columns
            .iter()
            .zip(&cols)
            .map(|(c, &(_, w))| {
                let title = fonts.face(Style::Bold).clean(c.title.trim());
                fonts.wrap(&title, Style::Bold, HEAD, (w - 2.0 * PAD_X).max(1.0))
            })
            .collect();
        let head_lines = head.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let late_marker = if fonts.face(Style::Bold).em('⚠').is_some() {
            "⚠ "
        } else {
            "(retard) "
        };
        Composer {
            fonts,
            page: Page::with_capacity(2048),
            tx,
            closed: false,
            cols,
            head,
            head_h: head_lines as f32 * BODY_LH + 2.0 * PAD_Y + 1.0,
            cont: continuation_header(fonts, t),
            y: FIRST_TOP,
            table_top: None,
            truncated: 0,
            late_marker,
        }
    }

    /// Places wrapped lines from `self.y` (outside any page break logic).
    pub(super) fn put(
        &mut self,
        x: f32,
        lines: Vec<Line>,
        style: Style,
        size: f32,
        ink: Ink,
        lh: f32,
    ) {
        let base = self.fonts.baseline(size, lh);
        for line in lines {
            self.page
                .text(x, self.y + base, style, size, ink, line.text);
            self.y += lh;
        }
    }

    pub(super) fn wrap(&self, s: &str, style: Style, size: f32, max_w: f32) -> Vec<Line> {
        self.fonts.wrap_clean(s, style, size, max_w)
    }

    /// Hands the current page to the writer.
    fn finish_page(&mut self) {
        let page = std::mem::replace(&mut self.page, Page::with_capacity(2048));
        if !self.closed && self.tx.send(page).is_err() {
            self.closed = true;
        }
    }

    // ── Page 1 header ────────────────────────────────────────────────────────────────────────

    /// Page 1 header, in two columns: title, firm, period and filters on the left; "made by",
    /// journal chain head and the legend of the late marker on the right (right-aligned).
    fn first_page(&mut self, t: &Table) {
        self.y = FIRST_TOP;
        let l = self.wrap(&t.title, Style::Bold, TITLE, CONTENT_W);
        self.put(MARGIN, l, Style::Bold, TITLE, ACCENT, TITLE_LH);
        self.y += 1.0;
        let top = self.y;

        // Right column, measured first: the left column takes the remaining width.
        let mut right: Vec<(Line, f32, Ink, f32)> = Vec::new();
        for l in self.wrap(&t.made, Style::Regular, INFO, FIRST_RIGHT_W) {
            right.push((l, INFO, INK_SOFT, INFO_LH));
        }
        if let Some(chain) = &t.chain_head {
            for l in self.wrap(chain, Style::Regular, SMALL, FIRST_RIGHT_W) {
                right.push((l, SMALL, GREY, SMALL_LH));
            }
        }
        let right_w = right.iter().map(|r| r.0.width).fold(0.0, f32::max);
        let legend = t.late_legend.then(|| {
            let marker = self.late_marker.trim_end().to_string();
            let text = "en rouge : étape hors délai".to_string();
            let mw = self.fonts.width(&marker, Style::Bold, SMALL) + 2.5;
            let tw = self.fonts.width(&text, Style::Regular, SMALL);
            (marker, text, mw, tw)
        });
        let right_w = right_w.max(legend.as_ref().map_or(0.0, |l| l.2 + l.3));
        let left_w = CONTENT_W - right_w - mm(8.0);

        let filters = match t.filters.as_deref().map(str::trim) {
            Some(f) if !f.is_empty() => f.to_string(),
            _ => "Filtres : aucun".to_string(),
        };
        for (text, style) in [
            (&t.firm, Style::Bold),
            (&t.period, Style::Regular),
            (&filters, Style::Regular),
        ] {
            let l = self.wrap(text, style, INFO, left_w);
            self.put(MARGIN, l, style, INFO, INK, INFO_LH);
        }
        let left_bottom = self.y;

        let mut y = top;
        let right_edge = MARGIN + CONTENT_W;
        for (line, size, ink, lh) in right {
            let base = y + self.fonts.baseline(size, lh);
            let x = right_edge - line.width;
            self.page
                .text(x, base, Style::Regular, size, ink, line.text);
            y += lh;
        }
        if let Some((marker, text, mw, tw)) = legend {
            let base = y + self.fonts.baseline(SMALL, SMALL_LH);
            let x = right_edge - mw - tw;
            self.page
                .text(x, base, Style::Bold, SMALL, LATE_INK, marker);
            self.page
                .text(x + mw, base, Style::Regular, SMALL, GREY, text);
            y += SMALL_LH;
        }
        self.y = left_bottom.max(y) + mm(2.5);
    }

    pub(super) fn new_page(&mut self) {
        self.close_table();
        self.finish_page();
        let (title, period, firm) = self.cont.clone();
        let title_w = self.fonts.width(&title, Style::Bold, CONT_HEAD);
        let firm_w = self.fonts.width(&firm, Style::Regular, CONT_HEAD);
        let page = &mut self.page;
        page.text(
            MARGIN,
            CONT_HEADER_BASE,
            Style::Bold,
            CONT_HEAD,
            ACCENT,
            title,
        );
        let x = MARGIN + title_w;
        page.text(
            x,
            CONT_HEADER_BASE,
            Style::Regular,
            CONT_HEAD,
            INK_SOFT,
            period,
        );
        let x = PAGE_W - MARGIN - firm_w;
        page.text(x, CONT_HEADER_BASE, Style::Regular, CONT_HEAD, GREY, firm);
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
        self.page
            .fill_under(MARGIN, top, CONTENT_W, self.head_h, HEADER_FILL);
        for (&(x, _), lines) in self.cols.iter().zip(&self.head) {
            let mut y = top + PAD_Y + base;
            for l in lines {
                self.page
                    .text(x + PAD_X, y, Style::Bold, HEAD, INK, l.text.clone());
                y += BODY_LH;
            }
        }
        self.y = top + self.head_h;
    }

    /// Draws the column separators and the frame of the table on the current page.
    fn close_table(&mut self) {
        let Some(top) = self.table_top.take() else {
            return;
        };
        let bottom = self.y;
        let head_bottom = top + self.head_h;
        let page = &mut self.page;
        for &(x, _) in self.cols.iter().skip(1) {
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

    fn measure_cell(&self, cell: &Cell, w: f32, max_lines: usize) -> CellBox {
        let inner = (w - 2.0 * PAD_X).max(1.0);
        let (style, ink) = if cell.late {
            (Style::Bold, LATE_INK)
        } else {
            (Style::Regular, INK)
        };
        let mut text = self.fonts.face(style).clean(cell.text.trim());
        if cell.late {
            text.insert_str(0, self.late_marker);
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
        }
        CellBox {
            lines,
            style,
            ink,
            late: cell.late,
            note,
        }
    }

    fn measure(&mut self, row: &[Cell]) -> (Vec<CellBox>, f32) {
        let max_lines = self.max_lines();
        let cells: Vec<CellBox> = row
            .iter()
            .zip(&self.cols)
            .map(|(cell, &(_, w))| self.measure_cell(cell, w, max_lines))
            .collect();
        if cells.iter().any(|c| c.note.is_some()) {
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

    fn table<I: IntoIterator<Item = Vec<Cell>>>(
        &mut self,
        t: &Table,
        rows: I,
    ) -> Result<(), PrintError> {
        let columns = t.columns.len();
        let mut count = 0;
        for (i, row) in rows.into_iter().enumerate() {
            if row.len() != columns {
                return Err(PrintError::RowWidth {
                    row: i + 1,
                    cells: row.len(),
                    columns,
                });
            }
            if self.closed {
                return Ok(());
            }
            let (cells, h) = self.measure(&row);
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
            count += 1;
        }
        if count == 0 {
            self.start_table();
            let base = self.fonts.baseline(BODY, BODY_LH);
            let none = "Aucune réclamation ne correspond aux critères de cet extrait.".to_string();
            let y = self.y + PAD_Y + base;
            self.page
                .text(MARGIN + PAD_X, y, Style::Regular, BODY, GREY, none);
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
        Ok(())
    }

    fn draw_row(&mut self, index: usize, cells: Vec<CellBox>, h: f32) {
        let top = self.y;
        let base = self.fonts.baseline(BODY, BODY_LH);
        let page = &mut self.page;
        if index % 2 == 1 {
            page.fill_under(MARGIN, top, CONTENT_W, h, ZEBRA);
        }
        for (cell, &(x, w)) in cells.iter().zip(&self.cols) {
            if cell.late {
                page.fill_under(x, top, w, h, LATE_FILL);
            }
        }
        page.hline(MARGIN, top + h, CONTENT_W, HAIR, RULE);
        for (cell, &(x, _)) in cells.into_iter().zip(&self.cols) {
            let mut y = top + PAD_Y + base;
            for l in cell.lines {
                page.text(x + PAD_X, y, cell.style, BODY, cell.ink, l.text);
                y += BODY_LH;
            }
            if let Some(note) = cell.note {
                page.text(x + PAD_X, y, Style::Regular, BODY, GREY, note);
            }
        }
        self.y = top + h;
    }
}

/// Left edge and width of each column: scaled to fill the usable width; non-positive widths
/// count as an average column.
fn column_edges(columns: &[Column]) -> Vec<(f32, f32)> {
    let n = columns.len() as f32;
    let positive: f32 = columns.iter().map(|c| c.width_mm.max(0.0)).sum();
    let avg = if positive > 0.0 { positive / n } else { 1.0 };
    let raw: Vec<f32> = columns
        .iter()
        .map(|c| if c.width_mm > 0.0 { c.width_mm } else { avg })
        .collect();
    let scale = CONTENT_W / raw.iter().sum::<f32>();
    let mut x = MARGIN;
    raw.iter()
        .map(|w| {
            let col = (x, w * scale);
            x += w * scale;
            col
        })
        .collect()
}

/// Compact header of the following pages: "title · period" on the left, the firm on the right
/// (the firm gives way first, the period next).
fn continuation_header(fonts: &Fonts, t: &Table) -> (String, String, String) {
    let title = fonts.one_line(&t.title, Style::Bold);
    let title = fonts.ellipsize(title, Style::Bold, CONT_HEAD, CONTENT_W * 0.4);
    let title_w = fonts.width(&title, Style::Bold, CONT_HEAD);
    let period = fonts.one_line(&t.period, Style::Regular);
    let period = if period.is_empty() {
        period
    } else {
        format!("  ·  {period}")
    };
    let period = fonts.ellipsize(period, Style::Regular, CONT_HEAD, CONTENT_W * 0.9 - title_w);
    let period_w = fonts.width(&period, Style::Regular, CONT_HEAD);
    let firm = fonts.one_line(&t.firm, Style::Regular);
    let room = (CONTENT_W - title_w - period_w - mm(8.0)).max(0.0);
    let firm = fonts.ellipsize(firm, Style::Regular, CONT_HEAD, room);
    let firm = if firm == "…" { String::new() } else { firm };
    (title, period, firm)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(columns: usize) -> Table {
        Table {
            title: "Registre".into(),
            firm: "Cabinet".into(),
            period: "2026".into(),
            filters: None,
            made: "Extrait".into(),
            chain_head: None,
            columns: (0..columns)
                .map(|i| Column {
                    title: format!("C{i}"),
                    width_mm: 10.0,
                })
                .collect(),
            late_legend: false,
            summary: vec![],
            created: chrono::DateTime::default(),
        }
    }

    #[test]
    fn rows_of_the_wrong_width_are_refused() {
        let cell = |t: &str| Cell {
            text: t.into(),
            late: false,
        };
        let err = render(&table(2), vec![vec![cell("a"), cell("b")], vec![cell("c")]]).unwrap_err();
        assert_eq!(err.code(), "pdfRowWidth");
        assert_eq!(
            render(&table(0), Vec::new()).unwrap_err(),
            PrintError::NoColumns
        );
    }

    #[test]
    fn many_rows_make_many_pages() {
        let rows = (0..500).map(|i| {
            vec![
                Cell {
                    text: format!("REC-{i}"),
                    late: i % 7 == 0,
                },
                Cell {
                    text: "x ".repeat(40),
                    late: false,
                },
            ]
        });
        let bytes = render(&table(2), rows).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        assert!(doc.get_pages().len() > 10);
    }
}
