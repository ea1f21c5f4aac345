"""Read predicate frames from one parsed sentence: who does what to whom, among its entities.

The input is the sentence's tokens (kg.relate.parse.Token, Universal Dependencies labels as
GiNZA gives them) and the entity mentions in it, as character offsets into the sentence. A
mention's phrase is the noun its words attach to (日本企業 for 日本 in 日本企業が), its case marker
the particles under that noun (が, は, を, に, と, との, によって, ...). The marker and the
dependency label say the phrase's role at its governor:

- subject: nsubj, or が/は/も/では; objects: を, に, へ, と, に対して, との, への, について; a が-phrase
  before a は-topic belongs to the relative clause on that topic (AがVしたBは), wherever the parser hung it;
- AとB, AやB, A及びB, A・B make one group of conjuncts that share a role;
- A・B間 and AとBの間 make a group that does the predicate with each other;
- a predicate is a word of the vocabulary: a verb, a サ変 noun (署名した, 署名式, 協定の締結), or
  the noun a light verb carries (協力を行う, 署名が行われた);
- in a passive clause (…され, …られ) the が-phrase is the object and に/によって/から the subject;
  a verb that receives (AはBから融資を受けた) makes the から-phrase the subject too;
- AとBで構成するC: the で-phrase of a predicate of members (構成) is its subject;
- a relative clause (Aが主催するB) fills its missing role with the noun it modifies, or with the
  quoted name that noun introduces (Aが公表した報告書「B」) or the topic it defines
  (BはAが提唱した枠組みである); a clause the parser hung on a later noun that names no entity
  modifies the name written right after it (Bから離脱したAを除くN);
- a clause without a subject takes the subject of the clause that governs it (AはBに加盟し、…);
- a light verb whose が-phrase is an act acts on that act's の-phrase (Bの設立が承認を経た approves B);
- a mutual predicate whose subject is unsaid makes its と-partners parties to the named
  instrument (Bとは協定Cを締結した gives B→C);
- an auxiliary ない/ず negates it; 予定, 目指す, 向ける, べき, ... give it a modality.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.relate.clauses import (
    ACTORS, OBJECT_MARKERS, _acceded, _as, _attributive, _carried, _chained, _clause_of, _doer, _drafted, _governed, _held_topic, _inherited, _left, _lifted, _listed_pairs, _made_of, _meeting_of, _modified,
    _mood, _nested, _occasion, _origin, _said_to_be, _scene, _sibling, _spoken_for, _standing_for, _taken, _theme, _through, _topic, _topic_object, _under,
)
from kg.relate.parse import Token
from kg.relate.phrases import INSTRUMENTS, _Group, _groups, _outermost, _no_demonyms, _outside_titles
from kg.relate.reader import FORMAL_NOUNS, JOINTLY, NOUNS, ParsedSentence, verb_of
from kg.relate.vocabulary import LIGHT, NEGATION, Vocabulary

_SUBJECT_MARKERS = ("が", "は", "も", "では", "でも", "としては")
# Aと合わせて, Aと併せて: along with A, which the verb acts on as it acts on its object
_ALONG_WITH = ("合わせる", "併せる")
_WITH_MARKERS = ("と", "とともに", "と共に", "とも")
_VENUE_MARKERS = ("で", "において", "にて", "における", "では", "での")
_AGENT_MARKERS = ("によって", "により", "による", "から", "に")
_BY = ("によって", "により", "による")
_CONDUITS = ("を通じて", "を通して", "を通じ", "を通し")
_PLACES = ("Country", "Region", "Event")
# What a meeting adopts, signs or sets up: never a party such as a country or a person
_ACTED_ON = ("Agreement", "Plan", "Law", "Organization", "Event")
# Acts only a party does: an agreement, plan or law signs, joins or ratifies nothing (RCEPは…との協定: RCEP
# is the agreement itself, said of the topic)
_BY_PARTIES = ("signing", "ratification", "membership", "withdrawal")
# nor does one adopt anything (こども大綱は…三つの大綱を一本にまとめたもの: the outline is what was made of them), nor
# hand anything over (B計画は、閣議決定して国会に提出する: the plan is what is submitted)
_NOT_BY_INSTRUMENTS = (*_BY_PARTIES, "adoption", "provision")
# Nouns that name a meeting: 総会, 会議, 会合
_MEETINGS = ("会", "会議", "会合")
# Endings of a word for the one who does an act: 議長国, 加盟国, 出資者
_DOERS = ("国", "者")
# Done jointly (Bと共同で): with a verb that names no act, cooperation with B
_JOINT = "共同"
# Nouns that name what a body resolves: 決議, 決定
_DECISIONS = ("決議", "決定")
# Particles of what a thing is about (Eについて報告を公表した)
_ABOUT = ("について", "については", "に関して", "に関する")
# Meetings that are one sitting of their parties: AとBは会談で…した says they met
_SITTINGS = ("会談", "折衝")
# Acts of parties that a passive act may be done by (AとBの合意により設立された): the parties do it
_PARTIES_ACTS = ("合意",)
# Acts whose object is made, held or run by their doer (a body set up, an event held, a plan adopted), so never
# the doer itself: what a relative clause of one modifies is what it acts on
_MADE = ("establishment", "oversight", "hosting", "adoption", "publication")


@dataclass(frozen=True)
class Argument:
    """An entity mention in a sentence: character offsets into the sentence, entity id and type."""

    start: int
    end: int
    entity: str
    type: str = ""


@dataclass(frozen=True)
class Frame:
    """One relation read from a sentence: subject, predicate, object, and what the parse adds."""

    subject: Argument
    predicate: str
    group: str
    object: Argument
    negated: bool = False
    modality: str = ""


def read_frames(tokens: Sequence[Token], arguments: Sequence[Argument], vocabulary: Vocabulary) -> list[Frame]:
    """Return the relations between the arguments that the sentence's predicate frames state."""
    if len({a.entity for a in arguments}) < 2 or not tokens:
        return []
    sentence = ParsedSentence(tokens, vocabulary)
    groups = _groups(sentence, _outermost(_no_demonyms(tokens, _outside_titles(tokens, arguments))))
    # role slots per governing token: subjects, objects, agents (passive), genitives (の), mutual groups
    slots: dict[int, dict[str, list[_Group]]] = defaultdict(lambda: defaultdict(list))
    for group in groups.values():
        _attach(sentence, group, slots)
    frames: list[tuple[bool, Frame]] = []
    for anchor in range(len(tokens)):
        frames.extend(_frames_at(sentence, anchor, slots, groups) + _under(sentence, anchor, slots, groups))
    # a noun and the verb that carries it (協定に署名した) say one thing: keep the verb's frame
    frames.sort(key=lambda pair: not pair[0])
    return _unique([frame for _, frame in frames])


