"""Tests for kg.dates: a note's date from its front matter or its file name."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from kg.notes.dates import in_period, name_date, note_date, parse_bound, parse_date


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("date: 2025-03-10", date(2025, 3, 10)),
        ("date: 2025-3-9", date(2025, 3, 9)),
        ("created: 2025-02-01T08:00:00+09:00", date(2025, 2, 1)),  # 31 January in UTC
        ("created: 2025-02-01 23:59:59 -05:00", date(2025, 2, 1)),  # 2 February in UTC
        ("date: '2025-03-10T10:00'", date(2025, 3, 10)),
        ('published: "2025/06/30"', date(2025, 6, 30)),
        ("date: 2025.06.30", date(2025, 6, 30)),
        ("date: 20250105", date(2025, 1, 5)),
        ("date: 2025年4月1日", date(2025, 4, 1)),
        ("date: 2025年4月1日（火）", date(2025, 4, 1)),
        ("date: 令和7年4月1日", date(2025, 4, 1)),
        ("date: 令和元年5月1日", date(2019, 5, 1)),
        ("date: 平成31年4月30日", date(2019, 4, 30)),
        ("date: March 10, 2025", date(2025, 3, 10)),
        ("date: 10 Mar 2025", date(2025, 3, 10)),
    ],
)
def test_front_matter_dates_in_the_forms_notes_use(header, expected):
    meta = yaml.safe_load(header)
    assert note_date(meta, "memo.md") == (expected, [])


@pytest.mark.parametrize(
    "value",
    ["いつか", "2025-13-01", "2025-02-30", "令和元年4月1日", "12", "20251399", "1850-01-01", "2025-03", True, [2025]],
)
def test_values_that_are_not_dates(value):
    assert parse_date(value) is None


def test_the_first_readable_default_field_wins_and_unreadable_ones_are_warnings():
    meta = {"created": "2025-05-20", "date": "あとで", "published": "2025-08-15"}
    found, warnings = note_date(meta, "notes/memo.md")
    assert found == date(2025, 5, 20)
    assert warnings == ["notes/memo.md: front-matter date 'あとで' is not a date; ignored"]


def test_a_chosen_field_is_the_only_one_read_then_the_file_name():
    meta = {"date": "2025-07-07", "modified": "2025-05-05"}
    assert note_date(meta, "memo.md", ("modified",)) == (date(2025, 5, 5), [])
    assert note_date(meta, "2024-11-11 memo.md", ("published",)) == (date(2024, 11, 11), [])
    assert note_date({"modified": "2025-05-05"}, "memo.md") == (None, [])


def test_a_list_is_named_not_printed_so_yaml_aliases_cost_nothing():
    bomb = yaml.safe_load("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                          + "".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("bcdefg", "cdefgh"))
                          + "date: *h\n")  # fmt: skip
    assert note_date(bomb, "bomb.md") == (None, ["bomb.md: front-matter date (a list) is not a date; ignored"])


def test_an_unreadable_date_falls_back_to_the_file_name_and_long_values_are_cut():
    found, [warning] = note_date({"date": "x" * 500}, "2025-10-10 bad-date.md")
    assert found == date(2025, 10, 10)
    assert len(warning) < 120 and "…" in warning


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2025-12-23-indonesia-news.md", date(2025, 12, 23)),
        ("daily/2025-01-05.md", date(2025, 1, 5)),
        ("clips/Trade 2024-11-11 #2.md", date(2024, 11, 11)),
        ("20251223 会議.md", date(2025, 12, 23)),
        ("2025_12_23.md", date(2025, 12, 23)),
        ("議事録 2025.12.23.md", date(2025, 12, 23)),
        ("2025年12月3日の記事.md", date(2025, 12, 3)),
        ("2025-12-99 then 2025-12-24.md", date(2025, 12, 24)),
        ("2024-01-01/memo.md", None),  # a dated folder is not the note's date
        ("scan 12345678.md", None),
        ("ID 202512231.md", None),
        ("2025-1223.md", None),  # mixed separators
        ("v2.10.15 release.md", None),
        ("memo.md", None),
    ],
)
def test_dates_in_file_names(name, expected):
    assert name_date(name) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2025-03-10", date(2025, 3, 10), date(2025, 3, 10)),
        ("2025-02", date(2025, 2, 1), date(2025, 2, 28)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025-12", date(2025, 12, 1), date(2025, 12, 31)),
        ("2025", date(2025, 1, 1), date(2025, 12, 31)),
    ],
)
def test_period_bounds(text, start, end):
    assert parse_bound(text) == start
    assert parse_bound(text, end=True) == end


@pytest.mark.parametrize("text", ["", "March", "2025-13", "2025-02-30", "25", "2025/03/01"])
def test_bad_period_bounds_say_what_is_accepted(text):
    with pytest.raises(ValueError, match="YYYY-MM-DD, YYYY-MM or YYYY"):
        parse_bound(text)


def test_periods_hold_the_notes_dated_inside_them_and_no_undated_one():
    march, june = date(2025, 3, 1), date(2025, 6, 30)
    assert in_period(date(2025, 3, 1), march, june) and in_period(date(2025, 6, 30), march, june)
    assert not in_period(date(2025, 7, 1), march, june) and not in_period(date(2025, 2, 28), march)
    assert in_period(date(1999, 1, 1), until=june) and not in_period(None, since=march)
    assert in_period(None) and in_period(date(2025, 1, 1))  # no period: every note
