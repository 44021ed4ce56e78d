//! The client's right of access (RGPD article 15): everything the register holds about one
//! client, as JSON and as a PDF addressed to them, laid out by the print engine. The store
//! finds the client's complaints and journals the disclosure; this use case composes the export.
//!
//! A client is found by their exact name or e-mail address (case and spacing aside), never by
//! a partial match: an export must not disclose another person's complaints. Anonymised
//! complaints hold no personal data and are left out. Each export is a disclosure of personal
//! data, so it is journaled (`clientExport`, with the query and the references disclosed).

use super::Register;
use crate::complaint::{french_date, ValidationError};
use crate::error::Result;
use crate::letters::{long_date, one_line};
use crate::print::{Block, Letter, Signature};
pub use crate::store::client_export::ClientComplaint;
use crate::store::Store;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::borrow::BorrowMut;

/// The shortest query accepted: a few letters could match someone else by chance.
pub const MIN_QUERY_CHARS: usize = 3;

/// What the register holds about one client.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientExport {
    /// The name or e-mail address searched.
    pub query: String,
    pub made_at: DateTime<Utc>,
    pub made_by: String,
    pub firm: String,
    /// Years the personal data is kept after a complaint is closed.
    pub retention_years: u32,
    pub complaints: Vec<ClientComplaint>,
    /// The client's requests for information (kept out of the register, followed all the
    /// same).
    pub requests: Vec<crate::store::InfoRequest>,
    /// The same, as a PDF addressed to the client (not in the JSON).
    #[serde(skip)]
    #[ts(skip)]
    pub pdf: Vec<u8>,
}

/// Lower case, single spaces: how names and e-mail addresses are compared.
fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

use crate::complaint::lifecycle::event_label;

impl<S: BorrowMut<Store>> Register<S> {
    /// Everything held about the client whose name or e-mail address is `name_or_email`
    /// (exact, whatever the case), as JSON and PDF; the disclosure is journaled as `actor`.
    /// No complaint found is an answer too: the PDF then says so.
    pub fn client_export(&mut self, name_or_email: &str) -> Result<ClientExport> {
        let query = name_or_email
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if query.chars().count() < MIN_QUERY_CHARS {
            return Err(ValidationError::new(
                "client",
                format!(
                    "indiquez le nom complet ou l'adresse e-mail du client ({MIN_QUERY_CHARS} \
                     caractères au moins)"
                ),
            )
            .into());
        }
        let actor = self.actor()?;
        let files = self.s().client_files(&normalise(&query), &normalise)?;
        let requests = self.s().client_requests(&normalise(&query), &normalise)?;
        let (firm, _, _) = self.s().firm()?;
        let mut export = ClientExport {
            query,
            made_at: self.clock().now(),
            made_by: actor.clone(),
            firm: firm.name.trim().to_owned(),
            retention_years: self.retention_years()?,
            complaints: files,
            requests,
            pdf: Vec::new(),
        };
        export.pdf = crate::print::letter::render(&self.export_letter(&export)?)?;
        let references: Vec<&str> = export
            .complaints
            .iter()
            .map(|f| f.complaint.reference.as_str())
            .collect();
        self.sm()
            .journal_client_export(&export.query, &references, &actor)?;
        Ok(export)
    }

