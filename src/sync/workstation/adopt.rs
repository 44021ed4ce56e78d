//! A register kept on one desk until now, moved to the firm's server as its journal's first
//! change, and taken by every workstation as its cache.

use super::*;

impl Workstation {
    /// Move a register kept on one desk until now (`from`) to the firm's server, as the first
    /// change after its members: checked first (its journal must verify), its passwords left
    /// out (members sign in with their server login), then taken by every workstation as its
    /// cache, journal included. A manager of that register does it.
    pub fn adopt(&mut self, from: &Path) -> Result<AdoptReport> {
        if self.server.is_none() {
            return Err(Error::Offline(
                "reprendre un registre sur le serveur demande le serveur : reconnectez-vous".into(),
            ));
        }
        self.require_synced()?;
        self.pull()?;
        let clock = self.reg.clock().clone();
        let source = Register::open(from, clock.clone())?;
        if source.store().is_cache()? {
            return Err(Error::Server(format!(
                "{} est le cache d'un registre partagé, pas un registre à reprendre",
                from.display()
            )));
        }
        let report = source.verify()?;
        if !report.ok {
            return Err(Error::Tampered(format!(
                "le registre à reprendre ne se vérifie pas ({}) : rien n'a été envoyé",
                report
                    .findings
                    .first()
                    .map(|f| f.message.clone())
                    .unwrap_or_default()
            )));
        }
        let name = self.name.clone();
        let manager = source.users()?.into_iter().any(|u| {
            crate::firm::same_name(&u.name, &name)
                && u.role == crate::firm::Role::Manager
                && u.active
        });
        if !manager {
            return Err(Error::Forbidden(format!(
                "{name} n'est pas dirigeant(e) actif(ve) du registre à reprendre : seul l'un de \
                 ses dirigeants le reprend sur le serveur"
            )));
        }
        let complaints = source
            .list(&crate::store::register::RegisterQuery {
                limit: 1,
                ..Default::default()
            })?
            .total;
        let counters = source.store().reference_counters()?;
        // A copy without the passwords: members sign in with their server login.
        let copy = side_file(self.reg.path(), "adopt-out");
        remove_db(&copy);
        source.store().save_checkpoint(&copy)?;
        drop(source);
        Store::open(&copy, clock.clone())?.forget_credentials()?;
        let bytes = std::fs::read(&copy)?;
        remove_db(&copy);
        use base64::Engine;
        let op = Op::AdoptRegister {
            sha256: crate::store::journal::sha256_hex(&bytes),
            size: bytes.len() as u64,
            data: base64::engine::general_purpose::STANDARD.encode(deflate(&bytes)?),
        };
        let s = self.reg.store_mut();
        let (position, _) = cursor(s)?;
        let device_seq: i64 = s
            .sync_value("nextDeviceSeq")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(1);
        let entry = OutboxEntry {
            device_seq,
            op_id: format!(
                "{}-{device_seq}-{}",
                self.device,
                crate::store::identity::new_id()
            ),
            login: self.target.login.clone(),
            acted_at: format_instant(clock.now().trunc_subsecs(3)),
            acted_on: clock.today().to_string(),
            based_on: position,
            kind: op.kind().to_owned(),
            reference: None,
            payload: op.payload(),
        };
        s.set_sync_value("nextDeviceSeq", &(device_seq + 1).to_string())?;
        let device = self.device.clone();
        let server = self.server.as_mut().expect("online");
        // Its references stay its own: the server leases numbers after them from now on.
        for (year, last) in counters {
            server.raise_counter(year, last)?;
        }
        match server.append(&device, &entry, Some(position))? {
            (Appended::At { .. }, _) => {}
            (Appended::Behind { .. }, _) => {
                return Err(Error::Server(
                    "le registre du cabinet a changé pendant la reprise : rien n'a été repris, \
                     réessayez"
                        .into(),
                ))
            }
        }
        self.pull()?;
        let year = self.reg.today().year();
        self.top_up_lease(year)?;
        Ok(AdoptReport {
            complaints,
            journal_events: report.events,
            bytes: bytes.len() as u64,
            chain_length: cursor(self.store())?.0,
        })
    }
}

/// What moving a register to the server took.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AdoptReport {
    pub complaints: u64,
    /// Its own journal's events, now the start of every cache's journal.
    pub journal_events: u32,
    pub bytes: u64,
    /// The firm's journal after it.
    pub chain_length: i64,
}

/// Take a register moved to the server as this cache: its bytes checked against the journal's
/// hash, its own journal verified, then put in place of the cache (this workstation's counters
/// kept), at the event's position.
pub(super) fn apply_adopt(s: &mut Store, cache: &Path, ev: &ServerEvent) -> Result<()> {
    next_in_chain(s, ev)?;
    let Op::AdoptRegister { sha256, size, data } = Op::from_payload(&ev.payload)? else {
        return Err(Error::Server("registre repris illisible".into()));
    };
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data.as_bytes())
        .ok()
        .and_then(|z| inflate(&z, size).ok())
        .ok_or_else(|| Error::Tampered("registre repris illisible".into()))?;
    if bytes.len() as u64 != size || crate::store::journal::sha256_hex(&bytes) != sha256 {
        return Err(Error::Tampered(
            "le registre repris ne correspond pas à son empreinte dans le journal du cabinet"
                .into(),
        ));
    }
    let file = side_file(cache, "adopt-in");
    remove_db(&file);
    crate::register::files::write_private("sync", &file, &bytes).map_err(Error::Validation)?;
    let adopted = Store::open(&file, s.clock().clone())?;
    // Nothing of another workstation's sync state comes with it.
    adopted.forget_sync_state()?;
    let report = adopted.verify()?;
    drop(adopted);
    if !report.ok {
        remove_db(&file);
        return Err(Error::Tampered(format!(
            "le registre repris ne se vérifie pas sur ce poste ({})",
            report
                .findings
                .first()
                .map(|f| f.message.clone())
                .unwrap_or_default()
        )));
    }
    let mut kept = s.kept_sync_state()?;
    // Numbers leased before the register came may be its own: new ones come after them.
    kept.leases.clear();
    s.restore_checkpoint(&file, &kept)?;
    remove_db(&file);
    s.set_sync_value("cursor", &ev.seq.to_string())?;
    s.set_sync_value("cursorHash", &ev.hash)
}

/// A register file compressed for the journal (SQLite pages compress several times).
fn deflate(bytes: &[u8]) -> Result<Vec<u8>> {
    use std::io::Write;
    let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes)?;
    Ok(z.finish()?)
}

/// The register file back, never more than the `size` it announces.
fn inflate(z: &[u8], size: u64) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::with_capacity(size.min(1 << 30) as usize);
    flate2::read::DeflateDecoder::new(z)
        .take(size + 1)
        .read_to_end(&mut out)?;
    Ok(out)
}
