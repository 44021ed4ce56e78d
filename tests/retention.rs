//! Personal data: the retention setting, the candidates for anonymisation, the anonymisation
//! itself (searched for in every column of the raw database, statistics unchanged, the proof
//! still verified), the client's access export, and the command line.

mod common;

use common::{complaint, d, pdf_words, sql, TestDb};
use reclam::complaint::{
    parse_new_complaint, ComplaintRef, Direction, DisputeKind, DysfunctionCategory, Feedback,
    Money, Outcome, Role,
};
use reclam::complaint::{NewDisputeStep, NewExchange};
use reclam::extract::{stats, ExtractQuery};
use reclam::firm::NewUser;
use reclam::letters::LetterKind;
use reclam::letters::LetterRequest;
use reclam::{Error, Store};
use rusqlite::Connection;
use std::process::Command;
use std::slice::from_ref;

const TODAY: &str = "2026-06-15";

/// The old complaint's client: every one of these must be gone after anonymisation.
const PERSONAL: &[&str] = &[
    "Dupont",
    "dupont",
    "Lilas",
    "06 12 34 56 78",
    "CLI-778",
    "HAB-99812",
    "Gaspard",
    "Sinistre du 14 février",
    // A word of the description alone under its initial in the full-text index, so it is
    // stored whole in the index's pages (other terms share their prefix with the previous one).
    "zorglub",
];

fn old_complaint() -> reclam::complaint::NewComplaint {
    parse_new_complaint(
        r#"{"client":{"name":"M. Jean Dupont","address":"8 rue des Lilas\n69003 Lyon",
            "email":"jean.dupont@exemple.fr","phone":"06 12 34 56 78","number":"CLI-778"},
            "channel":"letter","receivedOn":"2019-03-04","subject":"claimSettlement",
            "description":"Sinistre du 14 février : M. Dupont conteste l'indemnisation de Zorglub",
            "contract":{"number":"HAB-99812","product":"Multirisque habitation","insurer":"AXA France"},
            "otherParties":["Expert Gaspard"],"personsConcerned":["Gaspard (expert)"],
            "receivedBy":"Accueil","handler":"Claire Martin"}"#,
    )
    .unwrap()
}

struct Fixture {
    db: TestDb,
    /// Closed in 2020: to anonymise.
    old: ComplaintRef,
    /// Closed in February 2026: kept.
    recent: ComplaintRef,
    /// Closed on 15 June 2021: kept exactly 5 years, until today included.
    boundary: ComplaintRef,
    /// Not closed.
    open: ComplaintRef,
    letter: i64,
    attachment: i64,
}

impl Fixture {
    fn open(&self) -> Store {
        self.db.open(TODAY)
    }
}

