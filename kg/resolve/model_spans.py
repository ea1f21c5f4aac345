"""Model spans: GiNZA's entities that may become candidates, and the rules that hold on any text.

A span survives when its label maps to a type (kg/data/ene_types.tsv) and it is no fragment (a
Latin word cut in the middle), no list of known names, and does not run across a parenthesis;
spans of the labels not marked "kept" must also look like names. Person spans are widened over the
surname or given name the model left out and dropped when they are common kanji words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from kg.records import Span
from kg.resolve import trace
from kg.resolve.candidates import (
    COMPOUND, HEADED, NER, QUOTED, VERSION_BEFORE, Candidate, after_katakana_word, before_article, before_time_words,
)
from kg.resolve.compounds import (
    compound_heads, described_as_company, ends_in_head, ends_in_publication, head_type, heads_by_word, lists_only,
    lists_proper_words, only_common_nouns, proper_heads,
)
from kg.resolve.gazetteer import country_abbreviations
from kg.resolve.junk import is_product
from kg.resolve.products import maker_cues
from kg.resolve.knowledge import (
    ORGAN_HEADS, ene_types, generic_words, head_length, kept_labels, legal_forms, name_words, named_heads, read_lines, state_heads,
    strips_qualifier,
    suffix_type, type_suffixes,
    without_legal_form,
)
from kg.resolve.words import (
    Word, inflects_common_word, inside_word, places_in, word_ending, word_starting, words, words_over, words_within,
)
from kg.text.chars import is_ascii_alnum, is_hiragana, is_kanji, is_katakana, is_name_char, nfkc

# Words for a country's election (米大統領選, 仏大統領選挙).
_ELECTIONS = ("選", "選挙")
# A Latin span joined by and/or to a lowercase English word is cut from a phrase (… and refunds);
# one joined to a capitalised word is a name in a list (Apple and Google), and "and others" ends a list of names.
_PHRASE_GOES_ON = re.compile(r" (?:and|or) (?!(?:the|an?|others|contributors)\b)[a-z]{2,}")
_KATAKANA_JOIN = re.compile(r"[\u30a1-\u30fa\u30fc][・=][\u30a1-\u30fa\u30fc]")
_EDITION = re.compile(r"^第\d+回")
_YEAR_BEFORE = re.compile(r"(1[89]|20)\d\d(年| )?$")
_YEAR_AFTER = re.compile(r"(1[89]|20)\d\d(?![\d年月日.])")
_ORDINAL_BEFORE = re.compile(r"第\s*[0-9０-９一二三四五六七八九十百]+\s*[回次]\s*$")
_ACRONYM = re.compile(r"[A-Z]{2,5}")
_LATIN_NAME = re.compile(r"[A-Z][a-z.]+(?: [A-Z][a-z.]*)+")
# A capitalised Latin word that is no acronym (Textbundle; not NTT)
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]{2,}")
# A user name at the start of a line, and the parenthesis that opens the person's own name (kepano (Steph Ango))
_HANDLE_BEFORE = re.compile(r"[-*+]?\s*(?:[a-z][a-z0-9_.-]*|[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*) \(\[?")
_PERSON_WORDS = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}")
# Shapes only a person's name has: a given name, initials and a surname (John F. Kennedy; a body opens with
# its initials, J. P. Morgan), or two or three capitalised Cyrillic words (Иван Петров), where a body's name
# in Cyrillic capitalises its first word only (Российские железные дороги)
_PERSON_SHAPE = re.compile(r"[A-Z][a-z]+(?: ?[A-Z]\.)+ [A-Z][a-z]+|[А-ЯЁ][а-яё]+(?: [А-ЯЁ][а-яё]+){1,2}")


# The marks a Western name's parts are joined by (ジョルジャ・メローニ, ジャン=リュック).
_JOINERS = "・=＝"


def _names_a_body(text: str, span: Span) -> bool:
    """Return True when a span ends in the head of a party (党) or a company's or body's head of two
    characters or more (…工業, …商事, …銀行) with two characters or more before it: a body the model took
    for a person (国民党, 住友金属工業), not a bare word (与党, 政党)."""
    name = nfkc(text[span.start : span.end])
    return any(name.endswith(head) and len(name) - len(head) >= 2 for head in _body_heads())


# The kanji a railway's or a power company's short name ends in (…電 of …電鉄, …電力).
_RAILWAY_OR_POWER = "電"


def _place_and_trade(text: str, span: Span) -> bool:
    """Return True for a span of a place and common words of two characters or more after it (北浜遊覧船,
    北浜観光バス): a business named by where it works and its trade, which the model takes for a person. A
    surname the dictionary holds as a place before a post (北浜総務相, …委員長) or a given name Sudachi cut
    into one-character words (北浜資麿) is a person."""
    inside = list(words_within(text, span.start, span.end))
    last = nfkc(text[inside[-1].start : inside[-1].end]) if inside else ""
    return len(inside) >= 2 and inside[0].pos[2:3] == ("地名",) and (inside[0].start, inside[-1].end) == (span.start, span.end) \
        and all(w.pos[:2] == ("名詞", "普通名詞") and not w.unknown and w.end - w.start >= 2 for w in inside[1:]) \
        and not last.endswith(_MINISTER_POST + _POST_ENDINGS)


# What names a group after a word of its cause: …の会 (北浜ファーストの会), the way parties and citizens' groups are named.
_OF_GROUP = "の会"


def _named_group(text: str, span: Span) -> bool:
    """Return True for the model's span ending in katakana right before の会 that ends a word there (北浜ファースト of
    北浜ファーストの会が): the group named by its cause. …の会議, …の会長 and …の会社 go on into another word."""
    end = span.end + len(_OF_GROUP)
    return span.end > span.start and is_katakana(text[span.end - 1]) and text.startswith(_OF_GROUP, span.end) \
        and not (end < len(text) and (is_kanji(text[end]) or is_katakana(text[end])))


# A party's head (北浜 革新党, 未来 創造 党); 与党, 野党 and 政党 are words for any party.
_PARTY = "党"


def _party_of_words(text: str, span: Span) -> bool:
    """Return True for a span of kanji common words of four characters or more that ends in 党 as a suffix or in a
    word of three characters or more ending in it (未来 創造 党, 北浜 革新党): a party named by its programme, which the
    model calls a body. A word for any party ends 最大野党 and 少数与党."""
    inside = list(words_within(text, span.start, span.end))
    name = nfkc(text[span.start : span.end])
    if len(inside) < 2 or (inside[0].start, inside[-1].end) != (span.start, span.end) or len(name) < 4:
        return False
    last = nfkc(text[inside[-1].start : inside[-1].end])
    return last.endswith(_PARTY) and (last == _PARTY or len(last) >= 3) and all(is_kanji(c) for c in name)


# The head of a bureau, written as a word of its own after the field it serves (航空 局, 海事 局).
_BUREAU = "局"


def _field_bureau(text: str, span: Span) -> bool:
    """Return True for a span of kanji common nouns and 局 as a word of its own (北浜 交易 局 → 交易局): a bureau of
    a state named by its field, where one word of the dictionary (郵便局, 事務局, 放送局) is any office of the kind."""
    inside = list(words_within(text, span.start, span.end))
    return len(inside) >= 2 and (inside[0].start, inside[-1].end) == (span.start, span.end) \
        and text[inside[-1].start : inside[-1].end] == _BUREAU and all(
            w.pos[:2] == ("名詞", "普通名詞") and all(is_kanji(c) for c in text[w.start : w.end]) for w in inside[:-1])


# What a post's name ends in besides a minister's: 委員長, 長官, 職員.
_POST_ENDINGS = ("長", "官", "員")


@cache
def _body_heads() -> frozenset[str]:
    """Return the heads that end a body's name and no person's: a party's, and the compound heads of
    bodies of two characters or more (one kanji, 会 or 軍, ends given names too)."""
    return proper_heads() | {head for head, type_ in compound_heads() if type_ == "Organization" and len(head) >= 2}


def from_ner(text: str, spans: Sequence[Span], known: Sequence[Candidate]) -> list[Candidate]:
    """Return GiNZA's spans whose labels can become nodes, except fragments and lists of known names."""
    mapping = ene_types()
    found = []
    for span in _places_joined(text, people_joined(text, spans), mapping):
        type_ = mapping.get(span.ene)
        if span.ene == "Game" and not _names_a_competition(text, span):
            type_ = None  # ベルリン・フィル as the model's game: an ensemble, not a competition
        if not type_:
            span = _with_event_head_after(text, span)
            dated = nfkc(text[span.start : span.end])
            type_ = "Event" if _DATED_ROUND.fullmatch(dated) and suffix_type(dated) == "Event" else ""
        group = type_ in ("", "Event", "Plan", "Organization") and _named_group(text, span)
        if group:
            span, type_ = replace(span, end=span.end + len(_OF_GROUP)), "Organization"  # …ファーストの会: a group so named
        idea = not type_ and span.ene in _IDEA_LABELS and _headed_after_words(text, span)
        if idea:
            type_ = suffix_type(text[span.start : span.end])  # …防止条例, …法制研究会: a name with a head
        association = span.ene == "Position_Vocation" and _names_an_association(text, span)
        if association:
            type_ = "Organization"  # 全国…会 as the model's post: a post's name never ends in 会
        organ = type_ in ("", "Organization") and _organ_of_state(text, span, known)
        if organ:
            type_ = "Organization"  # 大統領府, …機関の上級委員会: a state's or a known body's organ, whatever the label
        holder = None if type_ else _holding_body(text, span)
        if holder is not None:
            span, type_ = holder, "Organization"  # …ホールディングス傘下 as the model's product: the body it holds under
        executive = None if type_ or holder is not None or span.ene != "Position_Vocation" else _executive_of(text, span)
        if executive is not None:
            span, type_ = executive, "Organization"  # ABC物産会長 as the model's post: the company its chair heads
        listed = _people_listed(text, span) if type_ == "Person" else []
        if listed:
            trace.dropped(span.start, span.end, "model-list")
            found += [Candidate(start, end, NER, type="Person") for start, end in listed]
            continue
        if not type_ or _cut_mid_word(text, span.start, span.end) or _is_list(text, span, known) or _joins_names(text, span, type_):
            if trace.current() is not None:
                trace.dropped(span.start, span.end, _first_failed(text, span, known, type_))
            continue
        if type_ != "Person" and _cuts_quoted_title(text, span):
            trace.dropped(span.start, span.end, "inside-longer-name")
            continue  # 「…外伝…物語」: the quotation is one title, and the span a piece of it; a person it opens
            # with (「ゼノ伝」) is whom the work is about, a mention of that person
        if _crosses_parenthesis(text[span.start : span.end]):
            trace.dropped(span.start, span.end, "model-parenthesis")
            continue  # the model ran across a parenthesis: アジア太平洋経済協力（APEC）
        if _LIST_SLASH.search(nfkc(text[span.start : span.end])):
            trace.dropped(span.start, span.end, "model-list")
            continue  # 北浜新聞 / 外務省: the model ran across a slash that lists sources, and each is a name of its own
        if type_ != "Person" and ends_in_publication(text, span.end):
            trace.dropped(span.start, span.end, "model-not-a-name")
            continue  # ABC Energy Outlook: a body's report, no body
        if type_ != "Person" and _counted_bodies(text, span):
            trace.dropped(span.start, span.end, "model-not-a-name")
            continue  # ABC各社, 4省: the bodies a group or a count takes in, no one body
        if _ACRONYM.fullmatch(nfkc(text[span.start : span.end])) and not _proper_acronym(text, span):
            trace.dropped(span.start, span.end, "model-acronym")
            continue  # HTML, API, CSV: an acronym is a name when the dictionary, kg or the notes know it
        if text.startswith(("旧・", "元・"), span.start) and span.end - span.start > 4:
            span = replace(span, start=span.start + 2)  # 旧・日本製粉 is the old name 日本製粉
        elif text.startswith("現", span.start) and _proper_after(text, span.start + 1):
            span = replace(span, start=span.start + 1)  # 現三井情報株式会社 is the present name 三井情報株式会社
        else:
            span = _without_qualifier(text, span)
        if _toward_a_place(text, span, known) or _members_of(text, span, known) or (
                type_ in ("Organization", "Event") and _minister_post(text, span)):
            trace.dropped(span.start, span.end, "model-not-a-name")
            continue
        if type_ in ("Country", "Region") and nfkc(text[span.start : span.end]).endswith(_RAILWAY_OR_POWER) and span.end - span.start >= 2:
            type_ = "Organization"  # 北浜電: 電 (of 電鉄, 電力) ends a railway's or a power company's short name, no place's
        if type_ == "Person" and (_names_a_body(text, span) or _place_and_trade(text, span)):
            type_ = "Organization"  # 国民党, …金属工業 as the model's person: a body's head ends no person's name
        if type_ in ("Agreement", "Region") and _names_a_body(text, span):
            type_ = "Organization"  # …製薬 as the model's treaty, …造船 as its island: a company's trade ends no treaty or place
        if type_ == "Person" and (_names_a_route(text, span) or _names_a_term(text, span)):
            trace.dropped(span.start, span.end, "model-no-person")
            continue  # 北浜ルート: a trail or a line named after a place or a founder, no person; カイ二乗分布 a term
        if type_ == "Person":
            whole = _whole_person_name(text, span)
            span = _person_core(text, _without_title_after(text, _without_role(text, whole)))
            if span is None:
                trace.dropped(whole.start, whole.end, "model-no-person")
                continue
            if _ends_in_legal_form(text, span):
                type_ = "Organization"  # Drifty Co.: a company's form ends no person's name
        else:
            span = _cut_after_head(text, _without_article(text, span))
            if type_ == "Organization" and (_PERSON_SHAPE.fullmatch(nfkc(text[span.start : span.end]))
                                            or _named_after_handle(text, span)):
                type_ = "Person"  # Ryan J. A. Murphy, Иван Петров, kepano (Steph Ango): a person's name, not a body's
        if type_ in ("Country", "Region", "Organization"):
            span = _without_description(text, span, type_)
        if type_ in ("Country", "Region") and after_katakana_word(text, span.start):
            trace.dropped(span.start, span.end, "inside-longer-name")
            continue  # ガンバ大阪: the place ends a team's or a building's name
        if type_ == "Event":
            span = _with_year_before(text, span)
        cut = _without_describing_suffix(text, span)
        if type_ == "Organization":
            cut = _without_headline_acts(text, cut)
        if cut != span and text[cut.end : span.end] == "戦" and type_ == "Event":
            type_ = "Organization"  # スピアーズ戦 is a match; スピアーズ is the team
        span, headed_by = _with_org_head(text, cut, type_)
        if type_ == "Organization":
            span = _with_field_words_before(text, span)
        dictionary_law = _law_of_the_dictionary(text, span, type_)
        described = span.ene == "Company" and described_as_company(text, span.start, span.end)
        if (span.ene not in kept_labels() and _is_one_common_word(text, span) and not (dictionary_law or described)) \
                or _heads_only(text, span):
            trace.dropped(span.start, span.end, "model-common-word")
            continue  # 国営銀行, 開発銀行: a common word, whatever its head; 部会・分科会: kinds of body
        if span.ene not in kept_labels() and _term_of_the_trade(text, span):
            trace.dropped(span.start, span.end, "model-not-a-name")
            continue  # ローカルJSON, Textbundleフォーマット: a thing, not a body
        if type_ == "Country" and (_ends_in_region_head(_last_word(text, span)) or _ends_in_lesser_place(text, span)):
            type_ = "Region"  # ジョホール州 is a state of a country, not one, and 東京都芝 a district
        if type_ == "Organization" and _one_address_word(text, span):
            type_ = "Region"  # 北海道千歳市 written as one word of the dictionary is a town, whatever the model calls it
        head = suffix_type(text[span.start : span.end]) or headed_by
        # a label kept as the model found it, unless common words end in a head of another kind or in a generic
        # word (最終報告書 as a conference: 報告書 is a report, and a final one is a kind of report)
        last = _last_word(text, span)
        # a council and its sessions share a head (…会議), so a meeting the model sees where a council's head
        # stands (人口戦略会議 as a conference) is still a name
        other_kind = head and head != type_ and (head, type_) != ("Organization", "Event")
        kept = association or organ or holder is not None or executive is not None or dictionary_law or idea or described or group or (
            span.ene in kept_labels() and not (_common_words_only(text, span) and (
                other_kind or (last in generic_words() and last != nfkc(text[span.start : span.end])))))
        if type_ == "Organization" and not head and _foreign_company(text, span):
            span = replace(span, start=span.start + 1)  # 米クラウドストライク: the company of 米国 is クラウドストライク
            found.append(Candidate(span.start, span.end, NER, type=type_))
            continue
        if type_ == "Organization" and _field_bureau(text, span):
            head = "Organization"  # 北浜交易局 as the model's body: a bureau named by its field
        if ((head and not (_common_words_only(text, span) and not _field_bureau(text, span))) or kept or _looks_like_a_name(text, span)
                or _of_a_country(text, span) or (type_ == head == "Plan" and _long_kanji_name(text, span))
                or (type_ == "Organization" and _party_of_words(text, span))):
            end = year_after(text, span.end) if (head or type_) == "Event" else span.end
            found.append(Candidate(span.start, end, NER, type=head or type_, headed=bool(head)))
        else:
            trace.dropped(span.start, span.end, "model-not-a-name")
    return found


