//! The firm's people, changed by a manager (or a member's own password): on the server by its
//! own functions (their login, PostgreSQL role, `NOLOGIN`), and in every cache through the
//! journal.

use super::*;

impl Workstation {
    /// A manager adds a member of the firm: their server login with its first password, and
    /// the user every workstation will know (online only).
    pub fn add_member(
        &mut self,
        login: &str,
        input: &crate::firm::NewUser,
        password: &str,
    ) -> Result<Value> {
        crate::sync::server::check_login(login)?;
        crate::firm::credentials::SecretKind::Password
            .check(password)
            .map_err(Error::Validation)?;
        let mut user = input.clone();
        user.secret = None;
        let op = Op::AddUser {
            input: serde_json::to_value(&user).expect("a user serialises"),
        };
        let role = user.role.as_str();
        self.member_change(op, |server, device, e| {
            server.add_member(device, login, &user.name, role, password, e)
        })
    }

    /// A manager changes a member's role, signing right or limit (their server role follows).
    pub fn edit_member(&mut self, name: &str, edit: &crate::firm::UserEdit) -> Result<Value> {
        let role = edit.role.map(|r| r.as_str().to_owned());
        let op = Op::EditUser {
            name: name.to_owned(),
            edit: edit.clone(),
        };
        self.member_change(op, |server, device, e| {
            server.change_member(device, name, role.as_deref(), None, e)
        })
    }

    /// A manager deactivates (or reactivates) a member: they can no longer log in to the
    /// server, their history stays.
    pub fn set_member_active(&mut self, name: &str, active: bool) -> Result<Value> {
        let op = Op::SetUserActive {
            name: name.to_owned(),
            active,
        };
        self.member_change(op, |server, device, e| {
            server.change_member(device, name, None, Some(active), e)
        })
    }

    /// Set a member's password on the server: one's own (this workstation then signs in with
    /// it, offline too), or anyone's as a manager.
    pub fn set_member_password(&mut self, name: &str, password: &str) -> Result<Value> {
        crate::firm::credentials::SecretKind::Password
            .check(password)
            .map_err(Error::Validation)?;
        let op = Op::PasswordSet {
            name: name.to_owned(),
        };
        let out = self.member_change(op, |server, device, e| {
            server.set_password(device, name, password, e)
        })?;
        if crate::firm::same_name(name, &self.name) {
            self.password = password.to_owned();
            remember(
                self.store(),
                &self.target.login,
                &self.name,
                &self.role,
                password,
            )?;
        }
        Ok(out)
    }

    /// A change of the firm's people, made on the server by its own function (`call`), and
    /// applied here in the same transaction (online only).
    fn member_change(
        &mut self,
        op: Op,
        call: impl FnOnce(&mut Server, &str, &OutboxEntry) -> Result<i64>,
    ) -> Result<Value> {
        if self.server.is_none() {
            return Err(Error::Offline(
                "changer les membres du cabinet demande le serveur : reconnectez-vous".into(),
            ));
        }
        self.require_synced()?;
        self.pull()?;
        let mut entry = self.reserve(&op)?;
        let device = self.device.clone();
        let name = self.name.clone();
        let mut already = None;
        let Workstation { reg, server, .. } = self;
        let result = reg.store_mut().all_or_nothing(|s| {
            let at = cursor(s)?;
            entry.based_on = at.0;
            let out = apply_entry(s, &name, &entry)?;
            let server = server.as_mut().expect("online");
            let seq = call(server, &device, &entry)?;
            let ev =
                server.pull(seq - 1, 1)?.into_iter().next().ok_or_else(|| {
                    Error::Server("changement introuvable dans le journal".into())
                })?;
            if seq != at.0 + 1 {
                // Done on the server, after someone else's change: the pull brings it.
                already = Some(out);
                return Err(Error::Server("déjà enregistré".into()));
            }
            accept_own(s, &at.1, &ev)?;
            Ok(out)
        });
        match (result, already) {
            (Ok(v), _) => Ok(v),
            (Err(_), Some(out)) => {
                self.pull()?;
                Ok(out)
            }
            (Err(e), None) => Err(e),
        }
    }
}
