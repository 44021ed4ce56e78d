//! Writing a PDF file, page after page: each finished page is turned into a compressed content
//! stream and written out at once; what only the end knows (the page count in the footers, the
//! glyphs the document used, the page tree) is written last.
//!
//! Text is set with the embedded DejaVu faces as Type 0 fonts (`Identity-H`): a character code
//! is the glyph number in the original face, so a page can be written before the document's
//! set of glyphs is known. At the end each face is cut down to the glyphs used (allsorts), and a
//! `CIDToGIDMap` maps the original numbers to the subset's; `/ToUnicode` maps make the text
//! searchable and extractable.
//!
//! Memory: the writer keeps one offset per object and one character per glyph of each face,
//! never the pages. Depends on `fonts`, `page`, `image` and `deflate` of this module only.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::deflate::zlib;
use super::fonts::{fonts, Face, Fonts, Style, STYLES, STYLE_NAMES};
use super::image::PreparedImage;
use super::page::{Ink, Item, Page};
use super::PrintError;

/// What the document properties show.
#[derive(Debug, Clone, Default)]
pub(crate) struct Meta {
    pub(crate) title: String,
    pub(crate) author: String,
    pub(crate) subject: String,
    pub(crate) created: chrono::DateTime<chrono::Utc>,
}

const CATALOG: usize = 1;
const PAGES: usize = 2;
const INFO: usize = 3;
/// One resource dictionary (fonts, images) shared by every page, written at the end.
const RESOURCES: usize = 4;

pub(crate) struct Writer<W: Write> {
    out: W,
    pos: u64,
    /// Byte offset of each object (index: object number; 0 is the free head).
    offsets: Vec<u64>,
    fonts: &'static Fonts,
    /// For each face, the character first drawn with each glyph ('\0': glyph unused).
    glyphs: [Vec<char>; 3],
    /// (page object, its footer stream), in order.
    pages: Vec<(usize, usize)>,
    images: Vec<usize>,
    width: f32,
    height: f32,
}