# The edition or the year a competition's name holds: 第45回…, 2019年…, …2019.
_EDITION_OR_YEAR = re.compile(r"第\d+回|(?<!\d)(1[89]|20)\d\d(?!\d)")


def _names_a_competition(text: str, span: Span) -> bool:
    """Return True for the model's competition (Game) that says it is one: it ends in an event's head word
    (…選手権, …杯, …カップ, …グランプリ) or holds its edition or year. The model also reads an ensemble
    (ベルリン・フィル) or a standard (IEC 62443) as a game."""
    last = _last_word(text, span)
    return (_EDITION_OR_YEAR.search(nfkc(text[span.start : span.end])) is not None
            or (heads_by_word().get(last) or ends_in_head(last)) == "Event")


def people_joined(text: str, spans: Sequence[Span]) -> list[Span]:
    """Return the spans with two katakana person spans the model cut just after or before a ・ or =
    made one (ジョルジャ・ and メローニ are ジョルジャ・メローニ): a Western name is written in parts joined
    so. Kanji names joined by ・ are a list of people (高橋義雄・渡辺治), and so are spans that meet at
    no joiner of their own."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        last = joined[-1] if joined else None
        if (last is not None and last.ene == span.ene == "Person" and last.start < last.end == span.start < span.end
                and (text[last.end - 1] in _JOINERS or text[span.start] in _JOINERS)
                and all(is_katakana(c) or c in _JOINERS for c in text[last.start : span.end])):
            joined[-1] = replace(last, end=span.end)
        else:
            joined.append(span)
    return joined


def _places_joined(text: str, spans: Sequence[Span], mapping: dict[str, str]) -> list[Span]:
    """Return the spans with a place the model finds in hiragana right before a body's span made part of the body
    (かながわ of かながわ北浜センター): a local body writes its place so in its name, where hiragana alone names no
    place kg keeps. The hiragana is nouns from a word's start: a verb's tail (…づける) is no place. A place in kanji
    before a body (神奈川県北浜センター) is read by the rules of compounds."""
    joined: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        last = joined[-1] if joined else None
        place = words_within(text, last.start, last.end) if last is not None else []
        if (last is not None and last.end == span.start and mapping.get(last.ene) in ("Region", "Country")
                and mapping.get(span.ene) == "Organization" and all(is_hiragana(c) for c in text[last.start : last.end])
                and place and place[0].start == last.start and all(w.pos[0] == "名詞" for w in place)):
            joined[-1] = replace(span, start=last.start)
        else:
            joined.append(span)
    return joined


def _people_listed(text: str, span: Span) -> list[tuple[int, int]]:
    """Return the names a person span lists with ・ when its parts are written in kanji and in katakana
    (石破・トランプ, two leaders in a headline) or all in kanji, each with a word the dictionary knows as a person's
    name (北浜・杉森, two surnames), else []: a name in kanji is never joined by ・ to a foreign one in katakana, nor
    its surname to its given name, so each part is a person's name of its own (ジョン・スミス, all katakana, is one;
    主将・山田太郎 is a role and a name)."""
    surface = text[span.start : span.end]
    if "・" not in surface:
        return []
    parts, start = [], span.start
    for part in surface.split("・"):
        parts.append((start, start + len(part)))
        start += len(part) + 1
    kanji = [p for p in parts if p[1] - p[0] >= 2 and all(is_kanji(c) for c in text[p[0] : p[1]])]
    katakana = [p for p in parts if p[1] - p[0] >= 2 and all(is_katakana(c) for c in text[p[0] : p[1]])]
    named = any(w.person for w in words_within(text, span.start, span.end))
    mixed = kanji and katakana and len(kanji) + len(katakana) == len(parts)
    surnames = len(kanji) == len(parts) and all(any(w.person for w in words_within(text, *p)) for p in parts)
    return parts if (mixed or surnames) and named else []


def _first_failed(text: str, span: Span, known: Sequence[Candidate], type_: str | None) -> str:
    """Return the rule of from_ner's first check a model span fails (for kg explain)."""
    if not type_:
        return "model-label"
    if _cut_mid_word(text, span.start, span.end):
        return "model-mid-word"
    return "model-list" if _is_list(text, span, known) else "model-joins-names"


