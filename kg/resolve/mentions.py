"""Mentions: the candidates of one block that survive, as surface forms with their entity and sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import cache

from kg.records import Block, Mention, Span
from kg.resolve.candidates import (
    ADDRESS, COMPOUND, HEADED, KNOWN, NER, QUOTED, Candidate, about_clauses, bare_headed, bound_prefixes, bureaus,
    constitution_articles, continued_sessions, cut_from_code, elections, formal_titles, former_name_of_nothing, headed,
    in_facility, in_katakana_name, in_latin_name, in_latin_phrase, is_gloss, known_and_compound, linked, listed_parties,
    named_associations, names_a_plant, names_a_station, numbered_meetings, opens_a_product, opens_a_version, numbered_resolutions, outside_longer_names, party_deals, two_plus_two, protocols, quoted,
    sibling_sessions, with_trade_form, without_buried_places, without_conflicts, without_glosses,
)
from kg.resolve.compounds import (
    OTHER, acronyms_inside, acted_on, acted_on_plans, amending_acts, called_plans, chaired_councils, cited_laws,
    compound_names, continued, country_forces, currency_areas, described_as_company, described_companies, formed_bodies,
    held_events, is_common_compound, law_ordinances, listed_laws, makers, multi_year_plans, named_exercises, named_vessels, names_laws,
    nationwide_associations, numbered_typhoons, only_common_nouns, owned_sites, plans_by_term, proper_words,
    protocols_treaties, sections_by_part, set_up_bodies,
)
from kg.resolve import trace
from kg.resolve.identifiers import identifier_rule
from kg.resolve.junk import is_junk, is_product, junk_rule
from kg.resolve.model_spans import acronym_then_common_words, cuts_katakana_name, from_ner, with_years
from kg.resolve.people import title_after, titled_people, titles
from kg.resolve.knowledge import (ene_types, head_length, legal_forms, name_words, suffix_type, without_company_word,
                                  without_legal_form)
from kg.resolve.lexicon import Lexicon, Name
from kg.resolve.gazetteer import country_abbreviations
from kg.resolve.words import common_words, places_in, word_ending, words, words_over, words_within
from kg.text.chars import is_kanji, is_katakana, is_name_char, match_key, nfkc, tidy_surface
from kg.text.sentences import sentence_bounds

# Words that only widen a known name: 東南アジア諸国 is 東南アジア, エチオピア政府 stands for エチオピア; so do
# the words for a country acting in a role (name_words.tsv, role acting: 日本代表, イラン当局, G20議長国).
_GENERIC_TAILS = ("諸国", "地域", "各国", "地方", "政府")
# The words after a country's one-character form that make it the country acting (米政府, 米側, 英当局), as
# 米国政府 is the US: a government, a side, the authorities.
_STATE_TAILS = ("政府", "側", "当局")
# A body's plenary sitting is the body acting: 参議院本会議 and 衆院本会議 name the house.
_PLENARY = "本会議"
# The words before a law's name that say it is amended or in force (改正温対法, 現行温対法): the law itself.
_AMENDED = ("改正", "現行")


# The heads of the administrative areas an address names in turn (愛知県豊田市, 兵庫県加古郡播磨町).
_AREA_HEADS = tuple("都道府県州省郡市区町村")
_LIST_MARKS = ("・", " ", "　", "、")

# What follows an English phrase that spells out an abbreviation: "Maritime Domain Awareness の略".
_SPELLED_OUT = ("の略", "の頭文字")

# An acronym among Latin words: CSS of Friendly CSS Wizard. Initials are dotted (J.A.) and a
# generation is a roman numeral (III), which this does not match.
_ACRONYM_WORD = re.compile(r"(?![IVX]+$)[A-Z]{3,}")
_TITLE_WORD = re.compile(r"[A-Z][a-z]+")
# English names a team with Team before its name (Team Liquid): what follows is no person.
_TEAM_BEFORE = re.compile(r"\bTeam $")
# The Latin word before a name, a space between (Azure of Azure OpenAI).
_LATIN_WORD_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9.+-]*) $")
# A product's Latin name and its version number before a parenthesis: macOS 14, Debian 12, Android 4.4
_VERSIONED_BEFORE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9.+-]*(?: [A-Za-z][A-Za-z0-9.+-]*)*) ?v?\d+(?:\.\d+)* ?$")

# The fewest characters of a name a table cell is read as (a cell of one kanji is a mark or a party's initial).
_NAME_IN_CELL = 2
SOURCES = {KNOWN: "known", QUOTED: "quoted", HEADED: "headed", COMPOUND: "compound", NER: "ginza", ADDRESS: "address"}


def block_mentions(block: Block, spans: Sequence[Span], lexicon: Lexicon, stop: frozenset[str]) -> list[Mention]:
    """Return the mentions of entities in one block."""
    text = block.text
    tracing = trace.reading(block)
    known, members = known_and_compound(text, lexicon)
    # a name kg knows that glosses a common word (リクルート of 採用（リクルート）) is no mention of it
    unglossed = without_glosses(text, known)
    glossing = [c for c in known if c not in unglossed]
    known = unglossed
    if tracing is not None:
        trace.dropped_all(glossing, [], "gloss")
        unburied = without_buried_places(text, known, spans)
        _trace_finders(block, text, lexicon, known, members, unburied)
    bound = bound_prefixes(text, known)
    trace.dropped_all(bound, [], "bound-prefix")
    known = [c for c in with_trade_form(text, without_buried_places(text, known, spans)) if c not in bound]
    proper = proper_words(text, spans)
    # a place the model reads inside a facility's name (北京 of 北京地下鉄) still keeps the pieces of that name
    # from being candidates, and is taken out once the conflicts are settled
    in_facilities = {(c.start, c.end) for c in known + proper if in_facility(c, spans)}
    known += linked(block, lexicon)
    # a model span of a word that never names an entity (日本企業) hides no name inside it
    model = [c for c in from_ner(text, spans, known) if nfkc(text[c.start : c.end]).casefold() not in stop
             and not any((c.start, c.end) == (b.start, b.end) for b in bound)]
    # a body's site (日本製紙釧路工場, the model's company) is read as the body and the site, not as one name
    owned = owned_sites(text)
    sites = {(body.start, site.end) for body, site in owned}
    over_sites = [c for c in model if (c.start, c.end) in sites]
    model = [c for c in model if c not in over_sites]
    compounds = compound_names(text) + described_companies(text) + acted_on(text) + acted_on_plans(text) + currency_areas(text)
    compounds += amending_acts(text) + protocols_treaties(text) + law_ordinances(text)
    chaired = chaired_councils(text)
    compounds += set_up_bodies(text) + chaired + [c for pair in owned for c in pair]
    cited = cited_laws(text, any(names_laws(h) for h in block.heading_path))
    # a section is placed under a council its head names (…審議会の…部会) as under one kg knows
    headed_bodies = bare_headed(text)
    formed = formed_bodies(text, known + headed_bodies)
    compounds += cited + numbered_typhoons(text) + held_events(text) + formed
    compounds += called_plans(text) + multi_year_plans(text) + plans_by_term(text) + acronyms_inside(text)
    compounds += named_exercises(text) + country_forces(text) + named_vessels(text) + sections_by_part(text)
    compounds += nationwide_associations(text) + makers(text, lexicon)
    people, titles = titled_people(text, spans, lexicon)
    sentences = sentence_bounds(text) or [(0, len(text))]
    named = quoted(block) + headed(text, known) + headed_bodies + numbered_meetings(text, lexicon, sentences)
    sessions = continued_sessions(text, named + model)
    named += sessions
    listed = listed_laws(text, [c for c in (*known, *named, *compounds, *model) if c.type == "Law"])
    compounds += listed
    named += elections(text, lexicon) + constitution_articles(text, lexicon) + listed_parties(text, lexicon)
    named += named_associations(text, lexicon)
    # a council with a chair another finder names too (日本…会議 as a known country and a head) is the body
    councils = {(c.start, c.end) for c in chaired}
    named = [replace(c, type="Organization") if (c.start, c.end) in councils else c for c in named]
    named += bureaus(text, known + model, members) + numbered_resolutions(text) + sibling_sessions(text, lexicon)
    named += party_deals(text) + two_plus_two(text)
    treaty_protocols = protocols(text, known + named)
    named += treaty_protocols
    titles_found = formal_titles(text, lexicon)
    about = about_clauses(text, named + compounds + model)
    longer = people + titles + named + about + titles_found + compounds + proper + model
    longer += [c for c in continued(text, [*known, *model, *proper]) if (c.start, c.end) not in sites]
    longer += with_years(text, [*known, *compounds, *named])
    affiliated = _affiliations(text, longer, model, known)
    longer = [c for c in longer if c not in {a for a, _ in affiliated}]
    in_titles = [body for _, body in affiliated if _in_title(text, body)]
    known = [c for c in known if not any(c is body for body in in_titles)]
    if tracing is not None:
        trace.dropped_all(over_sites, [], "other-kind")
        trace.dropped_all(from_ner(text, spans, known), model + over_sites, "stop-word")
        trace.dropped_all([a for a, _ in affiliated] + in_titles, [], "affiliation")
        for rule, cands in (("model-span", model), ("proper-word", proper),
                            ("titled-person", people),
                            ("quoted-name", quoted(block)), ("headed-name", headed(text, known)),
                            ("head-noun-name", headed_bodies),
                            ("numbered-meeting", numbered_meetings(text, lexicon, sentences)),
                            ("continued-session", sessions),
                            ("election", elections(text, lexicon)), ("constitution", constitution_articles(text, lexicon)),
                            ("listed-party", listed_parties(text, lexicon)), ("named-association", named_associations(text, lexicon)),
                            ("bureau", bureaus(text, known + model, members)),
                            ("numbered-resolution", numbered_resolutions(text)), ("party-deal", party_deals(text)),
                            ("two-plus-two", two_plus_two(text)),
                            ("sibling-session", sibling_sessions(text, lexicon)), ("protocol", treaty_protocols),
                            ("about-clause", about), ("formal-title", titles_found),
                            ("compound-name", compound_names(text)), ("described-company", described_companies(text)),
                            ("acted-on", acted_on(text) + acted_on_plans(text) + amending_acts(text) + protocols_treaties(text)), ("listed-law", listed), ("cited-law", cited),
                            ("law-ordinance", law_ordinances(text)), ("numbered-typhoon", numbered_typhoons(text)), ("held-meeting", held_events(text)),
                            ("formed-body", formed), ("called-plan", called_plans(text)),
                            ("multi-year-plan", multi_year_plans(text)), ("plan-term", plans_by_term(text)),
                            ("acronym-inside", acronyms_inside(text)),
                            ("named-exercise", named_exercises(text)),
                            ("country-force", country_forces(text)), ("section-by-part", sections_by_part(text)),
                            ("nationwide-association", nationwide_associations(text)), ("maker", makers(text, lexicon)),
                            ("set-up", set_up_bodies(text)), ("chaired-council", chaired), ("currency-area", currency_areas(text)),
                            ("owned-site", [body for body, _ in owned]),
                            ("continued-name", continued(text, [*known, *model, *proper])),
                            ("name-with-year", with_years(text, [*known, *compounds, *named]))):
            trace.found(cands, rule)
        before = [*known, *longer]
    # a title names no one and nothing: 内閣 of 石破内閣 is no mention of the cabinet kg knows
    known = [k for k in known if not any((t.start, t.end) == (k.start, k.end) for t in titles)]
    known, still_named, longer = outside_longer_names(text, known, longer)
    candidates = known + longer
    members = members + still_named
    # a name of a thing kg keeps no node of (東京ドーム) only keeps the names inside it from being mentions
    # what no longer name took in but is a piece of one: a model span that cuts a katakana run (グランパス of
    # グランパスエイト), a place in Latin letters among a name's Latin words (JAPAN of X JAPAN)
    survivors = without_conflicts(candidates)
    parts = [c for c in survivors if in_katakana_name(text, c, survivors)]
    coded = [c for c in survivors if cut_from_code(text, c) and c not in parts]
    phrased = [c for c in survivors if in_latin_phrase(text, c) and c not in parts + coded]
    facility_places = [c for c in survivors if ((c.start, c.end) in in_facilities and c.type in ("Country", "Region"))
                       or names_a_plant(text, c) or names_a_station(text, c) or opens_a_product(text, c, spans)]
    pieces = [c for c in survivors
              if (c.trust == NER and cuts_katakana_name(text, c))
              or (c.type in ("Country", "Region") and in_latin_name(text, c.start, c.end))] + parts + facility_places + coded + phrased
    glosses = [c for c in survivors if is_gloss(text, c.start, c.end) or former_name_of_nothing(text, c, survivors)
               or _translated_organ(text, c, survivors)]
    versions = [c for c in survivors if opens_a_version(text, c)]
    accepted = _as_addresses(text, [c for c in survivors if c.type != OTHER and c not in pieces + versions and c not in glosses])
    levels = address_levels(text, accepted, lexicon)
    # a person's name holds no country's one-character forms (韓英 of 韓英哲首相: Korea and Britain)
    persons = [c for c in accepted if c.type == "Person"]
    inside_people = [m for m in members if any(p.start <= m.start and m.end <= p.end for p in persons)]
    members = [m for m in members if m not in inside_people]
    if tracing is not None:
        trace.dropped_all(before, [*candidates, *members], "inside-longer-name")
        trace.dropped_all([c for c in candidates if c.trust], survivors, "conflict")
        trace.dropped_all([c for c in pieces if c not in parts + facility_places + coded + phrased], [], "model-mid-word")
        trace.dropped_all(coded, [], "code-part")
        trace.dropped_all(phrased, [], "latin-part")
        trace.dropped_all(parts, [], "katakana-part")
        trace.dropped_all(facility_places, [], "in-facility")
        trace.dropped_all(glosses, [], "gloss")
        trace.dropped_all(versions, [], "inside-longer-name")
        trace.dropped_all(inside_people, [], "inside-longer-name")
        trace.dropped_all([c for c in survivors if c not in pieces + versions and c not in glosses], accepted, "other-kind")
        trace.found(levels, "address-level")
    mentions = []
    for cand in accepted + members + levels:
        if cand.trust != KNOWN and _spelled_out(text, cand):
            trace.dropped(cand.start, cand.end, "spelled-out")
            continue
        if cand.type == "Person" and (_acronym_among_words(text[cand.start : cand.end])
                                      or _TEAM_BEFORE.search(text, 0, cand.start)):
            trace.dropped(cand.start, cand.end, "model-no-person")  # Friendly CSS Wizard: a title; Team Blue Herons
            continue
        if (cand.trust != KNOWN and is_common_compound(text, cand.start, cand.end)) or (
                cand.trust == NER and _katakana_common_words(text, cand)) or (
                cand.trust == COMPOUND and acronym_then_common_words(text, cand.start, cand.end, spans)):
            trace.dropped(cand.start, cand.end, "common-compound")  # コントロールセンター, CNAMEレコード
            continue
        if (cand.trust == KNOWN and _after_product(text, cand)) or (cand.trust != KNOWN and _release_name(text, cand)):
            trace.dropped(cand.start, cand.end, "product")  # OpenAI of Azure OpenAI, Sonoma of macOS 14（Sonoma）
            continue
        identifier = identifier_rule(text, cand.start, cand.end)
        if identifier:
            trace.dropped(cand.start, cand.end, identifier)  # MIT of Tessera（MIT）, ISO of ISO 8601
            continue
        mention = make_mention(block, _without_status(text, cand), spans, lexicon, sentences)
        # a session that goes on a series (第61回総会 after IPCC第60回総会) is named by its entity, not by the text
        named_by_entity = mention is not None and (mention.source == "known" or (cand.trust == HEADED and bool(cand.entity)))
        titled = cand in people
        if mention is not None and not is_junk(mention.surface, stop, named_by_entity, _person_name(text, cand), titled):
            mentions.append(mention)
        elif mention is not None and tracing is not None:
            rule = junk_rule(mention.surface, stop, named_by_entity, _person_name(text, cand), titled)
            trace.dropped(cand.start, cand.end, rule)
    kept = _without_repeats(mentions)
    if tracing is not None:
        trace.dropped_all(mentions, kept, "repeat")
    return kept


def _after_product(text: str, cand: Candidate) -> bool:
    """Return True for a known organisation's Latin name written after a product's, with a space
    between (Azure OpenAI): the two make one product's name, as Google Drive does the other way round."""
    before = _LATIN_WORD_BEFORE.search(text, 0, cand.start)
    return (cand.type == "Organization" and before is not None and text[cand.start : cand.end].isascii()
            and is_product(f"{before.group(1)} {text[cand.start : cand.end]}"))


