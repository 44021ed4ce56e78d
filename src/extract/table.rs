//! The extract as a table: French column titles and typed cells, written as CSV (what French
//! Excel opens as is: UTF-8 with BOM, `;` separator, decimal comma) and XLSX (typed date and
//! money cells, bold header, autofilter, frozen header row, column widths).

use super::ExtractRow;
use crate::complaint::Money;
use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;

/// A cell, typed so that each format writes it properly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Date(Option<NaiveDate>),
    Money(Option<Money>),
}

/// Column titles, with a width in characters for the spreadsheet.
pub const COLUMNS: &[(&str, f64)] = &[
    ("Référence", 15.0),
    ("Client", 24.0),
    ("Type de client", 11.0),
    ("Reçue le", 11.0),
    ("Envoyée le", 11.0),
    ("Canal", 14.0),
    ("Objet", 22.0),
    ("Description", 50.0),
    ("N° de contrat", 14.0),
    ("Produit", 20.0),
    ("Assureur", 18.0),
    ("Autres intervenants", 24.0),
    ("Personnes visées", 20.0),
    ("Reçue par", 16.0),
    ("Gestionnaire", 18.0),
    ("Accusé de réception dû le", 12.0),
    ("Accusé de réception le", 12.0),
    ("AR en retard", 8.0),
    ("Réponse due le", 12.0),
    ("Réponse le", 12.0),
    ("Réponse en retard", 8.0),
    ("Décision", 20.0),
    ("Contenu de la réponse", 50.0),
    ("Geste commercial", 12.0),
    ("Dysfonctionnements", 40.0),
    ("Statut", 16.0),
    ("Clôturée le", 12.0),
    ("Retour client", 12.0),
    ("Référence d'origine", 15.0),
    ("Envoi de l'accusé de réception", 18.0),
    ("Envoi de la réponse", 18.0),
    ("Retirée ou requalifiée le", 12.0),
    ("Motif du retrait ou de la requalification", 30.0),
];

fn opt(s: &Option<String>) -> Cell {
    Cell::Text(s.clone().unwrap_or_default())
}

fn yes_no(b: bool) -> Cell {
    Cell::Text(if b { "oui" } else { "non" }.to_owned())
}

/// The cells of one row, in the order of [`COLUMNS`].
pub fn cells(r: &ExtractRow) -> Vec<Cell> {
    vec![
        Cell::Text(r.reference.to_string()),
        Cell::Text(r.client.clone()),
        Cell::Text(r.client_kind.label().to_owned()),
        Cell::Date(Some(r.received_on)),
        Cell::Date(r.sent_on),
        Cell::Text(r.channel.label().to_owned()),
        Cell::Text(r.subject.label().to_owned()),
        Cell::Text(r.description.clone()),
        opt(&r.contract),
        opt(&r.product),
        opt(&r.insurer),
        Cell::Text(r.other_parties.join(", ")),
        Cell::Text(r.persons_concerned.join(", ")),
        opt(&r.received_by),
        opt(&r.handler),
        Cell::Date(Some(r.ack_due)),
        Cell::Date(r.acknowledged_on),
        yes_no(r.ack_late),
        Cell::Date(Some(r.answer_due)),
        Cell::Date(r.answered_on),
        yes_no(r.answer_late),
        Cell::Text(r.outcome.map(|o| o.label().to_owned()).unwrap_or_default()),
        opt(&r.answer_summary),
        Cell::Money(r.gesture),
        Cell::Text(r.dysfunctions.join(" | ")),
        Cell::Text(r.status_label.to_owned()),
        Cell::Date(r.closed_on),
        Cell::Text(r.feedback.map(|f| f.label().to_owned()).unwrap_or_default()),
        opt(&r.original_reference),
        Cell::Text(
            r.ack_via
                .map(super::via_short)
                .unwrap_or_default()
                .to_owned(),
        ),
        Cell::Text(
            r.answer_via
                .map(super::via_short)
                .unwrap_or_default()
                .to_owned(),
        ),
        Cell::Date(r.ended.as_ref().map(|e| e.on)),
        Cell::Text(
            r.ended
                .as_ref()
                .map(|e| e.reason.clone())
                .unwrap_or_default(),
        ),
    ]
}

/// A text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+…`, `-…`, `@…`) gets a
/// leading apostrophe, which Excel and LibreOffice show as text; the import removes it.
pub fn neutralise_formula(t: String) -> String {
    if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{t}")
    } else {
        t
    }
}

