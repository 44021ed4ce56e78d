//! Letters end to end through the store: composition rules, authority, approvals, issuing, and
//! the text inside the generated PDFs (extracted with `pdftotext`, from poppler-utils).

mod common;

use common::{complaint, d, pdf_words, TestDb};
use reclam::complaint::lifecycle::AnswerMoney;
use reclam::complaint::{
    ApprovalLevel, ComplaintRef, EscalationDecision, EscalationSubject, GestureKind, Money,
    NewEscalation, Outcome, Role, Status,
};
use reclam::firm::NewUser;
use reclam::letters::LetterRequest;
use reclam::letters::{HoldingInfo, LetterKind};
use reclam::Register;
use reclam::Store;
use std::process::Command;

/// A 1×1 PNG (logo and signature stand-in).
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xfc, 0xcf, 0xc0, 0x50,
    0x0f, 0x00, 0x04, 0x85, 0x01, 0x80, 0x84, 0xa9, 0x8c, 0x21, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

/// How many images a PDF shows (`pdfimages -list`).
fn pdf_images(pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lettre.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    // An image with transparency also lists its soft mask ("smask"): count the images only.
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(2)
        .filter(|l| l.split_whitespace().nth(2) == Some("image"))
        .count()
}

const MEDIATOR: [(&str, &str); 3] = [
    ("mediator.name", "La Médiation de l'Assurance"),
    ("mediator.address", "TSA 50110\n75441 Paris Cedex 09"),
    ("mediator.website", "www.mediation-assurance.org"),
];

fn firm(s: &mut Store) {
    for (k, v) in [
        ("firm.name", "Cabinet Durand Courtage"),
        ("firm.address", "12 rue de la République\n69002 Lyon"),
        ("firm.orias", "07000001"),
        ("firm.email", "reclamations@durand-courtage.fr"),
        ("firm.phone", "04 72 00 00 00"),
    ] {
        s.set_setting(k, v, "Claire Martin").unwrap();
    }
}

fn mediator(s: &mut Store) {
    for (k, v) in MEDIATOR {
        s.set_setting(k, v, "Claire Martin").unwrap();
    }
}

fn user(s: &mut Store, name: &str, role: Role, can_sign: bool) {
    s.add_user(
        &NewUser {
            name: name.into(),
            role,
            can_sign,
            max_gesture: None,
            secret: None,
        },
        "Claire Martin",
    )
    .unwrap();
}

fn team(s: &mut Store) {
    user(s, "Claire Martin", Role::Manager, true);
    user(s, "Julien Bernard", Role::Supervisor, true);
    user(s, "Sophie Leroy", Role::Advisor, true);
    user(s, "Karim Benali", Role::Advisor, false);
}

fn request(kind: LetterKind, signatory: &str) -> LetterRequest {
    LetterRequest {
        kind,
        signatory: signatory.into(),
        holding: None,
    }
}

fn setup(today: &str) -> (TestDb, Store, ComplaintRef) {
    let db = TestDb::new();
    let mut s = db.open(today);
    firm(&mut s);
    team(&mut s);
    let c = s
        .record(
            &complaint("Mme Élodie Durand", "2026-03-02"),
            "Sophie Leroy",
        )
        .unwrap();
    (db, s, c.reference)
}

