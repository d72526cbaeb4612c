"""Every screen of the app, as a named constant, and the tab each belongs to."""

from enum import StrEnum

from shared import strings


class Screen(StrEnum):
    SIGN_IN = "/connexion"
    HOME = "/accueil"
    PAYMENTS = "/paiements"
    DEMARCHES = "/demarches"
    PREVENTION = "/prevention"
    INFORMATIONS = "/informations"
    PROCURATION_ACTIVE = "/demarches/procuration/en-cours"
    PRINCIPLES = "/demarches/procuration"
    MANDATAIRE = "/demarches/procuration/mandataire"
    RECAP = "/demarches/procuration/recapitulatif"
    CONFIRMATION = "/demarches/procuration/confirmation"


TABS: tuple[tuple[Screen, str], ...] = (
    (Screen.HOME, strings.TAB_HOME),
    (Screen.PAYMENTS, strings.TAB_PAYMENTS),
    (Screen.DEMARCHES, strings.TAB_DEMARCHES),
    (Screen.PREVENTION, strings.TAB_PREVENTION),
    (Screen.INFORMATIONS, strings.TAB_INFORMATIONS),
)

FLOW_STEPS: tuple[Screen, ...] = (
    Screen.PRINCIPLES,
    Screen.MANDATAIRE,
    Screen.RECAP,
    Screen.CONFIRMATION,
)


def tab_index(screen: Screen) -> int:
    """The bottom-navigation tab that is selected on that screen."""
    for index, (tab, _) in enumerate(TABS):
        if screen == tab or screen.value.startswith(tab.value + "/"):
            return index
    return 0