/// CSV for French Excel: UTF-8 with BOM, `;` separator, dates dd/mm/yyyy, amounts with a
/// decimal comma and no currency sign (so that they stay numbers).
pub fn write_csv(rows: &[ExtractRow], out: &mut impl std::io::Write) -> Result<()> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    let csv_err = |e: csv::Error| Error::Io(std::io::Error::other(e.to_string()));
    w.write_record(COLUMNS.iter().map(|(t, _)| *t))
        .map_err(csv_err)?;
    let mut record: Vec<String> = Vec::with_capacity(COLUMNS.len());
    for r in rows {
        record.clear();
        for c in cells(r) {
            record.push(match c {
                Cell::Text(t) => neutralise_formula(t),
                Cell::Date(d) => d
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
                Cell::Money(m) => m
                    .map(|m| m.to_string().replace('.', ","))
                    .unwrap_or_default(),
            });
        }
        w.write_record(&record).map_err(csv_err)?;
    }
    w.flush()?;
    Ok(())
}

fn xlsx_err(e: rust_xlsxwriter::XlsxError) -> Error {
    Error::Io(std::io::Error::other(format!("classeur XLSX : {e}")))
}

/// An XLSX workbook: one "Registre" sheet with typed cells, and the statistics sheet.
pub fn write_xlsx(
    rows: &[ExtractRow],
    title: &str,
    stats: &[super::stats::Section],
) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook};
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x1F3A5F))
        .set_font_color(Color::White)
        .set_text_wrap()
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let money = Format::new().set_num_format("#,##0.00 \"€\"");
    let wrap = Format::new().set_text_wrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Registre").map_err(xlsx_err)?;
    for (col, (t, width)) in COLUMNS.iter().enumerate() {
        let col = col as u16;
        sheet
            .write_with_format(0, col, *t, &header)
            .map_err(xlsx_err)?;
        sheet.set_column_width(col, *width).map_err(xlsx_err)?;
    }
    sheet.set_row_height(0, 30).map_err(xlsx_err)?;
    for (i, r) in rows.iter().enumerate() {
        let row = (i + 1) as u32;
        for (col, c) in cells(r).into_iter().enumerate() {
            let col = col as u16;
            match c {
                Cell::Text(t) if t.is_empty() => {}
                Cell::Text(t) if t.len() > 60 => {
                    sheet
                        .write_with_format(row, col, t, &wrap)
                        .map_err(xlsx_err)?;
                }
                Cell::Text(t) => {
                    sheet.write(row, col, t).map_err(xlsx_err)?;
                }
                Cell::Date(None) | Cell::Money(None) => {}
                Cell::Date(Some(d)) => {
                    let d =
                        ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                            .map_err(xlsx_err)?;
                    sheet
                        .write_date_with_format(row, col, &d, &date)
                        .map_err(xlsx_err)?;
                }
                Cell::Money(Some(m)) => {
                    let v = m.amount().to_f64().unwrap_or_default();
                    sheet
                        .write_number_with_format(row, col, v, &money)
                        .map_err(xlsx_err)?;
                }
            }
        }
    }
    let last = rows.len() as u32;
    sheet
        .autofilter(0, 0, last, (COLUMNS.len() - 1) as u16)
        .map_err(xlsx_err)?;
    sheet.set_freeze_panes(1, 1).map_err(xlsx_err)?;

    let summary = book.add_worksheet();
    summary.set_name("Statistiques").map_err(xlsx_err)?;
    let bold = Format::new().set_bold();
    summary
        .write_with_format(0, 0, title, &bold)
        .map_err(xlsx_err)?;
    summary.set_column_width(0, 55).map_err(xlsx_err)?;
    summary.set_column_width(1, 20).map_err(xlsx_err)?;
    let mut row = 2u32;
    for (section, lines) in stats {
        summary
            .write_with_format(row, 0, section, &header)
            .map_err(xlsx_err)?;
        summary
            .write_with_format(row, 1, "", &header)
            .map_err(xlsx_err)?;
        row += 1;
        for (label, value) in lines {
            summary.write(row, 0, label).map_err(xlsx_err)?;
            summary.write(row, 1, value).map_err(xlsx_err)?;
            row += 1;
        }
        row += 1;
    }
    book.save_to_buffer().map_err(xlsx_err)
}
