//! Reading the file of an existing register into a table of typed cells: XLSX, XLS and ODS
//! through calamine; CSV or tab-separated text in UTF-8 (with or without BOM), UTF-16 (Excel's
//! "Unicode text") or Windows-1252 / Latin-1 (Excel's "CSV (séparateur : point-virgule)"),
//! separated by `;`, `,` or tabulations.

use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde::Serialize;
use std::io::Cursor;

/// The largest file accepted: far above any real register, low enough to stay responsive.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// The most rows one import reads.
pub const MAX_ROWS: usize = 200_000;
/// The most columns one row may have.
pub const MAX_COLUMNS: usize = 200;
/// The most non-empty cells one workbook sheet may have (a register of `MAX_ROWS` rows with
/// 50 columns filled), so that a compressed sheet cannot fill the memory.
pub const MAX_CELLS: usize = MAX_ROWS * 50;

/// One cell, as the file typed it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

impl Cell {
    /// The cell as the user sees it in a preview.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            Cell::Number(n) => n.to_string().replace('.', ","),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// How the file was read, shown to the user so that a wrong guess is visible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceInfo {
    /// "xlsx", "xls", "ods" or "csv".
    pub format: String,
    /// The sheet read (workbooks), or `None`.
    pub sheet: Option<String>,
    /// "UTF-8", "UTF-16" or "Windows-1252 (Latin-1)" (text files).
    pub encoding: Option<String>,
    /// ";", "," or "tab" (text files).
    pub delimiter: Option<String>,
    /// What the reading adjusted, in French ("dates au format mois/jour/année…").
    pub notes: Vec<String>,
    /// The workbook's sheets with their filled rows (to choose another one).
    pub sheets: Vec<SheetInfo>,
    /// The line of the header row (1-based, as the spreadsheet shows it).
    pub header_line: u32,
    /// The first lines of the file (line, its cells as text), to choose another header row.
    pub top_lines: Vec<(u32, Vec<String>)>,
}

/// The filled rows of a sheet: each with its line number (1-based) and its cells.
type Rows = Vec<(usize, Vec<Cell>)>;

/// A sheet of a workbook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetInfo {
    pub name: String,
    /// Its rows holding at least one value.
    pub rows: u32,
}

/// What the user chose about reading the file: the sheet, the header row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    pub sheet: Option<String>,
    /// The header row's line (1-based); `None`: found by the reading.
    pub header_line: Option<u32>,
}

/// How many lines from the top the header row is looked for in (and shown to choose from).
pub const HEADER_SEARCH: usize = 20;

/// The file as a table: its header row and the rows under it, each with its line number in
/// the file (1-based, as the spreadsheet shows it).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub info: SourceInfo,
    pub headers: Vec<String>,
    pub rows: Vec<(usize, Vec<Cell>)>,
}

fn unreadable(detail: impl std::fmt::Display) -> Error {
    Error::Validation(crate::complaint::ValidationError::new(
        "file",
        format!("fichier illisible : {detail}"),
    ))
}

/// Read a register file from its bytes (the name only helps to tell the format), finding its
/// header row.
pub fn read(bytes: &[u8], file_name: &str) -> Result<Table> {
    read_with(bytes, file_name, &ReadOptions::default())
}

/// [`read`] with the user's choice of sheet and header row.
pub fn read_with(bytes: &[u8], file_name: &str, opts: &ReadOptions) -> Result<Table> {
    if bytes.len() > MAX_BYTES {
        return Err(unreadable(format!(
            "{} Mo, au-delà de la limite de {} Mo",
            bytes.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        )));
    }
    let lower = file_name.to_lowercase();
    let zip = bytes.starts_with(b"PK\x03\x04");
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if zip || ole {
        return read_workbook(bytes, opts);
    }
    if [".xlsx", ".xlsm", ".xls", ".ods"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return Err(unreadable(
            "ce n'est pas un classeur Excel ou OpenDocument valide",
        ));
    }
    if let Some(sheet) = &opts.sheet {
        return Err(Error::Validation(crate::complaint::ValidationError::new(
            "sheet",
            format!("un fichier texte n'a pas de feuille « {sheet} »"),
        )));
    }
    read_text(bytes, opts.header_line)
}

