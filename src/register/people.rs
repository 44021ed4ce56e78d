//! The firm's people: who is acting (sign-in, lock), and who may use the register, sign
//! letters and grant gestures (the users a manager keeps).

use super::Register;
use crate::complaint::ValidationError;
use crate::error::{Error, Result};
use crate::firm::credentials::{self, SecretKind};
use crate::firm::{NewUser, Role, SessionState, SignInUser, User, UserEdit};
use crate::store::people::UserChange;
use crate::store::Store;
use std::borrow::BorrowMut;

use crate::firm::same_name as same;

impl<S: BorrowMut<Store>> Register<S> {
    pub fn users(&self) -> Result<Vec<User>> {
        self.s().users()
    }

    /// The user named `name` (any case).
    pub fn user(&self, name: &str) -> Result<User> {
        Ok(self.s().user(name)?.0)
    }

    /// The firm's choice of secret (setting `auth.secretKind`).
    pub fn secret_kind(&self) -> Result<SecretKind> {
        Ok(self
            .s()
            .setting("auth.secretKind")?
            .as_deref()
            .and_then(SecretKind::parse)
            .unwrap_or(SecretKind::Password))
    }

    /// Whether everyone signs in (some user has credentials).
    pub fn sign_in_required(&self) -> Result<bool> {
        self.s().any_credentials()
    }

    /// Who may act now, for the sign-in screen and the shell.
    pub fn session(&self) -> Result<SessionState> {
        let users = self.s().users()?;
        let required = self.s().any_credentials()?;
        let current = if required {
            self.signed_in.as_deref()
        } else {
            self.actor.as_deref()
        };
        let idle = self
            .s()
            .setting("auth.idleMinutes")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(crate::settings::DEFAULT_IDLE_MINUTES);
        Ok(SessionState {
            no_users: users.is_empty(),
            sign_in_required: required,
            signed_in: current.and_then(|n| users.iter().find(|u| same(&u.name, n)).cloned()),
            secret_kind: self.secret_kind()?,
            idle_minutes: idle,
            users: users
                .iter()
                .filter(|u| u.active)
                .map(|u| SignInUser {
                    name: u.name.clone(),
                    role: u.role,
                    has_credentials: u.has_credentials,
                })
                .collect(),
        })
    }

    /// Prove who is at the keyboard: the user's secret against its Argon2id hash. After
    /// five failures in a row the next attempts wait (30 s, doubling, at most 15 minutes).
    /// On success the user acts from now on.
    pub fn sign_in(&mut self, name: &str, secret: &str) -> Result<User> {
        let noun = self.secret_kind()?.noun();
        let refused = || Error::SignIn(format!("nom ou {noun} incorrect"));
        let user = self
            .s()
            .users()?
            .into_iter()
            .find(|u| same(&u.name, name))
            .ok_or_else(refused)?;
        if !user.active {
            return Err(Error::SignIn(format!(
                "{} est désactivé(e) : seul un dirigeant peut le (la) réactiver",
                user.name
            )));
        }
        let Some(cred) = self.s().credentials(user.id)? else {
            return Err(Error::SignIn(format!(
                "{} n'a pas encore de {} : demandez au dirigeant de lui en attribuer un",
                user.name,
                self.secret_kind()?.noun()
            )));
        };
        let now = self.clock().now();
        let delay =
            chrono::Duration::from_std(credentials::retry_delay(cred.failures)).unwrap_or_default();
        if let Some(last) = cred.last_failure_at {
            // A clock set back never makes the wait longer than the delay itself.
            let elapsed = (now - last).max(chrono::Duration::zero());
            let wait = (delay - elapsed).min(delay);
            if wait > chrono::Duration::zero() {
                return Err(Error::SignIn(format!(
                    "trop d'essais manqués : réessayez dans {}",
                    credentials::french_wait(wait.to_std().unwrap_or_default())
                )));
            }
        }
        if !credentials::verify_secret(secret, &cred.phc) {
            let failures = self.sm().record_sign_in_failure(user.id)?;
            let delay = credentials::retry_delay(failures);
            return Err(Error::SignIn(if delay.is_zero() {
                let left = credentials::FREE_ATTEMPTS - failures;
                format!(
                    "{noun} incorrect (encore {left} essai{} avant un délai d'attente)",
                    if left > 1 { "s" } else { "" }
                )
            } else {
                format!(
                    "{noun} incorrect : prochain essai possible dans {}",
                    credentials::french_wait(delay)
                )
            }));
        }
        self.sm().clear_sign_in_failures(user.id)?;
        self.signed_in = Some(user.name.clone());
        self.actor = Some(user.name.clone());
        Ok(user)
    }