impl<W: Write> Writer<W> {
    /// Starts a document whose pages are `width` × `height` points.
    pub(crate) fn new(out: W, width: f32, height: f32) -> Result<Writer<W>, PrintError> {
        let mut w = Writer {
            out,
            pos: 0,
            offsets: vec![0; RESOURCES + 1],
            fonts: fonts()?,
            glyphs: Default::default(),
            pages: Vec::new(),
            images: Vec::new(),
            width,
            height,
        };
        w.raw(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")?;
        Ok(w)
    }

    /// Embeds a prepared image; pages draw it by its slot (`Item::Image`).
    pub(crate) fn add_image(&mut self, img: &PreparedImage) -> Result<usize, PrintError> {
        let head = |space: &str| {
            format!(
                "/Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /{space} \
                 /BitsPerComponent 8 /Filter /FlateDecode",
                img.width, img.height
            )
        };
        let mut dict = head(if img.grey { "DeviceGray" } else { "DeviceRGB" });
        if let Some(alpha) = &img.alpha {
            let mask = self.alloc();
            self.stream(mask, &head("DeviceGray"), alpha, false)?;
            let _ = write!(dict, " /SMask {mask} 0 R");
        }
        let id = self.alloc();
        self.stream(id, &dict, &img.color, false)?;
        self.images.push(id);
        Ok(self.images.len() - 1)
    }

    /// Writes a finished page (its footer comes at the end, see [`Writer::finish`]).
    pub(crate) fn add_page(&mut self, page: &Page) -> Result<(), PrintError> {
        let content = self.content(page);
        let (contents, id, footer) = (self.alloc(), self.alloc(), self.alloc());
        self.stream(contents, "", &content, true)?;
        let dict = format!(
            "<< /Type /Page /Parent {PAGES} 0 R /MediaBox [0 0 {} {}] /Resources {RESOURCES} 0 R \
             /Contents [{contents} 0 R {footer} 0 R] >>",
            num(self.width),
            num(self.height)
        );
        self.object(id, dict.as_bytes())?;
        self.pages.push((id, footer));
        Ok(())
    }

    /// Writes the footers (`footer(number, total)` draws page `number` of `total`), the fonts,
    /// the page tree and the document properties, and returns the output.
    pub(crate) fn finish(
        mut self,
        meta: &Meta,
        mut footer: impl FnMut(usize, usize) -> Page,
    ) -> Result<W, PrintError> {
        let total = self.pages.len();
        for i in 0..total {
            let content = self.content(&footer(i + 1, total));
            self.stream(self.pages[i].1, "", &content, true)?;
        }
        let mut resources = String::from("<< /ProcSet [/PDF /Text /ImageB /ImageC] /Font <<");
        for style in STYLES {
            if self.glyphs[style as usize].iter().any(|c| *c != '\0') {
                let id = self.embed_font(style)?;
                let _ = write!(resources, " /F{} {id} 0 R", style as usize);
            }
        }
        resources.push_str(" >> /XObject <<");
        for (slot, id) in self.images.iter().enumerate() {
            let _ = write!(resources, " /Im{slot} {id} 0 R");
        }
        resources.push_str(" >> >>");
        self.object(RESOURCES, resources.as_bytes())?;
        let mut kids = String::with_capacity(total * 10);
        for (id, _) in &self.pages {
            let _ = write!(kids, "{id} 0 R ");
        }
        let pages = format!("<< /Type /Pages /Kids [{kids}] /Count {total} >>");
        self.object(PAGES, pages.as_bytes())?;
        let catalog = format!("<< /Type /Catalog /Pages {PAGES} 0 R >>");
        self.object(CATALOG, catalog.as_bytes())?;
        self.object(INFO, info(meta).as_bytes())?;
        self.trailer()?;
        Ok(self.out)
    }

    // ── Objects ──────────────────────────────────────────────────────────────────────────────

    fn alloc(&mut self) -> usize {
        self.offsets.push(0);
        self.offsets.len() - 1
    }

    fn raw(&mut self, bytes: &[u8]) -> Result<(), PrintError> {
        self.out.write_all(bytes).map_err(write_error)?;
        self.pos += bytes.len() as u64;
        Ok(())
    }

    fn object(&mut self, id: usize, body: &[u8]) -> Result<(), PrintError> {
        self.offsets[id] = self.pos;
        self.raw(format!("{id} 0 obj\n").as_bytes())?;
        self.raw(body)?;
        self.raw(b"\nendobj\n")
    }

    /// A stream object; `dict` holds the entries besides `/Length` (and `/Filter` when
    /// `compress` asks this function to compress `data`).
    fn stream(
        &mut self,
        id: usize,
        dict: &str,
        data: &[u8],
        compress: bool,
    ) -> Result<(), PrintError> {
        let packed;
        let (data, filter) = if compress {
            packed = zlib(data);
            (packed.as_slice(), " /Filter /FlateDecode")
        } else {
            (data, "")
        };
        self.offsets[id] = self.pos;
        let head = format!(
            "{id} 0 obj\n<< {dict}{filter} /Length {} >>\nstream\n",
            data.len()
        );
        self.raw(head.as_bytes())?;
        self.raw(data)?;
        self.raw(b"\nendstream\nendobj\n")
    }

    fn trailer(&mut self) -> Result<(), PrintError> {
        let start = self.pos;
        let mut xref = format!("xref\n0 {}\n0000000000 65535 f \n", self.offsets.len());
        for off in &self.offsets[1..] {
            let _ = writeln!(xref, "{off:010} 00000 n ");
        }
        let _ = write!(
            xref,
            "trailer\n<< /Size {} /Root {CATALOG} 0 R /Info {INFO} 0 R >>\nstartxref\n{start}\n%%EOF\n",
            self.offsets.len()
        );
        self.raw(xref.as_bytes())?;
        self.out.flush().map_err(write_error)
    }

    // ── Page content ─────────────────────────────────────────────────────────────────────────

    /// The content stream of a page: graphics first, then its text in one text object with
    /// relative moves (`Td`), which keeps the streams small.
    fn content(&mut self, page: &Page) -> Vec<u8> {
        let mut out = Vec::with_capacity(1024 + 48 * (page.under.len() + page.over.len()));
        let mut fill: Option<Ink> = None;
        self.graphics(page, &mut out, &mut fill);
        self.texts(page, &mut out, &mut fill);
        out
    }

    /// Rectangles and images, backgrounds first.
    fn graphics(&self, page: &Page, out: &mut Vec<u8>, fill: &mut Option<Ink>) {
        let h = self.height;
        for item in page.under.iter().chain(&page.over) {
            match *item {
                Item::Rect {
                    x,
                    top,
                    w,
                    h: rh,
                    ink,
                    stroke,
                } => {
                    let bottom = h - top - rh;
                    match stroke {
                        None => {
                            set_fill(out, fill, ink);
                            nums(out, &[x, bottom, w, rh]);
                            out.extend_from_slice(b"re f\n");
                        }
                        Some(t) => {
                            nums(out, &[ink.0, ink.1, ink.2]);
                            out.extend_from_slice(b"RG ");
                            nums(out, &[t]);
                            out.extend_from_slice(b"w ");
                            nums(out, &[x, bottom, w, rh]);
                            out.extend_from_slice(b"re S\n");
                        }
                    }
                }
                Item::Image {
                    slot,
                    x,
                    top,
                    w,
                    h: ih,
                } => {
                    out.extend_from_slice(b"q ");
                    nums(out, &[w, 0.0, 0.0, ih, x, h - top - ih]);
                    out.extend_from_slice(format!("cm /Im{slot} Do Q\n").as_bytes());
                }
                Item::Text { .. } => {}
            }
        }
    }

    /// All the text of a page in one text object, each line placed relative to the previous.
    fn texts(&mut self, page: &Page, out: &mut Vec<u8>, fill: &mut Option<Ink>) {
        let h = self.height;
        let mut font: Option<(Style, f32)> = None;
        let mut pen = (0.0f32, 0.0f32);
        for item in &page.over {
            let Item::Text {
                x,
                base,
                style,
                size,
                ink,
                ref text,
            } = *item
            else {
                continue;
            };
            if font.is_none() {
                out.extend_from_slice(b"BT\n");
            }
            if font != Some((style, size)) {
                out.extend_from_slice(format!("/F{} ", style as usize).as_bytes());
                nums(out, &[size]);
                out.extend_from_slice(b"Tf\n");
                font = Some((style, size));
            }
            set_fill(out, fill, ink);
            // `Td` moves relative to the start of the previous line.
            let (px, py) = (round2(x), round2(h - base));
            nums(out, &[px - pen.0, py - pen.1]);
            pen = (px, py);
            out.extend_from_slice(b"Td ");
            self.encode(style, text, out);
            out.extend_from_slice(b" Tj\n");
        }
        if font.is_some() {
            out.extend_from_slice(b"ET\n");
        }
    }

    /// `text` as a hex string of glyph numbers, noting which glyphs the document uses.
    fn encode(&mut self, style: Style, text: &str, out: &mut Vec<u8>) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        let face = self.fonts.face(style);
        let used = &mut self.glyphs[style as usize];
        if used.is_empty() {
            *used = vec!['\0'; face.glyph_count()];
        }
        out.push(b'<');
        for c in text.chars() {
            let g = face.glyph(c).unwrap_or(0);
            if let Some(slot) = used.get_mut(usize::from(g)) {
                if *slot == '\0' {
                    *slot = c;
                }
            }
            let [hi, lo] = g.to_be_bytes();
            out.extend_from_slice(&[
                HEX[usize::from(hi >> 4)],
                HEX[usize::from(hi & 15)],
                HEX[usize::from(lo >> 4)],
                HEX[usize::from(lo & 15)],
            ]);
        }
        out.push(b'>');
    }

