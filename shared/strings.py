"""Every French text the user reads, in one table; the seed's sentences are quoted word for word.

Write plain spaces: the end of this module puts French typography's non-breaking spaces in
every text (`french_spacing`).
"""

import re
from typing import Final

# --- Messages of the rules, by problem code -------------------------------------------------
FORM_SUMMARY: Final = (
    "Le formulaire comporte une ou plusieurs erreurs. Merci de vérifier votre saisie."
)
MESSAGES: Final[dict[str, str]] = {
    "required": "Ce champ est obligatoire.",
    "civilite_invalid": "Choisissez Madame ou Monsieur.",
    "name_invalid_characters": (
        "Utilisez uniquement des lettres, des espaces, des traits d'union et des apostrophes."
    ),
    "name_too_long": "50 caractères au maximum.",
    "name_edges": "Commencez et terminez par une lettre.",
    "name_not_latin": (
        "Écrivez-le en lettres latines, comme sur la pièce d'identité du mandataire."
    ),
    "name_separators": (
        "Un trait d'union, une apostrophe ou un espace se place entre deux lettres, "
        "par exemple Jean-Pierre."
    ),
    "date_format": "Indiquez la date au format JJ/MM/AAAA, par exemple 04/07/1985.",
    "date_impossible": "Cette date n'existe pas : vérifiez le jour et le mois.",
    "date_future": "La date de naissance ne peut pas être dans le futur.",
    "date_before_1900": "La date de naissance ne peut pas être antérieure au 01/01/1900.",
    "minor": "Le mandataire doit avoir 18 ans révolus pour pouvoir vous représenter",
    "self": "Vous ne pouvez pas vous désigner vous-même comme mandataire.",
    "nir_length": (
        "Le numéro de sécurité sociale comporte 13 caractères (sans la clé), "
        "par exemple 1 90 03 75 112 004."
    ),
    "nir_format": (
        "Ce numéro de sécurité sociale n'est pas valide : vérifiez chaque chiffre "
        "(2A ou 2B pour la Corse)."
    ),
    "nir_key": "La clé de ce numéro de sécurité sociale ne correspond pas : vérifiez votre saisie.",
    "rating_range": "Choisissez une note de 1 à 5.",
    "reference_length": "La référence comporte 10 caractères, par exemple K7QM2-9XHT1.",
    "reference_characters": (
        "La référence ne contient que des chiffres et des lettres, sans U : vérifiez votre saisie."
    ),
    "reference_check": "Cette référence n'est pas valide : vérifiez chaque caractère.",
    "invalid_value": "Cette valeur n'est pas acceptée : vérifiez votre saisie.",
}

# --- Sign-in ---------------------------------------------------------------------------------
SIGN_IN_REFUSED: Final = "Le numéro de sécurité sociale ou le code personnel est incorrect."
SIGN_IN_TRIES_LEFT: Final = (
    "Il vous reste {n} essais avant que l'accès à votre compte soit bloqué pendant 30 minutes."
)
SIGN_IN_LAST_TRY: Final = (
    "Il vous reste 1 essai avant que l'accès à votre compte soit bloqué pendant 30 minutes."
)
SIGN_IN_LOCKED: Final = (
    "Après 5 essais infructueux, l'accès à votre compte est bloqué pendant 30 minutes. "
    "Vous pourrez réessayer à partir de {heure}."
)
STORAGE_FAILED: Final = (
    "Un problème technique empêche l'enregistrement. Rien n'a été modifié : "
    "réessayez dans quelques instants."
)
ALREADY_ACTIVE: Final = (
    "Vous avez déjà une procuration en cours. Révoquez-la avant d'en faire une nouvelle."
)
SESSION_EXPIRED: Final = "Votre session a expiré. Reconnectez-vous pour continuer."
SESSION_LOST: Final = (
    "La connexion au service a été interrompue et votre session a pris fin. "
    "Pour protéger vos données, reconnectez-vous."
)

