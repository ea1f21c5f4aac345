"""One parsed sentence and how to read its words: case markers, conjuncts, predicates, voice and mood.

kg.relate.frames and kg.relate.clauses read a sentence only through this class, so the questions
Japanese grammar asks of a word (which particle marks it, whether it is the first of two conjuncts,
whether it names a predicate, whether it is passive or negated) are answered in one place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from kg.relate.parse import Token
from kg.relate.vocabulary import LIGHT, NEGATION, RESUMPTION, Predicate, Vocabulary

JOINTLY = ("共同", "一緒", "共に", "とも", "共催")
OPEN_QUOTES = ("「", "『", "“")
CLOSE_QUOTES = ("」", "』", "”")
_EVENT_HEADS = ("式", "会", "会議", "会合")
# Suffixes that put something under the act before them: 管轄下, 支援下
# Endings of a one-word role named after its act: 加盟国 (a member), 出資者 (a funder)
_ROLES = ("国", "者")
_UNDER = ("下",)
# Suffixes that name what an act handles, no one who does it: 輸出品 (goods exported), 寄贈物
_GOODS = ("品", "物")
# Punctuation that lists nouns without a particle: A・B, A、B, A / B
LIST_MARKS = ("・", "、", "/", "／")
# Particles that only restrict or soften a phrase: G7などで is G7で.
_RESTRICTIVES = ("など", "等", "なんか")
# Verbs that name a thing among a larger whole: Aを含むN, Aをはじめとする N
_INCLUDING = ("含む", "含める", "始め", "はじめ")
# Particles the tokenizer may tag a noun suffix, which the parser then makes a phrase's head: Bとも
_SUFFIX_PARTICLES = ("とも",)
NOUNS = ("NOUN", "PROPN", "NUM", "PRON")
_PASSIVE = ("れる", "られる")
# Auxiliaries of the causative: Xを発足させた makes an intransitive act transitive, its doer the subject
_CAUSATIVE = ("せる", "させる")
# The last kana of a verb's dictionary or past form, which modifies the noun it runs into: する, した, いる, ない
ATTRIBUTIVE_ENDINGS = tuple("るたうくぐすつぬぶむだい")
# Words a frame's head passes through on its way to a modality: 締結すること(を目指す), 締結の(予定).
FORMAL_NOUNS = ("こと", "の", "もの", "ため", "関係")


def _particle(token: Token) -> bool:
    """Return True when a child token is a case particle, whatever label the parser gave it.

    After a bracket the parser may call で a copula (会議（MC12）で) and に an auxiliary
    (北極評議会にオブザーバーとして), and it tags the とも of Bとも会談した a noun suffix.
    """
    if token.dep in ("case", "mark"):
        return token.pos in ("ADP", "SCONJ") or all("ぁ" <= ch <= "ゖ" for ch in token.text)
    return token.dep in ("cop", "aux") and token.tag.startswith("助詞-格助詞")


def _clauses_on_verbs(tokens: Sequence[Token]) -> Sequence[Token]:
    """Return the tokens with each clause the parser hung on a word inside a noun's phrase moved to that phrase's verb.

    A clause chained with て or the conjunctive form (Aがリマを訪れ、B協定に署名した) modifies a predicate,
    never a noun: hung on 日 of 日ペルー協定, a word of the name, it is the clause of 署名, which the name is an
    argument of. A noun that ends a sentence or heads a relative clause says something itself and keeps its clauses.
    """
    moved = list(tokens)
    for i, token in enumerate(tokens):
        if token.dep != "advcl" or token.head <= i or tokens[token.head].dep != "compound":
            continue  # a clause on a noun of its own (a predicate noun) stays
        verb = verb_of(tokens, token.head)
        if verb is not None:
            moved[i] = replace(token, head=verb)
    return moved


def verb_of(tokens: Sequence[Token], k: int) -> int | None:
    """Return the verb whose argument is the noun phrase that word k is inside (日 of 日ペルー協定に署名した), else None.

    The words of a name are nouns the parser may label compound, nmod or even acl (円滑化 of …円滑化協定).
    """
    while tokens[k].pos in NOUNS and tokens[k].dep in ("compound", "nmod", "acl") and tokens[k].head > k:
        k = tokens[k].head
    if tokens[k].pos in NOUNS and tokens[k].dep in ("obl", "obj") and tokens[k].head > k:
        return tokens[k].head
    return None


class ParsedSentence:
    """Tokens with their children, and the helpers that read them."""

    def __init__(self, tokens: Sequence[Token], vocabulary: Vocabulary) -> None:
        self.tokens = _clauses_on_verbs(tokens)
        tokens = self.tokens
        self.vocabulary = vocabulary
        self.children: dict[int, list[int]] = defaultdict(list)
        for i, token in enumerate(tokens):
            if token.head != i:
                self.children[token.head].append(i)

    def kids(self, i: int, *deps: str) -> list[int]:
        """Return the children of token i with one of those dependencies (all children if none)."""
        return [c for c in self.children[i] if not deps or self.tokens[c].dep in deps]

    def marker(self, i: int) -> str:
        """Return the case particles under token i with their fixed words: に対し, によって, では."""
        parts = []
        if self.tokens[i].tag.startswith("接尾辞") and self.tokens[i].text in _SUFFIX_PARTICLES:
            parts.append(self.tokens[i].text)  # Bとも会談を行った: the parser made the particle the phrase's noun
        for c in self.children[i]:
            if not _particle(self.tokens[c]) or self.tokens[c].lemma in _RESTRICTIVES or self._bracketed(i, c):
                continue
            parts.append(self.tokens[c].text + "".join(self.tokens[f].text for f in self.kids(c, "fixed")))
        return "".join(parts)

    def _bracketed(self, i: int, c: int) -> bool:
        """Return True when particle c stands inside a bracket opened after token i: the の of A（BのC）is C's."""
        inside = 0
        for k in range(i + 1, c):
            inside += {"（": 1, "(": 1, "）": -1, ")": -1}.get(self.tokens[k].text, 0)
        return inside > 0

    def sibling(self, i: int) -> int | None:
        """Return the next conjunct of token i when the parser hung both on a word of togetherness.

        In AおよびBと共同で, A and B both depend on 共同; A's conjunct is B, not 共同.
        """
        head = self.tokens[i].head
        if head <= i or self.tokens[head].lemma not in JOINTLY or self.marker(i):
            return None
        if not any(self.tokens[c].dep == "cc" for c in self.children[head] if i < c < head):
            return None
        return next((c for c in self.children[head] if i < c < head and self.tokens[c].dep == "nmod"), None)

    def conjoined(self, i: int) -> bool:
        """Return True when token i is the first of two nouns joined as conjuncts (AとB, A・B, A及びB, AもBも)."""
        token = self.tokens[i]
        head = token.head
        if head > i and self.marker(i) in ("と", "や") and self.tokens[head].pos == "ADJ" \
                and self.tokens[head].dep == "amod":
            return True  # Aと公的…委員会が: the parser hung A on the adjective that opens the next noun
        if head <= i or self.tokens[head].pos not in NOUNS:
            return False
        if self.marker(i) == "も" and self.marker(head) == "も":
            return True  # AもBも: both A and B, though the parser hangs A on B as its subject
        if token.dep == "obl" and self.marker(i) == "と" and self.tokens[head].lemma not in JOINTLY and \
                all(self.tokens[k].pos in NOUNS for k in range(i + 2, head + 1)):
            # AとBが設置した, A首相とB大統領は: a noun takes no と-phrase of its own (it would say との), so one the
            # parser hung on the noun written right after it is that noun's conjunct
            return True
        # a noun is no clause: one the parser labels acl (A、B、C、DなどN社) is listed as nmod would be
        if token.dep not in ("nmod", "compound", "conj", "acl") or self.tokens[head].lemma in JOINTLY or \
                (token.dep == "acl" and token.pos not in NOUNS):
            return False
        if token.dep == "conj" or self.marker(i) in ("と", "や"):
            return True
        if any(self.tokens[c].dep == "cc" for c in self.children[head] if c > i) or self.kids(i, "cc"):
            return True
        k = i + 1
        if k < len(self.tokens) and self.tokens[k].text in ("（", "("):
            # A（B）、C: the list mark comes after the bracket that abbreviates A
            k = next((c + 1 for c in range(k, head) if self.tokens[c].text in ("）", ")")), k)
        after = self.tokens[k].text if k < len(self.tokens) else ""
        return not self.marker(i) and after in LIST_MARKS

    def paired(self, i: int) -> int | None:
        """Return the subject written right after a と-phrase the parser hung on the same verb, else None.

        In A（B）とCが主催した, A is C's conjunct, not a partner of the act: nothing stands between Aと and Cが.
        So is a noun with no particle listed with 、 right before Cが (A国防相、B国防相、C防衛相が会談した): a
        bare noun is no argument of a verb, whatever the parser hung it on.
        """
        token = self.tokens[i]
        head = token.head
        marker = self.marker(i)
        if marker not in ("と", "") or head <= i or token.dep != "obl":
            return None
        after = self.last(i) + 1
        if not marker:
            if token.pos not in NOUNS or after >= len(self.tokens):
                return None
            if self.tokens[after].text == "、":
                after += 1  # the list mark hung elsewhere; under the noun it ends its phrase already
            elif self.tokens[after - 1].text != "、":
                return None
        return next((j for j in self.children[head] if j > i and self.first(j) == after and
                     self.marker(j) in ("が", "は")), None)

    def joined_subject(self, i: int) -> int | None:
        """Return the subject noun a と-phrase is hung on when it is written right after it (AとBが), else None.

        In 北電とJPXが…に出資した, A is B's conjunct and a subject with it, though B names no entity.
        """
        head = self.tokens[i].head
        if self.marker(i) != "と" or head <= i or self.tokens[head].pos not in NOUNS or \
                any(self.tokens[k].dep != "compound" for k in range(self.last(i) + 1, head)):
            return None
        return head if self.marker(head) in ("が", "は", "も") else None

    def relative(self, i: int) -> bool:
        """Return True when clause i modifies the noun it hangs on: an acl that の does not make a noun (Vしたので).

        A clause that ends in the conjunctive form and a comma (Bは国会で成立し、C計画が進行中) is chained to the
        next one, whatever the parser hung it on: only the dictionary or past form modifies a noun.
        """
        return self.tokens[i].dep == "acl" and not self._nominalised(i) and not self._continued(i)

    def _continued(self, i: int) -> bool:
        """Return True when clause i ends in the conjunctive form (成立し, 設置され) followed by a comma."""
        end = max([i, *(c for c in self.kids(i, "aux") if c > i)])
        return end + 1 < len(self.tokens) and self.tokens[end + 1].text == "、" and \
            not self.tokens[end].text.endswith(ATTRIBUTIVE_ENDINGS)

    def cleft(self, i: int) -> bool:
        """Return True when clause i is the Vしたのは of Vしたのは X だ: X is the one it leaves unsaid.

        The copula may continue the sentence (Vするのは Xで、…), which the parser reads as a particle, or be left
        out where X ends it (Vするのは X。).
        """
        head = self.tokens[i].head
        continued = self.marker(head) == "で" and any(self.tokens[c].text == "、" for c in self.kids(head, "punct"))
        ends = self.tokens[head].dep == "ROOT" and self.tokens[head].pos in NOUNS
        return self.tokens[i].dep == "csubj" and self._nominalised(i) and (bool(self.kids(head, "cop")) or continued
                                                                          or ends)

    def _nominalised(self, i: int) -> bool:
        """Return True when the particle の makes clause i a noun (Vしたので, Vしたのは)."""
        return any(self.tokens[c].tag.startswith("助詞-準体助詞") for c in self.kids(i, "mark"))

    def quoted(self, i: int) -> bool:
        """Return True when the phrase of token i is a name in quotes (「…取決め」).

        A clause quoted and made a noun by こと (「…引き上げる」ことで合意した) is what is said, no name, and so
        is a noun whose quote closes before it (「Xの壁」を上げる修正で合意した: a clause on the noun quotes).
        """
        first = self.first(i)
        return self.tokens[first].text in OPEN_QUOTES and self.tokens[i].lemma not in FORMAL_NOUNS and \
            not any(self.tokens[k].text in CLOSE_QUOTES for k in range(first + 1, i))

    def first(self, i: int) -> int:
        """Return the first token of the phrase token i heads."""
        return min([i, *(self.first(c) for c in self.children[i])])

    def last(self, i: int) -> int:
        """Return the last token of the phrase token i heads."""
        return max([i, *(self.last(c) for c in self.children[i])])

    def compounded(self, i: int) -> bool:
        """Return True when noun i runs on into its head with no particle between (ストルテンベルグ事務総長).

        A name written right before a noun is part of one compound, whatever label the parser gave it.
        """
        head = self.tokens[i].head
        if head <= i or self.tokens[i].dep != "nmod" or self.marker(i) or self.tokens[head].pos not in NOUNS:
            return False
        return all(self.tokens[k].dep == "compound" and self.tokens[k].head == head for k in range(self.last(i) + 1, head))

    def title_after(self, i: int, taken: set[int]) -> int:
        """Return the noun a name's phrase runs on into when the parser split it off (局長 of …局長が), else i.

        A phrase with no particle, right before nouns that end in one, is the first part of a longer
        noun: 秋葉剛男国家安全保障局長が, 崔相穆副首相兼企画財政相と.
        """
        tokens = self.tokens
        if self.marker(i) or tokens[i].dep in ("compound", "nmod"):
            return i
        k = self.last(i) + 1
        # ministries listed with ・ make one title: …環境・天然資源相が
        while k < len(tokens) and k not in taken and (tokens[k].dep == "compound" and tokens[k].head > k or
                                                      tokens[k].text == "・"):
            k += 1
        if k < len(tokens) and k not in taken and tokens[k].pos in NOUNS and self.marker(k):
            return k
        return i

    def appositive(self, i: int) -> bool:
        """Return True when token i names examples or members of the noun it modifies (AなどのN, Aの2か国)."""
        token = self.tokens[i]
        head = token.head
        if head <= i or token.dep != "nmod" or self.marker(i) not in ("の", "") or self.tokens[head].pos not in NOUNS:
            return False
        if self.exemplifies(i):
            return True
        # a counter suffix (か国) counts; a noun that may only be used as one (一部局) names a part
        tag = self.tokens[head].tag
        return (tag.startswith("接尾辞") and "助数詞" in tag) or bool(self.kids(head, "nummod"))

    def exemplifies(self, i: int) -> bool:
        """Return True when a particle such as など makes noun i an example (AなどのN, AなどN)."""
        return any(self.tokens[c].lemma in _RESTRICTIVES for c in self.kids(i, "case"))

    def included(self, i: int) -> int | None:
        """Return the party a phrase is named as part of (Aを含むNが, Aをはじめとする NとBが), else None.

        Only a noun that acts, as a subject or its conjunct, makes its parts act: in Aを含むNへ…が承認された,
        A is only within what something is granted to.
        """
        token = self.tokens[i]
        verb = token.head
        if verb <= i or token.dep != "obj" or self.marker(i) != "を":
            return None
        if self.tokens[verb].lemma not in _INCLUDING and not (
                self.tokens[verb].lemma == "する" and any(self.tokens[k].lemma in _INCLUDING for k in range(i + 1, verb))):
            return None
        noun = self.tokens[verb].head
        if self.tokens[verb].dep != "acl" or noun <= verb or self.tokens[noun].pos not in NOUNS:
            return None
        return noun if self.marker(noun) in ("が", "は", "も") or self.conjoined(noun) else None

    def between(self, i: int) -> bool:
        """Return True when token i is 間 (A・B間, AとBの間)."""
        return self.tokens[i].lemma in ("間", "間の") or self.tokens[i].text == "間"

    def predicate(self, i: int) -> tuple[Predicate, int] | None:
        """Return the predicate token i stands for and the token that names it (署名式 is 署名)."""
        token = self.tokens[i]
        noun = token.pos in NOUNS or "名詞" in token.tag
        if noun and token.dep == "compound" and token.head > i:
            return None  # part of a longer noun: 協力事業, 友好協力50周年 name things, not acts
        # a predicate the dictionary splits into words: 技術協力 is 技術 + 協力
        for start in (self._compound_start(i) if noun else ()):
            whole = self.vocabulary.predicate("".join(t.text for t in self.tokens[start:i]) + token.lemma)
            if whole is not None and whole.group != LIGHT:
                return whole, i
        found = self.vocabulary.predicate(token.lemma, noun=noun)
        if found is not None and found.group != LIGHT and not found.carries:
            return found, i
        # 署名式 and 買収計画: an event or a modality named after the act stands for the act
        mood = self.vocabulary.markers.get(token.lemma)
        # and 出資国 (a suffix after the act, said of someone) names who does it
        role = self._suffixed_role(i)
        doer = self._doer_of(i) if noun and found is None else None
        if doer is not None:
            return doer, i  # 加盟国, one word for a role named after the act
        # and Aの管轄下: under A's jurisdiction is A's act of jurisdiction
        under = token.lemma in _UNDER and "接尾辞" in token.tag
        heads = token.lemma in _EVENT_HEADS or (noun and mood is not None and mood != NEGATION) or role or under
        for c in reversed(self.kids(i, "compound") if heads else []):
            inner = self.vocabulary.predicate(self.tokens[c].lemma, noun=True)
            if inner is not None and inner.group != LIGHT:
                return inner, c
        if found is not None:  # a light verb: the noun it carries is the predicate
            passive = self.passive(i) or found.intransitive  # Bの設立が決まった: 決まる carries its が-phrase
            topics = self._said_of(i)
            for c in self.kids(i, "obj", "obl", "advmod", *(("nsubj",) if passive else ())) + topics:
                if self.marker(c) == "で":
                    continue  # 円借款でBに巡視船を供与した: a noun with で is the means, not what the verb carries
                carried = self.predicate(c)
                # OPEC事務局と意見交換を行う: a body, no act; but a part one serves as (Bの事務局はAが務めた,
                # Bの事務局を務める) is A's post under B, as 議長 is
                if carried is not None and (not carried[0].part or c in topics or self.marker(c) == "を"):
                    return carried
            if found.group != LIGHT:
                return found, i
        return None

    def said(self, i: int) -> bool:
        """Return True when noun i is what its clause says of a subject.

        With a copula, at the end of the sentence with the copula left out (日本はBの拠出国。), or as the N
        of Nの一つ said so.
        """
        token = self.tokens[i]
        # …の加盟国ではなく、…: a copula in its continuing form (で) says it as well as だ does; Aは…の加盟国として
        # says it of A too
        if token.dep == "ROOT" or self.marker(i) == "として" or any(self.tokens[c].lemma == "だ" or (self.tokens[c].dep == "cop" and
                                                                       self.tokens[c].text == "で")
                                      for c in self.children[i]):
            return True
        if self.marker(i) == "で" and any(self.tokens[c].text == "、" for c in self.kids(i, "punct")) and \
                any(self.marker(c) == "は" for c in self.kids(i, "nsubj")):
            return True  # AはBの出資国で、…: the continuing copula the parser read as a particle, said of its topic
        head = token.head
        # Bへの拠出国の一つ: one of the Ns is an N
        return head != i and self.marker(i) == "の" and "助数詞" in self.tokens[head].tag and self.said(head)

    def _doer_of(self, i: int) -> Predicate | None:
        """Return the act a one-word role names when it is said of someone: 加盟国 (a member) is 加盟."""
        lemma = self.tokens[i].lemma
        if len(lemma) < 3 or not lemma.endswith(_ROLES) or not self.said(i):
            return None
        found = self.vocabulary.predicate(lemma[:-1])
        return found if found is not None and found.group != LIGHT else None

    def role(self, i: int) -> bool:
        """Return True when noun i names who does an act (拠出国, 加盟国) and is said of someone: its subject is that one's."""
        token = self.tokens[i]
        if token.lemma.endswith(_ROLES) and self.said(i) and self.vocabulary.predicate(token.lemma, noun=True):
            return True  # 非常任理事国, a role the vocabulary names whole
        return self._suffixed_role(i) or self._doer_of(i) is not None

    def _suffixed_role(self, i: int) -> bool:
        """Return True when noun i is a suffix after an act that names its doer and is said of someone (…出資国)."""
        token = self.tokens[i]
        return "接尾辞" in token.tag and token.lemma not in _GOODS and self.said(i)

    def _said_of(self, i: int) -> list[int]:
        """Return the は-topics of a light verb that has a が-phrase too: in 議長はAが務めた, A does 議長."""
        if not any(self.marker(c) == "が" for c in self.kids(i, "nsubj")):
            return []
        return [c for c in self.kids(i, "nsubj", "dislocated") if self.marker(c) == "は" and self.tokens[c].pos in NOUNS]

    def _compound_start(self, i: int) -> range:
        """Return where the words compounded into noun i may start, farthest first (技術協力: 技術)."""
        start = i
        while start > 0 and self.tokens[start - 1].dep == "compound" and self.tokens[start - 1].head == i:
            start -= 1
        return range(start, i)

    def passive(self, i: int) -> bool:
        """Return True when token i is a passive predicate (署名され, 締結された)."""
        return any(self.tokens[c].lemma in _PASSIVE for c in self.kids(i, "aux"))

    def causative(self, i: int) -> bool:
        """Return True when token i is a causative predicate (発足させた, 成立させた)."""
        return any(self.tokens[c].lemma in _CAUSATIVE for c in self.kids(i, "aux"))

    def negated(self, i: int) -> bool:
        """Return True when an auxiliary under token i negates it."""
        markers = self.vocabulary.markers
        # the ない of a copula negates the noun it says: Aの機関ではない
        said = self.kids(i, "aux", "fixed") + [f for c in self.kids(i, "cop") for f in self.kids(c, "fixed")]
        if any(markers.get(self.tokens[c].lemma) == NEGATION for c in said):
            return True
        # 輸入を停止した: a verb of stopping negates the act it takes as object; 輸入を再開しなかった: one of resuming
        # negated does too
        head = self.tokens[i].head
        return self.tokens[i].dep == "obj" and head != i and (self.vocabulary.stopping(self.tokens[head].lemma) or (
            self.vocabulary.resuming(self.tokens[head].lemma) and self.negated(head)))

    def modality(self, i: int) -> str:
        """Return the modality an auxiliary or a governing word gives token i ("" for none)."""
        markers = self.vocabulary.markers
        for c in self.kids(i, "aux"):
            kind = markers.get(self.tokens[c].lemma, "")
            if kind and kind not in (NEGATION, RESUMPTION):
                return kind
        head, hops = i, 0
        while hops < 3 and self.tokens[head].head != head:
            head = self.tokens[head].head
            hops += 1
            kind = markers.get(self.tokens[head].lemma, "")
            if kind and kind not in (NEGATION, RESUMPTION):
                return kind
            if self.tokens[head].lemma not in FORMAL_NOUNS:
                break
        return ""