#[test]
fn acknowledgement_letter_is_stored_hashed_and_acknowledges() {
    let (_db, mut s, r) = setup("2026-03-05");
    let meta = Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .issue_letter(&r, &request(LetterKind::Acknowledgement, "Sophie Leroy"))
        .unwrap();
    let c = s.get(&r).unwrap();
    assert_eq!(c.status, Status::Acknowledged);
    assert_eq!(c.acknowledged_on, Some(d("2026-03-05")));

    let (stored, pdf) = s.letter_pdf(meta.id).unwrap();
    assert_eq!(stored, meta);
    assert_eq!(reclam::store::journal::sha256_hex(&pdf), meta.sha256);
    let text = pdf_words(&pdf);
    for expected in [
        "Cabinet Durand Courtage",
        "ORIAS",
        "07000001",
        "Mme Élodie Durand",
        "3 rue Pasteur",
        "69003 Lyon",
        "Lyon, le 5 mars 2026",
        &r.to_string(),
        "Objet : Accusé de réception de votre réclamation du 02/03/2026",
        "Madame,",
        // The latest date of the answer: received 2 March + 2 months.
        "au plus tard le 2 mai 2026",
        "Claire Martin", // the handler named in the letter
        "Sophie Leroy",
        "Conseiller",
        "Page 1 / 1",
    ] {
        assert!(
            text.contains(expected),
            "« {expected} » missing from:\n{text}"
        );
    }
    // An acknowledgement carries no recourse paragraph.
    assert!(!text.contains("Médiation de l'Assurance"), "{text}");

    // Journaled: the acknowledgement and the letter, with its hash and signatory.
    let events = s.history(&r).unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["recorded", "acknowledged", "letterIssued"]);
    let issued = events.last().unwrap();
    assert_eq!(issued.data["sha256"], meta.sha256.as_str());
    assert_eq!(issued.data["signatory"], "Sophie Leroy");
    assert_eq!(issued.data["letter"], "ack");
    assert_eq!(s.view(&r).unwrap().letters, vec![meta]);
    assert_eq!(pdf_images(&pdf), 0, "no logo nor signature set yet");

    // With the firm's logo and the signatory's signature, both are printed.
    let err = s.set_logo(b"GIF89a", "Claire Martin").unwrap_err();
    assert_eq!(err.field(), Some("logo"));
    s.set_logo(PNG, "Claire Martin").unwrap();
    s.set_signature("Sophie Leroy", PNG, "Sophie Leroy")
        .unwrap();
    // A corrected acknowledgement (the complaint is acknowledged already) is still possible.
    let again = Register::over(&mut s, "Lecture")
        .unwrap()
        .draft_letter(&r, &request(LetterKind::Acknowledgement, "Sophie Leroy"))
        .unwrap();
    assert_eq!(pdf_images(&again.pdf), 2, "logo and signature");
}

#[test]
fn a_rejection_needs_a_mediator_and_always_names_it() {
    let (_db, mut s, r) = setup("2026-04-10");
    s.acknowledge(&r, d("2026-03-05"), "Sophie Leroy").unwrap();
    s.answer(&r, d("2026-04-10"), Outcome::Rejected, "Le sinistre n'est pas couvert : la garantie dégâts des eaux exclut les infiltrations lentes (article 4.2 des conditions générales).", None, "Sophie Leroy").unwrap();
    let err = Register::over(&mut s, "Lecture")
        .unwrap()
        .draft_letter(&r, &request(LetterKind::Answer, "Julien Bernard"))
        .unwrap_err();
    assert_eq!(err.field(), Some("mediator.name"), "{err}");
    assert!(err.to_string().contains("voies de recours"), "{err}");
    let err = Register::over(&mut s, "Julien Bernard")
        .unwrap()
        .issue_letter(&r, &request(LetterKind::Answer, "Julien Bernard"))
        .unwrap_err();
    assert_eq!(err.field(), Some("mediator.name"));
    assert!(
        s.letters(&r).unwrap().is_empty(),
        "nothing stored on refusal"
    );

    mediator(&mut s);
    let draft = Register::over(&mut s, "Lecture")
        .unwrap()
        .draft_letter(&r, &request(LetterKind::Answer, "Julien Bernard"))
        .unwrap();
    assert!(draft.composed.has_recourse);
    let text = pdf_words(&draft.pdf);
    for expected in [
        "Vos voies de recours",
        "La Médiation de l'Assurance",
        "TSA 50110, 75441 Paris Cedex 09",
        "www.mediation-assurance.org",
        "au plus tard un an après celle-ci, soit jusqu'au 2 mars 2027",
        "juridictions compétentes",
        "service réclamations de AXA France",
        "article 4.2 des conditions générales",
        "pas en mesure de donner une suite favorable",
    ] {
        assert!(
            text.contains(expected),
            "« {expected} » missing from:\n{text}"
        );
    }
}