def _attach(sentence: ParsedSentence, group: _Group, slots: dict[int, dict[str, list[_Group]]]) -> None:
    """Record the role the group's phrase plays at its governor."""
    tokens = sentence.tokens
    i = group.token
    token = tokens[i]
    governor = token.head if group.governor is None else group.governor
    if tokens[governor].pos == "ADV" and tokens[governor].head != governor:
        governor = tokens[governor].head  # an adverb takes no argument: 日加間ではいまだ…締結されておらず
    if tokens[governor].dep == "compound" and tokens[governor].pos in NOUNS and governor > i and \
            sentence.marker(i) not in ("", "の") and (verb := verb_of(tokens, governor)) is not None:
        governor = verb  # Aは東京で日ASEAN会合を開催し, hung on 日 of the name: a phrase with a particle is the verb's
    if token.dep == "nsubj" and governor != i and "助数詞" in tokens[governor].tag and \
            not sentence.kids(governor, "cop") and tokens[governor].head != governor and \
            tokens[tokens[governor].head].pos == "VERB":
        # Eが22〜24日、…で開かれ: a date takes no subject, its verb does (a count said with a copula, Bは…の一部局で,
        # is said of it)
        governor = tokens[governor].head
    if group.between:
        slots[governor]["mutual"].append(group)
        return
    if sentence.marker(i) == "による" and sentence.predicate(governor) is None and tokens[governor].dep == "nmod" and \
            tokens[governor].head > governor and sentence.predicate(tokens[governor].head) is not None:
        # AによるBの産業への支援, hung on 産業: による modifies the act the noun phrase ends in
        governor = tokens[governor].head
    if governor == i and sentence.marker(i) in ("には", "では"):
        # Eには、…が出席した read as two sentences: a phrase with a particle ends none, so it is the later root's
        governor = next((k for k in range(i + 1, len(tokens)) if tokens[k].head == k and tokens[k].pos == "VERB"), i)
    if governor == i:
        return
    marker = sentence.marker(i)
    if marker in ("", "から") and (listed := _listed_from(sentence, group)) is not None:
        # Eには、XからA、YからBが出席した: people listed each with the side they come from share the last one's role
        token, marker, governor = tokens[listed], sentence.marker(listed), tokens[listed].head
    if not marker and sentence.passive(governor) and _defined(sentence, group):
        # B：Aに置かれる: a glossary line's passive clause is said of the name before its colon, as of a topic
        # (a label of a place, カタール：…との交渉, is said of nothing)
        marker = "は"
    if group.governor is not None and not marker and token.dep == "nmod":
        # A長官、Cの B相は: a conjunct listed with no particle, hung on a word inside the next name, is a
        # subject with it; a partner's list (Xでは A、Yでは Bと) pairs names of different scenes, no subjects
        k = i
        while tokens[k].head not in (k, governor):
            k = tokens[k].head
        if sentence.marker(k) in ("が", "は", "も"):
            token, marker = tokens[k], sentence.marker(k)
    if group.governor is not None and (k := sentence.joined_subject(i)) is not None:
        token, marker = tokens[k], sentence.marker(k)  # AとBが with B no entity: A is a subject with B
    if marker == "と" and tokens[governor].lemma in JOINTLY and tokens[governor].head != governor:
        # AとともにV, Aと共同でV: A does it too, with the subject, said or left unsaid; hung on a word of
        # a name (AとともにB協定に署名した), it is still the verb's: a noun with its own particle is no act
        verb = tokens[governor].head
        if tokens[verb].pos in NOUNS and tokens[verb].dep == "compound":
            verb = verb_of(tokens, verb) or verb
        slots[verb]["jointly"].append(group)
        return
    instrument = all(a.type in INSTRUMENTS for a in group.arguments)
    if marker == "と" and instrument and tokens[governor].lemma in _ALONG_WITH and tokens[governor].head != governor:
        # AはBと合わせてCも決定した: B is decided along with C, an object of the verb 合わせて modifies
        slots[tokens[governor].head]["object"].append(group)
        return
    if marker in ("も", "は") and instrument and any(
            sentence.marker(c) in ("は", "が", "も") and sentence.marker(c) != marker and tokens[c].dep == "nsubj" and
            governor in (h := tokens[c].head, tokens[h].head) for c in range(len(tokens)) if c != i):
        # Aは…Bも閣議決定した, Bも、Aは批准していない, AもCもBは批准していない: with another subject said with は, が or
        # も (hung on the verb or a clause chained into it), an instrument with も or は is what is done, not who does
        # it (an instrument does no act)
        marker = "を"
        token = replace(token, dep="obj")
    place = all(a.type in _PLACES for a in group.arguments)
    region = all(a.type == "Region" for a in group.arguments)
    # Bに職員を派遣した: a place things or people are sent to is where they go, no mere place
    sent = marker == "に" and (given := sentence.predicate(governor)) is not None and given[0].group == "provision"
    if (marker in ("では", "でも") and place) or (region and marker in ("に", "で", "において", "には") and not sent):
        slots[governor]["venue"].append(group)  # アラブ首長国連邦では…, 東京に設置: where, not who or what
    elif token.dep == "nsubj" or marker in _SUBJECT_MARKERS:
        slots[_as(sentence, _clause_of(sentence, i, governor))]["subject"].append(group)
    elif marker in _CONDUITS:
        slots[governor]["conduit"].append(group)  # Aを通じて: a means, or where the money goes
    elif marker in OBJECT_MARKERS or (token.dep in ("obj", "iobj") and marker in ("", "を")):
        slots[governor]["object"].append(group)
        if marker in _AGENT_MARKERS:
            slots[governor]["agent"].append(group)
    elif marker in _AGENT_MARKERS:
        slots[governor]["agent"].append(group)
    elif marker in _VENUE_MARKERS:
        slots[governor]["venue"].append(group)
    elif marker == "の" or (token.dep == "compound" and sentence.predicate(governor) is not None):
        slots[governor]["genitive"].append(group)
    if len(group.arguments) > 1:
        slots[governor]["together"].append(group)


