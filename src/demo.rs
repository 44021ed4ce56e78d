//! A demo register: realistic, fictitious French complaints spread over several years and in
//! every state, for demonstrations and benchmarks. Deterministic for a given seed and day.

use crate::complaint::lifecycle;
use crate::complaint::{
    Channel, ClientKind, ClientRelation, DysfunctionCategory, Feedback, Money, NewClient,
    NewComplaint, NewContract, Outcome, Role, Subject,
};
use crate::error::Result;
use crate::firm::NewUser;
use crate::store::{complaints, Store};
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

const WOMEN: &[&str] = &[
    "Marie",
    "Nathalie",
    "Isabelle",
    "Sylvie",
    "Céline",
    "Sandrine",
    "Hélène",
    "Véronique",
    "Aurélie",
    "Chloé",
    "Émilie",
    "Léa",
    "Inès",
];
const MEN: &[&str] = &[
    "Jean",
    "Pierre",
    "Michel",
    "Philippe",
    "Alain",
    "François",
    "Stéphane",
    "Éric",
    "Laurent",
    "Mathieu",
    "Nicolas",
    "Thomas",
    "Jérôme",
];
const LAST_NAMES: &[&str] = &[
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
];
const COMPANIES: &[&str] = &[
    "SARL Boulangerie du Marché",
    "SAS Transports Lemoine",
    "EURL Atelier Bois & Déco",
    "SCI Les Tilleuls",
    "SARL Garage de la Gare",
    "SAS Pharmacie Centrale",
    "Cabinet infirmier Saint-Roch",
    "SARL Les Délices d'Alsace",
];
const STREETS: &[&str] = &[
    "rue de la République",
    "avenue Jean Jaurès",
    "boulevard Victor Hugo",
    "rue Pasteur",
    "place de l'Église",
    "chemin des Vignes",
    "rue du Général de Gaulle",
    "allée des Érables",
];
const CITIES: &[(&str, &str)] = &[
    ("69003", "Lyon"),
    ("13006", "Marseille"),
    ("33000", "Bordeaux"),
    ("31000", "Toulouse"),
    ("44000", "Nantes"),
    ("67000", "Strasbourg"),
    ("59000", "Lille"),
    ("35000", "Rennes"),
    ("21000", "Dijon"),
    ("63000", "Clermont-Ferrand"),
    ("37000", "Tours"),
    ("75011", "Paris"),
];
const INSURERS: &[&str] = &[
    "AXA France",
    "Allianz IARD",
    "Generali",
    "MMA",
    "Groupama",
    "Swiss Life",
    "April",
    "Malakoff Humanis",
    "Hiscox",
    "SMABTP",
];
const PRODUCTS: &[(&str, &str)] = &[
    ("Automobile", "AUT"),
    ("Multirisque habitation", "MRH"),
    ("Complémentaire santé", "SAN"),
    ("Prévoyance", "PRV"),
    ("Assurance emprunteur", "EMP"),
    ("Responsabilité civile professionnelle", "RCP"),
    ("Multirisque professionnelle", "MRP"),
    ("Assurance vie", "VIE"),
];
const HANDLERS: &[&str] = &[
    "Claire Martin",
    "Julien Bernard",
    "Sophie Leroy",
    "Karim Benali",
];
const RECEIVERS: &[&str] = &[
    "Accueil",
    "Claire Martin",
    "Julien Bernard",
    "Sophie Leroy",
    "Karim Benali",
];
const OTHER_PARTIES: &[&str] = &[
    "Expert mandaté par l'assureur",
    "Gestionnaire sinistres de l'assureur",
    "Garage agréé",
    "Plateforme d'assistance",
    "Courtier grossiste",
    "Organisme prêteur",
];

