"""Which screen may be shown: one pure function of the route and of the session's facts."""

from dataclasses import dataclass

from mobile.routes import Route, known


@dataclass(frozen=True)
class Facts:
    """What the guard needs to know, read from the session and the request."""

    signed_in: bool
    active: bool = False  # a procuration is in force
    checked: bool = False  # the form was checked: the recap can be shown
    granted: bool = False  # this request was granted: the confirmation can be shown


def allowed(path: str, facts: Facts) -> str:
    """The route to show for `path`: itself, or the nearest screen that may be shown."""
    route = known(path)
    if route is None:
        return path  # unknown: the router's « Page introuvable »
    if not facts.signed_in:
        return Route.SIGN_IN
    if route is Route.SIGN_IN:
        return Route.HOME
    if route is Route.CONFIRMATION:
        return route if facts.granted else Route.PROCURATION
    if route in (Route.MANDATAIRE, Route.RECAP) and facts.active:
        return Route.PROCURATION
    if route is Route.RECAP and not facts.checked:
        return Route.MANDATAIRE
    return route