def _listed_from(sentence: ParsedSentence, group: _Group) -> int | None:
    """Return the last phrase of a list of people written each after the side they come from, for an earlier one.

    In XからA、YからBが出席した, A (with a title and no particle, a comma after it) is listed with B, which carries
    the list's particle, wherever the parser hung A. Nothing but nouns, 、, と and から stands between them.
    """
    tokens = sentence.tokens
    if not group.arguments or any(a.type != "Person" for a in group.arguments):
        return None
    first = next((k for k, t in enumerate(tokens) if t.start >= min(a.start for a in group.arguments)), 0)
    after = next((k for k, t in enumerate(tokens) if t.start >= max(a.end for a in group.arguments)), len(tokens))
    if not first or tokens[first - 1].text != "から":
        return None
    comma = side = False
    for k in range(after, len(tokens)):
        if tokens[k].pos not in NOUNS and tokens[k].text not in ("、", "と", "から"):
            return None
        comma = comma or tokens[k].text == "、"
        side = side or (comma and tokens[k].text == "から")
        if side and tokens[k].pos in NOUNS and sentence.marker(k) in ("が", "は", "も"):
            return k
    return None


def _own_clause(sentence: ParsedSentence, anchor: int, group: _Group) -> _Group:
    """Return the conjuncts a relative clause modifies: those after it and before a clause of their own.

    In Aで成立したB法と、同時に改正されたC法, the first clause modifies B only and the second C only; a clause
    the parser hung on a group of conjuncts before it all (AとBが…) leaves them as they are.
    """
    tokens = sentence.tokens
    after = [a for a in group.arguments if a.start > tokens[anchor].start]
    if not after:
        return group
    first = min(a.end for a in after)
    clauses = [t.start for t in tokens if t.dep == "acl" and t.pos == "VERB" and t.start >= first]
    kept = [a for a in after if not any(c < a.start for c in clauses)]
    return group if len(kept) == len(group.arguments) else replace(group, arguments=kept)


def _defined(sentence: ParsedSentence, group: _Group) -> bool:
    """Return True when the group is the name a glossary line opens with, before its colon: B（C）：…."""
    tokens = sentence.tokens
    if not tokens or tokens[0].start != min(a.start for a in group.arguments) or \
            any(a.type in ("Country", "Region") for a in group.arguments):
        return False
    k = next((k for k, t in enumerate(tokens) if t.start >= max(a.end for a in group.arguments)), len(tokens))
    if k < len(tokens) and tokens[k].text in ("（", "("):
        k = next((c + 1 for c in range(k, len(tokens)) if tokens[c].text in ("）", ")")), len(tokens))
    return k < len(tokens) and tokens[k].text in ("：", ":")


