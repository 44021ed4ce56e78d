//! Complaints taken in from an e-mail file: the message read (`crate::mail`) and proposed as a
//! complaint for the user to check; recorded with the message and its attachments kept in the
//! file, in one transaction. An e-mail about a complaint already recorded becomes an incoming
//! exchange, its attachments kept too.

use super::Register;
use crate::complaint::{Channel, Complaint, ComplaintRef, NewClient, NewComplaint, Subject};
use crate::error::Result;
use crate::mail::{self, MailAttachmentInfo};
use crate::store::Store;
use serde::Serialize;
use std::borrow::BorrowMut;

/// What a message proposes, for the user to check before anything is recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct EmailIntake {
    /// The complaint as proposed: client and e-mail from the sender, the message's date as
    /// the date sent and received, channel e-mail, the subject line and the text as the
    /// description. The register's subject (category) is the user's to choose.
    pub complaint: NewComplaint,
    pub subject_line: String,
    /// The message file itself, kept as the first attachment.
    pub message_name: String,
    pub attachments: Vec<MailAttachmentInfo>,
    /// What the user should check (no date in the message, no sender's name...).
    pub warnings: Vec<String>,
}

impl<S: BorrowMut<Store>> Register<S> {
    /// Read a message and propose the complaint it brings (nothing recorded).
    pub fn propose_from_email(&self, name: &str, bytes: &[u8]) -> Result<EmailIntake> {
        let m = mail::read(name, bytes)?;
        let today = self.today();
        let mut warnings = Vec::new();
        let sent = m.sent_on(today);
        if sent.is_none() {
            warnings.push(
                "le message n'a pas de date lisible : la date de réception proposée est \
                 aujourd'hui, corrigez-la si besoin"
                    .to_owned(),
            );
        }
        let client_name = m.from_name.clone().unwrap_or_else(|| {
            warnings.push(
                "l'expéditeur n'a pas de nom dans le message : indiquez le nom du client"
                    .to_owned(),
            );
            String::new()
        });
        Ok(EmailIntake {
            complaint: NewComplaint {
                client: NewClient {
                    name: client_name,
                    email: m.from_email.clone(),
                    ..NewClient::default()
                },
                channel: Channel::Email,
                sent_on: sent,
                received_on: sent.unwrap_or(today),
                subject: Subject::Other,
                description: m.description(),
                contract: Default::default(),
                other_parties: Vec::new(),
                persons_concerned: Vec::new(),
                received_by: self.acting().map(str::to_owned),
                handler: None,
                amount_claimed: None,
            },
            subject_line: m.subject.clone(),
            message_name: mail::clean_name(name, "message.eml"),
            attachments: m
                .attachments
                .iter()
                .map(|a| MailAttachmentInfo {
                    name: a.name.clone(),
                    size: a.bytes.len() as u64,
                })
                .collect(),
            warnings,
        })
    }

    /// Record the complaint as the user checked it, with the message and its attachments
    /// kept in its file, in one transaction.
    pub fn record_from_email(
        &mut self,
        new: &NewComplaint,
        name: &str,
        bytes: &[u8],
    ) -> Result<Complaint> {
        let m = mail::read(name, bytes)?;
        m.check_sizes(name, bytes)?;
        let actor = self.actor()?;
        let message = mail::clean_name(name, "message.eml");
        self.sm().all_or_nothing(|s| {
            let c = s.record(new, &actor)?;
            s.add_attachment(&c.reference, &message, bytes, &actor)?;
            for a in &m.attachments {
                s.add_attachment(&c.reference, &a.name, &a.bytes, &actor)?;
            }
            Ok(c)
        })
    }

    /// An e-mail about a complaint already recorded: an incoming exchange (on the message's
    /// date, its subject and first lines), the message and its attachments kept.
    pub fn add_email_exchange(&mut self, r: &ComplaintRef, name: &str, bytes: &[u8]) -> Result<()> {
        let m = mail::read(name, bytes)?;
        m.check_sizes(name, bytes)?;
        let actor = self.actor()?;
        let exchange = m.exchange(name, self.today());
        let message = mail::clean_name(name, "message.eml");
        self.sm().all_or_nothing(|s| {
            s.add_exchange(r, &exchange, &actor)?;
            s.add_attachment(r, &message, bytes, &actor)?;
            for a in &m.attachments {
                s.add_attachment(r, &a.name, &a.bytes, &actor)?;
            }
            Ok(())
        })
    }
}