const DESCRIPTIONS: &[(Subject, &[&str])] = &[
    (Subject::ClaimSettlement, &[
        "Le client conteste le montant de l'indemnisation proposé après le dégât des eaux du {d}.",
        "Aucune nouvelle du règlement du sinistre déclaré il y a plus de deux mois malgré plusieurs relances.",
        "Refus de prise en charge du bris de glace : le client estime que la garantie est acquise.",
        "L'expertise a retenu une vétusté jugée excessive par l'assuré.",
    ]),
    (Subject::PremiumBilling, &[
        "Hausse de cotisation de 18 % à l'échéance sans information préalable.",
        "Double prélèvement de la cotisation mensuelle en {m}.",
        "Le client ne comprend pas les frais de fractionnement ajoutés à son échéancier.",
    ]),
    (Subject::Termination, &[
        "Résiliation demandée selon la loi Hamon non prise en compte, prélèvements poursuivis.",
        "Le client conteste la résiliation de son contrat pour non-paiement : il affirme avoir réglé.",
        "Délai de remboursement du prorata de cotisation après résiliation jugé trop long.",
    ]),
    (Subject::AdviceDuty, &[
        "Le client estime ne pas avoir été informé de l'exclusion des catastrophes naturelles.",
        "Garantie perte d'exploitation non proposée lors de la souscription selon le client.",
        "Le client reproche un défaut de conseil sur le niveau de franchise retenu.",
    ]),
    (Subject::ServiceQuality, &[
        "Le client se plaint de ne pas parvenir à joindre son conseiller depuis trois semaines.",
        "Accueil téléphonique jugé désagréable lors de la déclaration de sinistre.",
        "Courrier envoyé à une ancienne adresse malgré le changement signalé.",
    ]),
    (Subject::ContractManagement, &[
        "Avenant de changement de véhicule non émis malgré la demande du {d}.",
        "Attestation d'assurance non reçue, le client ne peut pas justifier de sa couverture.",
        "Bénéficiaire du contrat modifié sans l'accord écrit du souscripteur selon le client.",
    ]),
    (Subject::Subscription, &[
        "Contrat souscrit en ligne avec des garanties différentes de celles présentées.",
        "Le client conteste la souscription d'une option assistance qu'il n'a pas demandée.",
    ]),
    (Subject::PersonalData, &[
        "Demande d'effacement des données restée sans suite après un mois.",
        "Le client a reçu des sollicitations commerciales malgré son opposition.",
    ]),
    (Subject::Other, &[
        "Réclamation relative à la gestion d'un dossier transmis à un autre cabinet.",
    ]),
];

const ANSWERS: &[(Outcome, &str)] = &[
    (Outcome::Upheld, "Réclamation fondée : régularisation effectuée et excuses présentées au client."),
    (Outcome::Upheld, "Après vérification, l'erreur de prélèvement est confirmée et remboursée."),
    (Outcome::Partial, "Prise en charge partielle après réexamen de l'expertise ; la vétusté est ramenée à 20 %."),
    (Outcome::Partial, "Les frais de dossier sont remboursés ; la hausse tarifaire, conforme au contrat, est maintenue."),
    (Outcome::Rejected, "Les conditions générales excluent ce dommage ; la position de l'assureur est confirmée."),
    (Outcome::Rejected, "Le devoir de conseil a été respecté : la fiche de conseil signée mentionne l'exclusion."),
];

const DYSFUNCTIONS: &[(DysfunctionCategory, &str)] = &[
    (
        DysfunctionCategory::Delay,
        "Relance de l'assureur non effectuée dans les délais internes.",
    ),
    (
        DysfunctionCategory::Information,
        "Document d'information précontractuelle non remis.",
    ),
    (
        DysfunctionCategory::Process,
        "Changement d'adresse non répercuté dans l'outil de gestion.",
    ),
    (
        DysfunctionCategory::Insurer,
        "Délai de traitement de l'assureur supérieur à l'engagement de service.",
    ),
    (
        DysfunctionCategory::HumanError,
        "Erreur de saisie du montant de la cotisation.",
    ),
];

