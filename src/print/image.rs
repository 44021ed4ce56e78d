//! Images a document embeds (the firm's logo, a signature): a PNG decoded to 8-bit pixels,
//! downscaled to 300 dpi at its display size, compressed once and kept for the next documents.
//!
//! Depends on printpdf's PNG decoder (`RawImage`) only.

use std::sync::{Arc, Mutex};

use super::deflate::zlib;
use super::PrintError;
use printpdf::{RawImage, RawImageData, RawImageFormat};

/// Size of a `px_w` × `px_h` pixel image scaled to fit within `max_w` × `max_h`, aspect ratio
/// preserved.
pub(crate) fn fit(px_w: usize, px_h: usize, max_w: f32, max_h: f32) -> (f32, f32) {
    let (pw, ph) = (px_w.max(1) as f32, px_h.max(1) as f32);
    let scale = (max_w / pw).min(max_h / ph);
    (pw * scale, ph * scale)
}

/// Resolution above which an image is downscaled (to its display size).
const IMAGE_DPI: f32 = 300.0;
/// Number of prepared images kept in memory (firm logo, signatures).
const IMAGE_CACHE: usize = 8;

/// An image ready to embed: colour (grey or RGB) and optional alpha channel, each already
/// Flate-compressed.
#[derive(Debug)]
pub(crate) struct PreparedImage {
    pub(crate) width: usize,
    pub(crate) height: usize,
    pub(crate) grey: bool,
    pub(crate) color: Vec<u8>,
    pub(crate) alpha: Option<Vec<u8>>,
}

/// Display size (points) and prepared image, from the cache if this PNG was used before.
pub(crate) fn prepared_image(
    what: &'static str,
    png: &[u8],
    max_w: f32,
    max_h: f32,
) -> Result<(f32, f32, Arc<PreparedImage>), PrintError> {
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
    let bad = |detail: String| PrintError::Image { what, detail };
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
