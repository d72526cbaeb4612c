"""Hostile text for the property tests and the fuzz harness: any Unicode, and the nasty kinds."""

from hypothesis import strategies as st

NASTY = (
    "\x00",
    "\t",
    "\n",
    "\r",
    "\x1f",
    "\x7f",
    "\x85",  # control characters
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",  # zero-width, invisible
    "\u202e",
    "\u202d",
    "\u2067",
    "\u200f",  # right-to-left overrides and marks
    "\u0301",
    "\u0338",  # combining marks on their own
    "ｊ",
    "ﬁ",
    "𝐀",  # compatibility forms
    "é",
    "Ç",
    "œ",
    "ß",
    "’",
    "'",
    "-",
    " ",  # what real names contain
    "٣",
    "௫",
    "½",  # digits of other scripts
    "عربي",
    "עברית",
    "中文",
    "😀",
)

any_text = st.one_of(
    st.text(),
    st.lists(st.sampled_from(NASTY), max_size=30).map("".join),
    st.lists(st.one_of(st.text(max_size=5), st.sampled_from(NASTY)), max_size=12).map("".join),
    st.text(max_size=12).map(lambda s: (s or "x") * 1000).map(lambda s: s[:10_000]),
    st.builds(
        lambda d, m, y, s: f"{d}{s}{m}{s}{y}",
        st.integers(-5, 99),
        st.integers(-5, 99),
        st.integers(-1, 99999),
        st.sampled_from(["/", "-", ".", " ", "", "//"]),
    ),
)
