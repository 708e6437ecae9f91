"""The date grammar of ``:dates:``: every accepted form, every error, and properties."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sphinx_cv.dates import MONTHS, SEASONS, CvDate, DateError, DateRange, parse_dates
from sphinx_cv.model import sort_by_dates


@pytest.mark.parametrize(
    ("text", "label", "isos"),
    [
        ("2021 – 2023", "2021 – 2023", ["2021", "2023"]),
        ("Fall 2023 – Present", "Fall 2023 – Present", ["2023", None]),
        ("Winter 2022 – 2023", "Winter 2022 – 2023", ["2022", "2023"]),
        ("Spring 2023", "Spring 2023", ["2023"]),
        ("2018 – Present", "2018 – Present", ["2018", None]),
        ("Spring – Fall 2022", "Spring – Fall 2022", ["2022", "2022"]),
        ("Mar 2019 – present", "Mar 2019 – Present", ["2019-03", None]),
        ("March 2019 to June 2020", "Mar 2019 – Jun 2020", ["2019-03", "2020-06"]),
        ("Sept. 2019 — 2020", "Sep 2019 – 2020", ["2019-09", "2020"]),
        ("2016-09", "Sep 2016", ["2016-09"]),
        ("2016-09-01", "1 Sep 2016", ["2016-09-01"]),
        ("2016-09 - 2017-01", "Sep 2016 – Jan 2017", ["2016-09", "2017-01"]),
        ("2016-09-01 to now", "1 Sep 2016 – Present", ["2016-09-01", None]),
        ("2019-2020", "2019 – 2020", ["2019", "2020"]),
        ("2019 -- 2020", "2019 – 2020", ["2019", "2020"]),
        ("1 Mar 2019 – Jun 2019", "1 Mar – Jun 2019", ["2019-03-01", "2019-06"]),
        ("  autumn   2020 ", "Autumn 2020", ["2020"]),
    ],
)
def test_accepted_forms(text: str, label: str, isos: list[str | None]) -> None:
    dates = parse_dates(text)
    assert dates.label() == label
    assert [iso for _, iso in dates.parts()] == isos


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Sprnig 2023", "did you mean 'Spring'?"),
        ("Octobr 2020 – 2021", "did you mean 'October'?"),
        ("2023 – 2021", "ends (2021) before it starts (2023)"),
        ("Present", "'Present' can only end a range"),
        ("Present – 2021", "'Present' can only end a range"),
        ("2016-13", "month 13 in '2016-13' is not between 01 and 12"),
        ("31 Feb 2020", "February has 29 days"),
        ("Fall", "'Fall' has no year"),
        ("Spring – Present", "needs a year"),
        ("", "the date is empty"),
        ("2023 –", "cannot read '2023 –' as a date"),
        ("soon", "unknown month or season 'soon'"),
        ("0000", "0000 in '0000' is not a year"),
        ("Mar 0999 – 2021", "0999 in 'Mar 0999' is not a year"),
        ("0000-03 – 2021", "0000 in '0000-03' is not a year"),
    ],
)
def test_errors_say_what_to_write(text: str, message: str) -> None:
    with pytest.raises(DateError) as error:
        parse_dates(text)
    assert message in str(error.value)


def test_sort_orders() -> None:
    texts = ["2021 – 2023", "2018 – Present", "Fall 2023", "Winter 2022 – 2023", "Spring 2023", None]
    ranges = {text: parse_dates(text) if text else None for text in texts}

    def ordered(order: str) -> list[str | None]:
        return sort_by_dates(texts, ranges.__getitem__, order)

    assert ordered("newest-first") == [
        "2018 – Present",
        "Fall 2023",
        "Spring 2023",
        "Winter 2022 – 2023",
        "2021 – 2023",
        None,
    ]
    assert ordered("oldest-first") == [
        "2018 – Present",
        "2021 – 2023",
        "Winter 2022 – 2023",
        "Spring 2023",
        "Fall 2023",
        None,
    ]
    assert ordered("source") == texts


points = st.one_of(
    st.builds(CvDate, st.integers(1900, 2099)),
    st.builds(CvDate, st.integers(1900, 2099), st.integers(1, 12)),
    st.builds(CvDate, st.integers(1900, 2099), st.integers(1, 12), st.integers(1, 28)),
    st.builds(
        lambda year, season: CvDate(year, season=season),
        st.integers(1900, 2099),
        st.sampled_from(list(SEASONS)),
    ),
)


@given(points, points, st.sampled_from([" – ", " — ", " - ", " to ", "–"]))
def test_label_round_trips(first: CvDate, second: CvDate, separator: str) -> None:
    start, end = sorted([first, second], key=CvDate.earliest)
    text = start.label() + separator + end.label()
    parsed = parse_dates(text)
    assert parsed == (DateRange(start) if start == end else DateRange(start, end))
    assert parse_dates(parsed.label()) == parsed


@given(points)
def test_single_and_ongoing_round_trip(point: CvDate) -> None:
    assert parse_dates(point.label()) == DateRange(point)
    assert parse_dates(point.iso()).start.year == point.year
    assert parse_dates(f"{point.label()} – Present") == DateRange(point, ongoing=True)


@given(st.text(alphabet=st.sampled_from(list("0123456789 -–—toPresnFalSpigMrJuy.")), max_size=30))
def test_any_text_parses_or_explains(text: str) -> None:
    try:
        dates = parse_dates(text)
    except DateError as error:
        message = str(error)
        written = " ".join(text.split()).casefold()
        named = [part for pair in re.findall(r"'([^']+)'|\((\d+)\)", message) for part in pair if part]
        assert not written or any(part.casefold() in written for part in named), message  # names what it could not read
        assert re.search(r"write|did you mean|needs|can only end|has \d+ days|between 01 and 12", message), message
    else:
        assert parse_dates(dates.label()) == dates


def test_month_names_are_all_accepted() -> None:
    for number, name in enumerate(MONTHS, 1):
        assert parse_dates(f"{name} 2020").start.month == number
        assert parse_dates(f"{name[:3]} 2020").start.month == number