    /// Refuse when the register has credentials and nobody is signed in (the app is locked).
    pub fn require_signed_in(&self) -> Result<()> {
        if !self.s().any_credentials()? {
            return Ok(());
        }
        let Some(who) = &self.signed_in else {
            return Err(Error::SignIn(
                "Reclam est verrouillé : connectez-vous pour continuer".into(),
            ));
        };
        // Deactivated since they signed in: their session ends there.
        match self.s().users()?.iter().find(|u| same(&u.name, who)) {
            Some(u) if u.active => Ok(()),
            _ => Err(Error::SignIn(format!(
                "{who} a été désactivé(e) : la session est fermée"
            ))),
        }
    }

    /// Only a signed-in manager, once the register has credentials (restoring a backup
    /// replaces everyone's work).
    pub fn require_signed_in_manager(&self, what: &str) -> Result<()> {
        if !self.s().any_credentials()? {
            return Ok(());
        }
        self.require_signed_in()?;
        let who = self.signed_in.clone().unwrap_or_default();
        if !crate::firm::is_manager(&self.s().users()?, &who) {
            return Err(Error::Forbidden(format!("seul un dirigeant peut {what}")));
        }
        Ok(())
    }

    /// Lock: nobody acts until someone signs in (or, without credentials, picks a name).
    pub fn lock(&mut self) {
        self.signed_in = None;
        self.actor = None;
    }

    /// The first user of a register with no user: the manager, with their secret, signed in.
    pub fn create_first_user(&mut self, name: &str, secret: &str) -> Result<User> {
        if !self.s().users()?.is_empty() {
            return Err(Error::Forbidden(
                "le registre a déjà ses utilisateurs : un dirigeant ajoute les suivants".into(),
            ));
        }
        self.secret_kind()?.check(secret)?;
        let new = NewUser {
            name: name.to_owned(),
            role: Role::Manager,
            can_sign: true,
            max_gesture: None,
            secret: Some(secret.to_owned()),
        };
        let phc = credentials::hash_secret(secret);
        let user = self.sm().add_user_with(&new, Some(&phc), name)?;
        self.sign_in(&user.name, secret)
    }

    /// Only an active manager may manage the firm's people (anyone, while it has none).
    pub(super) fn require_manager(&self, what: &str) -> Result<String> {
        let actor = self.actor()?;
        if !crate::firm::is_manager(&self.s().users()?, &actor) {
            return Err(Error::Forbidden(format!("seul un dirigeant peut {what}")));
        }
        Ok(actor)
    }

    /// Add a user (a manager only, once the firm has users; the first one is the manager),
    /// with their first secret if given.
    pub fn add_user(&mut self, u: &NewUser) -> Result<User> {
        let actor = self.require_manager("ajouter un utilisateur")?;
        if self.s().users()?.is_empty() && u.role != Role::Manager {
            return Err(ValidationError::new(
                "role",
                "le premier utilisateur d'un registre en est le dirigeant",
            )
            .into());
        }
        let secret = u.secret.as_deref().filter(|s| !s.is_empty());
        if let Some(secret) = secret {
            self.first_credentials_are_the_actors(&actor, &u.name)?;
            self.secret_kind()?.check(secret)?;
        }
        let phc = secret.map(credentials::hash_secret);
        let user = self.sm().add_user_with(u, phc.as_deref(), &actor)?;
        if self.signed_in.is_none() && phc.is_some() {
            // The register's first credentials (the manager's own): they are signed in.
            self.signed_in = Some(user.name.clone());
        }
        self.user(&user.name)
    }

    /// A manager changes a user's role, signing right or personal limit.
    pub fn edit_user(&mut self, name: &str, edit: &UserEdit) -> Result<User> {
        let actor = self.require_manager("modifier un utilisateur")?;
        let user = self.user(name)?;
        let max_gesture = match edit.max_gesture.as_deref() {
            None => None,
            Some(s) => Some(crate::complaint::input::optional_money(
                "maxGesture",
                Some(s),
            )?),
        };
        let change = UserChange {
            role: edit.role,
            can_sign: edit.can_sign,
            max_gesture,
            active: None,
        };
        self.keep_a_manager(&user, &change)?;
        self.sm().change_user(&user, &change, &actor)?;
        self.user(name)
    }

