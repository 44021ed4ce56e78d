//! The firm's people through the use cases: who may set the first password, the manager who
//! must stay able to sign in, a session that ends when its user is deactivated, who may
//! restore a backup.

mod common;

use common::{complaint, d, TestDb};
use reclam::complaint::lifecycle::AnswerMoney;
use reclam::complaint::{Outcome, Refund, RefundBasis, RefundScope, Role};
use reclam::firm::{NewUser, UserEdit};
use reclam::{Register, Store};

fn user(s: &mut Store, name: &str, role: Role) {
    s.add_user(
        &NewUser {
            name: name.into(),
            role,
            can_sign: true,
            max_gesture: None,
            secret: None,
        },
        "Claire Martin",
    )
    .unwrap();
}

fn firm(db: &TestDb) -> Store {
    let mut s = db.open("2026-06-15");
    user(&mut s, "Claire Martin", Role::Manager);
    user(&mut s, "Marc Petit", Role::Manager);
    user(&mut s, "Paul Durand", Role::Advisor);
    s
}

#[test]
fn the_first_password_is_a_managers_own() {
    let db = TestDb::new();
    let mut s = firm(&db);
    // An advisor setting his own password first would lock the managers out.
    let err = Register::over(&mut s, "Paul Durand")
        .unwrap()
        .set_password("Paul Durand", "motdepasse-paul")
        .unwrap_err();
    assert_eq!(err.code(), "forbidden", "{err}");
    // A manager setting someone else's first: refused too.
    let err = Register::over(&mut s, "Claire Martin")
        .unwrap()
        .set_password("Paul Durand", "motdepasse-paul")
        .unwrap_err();
    assert_eq!(err.field(), Some("secret"), "{err}");
    assert!(!s.any_credentials().unwrap());
    // The manager's own: from now on, everyone signs in.
    let mut claire = Register::over(&mut s, "Claire Martin").unwrap();
    claire
        .set_password("Claire Martin", "motdepasse-claire")
        .unwrap();
    claire
        .set_password("Paul Durand", "motdepasse-paul")
        .unwrap();
    drop(claire);
    let err = Register::over(&mut s, "Paul Durand").err().unwrap();
    assert_eq!(err.code(), "signIn", "{err}");
    Register::signed_in_over(&mut s, "Paul Durand", "motdepasse-paul").unwrap();
}

#[test]
fn a_manager_who_can_sign_in_always_remains() {
    let db = TestDb::new();
    let mut s = firm(&db);
    let mut claire = Register::over(&mut s, "Claire Martin").unwrap();
    claire
        .set_password("Claire Martin", "motdepasse-claire")
        .unwrap();
    // Marc is a manager but has no password: Claire may not step down.
    let demote = UserEdit {
        role: Some(Role::Advisor),
        ..UserEdit::default()
    };
    let err = claire.edit_user("Claire Martin", &demote).unwrap_err();
    assert!(
        err.to_string()
            .contains("seul dirigeant qui peut se connecter"),
        "{err}"
    );
    let err = claire.set_user_active("Claire Martin", false).unwrap_err();
    assert_eq!(err.field(), Some("role"), "{err}");
    // Once Marc has one, she may.
    claire
        .set_password("Marc Petit", "motdepasse-marc")
        .unwrap();
    claire.edit_user("Claire Martin", &demote).unwrap();
}

#[test]
fn a_deactivated_user_loses_the_session_at_once() {
    let db = TestDb::new();
    let mut s = firm(&db);
    {
        let mut claire = Register::over(&mut s, "Claire Martin").unwrap();
        claire
            .set_password("Claire Martin", "motdepasse-claire")
            .unwrap();
        claire
            .set_password("Paul Durand", "motdepasse-paul")
            .unwrap();
    }
    let mut paul_store = db.open("2026-06-15");
    let mut paul =
        Register::signed_in_over(&mut paul_store, "Paul Durand", "motdepasse-paul").unwrap();
    paul.record(&complaint("Mme A", "2026-06-10")).unwrap();
    Register::signed_in_over(&mut s, "Claire Martin", "motdepasse-claire")
        .unwrap()
        .set_user_active("Paul Durand", false)
        .unwrap();
    let err = paul.record(&complaint("Mme B", "2026-06-10")).unwrap_err();
    assert_eq!(err.code(), "signIn", "{err}");
    assert!(err.to_string().contains("désactivé"), "{err}");
    // And he cannot sign in again.
    let err = Register::signed_in_over(&mut s, "Paul Durand", "motdepasse-paul")
        .err()
        .unwrap();
    assert!(err.to_string().contains("désactivé"), "{err}");
}

#[test]
fn only_a_signed_in_manager_restores_once_passwords_exist() {
    let db = TestDb::new();
    let mut s = firm(&db);
    // Without passwords, anyone at the computer (as before).
    Register::over(&mut s, "Paul Durand")
        .unwrap()
        .require_signed_in_manager("restaurer une sauvegarde")
        .unwrap();
    {
        let mut claire = Register::over(&mut s, "Claire Martin").unwrap();
        claire
            .set_password("Claire Martin", "motdepasse-claire")
            .unwrap();
        claire
            .set_password("Paul Durand", "motdepasse-paul")
            .unwrap();
    }
    let err = Register::signed_in_over(&mut s, "Paul Durand", "motdepasse-paul")
        .unwrap()
        .require_signed_in_manager("restaurer une sauvegarde")
        .unwrap_err();
    assert_eq!(err.code(), "forbidden");
    assert!(err.to_string().contains("seul un dirigeant peut restaurer"));
    let mut locked = Register::from_store(db.open("2026-06-15"));
    assert_eq!(
        locked
            .require_signed_in_manager("restaurer une sauvegarde")
            .unwrap_err()
            .code(),
        "signIn"
    );
    locked
        .sign_in("Claire Martin", "motdepasse-claire")
        .unwrap();
    locked
        .require_signed_in_manager("restaurer une sauvegarde")
        .unwrap();
}

#[test]
fn a_refund_of_the_whole_claim_is_full_whatever_it_is_called() {
    let db = TestDb::new();
    let mut s = firm(&db);
    let mut c = complaint("Mme A", "2026-06-10");
    c.amount_claimed = Some("80".into());
    let r = s.record(&c, "x").unwrap().reference;
    let partial = |amount: &str| AnswerMoney {
        refund: Some(Refund {
            amount: amount.parse().unwrap(),
            basis: RefundBasis::Exception,
            scope: RefundScope::Partial,
        }),
        ..AnswerMoney::default()
    };
    let mut claire = Register::over(&mut s, "Claire Martin").unwrap();
    let err = claire
        .answer(
            &r,
            d("2026-06-12"),
            Outcome::Upheld,
            "Remboursé",
            &partial("80"),
            Some(reclam::complaint::Sent {
                via: reclam::complaint::SentVia::RegisterLetter,
                copy: None,
            }),
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("refundScope"), "{err}");
    assert!(err.to_string().contains("il est intégral"), "{err}");
}
