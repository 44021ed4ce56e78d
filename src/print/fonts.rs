//! The embedded DejaVu faces, read once per process: character to glyph, advance widths,
//! ascent and descent, straight from the TrueType tables (`cmap`, `hmtx`, `hhea`, `head`).
//!
//! Reading four tables takes microseconds, where a full font parser spent most of a letter's
//! time. The font programs themselves are only touched again when a document is finished, to
//! embed the glyphs it used (`pdf::Writer`). Depends on nothing but `std`.

use std::sync::LazyLock;

use super::PrintError;

/// DejaVu Sans (body text).
pub(crate) static FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold (names, "Objet :", headings, header rows, late cells).
pub(crate) static FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
/// DejaVu Sans Oblique (italic paragraphs).
pub(crate) static FONT_ITALIC: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Oblique.ttf");

/// The three faces a document may use; the value is the face's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Style {
    Regular = 0,
    Bold = 1,
    Italic = 2,
}

pub(crate) const STYLES: [Style; 3] = [Style::Regular, Style::Bold, Style::Italic];

/// PostScript names of the faces, as the PDF names them.
pub(crate) const STYLE_NAMES: [&str; 3] = ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"];

/// One face: its program and what layout needs from it.
pub(crate) struct Face {
    pub(crate) program: &'static [u8],
    pub(crate) units_per_em: u16,
    /// Glyph of each Basic Multilingual Plane character (0: missing).
    bmp: Box<[u16]>,
    /// Glyphs of characters beyond the BMP: (first, last, first glyph), sorted.
    astral: Vec<(u32, u32, u32)>,
    /// Advance width of each glyph, in font units.
    advances: Box<[u16]>,
    /// Font bounding box, italic angle, cap height: for the PDF font descriptor.
    pub(crate) bbox: [i16; 4],
    pub(crate) italic_angle: f32,
}

impl Face {
    fn parse(program: &'static [u8]) -> Option<Face> {
        let t = Tables::new(program)?;
        let head = t.get(b"head")?;
        let hhea = t.get(b"hhea")?;
        let maxp = t.get(b"maxp")?;
        let hmtx = t.get(b"hmtx")?;
        let post = t.get(b"post");
        let units_per_em = u16_at(head, 18)?.max(1);
        let bbox = [
            i16_at(head, 36)?,
            i16_at(head, 38)?,
            i16_at(head, 40)?,
            i16_at(head, 42)?,
        ];
        let glyphs = usize::from(u16_at(maxp, 4)?);
        let metrics = usize::from(u16_at(hhea, 34)?).clamp(1, glyphs.max(1));
        let mut advances = Vec::with_capacity(glyphs);
        for g in 0..glyphs {
            let adv = u16_at(hmtx, 4 * g.min(metrics - 1))?;
            advances.push(adv);
        }
        let italic_angle = post
            .and_then(|p| Some(f32::from(i16_at(p, 4)?) + f32::from(u16_at(p, 6)?) / 65536.0))
            .unwrap_or(0.0);
        let (bmp, astral) = read_cmap(t.get(b"cmap")?, glyphs)?;
        Some(Face {
            program,
            units_per_em,
            bmp,
            astral,
            advances: advances.into_boxed_slice(),
            bbox,
            italic_angle,
        })
    }

    /// Ascent and descent (positive), in em, from `hhea`.
    fn vertical(&self) -> Option<(f32, f32)> {
        let hhea = Tables::new(self.program)?.get(b"hhea")?;
        let upm = f32::from(self.units_per_em);
        Some((
            f32::from(i16_at(hhea, 4)?) / upm,
            f32::from(i16_at(hhea, 6)?).abs() / upm,
        ))
    }

