"""Key results are stored as plain numbers (KRW 175,000,000,000, not "1,750 억 원" in one
language and "175 KRW billion" in the other), so that a translation can never pair one
language's number with the other's unit. They are shown in the reader's own way of counting:
Korean groups by 만 (10⁴), 억 (10⁸) and 조 (10¹²), English by million and billion."""

from decimal import Decimal

from django.utils.formats import number_format

KOREAN_SCALES = [(Decimal(10) ** 12, "조"), (Decimal(10) ** 8, "억"), (Decimal(10) ** 4, "만")]
ENGLISH_SCALES = [
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
]


def format_quantity(value, language_code):
    value = Decimal(value)
    magnitude = abs(value)
    if language_code == "ko":
        # 만 only where it reads naturally: round ten-thousands, or a million and more.
        scales = [
            (size, name)
            for size, name in KOREAN_SCALES
            if size > 10**4 or magnitude % size == 0 or magnitude >= 10**6
        ]
        return _scaled(value, magnitude, scales, separator="")
    return _scaled(value, magnitude, ENGLISH_SCALES, separator=" ")


def _scaled(value, magnitude, scales, separator):
    for size, name in scales:
        if magnitude >= size:
            return f"{_plain(value / size)}{separator}{name}"
    return _plain(value)


def _plain(value):
    """Grouped digits, at most two decimals, no trailing zeros."""
    rounded = value.quantize(Decimal("0.01")).normalize()
    decimals = max(0, -rounded.as_tuple().exponent)
    return number_format(rounded, decimal_pos=decimals, use_l10n=True, force_grouping=True)