/// Property: whatever the answer, a partial or total rejection carries the mediator's name,
/// postal address and website in the PDF text; an upheld one does not, unless the firm asks.
#[test]
fn every_partial_or_rejected_answer_carries_the_recourse_mentions() {
    let db = TestDb::new();
    let mut s = db.open("2026-06-30");
    firm(&mut s);
    mediator(&mut s);
    team(&mut s);
    let mut rng = fastrand::Rng::with_seed(7);
    let words = [
        "garantie",
        "franchise",
        "expertise",
        "sinistre",
        "échéance",
        "résiliation",
        "prélèvement",
        "indemnité",
        "vétusté",
        "cotisation",
        "« dossier »",
        "œuvre",
        "délai",
        "préjudice",
    ];
    let names = [
        "Mme Zoé Lefèvre",
        "M. François Noël",
        "SARL Bâti-Œuvre",
        "Mme Anaïs Müller",
    ];
    let mut counts = [0usize; 3];
    for i in 0..60 {
        let outcome = [Outcome::Upheld, Outcome::Partial, Outcome::Rejected][i % 3];
        let every = i % 6 == 0;
        s.set_setting(
            "letters.mediatorInEveryAnswer",
            if every { "true" } else { "false" },
            "Claire Martin",
        )
        .unwrap();
        let mut c = complaint(names[rng.usize(..names.len())], "2026-05-04");
        c.contract.insurer = None;
        let r = s.record(&c, "Sophie Leroy").unwrap().reference;
        let n = rng.usize(5..400);
        let summary: Vec<&str> = (0..n).map(|_| words[rng.usize(..words.len())]).collect();
        let gesture = (rng.u8(..3) == 0)
            .then(|| Money::new(rust_decimal::Decimal::new(rng.i64(100..9_999), 2)).unwrap());
        s.acknowledge(&r, d("2026-05-05"), "Sophie Leroy").unwrap();
        s.answer(
            &r,
            d("2026-06-30"),
            outcome,
            &summary.join(" "),
            gesture,
            "Claire Martin",
        )
        .unwrap();
        let draft = Register::over(&mut s, "Lecture")
            .unwrap()
            .draft_letter(&r, &request(LetterKind::Answer, "Claire Martin"))
            .unwrap();
        let text = pdf_words(&draft.pdf);
        let mentions = [
            "La Médiation de l'Assurance",
            "TSA 50110, 75441 Paris Cedex 09",
            "www.mediation-assurance.org",
        ];
        let has = mentions.iter().all(|m| text.contains(m));
        if outcome.requires_recourse() || every {
            assert!(
                has,
                "answer {i} ({outcome:?}) lacks the recourse mentions:\n{text}"
            );
        } else {
            assert!(
                !mentions.iter().any(|m| text.contains(m)),
                "answer {i} names the mediator:\n{text}"
            );
        }
        if let Some(g) = gesture {
            let amount = g.to_french().replace(['\u{A0}', '\u{202F}'], " ");
            assert!(
                text.contains(&amount),
                "gesture {amount} missing in answer {i}:\n{text}"
            );
        }
        counts[i % 3] += 1;
    }
    assert_eq!(counts, [20, 20, 20]);
}

fn gesture(amount: &str) -> AnswerMoney {
    AnswerMoney {
        gesture: Some(amount.parse().unwrap()),
        gesture_kind: Some(GestureKind::Credit),
        gesture_reason: Some("Relogement imputable au retard de l'expert".into()),
        ..AnswerMoney::default()
    }
}

fn escalation(amount: &str, document_id: Option<i64>) -> NewEscalation {
    NewEscalation {
        subject: EscalationSubject::Gesture,
        amount: amount.into(),
        refund_scope: None,
        reason: "Frais de relogement avancés par la cliente".into(),
        refused_proposal: "Avoir de 50 € sur la prochaine échéance, refusé".into(),
        analysis: "Le retard de l'expert a doublé la durée du relogement".into(),
        document_id,
    }
}

