//! Extract requests: statistics, the register extract, the inspection pack.

use super::{Fields, Request};
use crate::error::Result;
use crate::extract::ExtractQuery;
use serde::Deserialize;
use serde_json::Value;
use std::path::PathBuf;
use ts_rs::TS;

/// Statistics of a period (`extract_stats`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExtractStatsReq {
    #[ts(type = "ExtractQuery")]
    pub query: Value,
}

impl Request for ExtractStatsReq {
    type Decoded = ExtractQuery;

    fn decode(self) -> Result<ExtractQuery> {
        let mut f = Fields::default();
        let q = f.json(self.query);
        all_fields!(f; q);
        Ok(q)
    }
}

/// The register extract written where the user chose (`export_extract`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportExtractReq {
    #[ts(type = "ExtractQuery")]
    pub query: Value,
    /// pdf, csv or xlsx.
    pub format: String,
    pub path: PathBuf,
}

impl Request for ExportExtractReq {
    type Decoded = (ExtractQuery, String, PathBuf);

    fn decode(self) -> Result<(ExtractQuery, String, PathBuf)> {
        let q = ExtractStatsReq { query: self.query }.decode()?;
        Ok((q, self.format, self.path))
    }
}

/// The inspection pack written into the folder the user chose (`export_pack`).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportPackReq {
    #[ts(type = "ExtractQuery")]
    pub query: Value,
    pub dir: PathBuf,
}

impl Request for ExportPackReq {
    type Decoded = (ExtractQuery, PathBuf);

    fn decode(self) -> Result<(ExtractQuery, PathBuf)> {
        let q = ExtractStatsReq { query: self.query }.decode()?;
        Ok((q, self.dir))
    }
}

/// A period and the extract's filters as typed on the command line (`--from`, `--status`...).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(optional_fields = nullable)]
pub struct PeriodReq {
    pub from: String,
    pub to: String,
    pub status: Option<String>,
    pub subject: Option<String>,
    pub channel: Option<String>,
    pub product: Option<String>,
    pub insurer: Option<String>,
    pub handler: Option<String>,
}

impl Request for PeriodReq {
    type Decoded = ExtractQuery;

    fn decode(self) -> Result<ExtractQuery> {
        let mut f = Fields::default();
        let from = f.date("from", &self.from);
        let to = f.date("to", &self.to);
        let status = f.optional_vocab("status", self.status.as_deref());
        let subject = f.optional_vocab("subject", self.subject.as_deref());
        let channel = f.optional_vocab("channel", self.channel.as_deref());
        all_fields!(f; from, to, status, subject, channel);
        Ok(ExtractQuery {
            from,
            to,
            status,
            subject,
            channel,
            product: self.product,
            insurer: self.insurer,
            handler: self.handler,
        })
    }
}
