//! The firm's people: who may use the register, sign letters and grant gestures.

use super::Register;
use crate::error::Result;
use crate::firm::{NewUser, User};
use crate::store::Store;
use std::borrow::BorrowMut;

impl<S: BorrowMut<Store>> Register<S> {
    pub fn users(&self) -> Result<Vec<User>> {
        self.s().users()
    }

    pub fn add_user(&mut self, u: &NewUser) -> Result<User> {
        let actor = self.actor()?;
        self.sm().add_user(u, &actor)
    }

    /// Store a user's signature image (PNG), journaled with its hash.
    pub fn set_signature(&mut self, user: &str, png: &[u8]) -> Result<()> {
        let actor = self.actor()?;
        self.sm().set_signature(user, png, &actor)
    }
}