# --- Labels of the seed ----------------------------------------------------------------------
APP_TITLE: Final = "Procuration en ligne"
SIGN_IN_TITLE: Final = "J'accède à mon compte ameli"
NIR_LABEL: Final = "Numéro de sécurité sociale"
NIR_HINT: Final = "13 caractères"
CODE_LABEL: Final = "Code personnel"
WHERE_NIR: Final = "Où trouver mon numéro de sécurité sociale ?"
FORGOT_CODE: Final = "Code oublié ?"
SIGN_IN_BUTTON: Final = "Me connecter"
OR: Final = "OU"
FRANCECONNECT: Final = "S'identifier avec FranceConnect"
WHAT_FRANCECONNECT: Final = "Qu'est-ce que FranceConnect ?"
SIGN_OUT: Final = "Déconnexion"

TAB_HOME: Final = "Accueil"
TAB_PAYMENTS: Final = "Mes paiements"
TAB_DEMARCHES: Final = "Mes démarches"
TAB_PREVENTION: Final = "Mon espace prévention"
TAB_INFORMATIONS: Final = "Mes informations"

PROCURATION_LINK: Final = "Faire ou révoquer une procuration en ligne"
PRINCIPLES: Final = (
    "Vous ne pouvez pas vous rendre à l'accueil de votre Caisse d'Assurance Maladie.",
    "Afin de permettre à une personne de votre choix d'effectuer une démarche à votre place ou "
    "d'obtenir une information sur votre dossier, vous devez impérativement compléter une "
    "procuration en ligne. Ceci permet aux conseillers de l'accueil de garantir le secret "
    "professionnel sur vos informations.",
    "Cette procuration, une fois complétée, est valable 1 mois maximum. Vous pouvez la révoquer "
    "à tout moment dans la rubrique « Mes informations » de votre compte ameli.",
)
START_REQUEST: Final = "Je démarre ma demande"

STEP_MANDATAIRE: Final = "1. Le mandataire"
STEP_RECAP: Final = "2. Récapitulatif et validation"
STEP_NAMES: Final = (
    "Étape 1 sur 2 : le mandataire",
    "Étape 2 sur 2 : récapitulatif et validation",
)
SCOPE: Final = (
    "Pour me représenter pour toute démarche administrative auprès de la Caisse d'Assurance "
    "Maladie (les convocations du Service Médical sont exclues du dispositif), je donne "
    "procuration à :"
)
CIVILITE_LABEL: Final = "Civilité*"
MADAME: Final = "Madame"
MONSIEUR: Final = "Monsieur"
NOM_LABEL: Final = "Nom*"
NOM_HINT: Final = "Indiquez le nom"
NOM_USAGE_LABEL: Final = "Nom d'usage"
NOM_USAGE_HINT: Final = "Indiquez le nom d'usage"
PRENOM_LABEL: Final = "Prénom*"
PRENOM_HINT: Final = "Indiquez le prénom"
BIRTH_LABEL: Final = "Date de naissance*"
BIRTH_HINT: Final = "JJ/MM/AAAA"
PICK_DATE: Final = "Choisir la date dans le calendrier"
CANCEL: Final = "Annuler"
OK: Final = "OK"
MANDATORY_NOTE: Final = "*Champs obligatoires"
BACK: Final = "Retour"
NEXT: Final = "Suivant"

RECAP_INTRO: Final = "Vérifiez les informations du mandataire avant de valider votre demande."
CERTIFY: Final = "Je certifie l'exactitude des éléments déclarés."
VALIDATE: Final = "Valider"
NONE_GIVEN: Final = "Non renseigné"
RECAP_VALIDITY: Final = "Valable à partir d'aujourd'hui jusqu'au {fin} inclus."

CONFIRM_BANNER: Final = "La procuration a bien été prise en compte"
CONFIRM_TITLE: Final = "Ma procuration est validée !"
CONFIRM_LINES: Final = (
    "Je peux retrouver le détail de ma procuration dans la rubrique Mes informations.",
    "Je peux supprimer cette procuration à tout moment depuis ce même espace.",
    "Je transmets mon numéro de Sécurité Sociale ou ma carte Vitale à mon mandataire. "
    "Et je lui demande de prévoir une pièce d'identité valide lors du rendez-vous.",
)
IMMEDIATE: Final = "La procuration est immédiatement opérationnelle."
RATE_TITLE: Final = "Notez votre démarche !"
RATE_STAR: Final = "Note : {n} sur 5"
RATE_SAVED: Final = "Merci ! Votre note de {n} sur 5 est enregistrée."
BACK_TO_DASHBOARD: Final = "Retour au tableau de bord"