/// A register with a complaint received in 2019 and closed in 2020 (with a letter, an
/// exchange, an attachment, a dysfunction and a dispute step), one closed recently, one closed
/// five years ago to the day, and an open one.
fn register() -> Fixture {
    let db = TestDb::new();
    let (old, letter, attachment) = {
        let mut s = db.open("2019-03-20");
        for (k, v) in [
            ("firm.name", "Cabinet Durand Courtage"),
            ("firm.address", "12 rue de la République\n69002 Lyon"),
            ("firm.orias", "07000001"),
        ] {
            s.set_setting(k, v, "Claire Martin").unwrap();
        }
        s.add_user(
            &NewUser {
                name: "Claire Martin".into(),
                role: Role::Manager,
                can_sign: true,
                max_gesture: None,
                secret: None,
            },
            "Claire Martin",
        )
        .unwrap();
        let c = s.record(&old_complaint(), "Claire Martin").unwrap();
        let r = c.reference;
        let letter = reclam::Register::over(&mut s, "Claire Martin")
            .unwrap()
            .issue_letter(
                &r,
                &LetterRequest {
                    kind: LetterKind::Acknowledgement,
                    signatory: "Claire Martin".into(),
                    holding: None,
                },
            )
            .unwrap()
            .id;
        s.add_exchange(
            &r,
            &NewExchange {
                on: d("2019-03-18"),
                direction: Direction::Incoming,
                channel: reclam::complaint::Channel::Phone,
                summary: "Appel de M. Dupont, mécontent du montant".into(),
            },
            "Claire Martin",
        )
        .unwrap();
        let attachment = s
            .add_attachment(
                &r,
                "courrier-dupont.txt",
                "Lettre manuscrite de Jean Dupont, 8 rue des Lilas".as_bytes(),
                "Claire Martin",
            )
            .unwrap()
            .id;
        s.add_dysfunction(
            &r,
            DysfunctionCategory::Insurer,
            "Dossier Dupont transmis en retard à l'assureur",
            d("2019-03-19"),
            "Claire Martin",
        )
        .unwrap();
        s.add_dispute_step(
            &r,
            &NewDisputeStep {
                expected_on: None,
                from_lawyer: false,
                kind: DisputeKind::InsurerForwarded,
                on: d("2019-03-19"),
                summary: "Réclamation de M. Dupont transmise à AXA".into(),
            },
            "Claire Martin",
        )
        .unwrap();
        // Money decided with the client's name in its texts: a request for approval by an
        // advisor, decided by the manager; a proposal the client refused.
        s.add_user(
            &NewUser {
                name: "Julie Moreau".into(),
                role: Role::Advisor,
                can_sign: true,
                max_gesture: None,
                secret: None,
            },
            "Claire Martin",
        )
        .unwrap();
        let e = reclam::Register::over(&mut s, "Julie Moreau")
            .unwrap()
            .request_approval(
                &r,
                &reclam::complaint::NewEscalation {
                    subject: reclam::complaint::EscalationSubject::Gesture,
                    amount: "60".into(),
                    refund_scope: None,
                    reason: "Geste pour M. Dupont, client fidèle".into(),
                    refused_proposal: "Avoir de 20 € refusé par M. Dupont".into(),
                    analysis: "Dupont attend depuis six semaines".into(),
                    document_id: None,
                },
            )
            .unwrap();
        let mut claire = reclam::Register::over(&mut s, "Claire Martin").unwrap();
        claire
            .decide_approval(
                e.id,
                &reclam::complaint::EscalationDecision {
                    accept: true,
                    amount: Some("50".into()),
                    reason: "Accord pour M. Dupont".into(),
                },
            )
            .unwrap();
        let p = claire
            .add_proposal(
                &r,
                &reclam::complaint::NewProposal {
                    kind: reclam::complaint::ProposalKind::Credit,
                    description: "Avoir de 20 € pour M. Dupont".into(),
                    amount: Some("20".into()),
                    on: d("2019-03-19"),
                },
            )
            .unwrap();
        claire
            .respond_proposal(&r, p.id, false, d("2019-03-20"))
            .unwrap();
        (r, letter, attachment)
    };
    let mut s = db.open(TODAY);
    let mut claire = reclam::Register::over(&mut s, "Claire Martin").unwrap();
    claire
        .answer(
            &old,
            d("2020-04-15"),
            Outcome::Partial,
            "Indemnité complémentaire accordée à M. Dupont",
            &reclam::complaint::lifecycle::AnswerMoney {
                gesture: Some("50".parse::<Money>().unwrap()),
                gesture_kind: Some(reclam::complaint::GestureKind::Credit),
                gesture_reason: Some("Retard subi par M. Dupont".into()),
                refund: Some(reclam::complaint::Refund {
                    amount: "30".parse().unwrap(),
                    basis: reclam::complaint::RefundBasis::BillingError,
                    scope: reclam::complaint::RefundScope::Partial,
                }),
                document_id: None,
            },
            Some(reclam::complaint::Sent {
                via: reclam::complaint::SentVia::RegisterLetter,
                copy: None,
            }),
        )
        .unwrap();
    claire
        .record_refund_payment(
            &old,
            &reclam::complaint::NewRefundPayment {
                reference: "VIR-DUPONT-2020".into(),
                method: reclam::complaint::PaymentMethod::Transfer,
                paid_on: d("2020-04-20"),
            },
        )
        .unwrap();
    s.close(&old, d("2020-05-05"), Feedback::Resolved, "Claire Martin")
        .unwrap();

    let mut closed = |name: &str, received: &str, answered: &str, closed: &str| {
        let r = s
            .record(&complaint(name, received), "Claire Martin")
            .unwrap()
            .reference;
        s.acknowledge(&r, d(received), "Claire Martin").unwrap();
        s.answer(
            &r,
            d(answered),
            Outcome::Upheld,
            "Dossier régularisé",
            None,
            "Claire Martin",
        )
        .unwrap();
        s.close(&r, d(closed), Feedback::Resolved, "Claire Martin")
            .unwrap();
        r
    };
    let recent = closed("Mme Marie Martin", "2026-01-05", "2026-02-10", "2026-02-20");
    let boundary = closed(
        "Mme Sophie Bernard",
        "2021-05-03",
        "2021-06-01",
        "2021-06-15",
    );
    let open = s
        .record(&complaint("M. Paul Durand", "2026-06-01"), "Claire Martin")
        .unwrap()
        .reference;
    drop(s);
    Fixture {
        db,
        old,
        recent,
        boundary,
        open,
        letter,
        attachment,
    }
}

