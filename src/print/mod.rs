//! Reclam's one PDF engine: the embedded fonts, measuring and wrapping text, pages, the PDF
//! writer, images, merging, and two layouts built on them: `letter` (A4 portrait: letters, the
//! inspection pack's cover and procedure, the client export) and `table` (A4 landscape: the
//! register extract).
//!
//! A layout takes final texts (in French) and returns PDF bytes; it decides nothing about the
//! trade. This module must not depend on the store, SQL, `letters`, `extract` or anything above
//! them: they call it, never the reverse.
//!
//! Pages are written as they are finished (`pdf::Writer`), so a 100,000-row extract needs no
//! more memory than a 100-row one; fonts are read once per process and subset once per
//! document.

mod deflate;
mod fonts;
mod image;
pub mod letter;
mod letterhead;
mod merge;
mod page;
mod pdf;
mod summary;
pub mod table;
mod text;

pub use letter::{Block, Letter, Letterhead, Signature};
pub use merge::{merge, page_count};
pub use table::{Cell, Column, SummarySection, Table};

const PT_PER_MM: f32 = 72.0 / 25.4;

/// Millimetres to PDF points.
pub(crate) const fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}

/// A document that could not be laid out or written. Codes are stable (UI, command line).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrintError {
    /// An embedded font could not be read (badly built binary).
    #[error("la police de caractères « {0} » embarquée est illisible")]
    Font(&'static str),
    /// The logo or the signature image is not a readable PNG.
    #[error("l'image « {what} » n'est pas un PNG lisible : {detail}")]
    Image { what: &'static str, detail: String },
    /// The table has no column.
    #[error("l'extrait du registre n'a aucune colonne")]
    NoColumns,
    /// A row does not have as many cells as there are columns (programming error).
    #[error("la ligne {row} de l'extrait a {cells} cellule(s) au lieu de {columns}")]
    RowWidth {
        /// 1-based row number.
        row: usize,
        cells: usize,
        columns: usize,
    },
    /// The document could not be produced.
    #[error("la génération du PDF a échoué : {0}")]
    Render(String),
    /// The PDF could not be written out (disk full, file closed…).
    #[error("l'écriture du PDF a échoué : {0}")]
    Write(String),
    /// A PDF to join is unreadable.
    #[error("relecture du PDF : {0}")]
    Read(String),
    /// PDFs could not be joined.
    #[error("assemblage du PDF : {0}")]
    Merge(String),
}

impl PrintError {
    /// Stable code, for the UI and the command line.
    pub fn code(&self) -> &'static str {
        match self {
            PrintError::Font(_) => "pdfFont",
            PrintError::Image { .. } => "pdfImage",
            PrintError::NoColumns => "pdfNoColumns",
            PrintError::RowWidth { .. } => "pdfRowWidth",
            PrintError::Render(_) => "pdfRender",
            PrintError::Write(_) => "pdfWrite",
            PrintError::Read(_) => "pdfRead",
            PrintError::Merge(_) => "pdfMerge",
        }
    }
}

/// Reads the embedded fonts right away rather than on the first document (optional; at
/// start-up, so that the first letter does not pay this cost).
pub fn preload_fonts() -> Result<(), PrintError> {
    fonts::fonts().map(|_| ())
}
