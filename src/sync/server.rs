//! The firm's server: a PostgreSQL database holding the firm's journal (schema `reclam`,
//! `server.sql`). Every call goes through the schema's functions, as the connection's own
//! login; nothing here writes a table.

use crate::error::{Error, Result};
use crate::store::sync::OutboxEntry;
use postgres::{Client, Config};
use std::str::FromStr;
use std::time::Duration;

/// The schema version of the server this build speaks.
pub const SERVER_SCHEMA: i64 = 1;

const SCHEMA_SQL: &str = include_str!("server.sql");

/// How long a workstation waits for the server before working offline.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(4);

/// Where the firm's server is: `postgres://LOGIN@HOST:PORT/DB` (the password is never in it).
#[derive(Debug, Clone)]
pub struct Target {
    config: Config,
    pub login: String,
    /// The address as shown to users and kept in the cache (no password).
    pub display: String,
}

impl Target {
    pub fn parse(url: &str) -> Result<Target> {
        let bad = |why: &str| {
            Error::Validation(crate::complaint::ValidationError::new(
                "server",
                format!("adresse du serveur « {url} » invalide : {why} (attendu : postgres://identifiant@hôte:port/base)"),
            ))
        };
        let mut config = Config::from_str(url.trim()).map_err(|e| bad(&e.to_string()))?;
        if config.get_password().is_some() {
            return Err(bad(
                "le mot de passe ne s'écrit pas dans l'adresse (RECLAM_PASSWORD ou l'invite)",
            ));
        }
        let login = config
            .get_user()
            .map(str::to_owned)
            .ok_or_else(|| bad("l'identifiant manque"))?;
        let host = match config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
            None => return Err(bad("l'hôte manque")),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let db = config
            .get_dbname()
            .map(str::to_owned)
            .ok_or_else(|| bad("le nom de la base manque"))?;
        // An address that requires TLS also requires SCRAM's channel binding: a machine in the
        // middle presenting its own certificate cannot relay the sign-in.
        if config.get_ssl_mode() == postgres::config::SslMode::Require {
            config.channel_binding(postgres::config::ChannelBinding::Require);
        }
        config.connect_timeout(CONNECT_TIMEOUT);
        // A server gone without a word (cable, Wi-Fi) is noticed within seconds, not minutes.
        config.tcp_user_timeout(CONNECT_TIMEOUT);
        config.keepalives_idle(Duration::from_secs(30));
        config.application_name("reclam");
        Ok(Target {
            display: format!("postgres://{login}@{host}:{port}/{db}"),
            config,
            login,
        })
    }

    /// The same server, as another login.
    pub fn as_login(&self, login: &str) -> Target {
        let mut t = self.clone();
        t.config.user(login);
        t.display = t
            .display
            .replacen(&format!("//{}@", self.login), &format!("//{login}@"), 1);
        t.login = login.to_owned();
        t
    }

    pub fn dbname(&self) -> &str {
        self.config.get_dbname().unwrap_or("reclam")
    }

    /// Connect as this login. The connection is encrypted (TLS) whenever the server offers
    /// it; `?sslmode=require` in the address refuses a server that does not, `disable` never
    /// asks. As PostgreSQL's own clients do by default, the server's certificate is not checked
    /// against an authority (a firm's server often has its own): TLS here protects what travels
    /// on the firm's network, the password being checked by SCRAM, which a server without it
    /// cannot fake.
    pub fn connect(&self, password: &str) -> Result<Server> {
        let mut config = self.config.clone();
        config.password(password);
        let tls = native_tls::TlsConnector::builder()
            .danger_accept_invalid_certs(true)
            .danger_accept_invalid_hostnames(true)
            .build()
            .map_err(|e| Error::Server(format!("TLS indisponible sur ce poste : {e}")))?;
        let client = config
            .connect(postgres_native_tls::MakeTlsConnector::new(tls))
            .map_err(|e| classify(&e, self))?;
        let mut server = Server {
            client,
            target: self.clone(),
            encrypted: false,
        };
        server.encrypted = server
            .client
            .query_one(
                "SELECT coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)",
                &[],
            )
            .map(|r| r.get(0))
            .unwrap_or(false);
        Ok(server)
    }
}

/// A connection to the firm's server, as one member.
pub struct Server {
    client: Client,
    pub target: Target,
    /// The connection is encrypted (TLS).
    pub encrypted: bool,
}