/// How many values of the raw database contain `needle`: every column of every table that
/// holds the complaint file, blobs included, and the full-text index's own pages.
fn occurrences(path: &std::path::Path, needle: &str) -> Vec<(String, i64)> {
    let conn = Connection::open(path).unwrap();
    let mut out = Vec::new();
    for table in [
        "complaints",
        "holdings",
        "dysfunctions",
        "exchanges",
        "attachments",
        "letters",
        "dispute_steps",
        "events",
        "escalations",
        "proposals",
        "refund_payments",
        "complaints_fts_data",
    ] {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(!columns.is_empty(), "{table}");
        for col in columns {
            let n: i64 = conn
                .query_row(
                    &format!(
                        "SELECT count(*) FROM {table} WHERE CAST({col} AS TEXT) LIKE ?1 \
                         OR instr({col}, CAST(?2 AS BLOB)) > 0"
                    ),
                    rusqlite::params![format!("%{needle}%"), needle],
                    |r| r.get(0),
                )
                .unwrap();
            if n > 0 {
                out.push((format!("{table}.{col}"), n));
            }
        }
    }
    let fts: i64 = conn
        .query_row(
            "SELECT count(*) FROM complaints_fts WHERE complaints_fts MATCH ?1",
            [format!("\"{needle}\"")],
            |r| r.get(0),
        )
        .unwrap_or(0);
    if fts > 0 {
        out.push(("complaints_fts MATCH".to_owned(), fts));
    }
    out
}

fn all_stats(s: &Store) -> stats::Stats {
    let q = ExtractQuery::period(d("2019-01-01"), d("2026-12-31"));
    stats::compute(s, &q).unwrap()
}