    /// The PDF of an export: a letter to the client listing what is held, complaint by
    /// complaint.
    fn export_letter(&self, x: &ClientExport) -> Result<Letter> {
        let (firm, _, _) = self.s().firm()?;
        let today = self.today();
        let latest = x.complaints.last().map(|f| &f.complaint);
        let mut recipient = vec![latest
            .map(|c| c.client.name.clone())
            .unwrap_or_else(|| x.query.clone())];
        if let Some(address) = latest.and_then(|c| c.client.address.as_deref()) {
            recipient.extend(
                address
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned),
            );
        }
        let mut body = Vec::new();
        if x.complaints.is_empty() {
            body.push(Block::Paragraph(format!(
                "Vous nous avez demandé quelles données personnelles nous détenons vous \
                 concernant. Au {}, notre registre des réclamations ne contient aucune \
                 réclamation au nom ou à l'adresse e-mail « {} ».",
                long_date(today),
                x.query
            )));
        } else {
            body.push(Block::Paragraph(format!(
                "Vous nous avez demandé quelles données personnelles nous détenons vous \
                 concernant (article 15 du règlement général sur la protection des données). \
                 Au {}, notre registre des réclamations contient {} à votre nom ; voici \
                 l'ensemble des informations enregistrées{}.",
                long_date(today),
                if x.complaints.len() == 1 {
                    "une réclamation".to_owned()
                } else {
                    format!("{} réclamations", x.complaints.len())
                },
                if x.complaints.len() == 1 {
                    ""
                } else {
                    " pour chacune"
                }
            )));
        }
        for f in &x.complaints {
            complaint_blocks(f, &mut body);
        }
        for q in &x.requests {
            body.push(Block::Bold(format!(
                "Demande d'information n° {} reçue le {}",
                q.id,
                fr(q.received_on)
            )));
            let mut lines = vec![
                format!("Nom : {}", q.client_name),
                format!("Reçue par : {}", q.channel.label()),
            ];
            if !q.description.is_empty() {
                lines.push(format!("Votre demande : {}", q.description));
            }
            if let (Some(on), Some(note)) = (q.closed_on, q.closing_note.as_deref()) {
                lines.push(format!("Réponse le {} : {note}", fr(on)));
            }
            if let Some(r) = &q.to_complaint {
                lines.push(format!("Traitée comme la réclamation {r}"));
            }
            body.push(Block::Paragraph(lines.join("\n")));
        }
        body.push(Block::Notice {
            title: "Vos droits".to_owned(),
            paragraphs: vec![
                format!(
                    "Ces données sont conservées pour le traitement de vos réclamations et le \
                     registre que la réglementation nous impose (recommandation ACPR \
                     2024-R-02), puis {} an{} après la clôture de chaque réclamation, avant \
                     d'être anonymisées.",
                    x.retention_years,
                    if x.retention_years > 1 { "s" } else { "" }
                ),
                "Vous pouvez en demander la rectification, la limitation ou, lorsque la loi le \
                 permet, l'effacement, en écrivant au cabinet. Vous pouvez aussi adresser une \
                 réclamation à la CNIL (www.cnil.fr)."
                    .to_owned(),
            ],
        });
        let references: Vec<String> = x
            .complaints
            .iter()
            .map(|f| f.complaint.reference.to_string())
            .collect();
        Ok(Letter {
            letterhead: firm.letterhead(),
            recipient,
            place_date: firm.place_and_date(today),
            reference_lines: if references.is_empty() {
                Vec::new()
            } else {
                vec![("Réf.".to_owned(), references.join(", "))]
            },
            subject: "Vos données personnelles (droit d'accès)".to_owned(),
            salutation: latest
                .map(crate::letters::salutation)
                .unwrap_or("Madame, Monsieur,")
                .to_owned(),
            body,
            closing: format!(
                "Nous vous prions d'agréer, {} l'expression de nos salutations distinguées.",
                latest
                    .map(crate::letters::salutation)
                    .unwrap_or("Madame, Monsieur,")
            ),
            signature: Signature {
                name: x.made_by.clone(),
                title: String::new(),
                image_png: None,
            },
            footer: vec![format!(
                "{} — relevé des données personnelles établi avec Reclam",
                firm.name.trim()
            )],
            title: "Vos données personnelles".to_owned(),
            created: x.made_at,
        })
    }
}

fn fr(d: NaiveDate) -> String {
    french_date(d)
}