def _frames_at(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], groups: dict[int, _Group],
) -> list[tuple[bool, Frame]]:
    """Return (verbal, relation) for the predicate at one governing token, if it is one."""
    tokens = sentence.tokens
    named = sentence.predicate(anchor)
    roles = slots[anchor]
    if named is None:
        return _lifted(sentence, anchor, slots) + _made_of(sentence, anchor, slots, groups) + \
            _joint(sentence, anchor, slots)
    if anchor in groups or _renamed(sentence, anchor, groups) or _in_name(sentence, anchor, groups):
        return []  # an entity's own name states no act: 「南米協議」, 北米協定, パウエル議長, 協定（北米協定）
    if tokens[anchor].pos in NOUNS and tokens[anchor].lemma.endswith(_PARTIES_ACTS) and \
            sentence.marker(anchor) in _BY and sentence.passive(tokens[anchor].head):
        return []  # Bは、AとCの合意により設立された: the agreement is how A and C set B up, read at the act it is done by
    if _title_before(sentence, anchor, groups):
        return []  # E議長のX氏: a title before the name is the person's post, as パウエル議長 is
    if named[1] == anchor and tokens[anchor].pos in NOUNS and tokens[anchor].lemma.endswith(_DOERS) and \
            sentence.marker(anchor) in _WITH_MARKERS + ("との",):
        return []  # AはE議長国と共同で: a role named as the partner is a party the sentence leaves unnamed, not A
    predicate, word = named
    if word != anchor and any(sentence.marker(g.token) in _BY for g in slots[word]["agent"]):
        return []  # Aは、BによるCの買収を禁じる命令を出した: the act a verb carries is B's, read at the noun
    # Aの機関として: a part said of the subject of the verb it goes with, as a copula says it
    as_part = predicate.part and word == anchor and sentence.marker(anchor) == "として"
    # Bの事務局はAが務めた: a part a verb carries is a post A serves in, and A oversees B as its host
    served = predicate.part and word != anchor and tokens[anchor].pos == "VERB"
    if predicate.part and (word != anchor or not sentence.kids(anchor, "cop", "nsubj")) and not as_part and not served:
        return []  # Aの機関 names a body, no act a verb carries; BはAの機関である, Aの機関であるB say what B is
    verbal = tokens[anchor].pos in ("VERB", "ADJ") or any(tokens[c].lemma == "する" for c in sentence.kids(anchor, "aux"))
    # Xが発足した says what was set up; Aは Xを発足させた who set it up
    passive = sentence.passive(anchor) or (predicate.intransitive and not sentence.causative(anchor))
    # AはEに招かれた, Eには…が招かれた: an event invites no one, the one invited attends it
    invited = roles["agent"] + [g for g in roles["object"] if sentence.marker(g.token) == "には"]
    if passive and predicate.group_for("Event") == "attendance" and invited and all(
            sentence.marker(g.token) in ("に", "には") and all(a.type == "Event" for a in g.arguments) for g in invited):
        passive = False
    subjects, objects = list(roles["subject"]), list(roles["object"])
    if not passive and any(sentence.marker(g.token) == "が" for g in subjects):
        # 国連では、AとBが…を提出した: with a doer said, a body with では is where it is done
        subjects = [g for g in subjects if sentence.marker(g.token) != "では"]
    # AとともにV, Aと共同でV, Aと共催した: A does it too; Bとも (with B too) is a partner like Bと
    jointly = tokens[anchor].lemma in JOINTLY or any(tokens[c].lemma in JOINTLY for c in sentence.children[anchor]
                                                       if c not in groups) or bool(roles["jointly"])
    # AはBと協定Cに署名した: with a named instrument, the partner is a party to it as A is
    named = predicate.mutual and any(a.type in INSTRUMENTS for g in objects for a in g.arguments
                                     if sentence.marker(g.token) not in _WITH_MARKERS)
    partners = [g for g in objects if sentence.marker(g.token) in _WITH_MARKERS and
                (jointly or named or (predicate.together and verbal and word == anchor) or sentence.marker(g.token) not in ("と", "とも"))]
    partners += roles["jointly"]
    subjects += partners
    objects = [g for g in objects if g not in partners]
    placed = ""
    if passive:
        # Xでは…が開かれた: within an organisation, it is the one that holds it
        within = [g for g in subjects if sentence.marker(g.token) == "では" and
                  all(a.type == "Organization" for a in g.arguments)]
        agents = [g for g in roles["agent"] if g not in subjects] + within
        if predicate.group_for("に") != predicate.group:
            # Aには、Bが設置された: a topic with に is where B is placed, as Aに is
            agents += [g for g in objects if sentence.marker(g.token) == "には" and g not in agents]
        if predicate.intransitive or predicate.assembly:  # Xが国会で成立した, 委員会で採択された
            # Xが参議院本会議で可決、成立した: an act listed before with no particle shares its venue
            listed = [c for c in sentence.kids(anchor, "obl") if not sentence.marker(c) and sentence.predicate(c)]
            # …で、Xが可決、成立した: the parser may hang X on the first act of the list; it is what both acts are of
            subjects += [g for c in listed for g in slots[c]["subject"] if g not in subjects]
            # the body or meeting itself, not a word its name modifies (AとBなどの賛成多数で成立した: A and B vote for
            # it, the house passes it)
            agents += [g for v in [anchor, *listed] for g in slots[v]["venue"] if sentence.marker(g.token) == "で" and
                       all(a.type in ("Organization", "Event") for a in g.arguments) and
                       any(a.start <= tokens[g.token].start < a.end for a in g.arguments)]
            agents = agents or _opening(sentence, anchor, groups)
            agents = agents or _sitting(sentence, anchor, slots, groups)
        agents = agents or _resolved(sentence, anchor, slots, groups)  # Bは国連総会の決議で設けられた
        if predicate.group == "hosting" and not agents:
            agents = _presiding(sentence, groups)  # 議長国Xの首都で Eが開かれた: X holds it
        subjects, objects = agents, [g for g in objects if g not in agents] + [g for g in subjects if g not in within]
        if subjects and not objects and (predicate.intransitive or predicate.assembly):
            # Bは国会で成立し、C計画が進行中: the topic the parser hung on the sentence's end is what passed
            topic = _topic(sentence, anchor, slots) or [g for g in slots[tokens[anchor].head]["object"] if
                                                         g.token < anchor and sentence.marker(g.token) == "は"]
            objects = [g for g in topic if all(a.type in INSTRUMENTS for a in g.arguments)]
        # AにBが設置された: A is where B is placed
        if subjects and all(sentence.marker(g.token) in ("に", "には") for g in subjects):
            placed = predicate.group_for("に") if predicate.group_for("に") != predicate.group else ""
            if placed and all(a.type == "Country" for g in subjects for a in g.arguments):
                subjects = []  # 事務局はAに置かれ: a body placed in a country is there, under no one said
        if placed and not objects and all(a.type == "Organization" for g in subjects for a in g.arguments):
            # Xの事務局はYに置かれ: the body whose part is placed under Y stands under Y; in a country it is only there
            objects = [g for c in sentence.kids(anchor, "nsubj") if c not in groups and
                       (part := sentence.predicate(c)) is not None and part[0].part for g in slots[c]["genitive"]]
    elif not verbal:
        # AによるBの買収: the agent of a noun is its subject
        subjects += [g for g in roles["agent"] if sentence.marker(g.token) in _BY and g not in subjects]
    if not passive and (predicate.group_for("に") != predicate.group or predicate.group == "publication"):
        # AはBに本部を置いた: where a thing is placed is not what is set up; AはBに命令を出した: whom a thing is
        # issued to is not what is published
        where = [g for g in objects if sentence.marker(g.token) in ("に", "には")]
        objects = [g for g in objects if g not in where]
        if predicate.group_for("に") != predicate.group and not subjects and where and objects and \
                all(c not in groups for c in sentence.kids(anchor, "nsubj")) and \
                all(a.type == "Organization" for g in where + objects for a in g.arguments):
            # 政府はAにBを置いた, AにBを置くことが決まった: a body placed in a body, by a doer that names no entity or
            # none said, stands under it (as in AにBが置かれた)
            subjects, placed = where, predicate.group_for("に")
    if predicate.group == "publication":
        # AはEについて報告を公表した: what a report is about is not what is published
        objects = [g for g in objects if sentence.marker(g.token) not in _ABOUT]
    received: list[_Group] = []
    verb = sentence.vocabulary.predicate(tokens[anchor].lemma)
    if verb is not None and verb.receives and word != anchor:
        # AはBから融資を受けた: the giver is B, the receiver A
        givers = [g for g in objects if sentence.marker(g.token) in ("から", "より")]
        # AはBの支援を受けた: the actor whose act is received gives it
        givers += [g for g in slots[word]["genitive"] if all(a.type in ACTORS for a in g.arguments)]
        if givers and not subjects:
            # Aは、Bの支援を受けて…した: the receiver is the subject the clause leaves unsaid
            subjects = _inherited(sentence, anchor, slots) or _topic(sentence, anchor, slots)
        subjects, objects = givers, [g for g in objects if g not in givers] + subjects
        received = givers
    # Bから is where from when the predicate has an object too: Cから列車でBを訪問した, Cから会議に出席した
    origins = [g for g in objects if sentence.marker(g.token) == "から"]
    if len(objects) > len(origins):
        objects = [g for g in objects if g not in origins]
    members = [g for g in roles["venue"] if sentence.marker(g.token) == "で"] if predicate.members else []
    if members and not subjects and not objects:
        # AとBで構成するC: the で-phrase names the members; C comes from the relative clause
        subjects = members
    elif members and len(subjects + objects) == 1 and sentence.marker((subjects + objects)[0].token) in ("は", "が"):
        # CはAとBで構成する, CはAとBで構成される: what the members make up is the one thing the clause says
        subjects, objects = members, subjects + objects
    if predicate.effect and not subjects:
        subjects, objects = _acceded(sentence, anchor, slots, groups)  # Aの協定Bへの加入が発効した: B for A
    if not subjects and not verbal:
        subjects = _governed(sentence, anchor, slots)
    if not subjects and ((word != anchor and "接尾辞" in tokens[anchor].tag) or sentence.role(anchor) or as_part):
        # AはBの出資国である, Aは…加盟国の一つ: the role is A's; BはAの外局として発足した: B is the part
        subjects = _inherited(sentence, anchor, slots)
    if not subjects and not passive:
        subjects = _standing_for(sentence, anchor, slots, groups)
    if not subjects and not passive:
        subjects = _doer(sentence, anchor, predicate.group, slots)  # AはBに拠出している拠出国の一つ
    # IMFはBにXで融資することを決めた: a clause that speaks of its topic has its doer, X is the means
    spoken = (not sentence.relative(anchor) or tokens[tokens[anchor].head].lemma in FORMAL_NOUNS) and \
        bool(_inherited(sentence, anchor, slots) or _topic(sentence, anchor, slots))
    if not subjects and not passive and not spoken:
        # 総務省で策定した計画: an organisation where a thing is done does it (Xで開かれた: X is a place)
        subjects = [g for g in roles["venue"] if sentence.marker(g.token) == "で" and
                    all(a.type == "Organization" for a in g.arguments)]
    # BはAの外局である, AとCの合弁会社であるB: the の-phrase and its と-conjunct are what B is part of;
    # BはAの所管: a noun of oversight said of the topic makes its の-phrase the one who oversees
    owned = predicate.part or (predicate.group == "oversight" and not verbal and sentence.said(anchor))
    owners = [g for g in roles["genitive"] + [g for g in objects if sentence.marker(g.token) == "と"]
              if all(a.type in ACTORS for a in g.arguments)] if owned else []
    if owners and not verbal:
        subjects, objects = owners, subjects + [g for g in objects if g not in owners]
    # 国会の承認, 国会承認: the body an act of an assembly names is the one that does it, not what it adopts
    # (日本は国会の承認: the topic is whom it is for, and the body still no object)
    bodies = [g for g in roles["genitive"] if all(a.type == "Organization" for a in g.arguments)] \
        if predicate.assembly and not verbal else []
    if bodies and not subjects:
        subjects = bodies[:1]
    for group in roles["genitive"]:
        actor = all(a.type in ACTORS for a in group.arguments)
        if group not in owners and group not in bodies:
            (subjects if actor and not subjects else objects).append(group)
    if not objects and word != anchor and "接尾辞" in tokens[anchor].tag and subjects:
        # AはBの大口の出資国で, AはBの分担金拠出国: a role's の-phrase the parser hung on the plain noun that describes
        # the role, with の or written on into it
        objects = [g for c in sentence.kids(anchor, "nmod") if c not in groups and sentence.marker(c) in ("の", "") and
                   sentence.predicate(c) is None for g in slots[c]["genitive"]]
    if not objects:
        objects = _nested(sentence, anchor, word, slots)
    # APAECはACEが取りまとめた: with a が-subject of its own, the topic is what is acted on
    marked = [g for g in subjects if sentence.marker(g.token) == "が"]
    topics = [g for g in subjects if sentence.marker(g.token) in ("は", "では")]
    if not marked and topics and not objects and not predicate.group_for("Country"):
        # AIIBは、中国が主導して設立し: the が-subject of the clause chained before sets up the topic; only for an
        # act no country is the object of, since a topic that joins or meets is its own subject
        marked = [g for g in _chained(sentence, anchor, slots, groups)[0] if sentence.marker(g.token) == "が"]
        subjects = subjects + marked
    if marked and topics and not objects:
        objects = topics
        subjects = [g for g in subjects if g not in topics]
    if predicate.draft and not objects:
        objects = _drafted(sentence, anchor, slots, groups, passive)
    # Bの事業に出資した, Bのビエンチャンを訪れた: a noun it states nothing with passes it on to its owner or place
    if predicate.through and not any(predicate.group_for(a.type) for g in objects for a in g.arguments):
        objects = objects + _through(sentence, anchor, slots)
    if predicate.conduit and not objects:
        objects = list(roles["conduit"])
    # a predicate noun named inside a compound (署名式) also takes the roles of its own token
    if word != anchor:
        subjects += slots[word]["subject"]
        objects += slots[word]["object"] + [g for g in slots[word]["genitive"] if g not in received]
    head = tokens[anchor].head
    # a relative clause (Aが主催するB) or a noun (A所管のB) fills its missing role with what it modifies,
    # a cleft (Vしたのは X だ) with X
    modifies = sentence.relative(anchor) or sentence.cleft(anchor) or \
        (tokens[anchor].dep == "nmod" and sentence.marker(anchor) == "の")
    modified = _modified(sentence, anchor, groups)
    # a subject that names no entity (事務局長が…手交した, Bが提出した決議) is still the subject: nothing is inherited
    unnamed = any(c not in groups for c in sentence.kids(anchor, "nsubj"))
    attributive = None if modifies else _attributive(sentence, anchor, groups)
    if attributive is not None:
        modifies, modified = True, attributive  # Aが共催する「E」が開かれた, E hung past by the parser
    if modifies and modified in groups and modified != anchor:
        target = _own_clause(sentence, anchor, groups[modified])
        if subjects and not objects:
            # Aが派遣したB, Aが提出した決議: what a clause of giving modifies is the thing given, no recipient
            if predicate.group != "provision":
                objects.append(target)
        elif objects and not subjects:
            subjects.append(target)
        elif roles["mutual"] and all(a.type == "Agreement" for a in groups[modified].arguments):
            objects.append(target)  # AとBの間で締結されたC: A and B are parties to C
        elif passive and not subjects:
            objects.append(target)  # Eを契機として立ち上げられたC: C is what was set up
        elif not subjects and not objects and not unnamed and verbal and sentence.relative(anchor) and \
                not predicate.intransitive and not predicate.effect and \
                all(a.type in INSTRUMENTS or (predicate.group_for(a.type) in _MADE and not sentence.kids(anchor, "obj"))
                    for a in groups[modified].arguments):
            # Aは…に閣議決定したBで…: a clause that names neither who nor what acts on the instrument it modifies,
            # and its doer is the sentence's topic, as in a main clause; an instrument that takes effect (発効した
            # B) or passes (成立したB) does so itself, and a subject that names no entity is still the clause's.
            # So does one whose act makes, holds or runs what it modifies (Aは、所管するBと…: A oversees B), which
            # is never its doer, unless it acts on another thing (Bに本部を置くC); one done with a body (Aは、加盟した
            # Bと…) may be said of the body as its doer
            topic = [g for g in _topic(sentence, tokens[anchor].head, slots) if all(a.type in ACTORS for a in g.arguments)
                     and g is not groups[modified]]  # BはAが…設置する予定で: B is what is set up, no doer
            if topic:
                subjects, objects = topic, [target]
    if modifies and subjects and not objects and modified not in groups and predicate.group != "provision" and \
            sentence.relative(anchor):
        # Eで成立した法律は、Bの改正法と、Cの改正法など: a topic the clause modifies is what the sentence says it is
        objects = _said_to_be(sentence, head, slots, groups)
    if not objects and predicate.group_for("Event") in ("hosting", "attendance"):
        objects = _meeting_of(sentence, anchor, slots, groups, _MEETINGS)  # Eの初会合が開かれた holds E
    own = bool(subjects)
    if not subjects and objects and roles["mutual"]:  # Bとの間で協定に署名した: B is a party to it
        subjects = list(roles["mutual"])
    # a predicate noun that only names what a plain noun is about (Bとの合意の見直しを訴えた, 合意の条件) is an
    # act already done, by whoever did it; one a light verb carries on (協力の強化) is the subject's
    described = not verbal and tokens[anchor].dep == "nmod" and sentence.marker(anchor) == "の" and head > anchor \
        and tokens[head].pos in NOUNS and sentence.vocabulary.predicate(tokens[head].lemma) is None
    # the subject of a governing clause is not the agent of a passive one (Bが開催され、Aは…), nor of a
    # predicate noun another predicate takes (Aが設立を支援したB: A supports, it does not set up)
    if not subjects and not passive and not unnamed and not described and not _taken(sentence, anchor) and \
            (not sentence.relative(anchor) or tokens[head].lemma in sentence.vocabulary.markers or
             tokens[head].lemma in FORMAL_NOUNS):
        chained, said = _chained(sentence, anchor, slots, groups)
        subjects = chained or _inherited(sentence, anchor, slots) or _sibling(sentence, anchor, slots) or \
            _spoken_for(sentence, anchor, slots, groups) or (_topic(sentence, anchor, slots) if verbal and not said else [])
    elif (jointly or named) and partners and all(g in partners for g in subjects) and not passive:
        # Aが主導し、Bと共催した, AはCを訪れ、Bと条約Dに署名した: the partners do it with the subject of the
        # clause before, left unsaid
        subjects += _chained(sentence, anchor, slots, groups)[0] or _inherited(sentence, anchor, slots)
    if not subjects and predicate.mutual:
        # Bとは覚書を締結した with the signer unsaid: B is a party to the named instrument
        parties = [g for g in objects if sentence.marker(g.token) in _WITH_MARKERS + ("とは",)]
        rest = [g for g in objects if g not in parties]
        if parties and any(a.type == "Agreement" for g in rest for a in g.arguments):
            subjects, objects = parties, rest
    if not subjects and all(a.type in _ACTED_ON for g in objects for a in g.arguments):
        # G7会合で宣言が採択された: a meeting is the agent of what it adopts when the sentence names no other,
        # and so is the meeting a clause chained before holds (Eが開かれ、宣言が採択された)
        subjects = [g for g in roles["venue"] if all(a.type == "Event" for a in g.arguments)] or \
            _occasion(sentence, anchor, slots, groups) or \
            (_scene(sentence, anchor, slots, held=predicate.group != "hosting") if verbal else [])
    if predicate.effect and subjects and not objects:
        # Aでは/Aでも、Bが発効した: B takes effect for the country it takes effect in; AとBの間で発効した, for both
        objects = [g for g in roles["venue"] if all(a.type in ("Country", "Region") for a in g.arguments)] or \
            [g for g in roles["mutual"] if all(a.type in ACTORS for a in g.arguments)]
    if subjects and not objects:
        objects = _carried(sentence, anchor, slots, predicate) or \
            (_scene(sentence, anchor, slots, held=True) if predicate.at else []) or \
            _topic_object(sentence, anchor, slots, subjects) or \
            (_held_topic(sentence, anchor, slots, subjects) if predicate.group == "hosting" else []) or \
            (_theme(sentence, anchor, groups) if predicate.group in _BY_PARTIES else []) or \
            (_left(sentence, anchor, slots, subjects) if predicate.group in ("withdrawal", "membership") else []) or \
            (_destination(sentence, anchor, slots) if predicate.group == "provision" else []) or \
            (_origin(sentence, anchor, slots) if predicate.group == "trade" else [])
    # AとBは党首会談で…を確認した: a sitting the co-subjects' clause is set in is one they hold with each other (a
    # negotiation, 関税交渉で合意した, is how they came to agree, not a meeting said)
    own = own or (tokens[anchor].lemma in _SITTINGS and sentence.marker(anchor) == "で" and tokens[anchor].dep == "obl")
    negated, modality = _mood(sentence, anchor, verbal)
    own_mood = sentence.vocabulary.markers.get(tokens[anchor].lemma, "")
    if word != anchor and not modality and own_mood != NEGATION:
        modality = own_mood  # 買収計画: the act is planned
    negated = negated or (modality == "plan" and _called_off(sentence, anchor, predicate.group))
    return [(verbal, Frame(a, predicate.word, group, b, negated, modality))
            for a, b in _pairs(sentence, anchor, roles, groups, subjects, objects, mutual=predicate.mutual,
                               own=own, verbal=verbal)
            # an object type with no group states nothing: the 議長国 of a body holds its presidency, no event
            if (group := placed or predicate.group_for(b.type)) and not (group in _NOT_BY_INSTRUMENTS and a.type in INSTRUMENTS)]