fn event_count(s: &Store) -> i64 {
    sql(s)
        .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn retention_setting_is_an_integer_of_years() {
    let db = TestDb::new();
    let mut s = db.open(TODAY);
    let entry = |s: &Store| {
        s.settings()
            .unwrap()
            .entries
            .into_iter()
            .find(|e| e.key == "retention.years")
            .unwrap()
    };
    let e = entry(&s);
    assert_eq!(e.label, "Durée de conservation après clôture (années)");
    assert_eq!(e.value, "5");
    assert_eq!(s.retention_years().unwrap(), 5);
    for bad in ["0", "31", "2,5", "cinq", ""] {
        let err = s
            .set_setting("retention.years", bad, "Claire Martin")
            .unwrap_err();
        assert_eq!(err.field(), Some("retention.years"), "{bad}: {err}");
        assert!(
            err.to_wire()
                .message
                .starts_with("Durée de conservation après clôture (années) :"),
            "{err}"
        );
    }
    s.set_setting("retention.years", " 10 ", "Claire Martin")
        .unwrap();
    assert_eq!(entry(&s).value, "10");
    assert_eq!(s.retention_years().unwrap(), 10);
}

#[test]
fn candidates_are_the_complaints_closed_beyond_the_retention_period() {
    let reg = register();
    let mut s = reg.open();
    let list = s.anonymisation_candidates().unwrap();
    assert_eq!(list.len(), 1, "{list:#?}");
    let c = &list[0];
    assert_eq!(c.reference, reg.old);
    assert_eq!(c.client_name, "M. Jean Dupont");
    assert_eq!(c.closed_on, d("2020-05-05"));
    assert_eq!(c.kept_until, d("2025-05-05"));
    assert_eq!(c.received_on, d("2019-03-04"));
    assert_eq!((c.letters, c.attachments, c.exchanges), (1, 1, 1));
    assert_eq!(c.events as usize, s.history(&reg.old).unwrap().len());

    // A shorter period: the complaint closed on 15 June 2021 is due too (the recent one and
    // the open one never).
    s.set_setting("retention.years", "4", "Claire Martin")
        .unwrap();
    let refs: Vec<ComplaintRef> = s
        .anonymisation_candidates()
        .unwrap()
        .into_iter()
        .map(|c| c.reference)
        .collect();
    assert_eq!(refs, [reg.old.clone(), reg.boundary.clone()]);
    assert!(!refs.contains(&reg.recent) && !refs.contains(&reg.open));
}

#[test]
fn a_reference_that_is_not_a_candidate_is_refused_and_nothing_changes() {
    let reg = register();
    let mut s = reg.open();
    let events = event_count(&s);
    let before = occurrences(&reg.db.path, "Dupont");

    let err = s
        .anonymise(&[reg.old.clone(), reg.recent.clone()], "Claire Martin")
        .unwrap_err();
    assert_eq!(err.field(), Some("references"), "{err}");
    let msg = err.to_wire().message;
    assert!(
        msg.contains(&format!(
            "{} : clôturée le 20/02/2026, ses données sont conservées jusqu'au 20/02/2031",
            reg.recent
        )),
        "{msg}"
    );
    assert!(msg.starts_with("rien n'a été anonymisé"), "{msg}");
    // Five years to the day: still kept today.
    let err = s
        .anonymise(from_ref(&reg.boundary), "Claire Martin")
        .unwrap_err();
    assert!(err.to_string().contains("jusqu'au 15/06/2026"), "{err}");
    let err = s
        .anonymise(from_ref(&reg.open), "Claire Martin")
        .unwrap_err();
    assert!(err.to_string().contains("n'est pas clôturée"), "{err}");
    let err = s
        .anonymise(&["REC-2019-0042".parse().unwrap()], "Claire Martin")
        .unwrap_err();
    assert!(
        err.to_string().contains("REC-2019-0042 : introuvable"),
        "{err}"
    );
    let err = s.anonymise(&[], "Claire Martin").unwrap_err();
    assert_eq!(err.field(), Some("references"));

    // Not even the candidate of the refused batch was touched.
    assert_eq!(event_count(&s), events);
    assert_eq!(s.get(&reg.old).unwrap().client.name, "M. Jean Dupont");
    assert_eq!(occurrences(&reg.db.path, "Dupont"), before);
    assert_eq!(s.anonymisation_candidates().unwrap().len(), 1);
}

#[test]
fn anonymisation_removes_the_personal_data_and_keeps_statistics_and_proof() {
    let reg = register();
    let mut s = reg.open();
    // The personal data is everywhere before.
    let before = occurrences(&reg.db.path, "Dupont");
    for place in [
        "complaints.client_name",
        "complaints.description",
        "complaints.gesture_reason",
        "escalations.reason",
        "escalations.decision_reason",
        "proposals.description",
        "refund_payments.reference",
        "exchanges.summary",
        "attachments.content",
        "attachments.name",
        "events.data",
        "dysfunctions.description",
        "dispute_steps.summary",
        "complaints_fts MATCH",
    ] {
        assert!(
            before.iter().any(|(p, _)| p == place),
            "{place} not in {before:?}"
        );
    }
    let before = occurrences(&reg.db.path, "zorglub");
    for place in ["complaints_fts_data.block", "complaints_fts MATCH"] {
        assert!(
            before.iter().any(|(p, _)| p == place),
            "{place} not in {before:?}"
        );
    }
    let letter_before = pdf_words(&s.letter_pdf(reg.letter).unwrap().1);
    assert!(letter_before.contains("M. Jean Dupont"), "{letter_before}");
    let stats_before = all_stats(&s);
    let c_before = s.get(&reg.old).unwrap();
    let events_before = s.history(&reg.old).unwrap();
    let report = s.verify().unwrap();
    assert!(report.ok, "{:?}", report.findings);

    let report = s.anonymise(from_ref(&reg.old), "Claire Martin").unwrap();
    assert_eq!(report.retention_years, 5);
    assert_eq!(report.complaints.len(), 1);
    let done = &report.complaints[0];
    assert_eq!(done.reference, reg.old);
    assert_eq!(done.events as usize, events_before.len());
    assert_eq!((done.letters, done.attachments, done.exchanges), (1, 1, 1));
    assert!(report.file_compacted);
    drop(s);

    // Nowhere in the raw database any more, nor in the file itself.
    for needle in PERSONAL {
        assert_eq!(
            occurrences(&reg.db.path, needle),
            [],
            "« {needle} » still in the database"
        );
    }
    let raw = std::fs::read(&reg.db.path).unwrap();
    for needle in ["Dupont", "dupont", "Lilas", "CLI-778"] {
        assert!(
            !raw.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "« {needle} » still in the database file"
        );
    }

    let s = reg.open();
    let c = s.get(&reg.old).unwrap();
    assert_eq!(c.client.name, "Client anonymisé");
    assert_eq!(
        (
            &c.client.address,
            &c.client.email,
            &c.client.phone,
            &c.client.number
        ),
        (&None, &None, &None, &None)
    );
    assert_eq!(c.description, "[anonymisé]");
    assert_eq!(c.answer.as_ref().unwrap().summary, "[anonymisé]");
    assert_eq!(c.dysfunctions[0].description, "[anonymisé]");
    assert!(c.other_parties.is_empty() && c.persons_concerned.is_empty());
    assert_eq!(c.contract.number, None);
    // What the statistics need stays.
    assert_eq!(
        (
            c.received_on,
            c.channel,
            c.subject,
            c.status,
            c.handler.as_deref()
        ),
        (
            c_before.received_on,
            c_before.channel,
            c_before.subject,
            c_before.status,
            Some("Claire Martin")
        )
    );
    assert_eq!(c.answer.as_ref().unwrap().outcome, Outcome::Partial);
    assert_eq!(
        c.answer.as_ref().unwrap().gesture,
        c_before.answer.unwrap().gesture
    );
    assert_eq!(c.closure, c_before.closure);
    assert_eq!(c.contract.product, c_before.contract.product);
    assert_eq!(c.contract.insurer, c_before.contract.insurer);
    assert_eq!(c.dysfunctions[0].category, DysfunctionCategory::Insurer);
    assert_eq!(all_stats(&s), stats_before);

    // The file: placeholder letter, empty attachment, redacted exchange.
    let view = s.view(&reg.old).unwrap();
    assert_eq!(view.exchanges[0].summary, "[anonymisé]");
    assert_eq!(view.dispute_steps[0].summary, "[anonymisé]");
    assert_eq!(view.attachments[0].name, "pièce anonymisée");
    assert_eq!(view.attachments[0].size, 0);
    let (meta, pdf) = s.letter_pdf(reg.letter).unwrap();
    assert_eq!(meta.size as usize, pdf.len());
    let text = pdf_words(&pdf);
    assert!(
        text.contains(&format!(
            "Lettre n° {} de la réclamation {}",
            reg.letter, reg.old
        )) && text.contains("Anonymisée le 15/06/2026"),
        "{text}"
    );
    let err = s.attachment(reg.attachment).unwrap_err();
    assert_eq!(err.code(), "notFound", "{err}");
    assert!(err.to_string().contains("anonymisée"), "{err}");

    // The journal: every earlier event redacted, then one event that lists them.
    let events = s.history(&reg.old).unwrap();
    assert_eq!(events.len(), events_before.len() + 1);
    for (e, was) in events.iter().zip(&events_before) {
        assert_eq!((e.id, &e.hash, &e.kind), (was.id, &was.hash, &was.kind));
        assert_eq!(e.data["redacted"], true, "{e:?}");
    }
    let issued = events.iter().find(|e| e.kind == "letterIssued").unwrap();
    assert_eq!(issued.data["letterId"], reg.letter);
    assert!(issued.data.get("signatory").is_none());
    let last = events.last().unwrap();
    assert_eq!(last.kind, "anonymised");
    assert_eq!(last.id, done.event_id);
    assert_eq!(last.actor, "Claire Martin");
    assert_eq!(last.data["retentionYears"], 5);
    assert_eq!(
        last.data["redactedLetters"],
        serde_json::json!([reg.letter])
    );
    assert_eq!(
        last.data["redactedAttachments"],
        serde_json::json!([reg.attachment])
    );
    let listed: Vec<(i64, String)> = last.data["redactedEvents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["id"].as_i64().unwrap(),
                x["hash"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(i64, String)> = events_before
        .iter()
        .map(|e| (e.id, e.hash.clone()))
        .collect();
    assert_eq!(listed, expected);

    let report = s.verify().unwrap();
    assert!(report.ok, "{:#?}", report.findings);
    assert_eq!(report.letters, 1);
    assert_eq!(report.attachments, 1);

    // Anonymised once: no longer a candidate, refused a second time, frozen.
    assert!(s.anonymisation_candidates().unwrap().is_empty());
    drop(s);
    let mut s = reg.open();
    let err = s
        .anonymise(from_ref(&reg.old), "Claire Martin")
        .unwrap_err();
    assert_eq!(err.field(), Some("references"));
    assert!(
        err.to_string()
            .contains(&format!("{} : déjà anonymisée", reg.old)),
        "{err}"
    );
    let err = s
        .add_exchange(
            &reg.old,
            &NewExchange {
                on: d("2026-06-01"),
                direction: Direction::Incoming,
                channel: reclam::complaint::Channel::Phone,
                summary: "Rappel de M. Dupont".into(),
            },
            "Claire Martin",
        )
        .unwrap_err();
    assert!(err.to_string().contains("anonymisée"), "{err}");
    let err = s
        .update(&reg.old, &old_complaint(), "Claire Martin")
        .unwrap_err();
    assert!(err.to_string().contains("anonymisée"), "{err}");
    assert!(s.verify().unwrap().ok);
}

#[test]
fn a_redaction_the_journal_does_not_cover_is_reported() {
    let reg = register();
    let mut s = reg.open();
    let done = s.anonymise(from_ref(&reg.old), "Claire Martin").unwrap();
    let by = done.complaints[0].event_id;
    assert!(s.verify().unwrap().ok);
    drop(s);

    // Someone marks another client's event as anonymised, to blank it: the schema lets the
    // column be set once, the verification sees that no anonymisation covers it.
    let conn = Connection::open(&reg.db.path).unwrap();
    let (victim, reference): (i64, String) = conn
        .query_row(
            "SELECT e.id, c.reference FROM events e JOIN complaints c ON c.id = e.complaint_id
             WHERE c.reference = ?1 ORDER BY e.id LIMIT 1",
            [reg.recent.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    conn.execute(
        "UPDATE events SET data = '{\"redacted\":true}', redacted_by = ?2 WHERE id = ?1",
        [victim, by],
    )
    .unwrap();
    // And a letter swapped under cover of an anonymisation that does not list it is refused
    // by the schema (its hash cannot change), or reported.
    drop(conn);

    let s = reg.open();
    let report = s.verify().unwrap();
    assert!(!report.ok);
    let f = report
        .findings
        .iter()
        .find(|f| f.kind == "redaction")
        .unwrap_or_else(|| panic!("{:#?}", report.findings));
    assert_eq!(f.event_id, Some(victim));
    assert_eq!(f.reference.as_deref(), Some(reference.as_str()));
    assert!(
        f.message.contains("sans anonymisation journalisée"),
        "{}",
        f.message
    );
}

#[test]
fn client_export_holds_every_complaint_of_the_client_and_is_journaled() {
    let reg = register();
    let mut s = reg.open();
    // The same client again, spelt differently; and a namesake who is someone else.
    let mut again = complaint("m. jean   DUPONT", "2026-05-04");
    again.client.email = Some("jean.dupont@exemple.fr".into());
    let again = s.record(&again, "Claire Martin").unwrap().reference;
    let mut other = complaint("M. Jean Dupont-Lemaire", "2026-05-05");
    other.client.email = Some("jdl@exemple.fr".into());
    let other = s.record(&other, "Claire Martin").unwrap().reference;

    for short in ["", "  ", "Du"] {
        let err = reclam::Register::over(&mut s, "Claire Martin")
            .unwrap()
            .client_export(short)
            .unwrap_err();
        assert_eq!(err.field(), Some("client"), "{err}");
    }

    let events = event_count(&s);
    let x = reclam::Register::over(&mut s, "Claire Martin")
        .unwrap()
        .client_export("  M. Jean  Dupont ")
        .unwrap();
    let refs: Vec<&ComplaintRef> = x
        .complaints
        .iter()
        .map(|f| &f.complaint.reference)
        .collect();
    assert_eq!(refs, [&reg.old, &again]);
    let json = serde_json::to_value(&x).unwrap();
    let text = json.to_string();
    for expected in [
        reg.old.as_str(),
        again.as_str(),
        "Appel de M. Dupont, mécontent du montant",
        "courrier-dupont.txt",
        "Réclamation de M. Dupont transmise à AXA",
        "letterIssued",
        "8 rue des Lilas",
    ] {
        assert!(
            text.contains(expected),
            "« {expected} » missing from the JSON"
        );
    }
    for absent in [
        reg.recent.as_str(),
        reg.open.as_str(),
        other.as_str(),
        "Dupont-Lemaire",
    ] {
        assert!(!text.contains(absent), "« {absent} » in the JSON");
    }
    assert!(json.get("pdf").is_none(), "the PDF stays out of the JSON");
    let first = &json["complaints"][0];
    assert_eq!(
        first["complaint"]["client"]["email"],
        "jean.dupont@exemple.fr"
    );
    assert_eq!(first["letters"].as_array().unwrap().len(), 1);
    assert_eq!(first["attachments"][0]["name"], "courrier-dupont.txt");
    assert_eq!(first["exchanges"].as_array().unwrap().len(), 1);
    assert_eq!(first["disputeSteps"].as_array().unwrap().len(), 1);
    assert!(first["events"].as_array().unwrap().len() >= 8);

    let pdf = pdf_words(&x.pdf);
    for expected in [
        "Cabinet Durand Courtage",
        "M. Jean Dupont",
        "8 rue des Lilas",
        "Vos données personnelles",
        &format!("Réclamation {} reçue le 04/03/2019", reg.old),
        &format!("Réclamation {} reçue le 04/05/2026", again),
        "jean.dupont@exemple.fr",
        "Appel de M. Dupont, mécontent du montant",
        "Accusé de réception",
        "courrier-dupont.txt",
        "CNIL",
        "5 ans après la clôture",
    ] {
        assert!(
            pdf.contains(expected),
            "« {expected} » missing from:\n{pdf}"
        );
    }
    assert!(
        !pdf.contains("Dupont-Lemaire") && !pdf.contains("Paul Durand"),
        "{pdf}"
    );

    // The disclosure is journaled, without complaint.
    assert_eq!(event_count(&s), events + 1);
    let e: (Option<i64>, String, String) = sql(&s)
        .query_row(
            "SELECT complaint_id, kind, data FROM events ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((e.0, e.1.as_str()), (None, "clientExport"));
    let data: serde_json::Value = serde_json::from_str(&e.2).unwrap();
    assert_eq!(
        data,
        serde_json::json!({"query": "M. Jean Dupont",
                           "references": [reg.old.as_str(), again.as_str()]})
    );

    // By e-mail address, any case: the same two.
    let x = reclam::Register::over(&mut s, "Claire Martin")
        .unwrap()
        .client_export("Jean.Dupont@Exemple.fr")
        .unwrap();
    assert_eq!(x.complaints.len(), 2);

    // Nobody by that name: an answer too, and journaled.
    let x = reclam::Register::over(&mut s, "Claire Martin")
        .unwrap()
        .client_export("Mme Inconnue")
        .unwrap();
    assert!(x.complaints.is_empty());
    assert!(pdf_words(&x.pdf).contains("aucune réclamation"));
    // Nothing to redact later: the journal keeps the query's hash, not the name.
    let named: i64 = sql(&s)
        .query_row(
            "SELECT count(*) FROM events WHERE kind = 'clientExport' AND data LIKE '%Inconnue%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(named, 0);
    assert_eq!(
        sql(&s)
            .query_row(
                "SELECT count(*) FROM events WHERE kind = 'clientExport'
                 AND json_extract(data, '$.querySha256') IS NOT NULL",
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap(),
        1
    );

    // Once the old complaint is anonymised, the exports that disclosed it are redacted too,
    // and a new export no longer finds it.
    s.anonymise(from_ref(&reg.old), "Claire Martin").unwrap();
    let redacted: i64 = sql(&s)
        .query_row(
            "SELECT count(*) FROM events WHERE kind = 'clientExport' AND redacted_by IS NOT NULL
             AND data NOT LIKE '%Dupont%' AND data LIKE ?1",
            [format!("%{}%", reg.old)],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(redacted, 2);
    assert!(s.verify().unwrap().ok);
    let x = reclam::Register::over(&mut s, "Claire Martin")
        .unwrap()
        .client_export("M. Jean Dupont")
        .unwrap();
    let refs: Vec<&ComplaintRef> = x
        .complaints
        .iter()
        .map(|f| &f.complaint.reference)
        .collect();
    assert_eq!(refs, [&again]);
}

#[test]
fn an_anonymisation_of_several_complaints_is_one_transaction() {
    let reg = register();
    let mut s = reg.open();
    s.set_setting("retention.years", "4", "Claire Martin")
        .unwrap();
    let refs: Vec<ComplaintRef> = s
        .anonymisation_candidates()
        .unwrap()
        .into_iter()
        .map(|c| c.reference)
        .collect();
    assert_eq!(refs.len(), 2);
    let report = s.anonymise(&refs, "Claire Martin").unwrap();
    assert_eq!(report.retention_years, 4);
    assert_eq!(report.complaints.len(), 2);
    assert!(report.complaints[0].event_id < report.complaints[1].event_id);
    for r in &refs {
        assert_eq!(s.get(r).unwrap().client.name, "Client anonymisé");
    }
    assert!(s.verify().unwrap().ok);
    assert!(s.anonymisation_candidates().unwrap().is_empty());
}

fn cli(db: &TestDb, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_reclam"))
        .args(args)
        .env("RECLAM_DB", &db.path)
        .env("RECLAM_TODAY", TODAY)
        .env("RECLAM_USER", "Claire Martin")
        .output()
        .unwrap()
}

#[test]
fn retention_and_client_export_from_the_command_line() {
    let reg = register();

    let out = cli(&reg.db, &["retention", "list", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["reference"], reg.old.as_str());
    assert_eq!(list[0]["keptUntil"], "2025-05-05");

    let out = cli(&reg.db, &["retention", "list"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!("{}   M. Jean Dupont", reg.old))
            && text.contains("05/05/2025")
            && text.contains("1 réclamation(s) à anonymiser (conservation : 5 ans"),
        "{text}"
    );

    // Without --yes: refused, and nothing changes.
    let out = cli(&reg.db, &["retention", "apply"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("irréversible")
            && err.contains("reclam retention list")
            && err.contains("--yes"),
        "{err}"
    );
    let out = cli(&reg.db, &["retention", "apply", reg.old.as_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        reg.open().get(&reg.old).unwrap().client.name,
        "M. Jean Dupont"
    );

    // A complaint that is not due is refused.
    let out = cli(
        &reg.db,
        &["retention", "apply", "--yes", reg.recent.as_str()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("conservées jusqu'au"));

    // The access export, before the anonymisation.
    let json = reg.db.dir.path().join("client.json");
    let pdf = reg.db.dir.path().join("client.pdf");
    let out = cli(
        &reg.db,
        &[
            "client-export",
            "jean.dupont@exemple.fr",
            "--out",
            json.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let x: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(
        x["complaints"][0]["complaint"]["reference"],
        reg.old.as_str()
    );
    assert!(pdf_words(&std::fs::read(&pdf).unwrap()).contains("M. Jean Dupont"));
    let out = cli(
        &reg.db,
        &["client-export", "D", "--out", json.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));

    // Confirmed: every listed complaint.
    let out = cli(&reg.db, &["retention", "apply", "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(&format!("{} anonymisée", reg.old)), "{text}");
    let s = reg.open();
    assert_eq!(s.get(&reg.old).unwrap().client.name, "Client anonymisé");
    assert!(s.verify().unwrap().ok);
    drop(s);
    let out = cli(&reg.db, &["retention", "apply", "--yes"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("aucune réclamation à anonymiser"));
    let out = cli(&reg.db, &["verify"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn errors_name_their_field() {
    // The boundary error keeps its wire shape for the new refusals.
    let reg = register();
    let mut s = reg.open();
    let err: Error = s
        .anonymise(from_ref(&reg.open), "Claire Martin")
        .unwrap_err();
    let wire = serde_json::to_value(err.to_wire()).unwrap();
    assert_eq!(wire["code"], "validation");
    assert_eq!(wire["field"], "references");
}

#[test]
fn only_a_manager_anonymises() {
    let reg = register();
    let mut s = reg.open();
    s.add_user(
        &NewUser {
            name: "Sophie Leroy".into(),
            role: Role::Advisor,
            can_sign: true,
            max_gesture: None,
            secret: None,
        },
        "Claire Martin",
    )
    .unwrap();
    let events = event_count(&s);
    let err = s.anonymise(from_ref(&reg.old), "Sophie Leroy").unwrap_err();
    assert_eq!(err.field(), Some("by"), "{err}");
    assert!(err
        .to_string()
        .contains("seul un dirigeant peut anonymiser des dossiers"));
    assert_eq!(event_count(&s), events, "nothing changed");
    assert!(s.anonymise(from_ref(&reg.old), "Claire Martin").is_ok());
}