    // ── Fonts ────────────────────────────────────────────────────────────────────────────────

    /// Embeds the glyphs of `style` the document used; returns the font's object number.
    fn embed_font(&mut self, style: Style) -> Result<usize, PrintError> {
        let face = self.fonts.face(style);
        let used: Vec<(u16, char)> = self.glyphs[style as usize]
            .iter()
            .enumerate()
            .filter(|(g, c)| **c != '\0' && *g != 0)
            .map(|(g, c)| (g as u16, *c))
            .collect();
        // Glyph 0 (.notdef) first: the subset renumbers glyph `ids[i]` to `i`.
        let ids: Vec<u16> = std::iter::once(0).chain(used.iter().map(|u| u.0)).collect();
        let (program, cid_to_gid) = match subset(face, &ids) {
            Some(bytes) => {
                let max = usize::from(*ids.last().unwrap_or(&0));
                let mut map = vec![0u8; 2 * (max + 1)];
                for (new, old) in ids.iter().enumerate() {
                    let at = 2 * usize::from(*old);
                    map[at..at + 2].copy_from_slice(&(new as u16).to_be_bytes());
                }
                (bytes, Some(map))
            }
            None => (face.program.to_vec(), None),
        };
        let name = format!(
            "RECLM{}+{}",
            (b'A' + style as u8) as char,
            STYLE_NAMES[style as usize]
        );
        let file = self.alloc();
        self.stream(file, &format!("/Length1 {}", program.len()), &program, true)?;
        let map_ref = match cid_to_gid {
            Some(map) => {
                let id = self.alloc();
                self.stream(id, "", &map, true)?;
                format!("{id} 0 R")
            }
            None => "/Identity".to_owned(),
        };
        let descriptor = self.alloc();
        self.object(
            descriptor,
            font_descriptor(self.fonts, face, &name, file).as_bytes(),
        )?;
        let unicode = self.alloc();
        self.stream(unicode, "", to_unicode(&used).as_bytes(), true)?;
        let cid = self.alloc();
        let cid_font = format!(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry \
             (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R \
             /DW 1000 /W {} /CIDToGIDMap {map_ref} >>",
            widths(face, &used)
        );
        self.object(cid, cid_font.as_bytes())?;
        let id = self.alloc();
        let font = format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H \
             /DescendantFonts [{cid} 0 R] /ToUnicode {unicode} 0 R >>"
        );
        self.object(id, font.as_bytes())?;
        Ok(id)
    }
}

