"""The general-knowledge gazetteer: countries, regions, bodies, agreements, laws, plans, events.

Countries start from pycountry's ISO 3166-1 names (English and Japanese) and are completed by
``data/gazetteer/countries.tsv``; everything else lives in the other TSV files of that folder, so a
reader can check and extend the knowledge without touching code. Names are NFKC-normalised, so
match them against NFKC-normalised text.
"""

from __future__ import annotations

import functools
import gettext
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pycountry

from kg.records import ENTITY_TYPES

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
COUNTRIES_FILE = DATA_DIR / "countries.tsv"
ABBREV_FILE = DATA_DIR / "country_abbrev.tsv"
TYPED_HEADER = ("id", "type", "names")
COUNTRIES_HEADER = ("alpha_2", "id", "names")
ABBREV_HEADER = ("abbrev", "country_id")
DROP = "!"

# A middle dot between two katakana is optional in practice (アンティグア・バーブーダ).
_KATAKANA_DOT = re.compile(r"(?<=[\u30a1-\u30fa\u30fc])・(?=[\u30a1-\u30fa\u30fc])")
# Loanwords spelt with ヴ are just as often written with the バ行 (ジュネーヴ / ジュネーブ).
_VU = (("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴ", "ブ"))


@dataclass(frozen=True)
class Entry:
    """One gazetteer entity: its canonical name, its type and every name it goes by."""

    id: str
    type: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class _Row:
    """One data line: an id, its type and its names (less those written ``!name``), and where it is."""

    id: str
    type: str
    names: tuple[str, ...]
    where: str


def load_gazetteer() -> tuple[Entry, ...]:
    """Return every gazetteer entry: pycountry's countries, then the shipped TSV files.

    A row may drop a name pycountry gives a country with ``!name``. The data must be consistent:
    a name claimed by two ids, a repeated id or an unknown type raises ``ValueError``. Users
    extend it with ``--aliases`` files, which resolution reads (kg/resolve/aliases.py).
    """
    return _shipped()


def country_abbreviations() -> dict[str, str]:
    """Return the one-character country forms used in compounds (日米, 米中), mapped to country ids."""
    return dict(_abbreviations())


@functools.cache
def country_names() -> frozenset[str]:
    """Return every name the gazetteer gives a country (日本, チリ, 大韓民国), NFKC-normalised."""
    return frozenset(name for entry in _shipped() if entry.type == "Country" for name in entry.names)


@functools.cache
def _shipped() -> tuple[Entry, ...]:
    """Return the entries of pycountry and the shipped files, checked for consistency."""
    rows = list(_country_rows())
    for path in sorted(DATA_DIR.glob("*.tsv")):
        if path not in (COUNTRIES_FILE, ABBREV_FILE):
            rows.extend(_read_typed(path))
    return _merge(rows)


@functools.cache
def _abbreviations() -> dict[str, str]:
    """Return the parsed abbreviation file, checked against the country ids."""
    countries = {entry.id for entry in _shipped() if entry.type == "Country"}
    table: dict[str, str] = {}
    for where, (abbrev, country) in _read_tsv(ABBREV_FILE, ABBREV_HEADER):
        abbrev, country = _normalise(abbrev), _normalise(country)
        if len(abbrev) != 1 or country not in countries or abbrev in table:
            raise ValueError(f"{where}: want a new single character and a country id, not {abbrev!r} {country!r}")
        table[abbrev] = country
    return table


def _country_rows() -> Iterator[_Row]:
    """Yield one row per ISO 3166-1 country, completed and corrected by countries.tsv."""
    ja = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"])
    rows = _read_tsv(COUNTRIES_FILE, COUNTRIES_HEADER)
    extra = {code: (where, cid, names) for where, (code, cid, names) in rows}
    for country in pycountry.countries:
        english = [getattr(country, key, "") for key in ("name", "official_name", "common_name")]
        names = [name for en in english if en for name in (en, ja.gettext(en))]
        # Catalogue forms such as "大韓民国 (韓国)" or "Korea, Republic of" never occur in running
        # text; countries.tsv gives their usable parts instead.
        names = [name for name in names if "(" not in name and "," not in name]
        ja_name = ja.gettext(country.name)
        fallback = (f"pycountry {country.alpha_2}", country.name if "(" in ja_name else ja_name, "")
        where, cid, more = extra.pop(country.alpha_2, fallback)
        yield _row(cid, "Country", [*names, *_split(more)], where)
    for where, cid, more in extra.values():  # codes outside ISO 3166-1, such as XK (Kosovo)
        yield _row(cid, "Country", _split(more), where)


def _read_typed(path: Path) -> Iterator[_Row]:
    """Yield the rows of an ``id<TAB>type<TAB>names`` file."""
    for where, (eid, etype, names) in _read_tsv(path, TYPED_HEADER):
        if etype not in ENTITY_TYPES:
            raise ValueError(f"{where}: unknown type {etype!r}; expected one of {', '.join(ENTITY_TYPES)}")
        yield _row(eid, etype, _split(names), where)


def _read_tsv(path: Path, header: tuple[str, ...]) -> Iterator[tuple[str, list[str]]]:
    """Yield (file:line, fields) for each data line of a TSV file with the given header."""
    lines = path.read_text(encoding="utf-8").splitlines()
    data = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not data or tuple(data[0][1].split("\t")) != header:
        raise ValueError(f"{path}: the first line must be the header {'<TAB>'.join(header)}")
    for n, line in data[1:]:
        fields = line.split("\t")
        if len(fields) == len(header) - 1:
            fields.append("")
        if len(fields) != len(header) or not all(f.strip() for f in fields[:-1]):
            raise ValueError(f"{path.name}:{n}: expected {len(header)} tab-separated fields, got {line!r}")
        yield f"{path.name}:{n}", [f.strip() for f in fields]


def _split(names: str) -> list[str]:
    """Return the '|'-separated names of a names field."""
    return [name for name in names.split("|") if name.strip()]


def _row(eid: str, etype: str, names: Iterable[str], where: str) -> _Row:
    """Return a row with normalised names and their spelling variants, less the names written ``!name``."""
    eid = _normalise(eid)
    drops = {_normalise(name[1:]) for name in names if name.startswith(DROP)}
    keep = [v for name in (eid, *names) if not name.startswith(DROP) for v in _variants(_normalise(name))]
    kept = tuple(dict.fromkeys(v for v in keep if v not in drops))
    return _Row(eid, etype, kept, where)


def _normalise(name: str) -> str:
    """Return a name NFKC-normalised with its spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", name).split())


def _variants(name: str) -> list[str]:
    """Return a name with its optional-middle-dot and ヴ-less spellings."""
    forms = [name, _KATAKANA_DOT.sub("", name)]
    for form in list(forms):
        for vu, bu in _VU:
            form = form.replace(vu, bu)
        forms.append(form)
    return list(dict.fromkeys(forms))


def _merge(rows: Iterable[_Row]) -> tuple[Entry, ...]:
    """Return one entry per id of rows; raise ValueError on a repeated id or a name two ids claim."""
    types: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    for row in rows:
        if row.id in types:
            raise ValueError(f"{row.where}: id {row.id!r} is already defined as a {types[row.id]}")
        types[row.id] = row.type
        own = names[row.id] = []
        for name in row.names:
            other = owner.get(name)
            if other == row.id:
                continue
            if other is not None:
                raise ValueError(f"{row.where}: name {name!r} of {row.id!r} already names {other!r}")
            owner[name] = row.id
            own.append(name)
    return tuple(Entry(eid, types[eid], tuple(names[eid])) for eid in types)
