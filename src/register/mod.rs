//! The use cases: the only door the desktop shell and the CLI open onto the register.
//!
//! A [`Register`] holds the open store (with its clock and region) and the acting user. Each
//! use case checks who may do what, asks the domain (`complaint`, `firm`, `calendar`) for the
//! rules, the composing floors (`letters`, `extract`, `import`, `print`) for documents, and the
//! store to keep the result. One file per trade word: `intake`, `lifecycle`, `file` (exchanges,
//! attachments, dispute legs), `letters`, `users`, `corrective_actions`, `extract`, `import`,
//! `retention`, `backup`, `settings`.
//!
//! Nothing below this module imports it; the shell and the CLI import nothing below it but the
//! domain and wire types it hands out.

mod authority;
mod backup;
pub mod client_export;
mod corrective_actions;
mod documents;
mod ending;
mod extract;
mod file;
pub mod files;
mod form_copy;
mod import;
mod intake;
pub mod letters;
mod lifecycle;
pub mod mail;
mod people;
mod retention;
mod settings;
mod signing;
mod start;

pub use authority::AuthorityCheck;
pub use ending::require_sent;
pub use extract::PackFiles;

use crate::calendar::Region;
use crate::clock::Clock;
use crate::error::Result;
use crate::store::Store;
use chrono::NaiveDate;
use std::borrow::BorrowMut;
use std::path::Path;
use std::sync::Arc;

/// The open register and who is acting on it. It owns its store (the app, the CLI) or borrows
/// one for the length of a call (`Register::over`: the core's tools and tests).
pub struct Register<S = Store> {
    store: S,
    actor: Option<String>,
    /// The user who proved who they are (`sign_in`), when the register has credentials.
    signed_in: Option<String>,
    /// The firm's signing key, once unlocked with its passphrase (`unlock_certificate`).
    signer: Option<crate::sign::FirmSigner>,
}

impl<'a> Register<&'a mut Store> {
    /// The use cases over a store held elsewhere, acting as `name`.
    pub fn over(store: &'a mut Store, name: &str) -> Result<Register<&'a mut Store>> {
        let mut r = Register {
            store,
            actor: None,
            signed_in: None,
            signer: None,
        };
        r.act_as(name)?;
        Ok(r)
    }

    /// The use cases over a store held elsewhere, signed in as `name` with `secret`.
    pub fn signed_in_over(
        store: &'a mut Store,
        name: &str,
        secret: &str,
    ) -> Result<Register<&'a mut Store>> {
        let mut r = Register {
            store,
            actor: None,
            signed_in: None,
            signer: None,
        };
        r.sign_in(name, secret)?;
        Ok(r)
    }
}

impl Register {
    /// Open (creating and migrating if needed) the register at `path`; nobody is acting yet.
    pub fn open(path: impl AsRef<Path>, clock: Arc<dyn Clock>) -> Result<Register> {
        Ok(Register::from_store(Store::open(path, clock)?))
    }

    pub fn from_store(store: Store) -> Register {
        Register {
            store,
            actor: None,
            signed_in: None,
            signer: None,
        }
    }

    pub fn into_store(self) -> Store {
        self.store
    }
}

impl<S: BorrowMut<Store>> Register<S> {
    fn s(&self) -> &Store {
        self.store.borrow()
    }

    fn sm(&mut self) -> &mut Store {
        self.store.borrow_mut()
    }

    /// A second connection to the same register file, acting as this one's actor (signed in
    /// here already): a long read (an extract, the inspection pack, a backup) runs on it
    /// without holding this one, so the other screens keep working meanwhile (WAL: readers
    /// never block, nor are blocked).
    pub fn second_reader(&self) -> Result<Register> {
        Ok(Register {
            store: Store::open(self.s().path(), self.s().clock().clone())?,
            actor: self.actor.clone(),
            signed_in: self.signed_in.clone(),
            signer: None,
        })
    }

    /// Act as `name` from now on: every change is journaled under that name. Once the
    /// register has credentials, only the signed-in user may act (`sign_in`); a deactivated
    /// user never acts.
    pub fn act_as(&mut self, name: &str) -> Result<&mut Register<S>> {
        let name = crate::store::actor_name(name)?;
        let same = |a: &str| crate::firm::same_name(a, &name);
        if self.s().any_credentials()? {
            match &self.signed_in {
                Some(who) if same(who) => self.require_signed_in()?,
                Some(who) => {
                    return Err(crate::Error::SignIn(format!(
                        "{who} est connecté(e) : « {name} » doit se connecter pour agir"
                    )))
                }
                None => {
                    return Err(crate::Error::SignIn(
                        "connectez-vous pour agir sur le registre".into(),
                    ))
                }
            }
        } else if let Some(u) = self.s().users()?.into_iter().find(|u| same(&u.name)) {
            if !u.active {
                return Err(crate::Error::SignIn(format!(
                    "{} est désactivé(e) et ne peut plus agir sur le registre",
                    u.name
                )));
            }
        }
        self.actor = Some(name);
        Ok(self)
    }

    /// Who is acting; a change without an actor is refused (every event names its author).
    fn actor(&self) -> Result<String> {
        if self.signed_in.is_some() {
            // Deactivated since they signed in: the session ends with their next change.
            self.require_signed_in()?;
        }
        match &self.actor {
            Some(a) => Ok(a.clone()),
            None => Ok(crate::store::actor_name("")?),
        }
    }

    /// The name of the acting user, if one was given.
    pub fn acting(&self) -> Option<&str> {
        self.actor.as_deref()
    }

    pub fn path(&self) -> &Path {
        self.s().path()
    }

    pub fn today(&self) -> NaiveDate {
        self.s().today()
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        self.s().clock()
    }

    pub fn region(&self) -> Region {
        self.s().region()
    }

    /// The storage under the use cases, for the core's own tools (demo data, tests).
    pub fn store(&self) -> &Store {
        self.s()
    }

    pub fn store_mut(&mut self) -> &mut Store {
        self.sm()
    }

    /// SQLite's quick integrity check: `None` when the file is sound.
    pub fn quick_check(&self) -> Result<Option<String>> {
        self.s().quick_check()
    }

    /// Walk the register's proof (hash chain, states, letters, attachments).
    pub fn verify(&self) -> Result<crate::store::verify::VerifyReport> {
        self.s().verify()
    }

    /// [`Register::verify`] telling `progress` how far the walk is (cancellable: it only reads).
    pub fn verify_with(
        &self,
        progress: &dyn crate::progress::Progress,
    ) -> Result<crate::store::verify::VerifyReport> {
        self.s().verify_with(progress)
    }
}