def _called_off(sentence: ParsedSentence, anchor: int, group: str) -> bool:
    """Return True when the plan an act was said in is called off by the clause it leads into.

    In AはBを訪れる予定だったが、…訪問を取りやめた the visit was planned and then not made; a clause that stops
    an act of another group (…予定だったが、会見を取りやめた) or a plan still ahead (予定だが) leaves it as it was.
    """
    tokens = sentence.tokens
    plan = tokens[anchor].head
    # a past plan set against what followed: 予定だったが
    if plan == anchor or tokens[plan].dep != "advcl" or not any(tokens[c].lemma == "が" for c in sentence.kids(plan, "mark")) \
            or not any(tokens[c].lemma == "た" for c in sentence.kids(plan, "aux")):
        return False
    stop = tokens[plan].head
    return sentence.vocabulary.stopping(tokens[stop].lemma) and any(
        (named := sentence.predicate(c)) is not None and named[0].group == group for c in sentence.kids(stop, "obj"))


def _title_before(sentence: ParsedSentence, anchor: int, groups: dict[int, _Group]) -> bool:
    """Return True for a title written before a person's name with の (COP28議長のX氏): the person's post, no act."""
    from kg.resolve.people import titles

    head = sentence.tokens[anchor].head
    return sentence.tokens[anchor].dep == "nmod" and sentence.marker(anchor) == "の" and \
        sentence.tokens[anchor].lemma in titles() and head in groups and \
        all(a.type == "Person" for a in groups[head].arguments)


