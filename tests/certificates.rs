//! A certificate bought from a certification authority, imported from its `.p12`: a test
//! authority made with `openssl` issues the firm an RSA certificate, exported as OpenSSL 3 and
//! Windows write it (PBES2 with AES) and in the legacy form (3DES, RC2); letters issued are
//! signed with it, the authority's chain embedded, and `pdfsig` and pyHanko (trusting the
//! authority) validate them. A wrong password, a file without its key, a damaged file are
//! refused in French with nothing changed; a certificate declared revoked signs no more.

mod common;

use common::TestDb;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const PASSPHRASE: &str = "phrase secrète du cabinet 2026";
const P12_PASSWORD: &str = "Mot2passe!";

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl is installed by make test");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A test authority (`ca.pem`) and the firm's RSA key and certificate signed by it
/// (`firm.key`, `firm.pem`), valid from yesterday for a year.
fn authority(dir: &Path) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "3650",
            "-subj",
            "/CN=Autorite de test Reclam/O=Test/C=FR",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    );
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "firm.key",
            "-out",
            "firm.csr",
            "-subj",
            "/CN=Cabinet Durand Courtage/OU=ORIAS 07000001/O=Cabinet Durand Courtage/C=FR",
        ],
    );
    std::fs::write(
        dir.join("ext.cnf"),
        "keyUsage=critical,digitalSignature,nonRepudiation\nbasicConstraints=CA:FALSE\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "firm.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "firm.pem",
            "-days",
            "365",
            "-extfile",
            "ext.cnf",
        ],
    );
}

/// The firm's key, certificate and the authority's, exported to `name` with `extra` options.
fn export(dir: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let pass = format!("pass:{P12_PASSWORD}");
    let mut args = vec![
        "pkcs12",
        "-export",
        "-inkey",
        "firm.key",
        "-in",
        "firm.pem",
        "-certfile",
        "ca.pem",
        "-name",
        "Cabinet Durand Courtage",
        "-out",
        name,
        "-passout",
        &pass,
    ];
    args.extend_from_slice(extra);
    openssl(dir, &args);
    dir.join(name)
}

struct Cli<'a> {
    db: &'a TestDb,
}

impl Cli<'_> {
    /// Run the CLI as Claire Martin with the given secrets: (success, stdout, stderr).
    fn run(
        &self,
        args: &[&str],
        p12_password: &str,
        stdin: Option<&str>,
    ) -> (bool, String, String) {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_reclam"));
        cmd.args([
            "--db",
            self.db.path.to_str().unwrap(),
            "--by",
            "Claire Martin",
        ])
        .args(args)
        .env("RECLAM_CERT_PASSPHRASE", PASSPHRASE)
        .env("RECLAM_P12_PASSWORD", p12_password)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        if let Some(input) = stdin {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(input.as_bytes())
                .unwrap();
        } else {
            drop(child.stdin.take());
        }
        let out = child.wait_with_output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn ok(&self, args: &[&str]) -> String {
        let (ok, out, err) = self.run(args, P12_PASSWORD, None);
        assert!(ok, "{args:?}: {err}");
        out
    }

    fn refused(&self, args: &[&str], p12_password: &str) -> String {
        let (ok, out, err) = self.run(args, p12_password, None);
        assert!(!ok, "{args:?} should be refused: {out}");
        err
    }
}

/// A register with its firm, a manager and one complaint by post.
fn register(db: &TestDb) -> Cli<'_> {
    drop(db.open("2026-12-03"));
    let cli = Cli { db };
    cli.ok(&[
        "settings",
        "set",
        "firm.name",
        "Cabinet Durand Courtage",
        "firm.address",
        "12 rue de la République\n69002 Lyon",
        "firm.orias",
        "07000001",
    ]);
    cli.ok(&[
        "user",
        "add",
        "--name",
        "Claire Martin",
        "--role",
        "manager",
        "--can-sign",
    ]);
    let (ok, _, err) = cli.run(
        &["add"],
        P12_PASSWORD,
        Some(
            r#"{"client":{"name":"M. Paul Girard","address":"8 avenue Foch\n69006 Lyon"},
               "channel":"letter","receivedOn":"2026-12-01","subject":"claimSettlement",
               "description":"Indemnisation jugée insuffisante"}"#,
        ),
    );
    assert!(ok, "{err}");
    cli
}

