//! Joining PDFs into one, in order (the inspection pack: cover, procedure, register extract).
//! Pages keep their own size and orientation. Depends on lopdf only.

use lopdf::{Document, Object, ObjectId};
use std::collections::BTreeMap;

use super::PrintError;

/// The number of pages of a PDF.
pub fn page_count(pdf: &[u8]) -> Result<usize, PrintError> {
    Document::load_mem(pdf)
        .map(|d| d.get_pages().len())
        .map_err(|e| PrintError::Read(e.to_string()))
}

/// Join PDFs, in order, into one (pages keep their own size and orientation).
pub fn merge(pdfs: &[&[u8]]) -> Result<Vec<u8>, PrintError> {
    let bad = |e: lopdf::Error| PrintError::Merge(e.to_string());
    let mut out = Document::with_version("1.7");
    let mut max_id = 1;
    let mut pages: Vec<(ObjectId, Object)> = Vec::new();
    let mut objects: BTreeMap<ObjectId, Object> = BTreeMap::new();
    for bytes in pdfs {
        let mut doc = Document::load_mem(bytes).map_err(bad)?;
        doc.renumber_objects_with(max_id);
        max_id = doc.max_id + 1;
        for (_, id) in doc.get_pages() {
            let page = doc.get_object(id).map_err(bad)?.to_owned();
            pages.push((id, page));
        }
        objects.extend(doc.objects);
    }
    let mut catalog: Option<(ObjectId, Object)> = None;
    let mut root_pages: Option<(ObjectId, Object)> = None;
    for (id, object) in objects {
        match object.type_name().unwrap_or(b"") {
            b"Catalog" => {
                if catalog.is_none() {
                    catalog = Some((id, object));
                }
            }
            b"Pages" => {
                // Keep the first page tree root; the others' attributes are on their pages.
                if root_pages.is_none() {
                    root_pages = Some((id, object));
                }
            }
            b"Page" | b"Outlines" | b"Outline" => {}
            _ => {
                out.objects.insert(id, object);
            }
        }
    }
    let (pages_id, pages_obj) =
        root_pages.ok_or_else(|| PrintError::Merge("aucune page".to_owned()))?;
    let (catalog_id, catalog_obj) =
        catalog.ok_or_else(|| PrintError::Merge("aucun catalogue".to_owned()))?;
    let mut kids = Vec::with_capacity(pages.len());
    for (id, page) in &pages {
        let mut dict = page.as_dict().map_err(bad)?.clone();
        dict.set("Parent", pages_id);
        out.objects.insert(*id, Object::Dictionary(dict));
        kids.push(Object::Reference(*id));
    }
    let mut dict = pages_obj.as_dict().map_err(bad)?.clone();
    dict.set("Count", pages.len() as u32);
    dict.set("Kids", kids);
    out.objects.insert(pages_id, Object::Dictionary(dict));
    let mut dict = catalog_obj.as_dict().map_err(bad)?.clone();
    dict.set("Pages", pages_id);
    dict.remove(b"Outlines");
    out.objects.insert(catalog_id, Object::Dictionary(dict));
    out.trailer.set("Root", catalog_id);
    out.max_id = out.objects.keys().map(|(n, _)| *n).max().unwrap_or(0);
    out.renumber_objects();
    out.compress();
    let mut buf = Vec::new();
    out.save_to(&mut buf)
        .map_err(|e| PrintError::Merge(e.to_string()))?;
    Ok(buf)
}
