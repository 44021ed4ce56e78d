//! The firm's people: who may use the register, sign letters and grant gestures.

use super::Register;
use crate::error::Result;
use crate::store::file::{NewUser, User};

impl Register {
    pub fn users(&self) -> Result<Vec<User>> {
        self.store.users()
    }

    pub fn add_user(&mut self, u: &NewUser) -> Result<User> {
        let actor = self.actor()?;
        self.store.add_user(u, &actor)
    }

    /// Store a user's signature image (PNG), journaled with its hash.
    pub fn set_signature(&mut self, user: &str, png: &[u8]) -> Result<()> {
        let actor = self.actor()?;
        self.store.set_signature(user, png, &actor)
    }
}