ACTIVE_NOW: Final = (
    "Vous avez actuellement une procuration en cours. Elle est valable jusqu'au {fin}."
)
GRANTED_TO: Final = "Cette procuration est accordée à : {qui}"
WANT_REVOKE: Final = "Je souhaite révoquer ma procuration"
REVOKE_TITLE: Final = "Révocation de procuration"
REVOKE_TEXT: Final = (
    "Si je révoque ma procuration, le mandataire que j'ai choisi ne pourra plus me représenter "
    "jusqu'à ma prochaine demande de procuration."
)
REVOKE_QUESTION: Final = "Que faire ?"
REVOKE: Final = "Révoquer"
REVOKED_DONE: Final = "Votre procuration a bien été révoquée."
ALREADY_ENDED: Final = (
    "Cette procuration n'est plus en cours : elle a été révoquée depuis un autre appareil ou "
    "elle a pris fin."
)
GRANTED_ELSEWHERE: Final = "Une procuration vient d'être accordée depuis une autre session."
REVOKED_ELSEWHERE: Final = "Votre procuration vient d'être révoquée depuis une autre session."
NOT_FOUND_TITLE: Final = "Page introuvable"
NOT_FOUND_TEXT: Final = "L'adresse demandée ne correspond à aucune page de l'application."
BACK_HOME: Final = "Retour à l'accueil"
PREVIOUS_SCREEN: Final = "Écran précédent"
INFO_PROCURATION: Final = "Procuration"
INFO_GRANTED: Final = "Accordée à {qui} - jusqu'au {fin}"
INFO_NONE: Final = "Aucune procuration en cours"
HOME_ACTIVE: Final = "Procuration en cours : accordée à {qui}, valable jusqu'au {fin} inclus."

CIVILITE_SHORT: Final[dict[str, str]] = {"Madame": "Mme", "Monsieur": "M."}

# --- Dashboard and other tabs ----------------------------------------------------------------
HELLO: Final = "Bonjour {prenom}"
LAST_PAYMENTS: Final = "Mes derniers paiements"
QUICK_DEMARCHES: Final = "Mes démarches en 2 clics"
AGENDA: Final = "Mon agenda"
PREVENTION: Final = "Mon espace prévention"
NOTIFICATIONS: Final = "Notifications"
SEE_ALL_DEMARCHES: Final = "Voir toutes les démarches"
NO_PAYMENTS: Final = "Aucun paiement sur votre compte."
PAYMENTS_TITLE: Final = "Mes paiements"
PAYMENTS_NOTIFICATION: Final = (
    "Un ou plusieurs paiement(s) sont à télécharger et à transmettre à votre organisme "
    "complémentaire."
)
BUSY: Final = "Traitement en cours…"
CLOSE: Final = "Fermer"
UNAVAILABLE_TITLE: Final = "Démarche non disponible dans cette application"
UNAVAILABLE_TEXT: Final = (
    "« {nom} » : cette démarche n'est pas proposée dans cette version de l'application. "
    "Seule la procuration en ligne y est disponible. Pour cette démarche, utilisez votre "
    "compte ameli sur le site ou contactez votre caisse d'assurance maladie."
)

# --- Help sheets of the sign-in screen -------------------------------------------------------
HELP_NIR: Final = (
    "Votre numéro de sécurité sociale figure sur votre carte Vitale et sur votre attestation de "
    "droits. Saisissez ses 13 premiers caractères, sans la clé (les 2 derniers chiffres). "
    "Pour une personne née en Corse, il contient 2A ou 2B."
)
HELP_CODE: Final = (
    "Cette version de l'application ne permet pas de recevoir un nouveau code personnel. "
    "Pour en obtenir un, utilisez votre compte ameli sur le site ou appelez votre caisse "
    "d'assurance maladie au 3646."
)
FRANCECONNECT_UNAVAILABLE: Final = (
    "La connexion avec FranceConnect n'est pas proposée dans cette version de l'application. "
    "Connectez-vous avec votre numéro de sécurité sociale et votre code personnel."
)
FRANCECONNECT_ABOUT: Final = (
    "FranceConnect est le dispositif de l'État qui permet d'accéder à de nombreux services en "
    "ligne avec un compte que vous possédez déjà, par exemple celui des impôts. "
    "Il n'est pas encore proposé dans cette version de l'application."
)

