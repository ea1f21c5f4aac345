"""The clause-shape rules of kg.relate.frames: where a predicate finds a role its own phrases leave unsaid.

Each rule reads one parsed sentence (kg.relate.reader.ParsedSentence) and the role slots gathered at
each governing token: a topic or a chained clause gives its subject, a relative clause the noun it
modifies, a plain noun its owner or place, the governing verb its negation and modality.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.relate.reader import ATTRIBUTIVE_ENDINGS, FORMAL_NOUNS, NOUNS, OPEN_QUOTES
from kg.resolve.knowledge import suffix_type

if TYPE_CHECKING:
    from collections.abc import Iterator

    from kg.relate.frames import Frame
    from kg.relate.phrases import _Group
    from kg.relate.reader import ParsedSentence

# Entity types that act: in 日本の加盟 日本 joins; in 協定の締結 the agreement is what is concluded.
ACTORS = frozenset({"Country", "Organization", "Person", "Region"})
OBJECT_MARKERS = ("を", "に", "へ", "と", "に対し", "に対して", "との", "への", "に対する", "について", "には",
                  "とは", "とも", "にも", "へも", "をも", "から", "からの", "については", "に関しては")
# Dependencies along which a clause without a subject inherits its governor's subject.
_INHERIT = ("advcl", "conj", "obl", "obj", "acl", "ccomp", "xcomp", "nmod", "csubj")
_INHERIT_HOPS = 4
_ARGUMENTS = ("nsubj", "obj", "iobj", "obl")
# Nouns that name a draft or a change of an instrument: what adopts them adopts the instrument
_DRAFTS = ("案", "改正", "改定", "改訂", "修正", "改正法")
# Nothing is made up of parties (AとBによるC) that is a country, a place or a person
_NOT_MADE_UP = ("Country", "Region", "Person")
# What one withdraws from is what one joined, signed or ratified
_LEFT = ("membership", "signing", "ratification")
# Nouns of standing under a body (Aの指揮下にある, Aの隷下に置かれた, Aの傘下にある): A oversees what is there
_UNDER = ("下", "隷下", "傘下", "配下")
_UNDER_VERBS = ("ある", "置く")
# Nouns of control that stand under a body before 下 (Aの管理の下にある, Aの監督の下に置かれた): A oversees
_CONTROL = ("管理", "指揮", "監督", "管轄", "統制", "所管")
# Nouns of being inside a body (Aの中に, Aの内に), and the passive verbs that place or set up a body there
# (Aの中にBが置かれた, Aの中にBが設立された): A oversees B as with Aに設置された; with ある the noun says among
_INSIDE = ("中", "内")
_SET_UP_VERBS = ("置く", "設置", "設立", "新設", "創設")
# Common words for a body, too general to type a name (協議会, 会議 is also a meeting): said with で and a comma of an
# organisation before は (BはAに置かれた協議会で、…), they are what the topic is
_BODY_WORDS = ("会議", "協議会", "審議会", "委員会", "会議体", "機関", "組織", "団体", "法人", "本部", "チーム")
# What a sentence that says so holds: …下に, …下には
UNDER_STEM = "下に"
# Endings of nouns of people a body is made of: 有識者の会議, 専門家の会合, 委員の会議
_MEMBERS = ("者", "家", "員")
# Verbs of asking: the act they take is the one asked of others (Bへの参加を呼びかけた), or asked to be let do
# (Bへの加入を申請した)
_ASKING = ("呼びかける", "求める", "促す", "要請", "要求", "働きかける", "申請")
# Verbs of naming: Nは「X」と呼ばれる
_CALLED = ("呼ぶ", "称する")
# Acts that make or bind to an instrument
_ON_INSTRUMENTS = ("adoption", "signing", "ratification", "publication")


def _named(sentence: ParsedSentence, i: int, groups: dict[int, _Group]) -> int:
    """Return the name a common noun stands for (報告書「X」 and Xは…枠組みである are X), else the noun itself."""
    tokens = sentence.tokens
    head = tokens[i].head
    # BはAが所管する株式会社。: a noun that ends the sentence says what the topic is, with or without a copula; so
    # does the whole of a common noun with の before it (BはAが立ち上げた企業の集まり。: the clause makes B, a
    # gathering, no company)
    said = head if i not in groups and sentence.marker(i) == "の" and tokens[i].dep == "nmod" and head > i and \
        head not in groups else i
    if i not in groups and (sentence.kids(said, "cop") or tokens[said].dep == "ROOT"):
        # (a topic is one whatever label the parser gave it: Eは、Aが主催する予定。 with E as obl)
        topics = [c for c in sentence.kids(said, "nsubj", "dislocated", "obl") if c in groups and
                  sentence.marker(c) in ("は", "とは")]
        if topics:
            return topics[0]
    if i not in groups and sentence.marker(i) == "は" and tokens[head].lemma in _CALLED and sentence.passive(head):
        # Nは「X」と呼ばれる: the noun is the name it is called by
        called = [c for c in sentence.kids(head) if _covering(sentence, c, groups) in groups and sentence.marker(c) == "と"]
        if called:
            return _covering(sentence, called[0], groups)
    # BはAが設置した有識者の会議で、…: a clause hung on the members a body word is made of (有識者の, 専門家の) is the
    # body word's (施設の会議 is a meeting of the facility the clause sets up)
    body = said if said != i and tokens[i].lemma.endswith(_MEMBERS) and sentence.marker(said) == "で" and \
        _body_said(sentence, said) else i
    if i not in groups and sentence.marker(body) == "で" and (tokens[body].dep == "advcl" or _body_said(sentence, body)):
        # BはAが設立したNで、…: the noun said of the topic with a continuing copula is the topic (the parser
        # may call the topic dislocated when the clause after the comma has a subject of its own)
        topics = [g for g in groups if g < body and sentence.marker(g) == "は" and tokens[g].dep in ("nsubj", "dislocated")]
        if topics and (tokens[body].dep == "advcl" or all(a.type == "Organization" for a in groups[topics[-1]].arguments)):
            return topics[-1]
    # B協定（…）：Aが採択した協定で、…: a glossary line defines the name before its colon with a noun of the same
    # head word, which stands for it
    colon = next((k for k, t in enumerate(tokens) if t.text in ("：", ":")), None)
    if i not in groups and colon is not None and colon < i and tokens[colon].head in groups and \
            tokens[tokens[colon].head].lemma == tokens[i].lemma and \
            (sentence.marker(i) == "で" or sentence.kids(i, "cop") or tokens[i].dep == "ROOT"):
        return tokens[colon].head
    # a noun with no particle runs on into the name after it: 報告書「X」, and X's first words the
    # entity stage left out (GREEN×EXPO 2027 found as EXPO 2027)
    named = i
    while _covering(sentence, named, groups) not in groups and tokens[named].dep in ("nmod", "compound") \
            and not sentence.marker(named) and tokens[named].head > named:
        named = tokens[named].head
    if _covering(sentence, named, groups) in groups:
        return _covering(sentence, named, groups)
    if i not in groups and tokens[i].dep == "acl" and sentence.kids(i, "cop") and head != i:
        return _covering(sentence, head, groups)  # 官民ファンドであるX: the noun is another name for X
    return _covering(sentence, i, groups)


def _noun(sentence: ParsedSentence, i: int) -> str:
    """Return the text of a noun with the compound words before it (改正|法 is 改正法)."""
    start = min([i, *sentence.kids(i, "compound")])
    return "".join(sentence.tokens[k].text for k in range(start, i + 1))


def _body_said(sentence: ParsedSentence, i: int) -> bool:
    """Return True for a word for a kind of body with で and a comma that the parser hangs on the next verb
    (BはAが所管する認可法人で、…) or on the topic (BはAに置かれた審議会で、…): a continuing copula, as the parser
    reads it elsewhere (…子会社で、…); a place with で (…研究所で研究を行う) has no comma, and a word for no body
    (…会議場で、) is a place."""
    tokens = sentence.tokens
    noun = _noun(sentence, i)
    return (tokens[i].dep in ("obl", "dep", "nmod") and any(tokens[c].text == "、" for c in sentence.kids(i, "punct"))
            and (suffix_type(noun) == "Organization" or tokens[i].lemma in _BODY_WORDS))


def _modified(sentence: ParsedSentence, clause: int, groups: dict[int, _Group]) -> int:
    """Return the token of what a relative clause or an adnominal noun modifies, by _named, else by _adjacent."""
    modified = _named(sentence, sentence.tokens[clause].head, groups)
    if modified not in groups and sentence.tokens[clause].dep == "acl":
        adjacent = _adjacent(sentence, clause, groups)
        if adjacent is None:
            adjacent = _glossed_name(sentence, clause, modified, groups)
        return modified if adjacent is None else adjacent
    return modified


def _glossed_name(sentence: ParsedSentence, clause: int, noun: int, groups: dict[int, _Group]) -> int | None:
    """Return the instrument a clause's noun is the subject matter of: B of Aが採択したXとYに関するB.

    The parser hangs the clause on the first word of the gloss …に関する written before the name; an act that
    makes or binds to an instrument (採択, 署名) acts on the name, not on the matter it is about; another act
    (Aが支援した企業に関するB) is said of the matter.
    """
    from kg.relate.phrases import INSTRUMENTS

    tokens = sentence.tokens
    named = sentence.predicate(clause)
    if named is None or named[0].group not in _ON_INSTRUMENTS:
        return None
    about, k = False, noun
    for _ in range(4):
        marker = sentence.marker(k)
        if tokens[k].dep != "nmod" or marker not in ("と", "や", "に関する") or tokens[k].head <= k:
            return None
        about, k = about or marker == "に関する", tokens[k].head
        if k in groups:
            return k if about and all(a.type in INSTRUMENTS for a in groups[k].arguments) else None
    return None


def _adjacent(sentence: ParsedSentence, clause: int, groups: dict[int, _Group]) -> int | None:
    """Return the entity phrase written right after a relative clause the parser hung on a later noun.

    In Bから離脱したAを除くN, the clause modifies A, the noun it directly precedes: a Japanese relative
    clause stands right before its noun. Only an argument of a verb between them (Aを除く) is taken: a
    phrase that itself modifies N (…したAにおけるN, …したAのN) leaves the parse as it is, unless N is a part
    named after A or A is an instrument, and the clause is passive (Cに置かれたAの事務局: A is placed in C;
    Cで採択されたAの実施状況: A is adopted).
    """
    from kg.relate.phrases import INSTRUMENTS

    tokens = sentence.tokens
    head = tokens[clause].head
    after = clause + 1
    while after < head and tokens[after].head == clause and tokens[after].dep in ("aux", "mark", "cop"):
        after += 1
    group = next((g for g in groups.values() if g.token < head and
                  any(a.start == tokens[after].start for a in g.arguments)), None) if after < head else None
    if group is None:
        return None
    verb = tokens[group.token].head
    # Aに置かれたBの事務局: a part is named after its body, and a passive clause of placing says where the body is;
    # Aで採択されたBの実施状況: an instrument, not its status, is what a passive clause makes
    part = verb == head and sentence.marker(group.token) == "の" and sentence.passive(clause) and (
        ((named := sentence.predicate(head)) is not None and named[0].part) or
        all(a.type in INSTRUMENTS for a in group.arguments))
    if not part and not (group.token < verb < head and tokens[verb].pos == "VERB" and tokens[group.token].dep in _ARGUMENTS):
        return None
    return group.token


def _attributive(sentence: ParsedSentence, clause: int, groups: dict[int, _Group]) -> int | None:
    """Return the entity phrase a clause hung on a later verb modifies: in Aが共催する「E」が開かれた, E.

    A Japanese clause that ends in the dictionary or past form (する, した, している) and runs straight on into
    a noun modifies that noun, also where the parser made it the root; one that ends in the conjunctive form or a conjunction (共催し、, 共催して,
    共催したが) leaves it alone.
    """
    tokens = sentence.tokens
    if tokens[clause].dep not in ("advcl", "ROOT") or tokens[clause].pos != "VERB":
        return None
    end = clause
    while end + 1 < len(tokens) and tokens[end + 1].dep in ("aux", "fixed", "mark") and \
            clause <= tokens[end + 1].head <= end:
        end += 1
    if tokens[end].dep == "mark" or not tokens[end].text.endswith(ATTRIBUTIVE_ENDINGS):
        return None
    after = end + 1
    while after < len(tokens) and tokens[after].text in OPEN_QUOTES:
        after += 1
    if after >= len(tokens):
        return None
    found = next((g.token for g in groups.values() if any(a.start == tokens[after].start for a in g.arguments)), None)
    if tokens[clause].dep == "ROOT" and (found is None or tokens[found].head in (clause, found) or
                                         tokens[found].head < found):
        # Aが制定したBは、…を定めている read with 制定 as the root: a sentence has one root, so a clause run on
        # into a name that is an argument of a later verb is that name's relative clause
        return None
    return found


def _covering(sentence: ParsedSentence, i: int, groups: dict[int, _Group]) -> int:
    """Return the phrase token of the group whose name covers token i (日 of 日EU協定), else i."""
    if i in groups:
        return i
    start = sentence.tokens[i].start
    return next((g.token for g in groups.values() if any(a.start <= start < a.end for a in g.arguments)), i)


def _through(sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]]) -> list[_Group]:
    """Return whom a funding or support predicate reaches through a plain noun.

    AはBの事業に出資した and AはBで事業に出資した fund B: the 事業 is no entity, its owner or
    place is.
    """
    # Bで, not Bでは: a では-phrase sets the scene of the sentence (アフリカでは、AがBで…)
    found = [g for g in slots[anchor]["venue"] if all(a.type in ("Country", "Region") for a in g.arguments)
             and sentence.marker(g.token) not in ("では", "でも")]
    # (a noun takes its object with への: Bの産業への支援)
    for c in sentence.kids(anchor, "obj", "obl", "iobj", "nmod"):
        if sentence.marker(c) in OBJECT_MARKERS:
            found += [g for g in slots[c]["genitive"] if all(a.type in ACTORS for a in g.arguments)]
    return found


def _origin(sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]]) -> list[_Group]:
    """Return the countries the goods of a trade come from: in AがB産の銅の輸入を増やす and AはB産の銅を輸入した, B.

    A country written in a noun that ends in 産 names where the goods are made, and one with からの where they
    come from (Bからの銅の輸入); the goods are the trade's の-phrase or object, or a の-phrase of those.
    """
    found, todo = [], [c for c in sentence.kids(anchor, "nmod", "obj") if sentence.marker(c) in ("の", "を")]
    while todo:
        c = todo.pop()
        for g in slots[c]["genitive"] + [g for g in slots[c]["object"] if sentence.marker(g.token) == "からの"]:
            if (sentence.tokens[g.token].text.endswith("産") or sentence.marker(g.token) == "からの") and \
                    all(a.type == "Country" for a in g.arguments):
                found.append(g)
        todo += [k for k in sentence.kids(c, "nmod") if sentence.marker(k) == "の"]
    return found


def _mood(sentence: ParsedSentence, anchor: int, verbal: bool) -> tuple[bool, str]:
    """Return (negated, modality) of a predicate; a noun takes them from the verb it depends on.

    In AはBとの協定に署名していない, the negation is on 署名, and it is the 協定's too; a noun said
    with a copula of its own (BはAの外局で、軍隊ではない) is its own predicate.
    """
    tokens = sentence.tokens
    i = anchor
    for _ in range(3):
        negated, modality = sentence.negated(i), sentence.modality(i)
        if negated or modality or verbal or tokens[i].head == i or tokens[i].dep not in _INHERIT or \
                sentence.kids(i, "cop"):
            return negated, modality
        i = tokens[i].head
        verbal = tokens[i].pos in ("VERB", "ADJ")
    return sentence.negated(i), sentence.modality(i)


def _lifted(sentence: ParsedSentence, noun: int, slots: dict[int, dict[str, list[_Group]]]) -> list[tuple[bool, Frame]]:
    """Return nothing: a noun that is no predicate passes its との/への/に phrases to its own governor.

    A noun compounded with an act keeps them: in Bへの加入議定書に署名した, B is what is joined, not signed.
    """
    tokens = sentence.tokens
    token = tokens[noun]
    # Bへの追加の拠出: a noun that modifies a predicate noun with の passes on its への-phrase too
    if token.head == noun or (token.dep not in ("obj", "nsubj", "obl") and
                              not (token.dep == "nmod" and sentence.marker(noun) == "の" and token.head > noun)):
        return []
    if any(sentence.vocabulary.predicate(tokens[c].lemma, noun=True) for c in sentence.kids(noun, "compound")):
        return []
    roles = slots[noun]
    # a noun takes no bare に-phrase (it would be への or にの): one hung on it is its verb's (Aに Bが設置された)
    partners = [g for g in roles["object"] if sentence.marker(g.token) in ("との", "への", "に対する", "に", "には")]
    if partners and sentence.predicate(token.head) is not None:
        target = slots[token.head]["object"]
        target.extend(g for g in partners if g not in target)
        roles["object"] = [g for g in roles["object"] if g not in partners]
        agents = [g for g in roles["agent"] if g in partners]  # the に-phrase of a passive is its agent
        slots[token.head]["agent"].extend(g for g in agents if g not in slots[token.head]["agent"])
        roles["agent"] = [g for g in roles["agent"] if g not in agents]
    return []


def _inherited(sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]]) -> list[_Group]:
    """Return the subject of the nearest governing clause that has one (AはBに加盟し、Cを設立した)."""
    for i in _governing(sentence, anchor):
        # the が-phrase of a passive clause is what is acted on, no agent to inherit
        if slots[i]["subject"] and not sentence.passive(i):
            return list(slots[i]["subject"])
    return []


def _governing(sentence: ParsedSentence, anchor: int) -> Iterator[int]:
    """Yield the heads of the clauses that govern anchor, nearest first, as far as a subject may be inherited."""
    tokens = sentence.tokens
    i = anchor
    for _ in range(_INHERIT_HOPS):
        if tokens[i].head == i or tokens[i].dep not in _INHERIT:
            return
        i = tokens[i].head
        yield i


def _spoken_for(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], groups: dict[int, _Group],
) -> list[_Group]:
    """Return the actors whose people are the subject of the governing clause (日米の外相は、連携することを確認した).

    Only when no clause between has a subject of its own: the nearest governing subject decides.
    """
    for i in _governing(sentence, anchor):
        if sentence.kids(i, "nsubj"):
            return [] if sentence.passive(i) else _standing_for(sentence, i, slots, groups)
    return []


def _chained(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], groups: dict[int, _Group],
) -> tuple[list[_Group], bool]:
    """Return the subject of the clause chained before the anchor (Aが来日して…を手交した), and whether it has one.

    The second value is True when that clause has a subject, even one that names no entity: then
    the sentence's topic is not the anchor's subject either.
    """
    for c in reversed(sentence.kids(anchor, "advcl")):
        if c > anchor:
            continue
        if slots[c]["subject"]:
            return list(slots[c]["subject"]), True
        if any(k not in groups for k in sentence.kids(c, "nsubj")):
            return [], True
    return [], False


def _sibling(sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]]) -> list[_Group]:
    """Return the が-subject of the clause chained right before a chained clause that has none.

    In Aが中核企業に選ばれ、Bと連携して…を進める, A is chosen and A works with B: clauses chained with て or
    the conjunctive form share their subject, even when the first is passive.
    """
    tokens = sentence.tokens
    head = tokens[anchor].head
    if tokens[anchor].dep != "advcl" or head == anchor:
        return []
    before = [c for c in sentence.kids(head, "advcl") if c < anchor]
    if not before:
        return []
    return [g for g in slots[before[-1]]["subject"] if sentence.marker(g.token) == "が"]


def _topic(sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]]) -> list[_Group]:
    """Return the sentence's topic (Aは, Aでは) before the anchor: it is the subject of every clause after it.

    GiNZA attaches the topic to the first predicate (AはBに加入し、Cとの協力を強化した), but in
    Japanese it is what the whole sentence speaks of.
    """
    # …Vすることが多い: a clause made a noun by こと says its act of the topic, as a main clause does
    if sentence.relative(anchor) and sentence.tokens[sentence.tokens[anchor].head].lemma not in FORMAL_NOUNS:
        return []
    tokens = sentence.tokens
    for governor in sorted(slots):
        for group in slots[governor]["subject"]:
            if group.token < anchor and sentence.marker(group.token) in ("は", "では", "としては"):
                # Aは…であり、事務局長は…に招かれて: a later topic that names no entity takes over
                later = [k for k in range(sentence.last(group.token) + 1, anchor)
                         if tokens[k].dep == "nsubj" and sentence.marker(k) == "は"]
                return [] if later else [group]
    return []


def _as(sentence: ParsedSentence, governor: int) -> int:
    """Return the verb a subject belongs to: in Aが議長国としてBを開催した, A is 開催's subject, not 議長国's."""
    tokens = sentence.tokens
    verb = tokens[governor].head
    if verb != governor and sentence.marker(governor) in ("と", "として") and tokens[verb].lemma == "する" \
            and tokens[verb].head != verb:
        return tokens[verb].head
    return governor


def _clause_of(sentence: ParsedSentence, i: int, governor: int) -> int:
    """Return the relative clause a が-phrase belongs to when the parser hung it past the topic it precedes.

    In AがVしたBは、…である, A is neither the topic B nor the subject of what is said of it: a が-phrase
    before a は-topic lies inside the relative clause on that topic, V; so does one the parser hung on
    the noun a relative clause modifies (CはAがVしたNで、…). Else the governor the parser gave.
    """
    tokens = sentence.tokens
    if sentence.marker(i) != "が":
        return governor
    if sentence.marker(governor) in ("と", "とも") and tokens[governor].pos in NOUNS and \
            tokens[tokens[governor].head].pos == "VERB" and tokens[governor].head > governor and \
            tokens[tokens[governor].head].lemma != "する":  # Aが議長国として開催した is as, no partner
        return tokens[governor].head  # AがBなどと設立したC: the parser hung A on its partner B
    if sentence.relative(governor) and any(sentence.marker(c) == "の" for c in sentence.kids(governor) if i < c):
        # Aが本部のあるBで会合を開いた: the relative clause has its own subject with の, so A is the subject
        # of the verb the modified noun belongs to
        verb = tokens[tokens[governor].head].head
        if tokens[verb].pos == "VERB" and verb > governor:
            return verb
    for topic in range(i + 1, governor + 1):
        if governor in (topic, tokens[topic].head) and sentence.marker(topic) == "は":
            # the clause may modify a noun of the topic's phrase (AがVしたBの工場は)
            clause = next((v for v in range(i + 1, topic) if tokens[v].dep == "acl" and v < tokens[v].head <= topic), None)
            return governor if clause is None else clause
    if tokens[governor].pos in NOUNS:
        return next((v for v in range(i + 1, governor) if sentence.relative(v) and tokens[v].head == governor),
                    governor)
    # Aが…にまとめた「B」を守るよう: a が-phrase written right before a relative clause that names no subject
    # of its own is that clause's, though the parser hung it on the verb of the noun the clause modifies; a
    # subject of the whole sentence is said with は, or set off by a comma (Aが、Cを含むBで一致した)
    end = sentence.last(i)
    clause = next((v for v in range(i + 1, governor) if tokens[v].dep == "acl" and tokens[v].pos == "VERB" and
                   v < tokens[v].head < governor and tokens[tokens[v].head].head == governor and
                   not sentence.kids(v, "nsubj") and sentence.first(v) == end + 1), None)
    if tokens[end].pos == "PUNCT":
        clause = None
    return governor if clause is None else clause


def _governed(sentence: ParsedSentence, noun: int, slots: dict[int, dict[str, list[_Group]]]) -> list[_Group]:
    """Return the subject of the verb of mood a predicate noun is the object of, else the topic (Aは輸入を停止した: A imports)."""
    tokens = sentence.tokens
    head = tokens[noun].head
    if head != noun and tokens[noun].dep == "obj" and (tokens[head].lemma in sentence.vocabulary.markers or
                                                        sentence.vocabulary.stopping(tokens[head].lemma)):
        # a verb whose subject is unsaid in its clause has the sentence's topic (Aは、…を受けて、…の輸入を停止した)
        verbal = tokens[head].pos == "VERB"
        return list(slots[head]["subject"]) or (_topic(sentence, head, slots) if verbal else [])
    return []


def _standing_for(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], groups: dict[int, _Group],
) -> list[_Group]:
    """Return the actors whose people are the subject: in Aの首脳も参加した, A takes part."""
    found = []
    for c in sentence.kids(anchor, "nsubj"):
        if c not in groups and sentence.predicate(c) is None:
            found += [g for g in slots[c]["genitive"] if all(a.type in ACTORS for a in g.arguments)]
    return found


def _made_of(
    sentence: ParsedSentence, noun: int, slots: dict[int, dict[str, list[_Group]]], groups: dict[int, _Group],
) -> list[tuple[bool, Frame]]:
    """Return AとBによるC as relations of A and B to C: the body or scheme they make up."""
    from kg.relate.frames import Frame

    by = sentence.vocabulary.predicate("による")
    if noun not in groups or by is None:
        return []
    head = sentence.tokens[noun].head
    if sentence.marker(noun) == "の" and head != noun and sentence.predicate(head) is not None:
        # AによるBの買収: A is the agent of the act on B, which the parser hung on B
        slots[head]["agent"].extend(g for g in slots[noun]["agent"] if sentence.marker(g.token) == "による")
        return []
    # the name of the noun, not a name inside it: ASEAN+3緊急米備蓄（APTERR）is APTERR
    named = [b for b in groups[noun].arguments if sentence.tokens[noun].start >= b.start and
             sentence.tokens[noun].end <= b.end] or groups[noun].arguments[-1:]
    # what parties make up is a body, a scheme or a meeting: in AによるBの輸入停止 the country B is
    # what A's act is done to, the act a word the parser hung on B's noun
    named = [b for b in named if b.type not in _NOT_MADE_UP]
    return [(False, Frame(a, by.word, by.group_for(b.type), b))
            for g in slots[noun]["agent"] if sentence.marker(g.token) == "による"
            for a in g.arguments for b in named if a.entity != b.entity]


def _carried(sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], predicate) -> list[_Group]:
    """Return the object of a clause chained before the anchor with a predicate of its group.

    In Aが会合を開催し、Bが議長を務めた, B chairs the meeting A held, and in Cは Aが主催し、議長はBが務めた, C.
    A mutual predicate takes the partner of a mutual clause before it that shares its subject, also one the parser
    hung inside the clause it takes: in AはBと会談し、…を続けることで一致した, A and B agree; the topic the parser hung
    on the clause before is still the sentence's, and a light verb's partner is the noun's it carries (AはBと党首会談を
    して、…で合意した).
    """
    if predicate.mutual:
        for c in range(anchor - 1, -1, -1):
            named = sentence.predicate(c)
            if sentence.tokens[c].dep != "advcl" or named is None or not named[0].mutual or \
                    any(sentence.marker(g.token) != "は" for g in slots[c]["subject"]) or \
                    anchor not in _governing(sentence, c):
                continue
            partners = [g for g in slots[c]["object"] + (slots[named[1]]["object"] if named[1] != c else [])
                        if sentence.marker(g.token) in ("と", "とも")]
            if partners:
                return partners
    for c in reversed(sentence.kids(anchor, "advcl")):
        named = sentence.predicate(c)
        if c < anchor and named is not None and named[0].group == predicate.group:
            if slots[c]["object"]:
                return list(slots[c]["object"])
            # Bは Aが主催し: with a が-subject of its own, the topic is what that clause acts on
            topics = [g for g in slots[c]["subject"] if sentence.marker(g.token) == "は"]
            if topics and any(sentence.marker(g.token) == "が" for g in slots[c]["subject"]):
                return topics
    return []


def _left(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], subjects: list[_Group],
) -> list[_Group]:
    """Return what a clause of withdrawal that names nothing leaves: AはBの加盟国だが、1940年に脱退し leaves B.

    What the same subject joined, signed or ratified in a clause before it: only the body or instrument of
    that clause; a clause of another subject (BにCが加盟し、Aは脱退した)
    or of another act (Bと会談し、脱退を表明した) gives nothing. A clause of joining that names nothing
    rejoins what the same subject left before it (AはBを脱退し、1951年に再び加盟した).
    """
    from kg.relate.phrases import INSTRUMENTS

    tokens = sentence.tokens
    act = sentence.predicate(anchor)
    undone = ("withdrawal",) if act is not None and act[0].group == "membership" else _LEFT
    head = tokens[anchor].head
    before = [c for c in sentence.kids(anchor, "advcl") if c < anchor]
    if head != anchor and tokens[anchor].dep in ("advcl", "conj"):
        before += [c for c in sentence.kids(head, "advcl", "conj") if c < anchor]
    for c in sorted(before, reverse=True):
        named = sentence.predicate(c)
        if named is None or named[0].group not in undone or not all(g in subjects for g in slots[c]["subject"]):
            continue
        left = [g for g in slots[c]["object"] + slots[c]["genitive"] if g not in subjects and
                all(a.type in ("Organization", *INSTRUMENTS) for a in g.arguments)]
        if left:
            return left
    return []


def _scene(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], held: bool = False,
) -> list[_Group]:
    """Return the event the clause is set in: its own venue, else an event with では before it (Eでは、Aが参加した).

    With ``held``, also the event a clause chained before holds (Eが開かれ、Aが出席した); what a clause
    of hosting holds is a meeting, whatever type the entity stage gave it (IEA閣僚理事会が開かれ).
    """
    def event(group: _Group) -> bool:
        return all(a.type == "Event" for a in group.arguments)

    own = [g for g in slots[anchor]["venue"] if event(g)]
    if own:
        return own
    # Eが開かれ、Aが出席した: the event held in the clause chained before
    for c in sentence.kids(anchor, "advcl") if held else ():
        hosting = (sentence.predicate(c) or (None,))[0]
        events = [g for g in slots[c]["subject"] if event(g) or (hosting is not None and hosting.group == "hosting")]
        if c < anchor and events and sentence.passive(c):
            return events
    return [g for governor in sorted(slots) for g in slots[governor]["venue"]
            if g.token < anchor and event(g) and sentence.marker(g.token) == "では"][:1]


def _occasion(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], groups: dict[int, _Group],
) -> list[_Group]:
    """Return the event named as the occasion of an act: Eを契機として立ち上げられた, Eの機会に署名された."""
    found = []
    for c in sentence.kids(anchor, "obl"):
        if c not in groups and sentence.predicate(c) is None:
            found += [g for g in slots[c]["object"] + slots[c]["genitive"]
                      if all(a.type == "Event" for a in g.arguments)]
    return found


def _topic_object(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], subjects: list[_Group],
) -> list[_Group]:
    """Return the topic as the object of a clause with a subject of its own and no object.

    In Bは、…創設され、Aも出資している, B is what A funds; in Bは、Aが設置する予定で, B is what A sets up.
    Only the topic of a passive clause, of a plan said with a copula, or one said to be a noun (Bは…の
    枠組みで、AとCが参加している): one that acts itself (Bは…に参加しており、Aも…) is no object of what others do.
    """
    tokens = sentence.tokens
    head = tokens[anchor].head
    if sentence.kids(anchor, "obj") or (tokens[anchor].dep == "acl" and tokens[head].lemma not in
                                        sentence.vocabulary.markers):
        return []
    planned = tokens[anchor].dep == "acl" and bool(sentence.kids(head, "cop"))
    for governor in sorted(slots):
        # a role it is said to have (Bは加盟国ではないが) is an act of its own, no definition
        defined = tokens[governor].pos in NOUNS and bool(sentence.kids(governor, "cop")) and governor < anchor and \
            sentence.predicate(governor) is None
        for group in slots[governor]["subject"]:
            if group.token < anchor and sentence.marker(group.token) == "は" and group not in subjects and \
                    all(g.token > group.token for g in subjects) and (sentence.passive(governor) or planned or defined):
                return [group]
    return []


def _taken(sentence: ParsedSentence, noun: int) -> bool:
    """Return True when a predicate noun is what another predicate acts on (Bの立ち上げに参加した), or what a verb
    of asking asks others to do (Bへの参加を各国に呼びかけた: the countries would join, not the one who asks)."""
    tokens = sentence.tokens
    head = tokens[noun].head
    if head == noun or tokens[noun].dep not in ("obj", "obl") or sentence.marker(noun) not in ("を", "に"):
        return False
    if tokens[head].lemma in _ASKING and sentence.marker(noun) == "を":
        return True
    # 協定に署名した is one act: the noun and the verb that takes it share their subject
    outer, inner = sentence.predicate(head), sentence.predicate(noun)
    return outer is not None and inner is not None and outer[1] != noun and outer[0].group != inner[0].group


def _nested(sentence: ParsedSentence, anchor: int, word: int, slots: dict[int, dict[str, list[_Group]]]) -> list[_Group]:
    """Return what a predicate reaches through the predicate noun it takes: Bの立ち上げに参加した joins B.

    The が-phrase of a light verb may be such a noun too: in Bの設立が承認を経た, B is what is approved.
    A noun that says what a body is of another (機関, 事務局) names the body, no act: Bの事務局を公表した reaches no B.
    """
    for c in sentence.kids(anchor, "obj", "obl", *(("nsubj",) if word != anchor else ())):
        marker = sentence.marker(c)
        # a part of a body (Bの事務局) names a body, no act that reaches B; talks on B (Bの交渉に加わった) are
        # an event of their own, no B one takes part in
        if c != word and (marker in ("を", "に") or (marker == "が" and sentence.tokens[c].dep == "nsubj")) and \
                (nested := sentence.predicate(c)) is not None and not nested[0].part and nested[0].group != "meeting":
            found = slots[c]["genitive"]
            if found:
                return list(found)
    return []


def _listed_pairs(sentence: ParsedSentence, mutual: list[_Group], groups: dict[int, _Group]) -> list[tuple[_Group, _Group]]:
    """Return the pairs (X間で) listed before the last one, each with the event named after it.

    In X間で「E1」、Y間で「E2」、Z間で「E3」が開催され, the parser hangs the first pairs on words of the list;
    each pair goes with the name that follows it up to the next pair.
    """
    last = min(g.token for g in mutual)
    pairs = sorted((g for g in groups.values() if g.between and g.token < last and g not in mutual),
                   key=lambda g: g.token)
    found = []
    for n, pair in enumerate(pairs):
        end = pairs[n + 1].token if n + 1 < len(pairs) else last
        events = [g for g in groups.values() if pair.token < g.token < end and not g.between and
                  all(a.type == "Event" for a in g.arguments)]
        if len(events) == 1 and sentence.marker(pair.token) == "で":
            found.append((pair, events[0]))
    return found


def _drafted(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], groups: dict[int, _Group],
    passive: bool,
) -> list[_Group]:
    """Return the instruments a plain noun acted on belongs to: Bの改正案が採択された, Bの案を承認した adopt B.

    Only a noun that names a draft or a change (案, 改正案, 改定, 修正, the amending law 改正法), or that a clause of
    change modifies (Bを改正する法律): Bの事務局が承認された approves no B. A clause chained before that changes an instrument gives it too: in Bを全面改定し、決定した,
    what is decided is B as changed; Bを議論し、決定した decides nothing named.
    """
    from kg.relate.phrases import INSTRUMENTS

    found = [g for c in sentence.kids(anchor, "advcl") if c < anchor and sentence.tokens[c].lemma.endswith(_DRAFTS)
             and sentence.predicate(c) is None for g in slots[c]["object"]
             if sentence.marker(g.token) == "を" and all(a.type in INSTRUMENTS for a in g.arguments)]
    # …で、Bの改正法が可決、成立した: the parser may hang the noun on the first act of the list; it is what both are of
    listed = [c for c in sentence.kids(anchor, "obl") if not sentence.marker(c) and sentence.predicate(c)]
    for c in [k for v in [anchor, *listed] for k in sentence.kids(v, "obj", *(("nsubj",) if passive else ()))]:
        if c in groups or sentence.predicate(c) is not None or sentence.marker(c) not in ("を", "が", "は", "も"):
            continue
        if _noun(sentence, c).endswith(_DRAFTS):
            found += [g for g in slots[c]["genitive"] if all(a.type in INSTRUMENTS for a in g.arguments)]
        # Bを改正する法律が成立した: a noun a clause of change modifies is B as changed, as Bの改正法 is (also a clause
        # the parser hung on a word of the noun: Bを改正する関連2法)
        words = [c, *(w for w in sentence.children[c] if w < c and sentence.tokens[w].pos in NOUNS)]
        found += [g for w in words for k in sentence.kids(w, "acl") if sentence.tokens[k].lemma.endswith(_DRAFTS) and
                  sentence.predicate(k) is None for g in slots[k]["object"]
                  if sentence.marker(g.token) == "を" and all(a.type in INSTRUMENTS for a in g.arguments)]
    return found


def _said_to_be(
    sentence: ParsedSentence, noun: int, slots: dict[int, dict[str, list[_Group]]], groups: dict[int, _Group],
) -> list[_Group]:
    """Return the instruments a common noun before は is said to be by the noun that ends the sentence.

    In Eで成立した(…関係の)法律は、Bの改正法と、Cの改正法など, the laws are B and C as changed (the amending law of B stands for
    B, as in _drafted); the noun that ends the sentence and the と-phrases listed before it name them.
    """
    from kg.relate.phrases import INSTRUMENTS

    tokens = sentence.tokens
    while noun not in groups and sentence.marker(noun) == "の" and tokens[noun].dep == "nmod" and tokens[noun].head > noun:
        noun = tokens[noun].head  # Eで成立した社会保障関係の法律は: the clause is on the whole noun
    head = tokens[noun].head
    if noun in groups or sentence.marker(noun) != "は" or head <= noun or tokens[head].pos not in NOUNS or \
            not (tokens[head].dep == "ROOT" or sentence.kids(head, "cop")):
        return []
    words = [head, *(c for c in sentence.children[head] if noun < c < head and sentence.marker(c) == "と")]
    found = [groups[w] for w in words if w in groups]
    found += [g for w in words if w not in groups and _noun(sentence, w).endswith(_DRAFTS)
              for g in slots[w]["genitive"]]
    return [g for g in found if all(a.type in INSTRUMENTS for a in g.arguments)]


def _doer(sentence: ParsedSentence, clause: int, group: str, slots: dict[int, dict[str, list[_Group]]]) -> list[_Group]:
    """Return who a relative clause is said of when it modifies a role named after its own act.

    In AはBに拠出している拠出国の一つ, the clause modifies 拠出国, the one who contributes, and that is
    said of A. A role is a suffix (国, 者) after a noun of the same group.
    """
    tokens = sentence.tokens
    head = tokens[clause].head
    if not sentence.relative(clause) or head == clause or "接尾辞" not in tokens[head].tag:
        return []
    vocabulary = sentence.vocabulary
    if not any((p := vocabulary.predicate(tokens[c].lemma, noun=True)) is not None and p.group == group
               for c in sentence.kids(head, "compound")):
        return []
    return _inherited(sentence, head, slots)


def _acceded(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], groups: dict[int, _Group],
) -> tuple[list[_Group], list[_Group]]:
    """Return (instruments, parties) when what takes effect is a party's act on an instrument.

    In Aの協定Bへの加入が発効した, B takes effect for A. The parser may hang Aの on a word inside B's
    name (英国の環太平洋パートナーシップに関する…協定): a name is one word to what stands outside it.
    """
    from kg.relate.phrases import INSTRUMENTS

    for c in sentence.kids(anchor, "nsubj"):
        if c in groups or sentence.predicate(c) is None:
            continue
        instruments = [g for g in slots[c]["object"] if all(a.type in INSTRUMENTS for a in g.arguments)]
        inside = {k for g in instruments for a in g.arguments for k, t in enumerate(sentence.tokens)
                  if a.start <= t.start and t.end <= a.end}
        parties = [g for g in groups.values() if all(a.type in ACTORS for a in g.arguments) and
                   sentence.marker(g.token) == "の" and (sentence.tokens[g.token].head in inside or
                                                         g in slots[c]["genitive"])]
        if instruments and parties:
            return instruments, parties
    return [], []


def _held_topic(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], subjects: list[_Group],
) -> list[_Group]:
    """Return the sentence's topic as what a clause of hosting holds, when it is an event.

    In Eは…の首脳会議で、Aが主導し、Bと共催している, A and B hold E; a topic that is a country or a body
    (Aは、Bが主催した会議に参加した) is no thing held.
    """
    return [g for g in _topic(sentence, anchor, slots)
            if g not in subjects and all(a.type == "Event" for a in g.arguments)]


def _meeting_of(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], groups: dict[int, _Group],
    meetings: tuple[str, ...],
) -> list[_Group]:
    """Return the event whose unnamed meeting a predicate holds or attends: Eの初会合が開かれた, Eの閣僚級会合に出席した.

    A meeting of an event is that event sitting; a meeting of a body (Xの総会, X an organisation) is left
    to the entity it names.
    """
    found = []
    for c in sentence.kids(anchor, "nsubj", "obl", "obj"):
        if c not in groups and sentence.predicate(c) is None and sentence.tokens[c].lemma.endswith(meetings):
            found += [g for g in slots[c]["genitive"] if all(a.type == "Event" for a in g.arguments)]
    return found


def _under(sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]],
           groups: dict[int, _Group]) -> list[tuple[bool, Frame]]:
    """Return A's oversight of B when B is said to stand under or be set up inside A: Aの指揮下にあるB,
    BはAの下に置かれている, BはAの管理の下にある, Aの中にBが設立された.

    Only bodies: what stands under a country or a person (日本の下にある, 首相の下に) is left alone, and so is
    a body placed somewhere else (Aの下に事務所を置く: the active voice places a thing, not a body).
    """
    from kg.relate.frames import Frame

    tokens = sentence.tokens
    lemma = tokens[anchor].lemma
    if lemma not in _UNDER_VERBS + _SET_UP_VERBS or (lemma != "ある" and not sentence.passive(anchor)):
        return []
    nouns = _UNDER + _INSIDE if lemma in _SET_UP_VERBS else _UNDER
    if sentence.relative(anchor):
        modified = _modified(sentence, anchor, groups)
        units = [groups[modified]] if modified in groups else []
    else:
        units = list(slots[anchor]["subject"]) or _topic(sentence, anchor, slots)
    units = [g for g in units if all(a.type == "Organization" for a in g.arguments)]
    found = []
    for c in sentence.kids(anchor, "obl"):
        if c in groups or sentence.marker(c) not in ("に", "には") or tokens[c].lemma not in nouns:
            continue
        word = "".join(tokens[k].text for k in sentence.kids(c, "compound") if k < c) + tokens[c].text
        negated, modality = _mood(sentence, anchor, True)
        # Aの管理の下に: the control is A's
        controls = [k for k in sentence.kids(c, "nmod") if k not in groups and sentence.marker(k) == "の" and
                    tokens[k].lemma in _CONTROL]
        found += [(True, Frame(a, word, "oversight", b, negated, modality))
                  for g in slots[c]["genitive"] + [g for k in controls for g in slots[k]["genitive"]]
                  if all(a.type == "Organization" for a in g.arguments)
                  for a in g.arguments for u in units for b in u.arguments if a.entity != b.entity]
    return found


def _theme(sentence: ParsedSentence, anchor: int, groups: dict[int, _Group]) -> list[_Group]:
    """Return the instrument a clause chained before sets as the theme: Bには…が加わるが、Aは署名した signs B.

    So does the instrument whose noun a clause chained before acts on (Bの交渉に加わったが、署名しなかった).

    Only a は- or には-phrase of a clause that runs into the anchor's own (…が、…) or its governor's, and
    only an instrument: a party's act (signing, joining) with no object of its own is done to the
    agreement the sentence is about, not to a body or a country named in passing.
    """
    from kg.relate.phrases import INSTRUMENTS

    tokens = sentence.tokens
    heads = {anchor, tokens[anchor].head}
    clauses = {c for h in heads for c in sentence.kids(h, "advcl") if c < anchor}
    # Bの交渉に加わったが、Aは署名しなかった: the instrument whose making the clause before takes part in
    made = [g for g in groups.values() if g.token < anchor and sentence.marker(g.token) == "の" and
            (n := tokens[g.token].head) not in groups and tokens[n].head in clauses and sentence.marker(n) in ("に", "を") and
            all(a.type in INSTRUMENTS for a in g.arguments)]
    return [g for g in groups.values() if g.token < anchor and tokens[g.token].head in clauses and
            sentence.marker(g.token) in ("は", "には") and all(a.type in INSTRUMENTS for a in g.arguments)] + made