/// The data of the journal's events of `kind`, one per line.
fn journal(db: &TestDb, kind: &str) -> String {
    let store = db.open("2026-12-03");
    let conn = common::sql(&store);
    let mut stmt = conn
        .prepare("SELECT data FROM events WHERE kind = ?1 ORDER BY id")
        .unwrap();
    let rows: Vec<String> = stmt
        .query_map([kind], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    rows.join("\n")
}

fn pdfsig(path: &Path) -> String {
    let out = Command::new("pdfsig").arg(path).output().unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn pyhanko(trust: &Path, pdf: &Path) -> (bool, String) {
    let out = Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/tools/validate_pades.py"
        ))
        .arg(trust)
        .arg(pdf)
        .output()
        .expect("python3 with pyHanko is installed by make test");
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn a_certificate_from_an_authority_is_imported_and_signs_letters_validated_against_it() {
    let db = TestDb::new();
    let cli = register(&db);
    let dir = db.dir.path();
    authority(dir);
    // OpenSSL 3's default: PBES2 (PBKDF2, AES-256-CBC) and an HMAC-SHA256 MAC.
    let p12 = export(dir, "cabinet.p12", &[]);
    let p12 = p12.to_str().unwrap();

    // A wrong password is refused, and nothing is installed.
    let err = cli.refused(&["cert", "import", p12], "mauvais");
    assert!(
        err.contains("mot de passe du fichier .p12 incorrect"),
        "{err}"
    );
    let shown = cli.ok(&["cert", "show"]);
    assert!(shown.contains("aucun certificat"), "{shown}");

    let imported = cli.ok(&["cert", "import", p12]);
    let info: serde_json::Value = serde_json::from_str(&imported).unwrap();
    assert_eq!(info["selfSigned"], false, "{imported}");
    assert_eq!(info["key"], "RSA 2048", "{imported}");
    assert!(
        info["issuer"]
            .as_str()
            .unwrap()
            .contains("Autorite de test Reclam"),
        "{imported}"
    );
    let shown = cli.ok(&["cert", "show"]);
    assert!(
        shown.contains("émis par CN=Autorite de test Reclam"),
        "{shown}"
    );
    // The key is kept re-encrypted with the firm's passphrase; the chain beside the
    // certificate.
    let key = std::fs::read_to_string(dir.join("registre-certificat-cle.pem")).unwrap();
    assert!(key.contains("BEGIN ENCRYPTED PRIVATE KEY"), "{key}");

    let out = dir.join("ar.pdf");
    cli.ok(&[
        "letter",
        "REC-2026-0001",
        "--kind",
        "ack",
        "--issue",
        "--out",
        out.to_str().unwrap(),
    ]);
    let report = pdfsig(&out);
    assert!(report.contains("Signature is Valid."), "{report}");
    assert!(report.contains("Cabinet Durand Courtage"), "{report}");
    // pyHanko trusts the authority, not the firm's certificate: the chain is what it checks.
    let (valid, report) = pyhanko(&dir.join("ca.pem"), &out);
    assert!(valid, "{report}");
    // The journal keeps the imported certificate's fingerprint with the letter.
    let issued = journal(&db, "letterIssued");
    assert!(
        issued.contains(info["fingerprint"].as_str().unwrap()),
        "{issued}"
    );

    // One byte changed: both validators refuse it.
    let mut bytes = std::fs::read(&out).unwrap();
    let at = bytes.len() / 3;
    bytes[at] ^= 0x01;
    let changed = dir.join("ar-modifie.pdf");
    std::fs::write(&changed, &bytes).unwrap();
    assert!(!pdfsig(&changed).contains("Signature is Valid."));
    assert!(!pyhanko(&dir.join("ca.pem"), &changed).0);
}

#[test]
fn legacy_exports_import_and_bad_files_are_refused_in_french() {
    let db = TestDb::new();
    let cli = register(&db);
    let dir = db.dir.path();
    authority(dir);

    // A file without its key, a PDF named .p12, an empty file: refused, nothing installed.
    let nokey = export(dir, "sans-cle.p12", &["-nokeys"]);
    let err = cli.refused(&["cert", "import", nokey.to_str().unwrap()], P12_PASSWORD);
    assert!(err.contains("ne contient pas de clé privée"), "{err}");
    let pdf = dir.join("faux.p12");
    std::fs::write(&pdf, b"%PDF-1.4\n%%EOF\n").unwrap();
    let err = cli.refused(&["cert", "import", pdf.to_str().unwrap()], P12_PASSWORD);
    assert!(err.contains("n'est pas un certificat .p12"), "{err}");
    let err = cli.refused(&["cert", "import", "absent.p12"], P12_PASSWORD);
    assert!(err.contains("fichier introuvable"), "{err}");
    assert!(cli.ok(&["cert", "show"]).contains("aucun certificat"));

    // Windows' "TripleDES-SHA1" export: 3DES for the key and the certificates, a SHA-1 MAC.
    let tdes = export(
        dir,
        "tdes.p12",
        &[
            "-keypbe",
            "PBE-SHA1-3DES",
            "-certpbe",
            "PBE-SHA1-3DES",
            "-macalg",
            "sha1",
        ],
    );
    let info = cli.ok(&["cert", "import", tdes.to_str().unwrap()]);
    assert!(info.contains("RSA 2048"), "{info}");

    // A valid certificate is replaced only when asked; the one replaced is kept.
    let modern = export(dir, "moderne.p12", &[]);
    let err = cli.refused(&["cert", "import", modern.to_str().unwrap()], P12_PASSWORD);
    assert!(err.contains("confirmez son remplacement"), "{err}");

    // OpenSSL 1.x's export (RC2-40 for the certificates) where this OpenSSL still writes it.
    let legacy_ok = Command::new("openssl")
        .current_dir(dir)
        .args([
            "pkcs12",
            "-export",
            "-legacy",
            "-inkey",
            "firm.key",
            "-in",
            "firm.pem",
            "-certfile",
            "ca.pem",
            "-out",
            "rc2.p12",
            "-passout",
        ])
        .arg(format!("pass:{P12_PASSWORD}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    let next = if legacy_ok { "rc2.p12" } else { "moderne.p12" };
    let replaced = cli.ok(&[
        "cert",
        "import",
        "--replace",
        dir.join(next).to_str().unwrap(),
    ]);
    assert!(replaced.contains("RSA 2048"), "{replaced}");
    let kept = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.contains("-certificat-") && !n.contains("-certificat-cle.pem")
        })
        .count();
    assert!(
        kept >= 2,
        "the replaced certificate and key are kept beside the register"
    );
    let imported = journal(&db, "certificateImported");
    assert_eq!(imported.lines().count(), 2, "{imported}");
    assert!(imported.contains("\"replaces\":\""), "{imported}");
}

#[test]
fn a_certificate_declared_revoked_signs_no_more() {
    let db = TestDb::new();
    let cli = register(&db);
    cli.ok(&["cert", "create"]);
    let err = cli.refused(&["cert", "revoke", "--reason", " "], P12_PASSWORD);
    assert!(err.contains("pourquoi le certificat est révoqué"), "{err}");
    cli.ok(&["cert", "revoke", "--reason", "ordinateur volé"]);
    let shown = cli.ok(&["cert", "show"]);
    // The CLI runs on the system's clock here (the test authority's certificates are dated
    // now by openssl), so the revocation is dated today.
    #[allow(clippy::disallowed_methods)]
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    assert!(shown.contains(&format!("RÉVOQUÉ le {today}")), "{shown}");
    let out = db.dir.path().join("ar.pdf");
    let err = cli.refused(
        &[
            "letter",
            "REC-2026-0001",
            "--kind",
            "ack",
            "--issue",
            "--out",
            out.to_str().unwrap(),
        ],
        P12_PASSWORD,
    );
    assert!(
        err.contains(&format!("déclaré révoqué le {today} (ordinateur volé)")),
        "{err}"
    );
    assert!(!out.exists(), "no letter issued with a revoked certificate");
    // A new certificate takes its place without --replace; letters are signed again.
    cli.ok(&["cert", "create"]);
    cli.ok(&[
        "letter",
        "REC-2026-0001",
        "--kind",
        "ack",
        "--issue",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(pdfsig(&out).contains("Signature is Valid."));
}