/// The face cut down to `ids` (renumbered in that order), `None` if allsorts refuses it (the
/// whole face is then embedded).
fn subset(face: &Face, ids: &[u16]) -> Option<Vec<u8>> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{subset, CmapTarget, SubsetProfile};
    let data = ReadScope::new(face.program).read::<FontData<'_>>().ok()?;
    let provider = data.table_provider(0).ok()?;
    subset(&provider, ids, &SubsetProfile::Pdf, CmapTarget::Unicode).ok()
}

fn font_descriptor(fonts: &Fonts, face: &Face, name: &str, file: usize) -> String {
    let scale = 1000.0 / f32::from(face.units_per_em);
    let b = face.bbox.map(|v| (f32::from(v) * scale).round() as i32);
    let italic = face.italic_angle != 0.0;
    format!(
        "<< /Type /FontDescriptor /FontName /{name} /Flags {} /FontBBox [{} {} {} {}] \
         /ItalicAngle {} /Ascent {} /Descent -{} /CapHeight {} /StemV 80 /FontFile2 {file} 0 R >>",
        if italic { 32 + 64 } else { 32 },
        b[0],
        b[1],
        b[2],
        b[3],
        num(face.italic_angle),
        (fonts.ascent * 1000.0).round(),
        (fonts.descent * 1000.0).round(),
        // DejaVu Sans capitals stand at 0.73 em.
        (0.73 * 1000.0f32).round(),
    )
}