#[test]
fn a_gesture_above_authority_is_recorded_only_once_approved() {
    let (_db, mut s, r) = setup("2026-04-10");
    mediator(&mut s);
    s.acknowledge(&r, d("2026-03-05"), "Sophie Leroy").unwrap();
    let answer = |s: &mut Store, money: &AnswerMoney| {
        Register::over(s, "Sophie Leroy").unwrap().answer(
            &r,
            d("2026-04-10"),
            Outcome::Partial,
            "Nous prenons en charge une partie des frais de relogement.",
            money,
            Some(reclam::complaint::Sent {
                via: reclam::complaint::SentVia::RegisterLetter,
                copy: None,
            }),
        )
    };
    // 150 € is beyond the advisor's 50 €, and above 100 € an internal document is attached.
    let err = answer(&mut s, &gesture("150")).unwrap_err();
    let fields: Vec<&str> = err.fields().iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["gesture", "documentId"], "{err}");
    assert_eq!(s.get(&r).unwrap().status, Status::Acknowledged);

    // The request names the reason, the refused proposal, the analysis and the document.
    let err = Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .request_approval(&r, &escalation("150", None))
        .unwrap_err();
    assert_eq!(err.field(), Some("documentId"), "{err}");
    let doc = Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .add_attachment(&r, "note-interne.pdf", b"%PDF-1.4 note interne")
        .unwrap();
    let e = Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .request_approval(&r, &escalation("150", Some(doc.id)))
        .unwrap();
    assert_eq!(e.level, ApprovalLevel::Document);
    assert_eq!(e.due_at - e.requested_at, chrono::Duration::hours(4));
    // It waits on the supervisor's list, and on the requester's as theirs.
    let julien = Register::over(&mut s, "Julien Bernard")
        .unwrap()
        .pending_approvals()
        .unwrap();
    assert_eq!(julien.len(), 1);
    assert!(julien[0].may_decide && !julien[0].mine);
    let sophie = Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .pending_approvals()
        .unwrap();
    assert!(sophie[0].mine && !sophie[0].may_decide);
    // Still pending: the answer is refused.
    assert!(answer(&mut s, &gesture("150")).is_err());

    // The supervisor approves a lower amount.
    let decided = Register::over(&mut s, "Julien Bernard")
        .unwrap()
        .decide_approval(
            e.id,
            &EscalationDecision {
                accept: true,
                amount: Some("120".into()),
                reason: "120 € couvrent les frais justifiés".into(),
            },
        )
        .unwrap();
    assert_eq!(decided.decided_amount, Some("120".parse().unwrap()));
    let err = answer(&mut s, &gesture("150")).unwrap_err();
    assert!(err.to_string().contains("validé jusqu'à 120,00"), "{err}");
    let c = answer(&mut s, &gesture("120")).unwrap();
    assert_eq!(c.status, Status::Answered);
    assert_eq!(
        c.answer.as_ref().unwrap().gesture_kind,
        Some(GestureKind::Credit)
    );

    // The letter goes out under the advisor's signature, the approval covering her.
    let meta = Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .issue_letter(&r, &request(LetterKind::Answer, "Sophie Leroy"))
        .unwrap();
    let text = pdf_words(&s.letter_pdf(meta.id).unwrap().1);
    assert!(text.contains("somme de 120,00 €"), "{text}");
    let events = s.history(&r).unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert!(
        kinds.ends_with(&[
            "attachment",
            "escalated",
            "escalationDecided",
            "answered",
            "letterIssued"
        ]),
        "{kinds:?}"
    );
    let decided = events
        .iter()
        .find(|e| e.kind == "escalationDecided")
        .unwrap();
    assert_eq!(decided.actor, "Julien Bernard");
    assert_eq!(decided.data["amount"], "120.00");
    assert!(s.verify().unwrap().ok);

    // The thresholds are the manager's to change.
    let err = s
        .set_setting("authority.supervisor", "200", "Julien Bernard")
        .unwrap_err();
    assert_eq!(err.field(), Some("authority.supervisor"));
    s.set_setting("authority.supervisor", "200", "Claire Martin")
        .unwrap();
    let (julien, _) = s.user("Julien Bernard").unwrap();
    assert_eq!(s.authority(&julien).unwrap(), Some("200".parse().unwrap()));
}