def _joint(sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]]) -> list[tuple[bool, Frame]]:
    """Return the subject's cooperation with B when a verb that names no act is done jointly: AはBと共同で開発を進める.

    To do a thing together (共同で) with B is to cooperate with B; a verb that names an act of its own
    (Bと共同で声明を発表した) says that act with B instead, and so does ともに (AはBとともに…を非難した), which
    only says that both do it.
    """
    tokens = sentence.tokens
    partners = [g for g in slots[anchor]["jointly"] if tokens[tokens[g.token].head].lemma == _JOINT]
    if not partners or tokens[anchor].pos != "VERB":
        return []
    subjects = [g for g in slots[anchor]["subject"] if g not in partners] or _inherited(sentence, anchor, slots) or \
        _topic(sentence, anchor, slots)
    negated, modality = _mood(sentence, anchor, True)
    return [(True, Frame(a, _JOINT, "cooperation", b, negated, modality))
            for s in subjects for a in s.arguments for g in partners for b in g.arguments if a.entity != b.entity]


def _destination(sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]]) -> list[_Group]:
    """Return the country a sentence is set in (Xでは、) as where a giving that names no recipient goes.

    In ウクライナでは、OHCHRが派遣している監視団が…, the mission is sent to Ukraine.
    """
    return [g for governor in sorted(slots) for g in slots[governor]["venue"] if g.token < anchor and
            sentence.marker(g.token) == "では" and all(a.type in ("Country", "Region") for a in g.arguments)][:1]


