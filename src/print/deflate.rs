//! The zlib compression of the PDF streams (page contents, fonts, images). Fast level: the
//! streams are rebuilt on every render, and a letter or a 10,000-row extract must stay quick.

use flate2::write::ZlibEncoder;
use flate2::Compression;
use std::io::Write;

/// `data` as a zlib stream (RFC 1950), what a PDF `FlateDecode` filter reads.
pub(crate) fn zlib(data: &[u8]) -> Vec<u8> {
    let mut encoder =
        ZlibEncoder::new(Vec::with_capacity(data.len() / 3 + 64), Compression::fast());
    encoder
        .write_all(data)
        .expect("writing to a Vec cannot fail");
    encoder.finish().expect("writing to a Vec cannot fail")
}