#[test]
fn a_holding_letter_announces_a_date_before_the_answer_is_due() {
    let (_db, mut s, r) = setup("2026-04-20");
    s.acknowledge(&r, d("2026-03-05"), "Sophie Leroy").unwrap();
    let holding = |on: &str| LetterRequest {
        kind: LetterKind::Holding,
        signatory: "Sophie Leroy".into(),
        holding: Some(HoldingInfo {
            expected_on: d(on),
            note: "l'expert mandaté par l'assureur doit rendre son rapport le 24 avril.".into(),
        }),
    };
    let err = Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .issue_letter(&r, &holding("2026-05-04"))
        .unwrap_err();
    assert_eq!(err.field(), Some("expectedOn"), "{err}");
    assert!(err.to_string().contains("02/05/2026"), "{err}");
    let meta = Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .issue_letter(&r, &holding("2026-04-30"))
        .unwrap();
    let c = s.get(&r).unwrap();
    assert_eq!(c.holdings.len(), 1);
    assert_eq!(c.holdings[0].on, d("2026-04-20"));
    let text = pdf_words(&s.letter_pdf(meta.id).unwrap().1);
    assert!(text.contains("au plus tard le 30 avril 2026"), "{text}");
    assert!(text.contains("l'expert mandaté par l'assureur"), "{text}");
}

#[test]
fn templates_are_checked_editable_and_used() {
    let (_db, mut s, r) = setup("2026-03-05");
    let err = Register::over(&mut s, "Claire Martin")
        .unwrap()
        .set_template("template.ack", "Bonjour {client.nom}, ")
        .unwrap_err();
    assert_eq!(err.field(), Some("template.ack"));
    assert!(
        err.to_string().contains("champ inconnu « {client.nom} »"),
        "{err}"
    );
    Register::over(&mut s, "Claire Martin").unwrap().set_template("template.ack", "Votre dossier {complaint.reference} est entre de bonnes mains.\n\nRéponse au plus tard le {deadlines.answerDue}.")
    .unwrap();
    let entry = Register::over(&mut s, "Lecture")
        .unwrap()
        .templates()
        .unwrap()
        .into_iter()
        .find(|t| t.key == "template.ack")
        .unwrap();
    assert!(!entry.is_default);
    let draft = Register::over(&mut s, "Lecture")
        .unwrap()
        .draft_letter(&r, &request(LetterKind::Acknowledgement, "Sophie Leroy"))
        .unwrap();
    let text = pdf_words(&draft.pdf);
    assert!(
        text.contains(&format!("Votre dossier {r} est entre de bonnes mains.")),
        "{text}"
    );
    // Empty: back to the shipped text.
    Register::over(&mut s, "Claire Martin")
        .unwrap()
        .set_template("template.ack", "")
        .unwrap();
    assert!(
        Register::over(&mut s, "Lecture")
            .unwrap()
            .templates()
            .unwrap()[0]
            .is_default
    );
}

#[test]
fn a_long_answer_flows_onto_further_pages() {
    let (_db, mut s, r) = setup("2026-04-10");
    mediator(&mut s);
    let summary: Vec<String> = (1..=60)
        .map(|i| {
            format!("Point {i} : l'examen du dossier montre que la garantie ne s'applique pas.")
        })
        .collect();
    s.acknowledge(&r, d("2026-03-05"), "Claire Martin").unwrap();
    s.answer(
        &r,
        d("2026-04-10"),
        Outcome::Rejected,
        &summary.join("\n\n"),
        None,
        "Claire Martin",
    )
    .unwrap();
    let draft = Register::over(&mut s, "Lecture")
        .unwrap()
        .draft_letter(&r, &request(LetterKind::Answer, "Claire Martin"))
        .unwrap();
    let text = pdf_words(&draft.pdf);
    let pages = text.matches("Page ").count();
    assert!(pages >= 2, "{pages} page(s):\n{text}");
    assert!(text.contains(&format!("Page {pages} / {pages}")), "{text}");
    for i in 1..=60 {
        assert_eq!(
            text.matches(&format!("Point {i} :")).count(),
            1,
            "point {i}"
        );
    }
    assert!(text.contains("www.mediation-assurance.org"));
}

