//! E-mail files on the firm's register: the complaint (or the exchange) as one change, then
//! one change per file kept (the message, its attachments), each durable on its own.

use super::Workstation;
use crate::api::complaints::RecordComplaintReq;
use crate::api::lifecycle::AddExchangeReq;
use crate::complaint::NewComplaint;
use crate::error::Result;
use crate::sync::Op;
use serde_json::Value;

impl Workstation {
    /// Record the complaint as the user checked it, then keep the message and its attachments.
    pub fn record_from_email(
        &mut self,
        new: &NewComplaint,
        name: &str,
        bytes: &[u8],
    ) -> Result<Value> {
        let m = crate::mail::read(name, bytes)?;
        m.check_sizes(name, bytes)?;
        let recorded = self.execute(Op::Record {
            reference: String::new(),
            req: RecordComplaintReq {
                input: serde_json::to_value(new).expect("a complaint serialises"),
            },
        })?;
        let reference = recorded
            .get("reference")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        self.keep_files(&reference, name, bytes, m.attachments)?;
        Ok(recorded)
    }

    /// An e-mail about a complaint: an incoming exchange, then the files kept.
    pub fn add_email_exchange(&mut self, reference: &str, name: &str, bytes: &[u8]) -> Result<()> {
        let m = crate::mail::read(name, bytes)?;
        m.check_sizes(name, bytes)?;
        let exchange = m.exchange(name, self.store().today());
        self.execute(Op::AddExchange(AddExchangeReq {
            reference: reference.to_owned(),
            input: serde_json::to_value(exchange).expect("an exchange serialises"),
        }))?;
        self.keep_files(reference, name, bytes, m.attachments)
    }

    fn keep_files(
        &mut self,
        reference: &str,
        name: &str,
        bytes: &[u8],
        attachments: Vec<crate::mail::MailAttachment>,
    ) -> Result<()> {
        self.execute(Op::AddAttachment {
            reference: reference.to_owned(),
            name: crate::mail::clean_name(name, "message.eml"),
            bytes: bytes.to_vec(),
        })?;
        for a in attachments {
            self.execute(Op::AddAttachment {
                reference: reference.to_owned(),
                name: a.name,
                bytes: a.bytes,
            })?;
        }
        Ok(())
    }
}