def _opening(sentence: ParsedSentence, anchor: int, groups: dict[int, _Group]) -> list[_Group]:
    """Return the body or meeting a sentence opens with, set off by a comma: 本会議で、…Xが可決、成立した.

    A で-phrase that opens the sentence and ends with a comma is where the whole sentence happens, however
    deep in a clause before the predicate the parser hung it; a venue the predicate has of its own wins.
    """
    tokens = sentence.tokens
    first = min(groups, default=anchor)
    if first >= anchor or sentence.marker(first) != "で" or \
            not any(tokens[c].text == "、" for c in sentence.kids(first, "punct")) or \
            not all(a.type in ("Organization", "Event") for a in groups[first].arguments):
        return []
    k = first
    while tokens[k].head != k and k != anchor:
        k = tokens[k].head
    # a clause the parser made a root of its own before the predicate runs on into it
    return [groups[first]] if k <= anchor else []


def _sitting(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], groups: dict[int, _Group],
) -> list[_Group]:
    """Return the body whose unnamed meeting an act was done at: Xのハイレベル会合で…が採択された is X's act.

    A meeting of a body is that body at work; a meeting of a place (東京の会合で) is no body.
    """
    found = []
    for c in sentence.kids(anchor, "obl"):
        if c not in groups and sentence.marker(c) == "で" and sentence.tokens[c].lemma.endswith(_MEETINGS):
            found += [g for g in slots[c]["genitive"] if all(a.type in ("Organization", "Event") for a in g.arguments)]
    return found


def _in_name(sentence: ParsedSentence, anchor: int, groups: dict[int, _Group]) -> bool:
    """Return True for a word inside an entity's longer name (協定 of …協定のための首脳会議): a word of the
    name, which states no act of its own."""
    token = sentence.tokens[anchor]
    return any(a.start <= token.start and token.end <= a.end and (a.start, a.end) != (token.start, token.end)
               for g in groups.values() for a in g.arguments)


def _presiding(sentence: ParsedSentence, groups: dict[int, _Group]) -> list[_Group]:
    """Return the countries the sentence names with the role of hosting before them: X of 議長国X, 共催国X."""
    tokens = sentence.tokens
    found = []
    for group in groups.values():
        first = next((k for k, t in enumerate(tokens) if t.start == group.arguments[0].start), 0)
        role = sentence.vocabulary.predicate(tokens[first - 1].lemma, noun=True) if first else None
        if role is not None and role.group == "hosting" and tokens[first - 1].lemma.endswith(_DOERS) and \
                all(a.type == "Country" for a in group.arguments):
            found.append(group)
    return found