#[test]
fn an_issued_letter_never_changes_and_tampering_is_reported() {
    let (db, mut s, r) = setup("2026-03-05");
    let meta = Register::over(&mut s, "Claire Martin")
        .unwrap()
        .issue_letter(&r, &request(LetterKind::Acknowledgement, "Claire Martin"))
        .unwrap();
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    assert!(conn
        .execute("UPDATE letters SET pdf = x'00', size = 1", [])
        .is_err());
    assert!(conn.execute("DELETE FROM letters", []).is_err());
    conn.execute_batch("DROP TRIGGER letters_no_update")
        .unwrap();
    conn.execute("UPDATE letters SET pdf = x'2550', size = 2", [])
        .unwrap();
    let err = s.letter_pdf(meta.id).unwrap_err();
    assert_eq!(err.code(), "tampered", "{err}");
}

#[test]
fn the_core_says_which_letters_fit_and_who_may_sign_them() {
    let (_db, mut s, r) = setup("2026-04-10");
    mediator(&mut s);
    let choices =
        |s: &mut Store, who: &str| Register::over(s, who).unwrap().letter_choices(&r).unwrap();
    // Received: the acknowledgement; the advisor acting signs by default; Karim cannot sign.
    let c = choices(&mut s, "Sophie Leroy");
    assert_eq!(c.offers.len(), 1);
    assert_eq!(c.offers[0].kind, LetterKind::Acknowledgement);
    assert!(!c.offers[0].new_version);
    assert_eq!(c.default_signatory.as_deref(), Some("Sophie Leroy"));
    let names: Vec<&str> = c.signatories.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(!names.contains(&"Karim Benali"));
    assert_eq!(c.latest_holding_date, d("2026-05-02"));
    // Someone who may not sign falls back to the handler ("Claire Martin" in the fixture).
    let c = choices(&mut s, "Karim Benali");
    assert_eq!(c.default_signatory.as_deref(), Some("Claire Martin"));

    // Acknowledged by letter: a holding letter first, then a corrected acknowledgement.
    Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .issue_letter(&r, &request(LetterKind::Acknowledgement, "Sophie Leroy"))
        .unwrap();
    let kinds: Vec<(LetterKind, bool)> = choices(&mut s, "Sophie Leroy")
        .offers
        .iter()
        .map(|o| (o.kind, o.new_version))
        .collect();
    assert_eq!(
        kinds,
        [
            (LetterKind::Holding, false),
            (LetterKind::Acknowledgement, true)
        ]
    );

    // An answer with a 150 € gesture recorded before the authority matrix (a register
    // migrated from an older Reclam): the advisor may not sign it until it is approved.
    s.answer(
        &r,
        d("2026-04-10"),
        Outcome::Partial,
        "Nous prenons en charge la moitié des frais.",
        Some("150".parse().unwrap()),
        "Sophie Leroy",
    )
    .unwrap();
    let c = choices(&mut s, "Sophie Leroy");
    assert_eq!(c.offers[0].kind, LetterKind::Answer);
    let gesture = c.gesture.unwrap();
    assert!(!gesture.approved && gesture.needs_approval);
    let may: Vec<(&str, bool)> = c
        .signatories
        .iter()
        .map(|s| (s.name.as_str(), s.may_sign_answer))
        .collect();
    // The manager and the supervisor have no ceiling (the seed's matrix).
    assert!(may.contains(&("Claire Martin", true)), "{may:?}");
    assert!(may.contains(&("Julien Bernard", true)), "{may:?}");
    assert!(may.contains(&("Sophie Leroy", false)), "{may:?}");
    let sophie = c
        .signatories
        .iter()
        .find(|s| s.name == "Sophie Leroy")
        .unwrap();
    assert!(
        sophie.why_not.as_deref().unwrap().contains("50,00"),
        "{:?}",
        sophie.why_not
    );
    // With the manager signing, no approval is asked for.
    assert!(
        !choices(&mut s, "Claire Martin")
            .gesture
            .unwrap()
            .needs_approval
    );
    let doc = Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .add_attachment(&r, "note.pdf", b"%PDF-1.4 note")
        .unwrap();
    let e = Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .request_approval(&r, &escalation("150", Some(doc.id)))
        .unwrap();
    Register::over(&mut s, "Claire Martin")
        .unwrap()
        .decide_approval(
            e.id,
            &EscalationDecision {
                accept: true,
                amount: None,
                reason: "Justifié".into(),
            },
        )
        .unwrap();
    let c = choices(&mut s, "Sophie Leroy");
    let gesture = c.gesture.unwrap();
    assert!(gesture.approved && !gesture.needs_approval);
    assert!(c.signatories.iter().all(|s| s.may_sign_answer));
    // Once the file is closed, there is nothing left to approve.
    s.close(
        &r,
        d("2026-04-10"),
        reclam::complaint::Feedback::Resolved,
        "Sophie Leroy",
    )
    .unwrap();
    assert!(choices(&mut s, "Sophie Leroy").gesture.is_none());
}

