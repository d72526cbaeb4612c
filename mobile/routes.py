"""Every screen's path, as a named constant; nested paths make the view stack."""

from enum import StrEnum

from shared import strings


class Route(StrEnum):
    SIGN_IN = "/connexion"
    HOME = "/"
    PAYMENTS = "/paiements"
    DEMARCHES = "/demarches"
    PREVENTION = "/prevention"
    INFORMATIONS = "/informations"
    HISTORY = "/informations/procurations"  # « Mes procurations »
    # « Faire ou révoquer une procuration en ligne »: the principles, or the active one.
    PROCURATION = "/demarches/procuration"
    MANDATAIRE = "/demarches/procuration/mandataire"
    RECAP = "/demarches/procuration/mandataire/recapitulatif"
    CONFIRMATION = "/demarches/procuration/mandataire/recapitulatif/confirmation"


TABS: tuple[tuple[Route, str], ...] = (
    (Route.HOME, strings.TAB_HOME),
    (Route.PAYMENTS, strings.TAB_PAYMENTS),
    (Route.DEMARCHES, strings.TAB_DEMARCHES),
    (Route.PREVENTION, strings.TAB_PREVENTION),
    (Route.INFORMATIONS, strings.TAB_INFORMATIONS),
)

# The View of the five tabs: one key, which is also Flutter's page key, so that a tab replaces
# another in place (its page patched, as a tab bar does), never a page popped and another
# pushed. A View's route is only its key: the address bar shows the path.
TAB_VIEW = "/onglet"
# In a browser the stack is one page, every screen drawn in it: its one key.
BROWSER_PAGE = "/page"

# The request's steps as the seed numbers them: « 1. Le mandataire », « 2. » the recap.
FLOW_STEPS: tuple[Route, ...] = (Route.MANDATAIRE, Route.RECAP)


def known(path: str) -> Route | None:
    """The screen at that path (a trailing slash or a query is ignored), if there is one."""
    bare = path.split("?", 1)[0].split("#", 1)[0]
    bare = bare.rstrip("/") or "/"
    try:
        return Route(bare)
    except ValueError:
        return None


def parent_of(path: str) -> str:
    """Where Back goes from this screen: the screen under it in the view stack, and Accueil
    from a tab."""
    return path.rstrip("/").rsplit("/", 1)[0] or "/"


def is_tab(path: str) -> bool:
    """Whether the screen at that path is one of the five tabs: the root of its stack."""
    return any(path == tab for tab, _ in TABS)


def stack_of(path: str) -> list[str]:
    """The paths of the view stack with `path` on top, bottom first: a tab, then the steps
    above it (Connexion and « Page introuvable » are a page of their own)."""
    if is_tab(path) or known(path) in (None, Route.SIGN_IN):
        return [path]
    return [*stack_of(parent_of(path)), path]


def tab_index(route: Route) -> int:
    """The navigation bar's tab selected on that screen."""
    for index, (tab, _) in enumerate(TABS):
        if tab is not Route.HOME and (route == tab or route.startswith(tab + "/")):
            return index
    return 0


def view_key(path: str) -> str:
    """The key of the View drawn at that path of the stack."""
    return TAB_VIEW if is_tab(path) else path