# --- Content of the tabs ---------------------------------------------------------------------
DEMARCHES_SECTIONS: Final = (
    (
        "Effectuer une démarche",
        (
            "Commander une carte Vitale",
            "Commander une carte européenne d'assurance maladie (CEAM)",
            "Déclarer la perte ou le vol de carte Vitale",
            "Déclarer un accident causé par un tiers",
            "Faire une demande de Complémentaire santé solidaire",
            "Inscrire votre enfant sur la carte Vitale de l'autre parent",
            "Demander le remboursement d'un transport personnel",
            "Demander l'aide du médiateur",
            "Demander une pension d'invalidité",
            PROCURATION_LINK,
            "Demander un remboursement de soins à l'étranger",
        ),
    ),
    (
        "Télécharger",
        (
            "Attestation de droits",
            "Attestation de paiement d'indemnités journalières",
            "Mes relevés mensuels",
            "Relevé fiscal",
        ),
    ),
    (
        "Déclarer un changement de situation",
        (
            "Changement d'adresse postale",
            "Déclaration du nouveau-né",
            "Modifier mes coordonnées bancaires",
            "Changement de nom d'usage",
        ),
    ),
    ("Espace d'échanges", ("Consulter mon espace d'échanges",)),
    (
        "Suivre mes démarches",
        (
            "Commande de carte Vitale",
            "Arrêts de travail",
            "Consulter les délais de traitement de ma CPAM",
        ),
    ),
)
QUICK_LINKS: Final = (
    "Attestation de droits",
    "Attestation de paiement d'indemnités journalières",
    "Carte européenne d'assurance maladie (CEAM)",
)
DELAYS_LINK: Final = "Consulter les délais de traitement de ma CPAM"
AGENDA_LINKS: Final = ("Mes rendez-vous", "Prendre un rendez-vous")
PREVENTION_TEASER: Final = (
    "Repères Prévention",
    "Dépistage, vaccination, offre de prévention... A tout âge, un conseil santé.",
    "Retrouvez les vôtres !",
)
PREVENTION_ITEMS: Final = (
    (
        "Mon bilan prévention",
        "Un rendez-vous pris en charge à 100 % aux âges clés : 18-25 ans, 45-50 ans, 60-65 ans et "
        "70-75 ans, pour faire le point sur vos habitudes de vie avec un professionnel de santé.",
    ),
    (
        "Vaccination",
        "Chez l'adulte, les rappels diphtérie, tétanos et poliomyélite se font à 25, 45 et "
        "65 ans, puis tous les 10 ans. Votre médecin, votre pharmacien ou votre infirmier "
        "peut vous vacciner.",
    ),
    (
        "Dépistage du cancer colorectal",
        "De 50 à 74 ans, un test à faire chez soi tous les 2 ans, sans avance de frais.",
    ),
    (
        "Dépistage du cancer du sein",
        "De 50 à 74 ans, une mammographie tous les 2 ans, prise en charge à 100 %.",
    ),
    (
        "Examen bucco-dentaire",
        "Un rendez-vous chez le dentiste tous les ans, de 3 à 24 ans, pris en charge à 100 %.",
    ),
)
ACCOUNT_SETTINGS: Final = "Paramètres de compte"
ACCOUNT_SETTINGS_LINKS: Final = ("Mon code personnel", "Résilier mon compte ameli")
MONTHS_SHORT: Final = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)