def _whole_person_name(text: str, span: Span) -> Span:
    """Return a person span widened over the surname or given name the model left out (根岸 of 根岸孝旨).

    Only words Sudachi knows as a surname (姓) just before or a given name (名) just after widen it.
    """
    found = words(text)
    start, end = span.start, span.end
    for w in found:
        if w.end == start and w.pos[2:4] == ("人名", "姓") and not any(v.start < start < v.end for v in found):
            start = w.start
        if w.start == end and w.pos[2:4] == ("人名", "名"):
            end = w.end
    end = _given_name_end(text, start, end)
    end = _one_kanji_rest(text, start, end)
    start = _joined_parts_start(text, start)
    return replace(span, start=start, end=end) if (start, end) != (span.start, span.end) else span


def _given_name_end(text: str, start: int, end: int) -> int:
    """Return where a kanji name ends when Sudachi cut its given name after one kanji it knows as a
    name's (木村甚 + 七, 田中徳 + 順): a one-kanji word after a surname and that kanji, with no kanji
    after it, is the rest of the given name, unless it is a suffix or names something of the person
    (name_words.tsv, roles of-person and group: 飯田伸役, 佐藤茂像, 山田家)."""
    last, after = word_ending(text, end), word_starting(text, end)
    if (last is None or after is None or last.start <= start or last.end - last.start != 1
            or last.pos[2:3] != ("人名",) or after.end - after.start != 1 or not is_kanji(text[after.start])
            or after.pos[0] == "接尾辞" or text[after.start] in name_words("of-person") | name_words("group")):
        return end
    return after.end if after.end == len(text) or not is_kanji(text[after.end]) else end


def _one_kanji_rest(text: str, start: int, end: int) -> int:
    """Return where a kanji name ends when the model left out its last kanji (河北義次 + 郎, 中野雅 + 至):
    a one-kanji noun right after a name written in kanji, with no kanji after it, is the rest of the name,
    unless it is a title, a counter, a suffix or a word for something of the person (name_words.tsv) or
    the head of a name of its own kind (田中町, 山田賞). A name the model ends before a longer word or
    before two kanji (佐藤監督, 佐藤の), and one kanji alone (董 of 董事), are left as they are."""
    after = word_starting(text, end)
    if (after is None or after.end - after.start != 1 or not is_kanji(text[after.start]) or end - start < 2
            or not all(is_kanji(c) for c in text[start:end]) or (after.end < len(text) and is_kanji(text[after.end]))):
        return end
    kanji = text[after.start]
    from kg.resolve.people import titles  # people.py reads this module's spans

    if (after.pos[0] != "名詞" or after.pos[1] in ("数詞", "代名詞") or after.pos[2] == "助数詞可能"
            or kanji in titles() | name_words("of-person") | name_words("group") | name_words("relation")
            or kanji in heads_by_word() or suffix_type(nfkc(text[start : after.end]))):
        return end
    return after.end


def _joined_parts_start(text: str, start: int) -> int:
    """Return where a katakana name starts when the model took only its last parts: the katakana
    words (or one Latin initial) joined to it by ・ or = before it are its first names (ケイト・ウィンスレット,
    ジョン・F・スミス), unless the dictionary knows them as places (アメリカ・マイアミ)."""
    if not (start and is_katakana(text[start])):
        return start
    while start >= 2 and text[start - 1] in _JOINERS:
        before = word_ending(text, start - 1)
        part = text[before.start : before.end] if before is not None else ""
        katakana = all(is_katakana(c) for c in part) and len(part) >= 2
        initial = len(part) == 1 and part.isascii() and part.isupper()
        common = before.pos[:2] == ("名詞", "普通名詞") and not before.unknown and not initial
        if not (katakana or initial) or before.pos[2:3] == ("地名",) or common:
            break
        start = before.start
    return start


