from decimal import Decimal

import pytest

from policyshare.policies.quantities import format_quantity


@pytest.mark.parametrize(
    ("value", "korean", "english"),
    [
        (175_000_000_000, "1,750억", "175 billion"),
        (11_500_000_000, "115억", "11.5 billion"),
        (100_000_000, "1억", "100 million"),
        (1_200_000_000_000, "1.2조", "1.2 trillion"),
        (10_000_000, "1,000만", "10 million"),
        (1_050_000, "105만", "1.05 million"),
        (432_041, "432,041", "432,041"),
        (10_000, "1만", "10,000"),
        (-782, "-782", "-782"),
        (Decimal("-20.9"), "-20.9", "-20.9"),
        (Decimal("46.00"), "46", "46"),
    ],
)
def test_numbers_read_the_way_each_language_counts(value, korean, english):
    assert format_quantity(value, "ko") == korean
    assert format_quantity(value, "en") == english