# --- The procuration's document, its calendar file, history and reminders (issue 12) ---------
DOWNLOAD_DOCUMENT: Final = "Télécharger ma procuration (PDF)"
ADD_TO_AGENDA: Final = "Ajouter à mon agenda"
REFERENCE_LABEL: Final = "Référence"
NO_DOCUMENT: Final = (
    "Aucune procuration en cours : il n'y a pas de document à télécharger. "
    "Une procuration révoquée ou expirée ne donne plus de document."
)
DOCUMENT_FILE: Final = "procuration-{reference}.pdf"
AGENDA_FILE: Final = "procuration-{reference}.ics"
DOCUMENT_TITLE: Final = "Procuration"
DOCUMENT_SUBTITLE: Final = "Pour une démarche à l'accueil de la Caisse d'Assurance Maladie"
DOCUMENT_ASSURE: Final = "L'assuré"
DOCUMENT_MANDATAIRE: Final = "Le mandataire"
DOCUMENT_FIELDS: Final[dict[str, str]] = {
    "civilite": "Civilité",
    "nom": "Nom",
    "nom_usage": "Nom d'usage",
    "prenom": "Prénom",
    "date_naissance": "Date de naissance",
    "nir": "Numéro de sécurité sociale",
}
DOCUMENT_VALIDITY: Final = "Valable du {debut} au {fin} inclus"
DOCUMENT_BRING_TITLE: Final = "À l'accueil, le mandataire présente :"
DOCUMENT_BRING: Final = (
    "cette procuration ;",
    "sa propre pièce d'identité en cours de validité (carte nationale d'identité ou passeport) ;",
    "le numéro de sécurité sociale de l'assuré ou sa carte Vitale.",
)
DOCUMENT_REVOCABLE: Final = (
    "L'assuré peut révoquer cette procuration à tout moment depuis son compte ameli."
)
DOCUMENT_MADE: Final = "Document établi le {date} à {heure}"
AGENDA_SUMMARY: Final = "Fin de la procuration pour {qui}"
AGENDA_DESCRIPTION: Final = (
    "Votre procuration pour {qui} est valable jusqu'au {fin} inclus (référence {reference}). "
    "Ensuite, vous pourrez en faire une nouvelle depuis l'application."
)
AGENDA_ALARM: Final = "Votre procuration pour {qui} prend fin demain, le {fin}."
HISTORY_TITLE: Final = "Mes procurations"
HISTORY_EMPTY: Final = "Vous n'avez encore fait aucune procuration."
HISTORY_PERIOD: Final = "Du {debut} au {fin} inclus"
STATUS_ACTIVE: Final = "en cours"
STATUS_REVOKED: Final = "révoquée le {date}"
STATUS_EXPIRED: Final = "expirée le {date}"
REDO: Final = "Refaire une procuration pour cette personne"
REMINDER_ENDING: Final = "Votre procuration pour {qui} prend fin le {fin}."
REMINDER_ENDED: Final = (
    "Votre procuration pour {qui} a pris fin le {fin}. "
    "Vous pouvez en faire une nouvelle pour la même personne."
)
STATUS_LABEL: Final = "Statut"
SAVE_DIALOG_TITLE: Final = "Enregistrer le fichier"
FILE_SAVED: Final = "Fichier enregistré : {chemin}"
HANDOVER_FAILED: Final = (
    "Le fichier n'a pas pu vous être remis. Veuillez réessayer dans quelques instants."
)

# --- The page the web app is served in (mobile/serve.py) ---------------------------------------
PAGE_DESCRIPTION: Final = (
    "Désigner un mandataire pour vos démarches à l'accueil de votre caisse d'assurance maladie."
)
LOADING: Final = "Chargement de l'application…"
OFFLINE_TITLE: Final = "Connexion au service interrompue"
OFFLINE_TEXT: Final = (
    "Nouvelle tentative de connexion en cours… Gardez cette page ouverte : "
    "elle reprendra dès que le service répondra."
)


# --- The caisse's registry and the counter's check (registry/) -----------------------------
REGISTRY_NOT_AUTHENTICATED: Final = (
    "Votre session auprès de la caisse a expiré ou n'existe pas. Connectez-vous pour continuer."
)
REGISTRY_FORBIDDEN: Final = "Cette action n'est pas permise avec ce compte."
REGISTRY_UNKNOWN_PROCURATION: Final = (
    "Aucune procuration ne correspond à cette référence parmi les vôtres."
)
REGISTRY_REFERENCE_TAKEN: Final = (
    "Cette référence est déjà celle d'une autre procuration : la procuration n'a pas été "
    "enregistrée."
)
REGISTRY_BAD_REQUEST: Final = "La demande est incomplète ou mal formée."
AGENT_SIGN_IN_REFUSED: Final = "L'identifiant ou le mot de passe est incorrect."
COUNTER_TITLE: Final = "Vérification d'une procuration à l'accueil"
COUNTER_SIGN_IN_TITLE: Final = "Connexion de l'agent d'accueil"
AGENT_ID_LABEL: Final = "Identifiant"
AGENT_PASSWORD_LABEL: Final = "Mot de passe"
AGENT_SIGN_IN: Final = "Se connecter"
AGENT_SIGN_OUT: Final = "Se déconnecter"
COUNTER_BY_REFERENCE: Final = "Par la référence de la procuration"
COUNTER_REFERENCE_LABEL: Final = "Référence de la procuration"
COUNTER_REFERENCE_HINT: Final = "10 caractères, par exemple K7QM2-9XHTR, ou lecture du QR code"
COUNTER_BY_IDENTITY: Final = (
    "Par le numéro de sécurité sociale de l'assuré et l'identité du mandataire"
)
COUNTER_NIR_LABEL: Final = "Numéro de sécurité sociale de l'assuré"
COUNTER_NOM_LABEL: Final = "Nom du mandataire"
COUNTER_PRENOM_LABEL: Final = "Prénom du mandataire"
COUNTER_BIRTH_LABEL: Final = "Date de naissance du mandataire"
COUNTER_CHECK_REFERENCE: Final = "Vérifier la référence"
COUNTER_CHECK_IDENTITY: Final = "Vérifier l'identité"
COUNTER_VALID: Final = "Procuration valide jusqu'au {fin}"
COUNTER_NONE: Final = "Aucune procuration valide"
COUNTER_COMPARE: Final = "Comparez avec la pièce d'identité du mandataire :"
COUNTER_IDENTITY_LABELS: Final = ("Civilité", "Nom", "Nom d'usage", "Prénom", "Date de naissance")
COUNTER_RECORDED: Final = "Vérification enregistrée à {heure}."