/// The `/W` array: runs of consecutive glyphs with their widths (thousandths of an em).
fn widths(face: &Face, used: &[(u16, char)]) -> String {
    let scale = 1000.0 / f32::from(face.units_per_em);
    let mut out = String::from("[");
    let mut prev: Option<u16> = None;
    for (g, _) in used {
        let w = (f32::from(face.advance(*g)) * scale).round() as i32;
        if prev.is_some_and(|p| p + 1 == *g) {
            let _ = write!(out, " {w}");
        } else {
            if prev.is_some() {
                out.push(']');
            }
            let _ = write!(out, " {g} [{w}");
        }
        prev = Some(*g);
    }
    if prev.is_some() {
        out.push(']');
    }
    out.push_str(" ]");
    out
}

/// The `/ToUnicode` map: each glyph number to the character it was drawn for.
fn to_unicode(used: &[(u16, char)]) -> String {
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << \
         /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS \
         def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for chunk in used.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", chunk.len());
        for (g, c) in chunk {
            let _ = write!(out, "<{g:04X}> <");
            for unit in c.encode_utf16(&mut [0; 2]) {
                let _ = write!(out, "{unit:04X}");
            }
            out.push_str(">\n");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

fn info(meta: &Meta) -> String {
    let date = meta.created.format("D:%Y%m%d%H%M%S+00'00'");
    format!(
        "<< /Title {} /Author {} /Subject {} /Creator (Reclam) /Producer (Reclam) \
         /CreationDate ({date}) /ModDate ({date}) >>",
        text_string(&meta.title),
        text_string(&meta.author),
        text_string(&meta.subject),
    )
}

/// A PDF text string, as UTF-16BE with its byte order mark.
fn text_string(s: &str) -> String {
    let mut out = String::from("<FEFF");
    for unit in s.trim().encode_utf16() {
        let _ = write!(out, "{unit:04X}");
    }
    out.push('>');
    out
}

fn write_error(e: io::Error) -> PrintError {
    PrintError::Write(e.to_string())
}

fn set_fill(out: &mut Vec<u8>, fill: &mut Option<Ink>, ink: Ink) {
    if *fill != Some(ink) {
        nums(out, &[ink.0, ink.1, ink.2]);
        out.extend_from_slice(b"rg\n");
        *fill = Some(ink);
    }
}

fn round2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// Numbers followed by a space each, with at most two decimals.
fn nums(out: &mut Vec<u8>, values: &[f32]) {
    for v in values {
        let n = (v * 100.0).round() as i64;
        if n < 0 {
            out.push(b'-');
        }
        let n = n.unsigned_abs();
        let (int, frac) = (n / 100, n % 100);
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        let mut rest = int;
        loop {
            i -= 1;
            digits[i] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        out.extend_from_slice(&digits[i..]);
        if frac != 0 {
            out.push(b'.');
            out.push(b'0' + (frac / 10) as u8);
            if frac % 10 != 0 {
                out.push(b'0' + (frac % 10) as u8);
            }
        }
        out.push(b' ');
    }
}

/// One number, as [`nums`] writes it (without the trailing space).
fn num(v: f32) -> String {
    let mut out = Vec::new();
    nums(&mut out, &[v]);
    out.pop();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        let mut out = Vec::new();
        nums(&mut out, &[0.0, 1.0, -2.5, 3.456, 0.04, -0.004]);
        assert_eq!(String::from_utf8(out).unwrap(), "0 1 -2.5 3.46 0.04 0 ");
    }

    #[test]
    fn a_page_is_a_pdf_lopdf_reads() {
        let mut page = Page::default();
        page.text(
            10.0,
            20.0,
            Style::Regular,
            10.0,
            super::super::page::INK,
            "Été œ €".into(),
        );
        page.fill(10.0, 30.0, 50.0, 1.0, super::super::page::RULE);
        let mut w = Writer::new(Vec::new(), 595.0, 842.0).unwrap();
        w.add_page(&page).unwrap();
        let bytes = w.finish(&Meta::default(), |_, _| Page::default()).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        assert_eq!(doc.get_pages().len(), 1);
    }
}
