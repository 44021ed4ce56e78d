//! Verification of the register's proof: the journal's hash chain, each complaint's state
//! against the state hash of its last event, and the stored letters and attachments against
//! the hashes journaled when they were issued or added.
//!
//! What it detects, and how:
//!
//! * an event edited behind the app's back: its content no longer gives its hash;
//! * an event deleted: a gap in the ids, and the next event's `prevHash` points to nothing;
//! * events reordered: the `prevHash` links no longer follow each other;
//! * a complaint edited directly in the database: its state no longer gives the state hash
//!   journaled by its last event;
//! * a letter or an attachment replaced: its bytes no longer give the SHA-256 its journal event
//!   recorded (even if the attacker also rewrote the table's own `sha256` column).
//!
//! Anonymised content (after the retention period) is redacted by a later `anonymised` event
//! that lists every redacted event with the hash it had: for those, the links and that list are
//! checked instead of the content.

use super::journal::{self, Event, GENESIS};
use super::{complaints, Store};
use crate::error::Result;
use serde::Serialize;
use std::collections::HashMap;

/// One problem found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// "sqlite", "eventHash", "eventLink", "eventMissing", "stateHash", "letter",
    /// "attachment", "redaction", "noEvent", "identity".
    pub kind: String,
    pub event_id: Option<i64>,
    pub reference: Option<String>,
    /// French, for the user.
    pub message: String,
}

/// The result of a verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct VerifyReport {
    pub ok: bool,
    pub events: u32,
    pub complaints: u32,
    pub letters: u32,
    pub attachments: u32,
    /// The hash of the last event (what extracts and packs print).
    pub head: Option<String>,
    /// Every problem, the first broken link first.
    pub findings: Vec<Finding>,
}

fn about(e: &Event) -> String {
    match &e.reference {
        Some(r) => format!("événement n° {} (réclamation {r}, « {} »)", e.id, e.kind),
        None => format!("événement n° {} (« {} »)", e.id, e.kind),
    }
}