def _person_core(text: str, span: Span) -> Span | None:
    """Return a person span that looks like a person's name, or None (リポーター, 中尉, 同社).

    A name has a word Sudachi knows as a proper noun or does not know (ムルダニ), or it is
    katakana parts joined by ・ or = (ジョン・スミス), or capitalised Latin words (John Smith).
    A span of common words only names a role or a thing, not a person.
    """
    inside = list(words_within(text, span.start, span.end))
    surface = nfkc(text[span.start : span.end])
    if any(c.isdigit() for c in surface) and "世" not in surface:
        return None  # 打率.341: a person's name has no digits but a regnal number (フセイン1世)
    if _former_occupation(surface):
        return None
    if not inside or any(w.proper or w.unknown for w in inside):
        return span
    if _KATAKANA_JOIN.search(surface) or _LATIN_NAME.fullmatch(surface):
        return span
    return None


# Words for a route, a trail or a line a name is given to (…ルート, …街道, …線): what ends them names no person.
_ROUTE_WORDS = frozenset({"ルート", "コース", "トレイル", "街道", "登山道", "線", "号線", "通り"})


def _names_a_route(text: str, span: Span) -> bool:
    """Return True for a person span that ends in a word for a route or stands right before one (北浜ルート,
    北浜 of 北浜ルートで): a trail, a road or a line named after a place or a person, not the person."""
    last, after = word_ending(text, span.end), word_starting(text, span.end)
    return any(w is not None and w.pos[0] in ("名詞", "接尾辞") and text[w.start : w.end] in _ROUTE_WORDS
               for w in (last, after))


def _names_a_term(text: str, span: Span) -> bool:
    """Return True for a person span that ends in a term's head or stands right before a run of nouns that ends
    in one (マシューズ相関係数, カイ of カイ二乗分布, ブラウン–フォーサイス of …検定: kg/data/eponym_heads.txt): a
    term named after a person or written with a letter's name, not the person. A title after the name
    (ナッシュ氏, …首相) or a particle (ベイズの定理 names the person, as ハイデッガーの哲学 does) leaves it."""
    last = word_ending(text, span.end)
    if last is not None and last.pos[0] == "名詞" and not last.proper and _ends_in_eponym_head(text[last.start : last.end]):
        return True
    run_end, at = span.end, word_starting(text, span.end)
    while at is not None and (at.pos[:2] in (("名詞", "普通名詞"), ("名詞", "数詞")) or at.pos[0] == "接尾辞"):
        run_end, at = at.end, word_starting(text, at.end)
    return run_end > span.end and _ends_in_eponym_head(text[span.end : run_end])


def _ends_in_eponym_head(words_run: str) -> bool:
    """Return True for a run of nouns that ends in a head of kg/data/eponym_heads.txt (二乗分布, 相関係数)."""
    return nfkc(words_run).endswith(tuple(eponym_heads()))


@cache
def eponym_heads() -> frozenset[str]:
    """Return the heads of terms named after a person or a letter (kg/data/eponym_heads.txt)."""
    return frozenset(nfkc(line) for line in read_lines("eponym_heads.txt"))


# Words for a former or present holder before an occupation (元プロボクサー, 前監督): see _former_occupation.
_FORMER = ("元", "前", "現", "故")


def _former_occupation(surface: str) -> bool:
    """Return True for a word for a former holder before common nouns (元プロボクサー, 前コーチ): an occupation,
    which Sudachi may hold as one proper noun with the prefix (元プロ), no person's name. A surname opening with
    the same kanji (前田, 元木) is a person's name word to the dictionary and stays a name."""
    found = words(surface)
    if not surface.startswith(_FORMER) or len(surface) < 3 or not found or found[0].person:
        return False
    rest = words(surface[1:])
    return all(w.pos[:2] == ("名詞", "普通名詞") and not w.unknown for w in rest)


def _without_qualifier(text: str, span: Span) -> Span:
    """Return a span without the qualifier before a headed name (旧 of 旧ODA大綱, 前 of 前XX委員会): the old
    or former body or plan is the one the name names, as a run of words starts after one."""
    first = next(iter(words_within(text, span.start, span.end)), None)
    rest = text[first.end : span.end] if first is not None else ""
    if first is None or first.start != span.start or not strips_qualifier(text[first.start : first.end], rest):
        return span
    return replace(span, start=first.end) if len(rest) >= 3 and suffix_type(rest) else span


def _toward_a_place(text: str, span: Span, known: Sequence[Candidate]) -> bool:
    """Return True for 対 before a known country or region and common words with no head (対アフリカ協力,
    対中外交): the writer's phrase for what is done towards the place, not a name."""
    if not text.startswith("対", span.start) or suffix_type(text[span.start : span.end]):
        return False
    place = next((c for c in known if c.start == span.start + 1 and c.type in ("Country", "Region")), None)
    if place is None or place.end >= span.end:
        return False
    rest = list(words_within(text, place.end, span.end))
    return bool(rest) and all(w.pos[:2] == ("名詞", "普通名詞") and not w.unknown for w in rest)


def _members_of(text: str, span: Span, known: Sequence[Candidate]) -> bool:
    """Return True for a known body and a word for those who belong to it (国連加盟国, …理事国,
    name_words.tsv, role member): the states or people are no place or body of their own, and the
    mention reads the body."""
    rest = nfkc(text[span.start : span.end])
    return any(c.start == span.start and c.end < span.end and rest[c.end - span.start :] in name_words("member")
               for c in known)


def _without_role(text: str, span: Span) -> Span:
    """Return a person span without the words before the name that say who the person is, when a word
    Sudachi knows as a person's name follows them: a kinship or a calling (長女 of 長女花子, 詩人 of
    詩人山田一郎: name_words.tsv, role relation), a player's position in capitals (FW of FW佐藤寿人), or
    common kanji words set off by ・ (主将・ of 主将・山田太郎). Other common words before a name may be its
    surname (垣根洋平) and a common katakana word its first name (ローワン・ウィリアムズ)."""
    inside = list(words_within(text, span.start, span.end))
    if not inside:  # the span cuts inside a word (田中 of 田中前, one word to Sudachi)
        return span
    lead = 0
    while lead < len(inside) - 1 and inside[lead].pos[:2] == ("名詞", "普通名詞") and not inside[lead].unknown:
        lead += 1
    joined = bool(lead) and text[inside[lead].start] in _JOINERS and lead + 1 < len(inside)
    words_before = nfkc(text[span.start : inside[lead].start])
    rest = inside[lead + 1] if joined else inside[lead]
    if not lead or rest.pos[2:3] != ("人名",) or not is_kanji(text[rest.start]):
        return span
    described = (
        words_before in name_words("relation")
        or (words_before.isascii() and words_before.isupper())
        or (joined and all(is_kanji(c) for c in words_before))
    )
    return replace(span, start=rest.start) if described else span


def _without_title_after(text: str, span: Span) -> Span:
    """Return a person span without a title or a word for something of the person after the name (船長
    of 鈴木船長, 本人 of 田中本人, 兄弟 of ロペス兄弟: kg/data/titles.txt, name_words.tsv role of-person),
    when a word Sudachi knows as a person's name comes before it."""
    from kg.resolve.people import titles  # people.py reads this module's spans

    inside = list(words_within(text, span.start, span.end))
    after = name_words("of-person") | titles()
    for i in range(len(inside) - 1, 0, -1):
        tail = nfkc(text[inside[i].start : span.end])
        if tail in after and inside[i - 1].pos[2:3] == ("人名",):
            return replace(span, end=inside[i - 1].end)
    return span


def _without_article(text: str, span: Span) -> Span:
    """Return a span without the article it cites of the law before it: 海洋基本法第16条 is a mention
    of 海洋基本法."""
    return replace(span, end=before_article(text, span.start, span.end))


def _with_year_before(text: str, span: Span) -> Span:
    """Return an event's span with the year written just before it, which names the edition
    (2010 FIFAワールドカップ, 1964年東京オリンピック); one written onto its end does too (東京モーターショー2019).
    An event held every year and named by its head alone (春闘) takes a year in two digits too (25年春闘): news
    writes the year's round so, and without it the word is the institution."""
    start = year_before(text, span.start)
    short = _SHORT_YEAR_BEFORE.search(text, 0, span.start) if start == span.start else None
    if short is not None and short.end() == span.start and _is_bare_event_head(text, span):
        return replace(span, start=short.start())
    return replace(span, start=start)


