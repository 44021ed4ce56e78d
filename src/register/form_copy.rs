//! A complaint made through a web form gets a dated copy (ACPR 2024-R-02): what the client
//! submitted, dated, kept in the file as an attachment from the moment it is recorded, ready
//! to be sent to them.

use super::Register;
use crate::complaint::{french_date, Channel, Complaint, ComplaintRef, NewComplaint};
use crate::error::Result;
use crate::letters::{long_date, one_line};
use crate::print::{Block, Letter, Signature};
use crate::store::Store;
use std::borrow::BorrowMut;

/// The attachment's name.
pub fn form_copy_name(r: &ComplaintRef) -> String {
    format!("copie-formulaire-{r}.pdf")
}

impl<S: BorrowMut<Store>> Register<S> {
    /// Record a complaint (see `record`) and, for a web form, its dated copy in the same
    /// transaction.
    pub(super) fn record_with_copy(
        &mut self,
        new: &NewComplaint,
        reference: Option<&ComplaintRef>,
    ) -> Result<Complaint> {
        let actor = self.actor()?;
        if new.channel != Channel::WebForm {
            return self.sm().record_as(new, &actor, reference);
        }
        let (firm, _, _) = self.s().firm()?;
        let at = self.clock().now();
        self.sm().all_or_nothing(|s| {
            let c = s.record_as(new, &actor, reference)?;
            let pdf = crate::print::letter::render(&copy_letter(&c, &firm, at))?;
            s.add_attachment(&c.reference, &form_copy_name(&c.reference), &pdf, &actor)?;
            Ok(c)
        })
    }
}

fn copy_letter(
    c: &Complaint,
    firm: &crate::firm::Firm,
    at: chrono::DateTime<chrono::Utc>,
) -> Letter {
    let mut recipient = vec![c.client.name.clone()];
    if let Some(a) = &c.client.address {
        recipient.extend(
            a.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned),
        );
    }
    let mut lines = vec![format!("Nom : {}", c.client.name)];
    if let Some(a) = &c.client.address {
        lines.push(format!("Adresse : {}", one_line(a)));
    }
    if let Some(e) = &c.client.email {
        lines.push(format!("E-mail : {e}"));
    }
    if let Some(p) = &c.client.phone {
        lines.push(format!("Téléphone : {p}"));
    }
    lines.push(format!("Objet : {}", c.subject.label()));
    let contract: Vec<String> = [
        c.contract.number.as_ref().map(|n| format!("n° {n}")),
        c.contract.product.clone(),
        c.contract.insurer.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !contract.is_empty() {
        lines.push(format!("Contrat : {}", contract.join(", ")));
    }
    if let Some(sent) = c.sent_on {
        lines.push(format!("Envoyée le : {}", french_date(sent)));
    }
    lines.push(format!("Reçue le : {}", french_date(c.received_on)));
    let mut body = vec![
        Block::Paragraph(format!(
            "Vous nous avez adressé une réclamation au moyen de notre formulaire, reçue le {}. \
             Voici la copie datée de ce que vous nous avez transmis ; elle est enregistrée sous \
             la référence {}.",
            long_date(c.received_on),
            c.reference
        )),
        Block::Bold("Ce que vous nous avez transmis".to_owned()),
        Block::Paragraph(lines.join("\n")),
    ];
    if !c.description.trim().is_empty() {
        body.push(Block::Paragraph(format!(
            "Votre message : {}",
            c.description.trim()
        )));
    }
    body.push(Block::Paragraph(format!(
        "Nous vous répondrons au plus tard le {}.",
        long_date(c.deadlines.answer_due)
    )));
    Letter {
        letterhead: firm.letterhead(),
        recipient,
        place_date: firm.place_and_date(c.received_on),
        reference_lines: vec![("Réf.".to_owned(), c.reference.to_string())],
        subject: format!(
            "Copie datée de votre réclamation reçue par formulaire le {}",
            french_date(c.received_on)
        ),
        salutation: crate::letters::salutation(c).to_owned(),
        body,
        closing: format!(
            "Nous vous prions d'agréer, {} l'expression de nos salutations distinguées.",
            crate::letters::salutation(c)
        ),
        signature: Signature {
            name: firm.name.trim().to_owned(),
            title: String::new(),
            image_png: None,
        },
        footer: vec![format!(
            "{} — copie datée d'une réclamation reçue par formulaire",
            firm.name.trim()
        )],
        title: "Copie datée de votre réclamation".to_owned(),
        created: at,
    }
}
