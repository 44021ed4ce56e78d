//! Measuring and breaking text into lines, the same for every layout.
//!
//! Lines break only at ordinary spaces (U+0020); no-break spaces (U+00A0, U+202F…) are never
//! break points; `'\n'` forces a line break; a word longer than the line is broken (preferably
//! after a hyphen or a slash) rather than overflowing. Each character is measured once.

use super::fonts::{Face, Fonts, Style};

/// A line of text and its width in points.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Line {
    pub(crate) text: String,
    pub(crate) width: f32,
}

impl Fonts {
    pub(crate) fn width(&self, s: &str, style: Style, size: f32) -> f32 {
        self.face(style).width(s, size)
    }

    /// Position of the baseline within a line of height `lh` (half-leading split above and
    /// below, as in CSS).
    pub(crate) fn baseline(&self, size: f32, lh: f32) -> f32 {
        (lh - (self.ascent + self.descent) * size) / 2.0 + self.ascent * size
    }

    /// A text cleaned for `style` and put on one line.
    pub(crate) fn one_line(&self, s: &str, style: Style) -> String {
        self.face(style).clean(s.trim()).replace('\n', " ")
    }

    /// `text` (already cleaned, on one line) truncated with "…" to fit in `max_w` points.
    pub(crate) fn ellipsize(&self, text: String, style: Style, size: f32, max_w: f32) -> String {
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
    pub(crate) fn wrap(&self, text: &str, style: Style, size: f32, max_w: f32) -> Vec<Line> {
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

    /// Cleans `s` for `style` and breaks it into lines; nothing for a blank text.
    pub(crate) fn wrap_clean(&self, s: &str, style: Style, size: f32, max_w: f32) -> Vec<Line> {
        let t = self.face(style).clean(s.trim());
        if t.trim().is_empty() {
            return Vec::new();
        }
        self.wrap(&t, style, size, max_w)
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

#[cfg(test)]
mod tests {
    use super::super::fonts::fonts;
    use super::super::mm;
    use super::*;

    const BODY: f32 = 10.5;

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
    fn ellipsize_fits() {
        let f = fonts().unwrap();
        let s = f.ellipsize("x".repeat(100), Style::Regular, BODY, 50.0);
        assert!(s.ends_with('…'));
        assert!(f.width(&s, Style::Regular, BODY) <= 50.0);
    }
}