# A year written in two digits and 年 (25年), not the end of a longer number: a year's round of an event.
_SHORT_YEAR_BEFORE = re.compile(r"(?<![0-9０-９])[0-9]{2}年$")
# A year in four or two digits and 年 and a head alone: a model span that reads 25年春闘 as a date.
_DATED_ROUND = re.compile(r"(?:(?:19|20)[0-9]{2}|[0-9]{2})年[^0-9年]+")


# The model's labels for an idea, a method or a printed work: a span of them that ends in the head of a body or a law
# after two words or more is named by that head (…防止条例, …法制研究会), where it says what the model did not.
_IDEA_LABELS = frozenset({"Doctrine_Method_Other", "Printing_Other"})


def _headed_after_words(text: str, span: Span) -> bool:
    """Return True for a span whose head noun of a body or a law has two words or more before it (・ between them),
    none of them a particle, and that is no product's name: …・…防止条例, …基準関係法制研究会, not 研究会 or 防止条例 alone.
    A scheme's head (…制度) is left: 個人通報制度 and 排出量取引制度 are kinds of scheme as often as names, and so is a
    system's (…取引デジタルプラットフォーム: name_words.tsv, role thing), a body's head as often as a thing's."""
    surface = nfkc(text[span.start : span.end])
    if suffix_type(surface) not in ("Organization", "Law") or is_product(surface) or any(is_hiragana(c) for c in surface):
        return False
    if surface.endswith(tuple(name_words("thing"))):
        return False
    front = [w for w in words_within(text, span.start, span.end - head_length(surface)) if text[w.start : w.end] != "・"]
    return len(front) >= 2 and all(w.pos[0] in ("名詞", "接頭辞") for w in front)


def _with_event_head_after(text: str, span: Span) -> Span:
    """Return a year the model reads as a date (25年, 2025年) widened over an event's head written right after it
    as one word (25年春闘): the year's round of an event held every year. Anything else is left as it is."""
    if not _YEAR_ONLY.fullmatch(nfkc(text[span.start : span.end])):
        return span
    head = word_starting(text, span.end)
    if head is None or not _is_bare_event_head(text, Span(head.start, head.end, span.ene)):
        return span
    return replace(span, end=head.end)


# A year alone, in four or two digits, with 年.
_YEAR_ONLY = re.compile(r"(?:(?:19|20)[0-9]{2}|[0-9]{2})年")


def _is_bare_event_head(text: str, span: Span) -> bool:
    """Return True when a span is only an event's head noun, one word of the dictionary (春闘, 総選挙)."""
    surface = nfkc(text[span.start : span.end])
    return len(words(surface)) == 1 and any(surface == head and type_ == "Event" for head, type_ in type_suffixes())


def year_after(text: str, end: int) -> int:
    """Return where a year written onto the end of a name at text[:end] ends (end when there is none)."""
    found = _YEAR_AFTER.match(text, end)
    return found.end() if found is not None and end and not text[end - 1].isdigit() else end


def year_before(text: str, start: int) -> int:
    """Return where a year written just before text[start:] starts (start when there is none)."""
    found = _YEAR_BEFORE.search(text, 0, start)
    if found is not None and found.end() == start and (found.start() == 0 or not text[found.start() - 1].isdigit()):
        return found.start()
    return start


def with_years(text: str, known: Sequence[Candidate]) -> list[Candidate]:
    """Return the editions of events that a year or an ordinal before them names (2010 FIFAワールドカップ,
    第29回日EU定期首脳協議): one edition is one node, as the text numbers it.

    A version of a plan or law for a group or a country written before it (女性版…の方針2024, 日本版…: a noun
    and 版) is a plan or law of its own, with its year. An edition of a name found by its head is as trusted
    as that name, so that it wins over it.
    """
    found = []
    for cand in known:
        version = VERSION_BEFORE.search(text, max(0, cand.start - 9), cand.start) if cand.type in ("Plan", "Law") else None
        if version is not None:
            found.append(Candidate(version.start(), year_after(text, cand.end), HEADED, type=cand.type, headed=True))
            continue
        start = edition_before(text, cand.start) if cand.type == "Event" else cand.start
        end = year_after(text, cand.end) if cand.type == "Event" else cand.end
        if (start, end) != (cand.start, cand.end):
            trust = cand.trust if cand.trust in (QUOTED, HEADED) else COMPOUND
            found.append(Candidate(start, end, trust, type="Event", headed=True))
    return found


def edition_before(text: str, start: int) -> int:
    """Return where the year or the ordinal (第29回) written just before text[start:] starts."""
    ordinal = _ORDINAL_BEFORE.search(text, 0, start)
    if ordinal is not None and ordinal.end() == start:
        return ordinal.start()
    return year_before(text, start)


def _proper_acronym(text: str, span: Span) -> bool:
    """Return True for an acronym the dictionary knows as a proper noun (NHK, IBM); the common ones
    (HTML, API) and the unknown ones (CSV) are technical terms as often as names, and a known or
    defined acronym reaches the graph as a known name anyway."""
    inside = list(words_over(text, span.start, span.end))
    return any(w.proper for w in inside)


def _proper_after(text: str, i: int) -> bool:
    """Return True when a word starts at text[i] and the dictionary knows it as a proper noun."""
    return any(w.start == i and w.proper for w in words(text))


def _cut_after_head(text: str, span: Span) -> Span:
    """Return a span cut after the head of a name when only common words follow it: 講師 of
    東京高等工芸学校講師, 理事 of …特別委員会理事, 政策顧問 of 米国製造業評議会政策顧問 are roles."""
    inside = list(words_within(text, span.start, span.end))
    heads = heads_by_word()
    for i in range(len(inside) - 2, -1, -1):
        tail = inside[i + 1 :]
        if not all(w.pos[:2] == ("名詞", "普通名詞") and not w.unknown for w in tail):
            return span
        if any(nfkc(text[w.start : w.end]) in heads for w in tail):
            return span
        word = nfkc(text[inside[i].start : inside[i].end])
        if i > 0 and (word in heads or suffix_type(nfkc(text[span.start : inside[i].end]))):
            return replace(span, end=inside[i].end)
    return span


def _with_org_head(text: str, span: Span, type_: str) -> tuple[Span, str]:
    """Return a span of an organisation widened over the head word of its name right after it,
    and that head's type (ユナイテッド航空 of ユナイテッド, 京都サンガF.C.), else the span and ""."""
    if type_ != "Organization":
        return span, ""
    after = next((w for w in words(text) if w.start == span.end), None)
    head = heads_by_word().get(nfkc(text[after.start : after.end])) if after is not None else None
    if head != "Organization":
        return _through_of(text, span)
    return replace(span, end=after.end), head


def _through_of(text: str, span: Span) -> tuple[Span, str]:
    """Return a body's span widened over の and one field word and a body's head after it when the span ends in a
    common noun, not a name (ゾルタ子ども of ゾルタ子どもの権利委員会: the model cut the name at its の), with the
    head's type; else the span and "". A span that is a name of its own (日本 of 日本の外務省) keeps its end."""
    last = word_ending(text, span.end)
    if all(c in country_abbreviations() for c in text[span.start : span.end]):
        return span, ""  # 日豪印の保健当局: the countries' bodies, each its own
    if last is None or last.pos[:2] != ("名詞", "普通名詞") or last.unknown or last.start <= span.start \
            or head_type(nfkc(text[span.start : span.end])) \
            or suffix_type(nfkc(text[span.start : span.end])) or not text.startswith("の", span.end):
        return span, ""
    field, head = word_starting(text, span.end + 1), None
    if field is not None and field.pos[:2] == ("名詞", "普通名詞") and not head_type(nfkc(text[field.start : field.end])):
        head = word_starting(text, field.end)
    if head is None or heads_by_word().get(nfkc(text[head.start : head.end])) != "Organization":
        return span, ""
    return replace(span, end=head.end), "Organization"


def _with_field_words_before(text: str, span: Span) -> Span:
    """Return a body's span widened back over the kanji common nouns right before it when the span is
    common nouns ending in a body's head (…施設 of …施設安全評価センター, the model's span cut inside the run):
    one run of such nouns names one body. A word for a time (昨年), a number or a prefix (同) ends the run."""
    inside = list(words_within(text, span.start, span.end))
    if not inside or suffix_type(text[span.start : span.end]) != "Organization" or not _common_words_only(text, span, kanji=False):
        return span
    start, taken = span.start, 0
    while taken < 4 and (word := word_ending(text, start)) is not None and _field_noun(text, word):
        start, taken = word.start, taken + 1
    return replace(span, start=start)