    /// The glyph drawing `c`, `None` if the face lacks it.
    pub(crate) fn glyph(&self, c: char) -> Option<u16> {
        let u = c as u32;
        let g = if u < 0x1_0000 {
            self.bmp[u as usize]
        } else {
            self.astral
                .iter()
                .find(|(first, last, _)| (*first..=*last).contains(&u))
                .and_then(|(first, _, g)| u16::try_from(g + (u - first)).ok())
                .unwrap_or(0)
        };
        (g != 0 && usize::from(g) < self.advances.len()).then_some(g)
    }

    /// Advance width of a glyph, in font units.
    pub(crate) fn glyph_count(&self) -> usize {
        self.advances.len()
    }

    pub(crate) fn advance(&self, glyph: u16) -> u16 {
        self.advances.get(usize::from(glyph)).copied().unwrap_or(0)
    }

    /// Advance in em, `None` if the face lacks this character.
    pub(crate) fn em(&self, c: char) -> Option<f32> {
        self.glyph(c)
            .map(|g| f32::from(self.advance(g)) / f32::from(self.units_per_em))
    }

    pub(crate) fn width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.em(c).unwrap_or(0.0)).sum::<f32>() * size
    }

    /// Makes a text displayable with this face: line breaks normalised to `'\n'`, tabs turned
    /// into spaces, control and invisible characters removed, missing characters replaced
    /// (special spaces by a no-break space, anything else by "?").
    pub(crate) fn clean(&self, s: &str) -> String {
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
                c if self.glyph(c).is_some() => out.push(c),
                '\u{202F}' | '\u{2007}' => out.push('\u{A0}'),
                '\u{2000}'..='\u{200A}' => out.push(' '),
                _ => out.push('?'),
            }
        }
        out
    }
}

/// The faces, read once.
pub(crate) struct Fonts {
    faces: [Face; 3],
    /// Ascent and descent, in em (shared by the three DejaVu faces).
    pub(crate) ascent: f32,
    pub(crate) descent: f32,
}

impl Fonts {
    pub(crate) fn face(&self, style: Style) -> &Face {
        &self.faces[style as usize]
    }
}

/// The embedded faces, read on first use and kept for the life of the process.
pub(crate) fn fonts() -> Result<&'static Fonts, PrintError> {
    static FONTS: LazyLock<Result<Fonts, &'static str>> = LazyLock::new(|| {
        let parse = |i: usize, bytes| Face::parse(bytes).ok_or(STYLE_NAMES[i]);
        let faces = [
            parse(0, FONT_REGULAR)?,
            parse(1, FONT_BOLD)?,
            parse(2, FONT_ITALIC)?,
        ];
        // Sensible fallback if the hhea table was empty.
        let (ascent, descent) = match faces[0].vertical() {
            Some((a, d)) if a > 0.3 => (a, d),
            _ => (0.93, 0.24),
        };
        Ok(Fonts {
            faces,
            ascent,
            descent,
        })
    });
    FONTS.as_ref().map_err(|name| PrintError::Font(name))
}

// ── TrueType tables ─────────────────────────────────────────────────────────────────────────

struct Tables<'a> {
    data: &'a [u8],
}

impl<'a> Tables<'a> {
    fn new(data: &'a [u8]) -> Option<Tables<'a>> {
        let version = u32_at(data, 0)?;
        (version == 0x0001_0000 || &data[..4] == b"true").then_some(Tables { data })
    }

    fn get(&self, tag: &[u8; 4]) -> Option<&'a [u8]> {
        let n = usize::from(u16_at(self.data, 4)?);
        (0..n).find_map(|i| {
            let rec = 12 + 16 * i;
            if self.data.get(rec..rec + 4)? != tag {
                return None;
            }
            let off = u32_at(self.data, rec + 8)? as usize;
            let len = u32_at(self.data, rec + 12)? as usize;
            self.data.get(off..off.checked_add(len)?)
        })
    }
}

pub(crate) fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(d.get(at..at + 2)?.try_into().ok()?))
}

fn i16_at(d: &[u8], at: usize) -> Option<i16> {
    u16_at(d, at).map(|v| v as i16)
}