def _release_name(text: str, cand: Candidate) -> bool:
    """Return True for Latin words in parentheses right after a product's name and version (Sonoma of
    macOS 14（Sonoma）, Bookworm of Debian 12 (Bookworm)): the name of that release, a product too."""
    version = _VERSIONED_BEFORE.search(text, 0, max(cand.start - 1, 0))
    return (text[cand.start - 1 : cand.start] in ("(", "（") and text[cand.end : cand.end + 1] in (")", "）")
            and text[cand.start : cand.end].isascii() and version is not None
            and version.end() == cand.start - 1 and is_product(version.group(1)))


def _acronym_among_words(surface: str) -> bool:
    """Return True for Latin words, some capitalised and one an acronym, which no person's name is
    (Friendly CSS Wizard: a title); a name written in capitals throughout (YOSHIKI, JOHN SMITH) is no
    such, nor a company's name with a word for one (ISTIL Group)."""
    found = surface.split()
    return (any(_ACRONYM_WORD.fullmatch(w) for w in found) and any(_TITLE_WORD.fullmatch(w) for w in found)
            and not any(w in name_words("maker") for w in found))  # ISTIL Group: a company the model took for one
def _affiliations(text: str, cands: Sequence[Candidate], model: Sequence[Candidate],
                  known: Sequence[Candidate]) -> list[tuple[Candidate, Candidate]]:
    """Return the candidates that run a person's name into the known body the person belongs to, each with
    that body (平田直東京大学 of 平田直東京大学名誉教授): a person and an affiliation, two names, not one body's.
    A body in Latin letters after a katakana name is the rest of one name (アンジェSCO, a team)."""
    people = {(c.start, c.end) for c in model if c.type == "Person"}
    bodies = {(c.start, c.end): c for c in known if c.type == "Organization"}
    return [(c, bodies[(mid, c.end)]) for c in cands for mid in range(c.start + 1, c.end)
            if (c.start, mid) in people and (mid, c.end) in bodies and not text[mid : c.end].isascii()]