def _field_noun(text: str, word: Word) -> bool:
    """Return True for a kanji common noun of the dictionary that names a field or a thing (施設, 安全), not a time."""
    return word.pos[:2] == ("名詞", "普通名詞") and word.pos[2] in ("一般", "サ変可能") and not word.unknown \
        and all(is_kanji(c) for c in text[word.start : word.end])


def _without_describing_suffix(text: str, span: Span) -> Span:
    """Return a span without a suffix that makes it a description (向け of 日本企業向け, 製 of 日本製,
    出身 of ペルー出身) or a time around it (後 of 第二次世界大戦後, 以降 of …以降)."""
    span = replace(span, end=before_time_words(text, span.start, span.end))
    inside = list(words_within(text, span.start, span.end))
    last = text[inside[-1].start : inside[-1].end] if inside else ""
    if len(inside) >= 2 and ((inside[-1].pos[0] == "接尾辞" and last in name_words("describing")) or last in name_words("origin")):
        return replace(span, end=inside[-2].end)  # ペルー出身 is where a person comes from, a noun to Sudachi
    for before, word in zip(inside, inside[1:-1]):
        if (word.pos[0] == "接尾辞" and text[word.start : word.end] in name_words("describing")
                and before.pos[2:3] == ("地名",)):
            return replace(span, end=before.end)  # 日本産水産物 is goods from Japan: the place is the name
    if text[span.start : span.end].endswith("向け") and span.end - span.start > 3:
        return replace(span, end=span.end - 2)  # 企業向け is one word of the dictionary
    if len(inside) >= 2 and _made_by(text, inside):
        return replace(span, end=inside[-2].end)  # ABC機, ABCブランド, ABC北浜線: the company's thing, the company named
    return span


def _without_headline_acts(text: str, span: Span) -> Span:
    """Return a body's span without the kanji words for acts a headline writes after a katakana or Latin name
    (買収完了 of ABCスチール買収完了: サ変 nouns): the company is the name."""
    inside = list(words_within(text, span.start, span.end))
    acts = len(inside)
    while acts > 1 and inside[acts - 1].pos[:3] == ("名詞", "普通名詞", "サ変可能") and is_kanji(text[inside[acts - 1].start]):
        acts -= 1
    if acts < len(inside) and all(is_katakana(c) or is_ascii_alnum(c) or c == "・"
                                  for c in nfkc(text[span.start : inside[acts - 1].end])):
        return replace(span, end=inside[acts - 1].end)
    return span


def _made_by(text: str, inside: Sequence[Word]) -> bool:
    """Return True when a span's last word is a thing a company makes, flies, sells or runs (機, ブランド: name_words.tsv,
    role made; a line's proper name ending in 線, 環状線) and the word before it a proper noun, a word the dictionary
    lacks or katakana: the span names the aircraft, the brand or the line, and the company before it is the mention.
    After common words (旅客機, 高級ブランド) the span names a kind of thing."""
    last, before = inside[-1], inside[-2]
    word = nfkc(text[last.start : last.end])
    line = last.proper and word.endswith(_LINE) and len(word) > len(_LINE)
    return (word in name_words("made") or line) and (
        before.proper or before.unknown or all(is_katakana(c) for c in text[before.start : before.end]))


# The head of a railway's or a metro's line (環状線, 北浜線): no node, a place where a company runs trains.
_LINE = "線"
# What makes a span the bodies of a group, no one body: each of them (各社, 各省) or a count of them (4省, 5社).
_EACH = "各"
# The suffix of an area named by what is around it or what it does (北浜交通圏, 通勤圏).
_AREA = "圏"


def _counted_bodies(text: str, span: Span) -> bool:
    """Return True for a span ending in a word for each body of a group (ABC各社, 各省庁), made of a number and
    a counter for bodies (4省, 5社), or ending in the suffix of an area (北浜交通圏): a group or a count of bodies,
    or the area a trade is done in, no one body."""
    inside = list(words_within(text, span.start, span.end))
    if not inside:
        return False
    last = nfkc(text[inside[-1].start : span.end])
    counted = len(inside) == 2 and inside[0].pos[1] == "数詞" and inside[1].pos[0] == "接尾辞"
    return (last.startswith(_EACH) and len(last) >= 2) or counted or (len(inside) >= 2 and last == _AREA)


def _of_a_country(text: str, span: Span) -> bool:
    """Return True for a span that opens with a country's one-character form as a word of its own and
    ends in a head that names an organ or act of a state (米労働省, 英外務省, 米大統領選): the country
    makes the common words after it a name. The dictionary may hold the form and the office as one word
    (米大統領 of 米大統領選挙): the form then opens it before one common word."""
    inside = list(words_over(text, span.start, span.end))
    if len(inside) < 2 or text[span.start] not in country_abbreviations():
        return False
    first = inside[0]
    office = [w.pos[:2] for w in words(text[first.start + 1 : first.end])] == [("名詞", "普通名詞")]
    own_word = first.end - first.start == 1 or (first.pos[:2] == ("名詞", "普通名詞") and office)
    rest = nfkc(text[inside[0].end : span.end])
    # 両 says the words after it are the two countries' own, no one organ (日中両政府, 米英両国)
    return own_word and not rest.startswith("両") and (rest.endswith(state_heads()) or rest.endswith(_ELECTIONS))


# What a head of state's title takes to name the office that serves it: 府 or 室 (大統領府, 首相府, 大統領室).
_OFFICES = ("府", "室")
# What says the body before it has others under it: …傘下の財団.
_UNDER = "傘下"
# What ends a sentence's predicate: a noun before it says what the topic is (…は北方国の中央銀行だ).
_PREDICATE_ENDS = ("。", "だ", "である", "です")


def _organ_of_state(text: str, span: Span, known: Sequence[Candidate]) -> bool:
    """Return True for a head of state's office (大統領府, 首相府, 大統領室: a title of kg/data/state_heads.txt and 府 or
    室), for two words or more ending in a body's head that の sets after a country or a body kg knows (…機関の上級委員会,
    北方国の関税総署, 北方国の海洋部) or that has bodies under it (…海洋部傘下): the state or the body makes its organ's
    common words a name. One word and the head
    (…の委員会) make a kind, a post after the words (…局委員) is a member's, and a predicate (…の中央銀行だ) or a
    quoted name after them (…の劇団「…」) says what a body is."""
    surface = nfkc(text[span.start : span.end])
    if surface.endswith(_OFFICES) and surface[:-1] in state_heads():
        return True
    inside = words_within(text, span.start, span.end)
    if text.startswith(_UNDER, span.end) and _organ_words(text, span, inside):
        return True  # 北方国海洋部傘下の…: a body with bodies under it
    if span.start < 2 or text[span.start - 1] != "の" or not any(
            c.end == span.start - 1 and c.type in ("Country", "Organization") for c in known):
        return False
    from kg.resolve.people import titles  # people.py reads this module's spans

    after = word_starting(text, span.end)
    posts = titles() | name_words("chair")
    if after is not None and nfkc(text[after.start : after.end]) in posts or text.startswith(_PREDICATE_ENDS, span.end) \
            or text.startswith(("「", "『"), span.end):
        return False  # …の中央政治局委員: a member's post; …は日本の中央銀行だ, …の芸能事務所「…」: what a body is
    return _organ_words(text, span, inside)


def _organ_words(text: str, span: Span, inside: Sequence[Word]) -> bool:
    """Return True for a span of two words or more, no numeral among them, that ends in a body's head or in the
    one-kanji head of a foreign state's organ (…安全保障局, 国家情報院)."""
    surface = nfkc(text[span.start : span.end])
    return (len(inside) >= 2 and (inside[0].start, inside[-1].end) == (span.start, span.end)
            and (head_type(surface) == "Organization" or surface.endswith(ORGAN_HEADS))
            and not any(w.pos[1] == "数詞" for w in inside))


def _foreign_company(text: str, span: Span) -> bool:
    """Return True for a body the model finds as a country's one-character form and a katakana name of
    three characters or more (米クラウドストライク, 英ヨモギ): news writes a foreign company so, and the
    country vouches for the katakana as a name though its words be common ones."""
    rest = text[span.start + 1 : span.end]
    first = word_starting(text, span.start)
    return (text[span.start] in country_abbreviations() and first is not None and first.end == span.start + 1
            and len(rest) >= 3 and all(is_katakana(c) or c in _JOINERS for c in rest) and is_katakana(rest[0]))


def _common_words_only(text: str, span: Span, kanji: bool = True) -> bool:
    """Return True for a span of common words of the dictionary only, kanji ones unless told
    otherwise (国営銀行): a head does not make them a name."""
    inside = list(words_over(text, span.start, span.end))
    return bool(inside) and all(
        w.pos[:2] == ("名詞", "普通名詞") and not w.unknown and (is_kanji(text[w.start]) or not kanji) for w in inside
    )