/// What the server says when a workstation connects.
#[derive(Debug, Clone, PartialEq)]
pub struct Hello {
    pub head_seq: i64,
    pub head_hash: String,
    pub firm: String,
    pub name: String,
    pub role: String,
}

/// An event of the firm's journal.
#[derive(Debug, Clone, PartialEq)]
pub struct ServerEvent {
    pub seq: i64,
    pub op_id: String,
    pub device: String,
    pub device_seq: i64,
    pub author: String,
    pub acted_at: String,
    pub acted_on: String,
    pub based_on: i64,
    pub received_at: String,
    pub kind: String,
    pub reference: Option<String>,
    pub payload: String,
    pub prev_hash: String,
    pub hash: String,
}

impl ServerEvent {
    /// The link this event should carry after `prev` (the server's `reclam.link`).
    pub fn expected_hash(&self, prev: &str) -> String {
        link(
            prev,
            self.seq,
            &self.op_id,
            &self.device,
            self.device_seq,
            &self.author,
            &self.acted_at,
            &self.acted_on,
            self.based_on,
            &self.received_at,
            &self.kind,
            self.reference.as_deref(),
            &self.payload,
        )
    }
}

/// SHA-256 of the fields, one per line, as `reclam.link` computes it on the server.
#[allow(clippy::too_many_arguments)]
pub fn link(
    prev: &str,
    seq: i64,
    op_id: &str,
    device: &str,
    device_seq: i64,
    author: &str,
    acted_at: &str,
    acted_on: &str,
    based_on: i64,
    received_at: &str,
    kind: &str,
    reference: Option<&str>,
    payload: &str,
) -> String {
    let text = [
        "reclam-1",
        prev,
        &seq.to_string(),
        op_id,
        device,
        &device_seq.to_string(),
        author,
        acted_at,
        acted_on,
        &based_on.to_string(),
        received_at,
        kind,
        reference.unwrap_or(""),
        payload,
    ]
    .join("\n");
    crate::store::journal::sha256_hex(text.as_bytes())
}

/// What became of a change sent to the server.
#[derive(Debug, Clone, PartialEq)]
pub enum Appended {
    /// Appended (or appended earlier: a retry) at `seq`.
    At { seq: i64, hash: String },
    /// Nothing appended: the journal has moved on since the workstation's position.
    Behind { head: i64 },
}

impl Server {
    pub fn hello(&mut self) -> Result<Hello> {
        let target = self.target.clone();
        let row = self
            .client
            .query_one(
                "SELECT seq, hash, schema, firm, name, role FROM reclam.hello()",
                &[],
            )
            .map_err(|e| classify(&e, &target))?;
        let schema: Option<String> = row.get(2);
        let schema: i64 = schema.and_then(|s| s.parse().ok()).unwrap_or(0);
        if schema != SERVER_SCHEMA {
            return Err(Error::Server(if schema > SERVER_SCHEMA {
                format!(
                    "le registre du serveur a le schéma {schema}, plus récent que celui de cette \
                     version de Reclam ({SERVER_SCHEMA}) : mettez Reclam à jour sur ce poste"
                )
            } else {
                format!(
                    "le registre du serveur a le schéma {schema}, plus ancien que celui de cette \
                     version de Reclam ({SERVER_SCHEMA}) : le dirigeant doit mettre le serveur à jour"
                )
            }));
        }
        Ok(Hello {
            head_seq: row.get(0),
            head_hash: row.get(1),
            firm: row.get::<_, Option<String>>(3).unwrap_or_default(),
            name: row.get(4),
            role: row.get(5),
        })
    }