def _resolved(
    sentence: ParsedSentence, anchor: int, slots: dict[int, dict[str, list[_Group]]], groups: dict[int, _Group],
) -> list[_Group]:
    """Return the body whose resolution a passive act was done by: Bは国連総会の決議で設立された is the assembly's act.

    A resolution or decision (決議, 決定) is its body's act, whether the body is its の-phrase or the first
    words of its compound (総会決議で); a resolution of a country's parliament names the parliament, a
    country with の (日本の決議) is no body that resolves. An agreement it was done by (AとCの合意により) is
    its parties' act, countries too.
    """
    found = []
    for c in sentence.kids(anchor, "obl"):
        if c not in groups and sentence.marker(c) in _BY and sentence.tokens[c].lemma.endswith(_PARTIES_ACTS):
            # Bは、AとCの合意により設立された: an agreement is its parties' act, and they set B up
            found += [g for g in slots[c]["genitive"] if all(a.type in ACTORS for a in g.arguments)]
        if sentence.marker(c) != "で" or not sentence.tokens[c].lemma.endswith(_DECISIONS):
            continue
        found += [g for g in ([groups[c]] if c in groups else slots[c]["genitive"])
                  if all(a.type == "Organization" for a in g.arguments)]
    return found


def _renamed(sentence: ParsedSentence, anchor: int, groups: dict[int, _Group]) -> bool:
    """Return True when a noun is followed by the name it stands for in brackets: 経済連携協定（日EU・EPA）.

    The noun is a common name of the entity, so it states no act of its own; a place in brackets
    (会談（東京）) is where, and leaves the noun a predicate.
    """
    tokens = sentence.tokens
    if anchor + 1 >= len(tokens) or tokens[anchor + 1].text not in ("（", "(") or tokens[anchor].pos not in NOUNS:
        return False
    close = next((k for k in range(anchor + 2, len(tokens)) if tokens[k].text in ("）", ")")), None)
    if close is None or close == anchor + 2:
        return False
    start, end = tokens[anchor + 2].start, tokens[close - 1].end
    return any(a.start == start and a.end == end and a.type not in _PLACES
               for g in groups.values() for a in g.arguments)


def _pairs(
    sentence: ParsedSentence, anchor: int, roles: dict[str, list[_Group]], groups: dict[int, _Group],
    subjects: list[_Group], objects: list[_Group], *, mutual: bool, own: bool, verbal: bool,
) -> list[tuple[Argument, Argument]]:
    """Return the (subject, object) arguments a predicate relates, once its roles are filled."""
    found = []

    def relate(a: Argument, b: Argument) -> None:
        if a.entity != b.entity:
            found.append((a, b))

    for s in subjects:
        for o in objects:
            for a in s.arguments:
                for b in o.arguments:
                    relate(a, b)
    # X間で「E1」、Y間で「E2」、Z間で「E3」が開催された: each pair does with its own event what the last does
    if roles["mutual"] and any(g in subjects for g in roles["mutual"]):
        for pair, event in _listed_pairs(sentence, roles["mutual"], groups):
            for a in pair.arguments:
                for b in event.arguments:
                    relate(a, b)
    if mutual:
        # parties to a named instrument are not a pair of their own: AとBの間で締結されたC
        parties = roles["mutual"] if not (objects and all(g in subjects for g in roles["mutual"])) else []
        # inherited subjects do a noun predicate (協力に関する覚書) only with its own objects, and
        # co-subjects with a partner that names no entity (A、Bなどの企業も機関と協力) not with each other
        partnered = any(sentence.marker(c) in _WITH_MARKERS for c in sentence.kids(anchor, "obl", "obj", "nmod")
                        if c not in groups)
        # AとBが「…取決め」に署名した: a quoted name is what they sign, though the entity stage missed it
        partnered = partnered or any(sentence.quoted(c) for c in sentence.kids(anchor, "obl", "obj") if c not in groups)
        # AとBが協力覚書を結んだ: a name made only of words of acts names no particular instrument
        named = [g for g in objects if not all(_generic(sentence, a) for a in g.arguments)]
        together = [g for g in parties + (subjects if not named and (own or verbal) and not partnered else [])]
        together += [g for g in roles["together"] if g in subjects and not named and not partnered]
        for group in {id(g): g for g in together}.values():
            members = group.arguments
            marks = [_between(sentence, a, b) for a, b in zip(members, members[1:])]
            for x, a in enumerate(members):
                for y, b in enumerate(members[x + 1 :], x + 1):
                    # A・BとCが協議する: ・ binds A and B into one side, and the sides do it with each other
                    if "と" not in marks or any(m != "・" for m in marks[x:y]):
                        relate(a, b)
        if subjects and parties:
            for s in subjects:
                for g in parties:
                    if g is not s:
                        for a in s.arguments:
                            for b in g.arguments:
                                relate(a, b)
    return found


def _between(sentence: ParsedSentence, a: Argument, b: Argument) -> str:
    """Return the words written between two names of a phrase (・ in A・B, と in AとB)."""
    return "".join(t.text for t in sentence.tokens if a.end <= t.start and t.end <= b.start)


def _generic(sentence: ParsedSentence, argument: Argument) -> bool:
    """Return True when an instrument is named only by words of acts (協力覚書, 協定): a common noun, no name."""
    words = [t for t in sentence.tokens if argument.start <= t.start and t.end <= argument.end]
    return argument.type in INSTRUMENTS and bool(words) and all(
        (p := sentence.vocabulary.predicate(t.lemma)) is not None and p.group != LIGHT for t in words)


def _unique(frames: list[Frame]) -> list[Frame]:
    """Return the frames without repeats, in order."""
    seen, kept = set(), []
    for frame in frames:
        key = (frame.subject.entity, frame.group, frame.object.entity)
        if key not in seen:
            seen.add(key)
            kept.append(frame)
    return kept
