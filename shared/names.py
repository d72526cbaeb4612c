"""How a mandataire's name is displayed, whatever case was typed (« M. DUPONT », « Dupont Martin »).

Every word of a name, and every part after a hyphen or an apostrophe, starts with a capital:
« jean-pierre » → « Jean-Pierre », « d'arc » → « D'Arc », « o'brien » → « O'Brien ». A particle
is capitalised too (« de la fontaine » → « De La Fontaine »): nothing in a name tells a particle
(« d'Arc ») from a part of the name (« D'Amico », « N'Diaye »), and the identity document, which
the counter compares with, writes the nom in capitals anyway.
"""

_SEPARATORS = frozenset(" -'")


def title_case(name: str) -> str:
    """A capital at the start of each part (after a space, a hyphen or an apostrophe), the rest
    in lower case; the separators stay where they are."""
    parts: list[str] = []
    start = True
    for char in name:
        parts.append(char.title() if start else char.lower())
        start = char in _SEPARATORS
    return "".join(parts)