    /// Append one change as this connection's member. `expected`: only if the journal still
    /// ends at that position.
    pub fn append(
        &mut self,
        device: &str,
        e: &OutboxEntry,
        expected: Option<i64>,
    ) -> Result<(Appended, Option<ServerEvent>)> {
        let target = self.target.clone();
        let row = self
            .client
            .query_one(
                "SELECT seq, hash, outcome FROM reclam.append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                &[
                    &e.op_id,
                    &device,
                    &e.device_seq,
                    &e.acted_at,
                    &e.acted_on,
                    &e.based_on,
                    &e.kind,
                    &e.reference,
                    &e.payload,
                    &expected,
                ],
            )
            .map_err(|err| classify(&err, &target))?;
        let seq: i64 = row.get(0);
        let hash: String = row.get(1);
        let outcome: String = row.get(2);
        if outcome == "behind" {
            return Ok((Appended::Behind { head: seq }, None));
        }
        // The event as the server recorded it (its reception time is the server's).
        let event = self.pull(seq - 1, 1)?.into_iter().next();
        Ok((Appended::At { seq, hash }, event))
    }

    /// The firm's journal after `after`, at most `limit` events, in order.
    pub fn pull(&mut self, after: i64, limit: i64) -> Result<Vec<ServerEvent>> {
        let target = self.target.clone();
        let rows = self
            .client
            .query(
                "SELECT seq, op_id, device, device_seq, author, acted_at, acted_on, based_on,
                        received_at, kind, reference, payload, prev_hash, hash
                 FROM reclam.pull($1, $2::int)",
                &[&after, &(limit as i32)],
            )
            .map_err(|e| classify(&e, &target))?;
        Ok(rows
            .into_iter()
            .map(|r| ServerEvent {
                seq: r.get(0),
                op_id: r.get(1),
                device: r.get(2),
                device_seq: r.get(3),
                author: r.get(4),
                acted_at: r.get(5),
                acted_on: r.get(6),
                based_on: r.get(7),
                received_at: r.get(8),
                kind: r.get(9),
                reference: r.get(10),
                payload: r.get(11),
                prev_hash: r.get(12),
                hash: r.get(13),
            })
            .collect())
    }

    /// A block of `count` complaint numbers of `year` for this workstation.
    pub fn lease(&mut self, device: &str, year: i32, count: i32) -> Result<(i64, i64)> {
        let target = self.target.clone();
        let row = self
            .client
            .query_one(
                "SELECT first, last FROM reclam.lease($1, $2, $3)",
                &[&device, &year, &count],
            )
            .map_err(|e| classify(&e, &target))?;
        Ok((row.get::<_, i32>(0) as i64, row.get::<_, i32>(1) as i64))
    }

    /// A manager changes a member (`kind` editUser or setUserActive): their group role, their
    /// right to log in, and the change `e` in the journal.
    pub fn change_member(
        &mut self,
        device: &str,
        name: &str,
        role: Option<&str>,
        active: Option<bool>,
        e: &OutboxEntry,
    ) -> Result<i64> {
        self.seq_of(
            "SELECT seq FROM reclam.change_member($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            &[
                &name,
                &role,
                &active,
                &e.kind,
                &e.op_id,
                &device,
                &e.device_seq,
                &e.acted_at,
                &e.acted_on,
                &e.based_on,
                &e.payload,
            ],
        )
    }

    /// Set a member's password (one's own, or anyone's as a manager), journaled as `e`.
    pub fn set_password(
        &mut self,
        device: &str,
        name: &str,
        password: &str,
        e: &OutboxEntry,
    ) -> Result<i64> {
        self.seq_of(
            "SELECT seq FROM reclam.set_password($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[
                &name,
                &password,
                &e.op_id,
                &device,
                &e.device_seq,
                &e.acted_at,
                &e.acted_on,
                &e.based_on,
                &e.payload,
            ],
        )
    }

    /// The journal's first event: the first manager becomes a user of the firm's register.
    pub fn begin(&mut self, device: &str, e: &OutboxEntry) -> Result<()> {
        let target = self.target.clone();
        self.client
            .query_one(
                "SELECT seq FROM reclam.begin($1, $2, $3, $4, $5)",
                &[&e.op_id, &device, &e.acted_at, &e.acted_on, &e.payload],
            )
            .map_err(|err| classify(&err, &target))?;
        Ok(())
    }

    /// Call one of the functions that append a change for the firm's people; its place.
    fn seq_of(
        &mut self,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<i64> {
        let target = self.target.clone();
        let row = self
            .client
            .query_one(sql, params)
            .map_err(|err| classify(&err, &target))?;
        Ok(row.get(0))
    }

    /// The server hands out no number of `year` up to `last` (a register moved to it).
    pub fn raise_counter(&mut self, year: i32, last: i32) -> Result<()> {
        let target = self.target.clone();
        self.client
            .execute("SELECT reclam.raise_counter($1, $2)", &[&year, &last])
            .map_err(|e| classify(&e, &target))?;
        Ok(())
    }

    /// A manager adds a member: their login (with its password) and the change `e` (kind
    /// `addUser`) in the firm's journal.
    pub fn add_member(
        &mut self,
        device: &str,
        login: &str,
        name: &str,
        role: &str,
        password: &str,
        e: &OutboxEntry,
    ) -> Result<i64> {
        self.seq_of(
            "SELECT seq FROM reclam.add_member($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            &[
                &login,
                &name,
                &role,
                &password,
                &e.op_id,
                &device,
                &e.device_seq,
                &e.acted_at,
                &e.acted_on,
                &e.based_on,
                &e.payload,
            ],
        )
    }

    /// A raw statement, for the tests that play a modified client.
    pub fn raw_execute(&mut self, sql: &str) -> Result<u64> {
        let target = self.target.clone();
        self.client
            .execute(sql, &[])
            .map_err(|e| classify(&e, &target))
    }
}

