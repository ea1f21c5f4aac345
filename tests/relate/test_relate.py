"""Relations from GiNZA's dependency parse: predicate frames, the vocabulary and the parse cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kg.relate.frames import Argument, read_frames
from kg.relate.parse import ParseCache, Token
from kg.relate.vocabulary import load_vocabulary


def args(sentence: str, *names: tuple[str, str]) -> list[Argument]:
    """Return an Argument for the first place each (surface, type) occurs in the sentence."""
    found = []
    for surface, type_ in names:
        start = sentence.index(surface)
        found.append(Argument(start, start + len(surface), surface, type_))
    return found


def triples(frames) -> set[tuple]:
    """Return (subject, group, object, negated, modality) of each frame."""
    return {(f.subject.entity, f.group, f.object.entity, f.negated, f.modality) for f in frames}


C, O, A = "Country", "Organization", "Agreement"
E, P = "Event", "Person"

# (sentence, arguments, expected (subject, group, object, negated, modality)); general Japanese shapes
SHAPES = [
    ("フランスは2019年にWTOに加盟した。", [("フランス", C), ("WTO", O)],
     {("フランス", "membership", "WTO", False, "")}),
    ("経済産業省とタイ工業省は、産業人材に関する覚書を締結した。", [("経済産業省", O), ("タイ工業省", O)],
     {("経済産業省", "signing", "タイ工業省", False, "")}),
    ("カナダ・メキシコ間の協定が発効した。", [("カナダ", C), ("メキシコ", C)],
     {("カナダ", "signing", "メキシコ", False, "")}),
    ("UNESCOが主催する国際会議に文部科学省が参加した。", [("UNESCO", O), ("文部科学省", O)], set()),
    ("ドイツが主催したG20に、ブラジルが参加した。", [("ドイツ", C), ("G20", O), ("ブラジル", C)],
     {("ドイツ", "hosting", "G20", False, ""), ("ブラジル", "membership", "G20", False, "")}),
    ("チリはペルーとの協定に署名していない。", [("チリ", C), ("ペルー", C)],
     {("チリ", "signing", "ペルー", True, "")}),
    ("スペインとポルトガルは、エネルギー分野で連携する予定である。", [("スペイン", C), ("ポルトガル", C)],
     {("スペイン", "cooperation", "ポルトガル", False, "plan")}),
    ("イタリアは南米南部共同市場との協定の締結に向けた交渉を進めた。", [("イタリア", C), ("南米南部共同市場", O)],
     {("イタリア", "signing", "南米南部共同市場", False, "toward")}),
    ("国際協力機構は、ケニアに対し、地熱発電所の建設を支援した。", [("国際協力機構", O), ("ケニア", C)],
     {("国際協力機構", "support", "ケニア", False, "")}),
    ("ノルウェーはEFTAに加入し、ASEANとの協力を強化した。", [("ノルウェー", C), ("EFTA", O), ("ASEAN", O)],
     {("ノルウェー", "membership", "EFTA", False, ""), ("ノルウェー", "cooperation", "ASEAN", False, "")}),
    # co-subjects of a predicate that is not mutual do not act on each other
    ("トヨタとホンダが、その事業に出資した。", [("トヨタ", O), ("ホンダ", O)], set()),
    # a verb that receives turns the carried noun round: the giver is the subject
    ("ケニア電力公社は、世界銀行から送電事業向けの融資を受けた。", [("ケニア電力公社", O), ("世界銀行", O)],
     {("世界銀行", "funding", "ケニア電力公社", False, "")}),
    # a と-phrase the parser hung on the adjective that opens the next name is its conjunct; an adjective
    # that opens a common noun (同じ制度) joins no name
    ("ボツワナと公的投資委員会が協力に合意した", [("ボツワナ", C), ("公的投資委員会", O)],
     {("ボツワナ", "agreement", "公的投資委員会", False, "")}),
    ("日本と同じ制度をフランスが導入した", [("日本", C), ("フランス", C)], set()),
    # a predicate word inside a longer name (協定 of …協定のための首脳会議) states no act
    ("2023年、ベルンの新たな海洋協定のための首脳会議で、マラウイとボツワナが協力に合意した",
     [("ベルン", "Region"), ("新たな海洋協定のための首脳会議", E), ("海洋協定", A), ("マラウイ", C), ("ボツワナ", C)],
     {("マラウイ", "agreement", "ボツワナ", False, "")}),
    # with no から-phrase, the の-phrase of the noun received is the giver
    ("ゾルタ商事は、北欧銀行や北欧保険の支援を受けて、アフリカで発電事業を進めている。",
     [("ゾルタ商事", O), ("北欧銀行", O), ("北欧保険", O)],
     {("北欧銀行", "support", "ゾルタ商事", False, ""), ("北欧保険", "support", "ゾルタ商事", False, "")}),
    # 受ける without a predicate noun (a proposal received) states no relation
    ("メキシコは、カナダから受けた提案を検討した。", [("メキシコ", C), ("カナダ", C)], set()),
    # AとBで構成するC: the で-phrase names the members of what the clause modifies
    ("ノルウェーとアイスランドで構成する北欧理事会が声明を出した。",
     [("ノルウェー", C), ("アイスランド", C), ("北欧理事会", O)],
     {("ノルウェー", "membership", "北欧理事会", False, ""), ("アイスランド", "membership", "北欧理事会", False, "")}),
    # a common noun before a quoted name (報告書「…」) stands for that name in a relative clause
    ("カナダが策定した報告書「北極の現状」は、各国の注目を集めた。", [("カナダ", C), ("北極の現状", "Plan")],
     {("カナダ", "adoption", "北極の現状", False, "")}),
    ("カナダが策定した報告書は「北極の現状」に触れた。", [("カナダ", C), ("北極の現状", "Plan")], set()),
    # AはBが提唱した枠組みである: the relative clause defines the topic
    ("北欧理事会は、デンマークが提唱した枠組みである。", [("北欧理事会", O), ("デンマーク", C)],
     {("デンマーク", "publication", "北欧理事会", False, "")}),
    # the signer unsaid: the と-partner is a party to the named instrument
    ("ペルーとは、漁業に関する協定をそれぞれ締結している。", [("ペルー", C), ("漁業に関する協定", A)],
     {("ペルー", "signing", "漁業に関する協定", False, "")}),
    # a relative clause whose subject is the noun it modifies says nothing of the sentence's subject
    ("インドに出資する企業をアジア開発銀行が支援した。", [("インド", C), ("アジア開発銀行", O)], set()),
    # Xとして: the subject belongs to the verb; a person before a title is the phrase, and chairs
    # the meeting the clause before held
    ("チリが議長国としてAPEC閣僚会議を開催し、山田太郎外務大臣が議長を務めた。",
     [("チリ", C), ("APEC閣僚会議", E), ("山田太郎", P), ("外務大臣", O)],
     {("チリ", "hosting", "APEC閣僚会議", False, ""), ("山田太郎", "hosting", "APEC閣僚会議", False, "")}),
    # the event a sentence is set in is what its people attend (Xの首脳 stands for X)
    ("APEC首脳会議では、ペルー、チリなどの招待国の首脳も参加して宣言が発出された。",
     [("APEC首脳会議", E), ("ペルー", C), ("チリ", C)],
     {("ペルー", "attendance", "APEC首脳会議", False, ""), ("チリ", "attendance", "APEC首脳会議", False, "")}),
    # AにBが設置された: A is where B is; によって names who set it up
    ("国連に設置された平和基金は、2020年に創設された。", [("国連", O), ("平和基金", O)],
     {("国連", "oversight", "平和基金", False, "")}),
    ("カナダによって設置された平和基金は、2020年に活動を始めた。", [("カナダ", C), ("平和基金", O)],
     {("カナダ", "establishment", "平和基金", False, "")}),
    # a predicate the dictionary splits (技術協力); the で-place is its target, the では-scene is not
    ("南米では、JICAがペルーで技術協力を行っている。", [("南米", "Region"), ("JICA", O), ("ペルー", C)],
     {("JICA", "support", "ペルー", False, "")}),
    # AとBによるC: the body they make up; AによるBの買収計画: the agent of a planned act
    ("カナダとメキシコによる北米協議会は、毎年開かれる。", [("カナダ", C), ("メキシコ", C), ("北米協議会", O)],
     {("カナダ", "membership", "北米協議会", False, ""), ("メキシコ", "membership", "北米協議会", False, "")}),
    ("トヨタによるホンダの買収計画が報じられた。", [("トヨタ", O), ("ホンダ", O)],
     {("トヨタ", "acquisition", "ホンダ", False, "plan")}),
    # a verb of stopping negates the act it takes as object, and its subject does the act
    ("ロシアはウクライナ産小麦の輸入を停止した。", [("ロシア", C), ("ウクライナ", C)],
     {("ロシア", "trade", "ウクライナ", True, "")}),
    # the topic of a passive clause is the object of a later clause with a subject of its own ...
    ("北欧基金は、2019年に創設され、ノルウェーも出資している。", [("北欧基金", O), ("ノルウェー", C)],
     {("ノルウェー", "funding", "北欧基金", False, "")}),
    # ... but a topic that acts itself is no object of what others do
    ("北欧基金は事業に参加しており、ノルウェーも参加している。", [("北欧基金", O), ("ノルウェー", C)], set()),
    # …することを決定した: the clause on a formal noun takes the subject of the verb above it
    ("日本政府は、ペルーにワクチンを供与することを決定した。", [("日本政府", C), ("ペルー", C)],
     {("日本政府", "provision", "ペルー", False, "")}),
    # Aを通じて is a means, not an object
    ("日本はアジア基金を通じてペルーを支援した。", [("日本", C), ("アジア基金", O), ("ペルー", C)],
     {("日本", "support", "ペルー", False, "")}),
    # ... but money contributed through a body goes to it
    ("日本は、世界食糧計画を通じてアフリカへの支援に拠出した。", [("日本", C), ("世界食糧計画", O)],
     {("日本", "funding", "世界食糧計画", False, "")}),
    # AなどのNとB: the examples of a conjunct are conjuncts too
    ("カナダなどの先進国グループとペルーが「北極パートナーシップ」に合意した。",
     [("カナダ", C), ("ペルー", C), ("北極パートナーシップ", A)],
     {("カナダ", "agreement", "北極パートナーシップ", False, ""), ("ペルー", "agreement", "北極パートナーシップ", False, "")}),
    # NであるX: the noun a relative clause modifies is another name for X
    ("外務省所管の機関であるJICAは、各国で事業を行う。", [("外務省", O), ("JICA", O)],
     {("外務省", "oversight", "JICA", False, "")}),
    # an organisation where a thing is done does it; a place where a meeting is held does not hold it
    ("外務省で策定した「北極戦略」に基づき、調査を進めた。", [("外務省", O), ("北極戦略", "Plan")],
     {("外務省", "adoption", "北極戦略", False, "")}),
    ("国連大学で開かれたAPEC会議に、チリが出席した。", [("国連大学", O), ("APEC会議", E), ("チリ", C)],
     {("チリ", "attendance", "APEC会議", False, "")}),
    # Bの立ち上げに参加した: the predicate reaches B through the predicate noun, which keeps no subject
    ("チリは北極評議会の立ち上げに参加した。", [("チリ", C), ("北極評議会", O)],
     {("チリ", "membership", "北極評議会", False, "")}),
    # AとBの間で締結されたC: parties to the named instrument, not a pair of their own
    ("カナダとメキシコの間で締結された北米協定は、2020年に発効した。", [("カナダ", C), ("メキシコ", C), ("北米協定", A)],
     {("カナダ", "signing", "北米協定", False, ""), ("メキシコ", "signing", "北米協定", False, "")}),
    # a list of X間で「E」: each pair with its own event; the event's name states no meeting of its own
    ("カナダ・メキシコ間で5月に「北米対話」、チリ・ペルー間で6月に「南米協議」が開催された。",
     [("カナダ", C), ("メキシコ", C), ("北米対話", E), ("チリ", C), ("ペルー", C), ("南米協議", E)],
     {("カナダ", "hosting", "北米対話", False, ""), ("メキシコ", "hosting", "北米対話", False, ""),
      ("チリ", "hosting", "南米協議", False, ""), ("ペルー", "hosting", "南米協議", False, "")}),
    # a role named after the act (出資国), said of the topic with a copula
    ("日本はアジア開発銀行の最大の出資国である。", [("日本", C), ("アジア開発銀行", O)],
     {("日本", "funding", "アジア開発銀行", False, "")}),
    # AおよびBと共同で: both conjuncts do it too, though the parser hangs both on 共同
    ("カナダはペルーおよびチリと共同で、北米基金を設立した。", [("カナダ", C), ("ペルー", C), ("チリ", C), ("北米基金", O)],
     {("カナダ", "establishment", "北米基金", False, ""), ("ペルー", "establishment", "北米基金", False, ""),
      ("チリ", "establishment", "北米基金", False, "")}),
    # co-subjects of a mutual predicate act on each other, unless it has a partner of its own
    ("トヨタとホンダが協力している。", [("トヨタ", O), ("ホンダ", O)], {("トヨタ", "cooperation", "ホンダ", False, "")}),
    ("トヨタ、ホンダなどの企業も、国際機関と協力している。", [("トヨタ", O), ("ホンダ", O)], set()),
    # an instrument named only by words of acts (協力覚書) is no particular one: the parties sign with each other
    # too; a name with a word of its own (北極協力覚書) is what they sign
    ("チリとペルーは2019年に漁業の協力覚書を結んだ。", [("チリ", C), ("ペルー", C), ("協力覚書", A)],
     {("チリ", "signing", "ペルー", False, ""), ("チリ", "signing", "協力覚書", False, ""),
      ("ペルー", "signing", "協力覚書", False, "")}),
    ("チリとペルーは2019年に北極協力覚書を結んだ。", [("チリ", C), ("ペルー", C), ("北極協力覚書", A)],
     {("チリ", "signing", "北極協力覚書", False, ""), ("ペルー", "signing", "北極協力覚書", False, "")}),
    # Xでは…が開かれた: within an organisation, it holds it
    ("国連では、2024年に「北極会議」が開かれた。", [("国連", O), ("北極会議", E)], {("国連", "hosting", "北極会議", False, "")}),
    # an intransitive predicate: the が-phrase is what it happens to, the で-phrase who does it
    ("北極法が国会で成立した。", [("北極法", "Law"), ("国会", O)], {("国会", "adoption", "北極法", False, "")}),
    # the event named as the occasion of a passive act with no agent; the noun it modifies is its object
    ("日加首脳会談を契機として立ち上げられた「北極パートナーシップ」は、毎年会合を開く。",
     [("日加首脳会談", E), ("北極パートナーシップ", A)], {("日加首脳会談", "establishment", "北極パートナーシップ", False, "")}),
    # Eが開かれ、Aが出席した: A attends the event held in the clause before; one event does not hold another
    ("2024年には北極会議が開かれ、カナダからは山田太郎大臣が出席した。", [("北極会議", E), ("カナダ", C), ("山田太郎", P)],
     {("山田太郎", "attendance", "北極会議", False, "")}),
    ("北極会議が開かれ、同年には南極会議が開催された。", [("北極会議", E), ("南極会議", E)], set()),
    # the が-phrase of a passive clause is no agent a clause under it inherits: the meeting agrees
    ("北極会議で北極評議会の立ち上げに合意し、翌年に北極評議会が設立された。", [("北極会議", E), ("北極評議会", O)],
     {("北極会議", "agreement", "北極評議会", False, "")}),
    # 出す carries the named document it puts out
    ("農務省は毎月「需給予測」を出している。", [("農務省", O), ("需給予測", "Plan")],
     {("農務省", "publication", "需給予測", False, "")}),
    # a relative clause modifies the name right after it, though the parser hangs it on a later noun ...
    ("北極条約から脱退したカナダを除く8か国が署名した。", [("北極条約", A), ("カナダ", C)],
     {("カナダ", "withdrawal", "北極条約", False, "")}),
    # ... but not a name that itself modifies that noun
    ("カナダが設立したメキシコにおける事務所は、翌年に閉じた。", [("カナダ", C), ("メキシコ", C)], set()),
    # AがVしたBは: a が-phrase before a は-topic is the subject of the relative clause on it, though the
    # parser hangs it on the topic; one before a clause on another noun stays there
    ("G7が2015年に創設した北極情報システムは、各国で情報を共有する枠組みである。", [("G7", O), ("北極情報システム", O)],
     {("G7", "establishment", "北極情報システム", False, "")}),
    ("カナダが議長国を務めた会合で、メキシコは北極基金に出資した。", [("カナダ", C), ("メキシコ", C), ("北極基金", O)],
     {("メキシコ", "funding", "北極基金", False, "")}),
    # Bの設立が承認を経た: the act named by the が-phrase is what the carried noun is done to
    ("5月に開かれた北極会議で北極基金の設立が承認を経て、12月に北極基金が設立された。", [("北極会議", E), ("北極基金", O)],
     {("北極会議", "adoption", "北極基金", False, "")}),
    # a subject that acts keeps its role through 経て
    ("日本はカナダとの協議を経て、北極基金に出資した。", [("日本", C), ("カナダ", C), ("北極基金", O)],
     {("日本", "meeting", "カナダ", False, ""), ("日本", "funding", "北極基金", False, "")}),
    # Bとも (with B too) is a partner like Bと, though the parser tags とも a noun suffix
    ("山田首相はカナダのトルドー首相とも会談した。", [("山田", P), ("カナダ", C), ("トルドー", P)],
     {("山田", "meeting", "トルドー", False, "")}),
    ("日本はカナダとも協定を結んだ。", [("日本", C), ("カナダ", C)], {("日本", "signing", "カナダ", False, "")}),
    # AもBも: both conjuncts are subjects
    ("チリもペルーも北極条約に署名していない。", [("チリ", C), ("ペルー", C), ("北極条約", A)],
     {("チリ", "signing", "北極条約", True, ""), ("ペルー", "signing", "北極条約", True, "")}),
    # a title the parser splits off a name is still the name's phrase: ストルテンベルグ|事務総長, 局|長
    ("山田首相とイェンス・ストルテンベルグ事務総長は、北極計画に合意した。",
     [("山田", P), ("イェンス・ストルテンベルグ", P), ("北極計画", "Plan")],
     {("山田", "agreement", "北極計画", False, ""), ("イェンス・ストルテンベルグ", "agreement", "北極計画", False, "")}),
    # ... and Bから is where the person comes from, not what is attended
    ("北極会議には、日本から鈴木一郎国家安全保障局長が出席した。", [("北極会議", E), ("日本", C), ("鈴木一郎", P)],
     {("鈴木一郎", "attendance", "北極会議", False, "")}),
    # a title that also names an act (議長) is a title after a name, and states no act of its own
    ("ジョン・スミス議長は北極会議に出席した。", [("ジョン・スミス", P), ("北極会議", E)],
     {("ジョン・スミス", "attendance", "北極会議", False, "")}),
    ("山田首相はカナダから列車でメキシコを訪問した。", [("山田", P), ("カナダ", C), ("メキシコ", C)],
     {("山田", "visit", "メキシコ", False, "")}),
    # a case particle the parser labels otherwise after a bracket (で as cop, に as aux) is still one
    ("2024年6月の第5回北極閣僚会議（AMM5）で、北極宣言が採択された。", [("第5回北極閣僚会議", E), ("北極宣言", A)],
     {("第5回北極閣僚会議", "adoption", "北極宣言", False, "")}),
    ("チリは北極評議会にオブザーバーとして参加している。", [("チリ", C), ("北極評議会", O)],
     {("チリ", "membership", "北極評議会", False, "")}),
    # conjuncts are alike: a person joins the person after the country the parser hung it on ...
    ("2024年6月の北極会議には、山田一郎外相とカナダのジョン・スミス外相がそろって出席した。",
     [("北極会議", E), ("山田一郎", P), ("カナダ", C), ("ジョン・スミス", P)],
     {("山田一郎", "attendance", "北極会議", False, ""), ("ジョン・スミス", "attendance", "北極会議", False, "")}),
    # ... and a と-phrase with no name of its kind after it is the predicate's partner
    ("ジョン・スミス大統領が来日し、山田首相と東京で会談した。", [("ジョン・スミス", P), ("山田", P), ("東京", "Region")],
     {("ジョン・スミス", "meeting", "山田", False, "")}),
    ("トヨタはホンダと次世代の電池で共同研究を進めている。", [("トヨタ", O), ("ホンダ", O)],
     {("トヨタ", "cooperation", "ホンダ", False, "")}),
    ("日本とカナダの首脳が会談した。", [("日本", C), ("カナダ", C)], {("日本", "meeting", "カナダ", False, "")}),
    # parties meet, not the meeting named after the act: 日加首脳会談 is the 会談's own name ...
    ("山田首相は10日、スミス首相と日加首脳会談を行った。", [("山田", P), ("スミス", P), ("日加首脳会談", E)],
     {("山田", "meeting", "スミス", False, "")}),
    # ... and plans are no partners of a cooperation (a plan's cooperation with a plan names no party)
    ("山田首相は、北極ビジョンと南極構想の協力を進めると述べた。",
     [("山田", P), ("北極ビジョン", "Plan"), ("南極構想", "Plan")], set()),
    ("チリはペルーと北極協議を行った。", [("チリ", C), ("ペルー", C)], {("チリ", "meeting", "ペルー", False, "")}),
    # what a host holds is an event: a place its chair puts forward is none
    ("議長国チリはAIと移民、南米を前面に出した。", [("チリ", C), ("南米", "Region")], set()),
    # a visit is to a country: a city alone gives none, a city of a country visits the country
    ("山田首相のパリ訪問は、北極会議に合わせたものだった。", [("山田", P), ("パリ", "Region"), ("北極会議", E)], set()),
    ("山田首相は3日にオタワを訪れ、スミス首相と会談した。", [("山田", P), ("オタワ", "Region"), ("スミス", P)],
     {("山田", "meeting", "スミス", False, "")}),
    ("山田首相は3日にカナダのオタワを訪れた。", [("山田", P), ("カナダ", C), ("オタワ", "Region")],
     {("山田", "visit", "カナダ", False, "")}),
    ("山田首相は国賓としてカナダを訪れた。", [("山田", P), ("カナダ", C)], {("山田", "visit", "カナダ", False, "")}),
    # a partner to a named instrument signs it with the subject of the clause before, left unsaid ...
    ("山田首相は5日にオタワを訪れ、カナダのスミス首相と「北極条約」に署名した",
     [("山田", P), ("オタワ", "Region"), ("カナダ", C), ("スミス", P), ("北極条約", A)],
     {("山田", "signing", "北極条約", False, ""), ("スミス", "signing", "北極条約", False, "")}),
    # ... and alone when no clause names one
    ("5日にオタワで、カナダのスミス首相と「北極条約」に署名した",
     [("オタワ", "Region"), ("カナダ", C), ("スミス", P), ("北極条約", A)], {("スミス", "signing", "北極条約", False, "")}),
    # まとめる is 取りまとめる: a plan a body puts together is its adoption; the views of a body are no plan
    ("2021年に北極評議会がまとめた「北極行動計画」は、ほとんど進んでいない", [("北極評議会", O), ("北極行動計画", "Plan")],
     {("北極評議会", "adoption", "北極行動計画", False, "")}),
    ("チリは北極評議会の意見をまとめた", [("チリ", C), ("北極評議会", O)], set()),
    # a とも the parser made the head of a partner's phrase is still its particle, no word of togetherness ...
    ("山田外相はカナダのスミス外相とも日加外相会談を行った", [("山田", P), ("カナダ", C), ("スミス", P), ("日加外相会談", E)],
     {("山田", "meeting", "スミス", False, "")}),
    # ... while AとともにV still makes A do it too
    ("山田外相はカナダとともに北極会議を開催した", [("山田", P), ("カナダ", C), ("北極会議", E)],
     {("山田", "hosting", "北極会議", False, ""), ("カナダ", "hosting", "北極会議", False, "")}),
    # a relative clause modifies the whole name after it, though the parser hangs it on its first word
    ("北極協会が主催するBLUE×ARCTIC 2027は、札幌市で開かれる。",
     [("北極協会", O), ("ARCTIC 2027", E), ("札幌市", "Region")], {("北極協会", "hosting", "ARCTIC 2027", False, "")}),
    # Vしたのは X だ: X is who did it
    ("南米で最初に北極条約に署名したのは、2022年12月のチリとペルーだった。",
     [("北極条約", A), ("チリ", C), ("ペルー", C)],
     {("チリ", "signing", "北極条約", False, ""), ("ペルー", "signing", "北極条約", False, "")}),
    # a clause made a noun by の (Vしてきたので) is no relative clause: its subject is the topic ...
    ("NXPTは中国にEUV装置を大量に輸出してきたので、業績への影響が注目点", [("NXPT", O), ("中国", C)],
     {("NXPT", "trade", "中国", False, "")}),
    # ... while a relative clause says nothing of the noun's other roles
    ("ソニーが輸出した部品はカナダで売られた。", [("ソニー", O), ("カナダ", C)], set()),
    # a noun that ends in a verb of stopping (一時停止) negates the act it takes as object too
    ("チリも2024年1月末、北極基金への追加拠出を一時停止した。", [("チリ", C), ("北極基金", O)],
     {("チリ", "funding", "北極基金", True, "")}),
    # an adverb takes no argument: the pair the parser hangs on いまだ is the predicate's
    ("日加間ではいまだ漁業協定が締結されておらず、カナダは交渉を続けない方針を打ち出した。",
     [("日", C), ("加", C), ("カナダ", C)], {("日", "signing", "加", True, "")}),
    # Aに置かれたB: A is the body B is placed in; in the active voice the に-phrase is where, not what
    ("政策の議論の場は、内閣府に置かれた北極政策委員会で、計画案はここで詰められる。",
     [("内閣府", O), ("北極政策委員会", O)], {("内閣府", "oversight", "北極政策委員会", False, "")}),
    ("北極事務局は、ノルウェーに本部を置いている。", [("北極事務局", O), ("ノルウェー", C)], set()),
    # in the passive, the body with で adopts; a place with で signs nothing
    ("2023年7月の第80回北極環境委員会（AEC80）で、「北極戦略」が採択された",
     [("第80回北極環境委員会", O), ("AEC80", O), ("北極戦略", "Plan")],
     {("第80回北極環境委員会", "adoption", "北極戦略", False, "")}),
    ("北極条約は国連本部で署名された。", [("北極条約", A), ("国連本部", O)], set()),
    # Eが開かれ、Iが採択された: the meeting the chained clause holds adopts; a meeting held beside a body's act does not
    ("2024年5月、北極首脳会議が開かれ、北極宣言が採択された", [("北極首脳会議", "Event"), ("北極宣言", A)],
     {("北極首脳会議", "adoption", "北極宣言", False, "")}),
    ("2024年5月、北極首脳会議が開かれ、北極評議会が北極宣言を採択した",
     [("北極首脳会議", "Event"), ("北極評議会", O), ("北極宣言", A)], {("北極評議会", "adoption", "北極宣言", False, "")}),
    # BはAの外局である, BはAの機関ではない: what B is part of oversees it; Aの機関 alone says nothing
    ("北極警備庁は北極省の外局で、軍隊ではない。", [("北極警備庁", O), ("北極省", O)],
     {("北極省", "oversight", "北極警備庁", False, "")}),
    # AのBであるC with B a secretariat: C is an organ of A
    ("北極評議会の事務局である北極調整庁は、問題はないとした。", [("北極評議会", O), ("北極調整庁", O)],
     {("北極評議会", "oversight", "北極調整庁", False, "")}),
    ("北極評議会の事務局長は北極調整庁を訪れた。", [("北極評議会", O), ("北極調整庁", O)], set()),
    ("まぎらわしいが、ESAはEUの機関ではない。", [("ESA", O), ("EU", O)], {("EU", "oversight", "ESA", True, "")}),
    ("北極警備庁はカナダやノルウェーなど北欧の保安機関に研修を行ってきた。",
     [("北極警備庁", O), ("カナダ", C), ("ノルウェー", C), ("北欧", "Region")], set()),
    # a name that modifies a common noun of a quoted title is a word of the title, not an argument;
    # the title's abbreviation in brackets still names it
    ("北極評議会は2015年10月に「我が国の南極政策」を決定した。", [("北極評議会", O), ("我が国", C), ("南極", "Region")],
     set()),
    ("北欧理事会は2019年に「北極に関する北欧アウトルック（NOAP）」を採択している。",
     [("北欧理事会", O), ("北極", "Region"), ("NOAP", "Plan")], {("北欧理事会", "adoption", "NOAP", False, "")}),
    # with a named instrument, a と-partner of a mutual predicate is a party to it, not a pair with the
    # subject; a country is no conjunct of the agreement after it
    ("カナダはメキシコと北米協定に署名した。", [("カナダ", C), ("メキシコ", C), ("北米協定", A)],
     {("カナダ", "signing", "北米協定", False, ""), ("メキシコ", "signing", "北米協定", False, "")}),
    ("2023年1月には、山田一郎外務大臣（当時）とジョン・スミス国務長官がワシントンで北米協定に署名した。",
     [("山田一郎", P), ("ジョン・スミス", P), ("ワシントン", "Region"), ("北米協定", A)],
     {("山田一郎", "signing", "北米協定", False, ""), ("ジョン・スミス", "signing", "北米協定", False, "")}),
    # BはAがVしたNで、…: the が-phrase the parser hangs on N belongs to the clause, and N said of the
    # topic with a continuing copula is the topic; a noun with で that is a place is not
    ("ABCDはEFGHが2019年に設立した子会社で、日本企業も出資している。", [("ABCD", O), ("EFGH", O), ("日本", C)],
     {("EFGH", "establishment", "ABCD", False, "")}),
    ("北極大学はノルウェーが設立した研究所で研究を行っている。", [("北極大学", O), ("ノルウェー", C)], set()),
    # …が所管する認可法人で、: a word for a body with で and a comma, which the parser hangs on the next verb
    ("北海推進機構は北海省が所管する認可法人で、2024年7月に業務を始めた", [("北海推進機構", O), ("北海省", O)],
     {("北海省", "oversight", "北海推進機構", False, "")}),
    ("北極機構は北極省が所管する会議場で、会合を開いた", [("北極機構", O), ("北極省", O)], set()),  # a place
    # AなどXのN: A is an example of N, though the parser hangs it on X
    ("国際交流機構はカザフスタンなど中央アジアの国々にも日本語の教師を派遣している。",
     [("国際交流機構", O), ("カザフスタン", C), ("中央アジア", "Region")],
     {("国際交流機構", "provision", "カザフスタン", False, "")}),
    # a と-phrase hung on a noun that is no name is the partner of the act that noun leads to
    ("日本は、カナダとデータの越境移転に関する対話を続けている。", [("日本", C), ("カナダ", C)],
     {("日本", "meeting", "カナダ", False, "")}),
    # a name in a person's title after the name is a word of the title, no party
    ("署名は山田一郎駐加大使とジョン・スミス米国通商代表の間で行われた。",
     [("山田一郎", P), ("ジョン・スミス", P), ("米国", C)], {("山田一郎", "signing", "ジョン・スミス", False, "")}),
    # Bは、AがVする予定で: the topic of a plan said with a copula is what the clause acts on
    ("北極研究ハブは、日本がカナダと協力して2025年に札幌に設置する予定で、各国の研究者を育てる。",
     [("北極研究ハブ", O), ("日本", C), ("カナダ", C), ("札幌", "Region")],
     {("日本", "cooperation", "カナダ", False, ""), ("日本", "establishment", "北極研究ハブ", False, "plan")}),
    # what a clause of hosting holds is a meeting, though the entity stage calls it an organisation
    ("2024年2月にはパリで設立50周年となる北極閣僚理事会が開かれ、日本からは鈴木一郎外務大臣が出席した。",
     [("パリ", "Region"), ("北極閣僚理事会", O), ("日本", C), ("鈴木一郎", P)],
     {("鈴木一郎", "attendance", "北極閣僚理事会", False, "")}),
    # Bの設立が決まったE: 決まる carries the act on its が-phrase, and the meeting it modifies decides it
    ("今年は、北極評議会と北極基金の設立が決まった1996年のオタワ会議から30年の節目である。",
     [("北極評議会", O), ("北極基金", O), ("オタワ会議", E)],
     {("オタワ会議", "establishment", "北極評議会", False, ""), ("オタワ会議", "establishment", "北極基金", False, "")}),
    ("北極会議の札幌での開催が決まった。", [("北極会議", E), ("札幌", "Region")], set()),
    # Aの管轄下: the suffix 下 puts the topic under A's act; a word that is no predicate says nothing
    ("北極警備隊は2018年の組織改編で北極警察部隊の管轄下に移された。", [("北極警備隊", O), ("北極警察部隊", O)],
     {("北極警察部隊", "oversight", "北極警備隊", False, "")}),
    ("北極警備隊は北極警察部隊の指揮下に入った。", [("北極警備隊", O), ("北極警察部隊", O)], set()),
    # Bへの加入議定書: B goes with the act inside the compound, and is not what is signed
    ("ノルウェーは2023年7月に北極条約への加入議定書に署名した。", [("ノルウェー", C), ("北極条約", A)], set()),
    # co-subjects of a mutual predicate sign a quoted name, not each other, though it is no entity;
    # an unquoted common noun leaves them a pair (経済産業省とタイ工業省は…覚書を締結した, above)
    ("山田一郎外相とジョン・スミス国務長官が「北極協力の実施取決め」に署名した。", [("山田一郎", P), ("ジョン・スミス", P)],
     set()),
    # AとBの合弁会社であるC: A and B set C up, also when the parser hangs A on the noun and B is no name
    ("北海電力と東北ガスの合弁会社であるNORGEは、タイで発電事業に出資している。",
     [("北海電力", O), ("東北ガス", O), ("NORGE", O), ("タイ", C)],
     {("北海電力", "establishment", "NORGE", False, ""), ("東北ガス", "establishment", "NORGE", False, ""),
      ("NORGE", "funding", "タイ", False, "")}),
    ("北海電力ホールディングスと東北電力の合弁会社であるNORGEは、タイで発電事業に出資",
     [("北海電力ホールディングス", O), ("NORGE", O), ("タイ", C)],
     {("北海電力ホールディングス", "establishment", "NORGE", False, ""), ("NORGE", "funding", "タイ", False, "")}),
    # 決定 carries the act it decides (Bの設置が決定された); with no act named, it is adoption
    ("2021年12月の北極特別総会で、北極条約を作成するための北極交渉会議（ANC）の設置が決定された。",
     [("北極特別総会", E), ("北極条約", A), ("北極交渉会議", O)],
     {("北極特別総会", "establishment", "北極交渉会議", False, "")}),
    ("北極評議会は2015年に「北極戦略」を決定した。", [("北極評議会", O), ("北極戦略", "Plan")],
     {("北極評議会", "adoption", "北極戦略", False, "")}),
    # an instrument adopts nothing: an outline said to be what two others were made into is no adopter of them
    ("北極大綱は、これまでの海洋大綱と漁業大綱を一本にまとめたもの", [("北極大綱", "Plan"), ("海洋大綱", "Plan"),
     ("漁業大綱", "Plan")], set()),
    # a noun followed by the name it stands for in brackets is that name, no act
    ("チリとペルーの自由貿易協定（チリ・ペルーFTA）は2019年に発効した。",
     [("チリ", C), ("ペルー", C), ("チリ・ペルーFTA", A)], set()),
    # an agreement signs nothing: a topic said to be an agreement is the agreement, not a party to it
    ("北米協定はカナダにとってメキシコとの初めての自由貿易協定", [("北米協定", A), ("カナダ", C), ("メキシコ", C)], set()),
    ("カナダはメキシコとの初めての自由貿易協定に署名した。", [("カナダ", C), ("メキシコ", C)],
     {("カナダ", "signing", "メキシコ", False, "")}),
    # Aでは/Aでも、Bが発効した: B takes effect for the country it takes effect in; a body is no such place
    ("ペルーでは、北米協定が2022年1月1日に発効した。", [("ペルー", C), ("北米協定", A)],
     {("北米協定", "entry_into_force", "ペルー", False, "")}),
    ("北米協定はチリでも2023年6月に発効し、南米の10か国すべてがそろった", [("北米協定", A), ("チリ", C)],
     {("北米協定", "entry_into_force", "チリ", False, "")}),
    ("北米協定は2022年に発効し、北極評議会で議論された。", [("北米協定", A), ("北極評議会", O)], set()),
    # … or for the party whose act on it takes effect, though the parser hangs the party inside its name
    ("チリの太平洋に関する包括的な協定（PCA）への加入が、15日に発効した",
     [("チリ", C), ("太平洋に関する包括的な協定", A), ("PCA", A)],
     {("太平洋に関する包括的な協定", "entry_into_force", "チリ", False, "")}),
    ("チリの代表団は、北米協定への加入の手続きが15日に発効したと述べた", [("チリ", C), ("北米協定", A)], set()),
    # NはAが務めた: a light verb with a が-phrase does the noun its は-topic names; the event chaired is
    # the topic of the hosting clause before, or the noun's の-phrase; ministries listed with ・ make one title
    ("北極会議はノルウェーが主催し、議長はヨナス・ストーレ通商相が務めた",
     [("北極会議", E), ("ノルウェー", C), ("ヨナス・ストーレ", P)],
     {("ノルウェー", "hosting", "北極会議", False, ""), ("ヨナス・ストーレ", "hosting", "北極会議", False, "")}),
    ("COP40の議長は、チリのマリア・ロペス環境・天然資源相が務めた", [("COP40", E), ("チリ", C), ("マリア・ロペス", P)],
     {("マリア・ロペス", "hosting", "COP40", False, "")}),
    ("北極会議の事務局長は、ヨナス・ストーレ氏が務めた", [("北極会議", E), ("ヨナス・ストーレ", P)], set()),
    # 日EU間: a name written right before a party of 間 is a party too, though the parser hung it elsewhere
    ("日EU間では、漁業に関する規定を協定に加える議定書も2023年に署名されている", [("日", C), ("EU", O)],
     {("日", "signing", "EU", False, "")}),
    # a verb of stopping with no subject in its clause has the topic's: Aは、…を受けて、Bの輸入を停止した
    ("チリは、油流出を受けて、2023年8月にペルー産水産物の輸入を全面的に停止していた", [("チリ", C), ("ペルー", C)],
     {("チリ", "trade", "ペルー", True, "")}),
    ("チリは、ペルーの会合で、水産物の輸入を停止した企業を批判した", [("チリ", C), ("ペルー", C)], set()),
    # a noun takes no bare に-phrase: one the parser hung on the subject is the passive verb's agent
    ("国内では、2022年に北欧医療研究開発機構（NMED）に先進的研究開発戦略センター（SCANDA）が設置された",
     [("北欧医療研究開発機構", O), ("先進的研究開発戦略センター", O)],
     {("北欧医療研究開発機構", "oversight", "先進的研究開発戦略センター", False, "")}),
    # A（B）、C: a listed name keeps its abbreviation in brackets before the list mark
    ("2024年6月20日、リマでチリ、南米連合（UNASUR）、北極基金が共催した「海洋と漁業のためのグローバル・フォーラム」で、増資が始まった",
     [("リマ", "Region"), ("チリ", C), ("南米連合", O), ("UNASUR", O), ("北極基金", O), ("海洋と漁業のためのグローバル・フォーラム", E)],
     {("チリ", "hosting", "海洋と漁業のためのグローバル・フォーラム", False, ""),
      ("南米連合", "hosting", "海洋と漁業のためのグローバル・フォーラム", False, ""),
      ("北極基金", "hosting", "海洋と漁業のためのグローバル・フォーラム", False, "")}),
    # Bの改正案が採択された: adopting a draft or a change of an instrument adopts the instrument; another
    # plain noun of it leaves it alone
    ("最終日に、第5回北極総会で北極漁業協定（AFA）の改正案がコンセンサスで採択された。",
     [("第5回北極総会", E), ("北極漁業協定", A), ("AFA", A)], {("第5回北極総会", "adoption", "北極漁業協定", False, "")}),
    ("最終日に、第5回北極総会で北極漁業協定（AFA）の事務局長が承認された。",
     [("第5回北極総会", E), ("北極漁業協定", A), ("AFA", A)], set()),
    # … and a clause chained before that changes an instrument gives what is decided; another act does not
    ("2024年7月2日、チリ政府は北極行動計画を約10年ぶりに全面改定し、閣議決定した", [("チリ政府", C), ("北極行動計画", "Plan")],
     {("チリ政府", "adoption", "北極行動計画", False, "")}),
    ("チリ政府は北極行動計画を議論し、閣議決定した", [("チリ政府", C), ("北極行動計画", "Plan")], set()),
    # a relative clause on a role named after its own act (拠出している拠出国) is said of whom the role is
    ("チリは北極基金に毎年拠出している主要な拠出国の一つである。", [("チリ", C), ("北極基金", O)],
     {("チリ", "funding", "北極基金", False, "")}),
    ("チリは北極基金に毎年拠出している国を支援した。", [("チリ", C), ("北極基金", O)], set()),
    # AによるB is what A makes up only when B is a body or scheme: a country's produce is what A's act is on
    ("両政府は20日、韓国による台湾産水産物の輸入停止を、段階的に解除することで合意したと発表した。",
     [("韓国", C), ("台湾", "Region")], set()),
    # a role named after its act is said of the topic without a copula too (体言止め, Nの一つ), also when
    # it is one word (加盟国); a role that is said of no one states nothing
    ("チリは北極基金への大口の拠出国の一つ", [("チリ", C), ("北極基金", O)], {("チリ", "funding", "北極基金", False, "")}),
    ("ペルーは北極評議会の原加盟国である。", [("ペルー", C), ("北極評議会", O)],
     {("ペルー", "membership", "北極評議会", False, "")}),
    ("北極評議会の加盟国は、チリの提案を支持した。", [("北極評議会", O), ("チリ", C)], set()),
    # a clause of withdrawal that names nothing leaves what the same subject joined before; another's
    # joining is no object of it
    ("ペルーは北極評議会の原加盟国だが、2010年に脱退し、2015年に復帰した。", [("ペルー", C), ("北極評議会", O)],
     {("ペルー", "membership", "北極評議会", False, ""), ("ペルー", "withdrawal", "北極評議会", False, "")}),
    ("チリは北極評議会に加盟し、ペルーは2010年に脱退した。", [("チリ", C), ("北極評議会", O), ("ペルー", C)],
     {("チリ", "membership", "北極評議会", False, "")}),
    # an unnamed meeting of a body (Xの会合で) is that body adopting; a meeting of a place is no body
    ("2023年5月、北極評議会の特別会合で「北極宣言」が採択された", [("北極評議会", O), ("北極宣言", A)],
     {("北極評議会", "adoption", "北極宣言", False, "")}),
    ("2023年5月、札幌の会合で「北極宣言」が採択された", [("札幌", "Region"), ("北極宣言", A)], set()),
    # a clause in the dictionary form that runs straight into a name modifies it, though the parser hangs it
    # on the main verb; one that ends in a conjunction (共催したが、) does not
    ("10月、チリのリマで、チリ政府とUNESCOが共催する「北極防災会議（APDM）」が開かれた",
     [("チリ", C), ("リマ", "Region"), ("チリ政府", C), ("UNESCO", O), ("北極防災会議", E), ("APDM", E)],
     {("チリ政府", "hosting", "北極防災会議", False, ""), ("UNESCO", "hosting", "北極防災会議", False, "")}),
    ("チリ政府が共催したが、北極防災会議は中止された", [("チリ政府", C), ("北極防災会議", E)], set()),
    # A（B）とCが with Aと hung on the verb: A is C's conjunct, not what C hosts
    ("北極フォーラムは、北極大学（ARU）と札幌市が中心になって主催している",
     [("北極フォーラム", E), ("北極大学", O), ("ARU", O), ("札幌市", "Region")],
     {("北極大学", "hosting", "北極フォーラム", False, ""), ("札幌市", "hosting", "北極フォーラム", False, "")}),
    ("北極フォーラムは、北極大学（ARU）と札幌市が中心になって主催している",
     [("北極大学", O), ("ARU", O), ("札幌市", "Region")], set()),
    # the nouns after a person's name up to a title make one title, names inside it included; a name
    # with a particle of its own is no word of a title
    ("北極担当の山田太郎北極省特命担当大臣は、2月に札幌市を訪れ、鈴木一郎北海道知事と会談した",
     [("山田太郎", P), ("北極省", O), ("札幌市", "Region"), ("鈴木一郎", P), ("北海道", "Region")],
     {("山田太郎", "meeting", "鈴木一郎", False, "")}),
    ("山田太郎と北極省の職員が会談した", [("山田太郎", P), ("北極省", O)], {("北極省", "meeting", "山田太郎", False, "")}),
    # Bは Aの一部局である: a department is a part; a noun that may be a counter (局) counts nothing
    ("北極研究所（ARI）は、北極評議会の一部局で、各国の研究を支えている", [("北極研究所", O), ("ARI", O), ("北極評議会", O)],
     {("北極評議会", "oversight", "北極研究所", False, "")}),
    ("北極評議会の一部局が、北極研究所を訪れた", [("北極評議会", O), ("北極研究所", O)], set()),
    ("2020年に、カナダ、メキシコの2か国が北極条約に署名した。", [("カナダ", C), ("メキシコ", C), ("北極条約", A)],
     {("カナダ", "signing", "北極条約", False, ""), ("メキシコ", "signing", "北極条約", False, "")}),
    # 設ける sets up a body; a scheme or rule it provides for (制度を設ける) is no body set up, and in the
    # active voice a に-phrase is where
    ("カナダとノルウェーは、2014年に「北極防災ハブ」を設け、各国の防災投資を支援してきた",
     [("カナダ", C), ("ノルウェー", C), ("北極防災ハブ", O)],
     {("カナダ", "establishment", "北極防災ハブ", False, ""), ("ノルウェー", "establishment", "北極防災ハブ", False, "")}),
    ("北極法は、北極基金に代えて北極制度を設ける", [("北極法", "Law"), ("北極基金", O), ("北極制度", "Plan")], set()),
    ("北極事務局は、ノルウェーに本部を設けている", [("北極事務局", O), ("ノルウェー", C)], set()),
    # 送る gives to its に-phrase; an event it is sent to with で is no recipient
    ("4月の地震では、チリ政府がペルーに見舞金を送った", [("チリ政府", C), ("ペルー", C)],
     {("チリ政府", "provision", "ペルー", False, "")}),
    ("チリは、ペルーの地震で救助隊を送った", [("チリ", C), ("ペルー", C)], set()),
    # 編成 forms a unit
    ("北極省は、北極警備隊の司令官を指揮官とする統合任務部隊（AJTF）を編成した",
     [("北極省", O), ("北極警備隊", O), ("統合任務部隊", O), ("AJTF", O)],
     {("北極省", "establishment", "統合任務部隊", False, "")}),
    # the 議長国 of a meeting hosts it; the 議長国 of a body holds its presidency, no event
    ("2023年にチリが議長国だった北極会議で、北極宣言が採択された", [("チリ", C), ("北極会議", E), ("北極宣言", A)],
     {("チリ", "hosting", "北極会議", False, ""), ("北極会議", "adoption", "北極宣言", False, "")}),
    ("2023年にチリが議長国だった北極評議会で、作業部会が設けられた", [("チリ", C), ("北極評議会", O)], set()),
    # Bと共催した: the partners host with the subject of the clause before, and an event topic is what they hold
    ("北極会議（APC）は2001年に始まった首脳会議で、チリが主導し、北極基金、北極銀行と共催している",
     [("北極会議", E), ("APC", E), ("チリ", C), ("北極基金", O), ("北極銀行", O)],
     {("チリ", "hosting", "北極会議", False, ""), ("北極基金", "hosting", "北極会議", False, ""),
      ("北極銀行", "hosting", "北極会議", False, "")}),
    ("北極基金は、チリが主導し、北極銀行と共催している", [("北極基金", O), ("チリ", C), ("北極銀行", O)], set()),
    # a body under another (Aの指揮下にあるB, BはAの下に置かれている) is overseen by it; under a country, no
    ("北極警備隊は2018年に北極評議会の指揮下にある北極部隊に編入された",
     [("北極警備隊", O), ("北極評議会", O), ("北極部隊", O)], {("北極評議会", "oversight", "北極部隊", False, "")}),
    ("北極軍は、チリに司令部を置く北極艦隊の下に置かれている", [("北極軍", O), ("チリ", C), ("北極艦隊", O)],
     {("北極艦隊", "oversight", "北極軍", False, "")}),
    ("北極基金は、チリの下に置かれている", [("北極基金", O), ("チリ", C)], set()),
    # 発表 of an act (Bの立ち上げを発表した) is that act, as 表明 is; of a text it publishes it
    ("山田首相は「北極基金」の立ち上げを発表した。", [("山田", P), ("北極基金", O)],
     {("山田", "establishment", "北極基金", False, "")}),
    ("北極基金は「北極報告」を発表した。", [("北極基金", O), ("北極報告", A)], {("北極基金", "publication", "北極報告", False, "")}),
    # a body set up inside another (Aの中にBが設置された) is overseen by it; what is among others is not
    ("2024年2月、北極機構の中に北極研究所が設置された。", [("北極機構", O), ("北極研究所", O)],
     {("北極機構", "oversight", "北極研究所", False, "")}),
    ("北極機構（NAO）の中に北極研究所（NRI）が設立された。", [("北極機構", O), ("NAO", O), ("北極研究所", O), ("NRI", O)],
     {("北極機構", "oversight", "北極研究所", False, "")}),
    ("北極機構の中には、北極研究所がある。", [("北極機構", O), ("北極研究所", O)], set()),
    # AとBの間で発効した: it takes effect for both; signed between them, they are its parties
    ("北極協定は、2020年にチリとペルーの間で発効した", [("北極協定", A), ("チリ", C), ("ペルー", C)],
     {("北極協定", "entry_into_force", "チリ", False, ""), ("北極協定", "entry_into_force", "ペルー", False, "")}),
    ("北極協定は、2020年にチリとペルーの間で署名された", [("北極協定", A), ("チリ", C), ("ペルー", C)],
     {("チリ", "signing", "北極協定", False, ""), ("ペルー", "signing", "北極協定", False, "")}),
    # Eの初会合が開かれた, Eの閣僚会合に出席した: the meeting of an event is the event; a body's meeting is not
    ("北極基金と南極基金の間で、6月にAPCの初会合が開かれた", [("北極基金", O), ("南極基金", O), ("APC", E)],
     {("北極基金", "hosting", "APC", False, ""), ("南極基金", "hosting", "APC", False, "")}),
    ("山田外相は北極会議の閣僚会合に出席した", [("山田", P), ("北極会議", E)],
     {("山田", "attendance", "北極会議", False, "")}),
    ("山田外相は北極基金の理事会に出席した", [("山田", P), ("北極基金", O)], set()),
    # people listed with 、 before は are its subjects together; names listed under different scenes (Xでは) are not
    ("山田防衛相、スミス国防長官、チリのペレス国防相は、東京で北極協定に署名した",
     [("山田", P), ("スミス", P), ("チリ", C), ("ペレス", P), ("東京", "Region"), ("北極協定", A)],
     {("山田", "signing", "北極協定", False, ""), ("スミス", "signing", "北極協定", False, ""),
      ("ペレス", "signing", "北極協定", False, "")}),
    ("チリでは山田外相、ペルーではスミス外相と会談した", [("チリ", C), ("山田", P), ("ペルー", C), ("スミス", P)], set()),
    # country abbreviations written together and counted (日英伊の3か国) are conjuncts; uncounted, the last is the phrase
    ("日英伊の3か国は、北極計画を立ち上げた", [("日", C), ("英", C), ("伊", C), ("北極計画", "Plan")],
     {("日", "establishment", "北極計画", False, ""), ("英", "establishment", "北極計画", False, ""),
      ("伊", "establishment", "北極計画", False, "")}),
    ("日英伊の企業が、北極計画を立ち上げた", [("日", C), ("英", C), ("伊", C), ("北極計画", "Plan")],
     {("伊", "establishment", "北極計画", False, "")}),
    # 新設 sets up a body; in the active voice a に-phrase is where
    ("北極省は、北極司令部を新設する", [("北極省", O), ("北極司令部", O)],
     {("北極省", "establishment", "北極司令部", False, "")}),
    ("北極省は、チリに事務所を新設する", [("北極省", O), ("チリ", C)], set()),
    # publishing the draft (原案) of a plan publishes the plan; its secretariat is no draft
    ("北極省は、北極基本計画の原案を公表した", [("北極省", O), ("北極基本計画", "Plan")],
     {("北極省", "publication", "北極基本計画", False, "")}),
    ("北極省は、北極基本計画の事務局を公表した", [("北極省", O), ("北極基本計画", "Plan")], set()),
    # Vすることが多い: a clause made a noun by こと says its act of the topic; one with a subject of its own does not
    ("北極連合と南極連合は、交渉で連携することが多い", [("北極連合", O), ("南極連合", O)],
     {("北極連合", "cooperation", "南極連合", False, "")}),
    ("北極連合は、南極連合が連携することを求めた", [("北極連合", O), ("南極連合", O)], set()),
    # Bには…が加わるが、Aは署名した: the instrument a clause before is about is what A signs; a body is not
    ("北極条約には40か国が加わるが、チリは署名したものの批准していない", [("北極条約", A), ("チリ", C)],
     {("チリ", "signing", "北極条約", False, ""), ("チリ", "ratification", "北極条約", True, "")}),
    ("北極基金には40か国が加わるが、チリは署名したものの批准していない", [("北極基金", O), ("チリ", C)], set()),
    # Eの議長国だったA: the copula between a relative clause and the name after it leaves A the one it modifies
    ("北極会議の議長国だったチリから議長を引き継ぐ形", [("北極会議", E), ("チリ", C)],
     {("チリ", "hosting", "北極会議", False, "")}),
    ("北極会議の議長国だったチリの首相が来る形", [("北極会議", E), ("チリ", C)], set()),
    # Aの加盟国ではなく、…: a role said with the continuing copula is said of the topic; の inside a bracket
    # after a name (A（BのC）の) is the bracket's
    ("チリは北極連合（南極のための組織）の加盟国ではなく、協力を検討している段階にとどまる",
     [("チリ", C), ("北極連合", O), ("南極のための組織", O)], {("チリ", "membership", "北極連合", True, "")}),
    ("チリは北極連合の加盟国を訪れ、協力を検討している", [("チリ", C), ("北極連合", O)], set()),
    # a name alone in brackets after a noun (法律（北極開発法）は) stands for it; a place in brackets is where
    ("北極の開発に関する法律（北極開発法）は、2023年6月に北極議会で成立した", [("北極開発法", "Law"), ("北極議会", O)],
     {("北極議会", "adoption", "北極開発法", False, "")}),
    ("北極の開発に関する会議（チリ）は、2023年6月に北極議会で開かれた", [("チリ", C), ("北極議会", O)], set()),
    # BはAが所管する株式会社。: the noun that ends the sentence, copula left out, is the topic; an object is not
    ("北極基金は北極省が所管する株式会社", [("北極基金", O), ("北極省", O)], {("北極省", "oversight", "北極基金", False, "")}),
    ("北極基金は北極省が所管する株式会社に出資した", [("北極基金", O), ("北極省", O)], set()),
    # BはAの所管だ: a noun of oversight said of the topic; A所管のB is read as before, a verb of it is no noun
    ("北極基金は北極省の所管だ", [("北極基金", O), ("北極省", O)], {("北極省", "oversight", "北極基金", False, "")}),
    ("北極省所管の北極基金が、調査を行った", [("北極基金", O), ("北極省", O)], {("北極省", "oversight", "北極基金", False, "")}),
    ("北極基金は北極省の所管する事業に出資した", [("北極基金", O), ("北極省", O)], set()),
    # 可決 and 公布 adopt a law as 採択 and 制定 do; a law that is only named in a clause of debate is not adopted
    ("北極議会は4月、北極開発法を可決した", [("北極議会", O), ("北極開発法", "Law")],
     {("北極議会", "adoption", "北極開発法", False, "")}),
    ("北極政府が3月に北極開発法を公布した", [("北極政府", O), ("北極開発法", "Law")],
     {("北極政府", "adoption", "北極開発法", False, "")}),
    ("北極議会は4月、北極開発法を審議した", [("北極議会", O), ("北極開発法", "Law")], set()),
    # 資金協力 is money given (funding), not cooperation: through a body it goes to that body
    ("チリは、北極基金を通じて緊急無償資金協力を行った", [("チリ", C), ("北極基金", O)],
     {("チリ", "funding", "北極基金", False, "")}),
    ("チリは、北極基金と技術面で協力を行った", [("チリ", C), ("北極基金", O)],
     {("チリ", "cooperation", "北極基金", False, "")}),
    # 共催国を務める hosts the event it is set in, as 議長国 does; the 共催国 of a body holds no event
    ("チリは12月の北極フォーラムで共催国を務めた", [("チリ", C), ("北極フォーラム", E)],
     {("チリ", "hosting", "北極フォーラム", False, "")}),
    ("チリは北極連合で共催国を務めた", [("チリ", C), ("北極連合", O)], set()),
    # what a clause of giving modifies is the thing given (the mission sent, the resolution tabled), no recipient
    ("北極機関が2014年から派遣している北極監視団が、被害を数えている", [("北極機関", O), ("北極監視団", O)], set()),
    ("北極機関が2014年から北極監視団に派遣している職員が、被害を数えている", [("北極機関", O), ("北極監視団", O)],
     {("北極機関", "provision", "北極監視団", False, "")}),
    # Xでは、Aが派遣している…: with no recipient named, the country the sentence is set in is where it goes
    ("チリでは、北極機関が2014年から派遣している北極監視団が、被害を数えている",
     [("チリ", C), ("北極機関", O), ("北極監視団", O)], {("北極機関", "provision", "チリ", False, "")}),
    ("チリでは、北極機関が2014年から北極監視団に職員を派遣している", [("チリ", C), ("北極機関", O), ("北極監視団", O)],
     {("北極機関", "provision", "北極監視団", False, "")}),
    # AはBの支援を受けた: the actor whose act is received gives it; from whom, with から, as before
    ("北極商事は、北極銀行や北極保険の支援を受けて、事業を進めている",
     [("北極商事", O), ("北極銀行", O), ("北極保険", O)],
     {("北極銀行", "support", "北極商事", False, ""), ("北極保険", "support", "北極商事", False, "")}),
    ("北極商事は、北極銀行の支援する事業を受け継いだ", [("北極商事", O), ("北極銀行", O)], set()),
    # a body's resolution (Aの決議で, A決議で) is its act in the passive; a country's resolution names no body
    ("北極理事会は、2006年に北極総会の決議で、それまでの委員会に代わって設けられた",
     [("北極理事会", O), ("北極総会", O)], {("北極総会", "establishment", "北極理事会", False, "")}),
    ("北極機関は1949年の北極総会決議で設立され、難民を支えている", [("北極機関", O), ("北極総会", O)],
     {("北極総会", "establishment", "北極機関", False, "")}),
    ("北極機関は1949年のチリの決議で設立され、難民を支えている", [("北極機関", O), ("チリ", C)], set()),
    # Aの中にBが設立された: the inside of a body is the body, as in Aに設置された; what is among others is not
    ("2024年2月、北極研究機構（NRI）の中に北極安全研究所が設立された", [("北極研究機構", O), ("北極安全研究所", O)],
     {("北極研究機構", "oversight", "北極安全研究所", False, "")}),
    ("北極省の中に北極安全研究所が置かれた", [("北極省", O), ("北極安全研究所", O)],
     {("北極省", "oversight", "北極安全研究所", False, "")}),
    ("北極連合の中で北極安全研究所が注目された", [("北極連合", O), ("北極安全研究所", O)], set()),
    # A、Bを含むN: the names are members of N and do what N does; a name the clause says is included in
    # something else (Aを含む案) is no party
    ("チリ、ペルー、ボリビアを含む28か国と北極連合が「北極宣言」に署名した",
     [("チリ", C), ("ペルー", C), ("ボリビア", C), ("北極連合", O), ("北極宣言", A)],
     {("チリ", "signing", "北極宣言", False, ""), ("ペルー", "signing", "北極宣言", False, ""),
      ("ボリビア", "signing", "北極宣言", False, ""), ("北極連合", "signing", "北極宣言", False, "")}),
    ("ペルーを含む12か国が北極宣言に署名した", [("ペルー", C), ("北極宣言", A)],
     {("ペルー", "signing", "北極宣言", False, "")}),
    ("チリをはじめとする各国が北極宣言に署名した", [("チリ", C), ("北極宣言", A)],
     {("チリ", "signing", "北極宣言", False, "")}),
    ("北極連合は、チリを含む改革案を北極宣言に盛り込んだ", [("チリ", C), ("北極連合", O), ("北極宣言", A)], set()),
    ("ペルー政府から、チリ企業を含む国際連合体へ免許の付与が承認された", [("ペルー", C), ("チリ", C)], set()),
    # AはBにXで融資することを決めた: the topic lends, the body named with で is the means; with no topic
    # the body where a thing is done does it
    ("2023年3月、北極基金はチリに拡大信用供与措置（EFF）で約29億ドルを融資することを決めた",
     [("北極基金", O), ("チリ", C), ("EFF", O)], {("北極基金", "funding", "チリ", False, "")}),
    ("北極省で策定した北極指針が公表された", [("北極省", O), ("北極指針", "Plan")],
     {("北極省", "adoption", "北極指針", False, "")}),
    # Bの立ち上げを発表した announces an act: the act decides, as with 表明; a document announced is published
    ("2024年5月、北極会議で、チリ政府が「北極フレンズグループ」の立ち上げを発表した",
     [("北極会議", E), ("チリ", C), ("北極フレンズグループ", O)],
     {("チリ", "establishment", "北極フレンズグループ", False, "")}),
    ("2024年5月、チリ政府は「北極戦略」を発表した", [("チリ", C), ("北極戦略", "Plan")],
     {("チリ", "publication", "北極戦略", False, "")}),
    # Bは…Nで、Aが参加している: a topic said to be a noun does not act, it is what the next clause acts on;
    # a body before a count of countries is the whole they belong to, no member
    ("北極共同体（NCC）は、首相が2022年1月の演説で提唱した枠組みで、ペルー、チリと北極連合の9か国が参加している",
     [("北極共同体", O), ("ペルー", C), ("チリ", C), ("北極連合", O)],
     {("ペルー", "membership", "北極共同体", False, ""), ("チリ", "membership", "北極共同体", False, "")}),
    ("北極連合（NU）とペルー、チリの13か国による「北極備蓄（NR）」は、災害に備える",
     [("北極連合", O), ("ペルー", C), ("チリ", C), ("北極備蓄", O)],
     {("北極連合", "membership", "北極備蓄", False, ""), ("ペルー", "membership", "北極備蓄", False, ""),
      ("チリ", "membership", "北極備蓄", False, "")}),
    # Aの事務局であるB: the secretariat is a part of the body, as 外局 is; a body's secretariat written as one
    # name (A事務局と) is the body, and no act a light verb carries
    ("北極委員会の事務局である北極庁は、問題はないとした", [("北極委員会", O), ("北極庁", O)],
     {("北極委員会", "oversight", "北極庁", False, "")}),
    ("北極庁はチリ連合事務局と定期的に意見交換を行っている", [("北極庁", O), ("チリ連合事務局", O)],
     {("北極庁", "meeting", "チリ連合事務局", False, "")}),
    ("北極会議の事務局は北極官房に置かれ、北極室が実務を担う", [("北極会議", O), ("北極官房", O), ("北極室", O)],
     {("北極官房", "oversight", "北極会議", False, "")}),
    ("北極会議の本部は北極官房に置かれ、北極室が実務を担う", [("北極会議", O), ("北極官房", O), ("北極室", O)], set()),
    ("北極会議の事務局はチリに置かれ、ペルーにも拠点が設けられる", [("北極会議", O), ("チリ", C), ("ペルー", C)], set()),
    # Aが選ばれ、Bと連携して…: chained clauses share the が-subject of the first, passive or not; a subject of
    # the main clause is its own
    ("実証炉では、北極重工が中核企業に選ばれ、北極機構（NRA）と連携して設計を進める",
     [("北極重工", O), ("北極機構", O)], {("北極重工", "cooperation", "北極機構", False, "")}),
    ("北極重工が中核企業に選ばれ、北極機構は南極機構と連携して設計を進める",
     [("北極重工", O), ("北極機構", O), ("南極機構", O)], {("北極機構", "cooperation", "南極機構", False, "")}),
    # Aが本部のあるBで会合を開いた: a relative clause with its own の-subject leaves A to the main verb
    ("4月には、北極機関が本部のあるチリで第14回北極総会を開いた", [("北極機関", O), ("チリ", C), ("第14回北極総会", E)],
     {("北極機関", "hosting", "第14回北極総会", False, "")}),
    ("4月には、北極機関が設立したチリ支部で第14回北極総会が開かれた",
     [("北極機関", O), ("チリ支部", O), ("第14回北極総会", E)], {("北極機関", "establishment", "チリ支部", False, "")}),
    # AがBなどと設立したC: a と-phrase of setting up or hosting does it with the subject; with a predicate
    # of two sides (AはBと合意した) it stays the partner
    ("北極電機が南極電子などと設立した北極半導体の第1工場は、量産を始めた",
     [("北極電機", O), ("南極電子", O), ("北極半導体", O)],
     {("北極電機", "establishment", "北極半導体", False, ""), ("南極電子", "establishment", "北極半導体", False, "")}),
    ("チリがペルーと開催した北極フォーラムには、50か国が参加した", [("チリ", C), ("ペルー", C), ("北極フォーラム", E)],
     {("チリ", "hosting", "北極フォーラム", False, ""), ("ペルー", "hosting", "北極フォーラム", False, "")}),
    ("北極電機は南極電子と事業の統合で合意した", [("北極電機", O), ("南極電子", O)],
     {("北極電機", "agreement", "南極電子", False, "")}),
    # what is set up, adopted or published is never a country: one that names a resolution or mission is none
    ("11月、北極委員会は、ペルーが提出したチリ人権状況決議を無投票で採択した", [("北極委員会", O), ("ペルー", C), ("チリ", C)],
     set()),
    ("11月、北極委員会は、ペルーが提出した北極決議を無投票で採択した", [("北極委員会", O), ("北極決議", "Plan")],
     {("北極委員会", "adoption", "北極決議", False, "")}),
    # AはEに招かれた: an event invites no one, the one invited attends it; a body that invites is the agent
    ("北極教皇は北極サミットに招かれ、AIのセッションに出席した", [("北極教皇", P), ("北極サミット", E)],
     {("北極教皇", "attendance", "北極サミット", False, "")}),
    ("チリは北極機関の主要な拠出国であり、事務局長は北極サミットに招かれて首相と会談した",
     [("チリ", C), ("北極機関", O), ("北極サミット", E)], {("チリ", "funding", "北極機関", False, "")}),
    # AとBの外相は、Vすることを確認した: the actors whose people speak do the act the clause names; a named subject
    # of the governing clause comes first
    ("チリとペルーの外相は、漁業問題で引き続き連携することを確認した", [("チリ", C), ("ペルー", C)],
     {("チリ", "cooperation", "ペルー", False, "")}),
    ("チリとペルーの外相は、北極連合が南極連合と連携することを確認した",
     [("チリ", C), ("ペルー", C), ("北極連合", O), ("南極連合", O)], {("北極連合", "cooperation", "南極連合", False, "")}),
    # Bへの追加の拠出: a noun before the act with の passes its への-phrase on to the act
    ("チリは1月28日、北極機関への追加の拠出を当面停止すると発表した", [("チリ", C), ("北極機関", O)],
     {("チリ", "funding", "北極機関", True, "")}),
    ("チリは1月28日、北極機関への追加の調査を当面停止すると発表した", [("チリ", C), ("北極機関", O)], set()),
    # Xが議会で可決、成立した: an act listed before the verb with no particle shares its venue; a place is no agent
    ("改正北極開発法が、29日の北極議会で可決、成立した", [("北極開発法", "Law"), ("北極議会", O)],
     {("北極議会", "adoption", "北極開発法", False, "")}),
    ("改正北極開発法が、29日のチリで可決、成立した", [("北極開発法", "Law"), ("チリ", C)], set()),
    # Eが開かれ、Xが採択された: the event held in the clause before adopts X; an event holds no other event
    ("2023年12月、初めての北極首脳会合が開かれ、北極共同声明が採択された", [("北極首脳会合", E), ("北極共同声明", A)],
     {("北極首脳会合", "adoption", "北極共同声明", False, "")}),
    # Bは、Aが主導して設立し: the が-subject of the clause before sets up the topic; a topic that joins is its own subject
    ("北極投資銀行（NIB）は、チリが主導して設立し、2016年に開業した", [("北極投資銀行", O), ("チリ", C)],
     {("チリ", "establishment", "北極投資銀行", False, "")}),
    ("北極投資銀行は、チリが主導して加盟し、2016年に開業した", [("北極投資銀行", O), ("チリ", C)], set()),
    # Bとの合意の見直しを訴えた: an agreement a plain noun is about is no act of the one who speaks of it;
    # one a light verb carries on (Bとの協力の強化) is
    ("チリ大統領は選挙中に北極基金との合意の見直しを訴えた", [("チリ", C), ("北極基金", O)], set()),
    ("チリは北極基金との協力の強化を進めた", [("チリ", C), ("北極基金", O)],
     {("チリ", "cooperation", "北極基金", False, "")}),
    # Aは Bの(非)常任理事国として: a council's member by its seat, said of A with として as with a copula; a seat
    # named as what one elects is no one's
    ("チリは北極理事会の非常任理事国として、2年の任期の最後の年を迎えた", [("チリ", C), ("北極理事会", O)],
     {("チリ", "membership", "北極理事会", False, "")}),
    ("チリは北極理事会の加盟国として、2年の任期の最後の年を迎えた", [("チリ", C), ("北極理事会", O)],
     {("チリ", "membership", "北極理事会", False, "")}),
    ("北極理事会は新たな非常任理事国をペルーで選んだ", [("北極理事会", O), ("ペルー", C)], set()),
    # the talks on B one joins (Bの交渉に加わった) are no B one is a member of; the setting up of B is
    ("チリは、北極条約の交渉にオブザーバーとして加わった", [("チリ", C), ("北極条約", A)], set()),
    ("チリは、北極基金の立ち上げに加わった", [("チリ", C), ("北極基金", O)], {("チリ", "membership", "北極基金", False, "")}),
    # a role said of the topic (Aは加盟国ではないが) is its own act: the topic is no object of the next clause
    ("ペルーは北極連合の加盟国ではないが、チリ省は北極連合事務局と定期的に意見交換を行っている",
     [("ペルー", C), ("北極連合", O), ("チリ省", O)],
     {("ペルー", "membership", "北極連合", True, "")}),
    # 資金協力 is money given (無償資金協力 too), through the bodies named with を通じて
    ("チリは、北極基金や南極基金を通じて緊急無償資金協力を行った。", [("チリ", C), ("北極基金", O), ("南極基金", O)],
     {("チリ", "funding", "北極基金", False, ""), ("チリ", "funding", "南極基金", False, "")}),
    # a co-host of the meeting the sentence is set in hosts it, as its chair does; a body passes a law
    ("チリは第2回北極フォーラムで共催国を務めた。", [("チリ", C), ("第2回北極フォーラム", E)],
     {("チリ", "hosting", "第2回北極フォーラム", False, "")}),
    ("北極議会は4月、北極開発法を可決した。", [("北極議会", O), ("北極開発法", "Law")],
     {("北極議会", "adoption", "北極開発法", False, "")}),
    ("北極政府は8月に北極開発法を公布し、翌月施行した。", [("北極政府", O), ("北極開発法", "Law")],
     {("北極政府", "adoption", "北極開発法", False, "")}),
    # a bare noun listed with 、 right before the が-phrase is its conjunct, though the parser hung it on the
    # verb; a list of people is no conjunct of a body
    ("6月1日、ハワイでロペス国防相、テオドロ国防相、田村防衛相が会談した。",
     [("ロペス", P), ("テオドロ", P), ("田村", P)],
     {("ロペス", "meeting", "テオドロ", False, ""), ("ロペス", "meeting", "田村", False, ""),
      ("テオドロ", "meeting", "田村", False, "")}),
    ("6月1日、ハワイでロペス国防相、テオドロ国防相、国防省が会談した。",
     [("ロペス", P), ("テオドロ", P), ("国防省", O)], set()),
    # AとともにV and a clause chained before V, both hung by the parser on a word of the name V takes: they are
    # V's, so the subject left unsaid is the clause's; a subject of V's own is V's, not the clause's
    ("山田花子外相と田村防衛相がリマを訪れ、ロペス国防相とともに日比円滑化協定（RAA）に署名した",
     [("山田花子", P), ("田村", P), ("リマ", "Region"), ("ロペス", P), ("日比円滑化協定", A)],
     {("山田花子", "signing", "日比円滑化協定", False, ""), ("田村", "signing", "日比円滑化協定", False, ""),
      ("ロペス", "signing", "日比円滑化協定", False, "")}),
    ("山田花子外相はリマを訪れ、田村防衛相がロペス国防相とともに日比円滑化協定（RAA）に署名した",
     [("山田花子", P), ("田村", P), ("リマ", "Region"), ("ロペス", P), ("日比円滑化協定", A)],
     {("田村", "signing", "日比円滑化協定", False, ""), ("ロペス", "signing", "日比円滑化協定", False, "")}),
    # a mutual predicate takes the partner of the mutual clause chained before it with the same subject, also
    # one the parser hung inside the clause it takes; a predicate that is not mutual takes none
    ("田村防衛相は20日に王強国防相と会談し、意思疎通を続けることで一致した", [("田村", P), ("王強", P)],
     {("田村", "meeting", "王強", False, ""), ("田村", "agreement", "王強", False, "")}),
    ("田村防衛相は20日に王強国防相と会談し、意思疎通を続けることを確認した", [("田村", P), ("王強", P)],
     {("田村", "meeting", "王強", False, "")}),
    # Eには…が招かれた: those invited attend the event, as with Eに; a country invites no one to anything
    ("北極サミットには、ロペス大統領やチリのゴメス首相らも招かれた",
     [("北極サミット", E), ("ロペス", P), ("チリ", C), ("ゴメス", P)],
     {("ロペス", "attendance", "北極サミット", False, ""), ("ゴメス", "attendance", "北極サミット", False, "")}),
    ("チリには、ロペス大統領やゴメス首相らも招かれた", [("チリ", C), ("ロペス", P), ("ゴメス", P)], set()),
    # a noun with で is the means, not the act a verb of giving carries: Xでを供与した gives, it does not lend
    ("チリは円借款でペルー沿岸警備隊に巡視船を供与してきた", [("チリ", C), ("ペルー沿岸警備隊", O)],
     {("チリ", "provision", "ペルー沿岸警備隊", False, "")}),
    ("チリは円借款の供与でペルーを支援してきた", [("チリ", C), ("ペルー", C)], {("チリ", "support", "ペルー", False, "")}),
    # 禁止 (a ban) stops the act it takes, as 停止 does
    ("チリはすぐに、銅のペルーへの輸出を禁止して対抗した。", [("チリ", C), ("ペルー", C)],
     {("チリ", "trade", "ペルー", True, "")}),
    ("チリはペルーへの輸出を拡大した。", [("チリ", C), ("ペルー", C)], {("チリ", "trade", "ペルー", False, "")}),
    # the body an assembly's act names with の or in its compound (議会承認) does it, and is never what it adopts
    ("チリは北極協定の議会承認を終えた。", [("チリ", C), ("議会", O), ("北極協定", A)],
     {("議会", "adoption", "北極協定", False, "")}),
    ("チリの議会承認がいつになるかが焦点だ。", [("チリ", C), ("議会", O)], set()),
    # AとBが: A is a subject with the noun written right after it, though B names no entity; a と-phrase
    # before a noun of another role (Bと東京で) is the partner
    ("その後、北電とJPXがペルーのルミナに出資して、調達先を分散させてきた。",
     [("北電", O), ("ペルー", C), ("ルミナ", O)], {("北電", "funding", "ルミナ", False, "")}),
    ("ルミナは北電と東京で会談した。", [("北電", O), ("ルミナ", O)], {("ルミナ", "meeting", "北電", False, "")}),
    # 「B」（gloss）を: a quoted name the parser hung inside the gloss after it takes the gloss's role; a gloss
    # that is only the の-phrase of another noun leaves that noun the act's object
    ("北極政府は、「北極ビジョン」（北極の開発のための計画）を公表した", [("北極政府", O), ("北極ビジョン", "Plan")],
     {("北極政府", "publication", "北極ビジョン", False, "")}),
    ("北極政府は、「北極ビジョン」（北極の開発のための計画）の見直しに反対した",
     [("北極政府", O), ("北極ビジョン", "Plan")], set()),
    # B産の goods of a trade come from B, the partner of a trade that names none; one that names its own keeps it
    ("チリがペルー産の液化天然ガス（LNG）の輸入を増やすことでも一致した", [("チリ", C), ("ペルー", C)],
     {("チリ", "trade", "ペルー", False, "")}),
    ("チリはペルー産の銅をボリビアに輸出した", [("チリ", C), ("ペルー", C), ("ボリビア", C)],
     {("チリ", "trade", "ボリビア", False, "")}),
    # a relative clause that names neither who nor what acts on the instrument it modifies, its doer the topic;
    # an instrument that takes effect does so itself, and a clause with its own subject keeps it
    ("チリ政府は2022年12月に閣議決定した北極戦略で、「能動的防御」の導入を掲げた。",
     [("チリ政府", C), ("北極戦略", "Plan")], {("チリ政府", "adoption", "北極戦略", False, "")}),
    ("チリとペルーは、2023年5月に署名した「北極アコード」で、協力強化を打ち出している",
     [("チリ", C), ("ペルー", C), ("北極アコード", A)],
     {("チリ", "signing", "北極アコード", False, ""), ("ペルー", "signing", "北極アコード", False, "")}),
    ("チリは、2018年12月に発効した北極協定の交渉に関わった。", [("チリ", C), ("北極協定", A)], set()),
    ("チリは、ペルーが策定した北極戦略を支持した。", [("チリ", C), ("ペルー", C), ("北極戦略", "Plan")],
     {("ペルー", "adoption", "北極戦略", False, "")}),
    # so does one that makes, holds or runs the body it modifies, which is never its doer; one with an object of its
    # own acts on that, and one done with what it modifies (加盟したB) may be said of it as the doer
    ("北極省は、所管する北極機構と連携して、周知を進めている", [("北極省", O), ("北極機構", O)],
     {("北極省", "oversight", "北極機構", False, ""), ("北極省", "cooperation", "北極機構", False, "")}),
    ("北極省は、ペルーに本部を置く北極機構と連携した", [("北極省", O), ("北極機構", O), ("ペルー", C)],
     {("北極省", "cooperation", "北極機構", False, "")}),
    ("チリは、新たに加盟したペルーと協力した", [("チリ", C), ("ペルー", C)], {("チリ", "cooperation", "ペルー", False, "")}),
    # a clause of joining that names nothing rejoins what the same subject left, not what another subject left
    ("チリは1938年に北極機構を脱退し、1951年に再び加盟した", [("チリ", C), ("北極機構", O)],
     {("チリ", "withdrawal", "北極機構", False, ""), ("チリ", "membership", "北極機構", False, "")}),
    ("ペルーは1950年に北極機構を脱退し、チリは1951年に加盟した", [("ペルー", C), ("北極機構", O), ("チリ", C)],
     {("ペルー", "withdrawal", "北極機構", False, "")}),
    # to do a thing jointly (共同で) with B, by a verb that names no act, is to cooperate with B; ともに only says that
    # both do it
    ("北電は南電など電力4社と共同で、新型炉の開発を進める", [("北電", O), ("南電", O)],
     {("北電", "cooperation", "南電", False, "")}),
    ("チリはペルーとともに、ボリビアを非難した", [("チリ", C), ("ペルー", C), ("ボリビア", C)], set()),
    # abbreviations of countries written on without a mark (英米独仏, parsed 英米|独仏) are one run of conjuncts; with
    # の they modify a noun of their own
    ("北極会議で、チリと英米独仏・EUが北極パートナーシップを立ち上げた",
     [("北極会議", E), ("チリ", C), ("英", C), ("米", C), ("独", C), ("仏", C), ("EU", O), ("北極パートナーシップ", A)],
     {(x, "establishment", "北極パートナーシップ", False, "") for x in ("チリ", "英", "米", "独", "仏", "EU")}),
    ("英米の企業と独仏・EUが北極パートナーシップを立ち上げた",
     [("英", C), ("米", C), ("独", C), ("仏", C), ("EU", O), ("北極パートナーシップ", A)],
     {(x, "establishment", "北極パートナーシップ", False, "") for x in ("独", "仏", "EU")}),
    # a title written before a person's name with の is the person's post, as one after it is; said with a verb it acts
    ("ロペス氏は北極会議の議長を務めた", [("北極会議", E), ("ロペス", P)], {("ロペス", "hosting", "北極会議", False, "")}),
    ("北極会議議長のロペス氏は、北電の社長でもあった", [("北極会議", E), ("ロペス", P), ("北電", O)], set()),
    # a word for the doer of an act written as the partner (Eの議長国と) names a party left unnamed, not the subject;
    # said with として it is the subject's role
    ("チリは北極会議の議長国と会談した", [("チリ", C), ("北極会議", E)], set()),
    ("北極機構は、北極会議の議長国として北極会議を主催した", [("北極機構", O), ("北極会議", E)],
     {("北極機構", "hosting", "北極会議", False, "")}),
    # whom a thing is issued to (Bに命令を出した) is not what is published
    ("北極庁は北電に命令を出した", [("北極庁", O), ("北電", O)], set()),
    ("北極庁は北極戦略を公表した", [("北極庁", O), ("北極戦略", "Plan")], {("北極庁", "publication", "北極戦略", False, "")}),
    # a が-phrase the parser hung on a date (Eが22〜24日、…開かれ) is its verb's subject: the event held before is
    # chaired; a clause with its own subject keeps it (ペルーが…務めた翌年、チリが…主催した)
    ("北欧首脳会議が22〜24日、ロシアのカザンで開かれ、ロペス大統領が議長を務めた",
     [("北欧首脳会議", E), ("ロシア", C), ("カザン", "Region"), ("ロペス", P)],
     {("ロペス", "hosting", "北欧首脳会議", False, "")}),
    ("ペルーが議長国を務めた翌年、チリが北極サミットを主催した", [("ペルー", C), ("チリ", C), ("北極サミット", E)],
     {("チリ", "hosting", "北極サミット", False, "")}),
    # a part said with として is said of the subject of its verb; with no の-phrase it names no one over it
    ("北極庁は、北極庁設置法に基づいて北極省の外局として発足した。", [("北極庁", O), ("北極省", O), ("北極庁設置法", "Law")],
     {("北極省", "oversight", "北極庁", False, "")}),
    ("北極省は、北極庁を外局として設置した。", [("北極省", O), ("北極庁", O)],
     {("北極省", "establishment", "北極庁", False, "")}),
    # a common word for a body (協議会, 会議) with で and a comma is what an organisation before は is, also where the
    # parser calls the topic dislocated; a country before は is no body, and the word is where it acts
    ("北海協は北海省に置かれた協議会で、点数を決める。", [("北海協", O), ("北海省", O)],
     {("北海省", "oversight", "北海協", False, "")}),
    ("北海会議は、2021年に山田太郎首相が設置した有識者会議で、座長は佐藤氏が務める。", [("北海会議", O), ("山田太郎", P)],
     {("山田太郎", "establishment", "北海会議", False, "")}),
    ("ノルド国は、北海省が設置した会議で、声明を読み上げた。", [("ノルド国", C), ("北海省", O)], set()),
    # 発足 says what was set up and, with に, where (Aに Bが発足した: A oversees B); made causative (Bを発足させた)
    # it says who set it up
    ("2023年9月、北海省に北海危機管理庁が発足した", [("北海省", O), ("北海危機管理庁", O)],
     {("北海省", "oversight", "北海危機管理庁", False, "")}),
    ("北海庁は2022年4月に北海捜査隊を発足させた。", [("北海庁", O), ("北海捜査隊", O)],
     {("北海庁", "establishment", "北海捜査隊", False, "")}),
    # the amending law (Bの改正法) passed is B's change, as its draft is; another law of B (関連法) is not B
    ("北海法の改正法は、6月5日に参議院本会議で可決、成立した", [("北海法", "Law"), ("参議院本会議", O)],
     {("参議院本会議", "adoption", "北海法", False, "")}),
    ("北海法の関連法は、6月5日に参議院本会議で成立した", [("北海法", "Law"), ("参議院本会議", O)], set()),
    # the agent of an intransitive or an assembly's act is the body or meeting with で itself, not the parties whose
    # vote (AとBの賛成多数で) it names
    ("6月5日、参議院は本会議で改正北海法を可決し、法律は北党と南党などの賛成多数で成立した",
     [("参議院", O), ("北海法", "Law"), ("北党", O), ("南党", O)], {("参議院", "adoption", "北海法", False, "")}),
    # 折衝 is a meeting of the parties to it, and of no instrument it is about
    ("北海省は南海省と予算の折衝を重ねた", [("北海省", O), ("南海省", O)], {("北海省", "meeting", "南海省", False, "")}),
    ("北海省は北海協定の折衝を重ねた", [("北海省", O), ("北海協定", A)], set()),
    # 手渡す gives what it hands over to whom it is handed; the meeting it happens at is no recipient
    ("5日の北海総会で、佐藤次郎会長が答申書を山田太郎大臣に手渡した", [("北海総会", E), ("佐藤次郎", P), ("山田太郎", P)],
     {("佐藤次郎", "provision", "山田太郎", False, "")}),
    # a clause quoted and made a noun by こと is what is agreed, no instrument named in quotes: the parties agree
    # with each other; a quoted name (「…取決め」) is what they agree to, though the entity stage missed it
    ("北党の田中一郎幹事長と南党の山本次郎幹事長は10日、「所得税の控除を来年から引き上げる」ことで合意した",
     [("北党", O), ("田中一郎", P), ("南党", O), ("山本次郎", P)], {("田中一郎", "agreement", "山本次郎", False, "")}),
    ("北党と南党は10日、「北海漁業取決め」に合意した", [("北党", O), ("南党", O)], set()),
    # 開く carries the act it holds: parties who hold talks (会談を開き) meet each other; a meeting named is hosted
    ("田中首相と山本代表は10日に党首会談を開き、協力を確認した", [("田中", P), ("山本", P)],
     {("田中", "meeting", "山本", False, "")}),
    ("田中首相は10日、首相官邸で北海会議を開いた", [("田中", P), ("北海会議", E)], {("田中", "hosting", "北海会議", False, "")}),
    # a name the parser hung inside its gloss in brackets takes the gloss's particle, quoted or not; an abbreviation
    # in brackets leaves the name its own
    ("チリは、第99号条約（雇用及び職業についての差別待遇に関する条約）をまだ批准していない", [("チリ", C), ("第99号条約", A)],
     {("チリ", "ratification", "第99号条約", True, "")}),
    ("チリは、北海漁業協定（NFA）を批准した", [("チリ", C), ("北海漁業協定", A)],
     {("チリ", "ratification", "北海漁業協定", False, "")}),
    # Xが可決、成立した: X is what both listed acts are of, though the parser hung it on the first; a party whose
    # vote a common noun names (北党の賛成多数で) passes nothing
    ("6月5日、参議院本会議で改正北海法が可決、成立した", [("参議院本会議", O), ("北海法", "Law")],
     {("参議院本会議", "adoption", "北海法", False, "")}),
    ("6月5日、北党の賛成多数で改正北海法が可決、成立した", [("北党", O), ("北海法", "Law")], set()),
    # Aは Bと合わせて Cも決定した: B and C are what is decided, along with each other; a country with と合わせて
    # is no instrument and decides nothing here
    ("12月22日、チリ政府は北海漁業計画と合わせて、南海の漁業に関する指針も閣議決定した",
     [("チリ", C), ("北海漁業計画", "Plan"), ("南海の漁業に関する指針", "Plan")],
     {("チリ", "adoption", "北海漁業計画", False, ""), ("チリ", "adoption", "南海の漁業に関する指針", False, "")}),
    ("12月22日、チリ政府はペルーと合わせて、南海の漁業に関する指針も閣議決定した",
     [("チリ", C), ("ペルー", C), ("南海の漁業に関する指針", "Plan")],
     {("チリ", "adoption", "南海の漁業に関する指針", False, "")}),
    # an instrument with も and a subject with は is what is done too (Bも、Aは批准していない)
    ("2019年にILOが採択した北海条約も、チリは批准していない", [("ILO", O), ("北海条約", A), ("チリ", C)],
     {("ILO", "adoption", "北海条約", False, ""), ("チリ", "ratification", "北海条約", True, "")}),
    ("一方、チリもペルーも北海協定は批准していない。", [("チリ", C), ("ペルー", C), ("北海協定", A)],
     {("チリ", "ratification", "北海協定", True, ""), ("ペルー", "ratification", "北海協定", True, "")}),
    # with no other subject, an instrument with は is what takes effect
    ("北海協定は、チリでも発効した。", [("チリ", C), ("北海協定", A)], {("北海協定", "entry_into_force", "チリ", False, "")}),
    # BはAが立ち上げたNのM。: a clause on the の-phrase of the noun said of the topic defines the topic; a noun the
    # topic joins (…Nの集まりに参加した) is not the topic
    ("北海リーグは北海電力が2023年4月に立ち上げた企業の集まり。", [("北海リーグ", O), ("北海電力", O)],
     {("北海電力", "establishment", "北海リーグ", False, "")}),
    ("北海リーグは北海電力が2023年4月に立ち上げた企業の集まりに参加した。", [("北海リーグ", O), ("北海電力", O)], set()),
    # a title the dictionary splits before a suffix (…局|長) is the person's title, and the body in it a word of it;
    # nouns that end in no title (…局員) leave the person without one
    ("北海会合には、チリから田中一郎北海戦略局長が出席した", [("北海会合", E), ("チリ", C), ("田中一郎", P), ("北海戦略局", O)],
     {("田中一郎", "attendance", "北海会合", False, "")}),
    ("北海会合には、チリから田中一郎北海戦略局員が出席した", [("北海会合", E), ("チリ", C), ("田中一郎", P), ("北海戦略局", O)],
     set()),
    # B協定：Aが採択した協定で、…: a glossary line's noun of the same head word stands for the name before the colon;
    # a noun of another head word (…した指針で) is something else
    ("北海漁業協定（NFA）：北海委員会が2009年に採択した協定で、漁船の入港を拒めるようにする。",
     [("北海漁業協定", A), ("北海委員会", O)], {("北海委員会", "adoption", "北海漁業協定", False, "")}),
    ("北海漁業協定（NFA）：北海委員会が2009年に採択した指針で、漁船の入港を拒めるようにする。",
     [("北海漁業協定", A), ("北海委員会", O)], set()),
    # BはAに置かれた審議会で、…: the body word said of the topic with a continuing copula is the topic, wherever
    # the parser hung it; a place (会議場) is no body
    ("海洋審議会は、海洋庁に置かれた審議会で、会長は山田花子氏。", [("海洋審議会", O), ("海洋庁", O), ("山田花子", P)],
     {("海洋庁", "oversight", "海洋審議会", False, "")}),
    ("海洋審議会は、海洋庁に置かれた会議場で、会長は山田花子氏。", [("海洋審議会", O), ("海洋庁", O), ("山田花子", P)], set()),
    # B：…Aに置かれる: a glossary line's passive clause is said of the name before the colon; a place's label
    # before a colon is said of nothing
    ("北海推進会議：北海基本法に基づいて、北極省に置かれる。", [("北海推進会議", O), ("北海基本法", "Law"), ("北極省", O)],
     {("北極省", "oversight", "北海推進会議", False, "")}),
    ("カナダ：北海商事と北極電力との交渉", [("カナダ", C), ("北海商事", O), ("北極電力", O)], set()),
    # Eには、XからA、YからBが出席した: people listed each after the side they come from share the last one's role,
    # and the event with には, which the parser made a sentence of its own, is the verb's
    ("北海経済大臣会合には、カナダから山田経産相、チリから佐藤商務相、ペルーから鈴木外相が出席した",
     [("北海経済大臣会合", E), ("カナダ", C), ("山田", P), ("チリ", C), ("佐藤", P), ("ペルー", C), ("鈴木", P)],
     {("山田", "attendance", "北海経済大臣会合", False, ""), ("佐藤", "attendance", "北海経済大臣会合", False, ""),
      ("鈴木", "attendance", "北海経済大臣会合", False, "")}),
    ("北海協議には、カナダ側から山田財務長官と佐藤通商代表、チリ側から鈴木副首相が出席した",
     [("北海協議", E), ("カナダ", C), ("山田", P), ("佐藤", P), ("チリ", C), ("鈴木", P)],
     {("山田", "attendance", "北海協議", False, ""), ("佐藤", "attendance", "北海協議", False, ""),
      ("鈴木", "attendance", "北海協議", False, "")}),
    ("山田外相は、カナダから帰国し、チリの鈴木外相と会談した", [("山田", P), ("カナダ", C), ("チリ", C), ("鈴木", P)],
     {("山田", "meeting", "鈴木", False, "")}),
    # a place with に is where things or people are sent (provision), and only where for other acts
    ("北海福祉協議会などが北海県に職員を派遣した", [("北海福祉協議会", O), ("北海県", "Region")],
     {("北海福祉協議会", "provision", "北海県", False, "")}),
    ("北海福祉協議会は北海県に事務所を設けた", [("北海福祉協議会", O), ("北海県", "Region")], set()),
    # a relative clause modifies the conjuncts after it up to one with a clause of its own
    ("根拠は、北海議会で成立した北海法と、同時に改正された北極法", [("北海議会", O), ("北海法", "Law"), ("北極法", "Law")],
     {("北海議会", "adoption", "北海法", False, "")}),
    ("根拠は、北海議会で成立した北海法と北極法", [("北海議会", O), ("北海法", "Law"), ("北極法", "Law")],
     {("北海議会", "adoption", "北海法", False, ""), ("北海議会", "adoption", "北極法", False, "")}),
    # a cleft whose copula continues the sentence (Vするのは Xで、…) or is left out at its end (Vするのは X。);
    # a place it names is no doer
    ("北海法を所管するのは北極省で、担当は海洋局", [("北海法", "Law"), ("北極省", O)],
     {("北極省", "oversight", "北海法", False, "")}),
    ("北海博を主催するのは北海協会（北協）", [("北海博", E), ("北海協会", O)], {("北海協会", "hosting", "北海博", False, "")}),
    ("北海法を議論するのは北極市で、来月に開く", [("北海法", "Law"), ("北極市", "Region")], set()),
    # a part one serves as (Bの事務局はAが務めた, Bの事務局を務める) makes its host oversee B; a part one meets
    # with is a body, no act
    ("北海会議の事務局は北極研究所が務めた", [("北海会議", O), ("北極研究所", O)],
     {("北極研究所", "oversight", "北海会議", False, "")}),
    ("北極研究所は北海会議の事務局を務める", [("北海会議", O), ("北極研究所", O)],
     {("北極研究所", "oversight", "北海会議", False, "")}),
    ("北極研究所は北海会議の事務局と意見交換を行った", [("北海会議", O), ("北極研究所", O)], set()),
    # Aに置かれたBの事務局: a passive clause of placing before a part named after its body says where the body is
    ("北海省に置かれた北海戦略本部の事務局を務める。", [("北海省", O), ("北海戦略本部", O)],
     {("北海省", "oversight", "北海戦略本部", False, "")}),
    ("北海省に置かれた北海戦略本部の会議室を使う。", [("北海省", O), ("北海戦略本部", O)], set()),
    # Aで採択されたBの実施状況: an instrument right after a passive clause is what it makes, not its status
    ("2022年の北海会議で採択された北海生物多様性枠組の実施状況を点検する初めての会合",
     [("北海会議", E), ("北海生物多様性枠組", A)], {("北海会議", "adoption", "北海生物多様性枠組", False, "")}),
    ("2022年の北海会議で報告された北海協会の実施状況を点検する会合", [("北海会議", E), ("北海協会", O)], set()),
    # AがVしたXとYに関するB: an act on instruments hung on the gloss acts on the name; another act is the gloss's
    ("2019年に北海機関が採択した暴力とハラスメントに関する第90号条約も、チリは批准していない",
     [("北海機関", O), ("第90号条約", A), ("チリ", C)],
     {("北海機関", "adoption", "第90号条約", False, ""), ("チリ", "ratification", "第90号条約", True, "")}),
    ("北海機関が主催した会議に関する北海報告書をチリが公表した", [("北海機関", O), ("北海報告書", "Plan"), ("チリ", C)],
     {("チリ", "publication", "北海報告書", False, "")}),
    # Nは「X」と呼ばれる: the noun a clause modifies is the name it is called by
    ("北海会議で採択された合意文書は「北海コンセンサス」と呼ばれる", [("北海会議", E), ("北海コンセンサス", A)],
     {("北海会議", "adoption", "北海コンセンサス", False, "")}),
    ("北海会議で採択された合意文書は「北海コンセンサス」と比べられる", [("北海会議", E), ("北海コンセンサス", A)], set()),
    # AやCのBが: a place written with の before the next body is where it is, no conjunct of A
    ("北部総隊の隷下には、北見の第2空挺団や、函館市湯川の水陸旅団が置かれている",
     [("北部総隊", O), ("北見", "Region"), ("第2空挺団", O), ("函館市湯川", "Region"), ("水陸旅団", O)],
     {("北部総隊", "oversight", "第2空挺団", False, ""), ("北部総隊", "oversight", "水陸旅団", False, "")}),
    # Vする準備を進めている: the clause on 準備 is the subject's planned act, as …する予定 is
    ("チリとペルーは、「北海ハブ」をリマに設ける準備を進めている",
     [("チリ", C), ("ペルー", C), ("北海ハブ", O), ("リマ", "Region")],
     {("チリ", "establishment", "北海ハブ", False, "plan"), ("ペルー", "establishment", "北海ハブ", False, "plan")}),
    ("チリとペルーは、北海ハブの準備を進めている", [("チリ", C), ("ペルー", C), ("北海ハブ", O)], set()),
    # a meeting held with no host said is held by the country named with the role of hosting (議長国X)
    ("議長国チリの首都サンティアゴで、5日に北海首脳会議が開かれた", [("チリ", C), ("サンティアゴ", "Region"), ("北海首脳会議", E)],
     {("チリ", "hosting", "北海首脳会議", False, "")}),
    ("チリの首都サンティアゴで、5日に北海首脳会議が開かれた", [("チリ", C), ("サンティアゴ", "Region"), ("北海首脳会議", E)],
     set()),
    # …で、Bの改正法が可決、成立した: the amending law the parser hung on the first act of the list is still B's change
    ("6月19日、北海振興法の改正法が参議院本会議で可決、成立した。", [("北海振興法", "Law"), ("参議院本会議", O)],
     {("参議院本会議", "adoption", "北海振興法", False, "")}),
    ("6月19日、北海振興法の運用が参議院本会議で議論された。", [("北海振興法", "Law"), ("参議院本会議", O)], set()),
    # Bを改正する法律: a noun a clause of change modifies stands for what it changes; a clause of another act does not
    ("北海振興法と南海港湾法を改正する関連2法が、参議院本会議で可決、成立した",
     [("北海振興法", "Law"), ("南海港湾法", "Law"), ("参議院本会議", O)],
     {("参議院本会議", "adoption", "北海振興法", False, ""), ("参議院本会議", "adoption", "南海港湾法", False, "")}),
    ("北海振興法と南海港湾法を参照する関連2法が、参議院本会議で可決、成立した",
     [("北海振興法", "Law"), ("南海港湾法", "Law"), ("参議院本会議", O)], set()),
    # a body the sentence opens with, set off by a comma, is where the act is done, however the parser hung it;
    # a venue of the act's own wins
    ("6月4日の参院本会議で、トラック運送業の許可を5年ごとの更新制にし、国が「適正原価」を示す改正北海運送事業法が可決、成立した",
     [("参院本会議", O), ("北海運送事業法", "Law")], {("参院本会議", "adoption", "北海運送事業法", False, "")}),
    ("6月4日の参院本会議で、首相が答弁し、北海運送事業法は衆議院で可決、成立した",
     [("参院本会議", O), ("北海運送事業法", "Law"), ("衆議院", O)], {("衆議院", "adoption", "北海運送事業法", False, "")}),
    # a clause in the conjunctive form and a comma (成立し、) is chained, no relative clause: the topic is what passed;
    # a clause that modifies a plain noun (成立した法律で) says nothing of the topic's act
    ("北海漁業法は2004年12月に国会で成立し、第2次北海漁業基本計画（2021〜2025年度）が進行中",
     [("北海漁業法", "Law"), ("国会", O), ("第2次北海漁業基本計画", "Plan")], {("国会", "adoption", "北海漁業法", False, "")}),
    ("北海漁業法は2004年12月に国会で成立した法律で、第2次北海漁業基本計画（2021〜2025年度）が進行中",
     [("北海漁業法", "Law"), ("国会", O), ("第2次北海漁業基本計画", "Plan")], set()),
    # CはA、Bで構成する: the で-phrase names the members of the topic; a topic with で of another verb joins nothing
    ("北海再構築協議会は国、北海県、南海県、北海電鉄で構成する",
     [("北海再構築協議会", O), ("北海県", "Region"), ("南海県", "Region"), ("北海電鉄", O)],
     {("北海県", "membership", "北海再構築協議会", False, ""), ("南海県", "membership", "北海再構築協議会", False, ""),
      ("北海電鉄", "membership", "北海再構築協議会", False, "")}),
    ("北海連絡協議会は北海県と南海県で会合を開いた", [("北海連絡協議会", O), ("北海県", "Region"), ("南海県", "Region")],
     set()),
    # a number and a counter (2省, 7社) name no one: the names before them do the act; a name that opens with a
    # numeral-like word (何立峰) or a digit (3M) is still a name
    ("北海振興法は、北海省、南海省の2省が共同で所管する", [("北海振興法", "Law"), ("北海省", O), ("南海省", O), ("2省", O)],
     {("北海省", "oversight", "北海振興法", False, ""), ("南海省", "oversight", "北海振興法", False, "")}),
    ("3Mは北海化学を買収した", [("3M", O), ("北海化学", O)], {("3M", "acquisition", "北海化学", False, "")}),
    # 推薦, 推す: a party's endorsement of a candidate is support
    ("山田氏は北海党と南海党が推薦した", [("山田", P), ("北海党", O), ("南海党", O)],
     {("北海党", "support", "山田", False, ""), ("南海党", "support", "山田", False, "")}),
    # AとBは党首会談で…した: the sitting the co-subjects' clause is set in is their meeting; a press conference is
    # none, and a negotiation (交渉で合意した) is how they agreed
    ("山田首相と川村代表は今日の党首会談で、連立の継続を確認した", [("山田", P), ("川村", P)],
     {("山田", "meeting", "川村", False, "")}),
    ("山田首相と川村代表は今日の記者会見で、連立の継続を確認した", [("山田", P), ("川村", P)], set()),
    ("北海国と南海国は7月22日、関税交渉で合意した。", [("北海国", C), ("南海国", C)],
     {("北海国", "agreement", "南海国", False, "")}),
    # Bは、AとCの合意により設立された: the parties to the agreement set B up (no agreement with B); support they
    # gave it is still support
    ("北海研修所は、1970年に北海国と南海国の合意により設立された。", [("北海研修所", O), ("北海国", C), ("南海国", C)],
     {("北海国", "establishment", "北海研修所", False, ""), ("南海国", "establishment", "北海研修所", False, "")}),
    ("北海研修所は、1970年に北海国と南海国の支援により設立された。", [("北海研修所", O), ("北海国", C), ("南海国", C)],
     {("北海国", "support", "北海研修所", False, ""), ("南海国", "support", "北海研修所", False, "")}),
    # Eは、Aが主催する予定: a topic is one whatever label the parser gave it (here obl)
    ("次の第15回北海犯罪防止会議（第15回コングレス）は、2026年に南海国（NK）が主催する予定（）",
     [("第15回北海犯罪防止会議", E), ("南海国", C), ("NK", C)], {("南海国", "hosting", "第15回北海犯罪防止会議", False, "plan")}),
    # a phrase with a particle hung on the first word of a name is the verb's (法務省は…日ASEAN…を開催し); a の-phrase
    # there stays the name's
    ("2023年7月、北海庁は東京で日ASEAN特別海洋大臣会合を開催し、山田太郎海洋相（当時）が議長を務めた",
     [("北海庁", O), ("東京", "Region"), ("日", C), ("日ASEAN特別海洋大臣会合", E), ("ASEAN", O), ("山田太郎", P)],
     {("北海庁", "hosting", "日ASEAN特別海洋大臣会合", False, ""), ("山田太郎", "hosting", "日ASEAN特別海洋大臣会合", False, "")}),
    ("北海庁は東京の日ASEAN特別海洋大臣会合に参加した",
     [("北海庁", O), ("東京", "Region"), ("日", C), ("日ASEAN特別海洋大臣会合", E), ("ASEAN", O)],
     {("北海庁", "attendance", "日ASEAN特別海洋大臣会合", False, "")}),
    # Bでの支援: the country where support is given receives it; 止める negates the act it takes
    ("北海機構は、南海国での法整備支援を、2021年2月のクーデターの後、止めている", [("北海機構", O), ("南海国", C)],
     {("北海機構", "support", "南海国", True, "")}),
    ("北海機構は、南海国での法整備支援を続けている", [("北海機構", O), ("南海国", C)],
     {("北海機構", "support", "南海国", False, "")}),
    # Aの管理の下にある: a noun of control before 下 is A's; support is no control
    ("北海庁は北海委員会の監督の下にある", [("北海庁", O), ("北海委員会", O)], {("北海委員会", "oversight", "北海庁", False, "")}),
    ("北海庁は北海委員会の支援の下にある", [("北海庁", O), ("北海委員会", O)], set()),
    # Eについて報告を公表した: what a report is about is not what is published; a plan published is
    ("北海委員会が、1月2日の北海港事故について経過報告を公表した", [("北海委員会", O), ("北海港事故", E)], set()),
    ("北海委員会が、北海行動計画を公表した", [("北海委員会", O), ("北海行動計画", "Plan")],
     {("北海委員会", "publication", "北海行動計画", False, "")}),
    # BはAが設置した有識者の会議で、…: a clause on the members a body word is made of is the body word's, and so
    # the topic's; a clause on a facility is the facility's
    ("北海研究会は北海省が2024年1月に設置した有識者の会議で、座長は山田太郎北海大学教授",
     [("北海研究会", O), ("北海省", O), ("山田太郎", P), ("北海大学", O)], {("北海省", "establishment", "北海研究会", False, "")}),
    ("北海研究会は北海省が2024年1月に設置した施設の会議で、座長は山田太郎北海大学教授",
     [("北海研究会", O), ("北海省", O), ("山田太郎", P), ("北海大学", O)], set()),
    # AによるBの産業への支援, with による hung on 産業: A's act, and support reaches B through the noun with への; an
    # act that is no predicate (調査) says nothing
    ("北海国による南海国の軍需産業への支援に懸念を示した", [("北海国", C), ("南海国", C)],
     {("北海国", "support", "南海国", False, "")}),
    ("北海国による南海国の軍需産業の調査に懸念を示した", [("北海国", C), ("南海国", C)], set()),
    # the act a verb carries is the agent's of its による-phrase, not the carrying verb's subject's
    ("山田大統領は3日、北海製鉄による南海鋼業の買収を禁じる命令を出した。", [("山田", P), ("北海製鉄", O), ("南海鋼業", O)],
     {("北海製鉄", "acquisition", "南海鋼業", False, "")}),
    ("北海製鉄は3日、南海鋼業の買収を発表した。", [("北海製鉄", O), ("南海鋼業", O)],
     {("北海製鉄", "acquisition", "南海鋼業", False, "")}),
    # Eで、Aが主催する: with no object of its own, what A hosts is the event the sentence is set in
    ("次は2025年2月に札幌で開かれる北海サミットで、北海国の山田大統領が主催する",
     [("札幌", "Region"), ("北海サミット", E), ("北海国", C), ("山田", P)], {("山田", "hosting", "北海サミット", False, "")}),
    ("次は2025年2月に札幌で開かれる北海サミットで、北海国の山田大統領が演説する",
     [("札幌", "Region"), ("北海サミット", E), ("北海国", C), ("山田", P)], set()),
    # a verb of asking asks others to do the act it takes: the one who asks does not join
    ("北海国は、南海連合への参加を各国に呼びかけた", [("北海国", C), ("南海連合", O)], set()),
    ("北海国は、南海連合への参加を決めた", [("北海国", C), ("南海連合", O)], {("北海国", "membership", "南海連合", False, "")}),
    # AはBの大口の出資国で、…: a role said with the continuing copula the parser read as a particle, its の-phrase hung
    # on the word that describes it; the one funded (出資先) is no role of funding
    ("北海国は南海基金の大口の出資国で、増資への貢献額が注目されている", [("北海国", C), ("南海基金", O)],
     {("北海国", "funding", "南海基金", False, "")}),
    ("北海基金は南海国の大口の出資先で、増資への貢献額が注目されている", [("北海基金", O), ("南海国", C)], set()),
    ("北海国は南海機関の主要な分担金拠出国であり、山田事務局長は会合に出席した", [("北海国", C), ("南海機関", O), ("山田", P)],
     {("北海国", "funding", "南海機関", False, "")}),
    # to apply to join (加入を申請した) asks to be let in: it joins nothing yet
    ("北海国と南海国は2021年9月にそれぞれ東海協定への加入を申請した", [("北海国", C), ("南海国", C), ("東海協定", A)], set()),
    ("北海国と南海国は2021年9月にそれぞれ東海協定に加入した", [("北海国", C), ("南海国", C), ("東海協定", A)],
     {("北海国", "membership", "東海協定", False, ""), ("南海国", "membership", "東海協定", False, "")}),
    # a plan submits nothing: it is what is submitted
    ("2025年度の北海財政計画は、2月に閣議決定して国会に提出する段取り", [("北海財政計画", "Plan"), ("国会", O)], set()),
    # names listed with slashes are conjuncts, as with ・: a list of sources, no source announcing another
    ("北海放送 / 南海通信 / 東海省発表", [("北海放送", O), ("南海通信", O), ("東海省", O)], set()),
    ("北海国・南海国が東海協定に署名した", [("北海国", C), ("南海国", C), ("東海協定", A)],
     {("北海国", "signing", "東海協定", False, ""), ("南海国", "signing", "東海協定", False, "")}),
    # goods named after an act (輸出品) are what is traded, no trader; a role named after one (出資国) is its doer
    ("小麦は北海国の一番大事な輸出品。", [("小麦", O), ("北海国", C)], set()),
    ("北海国は東海銀行への最大の出資国である。", [("北海国", C), ("東海銀行", O)],
     {("北海国", "funding", "東海銀行", False, "")}),
    # a topic with には is where a body is placed, as a phrase with に is; a place with には is only where
    ("北海省には、新たに南海審議会が設置された。", [("北海省", O), ("南海審議会", O)],
     {("北海省", "oversight", "南海審議会", False, "")}),
    ("北海市には、新たに南海審議会の事務所が設置された。", [("北海市", "Region"), ("南海審議会", O)], set()),
    # a と-phrase hung on the unnamed person written after it is that person's conjunct, and signs with them
    ("山田太郎経済相とスミス商務長官が東海協定に署名した", [("山田太郎", P), ("東海協定", A)],
     {("山田太郎", "signing", "東海協定", False, "")}),
    ("山田太郎経済相とスミス商務長官が東海協定に署名した", [("山田太郎", P), ("スミス", P), ("東海協定", A)],
     {("山田太郎", "signing", "東海協定", False, ""), ("スミス", "signing", "東海協定", False, "")}),
    ("北海首脳会談には山田太郎外務大臣が同席した", [("北海首脳会談", E), ("山田太郎", P)],
     {("山田太郎", "attendance", "北海首脳会談", False, "")}),
    # a relative clause on a topic noun is said of what the sentence's end names it (the amending law stands for
    # its law); a topic whose sentence ends in a verb names nothing
    ("第300回国会で成立した福祉関係の法律は、北海振興法の改正法と、南海開発法の改正法など",
     [("第300回国会", E), ("北海振興法", "Law"), ("南海開発法", "Law")],
     {("第300回国会", "adoption", "北海振興法", False, ""), ("第300回国会", "adoption", "南海開発法", False, "")}),
    ("第300回国会で成立した法律は、北海振興法に基づく。", [("第300回国会", E), ("北海振興法", "Law")], set()),
    # a quote inside a clause on the noun (「…の壁」を上げる修正で) names no instrument the parties sign or agree on;
    # a quoted name the entity stage missed still is one (AとBが「…取決め」に署名した)
    ("北海党と南海党は、控除を上乗せして「100万円の壁」を上げる修正で合意した", [("北海党", O), ("南海党", O)],
     {("北海党", "agreement", "南海党", False, "")}),
    ("北海党と南海党は「税制に関する取決め」に署名した", [("北海党", O), ("南海党", O)], set()),
    # a body placed in a body by a doer that names no entity stands under it; a city is only where it is
    ("政府は北海省に南海推進室を設置した。", [("北海省", O), ("南海推進室", O)],
     {("北海省", "oversight", "南海推進室", False, "")}),
    ("政府は北海市に南海推進室を設置した。", [("北海市", "Region"), ("南海推進室", O)], set()),
    # goods from a country (Bからの牛肉の輸入) are traded with it; a verb of resuming does the act again, negated
    # only where it is itself
    ("北海国は、南海国からの牛肉の輸入を再開した。", [("北海国", C), ("南海国", C)],
     {("北海国", "trade", "南海国", False, "")}),
    ("北海国は、南海国からの牛肉の輸入を年内には再開しなかった", [("北海国", C), ("南海国", C)],
     {("北海国", "trade", "南海国", True, "")}),
    # a body placed in a country is there, under no one; placed in a body, it stands under that body
    ("北海評議会は北海国に設置された。", [("北海評議会", O), ("北海国", C)], set()),
    ("北海評議会は北海省に置かれた。", [("北海評議会", O), ("北海省", O)],
     {("北海省", "oversight", "北海評議会", False, "")}),
    # a visit planned and then called off (予定だったが、訪問を取りやめた) is not made; one a clause of another act
    # leaves is still planned
    ("北海首相は南海国を訪れる予定だったが、地震のため訪問を取りやめた。", [("北海首相", P), ("南海国", C)],
     {("北海首相", "visit", "南海国", True, "plan")}),
    ("北海首相は南海国を訪れる予定だったが、地震のため会見を取りやめた。", [("北海首相", P), ("南海国", C)],
     {("北海首相", "visit", "南海国", False, "plan")}),
    # a country in the word for its people (ペルー人) does nothing itself; its president does
    ("2023年にチリを訪れたペルー人は約88万人だった。", [("チリ", C), ("ペルー", C)], set()),
    ("2023年にペルーの大統領がチリを訪れた。", [("チリ", C), ("ペルー", C)], {("ペルー", "visit", "チリ", False, "")}),
    # with a doer said with が, a body with では is where the act is done; with none, it is the doer
    ("北海機構では、チリが決議案を南海理事会に提出した。", [("北海機構", O), ("チリ", C), ("南海理事会", O)],
     {("チリ", "provision", "南海理事会", False, "")}),
    ("北海機構では、決議案を南海理事会に提出した。", [("北海機構", O), ("南海理事会", O)],
     {("北海機構", "provision", "南海理事会", False, "")}),
    # a name's reading in brackets before the title (王明（ワン・ミン）国務院総理): the body is a word of the title
    ("北海サミットには、山田首相、川田大統領、北海国の王明（ワン・ミン）国務院総理が出席した。",
     [("北海サミット", E), ("山田", P), ("川田", P), ("北海国", C), ("王明", P), ("国務院", O)],
     {("山田", "attendance", "北海サミット", False, ""), ("川田", "attendance", "北海サミット", False, ""),
      ("王明", "attendance", "北海サミット", False, "")}),
    ("北海国の王明（ワン・ミン）と国務院は、北海サミットに出席した。",
     [("北海国", C), ("王明", P), ("国務院", O), ("北海サミット", E)],
     {("王明", "attendance", "北海サミット", False, ""), ("国務院", "attendance", "北海サミット", False, "")}),
    # deciding a plan (決める) adopts it, as 決定 does; a body placed in a body with no doer said stands under it,
    # a headquarters placed in a country names no body
    ("北海党は南海計画を決めた。", [("北海党", O), ("南海計画", "Plan")],
     {("北海党", "adoption", "南海計画", False, "")}),
    ("北海委員会を南海省に置くことが決まった。", [("北海委員会", O), ("南海省", O)],
     {("南海省", "oversight", "北海委員会", False, "")}),
    ("北海機構の本部を南海国に置くことが決まった。", [("北海機構", O), ("南海国", C)], set()),
    # AとCのBが with A hung on the country C: C is where B is, and A joins B; a partner of a body in C stays one
    ("北海商工会と南海国の南海商工会が設けた北海基金は、事業を続けた。",
     [("北海商工会", O), ("南海国", C), ("南海商工会", O), ("北海基金", O)],
     {("北海商工会", "establishment", "北海基金", False, ""), ("南海商工会", "establishment", "北海基金", False, "")}),
    ("北海商工会は南海国の南海商工会と協定を結んだ。", [("北海商工会", O), ("南海国", C), ("南海商工会", O)],
     {("北海商工会", "signing", "南海商工会", False, "")}),
    # A・BとCが協議する: ・ binds A and B into one side that does it with C; A、BとC lists three equals
    ("北海国・南海国と東海国は協議した。", [("北海国", C), ("南海国", C), ("東海国", C)],
     {("北海国", "meeting", "東海国", False, ""), ("南海国", "meeting", "東海国", False, "")}),
    ("北海国、南海国と東海国は協議した。", [("北海国", C), ("南海国", C), ("東海国", C)],
     {("北海国", "meeting", "南海国", False, ""), ("北海国", "meeting", "東海国", False, ""),
      ("南海国", "meeting", "東海国", False, "")}),
    # AとBはVする関係にある: a relationship of doing V is the topic's act
    ("北海党と南海党は、政策ごとに協議する関係にある。", [("北海党", O), ("南海党", O)],
     {("北海党", "meeting", "南海党", False, "")}),
    # Bの交渉に加わったが、署名しなかった: the instrument whose negotiation the clause before joins is what is not signed;
    # an instrument named for the signing is signed
    ("北海国は、南海条約の交渉に加わったが、署名しなかった。", [("北海国", C), ("南海条約", A)],
     {("北海国", "signing", "南海条約", True, "")}),
    ("北海国は、南海条約の交渉に加わったが、東海協定に署名した。", [("北海国", C), ("南海条約", A), ("東海協定", A)],
     {("北海国", "signing", "東海協定", False, "")}),
    # leaving a party (離党) is withdrawal; a call to leave it is no act of leaving
    ("山田太郎は南海党を離党した。", [("山田太郎", P), ("南海党", O)],
     {("山田太郎", "withdrawal", "南海党", False, "")}),
    ("南海党は山田太郎に離党を勧告した。", [("南海党", O), ("山田太郎", P)], set()),
    # backing a candidate (応援) is support
    ("北海知事が応援した山田太郎氏は落選した。", [("北海知事", P), ("山田太郎", P)],
     {("北海知事", "support", "山田太郎", False, "")}),
    # する carries the noun it takes (党首会談をして), and a mutual clause after it shares its partner, also
    # where the parser hung the topic on the clause before (AはBと会談し、…で一致した); a partner of its own wins
    ("北海首相は南海党の山田代表と党首会談をして、減税で合意した。", [("北海首相", P), ("南海党", O), ("山田", P)],
     {("北海首相", "meeting", "山田", False, ""), ("北海首相", "agreement", "山田", False, "")}),
    ("北海首相は山田代表と会談し、連立の継続で一致した。", [("北海首相", P), ("山田", P)],
     {("北海首相", "meeting", "山田", False, ""), ("北海首相", "agreement", "山田", False, "")}),
    ("北海首相は山田代表と会談し、川田代表とも合意した。", [("北海首相", P), ("山田", P), ("川田", P)],
     {("北海首相", "meeting", "山田", False, ""), ("北海首相", "agreement", "川田", False, "")}),
]


@pytest.mark.ginza
@pytest.mark.parametrize(("sentence", "names", "expected"), SHAPES, ids=[s[0][:12] for s in SHAPES])
def test_frames_of_typical_shapes(sentence, names, expected):
    from kg.relate.parse import parse

    tokens = parse([sentence], "ja_ginza")[0]
    assert triples(read_frames(tokens, args(sentence, *names), load_vocabulary())) == expected


@pytest.mark.ginza
def test_a_place_in_brackets_after_an_act_leaves_it_an_act():
    from kg.relate.parse import parse

    sentence = "チリはペルーと首脳会談（リマ）を行った。"
    frames = read_frames(parse([sentence], "ja_ginza")[0],
                         args(sentence, ("チリ", C), ("ペルー", C), ("リマ", "Region")), load_vocabulary())
    assert ("チリ", "meeting", "ペルー", False, "") in triples(frames)


def _named_in(name: str, type_: str, *blocks):
    """Return an entity with one mention in each block."""
    from kg.records import Entity, Mention

    return Entity(name, name, type_, mentions=tuple(
        Mention(name, "", "known", b, b.text.index(name), b.text.index(name) + len(name), b.text, name, type_)
        for b in blocks))


def test_a_heading_is_a_title_and_states_no_relation():
    from kg.records import Block
    from kg.relate import relation_sentences

    heading = Block("n.md", ("チリのCPTPP加入が発効",), (2,), 1, 0, 3, "heading", "チリのCPTPP加入が発効")
    body = Block("n.md", ("チリのCPTPP加入が発効",), (2,), 1, 1, 5, "paragraph", "チリはCPTPPに加入した。")

    sentences = relation_sentences([_named_in("チリ", C, heading, body), _named_in("CPTPP", A, heading, body)])
    assert [s.text for s in sentences] == ["チリはCPTPPに加入した。"]


def test_a_line_of_wikilinks_lists_titles_and_states_no_relation():
    from kg.records import Block, Link
    from kg.relate import relation_sentences

    # 関連：[[…|リマ]] / [[…|キトの会談]]: the titles of two notes, no meeting of the two cities
    text = "関連：リマ / キトの会談"
    links = (Link(3, 5, "2024-05-01", wiki=True), Link(8, 13, "2024-06-01", wiki=True))
    related = Block("n.md", (), (), 0, 0, 3, "paragraph", text, links=links)
    # a sentence that says something around its links is read
    said = Block("n.md", (), (), 0, 1, 5, "paragraph", "リマとキトが会談した。", links=(Link(0, 2, "リマ", wiki=True),))

    sentences = relation_sentences([_named_in("リマ", "Region", related, said), _named_in("キト", "Region", related, said)])
    assert [s.text for s in sentences] == ["リマとキトが会談した。"]


def test_a_sentence_of_a_body_under_another_is_read_though_it_names_no_predicate():
    from kg.records import Block
    from kg.relate import relation_sentences

    under = Block("n.md", ("組織",), (2,), 1, 1, 5, "paragraph", "北極部隊は北極評議会の指揮下にある。")
    near = Block("n.md", ("組織",), (2,), 1, 2, 6, "paragraph", "北極部隊は北極評議会の近くにある。")

    sentences = relation_sentences([_named_in("北極部隊", O, under, near), _named_in("北極評議会", O, under, near)])
    assert [s.text for s in sentences] == ["北極部隊は北極評議会の指揮下にある。"]


def test_the_last_words_of_a_body_named_before_stand_for_it_as_topic():
    from kg.records import Block
    from kg.relate import relation_sentences

    named = Block("n.md", ("組織",), (2,), 1, 1, 5, "paragraph", "北海DX推進本部が発足した。")
    later = Block("n.md", ("組織",), (2,), 1, 2, 6, "paragraph", "6月、推進本部は北海工程表を決定した。同本部が北海計画も決定した。")
    shorter = Block("n.md", ("組織",), (2,), 1, 3, 7, "paragraph", "本部は北海工程表を公表した。")
    body = _named_in("北海DX推進本部", O, named)
    plans = [_named_in("北海工程表", "Plan", later, shorter), _named_in("北海計画", "Plan", later)]

    sentences = relation_sentences([body, *plans])
    # 推進本部 (three characters and more) and 同本部 stand for the body; 本部 alone is too short to say which
    assert [(s.text, [(m.surface, m.entity) for m, _, _ in s.mentions]) for s in sentences] == [
        ("6月、推進本部は北海工程表を決定した。", [("推進本部", "北海DX推進本部"), ("北海工程表", "北海工程表")]),
        ("同本部が北海計画も決定した。", [("本部", "北海DX推進本部"), ("北海計画", "北海計画")]),
    ]


def test_words_after_同じ_stand_for_the_body_named_before_wherever_they_stand():
    from kg.records import Block
    from kg.relate import relation_sentences

    named = Block("n.md", ("組織",), (2,), 1, 1, 5, "paragraph", "政府は北海物流に関する閣僚会議で北海工程表を決定した。")
    later = Block("n.md", ("組織",), (2,), 1, 2, 6, "paragraph", "10月には同じ閣僚会議が北海計画を取りまとめた。")
    other = Block("n.md", ("組織",), (2,), 1, 3, 7, "paragraph", "10月には閣僚会議が北海方針を取りまとめた。")
    body = _named_in("北海物流に関する閣僚会議", O, named)
    plans = [_named_in("北海工程表", "Plan", named), _named_in("北海計画", "Plan", later), _named_in("北海方針", "Plan", other)]

    sentences = relation_sentences([body, *plans])
    # 同じ says the words name the body named before; without it, words after には are no stand-in
    assert [(s.text, [(m.surface, m.entity) for m, _, _ in s.mentions]) for s in sentences][1:] == [
        ("10月には同じ閣僚会議が北海計画を取りまとめた。", [("閣僚会議", "北海物流に関する閣僚会議"), ("北海計画", "北海計画")]),
    ]


def test_a_hand_made_parse_reads_subject_and_object():
    # 日本はOECDに加盟した。 as GiNZA parses it: nsubj and obl under the サ変 noun 加盟
    tokens = (
        Token(0, 2, "日本", "日本", "PROPN", "名詞-固有名詞-地名-国", "nsubj", 4),
        Token(2, 3, "は", "は", "ADP", "助詞-係助詞", "case", 0),
        Token(3, 7, "OECD", "OECD", "PROPN", "名詞-固有名詞-一般", "obl", 4),
        Token(7, 8, "に", "に", "ADP", "助詞-格助詞", "case", 2),
        Token(8, 10, "加盟", "加盟", "VERB", "名詞-普通名詞-サ変可能", "ROOT", 4),
        Token(10, 11, "し", "する", "AUX", "動詞-非自立可能", "aux", 4),
        Token(11, 12, "た", "た", "AUX", "助動詞", "aux", 4),
    )
    arguments = [Argument(0, 2, "日本", C), Argument(3, 7, "OECD", O)]
    assert triples(read_frames(tokens, arguments, load_vocabulary())) == {("日本", "membership", "OECD", False, "")}
    # the same words with the roles swapped say the opposite, and one entity alone says nothing
    assert read_frames(tokens, arguments[:1], load_vocabulary()) == []


def test_a_subject_the_parser_hung_on_its_partner_does_the_act_with_it():
    # AがBなどと設立したC as GiNZA parsed a sentence of the notes: A hung on B, B on 設立, 設立 on C
    tokens = (
        Token(0, 2, "北電", "北電", "PROPN", "名詞-固有名詞-一般", "nsubj", 2),
        Token(2, 3, "が", "が", "ADP", "助詞-格助詞", "case", 0),
        Token(3, 5, "南電", "南電", "PROPN", "名詞-固有名詞-一般", "obl", 5),
        Token(5, 7, "など", "など", "ADP", "助詞-副助詞", "case", 2),
        Token(7, 8, "と", "と", "ADP", "助詞-格助詞", "case", 2),
        Token(8, 10, "設立", "設立", "VERB", "名詞-普通名詞-サ変可能", "acl", 8),
        Token(10, 11, "し", "する", "AUX", "動詞-非自立可能", "aux", 5),
        Token(11, 12, "た", "た", "AUX", "助動詞", "aux", 5),
        Token(12, 14, "西電", "西電", "PROPN", "名詞-固有名詞-一般", "ROOT", 8),
    )
    arguments = [Argument(0, 2, "北電", O), Argument(3, 5, "南電", O), Argument(12, 14, "西電", O)]
    assert triples(read_frames(tokens, arguments, load_vocabulary())) == {
        ("北電", "establishment", "西電", False, ""), ("南電", "establishment", "西電", False, "")}
    # A as its partner's conjunct (Aが議長国として開催した) keeps the verb of として
    as_chair = tokens[:2] + (
        Token(3, 6, "議長国", "議長国", "NOUN", "名詞-普通名詞-一般", "obl", 4),
        Token(6, 7, "と", "と", "ADP", "助詞-格助詞", "case", 2),
        Token(7, 9, "して", "する", "VERB", "動詞-非自立可能", "advcl", 5),
        Token(8, 10, "開催", "開催", "VERB", "名詞-普通名詞-サ変可能", "acl", 8),
    ) + tokens[6:]
    arguments = [Argument(0, 2, "北電", O), Argument(12, 14, "西電", E)]
    assert triples(read_frames(as_chair, arguments, load_vocabulary())) == {("北電", "hosting", "西電", False, "")}


def _hand_parse(*words: tuple[str, str, str, str, int]) -> tuple[Token, ...]:
    """Return tokens from (text, pos, tag, dep, head) rows, the lemma being the text, offsets counted."""
    tokens, start = [], 0
    for text, pos, tag, dep, head in words:
        tokens.append(Token(start, start + len(text), text, text, pos, tag, dep, head))
        start += len(text)
    return tuple(tokens)


def _lemma(tokens: tuple[Token, ...], i: int, lemma: str) -> tuple[Token, ...]:
    """Return the tokens with token i given its dictionary form (まとめ is まとめる)."""
    return tokens[:i] + (replace(tokens[i], lemma=lemma),) + tokens[i + 1 :]


def test_a_noun_the_parser_labels_a_clause_is_still_listed():
    # Xには、A、B、C、DなどN社が出資した as GiNZA parsed a sentence of the notes: C labelled acl of D
    n, p, punct = "名詞-普通名詞-一般", "名詞-固有名詞-一般", "補助記号-読点"
    tokens = _hand_parse(
        ("ルミナ", "NOUN", n, "obl", 15), ("に", "ADP", "助詞-格助詞", "case", 0), ("は", "ADP", "助詞-係助詞", "case", 0),
        ("、", "PUNCT", punct, "punct", 0), ("ゾルタ", "PROPN", p, "nmod", 6), ("、", "PUNCT", punct, "punct", 4),
        ("NKK", "PROPN", p, "nmod", 8), ("、", "PUNCT", punct, "punct", 6), ("ソラリス", "PROPN", p, "acl", 10),
        ("、", "PUNCT", punct, "punct", 8), ("カシオペア", "NOUN", n, "nmod", 13),
        ("など", "ADP", "助詞-副助詞", "case", 10), ("8", "NUM", "名詞-数詞", "nummod", 13),
        ("社", "NOUN", "名詞-普通名詞-助数詞可能", "nsubj", 15), ("が", "ADP", "助詞-格助詞", "case", 13),
        ("出資", "VERB", "名詞-普通名詞-サ変可能", "ROOT", 15), ("し", "AUX", "動詞-非自立可能", "aux", 15),
        ("た", "AUX", "助動詞", "aux", 15),
    )
    text = "".join(t.text for t in tokens)
    names = [(name, O) for name in ("ルミナ", "ゾルタ", "NKK", "ソラリス", "カシオペア")]
    assert triples(read_frames(tokens, args(text, *names), load_vocabulary())) == {
        (name, "funding", "ルミナ", False, "") for name, _ in names[1:]}
    # a verb labelled acl is a clause: ソラリス化する, no company, lists nothing
    verb = tokens[:8] + (Token(tokens[8].start, tokens[8].end, "ソラリス", "ソラリス", "VERB", "動詞-一般", "acl", 10),) + \
        tokens[9:]
    assert triples(read_frames(verb, args(text, *names[:3], names[4]), load_vocabulary())) == {
        ("カシオペア", "funding", "ルミナ", False, "")}


def test_a_と_phrase_the_parser_hung_on_the_noun_after_it_is_that_nouns_conjunct():
    # AとBがCを設置した as GiNZA parsed sentences of the notes: A an obl of the noun B, B the verb's subject
    n, p = "名詞-普通名詞-一般", "名詞-固有名詞-一般"
    tokens = _hand_parse(
        ("北電", "PROPN", p, "obl", 2), ("と", "ADP", "助詞-格助詞", "case", 0), ("南電", "PROPN", p, "nsubj", 6),
        ("が", "ADP", "助詞-格助詞", "case", 2), ("西電", "PROPN", p, "obj", 6), ("を", "ADP", "助詞-格助詞", "case", 4),
        ("設置", "VERB", "名詞-普通名詞-サ変可能", "ROOT", 6), ("し", "AUX", "動詞-非自立可能", "aux", 6),
        ("た", "AUX", "助動詞", "aux", 6),
    )
    text = "".join(t.text for t in tokens)
    names = [(name, O) for name in ("北電", "南電", "西電")]
    assert triples(read_frames(tokens, args(text, *names), load_vocabulary())) == {
        ("北電", "establishment", "西電", False, ""), ("南電", "establishment", "西電", False, "")}
    # with a phrase of its own between (Aと4月にBが), the と-phrase is not written against the noun: no conjunct
    apart = _hand_parse(
        ("北電", "PROPN", p, "obl", 4), ("と", "ADP", "助詞-格助詞", "case", 0), ("4月", "NOUN", n, "obl", 8),
        ("に", "ADP", "助詞-格助詞", "case", 2), ("南電", "PROPN", p, "nsubj", 8),
        ("が", "ADP", "助詞-格助詞", "case", 4), ("西電", "PROPN", p, "obj", 8), ("を", "ADP", "助詞-格助詞", "case", 6),
        ("設置", "VERB", "名詞-普通名詞-サ変可能", "ROOT", 8), ("し", "AUX", "動詞-非自立可能", "aux", 8),
        ("た", "AUX", "助動詞", "aux", 8),
    )
    text = "".join(t.text for t in apart)
    assert triples(read_frames(apart, args(text, *names), load_vocabulary())) == {
        ("南電", "establishment", "西電", False, "")}


def test_a_が_phrase_written_right_before_a_relative_clause_with_no_subject_is_its_subject():
    # Aが5月にまとめたBを守るよう、Cに要請した as GiNZA parsed a sentence of the notes: A hung on 守る, past the clause
    n, p, v, case = "名詞-普通名詞-一般", "名詞-固有名詞-一般", "動詞-一般", "助詞-格助詞"
    words = [
        ("北電", "PROPN", p, "nsubj", 8), ("が", "ADP", case, "case", 0), ("5月", "NOUN", n, "obl", 4),
        ("に", "ADP", case, "case", 2), ("まとめ", "VERB", v, "acl", 6), ("た", "AUX", "助動詞", "aux", 4),
        ("北海指針", "PROPN", p, "obj", 8), ("を", "ADP", case, "case", 6), ("守る", "VERB", v, "advcl", 13),
        ("よう", "AUX", "形状詞-助動詞語幹", "aux", 8), ("、", "PUNCT", "補助記号-読点", "punct", 8),
        ("業界", "NOUN", n, "obl", 13), ("に", "ADP", case, "case", 11), ("要請", "VERB", "名詞-普通名詞-サ変可能", "ROOT", 13),
    ]
    tokens = _lemma(_hand_parse(*words), 4, "まとめる")
    text = "".join(t.text for t in tokens)
    names = [("北電", O), ("北海指針", "Plan")]
    assert triples(read_frames(tokens, args(text, *names), load_vocabulary())) == {
        ("北電", "adoption", "北海指針", False, "")}
    # set off by a comma (Aが、5月にまとめたBを…), the が-phrase is the subject of the sentence's verb, not the clause's
    comma = _hand_parse(*[(t, pos, tag, dep, head + (head >= 2)) for t, pos, tag, dep, head in words[:2]],
                        ("、", "PUNCT", "補助記号-読点", "punct", 0),
                        *[(t, pos, tag, dep, head + (head >= 2)) for t, pos, tag, dep, head in words[2:]])
    comma = _lemma(comma, 5, "まとめる")
    text = "".join(t.text for t in comma)
    assert triples(read_frames(comma, args(text, *names), load_vocabulary())) == set()


def test_a_clause_the_parser_made_the_root_runs_on_into_the_name_after_it():
    # AがVしたBは、…を定めている as GiNZA parsed a sentence of the notes: V a second root, B the topic of 定める
    p, case = "名詞-固有名詞-一般", "助詞-格助詞"
    words = [
        ("北海市", "PROPN", p, "nsubj", 2), ("が", "ADP", case, "case", 0),
        ("制定", "VERB", "名詞-普通名詞-サ変可能", "ROOT", 2), ("し", "AUX", "動詞-非自立可能", "aux", 2),
        ("た", "AUX", "助動詞", "aux", 2), ("北海条例", "PROPN", p, "nsubj", 9), ("は", "ADP", "助詞-係助詞", "case", 5),
        ("施策", "NOUN", "名詞-普通名詞-一般", "obj", 9), ("を", "ADP", case, "case", 7),
        ("定める", "VERB", "動詞-一般", "ROOT", 9),
    ]
    tokens = _hand_parse(*words)
    text = "".join(t.text for t in tokens)
    names = [("北海市", O), ("北海条例", "Law")]
    assert triples(read_frames(tokens, args(text, *names), load_vocabulary())) == {
        ("北海市", "adoption", "北海条例", False, "")}
    # a root that ends in the conjunctive form (制定し、) runs on into no name
    chained = _hand_parse(*words[:4], ("、", "PUNCT", "補助記号-読点", "punct", 2), *words[5:])
    text = "".join(t.text for t in chained)
    assert triples(read_frames(chained, args(text, *names), load_vocabulary())) == set()


def test_the_vocabulary_reads_groups_mutual_words_and_longer_nouns(tmp_path):
    vocabulary = load_vocabulary()
    assert vocabulary.predicate("締結").group == "signing" and vocabulary.predicate("締結").mutual
    assert not vocabulary.predicate("参加").mutual
    assert vocabulary.predicate("経済連携協定", noun=True).word == "協定"
    assert vocabulary.predicate("経済連携協定") is None  # a verb never matches by its end
    mine = tmp_path / "mine.tsv"
    mine.write_text("# my words\nword\tgroup\tmutual\n寄贈\tdonation\n参加\tattendance\n", encoding="utf-8")
    extended = load_vocabulary([mine])
    assert extended.predicate("寄贈").group == "donation"
    assert extended.predicate("参加").group == "attendance"
    assert extended.predicate("締結").group == "signing"


def test_the_parse_cache_round_trips_and_keys_on_text_and_model_only(tmp_path):
    tokens = (Token(0, 2, "日本", "日本", "PROPN", "名詞", "ROOT", 0),)
    cache = ParseCache.open("ja_ginza", tmp_path)
    cache.put_many({"日本": tokens})
    assert cache.get_many(["日本", "米国"]) == {"日本": tokens}
    other = ParseCache.open("another_model", tmp_path)
    assert other.get_many(["日本"]) == {}
    cache.close()
    other.close()


def test_a_corrupt_parse_cache_is_rebuilt_and_says_so(tmp_path):
    (tmp_path / "parses.sqlite3").write_bytes(b"this is not a database" * 100)
    cache = ParseCache.open("ja_ginza", tmp_path)
    assert len(cache.problems) == 1 and "parse cache" in cache.problems[0] and "rebuilt" in cache.problems[0]
    assert cache.get_many(["日本"]) == {}
    cache.put_many({"日本": (Token(0, 2, "日本", "日本", "PROPN", "名詞", "ROOT", 0),)})
    assert list(cache.get_many(["日本"])) == ["日本"]
    cache.close()


@pytest.mark.ginza
def test_an_unchanged_rebuild_never_loads_the_parser(tmp_path):
    script = (
        "import json, sys\n"
        "from kg.relate.parse import parses_for\n"
        "found = parses_for(['日本はWTOに加盟した。', 'カナダはEUと協力する。'], 'ja_ginza')\n"
        "print(json.dumps([len(found), 'spacy' in sys.modules]))\n"
    )
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path)}
    runs = [json.loads(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                                      check=True).stdout) for _ in range(2)]
    assert runs == [[2, True], [2, False]]


POLICY = Path(__file__).parents[1] / "data" / "relations" / "policy.md"


@pytest.fixture(scope="module")
def policy_out(tmp_path_factory, nlp):
    """Return the output folder of kg build on the relations test note."""
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path_factory.mktemp("relations-out")
    result = CliRunner().invoke(main, ["build", str(POLICY), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.ginza
def test_relations_csv_has_one_row_per_relation_with_its_evidence(policy_out):
    import pandas as pd

    rows = pd.read_csv(policy_out / "relations.csv", encoding="utf-8-sig", keep_default_na=False)
    found = {(r.subject_label, r.group, r.object_label, bool(r.negated), r.modality) for r in rows.itertuples()}
    assert found == {
        ("フランス", "membership", "WTO", False, ""),
        ("経済産業省", "signing", "外務省", False, ""),
        ("チリ", "signing", "ペルー", True, ""),
        ("スペイン", "cooperation", "ポルトガル", False, "plan"),
    }
    first = rows[rows.subject_label == "フランス"].iloc[0]
    assert first.sentence == "フランスは2019年にWTOに加盟した。"
    assert first.heading_path == "通商 › 協定" and first.line == 8 and first.note == "policy.md"


@pytest.mark.ginza
def test_relation_graphml_keeps_direction_and_predicate_in_networkx_and_igraph(policy_out):
    import igraph
    import networkx as nx

    graph = nx.read_graphml(policy_out / "relations.graphml", force_multigraph=True)
    assert graph.is_directed() and graph.is_multigraph()
    edges = {(a, b): d for a, b, d in graph.edges(data=True)}
    joined = edges[("フランス", "世界貿易機関")]
    assert (joined["kind"], joined["predicate"], joined["group"], joined["negated"]) == ("relation", "加盟", "membership", False)
    assert ("世界貿易機関", "フランス") not in edges
    assert graph.nodes["世界貿易機関"]["label"] == "WTO"
    loaded = igraph.Graph.Read_GraphML(str(policy_out / "relations.graphml"))
    assert loaded.is_directed() and loaded.ecount() == graph.number_of_edges()
    names = loaded.vs["id"]
    signed = [e for e in loaded.es if e["predicate"] in ("協定", "署名")][0]
    assert (names[signed.source], names[signed.target], signed["negated"]) == ("チリ", "ペルー", True)
    data = json.loads((policy_out / "relations.json").read_text(encoding="utf-8"))
    again = nx.node_link_graph(data, edges="links")
    assert again.is_directed() and again.is_multigraph() and again.number_of_edges() == graph.number_of_edges()


@pytest.mark.ginza
def test_no_relations_writes_no_relation_files_and_leaves_the_graph_as_it_was(tmp_path, policy_out):
    from click.testing import CliRunner

    from kg.cli import main

    # an earlier build's relation files in the folder go, so it never mixes two builds
    for name in ("relations.csv", "relations.graphml", "relations.json"):
        (tmp_path / name).write_bytes((policy_out / name).read_bytes())
    result = CliRunner().invoke(main, ["build", str(POLICY), "-o", str(tmp_path), "-q", "--no-relations"])
    assert result.exit_code == 0, result.output
    assert not list(tmp_path.glob("relations.*"))
    for name in ("graph.graphml", "graph.json", "edges.csv", "nodes.csv"):
        assert (tmp_path / name).read_bytes() == (policy_out / name).read_bytes()


@pytest.mark.ginza
def test_the_api_returns_relations_and_a_user_predicate_file_adds_words(tmp_path, nlp):
    import kg

    table = kg.relations(POLICY)
    assert list(table.columns[:7]) == ["subject", "subject_label", "predicate", "group", "object", "object_label",
                                       "negated"]
    assert len(table) == 4
    mine = tmp_path / "mine.tsv"
    mine.write_text("word\tgroup\n加盟\tjoining\n", encoding="utf-8")
    regrouped = kg.relations(POLICY, predicates=[mine])
    assert set(regrouped[regrouped.predicate == "加盟"].group) == {"joining"}
    assert kg.relations(POLICY, types="Country").object_label.tolist() == ["ペルー", "ポルトガル"]


@pytest.mark.ginza
@pytest.mark.browser
def test_the_page_draws_labelled_arrows_with_their_sentence_and_a_toggle(browser, policy_out):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((policy_out / "graph.html").as_uri())
    page.wait_for_selector("body[data-state=ready]", timeout=60_000)
    drawn = page.evaluate("""() => network.body.data.edges.get({filter: (e) => e.kind === "relation"}).map((e) => ({
        label: e.label, arrow: network.body.edges[e.id].options.arrows.to.enabled,
        from: network.body.data.nodes.get(e.from).name, to: network.body.data.nodes.get(e.to).name,
        tip: e.title.textContent}))""")
    assert {(d["from"], d["label"], d["to"]) for d in drawn} >= {("フランス", "加盟", "世界貿易機関")}
    assert all(d["arrow"] for d in drawn) and len(drawn) == 4
    joined = next(d for d in drawn if d["label"] == "加盟")
    assert "フランスは2019年にWTOに加盟した。" in joined["tip"] and "通商 › 協定" in joined["tip"]
    assert any(d["label"].endswith("（否定）") for d in drawn)
    legend = page.locator(".kg-relations")
    assert "関係" in legend.inner_text() and "4" in legend.inner_text()
    visible = "() => network.body.data.edges.get().filter((e) => !e.hidden).map((e) => e.kind || 'cooccurrence')"
    before = page.evaluate(visible)
    assert "relation" in before and "cooccurrence" in before
    page.check("#kg-relations-only")
    assert set(page.evaluate(visible)) == {"relation"}
    page.uncheck("#kg-relations-only")
    assert sorted(page.evaluate(visible)) == sorted(before)
    assert errors == []
    page.close()