pub(crate) fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(d.get(at..at + 4)?.try_into().ok()?))
}

type CharMap = (Box<[u16]>, Vec<(u32, u32, u32)>);

/// The Unicode character map: format 12 (full Unicode) if the face has one, else format 4.
fn read_cmap(cmap: &[u8], glyphs: usize) -> Option<CharMap> {
    let n = usize::from(u16_at(cmap, 2)?);
    let mut best: Option<(u8, &[u8])> = None;
    for i in 0..n {
        let rec = 4 + 8 * i;
        let (platform, encoding) = (u16_at(cmap, rec)?, u16_at(cmap, rec + 2)?);
        let sub = cmap.get(u32_at(cmap, rec + 4)? as usize..)?;
        let rank = match (platform, encoding, u16_at(sub, 0)?) {
            (3, 10, 12) | (0, 4, 12) => 2,
            (3, 1, 4) | (0, 3, 4) => 1,
            _ => continue,
        };
        if best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, sub));
        }
    }
    let (rank, sub) = best?;
    let mut bmp = vec![0u16; 0x1_0000].into_boxed_slice();
    let mut astral = Vec::new();
    let limit = glyphs as u32;
    if rank == 2 {
        for i in 0..u32_at(sub, 12)? as usize {
            let g = 16 + 12 * i;
            let (first, last, gid) = (u32_at(sub, g)?, u32_at(sub, g + 4)?, u32_at(sub, g + 8)?);
            if first > last || last > 0x10_FFFF {
                continue;
            }
            for u in first..=last.min(0xFFFF) {
                let id = gid + (u - first);
                if id < limit {
                    bmp[u as usize] = id as u16;
                }
            }
            if last > 0xFFFF {
                astral.push((first.max(0x1_0000), last, gid + first.max(0x1_0000) - first));
            }
        }
        return Some((bmp, astral));
    }
    let segs = usize::from(u16_at(sub, 6)? / 2);
    let (ends, starts, deltas, ranges) = (14, 16 + 2 * segs, 16 + 4 * segs, 16 + 6 * segs);
    for s in 0..segs {
        let (end, start) = (u16_at(sub, ends + 2 * s)?, u16_at(sub, starts + 2 * s)?);
        let delta = u16_at(sub, deltas + 2 * s)?;
        let range = usize::from(u16_at(sub, ranges + 2 * s)?);
        for u in start..=end {
            let g = if range == 0 {
                u.wrapping_add(delta)
            } else {
                let at = ranges + 2 * s + range + 2 * usize::from(u - start);
                match u16_at(sub, at)? {
                    0 => 0,
                    g => g.wrapping_add(delta),
                }
            };
            if u32::from(g) < limit {
                bmp[usize::from(u)] = g;
            }
            if u == 0xFFFF {
                break;
            }
        }
    }
    Some((bmp, astral))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dejavu_is_read() {
        let f = fonts().unwrap();
        let r = f.face(Style::Regular);
        assert_eq!(r.units_per_em, 2048);
        // Widths the layout tests rely on (U+00A0 and U+202F).
        assert_eq!(r.advance(r.glyph('\u{A0}').unwrap()), 651);
        assert_eq!(r.advance(r.glyph('\u{202F}').unwrap()), 409);
        for c in "éèàçœ€«»⚠…’–—".chars() {
            assert!(r.glyph(c).is_some(), "{c}");
        }
        assert!(f.face(Style::Bold).glyph('⚠').is_some());
        assert!(r.glyph('🦀').is_none());
        assert!(f.ascent > 0.7 && f.descent > 0.1);
    }

    #[test]
    fn clean_normalises() {
        let f = fonts().unwrap().face(Style::Regular);
        assert_eq!(f.clean("a\r\nb\tc\u{AD}d\u{7}"), "a\nb cd");
        assert_eq!(f.clean("1\u{202F}234"), "1\u{202F}234");
        assert_eq!(f.clean("🦀"), "?");
    }
}