/// Create the firm's register on a server: the schema, the firm's roles and its first
/// manager (a new login with `manager_password`). `admin` connects as a role that may create
/// roles (the server's administrator). Returns the firm's id.
pub fn init(
    admin: &Target,
    admin_password: &str,
    manager_login: &str,
    manager_password: &str,
) -> Result<String> {
    let mut server = admin.connect(admin_password)?;
    let target = admin.clone();
    let c = &mut server.client;
    let exists: bool = c
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'reclam')",
            &[],
        )
        .map_err(|e| classify(&e, &target))?
        .get(0);
    if exists {
        return Err(Error::Server(format!(
            "la base « {} » a déjà un registre Reclam",
            admin.dbname()
        )));
    }
    let prefix = role_prefix(admin.dbname());
    let role = |r: &str| format!("{prefix}{r}");
    let mut tx = c.transaction().map_err(|e| classify(&e, &target))?;
    for r in ["member", "advisor", "supervisor", "manager"] {
        let name = role(r);
        let found: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
                &[&name],
            )
            .map_err(|e| classify(&e, &target))?
            .get(0);
        if !found {
            let inherit = if r == "member" {
                String::new()
            } else {
                format!(" IN ROLE {}", quote_ident(&role("member")))
            };
            tx.batch_execute(&format!(
                "CREATE ROLE {} NOLOGIN{inherit}",
                quote_ident(&name)
            ))
            .map_err(|e| classify(&e, &target))?;
        }
    }
    let sql = SCHEMA_SQL
        .replace("@member@", &role("member"))
        .replace("@advisor@", &role("advisor"))
        .replace("@supervisor@", &role("supervisor"))
        .replace("@manager@", &role("manager"));
    tx.batch_execute(&sql).map_err(|e| classify(&e, &target))?;
    let firm = crate::store::identity::new_id();
    tx.execute(
        "INSERT INTO reclam.meta (key, value) VALUES ('schema', $1), ('firm', $2), ('rolePrefix', $3)",
        &[&SERVER_SCHEMA.to_string(), &firm, &prefix],
    )
    .map_err(|e| classify(&e, &target))?;
    check_login(manager_login)?;
    tx.batch_execute(&format!(
        "CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}",
        quote_ident(manager_login),
        quote_literal(manager_password),
        quote_ident(&role("manager"))
    ))
    .map_err(|e| classify(&e, &target))?;
    tx.commit().map_err(|e| classify(&e, &target))?;
    Ok(firm)
}

/// Record the first manager as a member (done by the administrator, before anyone can act).
pub fn add_first_member(
    admin: &Target,
    admin_password: &str,
    login: &str,
    name: &str,
) -> Result<()> {
    let mut server = admin.connect(admin_password)?;
    let target = admin.clone();
    server
        .client
        .execute(
            "INSERT INTO reclam.members (login, name, role) VALUES ($1, $2, 'manager')",
            &[&login, &name],
        )
        .map_err(|e| classify(&e, &target))?;
    Ok(())
}

/// Create the firm's register (`init`), record its first manager as a member, and their own
/// first change: they are a user of the firm's register. Returns the manager's target.
pub fn create_firm(
    admin: &Target,
    admin_password: &str,
    manager: &str,
    login: &str,
    password: &str,
    clock: &dyn crate::clock::Clock,
) -> Result<Target> {
    check_login(login)?;
    crate::firm::credentials::SecretKind::Password
        .check(password)
        .map_err(Error::Validation)?;
    let firm = init(admin, admin_password, login, password)?;
    add_first_member(admin, admin_password, login, manager)?;
    let as_manager = admin.as_login(login);
    let mut conn = as_manager.connect(password)?;
    let user = crate::firm::NewUser {
        name: manager.to_owned(),
        role: crate::firm::Role::Manager,
        can_sign: true,
        max_gesture: None,
        secret: None,
    };
    let op = super::Op::AddUser {
        input: serde_json::to_value(&user).expect("a user serialises"),
    };
    let entry = OutboxEntry {
        device_seq: 1,
        op_id: format!("init-{firm}"),
        login: login.to_owned(),
        acted_at: crate::store::journal::format_instant(clock.now()),
        acted_on: clock.today().to_string(),
        based_on: 0,
        kind: op.kind().to_owned(),
        reference: None,
        payload: op.payload(),
    };
    conn.begin(&format!("init-{firm}"), &entry)?;
    Ok(as_manager)
}

