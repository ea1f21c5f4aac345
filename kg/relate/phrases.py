"""Argument phrases of one parsed sentence: the noun each entity mention stands in, and its conjuncts.

A mention's phrase is the noun its words attach to (日本企業 for 日本 in 日本企業が, a person's title
after the name, the whole of a bracket after a noun); conjuncts (AとB, A・B, AもBも) and the parties
of A・B間 share one group, which kg.relate.frames gives a role at its governor.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.relate.reader import CLOSE_QUOTES, LIST_MARKS, NOUNS, OPEN_QUOTES, ParsedSentence
from kg.resolve.people import titles

if TYPE_CHECKING:
    from kg.relate.frames import Argument
    from kg.relate.parse import Token


# Names of what parties sign, adopt or pass, never a party themselves
INSTRUMENTS = ("Agreement", "Plan", "Law")
# The numerals a count is written with (3省, 両党)
_NUMERALS = "一二三四五六七八九十百千両"
# Counters of countries: 9か国, 3カ国
_COUNTRY_COUNTERS = ("か国", "カ国", "ヵ国", "ケ国", "ヶ国")
# Nouns of the inside of something: Aの中に設置された is placed in A
_INSIDE = ("中", "内")


@dataclass
class _Group:
    """Arguments that share one phrase (conjuncts, or a compound's members), and where it attaches.

    ``governor`` is set when the phrase is an argument of another word than its head in the parse.
    """

    token: int
    arguments: list[Argument]
    between: bool = False
    governor: int | None = None


def _outermost(arguments: Sequence[Argument]) -> list[Argument]:
    """Return the arguments not inside a longer one: 日米首脳会談 stands for itself, not 日本 and アメリカ."""
    return [a for a in arguments
            if not any(b.start <= a.start and a.end <= b.end and (b.end - b.start) > (a.end - a.start)
                       for b in arguments)]


def _outside_titles(tokens: Sequence[Token], arguments: Sequence[Argument]) -> list[Argument]:
    """Return the arguments that are no mere word of a quoted title: 「我が国の北極政策」 names a policy, not 北極.

    A name inside 「」 is a word of the title when it modifies a common noun of the title; one the
    title ends with (「GREEN×EXPO 2027」 found as EXPO 2027), that holds its head or that abbreviates
    it in brackets (「…アウトルック（AOIP）」) stays.
    """
    titles, opened = [], []
    for i, token in enumerate(tokens):
        if token.text in OPEN_QUOTES:
            opened.append(i)
        elif token.text in CLOSE_QUOTES and opened:
            titles.append(range(opened.pop() + 1, i))
    named = {i for i, t in enumerate(tokens) for a in arguments if t.start < a.end and a.start < t.end}
    kept = []
    for argument in arguments:
        covered = [i for i, t in enumerate(tokens) if t.start < argument.end and argument.start < t.end]
        title = next((t for t in titles if covered and covered[0] in t and covered[-1] in t), None)
        heads = {tokens[i].head for i in covered} - set(covered)
        if title is None or _bracketed(tokens, covered[0]) or not any(h in title and h not in named for h in heads):
            kept.append(argument)
    return kept


def _no_demonyms(tokens: Sequence[Token], arguments: Sequence[Argument]) -> list[Argument]:
    """Return the arguments that are no place in a word for its people: 韓国人, ペルー人 are visitors, not the country."""
    return [a for a in arguments if a.type not in ("Country", "Region") or not any(
        (t.start <= a.start and a.end < t.end and t.text.endswith("人") and t.pos in ("NOUN", "PROPN")) or
        (t.start == a.end and t.text == "人" and "接尾辞" in t.tag) for t in tokens)]


def _groups(sentence: ParsedSentence, arguments: Sequence[Argument]) -> dict[int, _Group]:
    """Return the argument groups by the token of their phrase, conjuncts merged into the last one."""
    tokens = sentence.tokens
    titles, inside = _person_titles(sentence, arguments)
    # Aなど3省が: a number and a counter name no one, and the names before them stand for the count
    arguments = [a for a in arguments if a not in inside and not _count(tokens, a)]
    phrase: dict[int, list[Argument]] = defaultdict(list)
    owner: dict[int, int] = {}  # token -> phrase token of the argument that covers it
    spans = {}
    for argument in arguments:
        covered = [i for i, t in enumerate(tokens) if t.start < argument.end and argument.start < t.end]
        if covered:
            spans[argument] = covered
    taken = {i for covered in spans.values() for i in covered}
    titled: dict[Argument, int] = {}
    for argument, covered in spans.items():
        inside = set(covered)
        head = next((i for i in reversed(covered) if tokens[i].head not in inside), covered[-1])
        # the whole of a bracket after a noun stands for it: 協定（Partnership: MSP）
        bracket = _bracketed(tokens, covered[0]) or _enclosed(tokens, covered, argument)
        # a compound's head is the phrase: 日本企業が, エチオピア政府から; never another name
        # and a name in brackets after a noun stands for it: 共同体（CARD）を
        # and a person's title is the phrase, though it names an act too: パウエル議長は
        while (tokens[head].dep == "compound" or sentence.compounded(head)) and \
                (tokens[head].head > head or _bracketed(tokens, head) or (bracket and head in inside)) and \
                tokens[tokens[head].head].pos in NOUNS and not sentence.between(tokens[head].head) and \
                tokens[head].head not in taken and (_no_act(sentence, tokens[head].head) or (
                    argument.type == "Person" and tokens[head].head == sentence.last(head) + 1)):
            head = tokens[head].head
        head = _glossed(tokens, covered, head)
        if argument.type == "Person":
            head = titles.get(argument, sentence.title_after(head, taken))
        if argument.type == "Person" and tokens[head].dep == "compound" and tokens[head].head in taken - set(covered):
            titled[argument] = tokens[head].head
        phrase[head].append(argument)
        for i in covered:
            owner.setdefault(i, head)
    # 野村哲郎農林水産大臣: the person before a title is the phrase, not the title
    for person, title in titled.items():
        into = owner[title]
        phrase[into] = [a for a in phrase[into] if a.type == "Person" or title not in spans[a]] + [person]
        phrase[next(i for i, found in phrase.items() if person in found and i != into)].remove(person)
    # キャサリン・タイ米国通商代表: a name after a person's name, in the title, is a word of the title
    for i, found in phrase.items():
        people = [a for a in found if a.type == "Person"]
        phrase[i] = [a for a in found if a.type == "Person" or not any(a.start >= p.end for p in people)]
    groups: dict[int, _Group] = {}
    governor: dict[int, int | None] = {}
    for i in sorted(i for i in phrase if phrase[i]):
        target = i
        while True:
            sibling = sentence.sibling(target)
            if sibling is not None:
                target = owner.get(sibling, sibling)
            elif (paired := sentence.paired(target)) is not None and (paired := owner.get(paired, paired)) in phrase and \
                    _kind(phrase[paired]) == _kind(phrase[i]):
                target = paired  # A（B）とCが, A相、B相が: a conjunct the parser hung on the verb
            elif sentence.conjoined(target) and not sentence.between(tokens[target].head):
                # a conjunct the parser hung on a word inside the next name joins that name's phrase
                into, governor[target] = _conjunct(sentence, target, phrase, owner)
                if into is None:
                    break
                target = into
            elif tokens[target].dep == "compound" and _countries(phrase[i]) and target + 1 < len(tokens) and \
                    tokens[target + 1].dep == "compound" and tokens[target + 1].head == tokens[target].head and \
                    owner.get(target + 1) == target + 1 and _countries(phrase.get(target + 1)) and \
                    _spelled(tokens[target], phrase[target]) and _spelled(tokens[target + 1], phrase[target + 1]):
                # 英米独仏・EU read as 英米|独仏: abbreviations of countries written on without a mark are one run
                # of names, as the parser split it
                target += 1
            elif tokens[target].dep == "compound" and _countries(phrase[i]) and \
                    _countries(phrase.get(owner.get(tokens[target].head, -1))) and \
                    sentence.appositive(owner[tokens[target].head]):
                # 日英伊の3か国: countries written together and counted are conjuncts
                target = owner[tokens[target].head]
            elif sentence.appositive(target) and tokens[target].head not in owner:
                # A、BなどのN and A、Bの2か国: the names stand for the noun they exemplify or count
                target = tokens[target].head
            elif (noun := sentence.included(target)) is not None and noun not in owner:
                # A、Bを含む28か国とCが署名した: the names are members of the noun, and do what it does
                target = noun
            elif sentence.exemplifies(target) and tokens[target].head in owner and \
                    (noun := _genitive_of(sentence, owner[tokens[target].head])) is not None and noun not in owner:
                # AなどXのN: A is an example of N, not of X (カザフスタンなど中央アジアの国々)
                target = noun
            else:
                break
        group = groups.setdefault(target, _Group(target, [], governor=governor.get(target)))
        group.arguments.extend(phrase[i])
    # 日本、豪州とASEANの9か国: a body written right before a count of countries is the whole they belong
    # to, no one of them; listed among them (ASEANと日本、中国の13か国), it stands for its members
    for group in groups.values():
        if tokens[group.token].lemma in _COUNTRY_COUNTERS and any(a.type == "Country" for a in group.arguments):
            group.arguments[:] = [a for a in group.arguments if a.type == "Country" or not _counted_whole(tokens, a, group.token)]
    # Aの中に, Aの内に: the inside of a body is the body, where something is set up or placed
    for i in list(groups):
        head = tokens[i].head
        if head > i and tokens[head].lemma in _INSIDE and sentence.marker(i) == "の" and head not in groups and \
                sentence.marker(head) in ("に", "には"):
            groups[head] = groups.pop(i)
            groups[head].token = head
    # A・B間, AとBの間: the conjuncts under 間 become one group that does the predicate together
    for i in list(groups):
        head = tokens[i].head
        if head != i and sentence.between(head) and tokens[i].dep in ("nmod", "compound"):
            into = groups.setdefault(head, _Group(head, [], between=True))
            into.between = True
            into.arguments.extend(groups.pop(i).arguments)
    # 日EU間: a name written right before a party of 間, with nothing between, is a party too, wherever
    # the parser hung it; so is the と-phrase of AとBの間 that the parser hung on a word of B's name
    for i in sorted(groups, reverse=True):
        group = groups.get(i)
        if group is None or group.between or len(group.arguments) != 1 or sentence.marker(i) not in ("", "と"):
            continue
        end, head = group.arguments[0].end, tokens[tokens[i].head]
        into = next((g for g in groups.values() if g.between and any(
            a.start == end if not sentence.marker(i) else a.start <= head.start < a.end for a in g.arguments)), None)
        if into is not None:
            into.arguments[:0] = groups.pop(i).arguments
    return groups


def _count(tokens: Sequence[Token], argument: Argument) -> bool:
    """Return True when a mention is only a number and a counter (3省, 2か国): a count of names, no name."""
    covered = [t for t in tokens if t.start < argument.end and argument.start < t.end]
    # the tokenizer tags the 何 of a name (何立峰) a numeral too
    return len(covered) > 1 and all(ch.isdigit() or ch in _NUMERALS for ch in covered[0].text) and \
        all(t.pos == "NUM" or t.tag.startswith("接尾辞") or "助数詞" in t.tag for t in covered)


def _glossed(tokens: Sequence[Token], covered: Sequence[int], head: int) -> int:
    """Return the noun that a quoted name's gloss in brackets ends in, when the parser hung the name inside it.

    In 「AI規則」（人工知能のための枠組み）を発表した the gloss says what the name is, and its noun (枠組み) takes
    the name's particle: the name is what is announced, not a word of the gloss; so in 第9号条約（…に関する条約）を
    批准した, without quotes. Else return head.
    """
    k = covered[-1] + 1
    k += k < len(tokens) and tokens[k].text in CLOSE_QUOTES
    if k + 1 >= len(tokens) or tokens[k].text not in ("（", "("):
        return head
    close = next((c for c in range(k + 1, len(tokens)) if tokens[c].text in ("）", ")")), None)
    inside = range(k + 1, close) if close is not None else range(0)
    if tokens[head].head not in inside and head not in inside:
        return head
    return next((c for c in inside if tokens[c].head not in inside and tokens[c].head not in covered), head)


def _no_act(sentence: ParsedSentence, i: int) -> bool:
    """Return True when noun i states no act: no predicate, or a part of a body (OPEC事務局 is OPEC at work)."""
    found = sentence.predicate(i)
    return found is None or found[0].part


def _counted_whole(tokens: Sequence[Token], argument: Argument, counter: int) -> bool:
    """Return True when a name is written right before の and the count: the ASEAN of ASEANの9か国."""
    after = next((k for k, t in enumerate(tokens) if t.start >= argument.end), None)
    return after is not None and tokens[after].text == "の" and all(
        tokens[k].pos == "NUM" for k in range(after + 1, counter))


def _person_titles(
    sentence: ParsedSentence, arguments: Sequence[Argument],
) -> tuple[dict[Argument, int], set[Argument]]:
    """Return the title noun each person's name runs on into, and the names written inside those titles.

    In 松村祥史内閣府特命担当大臣は and 馳浩石川県知事と, the nouns after the name up to the first one with a
    particle make one title when it ends in a title word, whatever the parser made of them: the person's
    phrase is that noun, and 内閣府 and 石川県 are words of the title. A name with a particle of its own
    (山田太郎と内閣府の職員が) or nouns that end in no title (山田太郎内閣府チームが) are left alone; the name's
    reading in brackets may come before the title.
    """
    tokens = sentence.tokens
    found: dict[Argument, int] = {}
    inside: set[Argument] = set()
    for person in arguments:
        k = next((i for i, t in enumerate(tokens) if t.start >= person.end), None)
        if person.type != "Person" or k is None or tokens[k].start != person.end:
            continue
        if tokens[k].text in ("（", "("):
            # 李強（リー・チャン）国務院総理: the name's reading in brackets comes between the name and its title
            k = next((c + 1 for c in range(k, len(tokens)) if tokens[c].text in ("）", ")")), len(tokens))
        end = k
        while end < len(tokens) and tokens[end].pos in NOUNS and not sentence.marker(end):
            end += 1
        if end >= len(tokens) or tokens[end].pos not in NOUNS:
            continue
        # a title the dictionary splits (国家安全保障局|長) is a title still: the words before a suffix are its own
        word = tokens[end].text if "接尾辞" not in tokens[end].tag else "".join(t.text for t in tokens[k:end + 1])
        if not _titled(word):
            continue
        names = [a for a in arguments if a is not person and person.end <= a.start and a.end <= tokens[end].end]
        if names:
            found[person] = end
            inside.update(names)
    return found, inside


def _titled(word: str) -> bool:
    """Return True when a noun ends in a title written after a person's name (知事, 大臣, 経産相)."""
    return word.endswith(("相", "大臣")) or any(word.endswith(t) for t in titles())


def _conjunct(
    sentence: ParsedSentence, i: int, phrase: dict[int, list[Argument]], owner: dict[int, int],
) -> tuple[int | None, int | None]:
    """Return the phrase a conjunct joins, else (None, the word it is an argument of).

    Conjuncts are alike: in 山田首相とカナダのX首相が, the person joins the person, not the country the
    parser hung it on. When no name of its kind follows, the と-phrase is no conjunct but the partner
    of the predicate: 首相と東京で会談した, 企業と次世代の電池で研究を進めた, カナダはメキシコと北米協定に署名した.
    """
    tokens = sentence.tokens
    kind = _kind(phrase[i])
    # AとBのN with both hung on N: B is the conjunct; a place is no conjunct of a body (AやCのBが: C is where B is)
    # A / B / C発表 with all hung on 発表: names listed with marks alone are conjuncts, whatever the mark
    sibling = next((k for k in range(i + 1, tokens[i].head) if tokens[k].head == tokens[i].head and phrase.get(k)
                    and _kind(phrase[k]) == kind and (sentence.marker(k) == "の" and
                    _regions(phrase[k]) == _regions(phrase[i]) or _marks_between(tokens, i, k, owner))), None)
    if sibling is not None:
        return sibling, None
    j = owner.get(tokens[i].head, tokens[i].head)
    # AとCのBが with A hung on C: a place with の is where the body after it is, and A, no place, joins that body
    while not phrase.get(j) or _kind(phrase[j]) != kind or (
            sentence.marker(j) == "の" and _places(phrase[j]) and not _places(phrase[i]) and
            (b := _genitive_of(sentence, j)) is not None and phrase.get(owner.get(b, b)) and not _places(phrase[owner.get(b, b)])):
        up = tokens[j].head
        if sentence.predicate(up) is not None and up > j:
            return None, up  # AとBの会談, AとBに関する対話: A is the partner of the act
        # a noun without a copula is no clause: one the parser labels acl (AとB長官が, B no name) is a word of
        # the noun it is on
        word = tokens[j].dep == "acl" and tokens[j].pos in NOUNS and not sentence.kids(j, "cop")
        if up <= j or not (tokens[j].dep == "nmod" or word) or tokens[up].pos not in NOUNS:
            if tokens[j].dep in ("obl", "obj", "nsubj", "iobj") and up != j:
                return None, up
            if not phrase.get(j) and sentence.predicate(j) is not None:
                return None, j  # Aと…の合弁会社であるC: A is an argument of the act itself
            return owner.get(tokens[i].head, tokens[i].head), None
        j = owner.get(up, up)
    return j, None


def _marks_between(tokens: Sequence[Token], i: int, k: int, owner: dict[int, int]) -> bool:
    """Return True when only list marks stand between phrase i and the first word of phrase k (A / B, A・B)."""
    start = min(t for t, o in owner.items() if o == k)
    return start > i + 1 and all(tokens[t].text in LIST_MARKS for t in range(i + 1, start))


def _genitive_of(sentence: ParsedSentence, i: int) -> int | None:
    """Return the noun the phrase of token i modifies with の, if it does."""
    head = sentence.tokens[i].head
    nominal = head > i and sentence.tokens[head].pos in NOUNS
    return head if nominal and sentence.tokens[i].dep == "nmod" and sentence.marker(i) == "の" else None


def _spelled(token: Token, arguments: Sequence[Argument]) -> bool:
    """Return True when a word is made of the names in it and nothing else (英米 of 英 and 米)."""
    inside = [a for a in arguments if token.start <= a.start and a.end <= token.end]
    return sum(a.end - a.start for a in inside) == token.end - token.start


def _places(arguments: Sequence[Argument]) -> bool:
    """Return True when a phrase names countries or places within them only."""
    return all(a.type in ("Country", "Region") for a in arguments)


def _regions(arguments: Sequence[Argument]) -> bool:
    """Return True when a phrase names places within countries only (cities, provinces)."""
    return all(a.type == "Region" for a in arguments)


def _countries(arguments: Sequence[Argument] | None) -> bool:
    """Return True when a phrase names countries only."""
    return bool(arguments) and all(a.type == "Country" for a in arguments)


def _kind(arguments: Sequence[Argument] | None) -> str:
    """Return what a phrase names, as far as conjuncts go: people, instruments (協定, 計画, 法) or other names."""
    types = {a.type for a in arguments or ()}
    return "Person" if "Person" in types else "instrument" if types and types <= set(INSTRUMENTS) else ""


def _enclosed(tokens: Sequence[Token], covered: Sequence[int], argument: Argument) -> bool:
    """Return True when a name, no place, fills a bracket after a noun: 法律（北極法）は, not 会議（東京）."""
    first, last = covered[0], covered[-1]
    return argument.type not in ("Country", "Region") and 1 < first and last + 1 < len(tokens) and \
        tokens[first - 1].text in ("（", "(") and tokens[last + 1].text in ("）", ")") and tokens[first - 2].pos in NOUNS


def _bracketed(tokens: Sequence[Token], i: int) -> bool:
    """Return True when token i is an abbreviation in brackets after a noun: 共同体（CARD）, not 会議（東京）."""
    return i > 0 and tokens[i - 1].text in ("（", "(") and tokens[i].text[:1].isascii() and tokens[i].text[:1].isupper()