fn read_workbook(bytes: &[u8], opts: &ReadOptions) -> Result<Table> {
    // calamine parses bytes from anywhere: a damaged file must be refused, never bring the
    // app down (its cell-reference arithmetic overflows on some damaged files, a panic in
    // builds that check overflow).
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_workbook_unchecked(bytes, opts)
    }))
    .unwrap_or_else(|_| {
        Err(unreadable(
            "classeur endommagé : ses cellules ne peuvent pas être lues",
        ))
    })
}

fn read_workbook_unchecked(bytes: &[u8], opts: &ReadOptions) -> Result<Table> {
    use calamine::Reader;
    // calamine's own messages are in English: say what it means for the user.
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| {
        unreadable("ce n'est pas un classeur Excel ou OpenDocument valide (fichier endommagé ?)")
    })?;
    let format = match &book {
        calamine::Sheets::Xls(_) => "xls",
        calamine::Sheets::Xlsx(_) => "xlsx",
        calamine::Sheets::Xlsb(_) => "xlsb",
        calamine::Sheets::Ods(_) => "ods",
    };
    let names = book.sheet_names();
    if names.is_empty() {
        return Err(unreadable("le classeur ne contient aucune feuille"));
    }
    let mut sheets = Vec::with_capacity(names.len());
    let mut chosen: Option<(String, Rows)> = None;
    // The best table of the workbook when none is named like a register: the sheet whose
    // first rows name the most register fields, then the fullest.
    let mut best: Option<(usize, u32, String)> = None;
    for name in &names {
        let asked = opts.sheet.as_deref() == Some(name.as_str());
        // A chart sheet or a damaged sheet the user did not choose is listed empty, never
        // stops the reading of the others.
        let rows = match sheet_rows(&mut book, name) {
            Ok(rows) => rows,
            Err(e) if asked => return Err(e),
            Err(_) => Vec::new(),
        };
        sheets.push(SheetInfo {
            name: name.clone(),
            rows: rows.len() as u32,
        });
        let score = rows
            .iter()
            .take(HEADER_SEARCH)
            .map(|(_, cells)| header_score(cells))
            .max()
            .unwrap_or(0);
        let candidate = (score, rows.len() as u32, name.clone());
        if best
            .as_ref()
            .is_none_or(|b| (candidate.0, candidate.1) > (b.0, b.1))
        {
            best = Some(candidate);
        }
        if asked {
            chosen = Some((name.clone(), rows));
        }
    }
    let (sheet, rows) = match (&opts.sheet, chosen) {
        (_, Some(found)) => found,
        (Some(asked), None) => {
            return Err(Error::Validation(crate::complaint::ValidationError::new(
                "sheet",
                format!(
                    "le classeur n'a pas de feuille « {asked} » (feuilles : {})",
                    names.join(", ")
                ),
            )))
        }
        (None, None) => {
            // The register's sheet: one named like a register, otherwise the fullest one.
            let named = names.iter().find(|n| {
                let n = super::cells::normalise(n);
                n.contains("registre") || n.contains("reclamation")
            });
            let name = named
                .cloned()
                .or_else(|| best.map(|(_, _, n)| n))
                .expect("at least one sheet");
            let rows = sheet_rows(&mut book, &name)?;
            (name, rows)
        }
    };
    finish(
        SourceInfo {
            format: format.to_owned(),
            sheet: Some(sheet),
            encoding: None,
            delimiter: None,
            notes: Vec::new(),
            sheets,
            header_line: 0,
            top_lines: Vec::new(),
        },
        rows,
        opts.header_line,
    )
}