# The run of kanji and katakana after a body: a title that opens with it holds it (東京大学名誉教授).
_TITLE_RUN = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc]+")


def _in_title(text: str, body: Candidate) -> bool:
    """Return True when a title follows a body in one run of nouns (東京大学名誉教授, 国連難民高等弁務官): the
    body is part of the person's title, no mention of its own."""
    run = _TITLE_RUN.match(text, body.end)
    return run is not None and any(run.group().endswith(t) for t in titles())


def _trace_finders(block: Block, text: str, lexicon: Lexicon, known: list[Candidate], members: list[Candidate],
                   unburied: list[Candidate]) -> None:
    """Record what the known names found in a block, for kg explain (kg.resolve.trace)."""
    trace.found([c for c in known if c.trust], "known-name")
    trace.found(members, "country-member")
    trace.found(linked(block, lexicon), "link-text")
    trace.dropped_all(known, unburied, "buried-place")


def _as_addresses(text: str, accepted: Sequence[Candidate]) -> list[Candidate]:
    """Return the candidates with each address naming its last place, however it was found: 豊田市 of
    愛知県豊田市, which the dictionary or the model reads as one place (the prefecture is no mention of
    its own: the public NER sets tag the whole address as one place)."""
    named = []
    for cand in accepted:
        places = places_in(text[cand.start : cand.end]) if cand.type == "Region" and not cand.names_from else ()
        named.append(replace(cand, names_from=cand.start + places[-1]) if places else cand)
    return named