/// Tried as a new user would: the firm's name and address set, no phone or e-mail yet, a
/// complaint with no handler. The acknowledgement leaves out the sentences it cannot fill,
/// never a broken one, and names nobody as handling the file.
#[test]
fn an_empty_setting_never_leaves_a_broken_sentence() {
    let db = TestDb::new();
    let mut s = db.open("2026-03-05");
    for (k, v) in [
        ("firm.name", "Cabinet Durand Courtage"),
        ("firm.address", "12 rue de la République\n69002 Lyon"),
        ("firm.orias", "07000001"),
    ] {
        s.set_setting(k, v, "Claire Martin").unwrap();
    }
    team(&mut s);
    let mut c = complaint("Mme Élodie Durand", "2026-03-02");
    c.handler = None;
    let r = s.record(&c, "Sophie Leroy").unwrap().reference;
    let draft = Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .draft_letter(&r, &request(LetterKind::Acknowledgement, "Sophie Leroy"))
        .unwrap();
    let text = pdf_words(&draft.pdf);
    assert!(text.contains(&format!("sous la référence {r}.")), "{text}");
    assert!(!text.contains("joindre au"), "{text}");
    assert!(!text.contains("l'adresse ,"), "{text}");
    assert!(!text.contains("confié à"), "nobody handles it yet: {text}");
    // With the phone set and a handler, the sentences come back.
    s.set_setting("firm.phone", "04 72 00 00 00", "Claire Martin")
        .unwrap();
    let mut c = complaint("M. Paul Blanc", "2026-03-02");
    c.handler = Some("Julien Bernard".into());
    let r = s.record(&c, "Sophie Leroy").unwrap().reference;
    let draft = Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .draft_letter(&r, &request(LetterKind::Acknowledgement, "Sophie Leroy"))
        .unwrap();
    let text = pdf_words(&draft.pdf);
    assert!(
        text.contains("Vous pouvez nous joindre au 04 72 00 00 00, en rappelant cette référence."),
        "{text}"
    );
    assert!(text.contains("confié à Julien Bernard"), "{text}");
    assert!(!text.contains("nous écrire à l'adresse"), "{text}");
}