/// The filled rows of one sheet of a workbook.
fn sheet_rows<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Sheets<RS>,
    sheet: &str,
) -> Result<Vec<(usize, Vec<Cell>)>> {
    use calamine::Reader;
    let damaged = || {
        unreadable(format!(
            "la feuille « {sheet} » ne peut pas être lue (classeur endommagé ?)"
        ))
    };
    match book {
        // calamine lays a whole XLSX sheet out as one rectangle from its first to its last
        // cell: a single value in XFD1048576 asks for 17 billion cells and aborts the
        // process. Read the cells one by one instead, keeping only the rows that hold some.
        calamine::Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx.worksheet_cells_reader(sheet).map_err(|_| damaged())?;
            let mut cells = Vec::new();
            while let Some(c) = reader.next_cell().map_err(|_| damaged())? {
                let data = calamine::Data::from(c.get_value().clone());
                if data != calamine::Data::Empty {
                    cells.push((c.get_position(), data));
                    if cells.len() > MAX_CELLS {
                        return Err(unreadable(format!("plus de {MAX_CELLS} cellules remplies")));
                    }
                }
            }
            sparse_rows(cells)
        }
        other => {
            let range = other.worksheet_range(sheet).map_err(|_| damaged())?;
            let (top, left) = range.start().unwrap_or((0, 0));
            let cells = range
                .used_cells()
                .map(|(r, c, d)| ((top + r as u32, left + c as u32), d.clone()))
                .collect();
            sparse_rows(cells)
        }
    }
}

/// The rows of a sheet from its non-empty cells: each row that holds a value, numbered as the
/// spreadsheet shows it, its cells from the sheet's first used column on (at most
/// `MAX_COLUMNS`).
fn sparse_rows(cells: Vec<((u32, u32), calamine::Data)>) -> Result<Vec<(usize, Vec<Cell>)>> {
    let Some(left) = cells.iter().map(|((_, c), _)| *c).min() else {
        return Ok(Vec::new());
    };
    let right = cells.iter().map(|((_, c), _)| *c).max().unwrap_or(left);
    let width = ((right - left) as usize + 1).min(MAX_COLUMNS);
    let mut rows: std::collections::BTreeMap<u32, Vec<Cell>> = std::collections::BTreeMap::new();
    for ((r, c), data) in cells {
        let col = (c - left) as usize;
        if col >= width {
            continue;
        }
        if !rows.contains_key(&r) && rows.len() > MAX_ROWS {
            return Err(unreadable(format!("plus de {MAX_ROWS} lignes")));
        }
        rows.entry(r).or_insert_with(|| vec![Cell::Empty; width])[col] = cell_of(&data);
    }
    Ok(rows
        .into_iter()
        .map(|(r, cells)| (r as usize + 1, cells))
        .collect())
}

/// A workbook value as a cell of the table.
fn cell_of(d: &calamine::Data) -> Cell {
    use calamine::{Data, DataType};
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "oui" } else { "non" }.to_owned()),
        Data::DateTime(dt) if dt.is_datetime() => d
            .as_date()
            .map(Cell::Date)
            .unwrap_or(Cell::Number(dt.as_f64())),
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => d
            .as_date()
            .map(Cell::Date)
            .unwrap_or_else(|| Cell::Text(s.clone())),
        Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}

/// Decode a text file: BOM first, then strict UTF-8, else Windows-1252 (a superset of
/// Latin-1 for printable text, and what Excel writes on a French Windows).
fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, _) = enc.decode(bytes);
        let name = if enc == encoding_rs::UTF_8 {
            "UTF-8"
        } else {
            "UTF-16"
        };
        return (text.into_owned(), name);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), "UTF-8"),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (text.into_owned(), "Windows-1252 (Latin-1)")
        }
    }
}