def address_levels(text: str, accepted: Sequence[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """Return the places each address names before its last one, one candidate each: 愛知県 of
    愛知県豊田市, 兵庫県 and 加古郡 of 兵庫県加古郡播磨町. Each level is a place of its own and a node; the
    address's own mention still reads the whole address and names its last place.

    A level is a place kg knows or one with the head of an administrative area (県, 州, 郡, 市, ...)
    written right before the next: places joined by ・ name a strait or a pair, not an address
    (ニューヨーク・ブルックリン names ブルックリン)."""
    levels = []
    for cand in accepted:
        if not cand.names_from or cand.type not in ("Country", "Region"):
            continue
        if lexicon.get(tidy_surface(text[cand.start : cand.end])) is not None:
            continue  # インド太平洋 is one region kg knows, not an address
        for word in words_over(text, cand.start, cand.names_from):
            starts = places_in(text[word.start : word.end])  # 愛知県豊田市 may be one word
            if starts:
                bounds = [word.start + s for s in starts] + [word.end]
                spans = [(a, b, "Region") for a, b in zip(bounds, bounds[1:]) if b <= cand.names_from]
            elif word.pos[:3] == ("名詞", "固有名詞", "地名") and word.end <= cand.names_from:
                spans = [(word.start, word.end, "Country" if word.pos[3] == "国" else "Region")]
            else:
                continue
            levels += [Candidate(a, b, ADDRESS, type=kind) for a, b, kind in spans if _is_level(text, a, b, lexicon)]
    return levels


def _is_level(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """Return True for a place of an address: known, or ending in an area's head, and no ・ after it."""
    name = tidy_surface(text[start:end])
    return text[end : end + 1] not in _LIST_MARKS and (lexicon.get(name) is not None or name.endswith(_AREA_HEADS))


def _without_status(text: str, cand: Candidate) -> Candidate:
    """Return a candidate without the kind of juridical person written before the name (公益財団法人 of
    公益財団法人日本相撲協会, a form of kg/data/legal_forms.txt with 法人 in it): a status, not part of the
    name. A company's 株式会社 belongs to its trade name and stays."""
    forms = _status_forms()
    if not forms or "法人" not in text[cand.start : cand.start + len(forms[0])]:
        return cand
    surface = nfkc(text[cand.start : cand.end])
    form = next((f for f in forms if surface.startswith(f)), "")
    if not form or len(surface) < len(form) + 2 or cand.names_from:
        return cand
    return replace(cand, start=cand.start + len(form))


@cache
def _status_forms() -> tuple[str, ...]:
    """Return the legal forms that name a kind of juridical person (…法人, and 医療法人社団, whose kind of person
    follows 法人), longest first."""
    return tuple(f for f in legal_forms() if "法人" in f)


def _katakana_common_words(text: str, cand: Candidate) -> bool:
    """Return True for a model span written in katakana that is only the dictionary's common nouns
    (コンビネータ, バックスラッシュ, ヘッドレスクライアント): loanwords for things, whatever label the model gave;
    after a country's one-character form (米クラウドストライク) they are a foreign company's name."""
    inside = words_within(text, cand.start, cand.end)
    before = word_ending(text, cand.start)
    if before is not None and before.end - before.start == 1 and text[before.start] in country_abbreviations():
        return False
    if cand.type == "Organization" and described_as_company(text, cand.start, cand.end):
        return False  # 鉄鋼大手のアルファ: the text says the word names a company
    return (bool(inside) and (inside[0].start, inside[-1].end) == (cand.start, cand.end)
            and all(is_katakana(c) for c in nfkc(text[cand.start : cand.end]))
            and only_common_nouns(inside))


# The country a foreign organ's name is glossed for: a body of Japan in parentheses after it translates it.
_HOME = "日本"


def _translated_organ(text: str, cand: Candidate, others: Sequence[Candidate]) -> bool:
    """Return True for a body kg knows, in kanji and alone in parentheses, right after a body that a foreign country
    and の set before it (北方国の大審院（最高裁判所）): the writer translates the foreign organ's name into the body of
    Japan that does its work, which the text does not name. A body of the same country's own (日本の…（…）) is left."""
    if cand.trust != KNOWN or cand.type != "Organization" or text[cand.start - 1 : cand.start] != "（" \
            or text[cand.end : cand.end + 1] != "）" or not all(is_kanji(c) for c in text[cand.start : cand.end]):
        return False
    organ = next((o for o in others if o.end == cand.start - 1 and o.type == "Organization"), None)
    return organ is not None and text[organ.start - 1 : organ.start] == "の" and any(
        o.end == organ.start - 1 and o.type == "Country" and text[o.start : o.end] != _HOME for o in others)


def _spelled_out(text: str, cand: Candidate) -> bool:
    """Return True for an English phrase the text calls the spelling-out of an abbreviation
    (Maritime Domain Awareness の略): a term, not a name of its own unless kg knows it."""
    surface = text[cand.start : cand.end]
    return " " in surface and surface.isascii() and text.startswith(_SPELLED_OUT, cand.end + (text[cand.end : cand.end + 1] == " "))


def _loanword_kind(name: str) -> bool:
    """Return True for common words before a katakana head (業務プロセス, 3ステップフレームワーク): a kind of thing that a
    quote or a bold phrase may have made a node once, no name to look for in every other sentence; a kanji head
    (…助成法, …委員会) or a proper word before the head (北浜プロセス) makes a name."""
    head = name[len(name) - head_length(name) :]
    if not head or not all(is_katakana(c) for c in head):
        return False
    return common_words(name[: len(name) - len(head)])


def named_elsewhere(blocks: Sequence[Block], mentions: Sequence[Mention], lexicon: Lexicon) -> list[Mention]:
    """Return the mentions of names the vault reads elsewhere, where a block writes them with nothing for the
    model to read them by: a table cell that is wholly such a name (a cell 北浜一郎 of a table of votes, where a
    sentence names 北浜一郎氏), a person's name before a title (ノルダ代表, where ノルダ is a common word to the
    dictionary and ノルダ通商代表 a person elsewhere) and a katakana full name that ends in a person's surname
    (ジョン・ノルダ). A note's date is on each of them, so the person is seen from the first note that names them."""
    by_surface: dict[str, Mention] = {}
    for m in mentions:
        by_surface.setdefault(m.surface, m)
    people = {s: m for s, m in by_surface.items() if m.type == "Person" and len(s) >= _NAME_IN_CELL
              and s not in country_abbreviations() and _names_no_other_thing(s, lexicon)}
    people |= {s: m for s, m in _kanji_surnames(people).items()
               if s not in people and s not in country_abbreviations() and _names_no_other_thing(s, lexicon)}
    written = re.compile("|".join(map(re.escape, sorted(people, key=len, reverse=True)))) if people else None
    # a name with a head (…助成法, …委員会) the vault reads in one sentence is the same name in another
    named = sorted((s for s, m in by_surface.items() if m.type != "Person" and len(s) >= _HEADED_NAME
                    and suffix_type(s) == m.type and all(is_name_char(c) for c in s) and not _loanword_kind(s)),
                   key=len, reverse=True)
    headed = re.compile("|".join(map(re.escape, named))) if named else None
    held: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        held.setdefault(id(m.block), []).append((m.start, m.end))
    found = []
    for block in blocks:
        text, spans = block.text, held.get(id(block), [])
        name = text.strip()
        if block.kind == "table_cell" and not spans and len(name) >= _NAME_IN_CELL and name in by_surface:
            start = text.index(name)
            found.append(replace(by_surface[name], block=block, start=start, end=start + len(name), sentence=name))
            continue
        for start, end, named in _people_written(text, people, written):
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
                found.append(replace(named, surface=text[start:end], block=block, start=start, end=end,
                                     sentence=_sentence_at(text, start), entity=match_key(text[start:end])))
        for match in headed.finditer(text) if headed is not None else ():
            start, end = match.span()
            alone = (start == 0 or not is_name_char(text[start - 1])) and (end == len(text) or not is_name_char(text[end]))
            if alone and not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
                found.append(replace(by_surface[match.group()], block=block, start=start, end=end,
                                     sentence=_sentence_at(text, start)))
    return found


def _kanji_surnames(people: Mapping[str, Mention]) -> dict[str, Mention]:
    """Return the surnames of the people named in full in kanji, each the one opening only one full name (林 of
    林芳正, read before a title as 林官房長官), else none: two people of one surname are told apart by their notes."""
    by_part: dict[str, list[Mention]] = {}
    for surface, person in people.items():
        if len(surface) >= _FULL_NAME and all(is_kanji(c) for c in surface):
            for end in range(1, len(surface) - 1):
                by_part.setdefault(surface[:end], []).append(person)
    return {part: found[0] for part, found in by_part.items() if len({m.entity for m in found}) == 1}


def _names_no_other_thing(name: str, lexicon: Lexicon) -> bool:
    """Return True when kg knows the name as nothing but a person (タイ of a trade representative is Thailand too)."""
    known = lexicon.get(name)
    return known is None or known.type == "Person"


# A katakana full name: given name and surname joined by ・ or =.
_KATAKANA_FULL_NAME = re.compile(r"[ァ-ヺー]+(?:[・=＝][ァ-ヺー]+)+")
# The fewest characters of a headed name found again wherever the vault writes it alone.
_HEADED_NAME = 4
# The fewest kanji of a full name whose surname is read alone (林 of 林芳正).
_FULL_NAME = 3
# A body's acronym between a person's name and a title (…USTR代表).
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _people_written(text: str, people: Mapping[str, Mention], written: re.Pattern | None) -> Iterable[tuple[int, int, Mention]]:
    """Yield (start, end, person) for each full name in katakana whose surname is a person's name the vault reads
    elsewhere, and for each such name written before a title."""
    if written is None:
        return
    for match in _KATAKANA_FULL_NAME.finditer(text):
        surname = re.split(r"[・=＝]", match.group())[-1]
        if surname in people:
            yield match.start(), match.end(), people[surname]
    for match in written.finditer(text):
        acronym = _ACRONYM.match(text, match.end())
        after = acronym.end() if acronym else match.end()
        title = title_after(text, after)
        if (match.start() == 0 or not is_name_char(text[match.start() - 1])) and title \
                and (len(match.group()) > 1 or len(title) > 1 and _cut_at(text, match.start(), match.end())):
            yield match.start(), match.end(), people[match.group()]


def _cut_at(text: str, start: int, end: int) -> bool:
    """Return True when the dictionary reads text[start:end] as words of their own (林 of 林官房長官)."""
    found = words(text)
    return any(w.start == start for w in found) and any(w.end == end for w in found)


def _sentence_at(text: str, start: int) -> str:
    """Return the sentence of text that holds the offset."""
    return next((text[s:e].strip() for s, e in sentence_bounds(text) if s <= start < e), text)


def _without_repeats(mentions: list[Mention]) -> list[Mention]:
    """Return the mentions without a country a longer mention of the same entity covers already
    (フィリピン of フィリピン政府, which is a mention of フィリピン itself)."""
    return [
        m for m in mentions
        if not any(o is not m and o.entity == m.entity and o.start <= m.start and m.end <= o.end
                   and o.end - o.start > m.end - m.start for o in mentions)
    ]


def make_mention(
    block: Block,
    cand: Candidate,
    spans: Sequence[Span],
    lexicon: Lexicon,
    sentences: list[tuple[int, int]],
) -> Mention | None:
    """Return the mention a surviving candidate makes, with its GiNZA label and sentence."""
    # The surface is what the text says, ordinal and all: 第77回 and 第75回世界保健総会 are two
    # editions, two nodes.
    surface = tidy_surface(block.text[cand.start : cand.end])
    name = tidy_surface(block.text[cand.names_from or cand.start : cand.end])
    if cand.names_from and cand.type in ("Country", "Region") and lexicon.get(surface) is not None:
        name = surface  # インド太平洋 is a region kg knows, not the address インド・太平洋 naming 太平洋
    if not name:
        return None
    labels = [s.ene for s in spans if s.start < cand.end and cand.start < s.end and s.ene in ene_types()]
    ene = next((s.ene for s in spans if (s.start, s.end) == (cand.start, cand.end)), labels[0] if labels else "")
    entity, type_ = cand.entity, cand.type
    if not entity:
        known = _lookup(lexicon, name)
        entity, type_ = (known.entity, known.type or type_) if known else (
            match_key(without_legal_form(_without_tail(_law_as_in_force(name)))), type_)
    if not type_ and ene:
        type_ = ene_types().get(ene, "")
    sentence = next((block.text[s:e].strip() for s, e in sentences if s <= cand.start < e), block.text)
    return Mention(surface, ene, SOURCES[cand.trust], block, cand.start, cand.end, sentence, entity, type_)


def _person_name(text: str, cand: Candidate) -> bool:
    """Return True for a person span whose words Sudachi knows as people's names (さだまさし)."""
    inside = list(words_within(text, cand.start, cand.end))
    return cand.type == "Person" and bool(inside) and all(w.person for w in inside)


def _law_as_in_force(surface: str) -> str:
    """Return a law's name without the word that says it is amended or in force (温対法 of 改正温対法):
    the law is one, however often amended."""
    word = next((w for w in _AMENDED if surface.startswith(w)), "")
    rest = surface[len(word) :]
    return rest if word and len(rest) >= 3 and suffix_type(rest) == "Law" else surface


def _without_tail(surface: str) -> str:
    """Return a place's name without the word for a part of it (パリ of パリ南部)."""
    tail = next((t for t in sorted(name_words("position"), key=len, reverse=True)
                 if surface.endswith(t) and len(surface) > len(t) + 1), "")
    return surface[: len(surface) - len(tail)] if tail else surface


# The legal form 社 stands for after a company's name in running text (ABC社 of ABC株式会社).
_COMPANY_FORM = "株式会社"


def _company_written_with_sha(lexicon: Lexicon, surface: str) -> Name | None:
    """Return the known company a name with 社 after katakana or Latin letters is (ABC社 of ABC株式会社 or 株式会社ABC):
    the text writes a company's legal form so once it has named the company in full."""
    stem = without_company_word(surface)
    if stem == surface:
        return None
    return lexicon.get(stem) or lexicon.get(stem + _COMPANY_FORM) or lexicon.get(_COMPANY_FORM + stem)


def _lookup(lexicon: Lexicon, surface: str) -> Name | None:
    """Return the known name a surface form is, also without a generic tail (諸国), legal form or 社 (ABC社)."""
    known = lexicon.get(surface) or lexicon.get(without_legal_form(surface)) or _company_written_with_sha(lexicon, surface)
    for tail in (*_GENERIC_TAILS, *name_words("acting"), *sorted(name_words("position"), key=len, reverse=True)):
        if known is None and surface.endswith(tail) and len(surface) > len(tail) + 1:
            known = lexicon.get(surface[: -len(tail)])
    if known is None and len(surface) >= 2 and surface[1:] in _STATE_TAILS:
        country = country_abbreviations().get(surface[0])
        known = lexicon.get(country) if country else None  # 米政府 is the US acting, as 米国政府 is
    if known is None and surface.endswith(_PLENARY) and len(surface) > len(_PLENARY) + 1:
        body = lexicon.get(surface[: -len(_PLENARY)])
        known = body if body is not None and body.type == "Organization" else None
    for tail in sorted(name_words("change"), key=len, reverse=True):
        changed = lexicon.get(surface[: -len(tail)]) if known is None and surface.endswith(tail) else None
        if changed is not None and changed.type not in ("Country", "Region", "Person"):
            known = changed  # IHR改正 is a change to IHR: the node is IHR
    return known