# --- Where each procuration stands with the caisse (shared/sync.py) -----------------------
SYNC_TRANSMITTED: Final = "Transmise à votre caisse le {date} à {heure}"
SYNC_PENDING: Final = "Pas encore transmise à votre caisse"
SYNC_RETRY: Final = "Réessayer"
SYNC_SIGN_IN_AGAIN: Final = "Reconnectez-vous pour la transmettre à votre caisse."
SYNC_REFUSED: Final = "Refusée par votre caisse : {motif}"
SYNC_REVOCATION_PENDING: Final = (
    "Révocation pas encore transmise à votre caisse : tant qu'elle ne l'est pas, l'accueil "
    "peut encore accepter votre mandataire."
)
SYNC_REVOCATION_TRANSMITTED: Final = "Révocation transmise à votre caisse le {date} à {heure}"
SYNC_OFFLINE: Final = "Mode hors ligne : cette procuration n'est connue que de cet appareil"
SYNC_CHECKED: Final = "Vérifiée à l'accueil le {date} à {heure}"


BROWSER_DATA_KEPT: Final = (
    "Dans cette version web, vos données (procuration, note, essais de connexion) restent dans "
    "ce navigateur, sur cet appareil. Effacer les données du site dans le navigateur les supprime."
)
BROWSER_DATA_NOT_KEPT: Final = (
    "Ce navigateur ne permet pas de conserver vos données : elles seront perdues dès que vous "
    "fermerez ou rechargerez la page."
)
BROWSER_WRITE_BACK_FAILED: Final = (
    "Votre dernière action n'a pas pu être conservée dans ce navigateur : elle sera perdue si "
    "vous fermez ou rechargez la page."
)


# --- French typography, applied to every text above ------------------------------------------
NBSP: Final = "\u00a0"
# U+00A0 everywhere, also before « ; ! ? » where the narrow U+202F is the printer's choice:
# the bundled Roboto and every screen reader have it, and it never shows as an empty box.
_SPACE_BEFORE_MARK = re.compile(r"[ \u00a0\u202f]+(?=[:;!?»])")
_SPACE_AFTER_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_BARE_CLOSING_QUOTE = re.compile(r"(?<!\u00a0)»")


def french_spacing(text: str) -> str:
    """A non-breaking space before « : ; ! ? » where a space was typed, and inside « »."""
    text = _SPACE_BEFORE_MARK.sub(NBSP, text)
    text = _SPACE_AFTER_QUOTE.sub("«" + NBSP, text)
    return _BARE_CLOSING_QUOTE.sub(NBSP + "»", text)


def _typeset(value: object) -> object:
    if isinstance(value, str):
        return french_spacing(value)
    if isinstance(value, tuple):
        return tuple(_typeset(item) for item in value)
    if isinstance(value, dict):
        return {key: _typeset(item) for key, item in value.items()}
    return value


globals().update(
    {name: _typeset(value) for name, value in list(globals().items()) if name[0].isupper()}
)