def _long_kanji_name(text: str, span: Span) -> bool:
    """Return True for a span of four or more common kanji words (地球温暖化対策計画): a plan the model
    names so is one of a state, as a long head after three words is in plain text; 事業計画 is a kind."""
    inside = list(words_over(text, span.start, span.end))
    return len(inside) >= 4 and _common_words_only(text, span)


def _heads_only(text: str, span: Span) -> bool:
    """Return True for head nouns alone joined by ・ (部会・分科会, 条約・協定): kinds of thing listed, no name."""
    parts = nfkc(text[span.start : span.end]).split("・")
    heads = {head for head, _ in type_suffixes()}
    return len(parts) >= 2 and all(p in heads for p in parts)


def _is_one_common_word(text: str, span: Span) -> bool:
    """Return True for a span that is one common noun of the dictionary (国営銀行), or an English one
    with an ending (Updates, Unchecked): a word of a user interface or a table, not a name."""
    inside = list(words_over(text, span.start, span.end))
    return len(inside) == 1 and (inside[0].start, inside[0].end) == (span.start, span.end) and (
        (inside[0].pos[:2] == ("名詞", "普通名詞") and not inside[0].unknown)
        or inflects_common_word(text[span.start : span.end]))


def _law_of_the_dictionary(text: str, span: Span, type_: str) -> bool:
    """Return True for the model's law that ends in the head of a named law (…基本法, …推進法) with two
    characters or more before it: the dictionary holds a well-known law as one common word, which names the
    law all the same, while a bare head or one character before it (基本法, 新法) is a kind."""
    name = nfkc(text[span.start : span.end])
    return type_ == "Law" and any(name.endswith(h) and len(name) - len(h) >= 2 for h in named_heads()
                                  if suffix_type(h) == "Law")


def _named_after_handle(text: str, span: Span) -> bool:
    """Return True for capitalised Latin words in parentheses after a user name that opens its line
    (kepano (Steph Ango), CawlinTeffid (Colin Tedford)): the person's own name. A user name is one run
    of letters and digits in lower case or with a capital inside it; a capitalised word or an acronym
    before a parenthesis is a name that the parenthesis spells out (NTT (Nippon Telegraph …))."""
    line_start = text.rfind("\n", 0, span.start) + 1
    handle = _HANDLE_BEFORE.fullmatch(text, line_start, span.start)
    close = text[span.end : span.end + 1] == ")" or text.startswith("](", span.end)
    return handle is not None and close and bool(_PERSON_WORDS.fullmatch(nfkc(text[span.start : span.end])))


def _ends_in_legal_form(text: str, span: Span) -> bool:
    """Return True for a span that ends in a company's legal form, with the full stop the model may
    leave out of it (Drifty Co.)."""
    surface = nfkc(text[span.start : span.end] + ("." if text.startswith(".", span.end) else ""))
    return without_legal_form(surface) != surface


def _term_of_the_trade(text: str, span: Span) -> bool:
    """Return True for katakana common nouns with an acronym of three letters or more after them that the
    dictionary knows as no proper noun (ローカルJSON, リモートXML), or a capitalised Latin word with katakana
    common nouns after it that name no body (Textbundleフォーマット): a thing of software, where a name
    has a proper word, an acronym of its own (NTTドコモ) or a head noun (Sansan株式会社, Zホールディングス).
    Two capitals after common words are a club's or a group's form as often (セルティックFC, ヤマトHD)."""
    inside = list(words_within(text, span.start, span.end))
    surface = nfkc(text[span.start : span.end])
    if len(inside) < 2 or (inside[0].start, inside[-1].end) != (span.start, span.end) or suffix_type(surface):
        return False
    first, last = (nfkc(text[w.start : w.end]) for w in (inside[0], inside[-1]))
    if _ACRONYM.fullmatch(first) and len(first) >= 3 and len(inside) == 2:
        # ABC処理水: an acronym's system and a kanji common word of three characters or more that is no head of a
        # body (…銀行, …研究所) is a thing it makes or does, where a short word (…総研) may be a company's own
        return (not inside[-1].proper and len(last) >= 3 and all(is_kanji(c) for c in last)
                and inside[-1].pos[:2] == ("名詞", "普通名詞") and not ends_in_head(last) and last not in heads_by_word())
    if _ACRONYM.fullmatch(last) and len(last) >= 3:
        return (not inside[-1].proper and all(is_katakana(c) for c in nfkc(text[span.start : inside[-1].start]))
                and only_common_nouns(inside[:-1]))
    rest = nfkc(text[inside[0].end : span.end])
    return (bool(_CAPITALISED_WORD.fullmatch(first)) and all(is_katakana(c) for c in rest)
            and only_common_nouns(inside[1:]) and not any(rest.endswith(w) for w in name_words("maker")))


def _ends_in_region_head(word: str) -> bool:
    """Return True for a word that is or ends in the head of a region's name (州, 県, 省, 市)."""
    return any(word.endswith(head) for head, type_ in compound_heads() if type_ == "Region" and len(word) > len(head))


def _ends_in_lesser_place(text: str, span: Span) -> bool:
    """Return True when a span's last word is a place name that Sudachi does not know as a country."""
    inside = words_within(text, span.start, span.end)
    return bool(inside) and inside[-1].pos[:3] == ("名詞", "固有名詞", "地名") and inside[-1].pos[3] != "国"


def _cuts_quoted_title(text: str, span: Span) -> bool:
    """Return True for a span that opens a quotation and ends inside it before more name characters,
    kanji, katakana or Latin only (「ゼノ外伝ナイトゼノ物語」): the quotation is one title and the span a
    piece of it. A quotation that says more (「…の成果」) goes on past a particle and is left alone."""
    closing = {"「": "」", "『": "』"}.get(text[span.start - 1 : span.start]) if span.start else None
    end = text.find(closing, span.end) if closing else -1
    rest = text[span.end : end]
    return end > span.end and all(is_name_char(c) and not is_hiragana(c) for c in rest)


def _one_address_word(text: str, span: Span) -> bool:
    """Return True for a span that is one word the dictionary knows as a place and that holds two places
    or more, an address (北海道千歳市, 兵庫県加古郡播磨町)."""
    inside = list(words_within(text, span.start, span.end))
    return (len(inside) == 1 and (inside[0].start, inside[0].end) == (span.start, span.end)
            and inside[0].pos[:3] == ("名詞", "固有名詞", "地名") and bool(places_in(text[span.start : span.end])))


def _holding_body(text: str, span: Span) -> Span | None:
    """Return a span without its last word when that word treats what comes before as a body (傘下 of
    …ホールディングス傘下: product_cues.tsv, maker-after) and what comes before ends in a body's head as
    _names_a_body reads it; else None. The model labels the run a product or goods."""
    inside = list(words_within(text, span.start, span.end))
    if len(inside) < 2 or nfkc(text[inside[-1].start : span.end]) not in maker_cues():
        return None
    body = replace(span, end=inside[-2].end)
    return body if _names_a_body(text, body) else None


def _executive_of(text: str, span: Span) -> Span | None:
    """Return a post span without its last word when that word is the title of a company's head (会長, 社長:
    name_words.tsv, role executive) and the one word before it a proper noun of no narrower kind (ABC物産社長,
    as the model labels the whole a post): the name is the company's, else None. A common word or a
    place before the title (全国会長, 東京社長) names no company."""
    inside = list(words_within(text, span.start, span.end))
    if len(inside) != 2 or nfkc(text[inside[-1].start : span.end]) not in name_words("executive"):
        return None
    first = inside[0]
    return replace(span, end=first.end) if first.pos[:3] == ("名詞", "固有名詞", "一般") else None


def _names_an_association(text: str, span: Span) -> bool:
    """Return True when a span ends in the word 会 or a word of three characters or more ending in it
    (…知事会, …町村会, …協議会) after another word: an association of the holders of a post, which the model
    labels a post. A post ends in 長, 官 or 員 (会長, 会員), and 司会 and 社会 are two characters."""
    inside = list(words_within(text, span.start, span.end))
    last = _last_word(text, span)
    return len(inside) >= 2 and last.endswith("会") and (last == "会" or len(last) >= 3)


# What a minister's post ends in: 大臣, or the suffix 相 Sudachi splits from the field (国土交通 相).
_MINISTER_POST = ("大臣", "相")