    /// A manager deactivates a user (who keeps their history and can no longer sign in, sign
    /// or approve) or reactivates them.
    pub fn set_user_active(&mut self, name: &str, active: bool) -> Result<User> {
        let actor = self.require_manager(if active {
            "réactiver un utilisateur"
        } else {
            "désactiver un utilisateur"
        })?;
        let user = self.user(name)?;
        let change = UserChange {
            active: Some(active),
            ..UserChange::default()
        };
        self.keep_a_manager(&user, &change)?;
        self.sm().change_user(&user, &change, &actor)?;
        self.user(name)
    }

    /// The register's first credentials are the acting manager's own: otherwise, once someone
    /// else has a secret, everyone must sign in and the manager could not.
    fn first_credentials_are_the_actors(&self, actor: &str, for_whom: &str) -> Result<()> {
        if self.s().any_credentials()? {
            return Ok(());
        }
        let noun = self.secret_kind()?.noun();
        if !same(actor, for_whom) {
            return Err(ValidationError::new(
                "secret",
                format!(
                    "définissez d'abord votre propre {noun} : dès qu'un utilisateur en a un, \
                     chacun doit se connecter"
                ),
            )
            .into());
        }
        if !crate::firm::is_manager(&self.s().users()?, actor) {
            return Err(Error::Forbidden(format!(
                "le premier {noun} du registre est celui d'un dirigeant : dès qu'il existe, \
                 chacun doit se connecter, et seul un dirigeant peut en attribuer aux autres"
            )));
        }
        Ok(())
    }

    /// The register keeps at least one active manager, and, once passwords exist, one who can
    /// sign in (who else would manage the others?).
    fn keep_a_manager(&self, user: &User, change: &UserChange) -> Result<()> {
        let users = self.s().users()?;
        let credentials = self.s().any_credentials()?;
        let after = |u: &User| -> (bool, bool) {
            if u.id == user.id {
                let active = change.active.unwrap_or(u.active);
                let manager = change.role.unwrap_or(u.role) == Role::Manager;
                (active && manager, active && manager && u.has_credentials)
            } else {
                let manager = u.active && u.role == Role::Manager;
                (manager, manager && u.has_credentials)
            }
        };
        let managers = users.iter().filter(|u| after(u).0).count();
        let signing_in = users.iter().filter(|u| after(u).1).count();
        let is = user.active && user.role == Role::Manager;
        if is && managers == 0 {
            return Err(ValidationError::new(
                "role",
                format!(
                    "{} est le seul dirigeant actif : nommez d'abord un autre dirigeant",
                    user.name
                ),
            )
            .into());
        }
        if is && credentials && signing_in == 0 {
            return Err(ValidationError::new(
                "role",
                format!(
                    "{} est le seul dirigeant qui peut se connecter : attribuez d'abord un {} \
                     à un autre dirigeant",
                    user.name,
                    self.secret_kind()?.noun()
                ),
            )
            .into());
        }
        Ok(())
    }

    /// Set a user's secret: the user themselves, or a manager (a reset). Never journaled in
    /// clear nor hashed: the journal says who set it for whom.
    pub fn set_password(&mut self, name: &str, secret: &str) -> Result<User> {
        let actor = self.actor()?;
        let user = self.user(name)?;
        if !same(&actor, &user.name) {
            self.require_manager("changer le mot de passe d'un autre utilisateur")?;
        }
        self.first_credentials_are_the_actors(&actor, &user.name)?;
        self.secret_kind()?.check(secret)?;
        self.sm()
            .set_credentials(&user, &credentials::hash_secret(secret), &actor)?;
        if self.signed_in.is_none() {
            // The register's first credentials: the one who set them is signed in.
            self.signed_in = Some(user.name.clone());
        }
        self.user(name)
    }

    /// Store a user's signature image (PNG), journaled with its hash: the user themselves or
    /// a manager.
    pub fn set_signature(&mut self, user: &str, png: &[u8]) -> Result<()> {
        let actor = self.actor()?;
        if !same(&actor, user) {
            self.require_manager("remplacer la signature d'un autre utilisateur")?;
        }
        self.sm().set_signature(user, png, &actor)
    }
}