/// A rejection is closed only once the client was told the recourse routes: the answer letter
/// issued from the register carries them; without it, the user says how they were given.
#[test]
fn a_rejection_is_closed_only_once_the_recourse_routes_were_given() {
    let (_db, mut s, r) = setup("2026-04-20");
    mediator(&mut s);
    s.acknowledge(&r, d("2026-03-05"), "Sophie Leroy").unwrap();
    s.answer(
        &r,
        d("2026-04-10"),
        Outcome::Rejected,
        "Le contrat exclut ce dommage (article 4.2).",
        None,
        "Sophie Leroy",
    )
    .unwrap();
    let close = |s: &mut Store, note: Option<&str>| {
        Register::over(s, "Sophie Leroy").unwrap().close(
            &r,
            d("2026-04-20"),
            reclam::complaint::Feedback::Unresolved,
            None,
            note,
        )
    };
    let err = close(&mut s, None).unwrap_err();
    assert_eq!(err.field(), Some("recourse"), "{err}");
    assert!(err.to_string().contains("voies de recours"), "{err}");
    let err = close(&mut s, Some("  ")).unwrap_err();
    assert_eq!(err.field(), Some("recourse"), "{err}");
    // Told by an e-mail answer, attached: said, journaled, closed.
    let c = close(
        &mut s,
        Some("Réponse par e-mail du 10/04, jointe au dossier"),
    )
    .unwrap();
    assert_eq!(
        c.closure.unwrap().recourse_note.as_deref(),
        Some("Réponse par e-mail du 10/04, jointe au dossier")
    );
    let closed = s.history(&r).unwrap().into_iter().last().unwrap();
    assert_eq!(closed.kind, "closed");
    assert_eq!(
        closed.data["recourseGiven"],
        "Réponse par e-mail du 10/04, jointe au dossier"
    );

    // With the answer letter issued from the register, nothing more is asked.
    let (_db, mut s, r) = setup("2026-04-20");
    mediator(&mut s);
    s.acknowledge(&r, d("2026-03-05"), "Sophie Leroy").unwrap();
    s.answer(
        &r,
        d("2026-04-10"),
        Outcome::Partial,
        "Prise en charge partielle.",
        None,
        "Sophie Leroy",
    )
    .unwrap();
    Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .issue_letter(&r, &request(LetterKind::Answer, "Sophie Leroy"))
        .unwrap();
    Register::over(&mut s, "Sophie Leroy")
        .unwrap()
        .close(
            &r,
            d("2026-04-20"),
            reclam::complaint::Feedback::Resolved,
            Some(4),
            None,
        )
        .unwrap();
    assert!(s.verify().unwrap().ok);
}

#[test]
fn an_oral_complaint_gets_a_letter_inviting_its_written_confirmation() {
    let db = TestDb::new();
    let mut s = db.open("2026-03-05");
    firm(&mut s);
    team(&mut s);
    let mut by_phone = complaint("Mme Élodie Durand", "2026-03-02");
    by_phone.channel = reclam::complaint::Channel::Phone;
    let r = s.record(&by_phone, "Sophie Leroy").unwrap().reference;
    let written = s
        .record(&complaint("M. Paul Durand", "2026-03-02"), "Sophie Leroy")
        .unwrap()
        .reference;
    let mut reg = Register::over(&mut s, "Sophie Leroy").unwrap();
    let kinds = |reg: &Register<&mut Store>, r: &ComplaintRef| -> Vec<LetterKind> {
        reg.letter_choices(r)
            .unwrap()
            .offers
            .iter()
            .map(|o| o.kind)
            .collect()
    };
    assert_eq!(
        kinds(&reg, &r),
        [LetterKind::Acknowledgement, LetterKind::Confirmation]
    );
    assert_eq!(kinds(&reg, &written), [LetterKind::Acknowledgement]);
    let err = reg
        .issue_letter(&written, &request(LetterKind::Confirmation, "Sophie Leroy"))
        .unwrap_err();
    assert!(err.to_string().contains("déjà écrite"), "{err}");
    let meta = reg
        .issue_letter(&r, &request(LetterKind::Confirmation, "Sophie Leroy"))
        .unwrap();
    assert_eq!(meta.kind, LetterKind::Confirmation);
    let (_, pdf) = reg.letter_pdf(meta.id).unwrap();
    let words = common::pdf_words(&pdf);
    for expected in [
        "Votre réclamation du 02/03/2026 : confirmation écrite",
        "confirmer par écrit",
        r.as_str(),
        "au plus tard le 2 mai 2026",
    ] {
        assert!(words.contains(expected), "{expected:?} in {words}");
    }
    // Issuing it changes no step: the client's own confirmation is still awaited.
    let view = reg.view(&r).unwrap();
    assert_eq!(view.complaint.status, reclam::complaint::Status::Received);
    assert!(view.awaits_confirmation);
    // The template must keep the reference the client is asked to quote.
    let err = reg
        .set_template("template.confirmation", "Merci de confirmer par écrit.")
        .unwrap_err();
    assert!(err.to_string().contains("complaint.reference"), "{err}");
}