/// The blocks of one complaint's section.
fn complaint_blocks(f: &ClientComplaint, body: &mut Vec<Block>) {
    let c = &f.complaint;
    body.push(Block::Bold(format!(
        "Réclamation {} reçue le {}",
        c.reference,
        fr(c.received_on)
    )));
    let mut lines = Vec::new();
    let client = &c.client;
    lines.push(format!("Nom : {}", client.name));
    if let Some(a) = &client.address {
        lines.push(format!("Adresse : {}", one_line(a)));
    }
    if let Some(e) = &client.email {
        lines.push(format!("E-mail : {e}"));
    }
    if let Some(p) = &client.phone {
        lines.push(format!("Téléphone : {p}"));
    }
    if let Some(n) = &client.number {
        lines.push(format!("Numéro de client : {n}"));
    }
    lines.push(format!(
        "Vous êtes : {} ({})",
        client.relation.label(),
        client.kind.label()
    ));
    lines.push(format!(
        "Reçue par : {}{}",
        c.channel.label(),
        c.sent_on
            .map(|d| format!(", envoyée le {}", fr(d)))
            .unwrap_or_default()
    ));
    lines.push(format!("Objet : {}", c.subject.label()));
    let contract: Vec<String> = [
        c.contract.number.as_ref().map(|n| format!("n° {n}")),
        c.contract.product.clone(),
        c.contract.insurer.as_ref().map(|i| format!("assureur {i}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !contract.is_empty() {
        lines.push(format!("Contrat : {}", contract.join(", ")));
    }
    if !c.other_parties.is_empty() {
        lines.push(format!(
            "Autres intervenants : {}",
            c.other_parties.join(", ")
        ));
    }
    if !c.persons_concerned.is_empty() {
        lines.push(format!(
            "Personnes visées : {}",
            c.persons_concerned.join(", ")
        ));
    }
    lines.push(format!("Statut : {}", c.status.label()));
    body.push(Block::Paragraph(lines.join("\n")));
    if !c.description.is_empty() {
        body.push(Block::Paragraph(format!(
            "Votre réclamation : {}",
            c.description
        )));
    }

    let mut steps = Vec::new();
    if let Some(on) = c.acknowledged_on {
        steps.push(format!("Accusé de réception le {}", fr(on)));
    }
    for h in &c.holdings {
        steps.push(if h.note.is_empty() {
            format!("Réponse d'attente le {}", fr(h.on))
        } else {
            format!("Réponse d'attente le {} : {}", fr(h.on), h.note)
        });
    }
    if let Some(a) = &c.answer {
        let mut s = format!("Réponse le {} : {}", fr(a.on), a.outcome.label());
        if let Some(g) = a.gesture {
            s.push_str(&format!(", geste commercial de {}", g.to_french()));
        }
        if !a.summary.is_empty() {
            s.push_str(&format!(" — {}", a.summary));
        }
        steps.push(s);
    }
    if let Some(cl) = &c.closure {
        steps.push(format!(
            "Clôture le {} (votre retour : {})",
            fr(cl.on),
            cl.feedback.label()
        ));
    }
    for d in &c.dysfunctions {
        steps.push(format!(
            "Dysfonctionnement relevé le {} ({}) : {}",
            fr(d.found_on),
            d.category.label(),
            d.description
        ));
    }
    for a in &f.approvals {
        steps.push(format!(
            "Geste commercial de {} validé par {}",
            a.amount.to_french(),
            a.approved_by
        ));
    }
    list(body, "Traitement", steps);

    list(
        body,
        "Échanges",
        f.exchanges
            .iter()
            .map(|x| {
                format!(
                    "{} — {} ({}) : {}",
                    fr(x.on),
                    x.direction.label(),
                    x.channel.label(),
                    x.summary
                )
            })
            .collect(),
    );
    list(
        body,
        "Lettres envoyées",
        f.letters
            .iter()
            .map(|l| {
                format!(
                    "{} — {}, signée par {}",
                    fr(l.issued_at.date_naive()),
                    l.kind.label(),
                    l.signatory
                )
            })
            .collect(),
    );
    list(
        body,
        "Pièces jointes",
        f.attachments
            .iter()
            .map(|a| {
                format!(
                    "{} — {} ({} octets)",
                    fr(a.added_at.date_naive()),
                    a.name,
                    a.size
                )
            })
            .collect(),
    );
    list(
        body,
        "Suites du litige",
        f.dispute_steps
            .iter()
            .map(|s| {
                if s.summary.is_empty() {
                    format!("{} — {}", fr(s.on), s.kind.label())
                } else {
                    format!("{} — {} : {}", fr(s.on), s.kind.label(), s.summary)
                }
            })
            .collect(),
    );
    list(
        body,
        "Historique du dossier",
        f.events
            .iter()
            .map(|e| {
                let on = DateTime::parse_from_rfc3339(&e.at)
                    .map(|t| fr(t.date_naive()))
                    .unwrap_or_else(|_| e.at.clone());
                format!("{on} — {} ({})", event_label(&e.kind), e.actor)
            })
            .collect(),
    );
}

/// A titled list, left out when empty.
fn list(body: &mut Vec<Block>, title: &str, items: Vec<String>) {
    if items.is_empty() {
        return;
    }
    body.push(Block::Paragraph(format!(
        "{title} :\n{}",
        items
            .iter()
            .map(|i| format!("•\u{A0}{i}"))
            .collect::<Vec<_>>()
            .join("\n")
    )));
}

/// What the app shows after a client export: the files were written where the user chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ClientExportSummary {
    pub query: String,
    /// The references of the complaints found.
    pub references: Vec<String>,
    pub json_path: String,
    pub pdf_path: String,
}