/// Fill `store` with `count` fictitious complaints received over the last three years, in one
/// transaction. Returns the number recorded.
pub fn fill(store: &mut Store, count: u32, seed: u64) -> Result<u32> {
    let today = store.today();
    let first = today - Duration::days(3 * 365);
    if store.setting("firm.name")?.is_none() {
        for (key, value) in [
            ("firm.name", "Cabinet Démo Courtage (données fictives)"),
            ("firm.address", "12 rue de la République\n69002 Lyon"),
            ("firm.orias", "07000001"),
            ("firm.email", "reclamations@cabinet-demo.fr"),
            ("firm.phone", "04 72 00 00 00"),
            ("mediator.name", "La Médiation de l'Assurance"),
            ("mediator.address", "TSA 50110\n75441 Paris Cedex 09"),
            ("mediator.website", "www.mediation-assurance.org"),
        ] {
            store.set_setting(key, value, "Démo")?;
        }
    }
    if store.users()?.is_empty() {
        let team = [
            // The seed's matrix: the roles' defaults, no personal limit.
            ("Claire Martin", Role::Manager, true, None::<&str>),
            ("Julien Bernard", Role::Supervisor, true, None),
            ("Sophie Leroy", Role::Advisor, true, None),
            ("Karim Benali", Role::Advisor, false, None),
        ];
        for (name, role, can_sign, max_gesture) in team {
            let user = NewUser {
                name: name.into(),
                role,
                can_sign,
                max_gesture: max_gesture.map(str::to_owned),
                secret: None,
            };
            store.add_user(&user, "Démo")?;
        }
    }
    store.write(|tx, w| {
        let mut rng = fastrand::Rng::with_seed(seed);
        let span = (today - first).num_days().max(1);
        for i in 0..count {
            // Spread receptions over the period, denser recently.
            let back = (span as f64 * rng.f64().powf(1.6)) as i64;
            let received_on = today - Duration::days(back);
            let new = complaint(&mut rng, received_on);
            let valid = new.validate(today)?;
            let actor = *pick(&mut rng, RECEIVERS);
            let c = w.record(tx, &valid, actor)?;
            let handler = c.handler.clone().unwrap_or_else(|| HANDLERS[0].to_owned());
            let handler = handler.as_str();
            let age = (today - received_on).num_days();
            let r = c.reference.clone();
            let ack_due = c.deadlines.ack_due;

            // Most complaints move on with age; a few stay late to make the demo realistic.
            let stuck = rng.u32(0..100) < 4;
            if age < 2 || (stuck && i % 2 == 0) {
                continue;
            }
            let direct_answer = rng.u32(0..100) < 8 && age > 6;
            let mut last = received_on;
            if !direct_answer {
                let late = rng.u32(0..100) < 6;
                let delay = if late {
                    rng.i64(13..25)
                } else {
                    rng.i64(1..10)
                };
                let ack_on = (received_on + Duration::days(delay)).min(today);
                w.apply(tx, &r, handler, |_, _, c, t| {
                    Ok(lifecycle::acknowledge(c, ack_on, t)?)
                })?;
                last = ack_on;
            }
            if stuck || age < 15 {
                continue;
            }
            if !direct_answer && rng.u32(0..100) < 20 && age > 35 {
                let on = (last + Duration::days(rng.i64(20..35))).min(today);
                w.apply(tx, &r, handler, |tx, id, c, t| {
                    let ch = lifecycle::hold(
                        c,
                        on,
                        "Dossier transmis à l'assureur, réponse attendue sous quinze jours.",
                        t,
                    )?;
                    complaints::insert_holding(tx, id, c.holdings.last().expect("pushed"))?;
                    Ok(ch)
                })?;
                last = on;
            }
            let answer_on = if direct_answer {
                (received_on + Duration::days(rng.i64(1..6)))
                    .min(ack_due)
                    .min(today)
            } else {
                let late = rng.u32(0..100) < 7;
                let delay = if late {
                    rng.i64(62..90)
                } else {
                    rng.i64(8..55)
                };
                (received_on + Duration::days(delay)).max(last).min(today)
            };
            if answer_on >= today && age < 62 {
                continue;
            }
            let (outcome, summary) = *pick(&mut rng, ANSWERS);
            let gesture = (outcome != Outcome::Rejected && rng.u32(0..100) < 40)
                .then(|| Money::new(Decimal::new(rng.i64(1500..50000), 2)).expect("valid amount"));
            let money = lifecycle::AnswerMoney {
                gesture,
                gesture_kind: gesture.map(|_| crate::complaint::GestureKind::Credit),
                gesture_reason: gesture.map(|_| {
                    "Geste accordé au vu de l'ancienneté du client et du désagrément subi.".into()
                }),
                ..lifecycle::AnswerMoney::default()
            };
            w.apply(tx, &r, handler, |_, _, c, t| {
                Ok(lifecycle::answer(
                    c, answer_on, outcome, summary, &money, t,
                )?)
            })?;
            if rng.u32(0..100) < 15 {
                let (cat, text) = *pick(&mut rng, DYSFUNCTIONS);
                w.apply(tx, &r, handler, |tx, id, c, t| {
                    let dys_id = complaints::next_dysfunction_id(tx)?;
                    let ch = lifecycle::add_dysfunction(c, dys_id, cat, text, answer_on, t)?;
                    complaints::insert_dysfunction(tx, id, c.dysfunctions.last().expect("pushed"))?;
                    Ok(ch)
                })?;
            }
            let close_on = answer_on + Duration::days(rng.i64(3..40));
            if close_on <= today && rng.u32(0..100) < 90 {
                let feedback = match rng.u32(0..100) {
                    0..=54 => Feedback::Resolved,
                    55..=79 => Feedback::Unresolved,
                    _ => Feedback::None,
                };
                let satisfaction = match feedback {
                    Feedback::None => None,
                    Feedback::Resolved => Some(rng.u8(3..=5)),
                    Feedback::Unresolved => Some(rng.u8(1..=3)),
                };
                w.apply(tx, &r, handler, |_, _, c, t| {
                    Ok(lifecycle::close(
                        c,
                        close_on,
                        feedback,
                        satisfaction,
                        None,
                        t,
                    )?)
                })?;
            }
        }
        Ok(count)
    })
}

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(0..items.len())]
}