/// The separator of the header line: the most frequent of `;`, tab and `,` outside quotes.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b';', 0usize), (b'\t', 0), (b',', 0)];
    let mut quoted = false;
    for c in first.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in counts.iter_mut() {
                if c == *d {
                    *n += 1;
                }
            }
        }
    }
    // Ties go to ';' (listed first), what French Excel writes.
    counts
        .iter()
        .fold(
            (b';', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

fn read_text(bytes: &[u8], header_line: Option<u32>) -> Result<Table> {
    let (text, encoding) = decode(bytes);
    if text.contains('\0') {
        return Err(unreadable(
            "fichier binaire : choisissez un fichier CSV, XLSX, XLS ou ODS",
        ));
    }
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // The line where each record starts (a quoted cell may span several lines), counted from
    // byte offsets: the reader's own line counter lags by one after a CRLF.
    let bytes = text.as_bytes();
    let (mut counted_to, mut newlines) = (0usize, 0usize);
    loop {
        if !reader.read_record(&mut record).map_err(|e| {
            unreadable(match e.position() {
                Some(p) => format!("texte CSV illisible à la ligne {}", p.line()),
                None => "texte CSV illisible".to_owned(),
            })
        })? {
            break;
        }
        if rows.len() > MAX_ROWS {
            return Err(unreadable(format!("plus de {MAX_ROWS} lignes")));
        }
        let mut start = record.position().map(|p| p.byte() as usize).unwrap_or(0);
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        newlines += line_breaks(&bytes[counted_to..start.max(counted_to)]);
        counted_to = counted_to.max(start);
        let line = newlines + 1;
        let cells = record
            .iter()
            .take(MAX_COLUMNS)
            .map(|s| {
                if s.trim().is_empty() {
                    Cell::Empty
                } else {
                    // The apostrophe our CSV extract (and careful spreadsheets) put before a
                    // text that would otherwise run as a formula.
                    let formula_guard = s.len() > 1
                        && s.starts_with('\'')
                        && s[1..].starts_with(['=', '+', '-', '@', '\t', '\r']);
                    Cell::Text(if formula_guard { &s[1..] } else { s }.to_owned())
                }
            })
            .collect();
        rows.push((line, cells));
    }
    finish(
        SourceInfo {
            format: "csv".to_owned(),
            sheet: None,
            encoding: Some(encoding.to_owned()),
            delimiter: Some(
                match delimiter {
                    b'\t' => "tab",
                    b',' => ",",
                    _ => ";",
                }
                .to_owned(),
            ),
            notes: Vec::new(),
            sheets: Vec::new(),
            header_line: 0,
            top_lines: Vec::new(),
        },
        rows,
        header_line,
    )
}

/// Line breaks as a spreadsheet counts them: CRLF, LF, or a lone CR (the CSV reader ends a
/// record on a lone CR too, as old Mac files write them). A chunk never ends between the CR
/// and the LF of a CRLF: the caller cuts after every line break character.
fn line_breaks(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count()
}

/// How much a row looks like a header: how many of its cells name a register field. A title
/// block ("Cabinet Durand", "Registre des réclamations 2025", "Mis à jour le…") names none.
fn header_score(cells: &[Cell]) -> usize {
    let titles: Vec<String> = cells
        .iter()
        .map(|c| match c {
            Cell::Text(t) => t.trim().to_owned(),
            _ => String::new(),
        })
        .collect();
    super::mapping::guess(&titles).iter().flatten().count()
}

/// Split off the header row and drop empty rows. The header row is the user's choice, else
/// the row among the first [`HEADER_SEARCH`] filled ones whose cells name the most register
/// fields (at least two; otherwise the first filled row, as a plain table has it).
fn finish(
    mut info: SourceInfo,
    rows: Vec<(usize, Vec<Cell>)>,
    header_line: Option<u32>,
) -> Result<Table> {
    let rows: Vec<(usize, Vec<Cell>)> = rows
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.is_empty()))
        .collect();
    if rows.is_empty() {
        return Err(unreadable("le fichier est vide"));
    }
    info.top_lines = rows
        .iter()
        .take(HEADER_SEARCH)
        .map(|(line, cells)| {
            (
                *line as u32,
                cells
                    .iter()
                    .map(|c| c.display().trim().to_owned())
                    .collect(),
            )
        })
        .collect();
    let at = match header_line {
        Some(line) => rows
            .iter()
            .position(|(l, _)| *l as u32 == line)
            .ok_or_else(|| {
                Error::Validation(crate::complaint::ValidationError::new(
                    "headerRow",
                    format!("la ligne {line} du fichier est vide ou n'existe pas"),
                ))
            })?,
        None => {
            let scores: Vec<usize> = rows
                .iter()
                .take(HEADER_SEARCH)
                .map(|(_, cells)| header_score(cells))
                .collect();
            let best = scores.iter().copied().max().unwrap_or(0);
            if best >= 2 {
                scores
                    .iter()
                    .position(|s| *s == best)
                    .expect("the max is one of them")
            } else {
                0
            }
        }
    };
    info.header_line = rows[at].0 as u32;
    if at > 0 {
        info.notes.push(format!(
            "ligne {} prise comme ligne de titres ; {} ligne(s) au-dessus ignorée(s) (titre du \
             registre, date de mise à jour…)",
            info.header_line, at
        ));
    }
    let mut rows = rows.into_iter().skip(at);
    let (_, header) = rows.next().expect("at is a row");
    let headers: Vec<String> = header
        .iter()
        .map(|c| c.display().trim().to_owned())
        .collect();
    let rows = rows.collect();
    Ok(Table {
        info,
        headers,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_semicolon_file_is_decoded() {
        let bytes = b"R\xe9f\xe9rence;Client;Re\xe7ue le\r\nA1;H\xe9l\xe8ne;03/02/2026\r\n";
        let t = read(bytes, "registre.csv").unwrap();
        assert_eq!(t.headers, ["Référence", "Client", "Reçue le"]);
        assert_eq!(t.info.encoding.as_deref(), Some("Windows-1252 (Latin-1)"));
        assert_eq!(t.info.delimiter.as_deref(), Some(";"));
        assert_eq!(t.rows[0].0, 2);
        assert_eq!(t.rows[0].1[1], Cell::Text("Hélène".into()));
    }

    #[test]
    fn comma_file_with_quotes_and_bom() {
        let bytes =
            "\u{FEFF}Ref,Client,Description\n1,\"Martin; Paul\",\"ligne 1\nligne 2\"\n\n2,B,\n"
                .as_bytes();
        let t = read(bytes, "x.csv").unwrap();
        assert_eq!(t.info.delimiter.as_deref(), Some(","));
        assert_eq!(t.info.encoding.as_deref(), Some("UTF-8"));
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].1[1], Cell::Text("Martin; Paul".into()));
        assert_eq!(t.rows[0].1[2], Cell::Text("ligne 1\nligne 2".into()));
        assert_eq!(t.rows[1].0, 5);
    }

    #[test]
    fn lone_carriage_returns_end_lines_too() {
        // An old Mac "CSV" ends lines with CR alone: each row keeps its own line number.
        let t = read(
            b"Client;Date\rA;01/01/2026\rB;02/01/2026\r\nC;03/01/2026\n",
            "x.csv",
        )
        .unwrap();
        let lines: Vec<usize> = t.rows.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [2, 3, 4]);
    }

    #[test]
    fn a_value_in_the_last_cell_of_a_sheet_is_read_without_laying_out_the_sheet() {
        // calamine's rectangle from A1 to XFD1048576 would be 17 billion cells.
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Client").unwrap();
        sheet.write_string(1, 0, "M. Petit").unwrap();
        sheet.write_string(1_048_575, 16_383, "x").unwrap();
        let t = read(&book.save_to_buffer().unwrap(), "registre.xlsx").unwrap();
        assert_eq!(t.headers.len(), MAX_COLUMNS);
        assert_eq!(t.headers[0], "Client");
        let lines: Vec<usize> = t.rows.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [2]);
    }

    #[test]
    fn binary_and_fake_workbooks_are_refused() {
        assert!(read(b"\x00\x01\x02abc", "x.csv").is_err());
        assert!(read(b"hello", "x.xlsx").is_err());
        assert!(read(b"", "x.csv").is_err());
    }
}
