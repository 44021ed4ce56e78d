//! A page being laid out: positioned text, rectangles and images, in points with `y` measured
//! from the TOP of the page (the PDF's bottom-up coordinates are applied when the page is
//! written, by `pdf::Writer`).
//!
//! Backgrounds (`under`) are drawn first, then rules and images, then all the text of the page
//! in one text object. A page holds only its own items: a layout hands each finished page to
//! the writer, so memory does not grow with the document.

use super::fonts::Style;

/// An RGB colour, components in 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Ink(pub(crate) f32, pub(crate) f32, pub(crate) f32);

/// Body text.
pub(crate) const INK: Ink = Ink(0.10, 0.11, 0.13);
pub(crate) const INK_SOFT: Ink = Ink(0.27, 0.29, 0.33);
pub(crate) const GREY: Ink = Ink(0.45, 0.47, 0.51);
/// Accent colour (firm name, titles, notice box rule): sober navy blue.
pub(crate) const ACCENT: Ink = Ink(0.12, 0.23, 0.42);
/// Thin rules.
pub(crate) const RULE: Ink = Ink(0.80, 0.81, 0.84);

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
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
    /// An image added to the writer (its `slot`), drawn `w` × `h` points.
    Image {
        slot: usize,
        x: f32,
        top: f32,
        w: f32,
        h: f32,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    /// Backgrounds, drawn first.
    pub(crate) under: Vec<Item>,
    pub(crate) over: Vec<Item>,
}

impl Page {
    pub(crate) fn with_capacity(items: usize) -> Page {
        Page {
            under: Vec::with_capacity(items / 4),
            over: Vec::with_capacity(items),
        }
    }

    /// One line of text, `base` (baseline) measured from the top of the page.
    pub(crate) fn text(
        &mut self,
        x: f32,
        base: f32,
        style: Style,
        size: f32,
        ink: Ink,
        text: String,
    ) {
        if text.is_empty() {
            return;
        }
        self.over.push(Item::Text {
            x,
            base,
            style,
            size,
            ink,
            text,
        });
    }

    /// Filled rectangle drawn before everything else (zebra stripes, shaded boxes).
    pub(crate) fn fill_under(&mut self, x: f32, top: f32, w: f32, h: f32, ink: Ink) {
        if w > 0.0 && h > 0.0 {
            self.under.push(Item::Rect {
                x,
                top,
                w,
                h,
                ink,
                stroke: None,
            });
        }
    }

    /// Filled rectangle.
    pub(crate) fn fill(&mut self, x: f32, top: f32, w: f32, h: f32, ink: Ink) {
        if w > 0.0 && h > 0.0 {
            self.over.push(Item::Rect {
                x,
                top,
                w,
                h,
                ink,
                stroke: None,
            });
        }
    }

    /// Horizontal rule centred on `y`.
    pub(crate) fn hline(&mut self, x: f32, y: f32, w: f32, thickness: f32, ink: Ink) {
        self.fill(x, y - thickness / 2.0, w, thickness, ink);
    }

    /// Vertical rule centred on `x`.
    pub(crate) fn vline(&mut self, x: f32, top: f32, bottom: f32, thickness: f32, ink: Ink) {
        self.fill(x - thickness / 2.0, top, thickness, bottom - top, ink);
    }

    pub(crate) fn image(&mut self, slot: usize, x: f32, top: f32, w: f32, h: f32) {
        self.over.push(Item::Image { slot, x, top, w, h });
    }
}