fn complaint(rng: &mut fastrand::Rng, received_on: NaiveDate) -> NewComplaint {
    let company = rng.u32(0..100) < 15;
    let name = if company {
        (*pick(rng, COMPANIES)).to_owned()
    } else {
        let (civ, first) = if rng.bool() {
            ("M.", pick(rng, MEN))
        } else {
            ("Mme", pick(rng, WOMEN))
        };
        format!("{civ} {first} {}", pick(rng, LAST_NAMES))
    };
    let (zip, city) = *pick(rng, CITIES);
    let address = format!("{} {}\n{zip} {city}", rng.u32(1..120), pick(rng, STREETS));
    let (subject, texts) = *pick(rng, DESCRIPTIONS);
    let description = pick(rng, texts)
        .replace(
            "{d}",
            &(received_on - Duration::days(rng.i64(20..90)))
                .format("%d/%m/%Y")
                .to_string(),
        )
        .replace("{m}", &received_on.format("%m/%Y").to_string());
    let channel = *pick(
        rng,
        &[
            Channel::Letter,
            Channel::Email,
            Channel::Email,
            Channel::Phone,
            Channel::Phone,
            Channel::InPerson,
            Channel::WebForm,
            Channel::Platform,
            Channel::SocialNetwork,
        ],
    );
    let sent_on = matches!(channel, Channel::Letter | Channel::Email | Channel::WebForm)
        .then(|| received_on - Duration::days(rng.i64(0..4)));
    let (product, code) = *pick(rng, PRODUCTS);
    let email_name: String = name
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(20)
        .collect();
    let mut other_parties = Vec::new();
    if rng.u32(0..100) < 35 {
        other_parties.push((*pick(rng, OTHER_PARTIES)).to_owned());
    }
    let handler = (*pick(rng, HANDLERS)).to_owned();
    NewComplaint {
        client: NewClient {
            name,
            address: Some(address),
            email: Some(format!("{email_name}@exemple.fr")),
            phone: Some(format!(
                "06 {:02} {:02} {:02} {:02}",
                rng.u32(0..100),
                rng.u32(0..100),
                rng.u32(0..100),
                rng.u32(0..100)
            )),
            number: Some(format!("CL-{:06}", rng.u32(1..999_999))),
            kind: Some(if company {
                ClientKind::Company
            } else {
                ClientKind::Person
            }),
            relation: Some(*pick(
                rng,
                &[
                    ClientRelation::Client,
                    ClientRelation::Client,
                    ClientRelation::Client,
                    ClientRelation::FormerClient,
                    ClientRelation::Beneficiary,
                    ClientRelation::Prospect,
                ],
            )),
        },
        channel,
        sent_on,
        received_on,
        subject,
        description,
        contract: NewContract {
            number: Some(format!("{code}-{}", rng.u32(100_000..999_999))),
            product: Some(product.to_owned()),
            insurer: Some((*pick(rng, INSURERS)).to_owned()),
        },
        other_parties,
        persons_concerned: if rng.u32(0..100) < 30 {
            vec![handler.clone()]
        } else {
            Vec::new()
        },
        received_by: Some((*pick(rng, RECEIVERS)).to_owned()),
        handler: Some(handler),
        amount_claimed: None,
    }
}