impl Store {
    /// How many events the journal holds, and the hash of the last one (what extracts and
    /// packs print as the state of the proof they were made from).
    pub fn journal_head(&self) -> Result<(u32, Option<String>)> {
        Ok(self.conn().query_row(
            "SELECT count(*), (SELECT hash FROM events ORDER BY id DESC LIMIT 1) FROM events",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// SQLite's quick integrity check of the file: `None` when it finds nothing wrong.
    pub fn quick_check(&self) -> Result<Option<String>> {
        let found: String = self
            .conn()
            .query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        Ok((found != "ok").then_some(found))
    }

    /// Walk the whole proof and report what does not hold. Reads only.
    pub fn verify(&self) -> Result<VerifyReport> {
        let conn = self.conn();
        let mut findings = Vec::new();
        let mut push = |kind: &str, e: Option<&Event>, reference: Option<String>, m: String| {
            findings.push(Finding {
                kind: kind.to_owned(),
                event_id: e.map(|e| e.id),
                reference: reference.or_else(|| e.and_then(|e| e.reference.clone())),
                message: m,
            });
        };

        // 0. The file itself.
        let quick: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if quick != "ok" {
            push(
                "sqlite",
                None,
                None,
                format!(
                    "le fichier de la base est endommagé ({quick}) : restaurez la dernière \
                     sauvegarde"
                ),
            );
        }

        // 1. The chain.
        let mut stmt = conn.prepare(&format!(
            "{}, e.redacted_by FROM events e LEFT JOIN complaints c ON c.id = e.complaint_id \
             ORDER BY e.id",
            journal::SELECT_EVENTS
                .split(" FROM events e")
                .next()
                .expect("the select has a FROM")
        ))?;
        let mut rows = stmt.query([])?;
        let mut events: Vec<(Event, Option<i64>)> = Vec::new();
        while let Some(r) = rows.next()? {
            events.push((journal::from_row(r)?, r.get(9)?));
        }
        // What each anonymisation event says it redacted: event id → hash at the time.
        let mut redactions: HashMap<i64, (i64, String)> = HashMap::new();
        for (e, _) in &events {
            if e.kind == "anonymised" {
                if let Some(list) = e.data.get("redactedEvents").and_then(|v| v.as_array()) {
                    for item in list {
                        if let (Some(id), Some(hash)) = (
                            item.get("id").and_then(|v| v.as_i64()),
                            item.get("hash").and_then(|v| v.as_str()),
                        ) {
                            redactions.insert(id, (e.id, hash.to_owned()));
                        }
                    }
                }
            }
        }
        let mut prev_hash = GENESIS.to_owned();
        let mut expected_id = 1;
        for (e, redacted_by) in &events {
            if e.id != expected_id {
                push(
                    "eventMissing",
                    Some(e),
                    None,
                    format!(
                        "{} : {} événement(s) manquant(s) avant lui (n° {} à {}) — le journal a \
                         été amputé",
                        about(e),
                        e.id - expected_id,
                        expected_id,
                        e.id - 1
                    ),
                );
            }
            expected_id = e.id + 1;
            if e.prev_hash != prev_hash {
                push(
                    "eventLink",
                    Some(e),
                    None,
                    format!(
                        "{} : il ne suit pas l'événement précédent (chaînage rompu : événement \
                         supprimé, déplacé ou inséré)",
                        about(e)
                    ),
                );
            }
            match redacted_by {
                None => {
                    if e.recompute_hash() != e.hash {
                        push(
                            "eventHash",
                            Some(e),
                            None,
                            format!(
                                "{} : son contenu a été modifié depuis son enregistrement (son \
                                 empreinte ne correspond plus)",
                                about(e)
                            ),
                        );
                    }
                }
                Some(by) => match redactions.get(&e.id) {
                    Some((rby, hash)) if rby == by && *hash == e.hash && *by > e.id => {}
                    _ => push(
                        "redaction",
                        Some(e),
                        None,
                        format!(
                            "{} : marqué anonymisé sans anonymisation journalisée qui le couvre",
                            about(e)
                        ),
                    ),
                },
            }
            prev_hash = e.hash.clone();
        }
        let head = events.last().map(|(e, _)| e.hash.clone());

        // 2. Each complaint against the state hash of its last event.
        let mut last_state: HashMap<i64, String> = HashMap::new();
        {
            let mut stmt = conn.prepare(
                "SELECT complaint_id, state_hash FROM events
                 WHERE complaint_id IS NOT NULL AND state_hash IS NOT NULL ORDER BY id",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                last_state.insert(r.get(0)?, r.get(1)?);
            }
        }
        let mut complaints_count = 0;
        {
            for (id, c) in complaints::load_all(conn)? {
                complaints_count += 1;
                match last_state.get(&id) {
                    None => push(
                        "noEvent",
                        None,
                        Some(c.reference.to_string()),
                        format!(
                            "réclamation {} : aucun événement du journal ne l'a enregistrée \
                             (insérée hors de l'application)",
                            c.reference
                        ),
                    ),
                    Some(h) if *h != journal::complaint_state_hash(&c) => push(
                        "stateHash",
                        None,
                        Some(c.reference.to_string()),
                        format!(
                            "réclamation {} : ses données ne correspondent plus à celles \
                             journalisées par son dernier événement (modifiée hors de \
                             l'application)",
                            c.reference
                        ),
                    ),
                    Some(_) => {}
                }
            }
        }

        // 3. Letters and attachments against the hash their journal event recorded.
        let journaled = |kind: &str, key: &str| -> HashMap<i64, String> {
            events
                .iter()
                .filter(|(e, _)| e.kind == kind)
                .filter_map(|(e, _)| {
                    Some((
                        e.data.get(key)?.as_i64()?,
                        e.data.get("sha256")?.as_str()?.to_owned(),
                    ))
                })
                .collect()
        };
        let letter_hashes = journaled("letterIssued", "letterId");
        let attachment_hashes = journaled("attachment", "attachmentId");
        let mut counts = [0u32; 2];
        for (i, (table, label, hashes)) in [
            ("letters", "lettre", &letter_hashes),
            ("attachments", "pièce jointe", &attachment_hashes),
        ]
        .into_iter()
        .enumerate()
        {
            let blob = if table == "letters" { "pdf" } else { "content" };
            let mut stmt = conn.prepare(&format!(
                "SELECT t.id, c.reference, t.{blob}, t.redacted_by FROM {table} t
                 JOIN complaints c ON c.id = t.complaint_id ORDER BY t.id"
            ))?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                counts[i] += 1;
                let id: i64 = r.get(0)?;
                let reference: String = r.get(1)?;
                let bytes: Vec<u8> = r.get(2)?;
                let redacted_by: Option<i64> = r.get(3)?;
                let kind = if table == "letters" {
                    "letter"
                } else {
                    "attachment"
                };
                match (hashes.get(&id), redacted_by) {
                    (None, _) => push(
                        kind,
                        None,
                        Some(reference.clone()),
                        format!(
                            "{label} n° {id} de la réclamation {reference} : absente du journal \
                             (ajoutée hors de l'application)"
                        ),
                    ),
                    (Some(_), Some(by)) => {
                        let covered = events.iter().any(|(e, _)| {
                            e.id == by
                                && e.kind == "anonymised"
                                && e.data
                                    .get(if table == "letters" {
                                        "redactedLetters"
                                    } else {
                                        "redactedAttachments"
                                    })
                                    .and_then(|v| v.as_array())
                                    .is_some_and(|a| a.iter().any(|x| x.as_i64() == Some(id)))
                        });
                        if !covered {
                            push(
                                "redaction",
                                None,
                                Some(reference.clone()),
                                format!(
                                    "{label} n° {id} de la réclamation {reference} : marquée \
                                     anonymisée sans anonymisation journalisée qui la couvre"
                                ),
                            );
                        }
                    }
                    (Some(h), None) if *h != journal::sha256_hex(&bytes) => push(
                        kind,
                        None,
                        Some(reference.clone()),
                        format!(
                            "{label} n° {id} de la réclamation {reference} : son contenu a été \
                             remplacé (son empreinte ne correspond plus à celle journalisée)"
                        ),
                    ),
                    _ => {}
                }
            }
        }

        // 4. The register's identity: the one its journal recorded.
        if let Some(id) = super::identity::read(conn)? {
            let journaled = events.iter().any(|(e, _)| {
                e.kind == super::identity::EVENT_KIND
                    && e.data.get("registerId").and_then(|v| v.as_str()) == Some(id.as_str())
            });
            if !journaled {
                push(
                    "identity",
                    None,
                    None,
                    format!(
                        "l'identité du registre ({id}) n'est pas celle que son journal a \
                         enregistrée : le fichier a été modifié ou assemblé hors de Reclam"
                    ),
                );
            }
        }

        Ok(VerifyReport {
            ok: findings.is_empty(),
            events: events.len() as u32,
            complaints: complaints_count,
            letters: counts[0],
            attachments: counts[1],
            head,
            findings,
        })
    }
}
