"""Whole numbers read from URLs and forms.

Only ASCII digits count: ``str.isdigit()`` also accepts superscripts and other scripts' digits,
which ``int()`` refuses. A number is also bounded, because one beyond the database's integers
(or ``datetime``'s years) makes the query itself fail, which a visitor would see as a 500.
"""

# The largest value of the database's integer columns, so the largest id a page can have.
MAX_ID = 2**31 - 1


def whole_number(raw, minimum=0, maximum=MAX_ID):
    """``raw`` as an int in ``minimum..maximum``, or None when it is not one."""
    if not isinstance(raw, str) or not (raw.isascii() and raw.isdigit()):
        return None
    if len(raw.lstrip("0")) > len(str(maximum)):
        return None
    value = int(raw)
    return value if minimum <= value <= maximum else None


def object_id(raw):
    """The id of a database row named in a URL or form, or None."""
    return whole_number(raw, minimum=1)