def _minister_post(text: str, span: Span) -> bool:
    """Return True for a span of words ending in 大臣 or 相, a minister's post (農林水産大臣, 国土交通相), which the
    model often calls a government body or a meeting: a post names no body and no event, as a title names no person. The words are common
    nouns or nouns of no kind the dictionary holds as proper (農林水産大臣), no person's, place's or body's name."""
    inside = list(words_within(text, span.start, span.end))
    return (bool(inside) and nfkc(text[span.start : span.end]).endswith(_MINISTER_POST)
            and all(w.pos[:2] == ("名詞", "普通名詞") or w.pos[:3] == ("名詞", "固有名詞", "一般")
                    or (w is inside[-1] and w.pos[0] == "接尾辞") for w in inside))


def _last_word(text: str, span: Span) -> str:
    """Return the last of a span's words, NFKC."""
    inside = list(words_within(text, span.start, span.end))
    return nfkc(text[inside[-1].start : inside[-1].end]) if inside else ""


def _without_description(text: str, span: Span, type_: str) -> Span:
    """Return a span without the common words before its proper name that say what it is: 首都 of
    首都ベオグラード, 地元 of 地元ピッツバーグ (a place); 合弁会社 of 合弁会社Japan Advanced …, 制作会社 of
    制作会社WHITE FOX (an organisation, when they end in an organisation's head before a katakana or
    Latin name)."""
    inside = list(words_within(text, span.start, span.end))
    lead = 0
    while lead < len(inside) - 1 and inside[lead].pos[:2] == ("名詞", "普通名詞") and not inside[lead].unknown:
        lead += 1
    rest = inside[lead:]
    if not lead or not rest:
        return span
    first = nfkc(text[rest[0].start])
    if type_ == "Organization":
        lead_text = nfkc(text[span.start : rest[0].start])
        described = suffix_type(lead_text) == "Organization" and lead_text not in legal_forms()  # 株式会社 is part of it
        named = described and (is_katakana(first) or is_ascii_alnum(first))
    else:
        named = rest[0].pos[:3] == ("名詞", "固有名詞", "地名")
    # 同盟国 of 同盟国ベラルーシ, whatever the model calls it: a country a word for a kind of country
    # describes is that country (not 株式会社トーゴ, スポーツニッポン, 南ドイツ)
    kind_of_country = lead == 1 and nfkc(text[inside[0].start : inside[0].end]).endswith("国")
    named = named or (kind_of_country and len(rest) == 1 and rest[0].pos[:4] == ("名詞", "固有名詞", "地名", "国"))
    return replace(span, start=rest[0].start) if named else span


def _joins_names(text: str, span: Span, type_: str = "") -> bool:
    """Return True for a span that runs over a particle or conjunction that joins two names
    (東京電力ホールディングスと中部電力, AやB, A及びB): a name holds none of them. The name of an
    organisation, place, person or event holds no case particle but の, no topic particle and no
    comma either (第2回平和擁護世界大会が開かれ、); a title of a law or plan may (…に関する法律)."""
    clause = type_ in ("Organization", "Country", "Region", "Person", "Event")
    return any(
        span.start < w.start and w.end <= span.end
        and (w.pos[:2] in (("助詞", "格助詞"), ("助詞", "副助詞")) and text[w.start : w.end] in ("と", "や")
             or w.pos[0] == "接続詞"
             or clause and (w.pos[:2] in (("助詞", "格助詞"), ("助詞", "係助詞"), ("補助記号", "読点"))
                            and text[w.start : w.end] != "の"))
        for w in words(text)
    )


# A slash with a space on either side lists names (a note's Source: line); AC/DC and TCP/IP have none.
_LIST_SLASH = re.compile(r"\s/|/\s")


def _crosses_parenthesis(surface: str) -> bool:
    """Return True for a span with a parenthesis in it, other than a legal form such as (株)."""
    bare = nfkc(surface).replace("(株)", "").replace("(有)", "")
    return "(" in bare or ")" in bare


def _looks_like_a_name(text: str, span: Span) -> bool:
    """Return True unless a span is a phrase of common words (医療AI is, 郵政行政 is, スペースX社 is not).

    A name has a proper noun of two or more characters in the tokenizer's dictionary or a word of
    two or more that the dictionary lacks (ムルダニ, a foreign name; a number only after 第), ends in a
    Latin word with a capital (Ticketmaster, High-Tech Grunderfonds; not ICTサービス事業),
    a katakana name's ・ or = (ザ・カンパニー), an ordinal of an edition (第51回…), ends in 社, or
    starts with a legal form (株式会社ベクトル).
    """
    if span.proper:
        return True
    surface = nfkc(text[span.start : span.end])
    return (
        # a number is a word the dictionary lacks too, but no foreign name (21 of 21世紀最大の…脅威), unless
        # 第 makes it the number of one thing (安保理決議第2712号)
        any((w.proper or (w.unknown and (w.pos[1] != "数詞" or text[w.start - 1 : w.start] == "第")))
            and w.end - w.start >= 2 for w in words(text) if w.start < span.end and span.start < w.end)
        or (surface[-1].isascii() and surface[-1].isalnum() and any(c.isascii() and c.isupper() for c in surface))
        or bool(_KATAKANA_JOIN.search(surface))
        or bool(_EDITION.match(surface))
        or surface.endswith("社")
        or any(surface.startswith(form) and len(surface) > len(form) + 1 for form in legal_forms())
    )


def _is_list(text: str, span: Span, known: Sequence[Candidate]) -> bool:
    """Return True for a span that only lists names joined by ・: known names (日本・中国・韓国), countries
    in their one-character forms (英米独仏・EU) or proper nouns of the dictionary written in kanji
    (日本郵船・商船三井・川崎汽船), each a name of its own."""
    items = {(c.start, c.end) for c in known if c.trust} | _country_letters(text, span)
    return lists_only(text, span, items) or lists_proper_words(text, span)


def _country_letters(text: str, span: Span) -> set[tuple[int, int]]:
    """Return the parts of a span between ・ that are one-character country forms only (英米独仏 of 英米独仏・EU)."""
    if "・" not in text[span.start : span.end]:
        return set()
    forms = country_abbreviations()
    found, start = set(), span.start
    for part in text[span.start : span.end].split("・"):
        if len(part) >= 2 and all(c in forms for c in part):
            found.add((start, start + len(part)))
        start += len(part) + 1
    return found


def cuts_katakana_name(text: str, span: Span | Candidate) -> bool:
    """Return True for a span that starts or ends between two katakana words of one run, where the word
    outside it is no head of a name (グランパス of グランパスエイト): a piece of a longer
    katakana name. A head after it ends a name of its own kind (リレハンメルオリンピック), and a span that
    cuts one of Sudachi's words is the model's reading against the dictionary's, which it keeps."""
    if inside_word(text, span.start) or inside_word(text, span.end):
        return False
    before, after = word_ending(text, span.start), word_starting(text, span.end)
    return any(
        w is not None and is_katakana(text[edge]) and all(is_katakana(c) for c in text[w.start : w.end])
        and not suffix_type("・" + text[w.start : w.end]) and nfkc(text[w.start : w.end]) not in heads_by_word()
        for w, edge in ((before, span.start), (after, span.end - 1))
    )


def _cut_mid_word(text: str, start: int, end: int) -> bool:
    """Return True when a Latin span starts or ends inside a word or hyphenated name, or ends where an
    English phrase goes on with and or or (Invoices of Invoices and refunds; not Apple of Apple and Google)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    latin_start = is_ascii_alnum(nfkc(text[start]))
    latin_end = is_ascii_alnum(nfkc(text[end - 1]))
    return (latin_start and (is_ascii_alnum(nfkc(before or " ")) or before == "-")) or (
        latin_end and (is_ascii_alnum(nfkc(after or " ")) or after == "-" or bool(_PHRASE_GOES_ON.match(text, end)))
    )


def acronym_then_common_words(text: str, start: int, end: int, spans: Sequence[Span]) -> bool:
    """Return True for an acronym with katakana words after it (CNAMEレコード) where the model tagged
    the acronym alone and the dictionary knows it as no proper noun: the acronym is a term of the trade
    (model-acronym), and a head noun after it makes no name of it. Where the model tags the whole
    (AFCカップ, MBSテレビ), the whole is its span, and this does not hold."""
    for span in spans:
        if span.start == start and span.end < end and _ACRONYM.fullmatch(nfkc(text[span.start : span.end])) \
                and ene_types().get(span.ene) and not _proper_acronym(text, span):
            rest = nfkc(text[span.end : end])
            return all(is_katakana(c) for c in rest)
    return False