/// A login the server accepts: lowercase letters, digits, dot, dash, underscore.
pub fn check_login(login: &str) -> Result<()> {
    let ok = login.len() >= 2
        && login.len() <= 41
        && login.starts_with(|c: char| c.is_ascii_lowercase())
        && login
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(Error::Validation(crate::complaint::ValidationError::new(
            "login",
            format!(
                "identifiant « {login} » invalide : lettres minuscules sans accent, chiffres, \
                 point ou tiret, 2 à 41 caractères, en commençant par une lettre"
            ),
        )))
    }
}

/// The login proposed for a person's name: "Claire Martin" → "claire.martin".
pub fn login_for(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c,
        };
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('.') {
            out.push('.');
        }
    }
    out.trim_end_matches('.').to_owned()
}

fn role_prefix(db: &str) -> String {
    let clean: String = db
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .take(30)
        .collect();
    format!("reclam_{clean}_")
}

fn quote_ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn quote_literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The French message of a server error: unreachable (work offline), refused password,
/// missing register, a right refused by the server, or anything else.
fn classify(e: &postgres::Error, target: &Target) -> Error {
    if let Some(db) = e.as_db_error() {
        let code = db.code().code();
        return match code {
            "28P01" => Error::SignIn(format!(
                "le serveur du cabinet refuse l'identifiant « {} » ou son mot de passe",
                target.login
            )),
            "28000" => Error::SignIn(format!(
                "le serveur du cabinet refuse la connexion de « {} » : identifiant désactivé, ou \
                 ce poste n'est pas autorisé à s'y connecter",
                target.login
            )),
            "3D000" => Error::Server(format!(
                "la base « {} » n'existe pas sur le serveur ({})",
                target.dbname(),
                target.display
            )),
            "3F000" | "42883" | "42P01" => Error::Server(format!(
                "{} n'a pas de registre Reclam (ou d'une autre version) : le dirigeant le crée \
                 avec « reclam server init »",
                target.display
            )),
            "42501" => Error::Forbidden(db.message().to_owned()),
            "54000" | "22007" | "22P02" => Error::Server(db.message().to_owned()),
            // Logins are the PostgreSQL server's, shared by every database on it.
            "42710" => Error::Validation(crate::complaint::ValidationError::new(
                "login",
                "cet identifiant existe déjà sur ce serveur PostgreSQL (peut-être pour un autre \
                 cabinet) : choisissez-en un autre",
            )),
            "22023" | "23505" => Error::Validation(crate::complaint::ValidationError::new(
                "server",
                db.message().to_owned(),
            )),
            "57P01" | "57P02" | "57P03" | "53300" => Error::Offline(format!(
                "{} ne répond plus ({})",
                target.display,
                db.message()
            )),
            _ => Error::Server(format!("{} ({code})", db.message())),
        };
    }
    // The whole chain of causes: "error performing TLS handshake" says why only in its source.
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    if text.contains("server does not support TLS") {
        return Error::Server(format!(
            "{} n'accepte pas de connexion chiffrée (TLS) alors que l'adresse l'exige \
             (sslmode=require)",
            target.display
        ));
    }
    // No answer from the server at all: the workstation works offline.
    Error::Offline(format!("{} ({})", target.display, plain(e)))
}

fn plain(e: &postgres::Error) -> String {
    if e.is_closed() {
        return "connexion interrompue".to_owned();
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            return match io.kind() {
                std::io::ErrorKind::ConnectionRefused => "connexion refusée".to_owned(),
                std::io::ErrorKind::TimedOut => "délai dépassé".to_owned(),
                std::io::ErrorKind::ConnectionReset | std::io::ErrorKind::UnexpectedEof => {
                    "connexion interrompue".to_owned()
                }
                _ => format!("réseau : {io}"),
            };
        }
        source = s.source();
    }
    let text = e.to_string();
    if text.contains("timeout") || text.contains("timed out") {
        "délai dépassé".to_owned()
    } else {
        text
    }
}
