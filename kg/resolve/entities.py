"""Entities: mentions grouped by the entity they name, each typed once and given a display name."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache

from kg.records import ENTITY_TYPES, Entity, Mention
from kg.resolve.aliases import is_abbreviation, is_country_compound, is_session_kind
from kg.resolve.candidates import TITLE_CLAUSES, election_of
from kg.resolve.compounds import head_type
from kg.resolve.gazetteer import country_abbreviations
from kg.resolve.knowledge import (
    head_length, name_words, short_heads, state_heads, suffix_type, type_suffixes, without_company_word,
    without_legal_form,
)
from kg.resolve.lexicon import Lexicon, Name
from kg.resolve.people import name_before_title, title_after
from kg.resolve.words import short_units, word_starting, words, words_within
from kg.text.chars import (
    fold_spelling, fold_variants, is_hiragana, is_kanji, is_katakana, is_name_char, match_key, nfkc,
)


def group_entities(mentions: Sequence[Mention], lexicon: Lexicon, types: Sequence[str]) -> list[Entity]:
    """Return one entity per entity key, typed by vote, keeping only the requested types."""
    grouped: dict[str, list[Mention]] = defaultdict(list)
    joined = _country_surnames_titled(_surnames_joined(mentions, lexicon))
    for mention in _elections_of_the_day(_editions_under_headings(joined), lexicon):
        grouped[mention.entity].append(mention)
    short_tails = _tails_of_names(grouped, lexicon)
    kinds = _kinds_named_by_tail(grouped, lexicon, short_tails)
    joined = _names_joined(grouped, lexicon, short_tails)
    for key, other in joined.items():
        grouped[other].extend(grouped.pop(key))
    for key in kinds - set(joined.values()):
        grouped.pop(key, None)
    entities = []
    cased = _latin_words(mentions)
    for key, group in grouped.items():
        known = lexicon.get(key)
        counts = Counter(m.surface for m in group)
        aliases = [s for s, _ in counts.most_common()]
        entity_id = known.entity if known else _own_name(key, aliases, cased)
        type_ = _vote_type(entity_id, group, known)
        if type_ not in types:
            continue
        ene = sorted({m.ene for m in group if m.ene})
        typed = tuple(replace(m, entity=entity_id, type=type_) for m in group)
        entities.append(Entity(entity_id, _display_name(entity_id, counts), type_, tuple(ene), tuple(aliases), typed))
    entities.sort(key=lambda e: (-len(e.mentions), e.id))
    return entities


def _own_name(key: str, aliases: Sequence[str], cased: Mapping[str, str]) -> str:
    """Return the name an unknown entity goes by: the commonest surface that is its name, else its key
    when that has no Latin letters to lose their case (播磨町 of 兵庫県加古郡播磨町), or when no surface holds
    it and each of its Latin words is one the vault writes (ipcc第61回総会 of 第61回総会 is IPCC第61回総会
    where IPCC第60回総会 is written), else the commonest surface (株式会社ispace)."""
    own = next((a for a in aliases if match_key(a) == key), "")
    latin = _LATIN_WORD.findall(key)
    if own or not latin:
        return own or key
    if any(key in match_key(a) for a in aliases) or not all(w in cased for w in latin):
        return aliases[0]  # 株式会社ispace: a surface says the name with more, in its own case
    return _LATIN_WORD.sub(lambda m: cased[m.group()], key)


# A run of Latin letters and digits: the words whose case a key (match_key) folds.
_LATIN_WORD = re.compile(r"[a-z0-9]*[a-z][a-z0-9]*")


def _latin_words(mentions: Sequence[Mention]) -> dict[str, str]:
    """Return each Latin word of the mentions' surfaces, casefolded, with the one way the vault writes it;
    a word written two ways is left out."""
    seen: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        for word in re.findall(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*", nfkc(m.surface)):
            seen[word.casefold()].add(word)
    return {folded: next(iter(ways)) for folded, ways in seen.items() if len(ways) == 1}


# A title after a surname that is also a country's name (タイ代表); see _surnames_joined.
_TITLE = "代表"
# A generation written after a Western surname (フェルディナンド・マルコス・ジュニア).
_GENERATIONS = ("ジュニア", "シニア")
# What a leader's government is called after the leader's name (バイデン政権, 岸田政権).
_GOVERNMENT = "政権"
# The words that date a government after the leader's name (トランプ前政権, 旧政権).
_GOVERNMENT_PREFIXES = ("前", "元", "現", "旧")


def _surnames_joined(mentions: Sequence[Mention], lexicon: Lexicon) -> list[Mention]:
    """Return the mentions, a person named by a part of a full name joined to that name.

    Japanese names put the surname first (上川 of 上川陽子), Western ones in katakana last, after
    a ・ or = (トルドー of ジャスティン・トルドー). The full name is looked for in the same note first,
    then, when the note writes none, in the whole vault (a dated note says 植田総裁 of the 植田和男
    another note named). A part that fits two full names there is the one the vault's aliases write with the
    title after it (石破首相 of an entity note 石破茂, where 石破二朗 is named too), and where they write one of
    the two with the part and a title, the part before any title is that one; else it stays as it is. So does a
    name with
    代表 after it (日本代表, a country's team or delegation) unless the name is the last part of a
    person's full name in the note (タイ代表, Katherine Tai as the trade representative). A leader's
    government (…政権) writes the leader's full name too, so a part of it before a title joins it.
    """
    people: dict[str, set[tuple[str, str]]] = defaultdict(set)
    surnames: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in mentions:
        if m.type == "Person":
            # 齋藤健 and 斎藤経産相: a name written with an old form of a kanji is the same name;
            # ライースィ and ライシ: so is a foreign name spelt two ways in katakana
            people[m.block.note].add((fold_spelling(fold_variants(m.surface)), m.entity))
            # 北浜 of 北浜ジョージ: a surname before a katakana given name, read before the spelling is folded
            if surname := _surname_before_katakana_name(m.surface):
                surnames[m.block.note].add((fold_spelling(fold_variants(surname)), m.entity))
        elif m.surface.endswith(_GOVERNMENT) and len(m.surface) > len(_GOVERNMENT) + 1:
            # ユン・ソンニョル政権 writes the leader's full name, which ユン大統領 elsewhere is a part of
            leader = _leader(m.surface[: -len(_GOVERNMENT)])
            person = _person_named(leader)
            if person:
                people[m.block.note].add((fold_spelling(fold_variants(leader)), person))
    everyone = set().union(*people.values()) if people else set()
    named = {surface: entity for surface, entity in everyone}  # バイデン of バイデン大統領
    titled = {surface for surface, _ in everyone if name_before_title(surface)}  # looked up once, not per part

    in_note = {note: _full_names_by_part(found, titled) for note, found in people.items()}
    in_vault = _full_names_by_part(everyone, titled)
    for note, found in surnames.items():
        for surname, entity in found:
            in_note[note][surname].add(entity)
            in_vault[surname].add(entity)

    @cache
    def full_names_in(note: str, part: str, vault: bool) -> frozenset[str]:
        part = fold_spelling(fold_variants(part))
        return frozenset(in_note.get(note, {}).get(part) or (in_vault.get(part, set()) if vault else set()))

    def full_name_in(note: str, part: str, vault: bool) -> str:
        found = full_names_in(note, part, vault)
        return next(iter(found)) if len(found) == 1 else ""

    def full_name(m: Mention, part: str, vault: bool = True) -> str:
        # one look-up per note and part: a vault names the same people thousands of times
        return full_name_in(m.block.note, part, vault)

    joined, leaders = [], []
    for m in mentions:
        if m.type == "Person" and len(m.surface) >= 2 and _aliased(m, lexicon):
            pass  # 石破首相, an alias the vault gives a person: that person, whoever else has the surname
        elif m.type == "Person" and len(m.surface) >= 2:
            # 福岡厚労相, a surname and a title the model read as one name, is 福岡資麿 where the vault names him
            bare = name_before_title(m.surface)
            m = replace(m, entity=full_name(m, m.surface) or (len(bare) >= 2 and full_name(m, bare)) or m.entity)
        elif m.type == "Person" and is_kanji(m.surface):
            # a one-kanji surname before a title (蔡 of 蔡総統) is the full name its own note writes, else
            # the one full name the vault writes with it (a note later says 趙外相 of the 趙兌烈 named before)
            m = replace(m, entity=full_name(m, m.surface) or m.entity)
        elif m.surface.endswith(_TITLE) and len(m.surface) > len(_TITLE) + 1:
            # タイ代表 in a note about キャサリン・タイ is the representative, not Thailand's team
            person = full_name(m, m.surface[: -len(_TITLE)], vault=False)
            m = replace(m, entity=person, type="Person") if person else m
        elif m.surface.endswith(_GOVERNMENT) and len(m.surface) > len(_GOVERNMENT) + 1:
            # マルコス政権 where the vault names フェルディナンド・マルコス is his government, a body of its own
            # (it acts, and outlives a reshuffle), and names him too; トランプ前政権 is the one government of
            # トランプ, dated. タリバン政権, with no such person, stays as it is
            leader = _leader(m.surface[: -len(_GOVERNMENT)])
            person = full_name(m, leader) or named.get(fold_spelling(fold_variants(leader)), "") or _person_named(leader)
            if person:
                leaders.append(replace(m, surface=leader, end=m.start + len(leader), entity=person, type="Person"))
                m = replace(m, entity=match_key(leader + _GOVERNMENT), type="Organization")
        joined.append(m)
    joined = _titled_aliases_joined(joined, lambda m: full_names_in(m.block.note, m.surface, False), lexicon)
    joined = _same_titles_joined(joined, lambda m: full_names_in(m.block.note, m.surface, True))
    joined = _last_named_joined(joined, lambda m: full_names_in(m.block.note, m.surface, False))
    # a government's name is a mention of its leader where its note names him otherwise too; alone it names the
    # government only (クリントン政権 in a text that names no Clinton is a body, as the NER annotation reads it)
    people_named = {(m.block.note if m.block else "", m.entity) for m in joined if m.type == "Person"}
    return joined + [m for m in leaders if (m.block.note if m.block else "", m.entity) in people_named]


def _country_surnames_titled(mentions: Sequence[Mention]) -> list[Mention]:
    """Return the mentions, a person's one-kanji surname that is also a country's one-character form (韓 of 韓首相,
    where 韓 of 日韓 is Korea) read with the title after it: the bare kanji names the country as well, so the
    person's node takes the surname and title as its name there, and a country's form is no name of a person."""
    forms = country_abbreviations()
    found = []
    for m in mentions:
        if m.type == "Person" and m.surface in forms and m.block is not None:
            title = title_after(m.block.text, m.end)
            if title:
                m = replace(m, surface=m.surface + title, end=m.end + len(title))
        found.append(m)
    return found


# How many characters of the title after a surname to look up with it (石破 and 首相, 北浜 and 経済再生相).
_TITLE_LENGTH = 6


def _aliased(m: Mention, lexicon: Lexicon) -> bool:
    """Return True when a person's mention is a name the lexicon gives the entity it stands for."""
    known = lexicon.get(m.surface)
    return known is not None and match_key(known.entity) == match_key(m.entity)


def _titled_aliases_joined(mentions: Sequence[Mention], in_note: Callable[[Mention], frozenset[str]],
                           lexicon: Lexicon) -> list[Mention]:
    """Return the mentions, a surname joined to the person the vault's aliases name with it and the title after
    it (石破首相, a front-matter alias of 石破茂 or a link's text, where 石破二朗 is named too), and the surname
    elsewhere (石破氏, 石破内閣) to that person too when the aliases so name only one and its note writes no full
    name with it (``in_note``: the full names a mention's note writes with its surface)."""
    chosen: dict[int, str] = {}
    by_part: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        after = m.block.text[m.end : m.end + _TITLE_LENGTH] if m.type == "Person" else ""
        for form in [m.surface] + [m.surface + after[:end] for end in range(len(after), 0, -1)]:
            known = lexicon.get(form) if m.type == "Person" else None
            bare = name_before_title(form) if known is not None and known.type in ("", "Person") else ""
            if bare and (form == m.surface or bare == m.surface):
                chosen[id(m)] = known.entity
                by_part[fold_spelling(fold_variants(bare))].add(match_key(known.entity))
                break
    entities = {match_key(e): e for e in chosen.values()}
    for m in mentions:
        one = by_part.get(fold_spelling(fold_variants(m.surface)), set()) if m.type == "Person" else set()
        if len(one) == 1 and id(m) not in chosen and not in_note(m):
            chosen[id(m)] = entities[next(iter(one))]
    return [replace(m, entity=chosen[id(m)]) if id(m) in chosen else m for m in mentions]


# What ends a minister's title after the field it names: こども of こども相 and こども政策担当大臣 is one field.
_MINISTER_TITLE_ENDS = ("担当大臣", "担当相", "大臣", "相")


def _same_titles_joined(mentions: Sequence[Mention], full_names: Callable[[Mention], frozenset[str]]) -> list[Mention]:
    """Return the mentions, a surname that fits two full names joined to the one the vault writes with the same
    title after it (加藤財務相 of 加藤一郎財務相, where 加藤花子 is named too; 加藤こども相 of 加藤花子こども政策担当大臣,
    a minister's title by its field), when only one of them has it; ``full_names``: those a mention's surface fits.

    A place's name before a title (佐賀知事, 佐賀 a prefecture kg knows) is so made the person whose full name the
    vault writes with that name first and the same title (佐賀一郎知事): many Japanese surnames are places' names,
    and a place's own head is written with its kind (佐賀県知事) or with の. Before a title no such person holds it
    stays the place."""
    titles: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type == "Person" and (title := _title_after(m)):
            titles[m.entity].add(title)
    joined = []
    for m in mentions:
        place = m.type == "Region" and m.block is not None
        names = full_names(m) if m.type == "Person" or place else frozenset()
        fits = len(names) == 1 if place else len(names) > 1 and m.entity not in names
        title = _title_after(m) if fits else ""
        same = {n for n in names if any(_same_title(title, t) for t in titles.get(n, ()))} if title else set()
        joined.append(replace(m, entity=next(iter(same)), type="Person") if len(same) == 1 else m)
    return joined


def _last_named_joined(mentions: Sequence[Mention], full_names: Callable[[Mention], frozenset[str]]) -> list[Mention]:
    """Return the mentions, a surname that still fits two full names its note writes (北浜さん, where 北浜一郎さん and
    his sister 北浜花子さん are named) joined to the one the note named last before it; ``full_names``: those a
    mention's surface fits in its note. A writer who has just named one of two namesakes means that one by the
    surname alone, as a reader takes it; a surname written before either full name stays as it is."""
    named: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
    for m in mentions:
        if m.type == "Person" and m.block is not None:
            named[(m.block.note, m.entity)].append(_place_in_note(m))
    joined = []
    for m in mentions:
        names = full_names(m) if m.type == "Person" and m.block is not None else frozenset()
        if len(names) > 1 and m.entity not in names:
            here = _place_in_note(m)
            before = {n: max((p for p in named[(m.block.note, n)] if p < here), default=None) for n in names}
            last = max((p, n) for n, p in before.items() if p is not None) if any(before.values()) else None
            m = replace(m, entity=last[1]) if last is not None else m
        joined.append(m)
    return joined


def _place_in_note(m: Mention) -> tuple[int, int, int]:
    """Return where a mention stands in its note: its line, its block there (a table row's cells) and its offset."""
    return m.block.line, m.block.paragraph, m.start


def _title_after(m: Mention) -> str:
    """Return the nouns right after a person's mention, the title it is written with (財務相, こども政策担当大臣); ""
    for an honorific (氏, さん), which anyone is written with."""
    text, end = m.block.text, m.end
    while (word := word_starting(text, end)) is not None and word.pos[0] in ("名詞", "接尾辞", "接頭辞") \
            and not word.proper:
        end = word.end
    title = nfkc(text[m.end : end])
    return title if len(title) >= 2 and not all(is_hiragana(c) for c in title) else ""


def _same_title(title: str, other: str) -> bool:
    """Return True for one title, or for ministers' titles of one field (こども相 and こども政策担当大臣)."""
    if title == other:
        return True
    ending = next((e for e in _MINISTER_TITLE_ENDS if title.endswith(e) and len(title) > len(e) + 1), "")
    return bool(ending) and other.endswith(_MINISTER_TITLE_ENDS) and other.startswith(title[: -len(ending)])


# The year of an edition written after a plan's name: 2024 of …の基本方針2024 (keys are casefolded).
_EDITION_YEAR = re.compile(r" ?(?:19|20)\d\d")


def _editions_under_headings(mentions: Sequence[Mention]) -> list[Mention]:
    """Return the mentions, a plan written bare in a heading made a mention of the one yearly edition of it
    that the text under the heading names (## …と骨太の方針 over …基本方針2024 in its subsections): a
    heading says what its section is about, as a series heading a section stands for its numbered meeting.
    Elsewhere the bare name is the plan through its editions, and under a heading that names two editions
    or none it stays so."""
    plans = [m for m in mentions if m.type == "Plan" and m.block is not None and m.block.kind == "heading"]
    if not plans:
        return list(mentions)
    under: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    for m in mentions:
        if m.block is not None:
            path = m.block.heading_path
            for depth in range(1, len(path) + 1):
                under[(m.block.note, path[:depth])].add(m.entity)
    moved = {}
    for m in plans:
        named = under.get((m.block.note, m.block.heading_path), set())
        editions = {e for e in named if e.startswith(m.entity) and _EDITION_YEAR.fullmatch(e[len(m.entity) :])}
        if len(editions) == 1:
            moved[id(m)] = replace(m, entity=next(iter(editions)))
    return [moved.get(id(m), m) for m in mentions]


# A year written before a body's election, with its month and day or without (2025年参院選, 2024年10月の衆院選).
_YEAR_BEFORE = re.compile(r"(\d{4})年(?:\d{1,2}月)?(?:\d{1,2}日)?の?$")
# How far a note's date may be from the notes naming a numbered election for its bare 衆院選 to be that one.
_ELECTION_DAYS = 400
# The same for a kind of session (特別国会): a parliament sits several times a year.
_SESSION_DAYS = 90


def _elections_of_the_day(mentions: Sequence[Mention], lexicon: Lexicon) -> list[Mention]:
    """Return the mentions, each writing of a body's election made a mention of the one numbered election of
    that body the vault names (第50回衆議院議員総選挙): the same number written short (第50回衆院選), and the body's
    election written bare (衆院選) in a note dated within about a year of the notes naming the numbered one, or
    with a year before it that is theirs (2024年10月の衆院選, 2025年参院選), as Japanese text names the election
    of the day by its body alone. A kind of session (特別国会 of 第215回特別国会) is read the same way, within a
    season. A bare election with another year before it is that year's election, named so (1986年の衆院選); one with a
    month alone before it (4月の衆院選) may be another, and with two numbered elections of a body in the vault none is
    joined. Where the vault numbers none of the body's, a year before it is left out of the name, as the Wikipedia NER
    annotation marks the bare 衆院選 of 1983年の衆院選."""
    def series(name: str) -> tuple[str, bool] | str | None:
        return election_of(name, lexicon) or _kind_of_session(name)

    numbered: dict[tuple[str, bool] | str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for m in mentions:
        edition = _EDITION.match(nfkc(m.entity))
        if edition and (found := series(nfkc(m.entity)[edition.end() :])):
            numbered[found][edition.group()].append(m)
    moved, left = {}, set()
    for m in mentions:
        key = nfkc(m.entity)
        edition = _EDITION.match(key)
        year = _YEAR_BEFORE.search(m.block.text, 0, m.start) if m.block is not None else None
        if edition is None and (written := re.match(r"(\d{4})年の?", key)):
            key, year = key[written.end() :], written
        found = series(key[edition.end() :] if edition else key)
        if found is None:
            continue
        number, named = next(iter(numbered[found].items())) if len(numbered.get(found, {})) == 1 else ("", [])
        target = max({n.entity for n in named}, key=lambda e: (len(e), e), default="")
        days = {n.block.date for n in named if n.block is not None and n.block.date is not None}
        window = _SESSION_DAYS if isinstance(found, str) else _ELECTION_DAYS
        if not target:
            fits = False  # none or two numbered ones of it: the election of the day is either
        elif edition:
            fits = edition.group() == number
        elif year is not None:
            fits = str(year.group(1)) in {str(d.year) for d in days}
        else:
            date = m.block.date if m.block is not None else None
            fits = not (m.block is not None and _DATED_BEFORE.search(m.block.text, 0, m.start)) and (
                date is None or any(abs((date - d).days) <= window for d in days))
        if fits and m.entity != target:
            moved[id(m)] = replace(m, entity=target)
        elif not fits and target and year is not None and not edition and key == nfkc(m.entity):
            # 1986年の衆院選: that year's election, another, written with its year as a name with its year is
            surface = m.block.text[year.start() : m.end]
            moved[id(m)] = replace(m, entity=match_key(surface), surface=surface, start=year.start())
        elif not fits:
            left.add(m.entity)
    # a name some of whose mentions may be another election (10月27日の衆院選) stays whole, for the heading of
    # its section to tell which it is (_series_heading_its_session)
    kept = {id(m) for m in mentions if m.entity in left and moved.get(id(m), m).start == m.start}
    moved = {i: n for i, n in moved.items() if i not in kept}
    return [moved.get(id(m), m) for m in mentions]


def _full_names_by_part(named: Iterable[tuple[str, str]], titled: set[str]) -> dict[str, set[str]]:
    """Return each part a person is named by alone, with the entities whose full names have it.

    A part is the surname before a given name that is no katakana word (石破 of 石破茂, not of
    石破ショック, an event the model took for a person), the name after a ・ or = (トルドー of
    ジャスティン・トルドー), or the name before a generation (マルコス of フェルディナンド・マルコス・ジュニア).
    A name with a title after it (福岡厚労相, in ``titled``) is no full name. Found once per set of
    names, so that a look-up is one dict access, however many people the vault names.
    """
    parts: dict[str, set[str]] = defaultdict(set)
    for surface, entity in named:
        if surface in titled:
            continue
        for end in range(1, len(surface)):
            if not is_katakana(surface[end]):
                parts[surface[:end]].add(entity)
            if surface[end - 1] in "・=":
                parts[surface[end:]].add(entity)
        pieces = re.split("[・=]", surface)
        if len(pieces) >= 4 and all(pieces):
            # a Spanish or Portuguese name of four parts or more ends in two surnames, and its bearer goes by
            # the first (ロペス of アンドレス・マヌエル・ロペス・オブラドール); of three, the middle one is a given name
            parts[pieces[-2]].add(entity)
        for generation in _GENERATIONS:
            if surface.endswith("・" + generation):
                stem = surface[: -len(generation) - 1]
                for end in range(1, len(stem)):
                    if stem[end - 1] == "・":
                        parts[stem[end:]].add(entity)
    return parts


@cache
def _surname_before_katakana_name(surface: str) -> str:
    """Return the surname a full name opens with when a katakana given name follows it, one the dictionary
    knows as a person's or lacks (北浜 of 北浜ジョージ); "" for any other name (石破ショック: a common word)."""
    found = words(surface)
    if len(found) != 2 or found[0].pos[2:4] != ("人名", "姓") or not all(is_katakana(c) for c in surface[found[1].start :]):
        return ""
    return surface[: found[0].end] if found[1].person or found[1].unknown else ""


def _leader(name: str) -> str:
    """Return the leader's name a government is written with, without the word that dates it (トランプ of
    トランプ前政権)."""
    prefix = next((p for p in _GOVERNMENT_PREFIXES if name.endswith(p) and len(name) > len(p) + 1), "")
    return name[: len(name) - len(prefix)]


def _person_named(name: str) -> str:
    """Return the entity key of a name the dictionary knows as a person's, each of its words joined by
    ・ or =, else "": バイデン of バイデン政権 is the leader though the vault writes no full name."""
    found = words(name)
    parts = [w for w in found if name[w.start : w.end] not in ("・", "=", "＝")]
    return match_key(name) if parts and all(w.person for w in parts) else ""


# What a municipality's name is written with after it, and what a company group's is: 千歳 is 千歳市
# where the notes name 千歳市, パナソニック is パナソニックグループ where they name that.
# 州 of a state or province abroad (プーリア州), which news writes without it too
_PLACE_ENDINGS = ("市", "町", "村", "区", "郡", "州")
# 県 or 府 of a Japanese prefecture, named in kanji, which tables and lists of prefectures drop (…、…など13県); with
# both the city and the prefecture named the bare name is either, and joins neither
_PREFECTURE_ENDINGS = ("県", "府")
_GROUP_ENDINGS = ("グループ", "ホールディングス")
# The words after a place's name that make an area holding several municipalities (能登半島, 能登地方).
_AREAS = ("半島", "地方", "地域", "諸島", "列島")
# The areas among them that are one piece of land or sea: the land a bare name and its 地方 stand for.
_LANDS = ("半島", "諸島", "列島")
# An agreement goes by its acronym alone too (BBNJ of BBNJ協定, TPP of TPP協定) where kg knows no body by it.
_TREATY_ENDINGS = ("協定", "条約")
# The heads after which a shorter name is the longer one's tail (サプライチェーン協定 of IPEFサプライチェーン協定).
_TAIL_TYPES = ("Agreement", "Law", "Plan")


def _names_joined(grouped: Mapping[str, Sequence[Mention]], lexicon: Lexicon,
                  short_tails: Mapping[str, set[str]]) -> dict[str, str]:
    """Return, for each entity key the notes name another way, the key it joins.

    Only names the lexicon does not know are joined, and only to a name of the same vault:
    - a name whose front is another name of a country or body it knows: 中国海警法 and
      中華人民共和国海警法, JAXA法 and 宇宙航空研究開発機構法 (with the country or body written as its
      canonical name the two are one);
    - a municipality, state or Japanese prefecture without 市, 町, 州 or 県 where the vault names it with one (千歳, 千歳市), a company
      without グループ where it names the group (パナソニック, パナソニックグループ), or the group of a
      company kg knows (トヨタグループ, トヨタ), and an acronym without 協定 or 条約 where the vault
      names the agreement so (TPP, TPP協定);
    - a meeting named by its series and place and the numbered meeting the notes say it is
      (G20リオデジャネイロ会合, 第3回G20財務相・中央銀行総裁会議; see _meetings_named_by_place);
    - an agreement, law or plan whose name is the tail of exactly one other of the same head, the front
      being a name kg knows (サプライチェーン協定 of IPEFサプライチェーン協定);
    - a disaster's or a law's name without the year the vault once writes before it (奥能登豪雨, 令和6年奥能登豪雨);
    - a law's usual short name by the first kanji of its words (災対法, 災害対策基本法);
    - a body's short name in kanji by characters of every word of its name (国交省, 国土交通省);
    - a formal title's short name by its first word and its head (飢餓アライアンス of 飢餓と貧困に対する…アライアンス);
    - a foreign place by its first word where the vault names it in full (リオ, リオデジャネイロ);
    - a meeting's name without the anniversary it marks (ABC特別会議, ABC友好50周年特別会議);
    - a body with a country's one-character form before it and without (米インド太平洋軍, インド太平洋軍);
    - a numbered session with the kind of session inside its name and without (第9回通常総会, 第9回総会);
    - a plan by its round or term and head alone and the one plan of that round and head (第9期計画, 第9期…計画).
    - a party without 党 where the vault names it with 党 (X, X党), as news writes two parties (X、Y両党), and so
      before a head (X総裁選, X党総裁選);
    - a deal by its parties alone and the one deal of those parties with its field (日仏合意, 日仏漁業合意), or by
      its parties and place and the one text of theirs there (日仏パリ合意, 日仏パリ共同声明);
    - a meeting with a place and での before it and the meeting named with the place inside (パリでの日仏協議, 日仏パリ協議).

    short_tails holds the vault's names by the tails they end in (_tails_of_names), read for kinds too.
    """
    unknown = [k for k in grouped if lexicon.get(k) is None and len(k) >= 2]
    joined: dict[str, str] = {}
    by_front: dict[str, list[str]] = defaultdict(list)
    for key in unknown:
        by_front[_canonical_front(key, lexicon)].append(key)
    known_keys = {match_key(k): k for k in grouped if lexicon.get(k) is not None}
    for front, keys in by_front.items():
        if front in known_keys and front not in keys:
            joined.update((k, known_keys[front]) for k in keys)  # Quad首脳会合, where Quad is 日米豪印: 日米豪印首脳会合
        elif len(keys) > 1:
            target = max(keys, key=lambda k: (len(grouped[k]), len(k), k))
            joined.update((k, target) for k in keys if k != target)
    for key, other in _meetings_named_by_place(grouped).items():
        if lexicon.get(key) is None:
            joined[key] = other
        elif lexicon.get(other) is None:
            joined[other] = key  # G7広島サミット is a name kg knows: the numbered meeting joins it
    for key, other in _series_heading_its_session(grouped, lexicon).items():
        if lexicon.get(key) is None:
            joined[key] = other
        elif lexicon.get(other) is None:
            joined[other] = key  # a series kg knows (its heading): the numbered meeting joins it
    for key, other in _series_under_its_numbered_heading(grouped, lexicon).items():
        joined.setdefault(key, other)
    joined.update(_acronyms_of_agreements(grouped, lexicon))
    tails = _tails_after_names(grouped, lexicon)
    marked = _anniversaries(grouped)
    # the other writings of a longer name, tried in this order until one finds it
    other_writings = (_written_in_full, _dated_disasters, _laws_abbreviated, _bodies_abbreviated, _titles_by_first_word,
                      _places_written_short, lambda k, _: _anniversary_dropped(k, marked), _body_without_country,
                      _sessions_without_kind, _plans_by_round, _cases_by_first_word, _company_by_sha, _deals_by_parties,
                      _meetings_by_place_before, _party_heads_without_to)
    for key in unknown:
        if key in joined:
            continue
        endings = (*_PLACE_ENDINGS, *_GROUP_ENDINGS, *(_PREFECTURE_ENDINGS if all(is_kanji(c) for c in key) else ()))
        longer = [key + end for end in endings if key + end in grouped]
        areas = [key + area for area in _AREAS if key + area in grouped]
        if areas:
            # 能登, 能登地方 and 能登半島 are the one land the vault names (a town, 能登町, goes by its 町);
            # with two lands (伊豆半島, 伊豆諸島) the bare name is either, so it joins neither
            lands = [a for a in areas if a.endswith(_LANDS)]
            longer = lands if len(lands) == 1 else [a for a in areas if a.endswith("地方")] if not lands else []
            if len(lands) == 1:
                joined.update((a, lands[0]) for a in areas if a not in lands and lexicon.get(a) is None)
        front = next((key[: -len(end)] for end in _GROUP_ENDINGS if key.endswith(end)), "")
        known = lexicon.get(front) if len(front) >= 2 else None
        if known is not None and known.type == "Organization" and known.entity in grouped:
            longer = [known.entity]  # トヨタグループ where トヨタ is a company kg knows
        party = lexicon.get(key + "党")
        if not longer and key + "党" in grouped:
            longer = [key + "党"]  # 北進 of 北進、南進両党: a party the vault also names with 党, which news drops
        elif not longer and party is not None and party.type == "Organization" and party.entity in grouped:
            longer = [party.entity]  # the same, where kg knows the party by another name
        if not longer and len(key) - head_length(key) >= 2:
            longer = sorted(tails.get(key, ()))
            if not longer and head_length(key):
                longer = sorted(short_tails.get(key, ()))
        longer = longer or next((found for finder in other_writings if (found := finder(key, grouped))), [])
        if len(longer) == 1:
            joined[key] = longer[0]
    return {key: _last(joined, key) for key in joined if _last(joined, key) != key}


def _party_heads_without_to(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the name of the vault a party's short name before a head stands for where the vault writes 党 between
    them (北進総裁選 -> [北進党総裁選]): news drops 党 of a party's name before its race or its organ. The front is two
    characters or more and the rest a head kg types, so no word that only holds the two (政党, 党首) is read so."""
    if not suffix_type(key):
        return []
    return [key[:i] + "党" + key[i:] for i in range(2, len(key) - 1)
            if key[:i] + "党" + key[i:] in grouped and len(key) - i >= head_length(key)]


def _company_by_sha(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the company of the vault a name and 社 stands for (ABC社 -> [ABC株式会社], [株式会社ABC]): news
    writes a company whose trade name is Latin or katakana with 社 after it, the legal form left out. One Latin
    letter (A社) is an anonymous company, and a kanji name before 社 (新聞社, 商社) is a word of its own. An unknown
    company's key is its name without the legal form (xyz of XYZ株式会社), a known one's its id."""
    front = without_company_word(key)
    if front == key:
        return []
    return [k for k in grouped if k != key and match_key(without_legal_form(k)) == front]


def _body_without_country(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the body of the vault a country's one-character form is written before (米インド太平洋軍 ->
    [インド太平洋軍], 英国防省 -> [国防省]): the form only says whose body it is. The body's name is three
    characters or more and ends in a head of a body, so no common word (海軍 of 比海軍) takes the name."""
    rest = key[1:]
    if key[:1] not in country_abbreviations() or rest not in grouped or len(rest) < 3:
        return []
    return [rest] if head_type(rest) == "Organization" or suffix_type(rest) == "Organization" else []


def _sessions_without_kind(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the numbered session of the vault a numbered session with the kind of session before its head
    is (第213回通常国会 -> [第213回国会], 第5回特別総会 -> [第5回総会]): a body numbers all its sessions in one
    series and calls each by its kind too, as the parenthesis 第213回国会（通常国会） says."""
    number = _EDITION.match(key)
    if number is None:
        return []
    return [k for k in grouped if k != key and k.startswith(number.group()) and len(k) > number.end()
            and is_session_kind(k, key[number.end() :])]


# A plan's round or term and its head alone, in digits or kanji: 第9期計画, 第5次計画, 第二次計画.
_ROUND_AND_HEAD = re.compile(r"(第(?:\d+|[一二三四五六七八九十]+)[次期])(\D+)")


def _plans_by_round(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the plans of the vault a plan written by its round or term and its head alone stands for
    (第9期計画 -> [第9期…事業計画]): the plans of that round and head, which are one only when the vault
    names one."""
    match = _ROUND_AND_HEAD.fullmatch(key)
    if match is None or suffix_type(key) != "Plan" or nfkc(match.group(2)) not in {h for h, _ in type_suffixes()}:
        return []
    number, head = match.groups()
    return [k for k in grouped if k != key and k.startswith(number) and k.endswith(head) and len(k) > len(key)]


# The head of a deal that news names by its parties alone (日米合意, 日中合意).
_DEAL = "合意"
# The heads of a deal or treaty news names by its parties alone (日仏合意, 露朝条約, 日仏協定).
_DEALS = (_DEAL, "条約", "協定")


def _deals_by_parties(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the deals of the vault a deal named by its parties' one-character forms stands for: with nothing
    else (日仏合意 -> [日仏漁業合意], 日仏条約 -> [日仏友好パートナーシップ条約]), the one deal or treaty of those
    parties with a field in kanji or katakana between them and the same head, as news names the deal of the day by
    who made it; with its place too (日仏パリ合意 -> [日仏パリ共同声明]), the
    one text of those parties and that place under another head, which the deal was written as (the caller joins
    one)."""
    head = next((h for h in _DEALS if key.endswith(h)), "")
    front = key[: -len(head)] if head else ""
    parties = len(front) - len(front.lstrip("".join(country_abbreviations())))
    if parties == 1 and len(front) == 2 and is_kanji(front[1]):
        parties = 2  # 露朝条約: a second party in a one-character form kg does not read as a country alone (朝)
    if parties < 2:
        return []
    if parties < len(front):
        return [k for k in grouped if k != key and k.startswith(front) and _typed(grouped[k]) == "Agreement"
                and suffix_type(k) == "Agreement" and head_length(k) == len(k) - len(front)] if head == _DEAL else []
    return [k for k in grouped if k.startswith(front) and k.endswith(head) and len(k) > len(key) + 1
            and all(is_kanji(c) or is_katakana(c) for c in k[len(front) : -len(head)])
            and _typed(grouped[k]) == "Agreement"]


# A place and での before a meeting's name: ジュネーブでの米中協議 is the meeting the vault names 米中ジュネーブ協議.
_PLACE_BEFORE = re.compile(r"([\u30a0-\u30ff\u4e00-\u9fffA-Za-z・]{2,})での$")


def _meetings_by_place_before(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the meetings of the vault a meeting's name stands for where every mention has a place and での before
    it (北浜での日仏協議 -> [日仏北浜協議]): Japanese names a meeting by its parties, its place and its head, and says
    the same with the place before; the name with the place inside must be the vault's own."""
    places = {match_key(found.group(1)) if (found := _PLACE_BEFORE.search(m.block.text, 0, m.start)) else ""
              for m in grouped[key] if m.block is not None}
    if suffix_type(key) != "Event" or len(places) != 1 or "" in places:
        return []
    place = places.pop()
    return [key[:i] + place + key[i:] for i in range(1, len(key)) if key[:i] + place + key[i:] in grouped]


# The heads of a criminal or court case's name (福井事件, 砂川事件), which news shortens to a place or a person and the head.
_CASE_HEADS = ("事件", "訴訟")


def _cases_by_first_word(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the cases of the vault a case by one proper word and its head stands for (北浜事件 -> [北浜町職員殺害事件]):
    news shortens a case's full name to the place or person it opens with and its head; the one such case of the
    vault only (the caller joins one)."""
    head = next((h for h in _CASE_HEADS if key.endswith(h)), "")
    front = words(key[: len(key) - len(head)]) if head else []
    if len(front) != 1 or not front[0].proper:
        return []
    start = key[: len(key) - len(head)]
    return [k for k in grouped if k != key and k.startswith(start) and k.endswith(head) and len(k) > len(key) + 2]


# The heads of a natural disaster's name (熊本地震, 伊勢湾台風, 奥能登豪雨): each names one event.
_DISASTER_HEADS = ("地震", "震災", "台風", "豪雨", "水害")
# An era's year or a year before a name: 令和6年, 平成23年, 2024年.
_ERA_YEAR = re.compile(r"(?:(?:明治|大正|昭和|平成|令和)(?:\d+|元)|\d{4})年")


def _laws_abbreviated(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the laws of the vault a short law's name abbreviates the usual way, by the first kanji of
    its first words and 法 (災対法 -> [災害対策基本法], 独禁法 -> [独占禁止法], 温対法 -> [地球温暖化対策推進法]);
    a name that opens otherwise (入管法 of 出入国管理及び難民認定法) is left to the text to define."""
    front = key[:-1]
    if not key.endswith("法") or not 2 <= len(front) <= 3 or not all(is_kanji(c) for c in front):
        return []
    # a law is written by its formal name too (…の推進に関する法律): any of its names may be the one abbreviated
    return [k for k, group in grouped.items() if k != key and any(
        name.endswith("法") and len(name) > len(key) + 1 and _opens_words(front, name)
        for name in {k} | {match_key(m.surface) for m in group})]


def _bodies_abbreviated(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the bodies of the vault a body's short name in kanji abbreviates the usual way, by characters of
    every word of the long name in order (日本原電 of 日本|原子力|発電, 国交省 of 国土|交通省, 新日鉄 of
    新|日本|製鉄): a word the short name leaves out (日本銀行 of 日本政策投資銀行), or takes only the suffix of
    (防衛庁 of 防衛|装備庁), makes another body."""
    if not (3 <= len(key) <= 5 and all(is_kanji(c) for c in key) and _typed(grouped[key]) == "Organization"):
        return []
    return [k for k, group in grouped.items() if len(k) >= len(key) + 2 and k[0] == key[0]
            and all(is_kanji(c) for c in k) and _vote_type(k, group, None) == "Organization"
            and _abbreviates(key, _name_words(k))]


def _name_words(name: str) -> list[tuple[str, str]]:
    """Return a name's short units as (word, suffix), a one-character unit after the first being the suffix of
    the one before it (原子|力 is 原子力, 交通|省 is 交通省): a suffix is abbreviated with its word."""
    found: list[tuple[str, str]] = []
    for unit in short_units(name):
        if found and len(unit) == 1:
            found[-1] = (found[-1][0], found[-1][1] + unit)
        else:
            found.append((unit, ""))
    return found


def _abbreviates(short: str, units: Sequence[tuple[str, str]]) -> bool:
    """Return True when short splits into as many pieces as there are units, each piece characters of its
    unit in order, the first of them one of the word's own (not only its suffix)."""
    if not units:
        return not short
    word, suffix = units[0]
    return any(short[0] in word and _in_order(short[:cut], word + suffix) and _abbreviates(short[cut:], units[1:])
               for cut in range(1, len(short) - len(units) + 2))


def _in_order(piece: str, unit: str) -> bool:
    """Return True when the characters of piece stand in unit in the same order."""
    rest = iter(unit)
    return all(c in rest for c in piece)


def _titles_by_first_word(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the names of the vault a short name takes the first word and the head of: a formal title
    whose first word, a common noun, a particle follows (飢餓と貧困に対する…アライアンス -> 飢餓アライアンス), as
    Japanese shortens a long title to its theme and its kind. Meetings (many sessions share a theme) and a
    proper word in front (a place's or a body's own organ) are left out."""
    head = head_length(key)
    front = key[: len(key) - head]
    type_ = suffix_type(key)
    if not head or len(front) < 2 or type_ in ("", "Event"):
        return []
    first = words(front)
    if len(first) != 1 or first[0].pos[:2] != ("名詞", "普通名詞") or not all(is_kanji(c) for c in front):
        return []
    return [k for k in grouped if k != key and k.startswith(front) and k.endswith(key[len(front) :])
            and len(k) > len(key) + 2 and is_hiragana(k[len(front)]) and suffix_type(k) == type_]


def _opens_words(front: str, name: str) -> bool:
    """Return True when each kanji of front opens one of a name's consecutive words, from the first word
    or the second (温対 of 地球・温暖化・対策…: a short name may leave out a first word that only places the
    rest). The words are the short units or the dictionary's words (温暖化, which short units cut)."""
    for units in (short_units(name), tuple(name[w.start : w.end] for w in words(name))):
        if any("".join(u[0] for u in units[i : i + len(front)]) == front for i in range(min(2, len(units)))):
            return True
    return False


def _places_written_short(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the places of the vault whose katakana name a place's katakana name opens and is less than
    half of (リオ -> [リオデジャネイロ]): a foreign city goes by its first word. A country (メキシコ of
    メキシコシティ) and a name nearly as long (カリ of カリブ) are other places."""
    if not (len(key) >= 2 and all(is_katakana(c) for c in key) and _typed(grouped[key]) == "Region"):
        return []
    return [k for k in grouped if k.startswith(key) and len(k) > 2 * len(key) and all(is_katakana(c) for c in k)
            and _typed(grouped[k]) == "Region"]


def _typed(group: Sequence[Mention]) -> str:
    """Return the type most of a group's mentions have."""
    return Counter(m.type for m in group).most_common(1)[0][0]


def _dated_disasters(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the names of the vault that write a disaster's or a law's name with its year before it (奥能登豪雨 ->
    [令和6年奥能登豪雨], 北浜法 -> [1950年北浜法]): a disaster happens once, and a law is enacted once (its later
    amendments keep its name, as 1974年通商法 is the act of 1974 as amended since), so the year only dates it. A
    meeting's year (2024年…会議) names one of a series and is left alone."""
    if not key.endswith(_DISASTER_HEADS) and suffix_type(key) != "Law":
        return []
    return [k for k in grouped if k != key and k.endswith(key) and _ERA_YEAR.fullmatch(k[: -len(key)])]


# The anniversary a meeting or event is held for, written inside its name (…友好50周年特別首脳会議).
_ANNIVERSARY = re.compile(r"\d+周年(?:記念)?")


def _anniversaries(grouped: Mapping[str, Sequence[Mention]]) -> list[tuple[str, str]]:
    """Return each name of the vault with an anniversary written in, and what follows the anniversary
    (ABC友好50周年特別会議, 特別会議): found once per vault, not once per name looked up."""
    return [(k, k[mark.end() :]) for k in grouped if (mark := _ANNIVERSARY.search(k))]


def _anniversary_dropped(key: str, marked: Sequence[tuple[str, str]]) -> list[str]:
    """Return the names of the vault that are the name with the anniversary it marks written in (ABC特別会議 ->
    [ABC友好50周年特別会議]; ``marked`` is _anniversaries of the vault): the words that end in …周年 only say
    why that one meeting is held."""
    found = []
    for k, rest in marked:
        front = key[: -len(rest)] if rest and key.endswith(rest) else ""
        if len(front) >= 2 and k != key and k.startswith(front) and suffix_type(rest):
            found.append(k)
    return found


# An edition or a year written before a name of a series: 第6回, 2030年.
_EDITION_OR_YEAR = r"(?:第\d+回|\d{4}年)"
_EDITION = re.compile(r"第\d+回")
# A front that is at most an edition or a year (…, 第32回…, 2020年…): the rest names the series.
_EDITION_OR_YEAR_ONLY = re.compile(_EDITION_OR_YEAR + "?")
# An edition or a year a name's tail follows (第6回…, 2024-02-27第6回…, 2030年…): the tail names the series.
_EDITION_BEFORE = re.compile(_EDITION_OR_YEAR + "$")
_YEAR_AFTER = re.compile(r"\d{4}")
_MEETING_HEADS = ("会合", "会議", "サミット")
# What a sentence says of a meeting and its place: …で開かれた, …で開催, …で行われた, and with the days first
# (…で15〜17日、ABC会議が開かれ): news dates a meeting between its place and what it says of it.
_HELD_AT = "(?:市|都|州|県|省)?で(?:[0-9０-９]+(?:[〜~～\\-－][0-9０-９]+)?日、[^。]{0,40}?)?(?:開催|開か|行わ|催さ|開幕)"
# What a sentence says of a place and the meeting a host held there: …でXを開催した, …でXを主催した.
_HOSTED_AT = "(?:市|都|州|県|省)?で{}を(?:開催|主催|開い|開く|催し)"
# A session numbered after its series' acronym: COP29, INC-5 (keys are casefolded).
_ACRONYM_SESSION = re.compile(r"[a-z]{2,8}-?\d{1,3}")
# What it says of two names of one thing: AはBだ, Aは…を務めたBで、
_IS = "(?:（[^（）]*）)?は[^。]*?{}(?:で[、,]|だ|である|です)"


def _meetings_named_by_place(grouped: Mapping[str, Sequence[Mention]]) -> dict[str, str]:
    """Return, for each meeting named by its series and its place (G20リオデジャネイロ会合, G7広島サミット),
    or by its place alone (バクー会議, ワシントン・サミット), the one meeting of that series the notes say it is:
    a numbered one (第3回G20財務相・中央銀行総裁会議), else one named without a number (NATO首脳会議).

    The notes say so when a sentence naming the numbered meeting, or the section it heads, says it
    was held at that place (…がリオデジャネイロで開かれ, …はアンコーナでXを主催した), or when a sentence says the one is the other
    (G7広島サミットは…第49回G7サミットで、…). A meeting named without a number may instead share a
    section with the place's name of it, where a sentence says a meeting was held at the place (## ワシントン・
    サミット, …の首脳会議がワシントンで開かれた, …NATO首脳会議に出席した). A meeting two fit stays as it is.
    """
    numbered = _numbered_meetings(grouped, _MEETING_HEADS)
    # a session a series' acronym numbers (COP29): a meeting named by its place alone (バクー会議) may be it
    numbered.update((key, "") for key, group in grouped.items() if key not in numbered
                    and any(_ACRONYM_SESSION.fullmatch(match_key(m.surface)) for m in group))
    sections: dict[tuple[str, int], set[str]] = defaultdict(set)
    for group in grouped.values():
        for m in group:
            sections[(m.block.note, m.block.section)].add(m.block.text)
    by_place = {key: named for key, group in grouped.items() if not _EDITION.match(key)
                and (named := _series_and_place(group[0].surface) or _place_alone(group[0].surface))}
    unnumbered = {key: match_key(key) for key in grouped if key.endswith(_MEETING_HEADS) and key not in numbered
                  and key not in by_place}
    joined = {}
    for key, (series, place) in by_place.items():
        said = [n for n, rest in numbered.items() if n != key and rest.startswith(series) and any(
            _said_held(m, place, sections) or _said_same(m, grouped[key]) for m in grouped[n])]
        if not said:
            # a note's title heading (# NATOワシントン・サミット) names what every section of the note is about
            titled = {m.block.note for m in grouped[key] if m.block.kind == "heading" and m.block.heading_levels[-1:] == (1,)}
            own = {(m.block.note, m.block.section) for m in grouped[key]} | {w for w in sections if w[0] in titled}
            said = [n for n, rest in unnumbered.items() if rest.startswith(series) and any(
                _said_held(m, place, sections, own) or _said_same(m, grouped[key]) for m in grouped[n])]
        if len(said) == 1:
            joined[key] = said[0]
    return joined


def _place_alone(name: str) -> tuple[str, str] | None:
    """Return no series and the place of a meeting's name made of a place and a head only (バクー会議,
    カザン・サミット, as Japanese calls a conference by its city), else None."""
    found = [w for w in words(name) if name[w.start : w.end] != "・"]  # ワシントン・サミット
    # a proper noun: Sudachi reads some foreign cities as persons' names (カザン), and the join wants a
    # sentence saying the meeting was held there
    if len(found) == 2 and found[0].pos[1] == "固有名詞" and name[found[1].start :] in _MEETING_HEADS:
        return "", name[: found[0].end]
    return None


def _numbered_meetings(grouped: Mapping[str, Sequence[Mention]], heads: tuple[str, ...]) -> dict[str, str]:
    """Return each numbered meeting the vault names (第33回IMO総会) with the key of its series (IMO総会)."""
    return {key: match_key(_EDITION.sub("", key, count=1)) for key in grouped
            if _EDITION.match(key) and key.endswith(heads)}


def _headline(m: Mention) -> bool:
    """Return True for a mention in a note's title heading (# …) that says more than the name: a clipping's
    headline is about the whole note, while an entity note's title that is a series' name alone (# IMO総会)
    is about the series, not about one of its sessions the note cites."""
    return (m.block is not None and m.block.kind == "heading" and m.block.heading_levels[-1:] == (1,)
            and match_key(m.block.text) != match_key(m.surface))


# A date written right before a name (4月の, 10月27日の, 2021年): it may date another of a body's elections.
_DATED_BEFORE = re.compile(r"[0-9０-９一二三四五六七八九十]+[年月日]の?$")


def _series_heading_its_session(grouped: Mapping[str, Sequence[Mention]], lexicon: Lexicon) -> dict[str, str]:
    """Return, for a meeting's series written as a heading (## IMO総会), the one numbered meeting of that
    series (第33回IMO総会) the section under it names: the heading says what its section is about, so
    there the series stands for that meeting, as a body's election (## …衆院選) stands for the one numbered
    election of that body its section names (第50回衆議院議員総選挙). A note's title heading (# …) is about the whole note. The
    series may be written by another of its names (第5回ABC会議 of a series kg knows as XYZ会合 and ABC会議).
    A series written only in running text (日韓閣僚会合は毎年開く) stays the series, and so does one whose
    section or vault names two numbered meetings of it. A body's election is no series a text speaks of so:
    written with no date before it in a note that names one numbered election of that body, it is that election
    (衆院選の後 beside 第50回衆議院議員総選挙), as Japanese text names the election of the day by its body alone;
    a dated one (4月の衆院選) may be another. A kind of session (臨時国会 beside 第216回臨時国会) is read the same way."""
    by_series: dict[str | tuple[str, bool], list[str]] = defaultdict(list)
    for session, series in _numbered_meetings(grouped, _MEETING_HEADS + ("総会",)).items():
        known = lexicon.get(series)
        series = known.entity if known is not None and known.type == "Event" else _canonical_front(series, lexicon)
        by_series[series].append(session)
    # a numbered election's series is its body's election of that kind (衆院選 of 第50回衆議院議員総選挙), and a
    # numbered session written with its kind is of that kind's (臨時国会 of 第216回臨時国会)
    for session in grouped:
        unnumbered = _EDITION.sub("", session, count=1)
        if _EDITION.match(session) and (election := election_of(unnumbered, lexicon) or _kind_of_session(unnumbered)):
            by_series[election].append(session)
    joined = {}
    for key, group in grouped.items():
        election = None if _EDITION.match(key) else election_of(key, lexicon) or _kind_of_session(key)
        sessions = by_series.get(key, []) or by_series.get(match_key(key), []) or by_series.get(election, [])
        headings = {(m.block.note, m.block.section) for m in group if m.block is not None and m.block.kind == "heading"}
        titled = {m.block.note for m in group if _headline(m)}
        known = lexicon.get(key)
        notes = {m.block.note for m in group if m.block}
        numbered_in_note = len(sessions) > 1 and _kind_of_session(key)
        if numbered_in_note:
            # 通常国会 in a note naming 第213回国会, of a vault naming 第213回通常国会 and 第217回通常国会: the one
            # session of that kind whose number the note writes, with the kind or without (the same session)
            numbers = {_EDITION.match(k).group() for k in grouped if _EDITION.match(k) and k.endswith(key[-2:])
                       and any(m.block is not None and m.block.note in notes for m in grouped[k])}
            sessions = [s for s in sessions if _EDITION.match(s).group() in numbers]
        # a body's organ (国連総会) is no series of its sessions, and a series some of whose writings are one
        # numbered meeting (第9回… defined as its other name) already stands for that one
        if len(sessions) != 1 or not (headings or election) or (known is not None and known.type != "Event") \
                or any(_EDITION.match(match_key(m.surface)) for m in group):
            continue
        if election and not any(_DATED_BEFORE.search(m.block.text, 0, m.start) for m in group if m.block) \
                and (numbered_in_note or notes & {m.block.note for m in grouped[sessions[0]] if m.block}):
            joined[key] = sessions[0]  # 衆院選 in a note that names 第50回衆議院議員総選挙: the one it numbers
            continue
        if not headings:
            continue
        if any((m.block.note, m.block.section) in headings or m.block.note in titled
               for m in grouped[sessions[0]] if m.block is not None):
            joined[key] = sessions[0]
    return joined


def _series_under_its_numbered_heading(grouped: Mapping[str, Sequence[Mention]], lexicon: Lexicon) -> dict[str, str]:
    """Return, for a numbered meeting written as a heading (## 第2回日比「2+2」) whose series kg knows by another
    name (日比外務・防衛閣僚会合, defined with the short name), that series joined to it where the section under the
    heading names the series: the heading says which meeting its section tells of, as a series heading stands for
    the numbered meeting under it (_series_heading_its_session). A vault that numbers two meetings of the series
    keeps the series apart."""
    joined = {}
    for key, group in grouped.items():
        edition = _EDITION.match(key)
        headings = {(m.block.note, m.block.section) for m in group
                    if m.block is not None and m.block.kind == "heading" and not _headline(m)}
        known = lexicon.get(key[edition.end() :]) if edition and headings else None
        if known is None or known.type != "Event" or known.entity == key or known.entity not in grouped:
            continue
        others = [k for k in grouped if k != key and (number := _EDITION.match(k))
                  and (series := lexicon.get(k[number.end() :])) is not None and series.entity == known.entity]
        if not others and any((m.block.note, m.block.section) in headings
                              for m in grouped[known.entity] if m.block is not None):
            joined[known.entity] = key
    return joined


# The heads of the sessions a body numbers in one series and calls by their kind too (第216回臨時国会, 第5回特別総会).
_SESSION_HEADS = ("国会", "総会")


def _kind_of_session(name: str) -> str | None:
    """Return a kind of session and its head (臨時国会, 特別総会), written as Japanese text names the session of
    the day, else None: like a body's election, it is the one numbered session of that kind its note names."""
    return name if any(name.endswith(h) and is_session_kind("第1回" + h, name) for h in _SESSION_HEADS) else None


def _series_and_place(name: str) -> tuple[str, str] | None:
    """Return the series and the place of a meeting's name made of the two and a head (G20, リオデジャネイロ
    of G20リオデジャネイロ会合), else None."""
    if not name.endswith(_MEETING_HEADS):
        return None
    for word in words(name):
        if word.pos[2] == "地名" and word.start > 0 and name[word.end :].endswith(_MEETING_HEADS):
            return match_key(name[: word.start]), name[word.start : word.end]
    return None


def _said_held(m: Mention, place: str, sections: Mapping[tuple[str, int], set[str]],
               own: Collection[tuple[str, int]] = ()) -> bool:
    """Return True when the mention's sentence, or the section its heading opens, or its section when that
    is one of ``own`` (a section naming the place's meeting too), says a meeting was held at the place:
    the meeting at the place (…がアンコーナで開かれた), or a host's act there on this meeting (…でXを主催した)."""
    held = re.compile(re.escape(place) + _HELD_AT)
    if held.search(m.sentence) or re.search(re.escape(place) + _HOSTED_AT.format(re.escape(m.surface)), m.sentence):
        return True  # …がアンコーナで開かれた, イタリアはアンコーナでG7…会合を主催した
    where = (m.block.note, m.block.section)
    return (m.block.kind == "heading" or where in own) and any(held.search(text) for text in sections.get(where, ()))


def _said_same(m: Mention, named: Sequence[Mention]) -> bool:
    """Return True when the mention's sentence says a name of ``named`` is it (AはBで、)."""
    return any(re.search(re.escape(n.surface) + _IS.format(re.escape(m.surface)), m.sentence)
               for n in named if n.sentence == m.sentence)


def _written_in_full(key: str, grouped: Mapping[str, Sequence[Mention]]) -> list[str]:
    """Return the names of the vault that write a name with a short head in full: リヤド万博 ->
    [2030年リヤド国際博覧会] (its front and a long head, after a year or an edition), 東京五輪 ->
    [第32回オリンピック競技大会] (a long head, the name written also as the front and a year: 東京2020)."""
    for short, longs in short_heads().items():
        front = key[: -len(short)]
        if key.endswith(short) and len(front) >= 2:
            heads = tuple(match_key(h) for h in longs)
            return [k for k in grouped if k != key and k.endswith(heads) and (
                any(_EDITION_OR_YEAR_ONLY.fullmatch(k[: -len(front + h)]) for h in heads if k.endswith(front + h))
                or any(_YEAR_AFTER.fullmatch(match_key(m.surface)[len(front):]) for m in grouped[k]
                       if match_key(m.surface).startswith(front)))]
    return []


def _tails_after_names(keys: Iterable[str], lexicon: Lexicon) -> dict[str, set[str]]:
    """Return, for each tail of an agreement's, law's or plan's name that follows a name kg knows,
    the names it is the tail of: サプライチェーン協定 -> {ipefサプライチェーン協定}."""
    tails: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        type_ = suffix_type(key)
        if type_ not in _TAIL_TYPES:
            continue
        for i in range(2, len(key) - 1):
            # not after a country (ASEAN物品貿易協定 is not 日ASEAN物品貿易協定)
            front = lexicon.get(key[:i].rstrip("の・ "))
            if suffix_type(key[i:]) == type_ and front is not None and front.type != "Country" \
                    and not is_country_compound(key[:i]):
                tails[key[i:]].add(key)
    return tails


def _acronyms_of_agreements(grouped: Mapping[str, Sequence[Mention]], lexicon: Lexicon) -> dict[str, str]:
    """Return, for each acronym the notes also write with 協定 or 条約 after it, the agreement that
    name is written for (BBNJ and BBNJ協定, TPP and TPP協定); an acronym kg knows as a body or of any
    type stays as it is (JAXA is no JAXA法), an acronym the notes only spell out joins."""
    written = {match_key(m.surface): key for key, group in grouped.items() for m in group}
    joined = {}
    for key, group in grouped.items():
        known = lexicon.get(key)
        if (known is None or not known.type) and is_abbreviation(group[0].surface):
            name = match_key(group[0].surface)
            longer = {written[name + end] for end in _TREATY_ENDINGS if name + end in written} - {key}
            if len(longer) == 1:
                joined[key] = longer.pop()
    return joined


def _tails_of_names(grouped: Mapping[str, Sequence[Mention]], lexicon: Lexicon) -> dict[str, set[str]]:
    """Return, for each tail that ends in a head noun, the entities of the vault whose name it is the
    tail of, where no region kg knows opens the name: 統括庁 -> {内閣感染症危機管理統括庁}, 基本法 ->
    {食料・農業・農村基本法}.

    A text that names a body, law or plan in full once writes it by its tail after (the one 統括庁 it
    spoke of); a region in front makes a name of that place's own (東京都環境局 is no 環境局 of the vault), while
    a country's body is the one its tail names (国防総省 of 米国防総省).
    Every writing of an entity counts: the full name of a body known by its acronym (…統合作戦司令部 of
    JJOC) has its tail too.
    """
    tails: dict[str, set[str]] = defaultdict(set)
    forms = {(key, key) for key in grouped} | {(match_key(m.surface), key) for key, group in grouped.items() for m in group}
    for name, key in forms:
        if not suffix_type(name) or _opens_with_region(name, lexicon):
            continue
        for i in range(2, len(name) - 2):
            # 第2回AZEC閣僚会合 is one meeting of the series AZEC閣僚会合, not its long name, and 女性版…方針 a
            # version of the plan after 版; …の確保に関する連絡会議 is written by the run after its clause too (連絡会議)
            if (is_name_char(name[i - 1]) or name[:i].endswith(TITLE_CLAUSES)) and suffix_type(name[i:]) \
                    and not _EDITION_BEFORE.search(name[:i]) and not name[:i].endswith("版") and name[i:] != key \
                    and not _law_of_its_own(name[:i], name[i:]):
                tails[name[i:]].add(key)
    return tails


def _law_of_its_own(front: str, tail: str) -> bool:
    """Return True for a law's tail of two words or more before its head after one common word in kanji
    (健康保険法 of 国民健康保険法, 公務員法 of 地方公務員法): Japan names laws for one group or level by such a
    word before another law's name, and shortens a law by its first kanji (災対法), not by its tail."""
    found = words(front)
    return (suffix_type(tail) == "Law" and len(found) == 1 and found[0].pos[:2] == ("名詞", "普通名詞")
            and all(is_kanji(c) for c in front) and len(short_units(tail[: len(tail) - head_length(tail)])) >= 2)


# The types whose name's tail, shared by two names of a vault, is their kind (研究所 names, 国際博覧会).
_KIND_TYPES = ("Organization", "Event")


def _kinds_named_by_tail(grouped: Mapping[str, Sequence[Mention]], lexicon: Lexicon,
                         tails: Mapping[str, set[str]]) -> set[str]:
    """Return the names of bodies and events that are the tail of two or more of the vault's other names
    and so name their kind, no one of them: 開発銀行 where the vault names アジア開発銀行 and アフリカ開発銀行,
    国際博覧会 beside four expos. A law or plan so written is the one the text speaks of (基本法 of a note
    on 食料・農業・農村基本法 that cites 農業基本法 too), and the tail after an edition is the series itself
    (ABC閣僚会合 beside 第2回ABC閣僚会合 and 第3回ABC閣僚会合: _tails_of_names counts no tail after one). An organ of a state is the one state's the text speaks of (国防省 beside
    スペイン国防省 and ドイツ連邦国防省)."""
    return {key for key in grouped if lexicon.get(key) is None and suffix_type(key) in _KIND_TYPES
            and len(key) - head_length(key) >= 2 and not key.endswith(state_heads())
            and len(tails.get(key, ())) >= 2}


def _opens_with_region(key: str, lexicon: Lexicon) -> bool:
    """Return True when a name opens with a region or place kg knows that is no country: a place's own body
    (東京消防庁, 東京都環境局) is no body the bare tail names (消防庁 is the state's), while a country's
    (ルリタニア国防総省) is the one its tail names after it. A name that opens in hiragana before its kanji
    (かながわ…センター) opens with a place as local bodies write it, kana for the prefecture or the town: a body's
    name, and nouns (a verb's tail cut by the model, づける…法, is none)."""
    kana = next((i for i, c in enumerate(key) if not is_hiragana(c)), 0)
    opening = words(key[:kana]) if kana >= 2 and is_kanji(key[kana]) and suffix_type(key) == "Organization" else []
    if opening and all(w.pos[0] == "名詞" for w in opening):
        return True
    for end in range(1, len(key)):
        known = lexicon.get(key[:end])
        if known is not None and known.type == "Region":
            return True
    return False


def _last(joined: Mapping[str, str], key: str) -> str:
    """Return the key a chain of joins ends at (A joins B, which joins C: C)."""
    seen = {key}
    while key in joined and joined[key] not in seen:
        key = joined[key]
        seen.add(key)
    return key


def _canonical_front(key: str, lexicon: Lexicon) -> str:
    """Return the key with its longest front that names a known country or body written as that
    entity's canonical name (中国海警法 -> 中華人民共和国海警法), or the key itself. Countries listed with ・
    before the name are each written so (日・サウジ・ビジョン2030 -> 日本・サウジアラビア・ビジョン2030). A numbered
    meeting of a body kg knows is written with the body's canonical name (第19回XYZ -> 第19回XYZ首脳会議). A country's
    one-character form before a word for its armed force or a service is the country written in full (英空軍 ->
    イギリス空軍), as compounds.country_forces reads it."""
    edition = _EDITION.match(key)
    known = lexicon.get(key[edition.end() :]) if edition else None
    if known is not None and known.type in ("Organization", "Event"):
        return edition.group() + match_key(known.entity)
    listed, rest = "", key
    while (cut := rest.find("・")) > 0 and (country := _country_id(rest[:cut], lexicon)) and suffix_type(rest[cut + 1 :]):
        listed, rest = listed + match_key(country) + "・", rest[cut + 1 :]
    for end in range(len(rest) - 1, 0, -1):
        known = lexicon.get(rest[:end])
        if known is not None and known.type in ("Country", "Organization") and suffix_type(rest[end:]):
            return listed + match_key(known.entity) + rest[end:]
    if (country := country_abbreviations().get(rest[:1])) and rest[1:] in name_words("force"):
        return listed + match_key(_country_id(country, lexicon) or country) + rest[1:]  # 比海軍 is フィリピン海軍
    return listed + rest


def _country_id(name: str, lexicon: Lexicon) -> str:
    """Return the id of the country a name or one-letter form (日 of 日・サウジ) names, else ""."""
    known = lexicon.get(name)
    return known.entity if known is not None and known.type == "Country" else country_abbreviations().get(name, "")


def _display_name(entity_id: str, counts: Counter) -> str:
    """Return the name a reader knows an entity by, one the notes use.

    That is the acronym the notes use (JICT, WTO) when it carries at least a quarter of the
    mentions, so that one defining mention never relabels a node the text names hundreds of times;
    else its canonical name (日本 for 日, the user's canonical name for their aliases).
    """
    total = sum(counts.values())
    acronyms = [a for a in counts if a.isascii() and is_abbreviation(a) and counts[a] * 4 >= total]
    return min(acronyms, key=lambda a: (len(a), a)) if acronyms else entity_id


def _is_sitting(name: str) -> bool:
    """Return True for a body's name that names one of its sittings: its number (第5回XYZ委員会, 第213回国会)
    or, before a parliament's head, its kind (臨時国会): the body numbers its sittings, a sitting is an event."""
    return bool(_EDITION.match(name)) or name.endswith("国会") and name[: -len("国会")] in name_words("session")


def _vote_type(label: str, group: Sequence[Mention], known: Name | None) -> str:
    """Return one type for an entity: a known name's type, else its head noun (a 会議 found as a body is
    one), else the vote, in which an acronym's Person votes do not count."""
    if known is not None and known.type:
        # a sitting the notes define (第N回国会（通常国会）) is no body, though the body's head ends it
        return "Event" if known.type == "Organization" and _is_sitting(nfkc(label)) else known.type
    head = suffix_type(label)
    if head in ("Organization", "Event") and _is_sitting(nfkc(label)):
        return "Event"  # 第5回XYZ委員会, 第3回XYZ会議 and 臨時国会 are sittings of a committee, a council, a parliament
    # 会議 heads meetings and standing councils alike: one the text sets up, places under a body or gives a chair
    # (formed_bodies, set_up_bodies, chaired_councils) is a council
    if head == "Event" and nfkc(label).endswith("会議") and any(
            m.type == "Organization" and m.source in ("compound", "headed") for m in group):
        return "Organization"
    # 省 heads ministries and provinces alike: a name every mention reads as a place of the dictionary is a province
    if head == "Organization" and nfkc(label).endswith("省") and group and all(m.type == "Region" for m in group):
        return "Region"
    if head:
        return head
    # a person is never named by an acronym (NNPC is a company, whatever the model says)
    votes = Counter(m.type for m in group if m.type and not (m.type == "Person" and is_abbreviation(m.surface)))
    if not votes:
        return ""
    best = max(votes.values())
    # the model reads a company as a city as often as a body (…製鐵, …工業): a tie over a name ending in a
    # body's head is the body
    if votes.get("Organization") == best and head_type(fold_variants(label)) == "Organization":
        return "Organization"
    type_ = next(t for t in ENTITY_TYPES if votes.get(t) == best)
    # the model reads a place as a person as often as a body (北浜の復興, 東島・北浜): a name every mention of
    # which is one word the dictionary knows as a place, with no honorific or title after it, is that place
    return "Region" if type_ == "Person" and all(_place_word_alone(m) for m in group) else type_


def _place_word_alone(m: Mention) -> bool:
    """Return True for a mention that is one word the dictionary knows as a place (no country) and that a
    particle, a punctuation mark or the end of its text follows, as no person's honorific or title does."""
    if m.block is None:
        return False
    text = m.block.text
    inside = words_within(text, m.start, m.end)
    after = word_starting(text, m.end)
    return (len(inside) == 1 and (inside[0].start, inside[0].end) == (m.start, m.end)
            and inside[0].pos[:3] == ("名詞", "固有名詞", "地名") and inside[0].pos[3] != "国"
            and (after is None or after.pos[0] in ("助詞", "補助記号", "空白")))
