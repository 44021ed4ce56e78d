//! The firm's complaint-handling procedure: a template like the letters', printed in the
//! inspection pack. Kept with the other templates so that `letters` owns every one of them.

/// The settings key of the procedure template.
pub const PROCEDURE_KEY: &str = "template.procedure";

/// The placeholders of the procedure template.
pub const PROCEDURE_PLACEHOLDERS: &[(&str, &str)] = &[
    ("firm.name", "Nom du cabinet"),
    ("firm.address", "Adresse du cabinet (sur une ligne)"),
    ("firm.orias", "Numéro ORIAS"),
    ("firm.phone", "Téléphone du cabinet"),
    ("firm.email", "E-mail du cabinet"),
    (
        "firm.managers",
        "Dirigeants et responsables (utilisateurs actifs)",
    ),
    (
        "firm.signatories",
        "Personnes habilitées à signer les réponses",
    ),
    (
        "deadlines.ack",
        "Délai d'accusé de réception (10 jours ouvrables)",
    ),
    ("deadlines.answer", "Délai de réponse (2 mois)"),
    (
        "deadlines.holidays",
        "Jours fériés retenus (nationaux, Alsace-Moselle)",
    ),
    (
        "authority.advisor",
        "Geste commercial qu'un conseiller accorde seul",
    ),
    (
        "authority.supervisor",
        "Geste commercial qu'un responsable accorde seul",
    ),
    (
        "authority.reasonFrom",
        "Geste commercial à partir duquel un motif est noté",
    ),
    (
        "authority.documentFrom",
        "Montant au-delà duquel un document interne est joint",
    ),
    ("mediator.name", "Nom du médiateur"),
    ("mediator.address", "Adresse postale du médiateur"),
    ("mediator.website", "Site internet du médiateur"),
    (
        "retention.years",
        "Durée de conservation des données après la clôture",
    ),
    ("procedure.date", "Date d'édition de la procédure"),
];

/// The procedure shipped with Reclam (ACPR recommendation 2024-R-02). Lines starting with "# "
/// are headings; paragraphs are separated by a blank line; "- " starts a list item.
pub const DEFAULT_PROCEDURE: &str = "\
# 1. Objet

La présente procédure décrit le traitement des réclamations reçues par {firm.name} (ORIAS \
n° {firm.orias}), conformément à la recommandation de l'ACPR 2024-R-02 sur le traitement des \
réclamations.

Une réclamation est l'expression d'un mécontentement envers le cabinet, quel que soit le canal \
(courrier, e-mail, téléphone, en agence, formulaire, plateforme tierce, réseau social) et quelle \
que soit la personne qui l'exprime (client, ancien client, bénéficiaire, prospect, leur \
mandataire ou ayant droit). Une demande de prestation, d'information, de précision ou d'avis \
n'est pas une réclamation.

# 2. Réception et enregistrement

Toute réclamation est enregistrée sans délai dans le registre des réclamations, avec sa date \
d'envoi lorsqu'elle est connue et sa date de réception. Une réclamation orale qui ne peut être \
réglée immédiatement donne lieu à une invitation à la confirmer par écrit. La personne qui la \
reçoit, si elle n'est pas habilitée à la traiter, transmet sans délai le dossier à la personne \
compétente.

# 3. Accusé de réception

Un accusé de réception est adressé au client dans un délai de {deadlines.ack} à compter de \
l'envoi de la réclamation (ou de sa réception si la date d'envoi est inconnue), sauf si la \
réponse elle-même lui est apportée dans ce délai. Les jours ouvrables vont du lundi au samedi, \
{deadlines.holidays} exclus. L'accusé de réception indique la manière dont la réclamation sera \
traitée et la date au plus tard de la réponse.

# 4. Réponse

Une réponse est apportée au client dans un délai de {deadlines.answer} au plus à compter de \
l'envoi de la réclamation. Le client est tenu informé du déroulement du traitement : lorsque \
l'examen demande davantage de temps, une lettre d'attente lui en donne les raisons et la date \
prévue de la réponse.

Les réponses sont signées par une personne habilitée : {firm.signatories}. Un geste commercial \
est accordé dans la limite des habilitations : un conseiller décide seul jusqu'à \
{authority.advisor}, avec un motif noté à partir de {authority.reasonFrom} ; au-delà, un \
responsable ou la direction ({firm.managers}) valide la demande, et au-delà de \
{authority.documentFrom} un document interne est joint. Un remboursement exceptionnel est \
toujours validé par un responsable, et un remboursement intégral exceptionnel porte un document \
interne ; un remboursement dû au client (droit de rétractation, erreur de facturation) ne \
demande pas de validation. Toute demande, toute validation et tout refus sont enregistrés dans \
le registre.

# 5. Voies de recours

Toute réponse qui rejette la réclamation, en tout ou partie, mentionne les voies de recours, \
notamment le médiateur compétent :

- {mediator.name}, {mediator.address}, {mediator.website} ;
- le client peut le saisir lorsqu'il n'a pas obtenu de réponse à sa réclamation écrite dans un \
délai de deux mois, ou lorsque la réponse ne le satisfait pas, et au plus tard un an après sa \
réclamation écrite ;
- le recours au médiateur est gratuit pour le client et ne le prive pas de la possibilité de \
saisir les tribunaux.

# 6. Registre, suivi et actions correctives

Le registre des réclamations est tenu dans le logiciel Reclam. Il conserve pour chaque \
réclamation le nom du client, les dates d'envoi et de réception, l'objet, le contrat ou le \
produit concerné, les autres intervenants, les personnes visées, les dates de l'accusé de \
réception et de la réponse, le contenu de la réponse et les dysfonctionnements identifiés. \
Aucune donnée n'en est supprimée : chaque modification est tracée dans un journal chaîné.

La direction ({firm.managers}) examine au moins une fois par an les statistiques des \
réclamations et les dysfonctionnements relevés, décide des actions correctives, en désigne les \
responsables et les échéances, et en suit la réalisation.

# 7. Gratuité et données personnelles

Le traitement des réclamations est gratuit pour le client. Les données personnelles des \
réclamations sont conservées {retention.years} après la clôture du dossier, puis anonymisées ; les \
statistiques sont conservées.

Procédure éditée le {procedure.date}. Contact : {firm.phone} — {firm.email}.";
