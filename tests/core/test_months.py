import datetime as dt

from desktop.core.months import month_choices


def test_every_month_from_next_back_two_years_and_to_the_oldest_report():
    months = month_choices(["2021-03", "2024-W10"], dt.date(2024, 6, 5))
    assert months[0] == "2024-07" and months[1] == "2024-06"
    assert months[-1] == "2021-03" and "2022-02" in months  # months with no report are offered
    assert len(months) == len(set(months)) == (2024 - 2021) * 12 + 7 - 3 + 1


def test_an_empty_register_still_offers_two_years():
    months = month_choices([], dt.date(2026, 12, 2))
    assert months[0] == "2027-01" and months[-1] == "2025-01" and len(months) == 25
