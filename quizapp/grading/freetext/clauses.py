"""Cutting an answer into sentences, clauses and fragments, and reading negations and contrasts.

- A **sentence** ends at ``. ; ! ?`` (ASCII or full-width), ``。`` or a line break; a full stop
  inside a number, a dotted name (``nn.LSTM``), an abbreviation (e.g., i.e., et al., vs.) or an
  ellipsis ("...") does not end one.
- A **clause** ends at a contrast: "but", "whereas", "while", "however", "although", "though";
  但(是), 然而, 不过, 可是, 而是 (not in 反而是), 却, 而 (not after 因为 or 随着:
  "随着序列变长而变大"). A claim must be made inside one clause. "not only … but also", 不仅 …
  而且 and an adverbial ", though," are not contrasts.
- A **fragment** ends at a comma, a dash (— or --; not right after "isn't", which goes on
  across it) or a word that starts a new proposition ("so", "because",
  "which", "if", "therefore"; 因为, 所以, 因此, 从而, 如果 …) or where a subordinate clause with
  no comma meets its main clause ("since X has no recurrence it can …", "with no recurrence it
  can …"); not at a comma between two
  adjectives of one noun phrase ("a later, more relevant input") or in a "3:4" ratio. A granted
  condition ("even if …", 即使 / 哪怕 … up to 也) asserts nothing, nor does what is left open
  ("regardless of …", 不管 / 无论 … up to 都, "whether … or … doesn't matter") or asked (an
  A-not-A question: 稳不稳定). A negation reaches only the fragment it stands in, before the
  claim's last word and after the last "and" (并且, 而且, 同时, 也, 、) before its first ("or" does
  not stop it: "no truncation or checkpointing"), so "gradients do not explode and the
  direction is kept" keeps its second half. (A negation after the claim's words, as in "gated cells don't help", is read
  only by claims that name what is negated: measured, reaching past the words cost more right
  answers — "the gradient norm without clipping", "无填充" — than it caught.)
- A **contrast phrase** ("unlike X", "rather than X", "compared with X", "than X"; 不像, 不同于,
  而非, 而不是, 比, 弱于 X, 与 / 跟 X 相比 / 比 / 不同, 像 X 那样 / 一样) names things the clause is
  *not* about: their concepts are never taken as the clause's subject. "rather than", "instead of", "as opposed to", 而非 and
  而不是 also deny what follows them ("taken at the last step rather than summed" is "not summed"),
  up to an "and" that starts the next phrase ("two blocks instead of three and fewer parameters");
  so does a change for what it leaves behind ("switched from X to Y", 把 X 改成 Y, 用 Y 代替 X).
  "than X", "as much as X", "just like X", "similar to X", 比 X and 弱于 / 优于 X cover only X (the
  next concept or word; after 比, up to the comparative 更 / 多 / 长 …): in "GRU 的参数比 LSTM 少"
  the predicate 少 is the GRU's, and "学不到比 k 更长的依赖" keeps 依赖 its own. ("like X" alone is
  not read so: "something like 'not good'", "acts like a reset gate" name examples and roles
  more often than rivals.)
  A contrast phrase that starts inside brackets ends at the closing bracket ("s > 1/γ (the largest
  singular value vs. the inverse bound) is necessary": the rest is the clause's own).
  不过 is "but" only where a clause starts (after punctuation): "候选值不过 tanh" is a negation.
- A negation governs the list right after it ("never on the inputs, the outputs or between
  layers", "不在输入、输出和层之间"): the list's commas, "and" and 、 do not end its reach.

Negation words: not, no, never, without, none, nor, neither; 不, 没, 无, 非, 未, 别 — but not in
不同, 不仅, 不断, 不少, 不管, 不论, 不过, 无论, 除非, 非常, 毫无疑问 …, and not inside a concept's own
form (无界, 不变 are concepts) — except 没(有)用 before its object, which is "did not use"
("没有用扫描"), not "useless".
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from quizapp.grading.freetext.mentions import Found
from quizapp.grading.freetext.notation import normalise

_ABBREVIATIONS = frozenset(
    {
        "e.g",
        "i.e",
        "eg",
        "ie",
        "al",
        "vs",
        "etc",
        "cf",
        "approx",
        "resp",
        "fig",
        "eq",
        "w.r.t",
        "wrt",
    }
)
_SENTENCE_END = re.compile(r"[.;!?。；！？．\n]")
_CONTRAST = re.compile(
    r"(?i)\b(?:but|whereas|while|although|though)\b"
    r"|\bhowever\b(?!\s+(?:many|much|long|far|small|large|often|big))"
    r"|但是|但|然而|(?<![^\s,，;；:：。])不过|可是|(?<!反)而是|却|(?<![从因进然反继])而(?![且言不非没])"
)
# 因为 … 而 … ("because … therefore") and 随着 … 而 … ("as … grows") do not contrast: their 而
# is not a break.
_CAUSE_BEFORE = re.compile("因为|由于|因|随着")
# "though" set off by commas or ending the sentence is an adverb ("for training, though, both
# run in parallel"), not a contrast between two clauses.
_NOT_CONTRAST = re.compile(
    r"(?i)\bbut\s+also\b|\bbut\s+rather\b|\bbut\s+for\b|(?<=,)\s*though(?=\s*(?:[,.;!?]|$))"
)
_FRAGMENT = re.compile(
    r"(?i)[,，:：]"
    # A dash between two statements; not after an elliptical denial ("the cell isn't — C_t …").
    r"|(?<!n't)(?<!n't )(?<!n’t)(?<!n’t )(?<!not)(?<!not )(?:\u2014|\u2015|--)+"
    r"|\bso\b(?!\s+(?:far|on|called|much|many))"
    r"|\b(?:because|since|thus|therefore|hence|which|when|if|whenever|unless)\b"
    r"|因为|所以|因此|因而|从而|于是|如果|若是|假如|只要|(?<![原起基诱病主成近远])因(?![素子数])"
)
# A comma between two adjectives of one noun phrase ("a later, more relevant input") lists the
# adjectives; it does not end the fragment (nor so a negation's reach). Read so only after a
# determiner and one word, before "more/less/most/least/equally" + an adjective + a noun ("it is
# not bounded, more gates …", "…, more importantly …" and "…, more than …" still break).
_ADJECTIVE_COMMA = (
    r"\b(?:a|an|the|this|that|its|their|his|her|our|your|each|every|any|some|no)\s+"
    r"[a-z][a-z-]*\s*,\s*(?:more|less|most|least|equally)\s+(?![a-z]+ly\b)"
    r"(?!(?:than|and|or|of|so|to|the|a|an|is|are|was|were|often|likely)\b)[a-z][a-z-]*\s+"
    r"(?!(?:than|and|or|of|so|to|is|are|was|were|because|which|when|if|but|the|a|an)\b)"
    r"[a-z][a-z-]*"
)
# A list of short noun phrases governed by a negation ("never on the inputs, the outputs or
# between layers"; "no truncation, checkpointing or clipping") is the negation's one object: its
# commas do not end the fragment and its "and" does not end the negation's reach. Read so only
# right after a negation (and at most four words), with no verb in the items, so "the gate is not
# sigmoid, the candidate is tanh and …" still breaks.
_NP_WORD = (
    r"(?!(?:is|are|was|were|be|been|being|has|have|had|does|do|did|can|could|will|would|should|"
    r"must|may|might|it|its|they|this|that|these|those|which|who|we|you|i|he|she|so|because|but|"
    r"then|there|here|not|no|never|and|or|nor|uses?|keeps?|gets?|makes?|goes|means?|"
    r"though|however|also|too|either)\b)"
    r"[a-z0-9][\w'-]*\b"
)
_NP = rf"(?:(?:the|a|an|their|its)\s+)?{_NP_WORD}(?:\s+{_NP_WORD}){{0,2}}"
_NEGATED_LIST_SOURCE = (
    rf"(?:\b(?:not|never|no|without|nor)|n[’']t)\s+(?:[\w'-]+\s+){{0,4}}?"
    rf"{_NP}(?:\s*,\s*{_NP}){{1,5}}\s*,?\s*\b(?:and|or|nor)\s+{_NP}"
)
_NEGATED_LIST = re.compile(_NEGATED_LIST_SOURCE, re.I)
# The same in Chinese: a negation that governs a noun list ("不在输入、输出和层之间用"): its 、
# and 以及 do not end its reach (a 、 between two statements still does).
_ZH_NEGATED_LIST = re.compile(
    "(?:并不|从不|绝不|并非|不是|不|没有|没)(?:应该|应|能|会|要|可以|该|必)?"
    "(?:用|放|加|施加|作用)?(?:在|是|于|对|包括|给|到)[^,，。；;]*"
)
# Commas that do not end a fragment: inside such a noun phrase or governed list.
_LIST_KEEP = re.compile(f"{_ADJECTIVE_COMMA}|{_NEGATED_LIST_SOURCE}", re.I)
# 没(有)用 followed by its object is "did not use" ("没有用扫描"), not "useless": a concept form
# 没用 found there is dropped, so its 没 negates the object.
_DID_NOT_USE = re.compile("没有?用(?=\\s*[\u4e00-\u9fffA-Za-z])(?![处的了吗呢啊吧])")
# A Chinese A-not-A question ("稳不稳定", "好不好用", 有没有) asks: its 不 / 没 negates nothing,
# and a concept it splits is left open, neither stated nor denied ("跟动力学稳不稳定无关" says
# nothing of stability). A form that starts with the question itself (有没有, 是不是: "check
# whether") is kept.
_A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")
# Within a normalised fragment.
_ENGLISH_NEGATION = re.compile(
    r"\b(?:not|no|never|without|none|nor|neither|nothing|lacks?|lacking|unable to|"
    r"fail(?:s|ed)? to|stop(?:s|ped)?(?= \w+ing\b)|cease(?:s|d)? to)\b"
)
# A Chinese potential complement puts 不 after its verb ("解决不了", "学不到"): it negates the verb.
_POTENTIAL_NOT = re.compile("不(?=[了到出动住起完清掉够])")
_NOT_NEGATING_EN = re.compile(
    r"\bnot only\b|(?<!can )(?<!could )\bnot just\b|\bno matter\b|\bwhether or not\b"
    r"|\bno doubt\b|\bnot to mention\b"
)
_CHINESE_NEGATION = re.compile("[不没无非未别]")
_NOT_NEGATING_ZH = re.compile(
    "(?<=不一定)非|(?<=不必)非|(?<=未必)非|不同|不仅|不只|不但|不断|不少|不管|不论|"
    "(?<![^\\s,，;；:：。])不过|无论|除非|非常|毫无疑问|无限|无穷|没错|差不多|不止|"
    "不外乎|而非|不像|别的|别处|别人|区别|差别|类别|识别|辨别|分别|特别|个别|告别|性别|级别|未来|"
    "非线性|并非只|而不是|而不只是|而不仅仅是|而不仅是"
)  # (nor in an A-not-A question, 有没有 / 是不是 / 好不好 …: ``_A_NOT_A``)
# "or" does not end a negation's reach: "no truncation or checkpointing" denies both.
_SCOPE_BREAK = re.compile(r"\band\b|并且|而且|同时|以及|并|也|、|(?<![也这那])就(?![是算])")
# "neither … nor" is one negation, not two: "nor" is not counted. (In 既不 … 也不 each 不 counts:
# 也 ends the first one's reach.)
_SECOND_OF_PAIR = re.compile(r"\bneither\b.*?\b(nor)\b")
# A negation word quoted as an example ("the word “not”", 读到的“不”) negates nothing.
_QUOTED = re.compile(r"[“‘\"'「『][^”’\"'」』]{1,6}[”’\"'」』]")
# 于 after an adjective is "than" too ("弱于 LSTM", "优于 GRU", "少于"; not 大于 / 小于, which
# compare numbers).
_YU_ZH = "(?<=[弱优强快慢高好差劣多少])于"
# 比 as "than" (not in 比例, 对比, 比较 …).
_THAN_ZH = "(?<![对类可无])比(?![例较率如重特])"
_CONTRAST_PHRASE = re.compile(
    r"\b(?:unlike|rather than|instead of|compared (?:with|to)|as opposed to|than|versus|vs|"
    r"not like|in contrast to|the same as|as much as|similar to|just like)\b"
    rf"|不像|不同于|而非|而不是|相比于|相较于|比起|{_THAN_ZH}|{_YU_ZH}"
)
# Contrast phrases that deny what they introduce: "rather than summed" says "not summed".
_DENYING = re.compile(
    r"rather than|instead of|as opposed to|而非|而不是|而不只是|而不仅仅是|而不仅是"
)
# "与 X 相比" and "像 X 那样 / 一样" name a compared thing, not the subject.
_ZH_CONTRAST_SPAN = re.compile(
    r"[与和跟同][^,，。]{1,24}?(?:相比|不同|相反|比较|比起来|比\s*$)|(?<![好就])像[^,，。]{1,24}?(?:那样|一样|那种)"
)


# "not because X" denies X, which stands in the fragment after "because" (not "not only/just
# because", which keeps X as one of the reasons, nor 要不是因为 / 如果不是因为 X, "but for X").
_NOT_BECAUSE = re.compile(
    r"(?i)(?:\b(?:not|never|rather than|instead of)|n[’']t)\s+(?:because|since)\b"
    r"|(?<!如果)(?<![若要])(?:不是|并非|而非|并不是|而不是|绝不是)\s*(?:因为|由于)"
)


# A verb whose object is "nothing" ("learns nothing", "recomputes nothing"): the denial stands at
# "nothing", after the verb it denies.
# fmt: off
_NOTHING_VERBS = (
    "does", "do", "did", "learns", "learn", "learned", "stores", "store", "stored", "recomputes",
    "recompute", "recomputed", "computes", "compute", "keeps", "keep", "kept", "remembers",
    "remember", "adds", "add", "added", "helps", "help", "helped", "saves", "save", "saved",
    "fixes", "fixed", "solves", "solved", "sees", "see", "saw", "gains", "gain", "gained",
)
# fmt: on
_VERB_THEN_NOTHING = "(?:" + "|".join(f"(?<=\\b{v})" for v in _NOTHING_VERBS) + r") nothing\b"


# Predicates that deny what was just named, standing after it: "X is pointless", "X 没用".
_NEGATIVE_PREDICATE = re.compile(
    r"\b(?:(?:is|are|was|were|be|seems?|looks?)\s+(?:\w+\s+)?"
    r"(?:pointless|useless|unnecessary|needless|irrelevant|misleading|overrated|a myth|"
    r"an? (?:common |popular |widespread |frequent |classic )?(?:misconception|misunderstanding|fallacy)|"
    r"meaningless|worthless|futile|"
    r"redundant|superfluous)|"
    r"ruled out|rule out|of no use|nothing to do with|has no effect|have no effect|"
    r"(?:barely|hardly|scarcely) matters?|matters? (?:very )?little|"
    r"(?:matters?|applies|apply|helps?) (?:for|to|in) neither|"
    r"(?:makes?|made|making) (?:no|little) (?:real )?difference|"
    r"(?:is|are|was|were) (?:not|never) guaranteed|"
    rf"{_VERB_THEN_NOTHING}|"
    r"(?:does|do|did|will|would|can|could) not (?:really |actually |much )?"
    r"(?:help|matter|work|apply)|"
    r"(?:is|are) not (?:needed|required|an issue|a problem|a concern)|"
    r"(?:is|are|was|were) (?:\w+ )?(?:negligible|insignificant)|"
    r"(?:can|could|may) be anything|"
    r"(?:does|do|did|will|would|can|could) not (?:really |actually )?(?:tell|show|say|buy|give)"
    r"(?: you| us)? (?:much|anything|a lot|the whole story)|"
    r"no such (?:problem|issue|need|limit|constraint|requirement)|"
    r"(?:(?:is|are|was|were) not|(?:can|could|will|would|must) not be) (?:really |actually )?"
    r"(?:the|an?|much of an?) "
    r"(?:issue|problem|point|concern|bottleneck|cause|reason|culprit)|"
    r"(?:is|are|was|were) not (?:really |very )?relevant|"
    r"(?:is|are|was|were) not (?:really )?(?:worth|applicable|possible|an option)|"
    r"(?:does|do|did) not (?:really |actually )?exist|"
    r"(?:will|would|does|do|did|can) not (?:really |actually |even )?(?:happen|occur|arise)s?|"
    r"never (?:really |actually )?(?:happens?|occurs?|arises?)|"
    r"(?:will not|would not|does not|do not|did not) (?:really |actually )?change anything|"
    r"(?:changes|changed|does|did) (?:absolutely )?nothing|"
    r"(?:is|are|was|were) never (?:done|used|learned|learnt|trained)|"
    r"(?:is|are|was|were|becomes?) (?:\w+ )?(?:impossible|infeasible|not feasible|out of the question)|"
    r"(?:is|are|was|were) not (?:really )?(?:a |the )?(?:sign|symptom|signal|indication) of|"
    r"(?:has|have|had) (?:very )?little to do with|"
    r"plays? (?:a |only a )?(?:negligible|minor|little|no) (?:role|part)|"
    r"(?:is|are|was|were|would be) (?:simply |just |plainly )?(?:wrong|incorrect|a mistake)|"
    r"(?:would |will |does |do |can )?(?:only )?(?:makes?|making|made) (?:\w+ ){0,3}worse|"
    r"is harmful|are harmful|(?:is|are) (?:a )?bad practice|"
    r"(?:is|are|was|were|be) (?:\w+ )?(?:a )?waste of (?:time|effort|compute)|"
    r"never (?:really )?comes? up|(?:does|do|did) not (?:even )?enter into it|"
    r"(?:is|are|was|were) not what (?:drives|causes|decides|matters)|"
    r"(?:would |will |does |do |can |only )?hurts?\s*$|(?:is|are|was|were) (?:just |simply )?(?:a )?bug|"
    r"(?:adds?|added|tells?|told|says?|said) (?:you |us )?(?:nothing|little)(?: new)?|"
    r"(?:is|are) (?:a )?bad(?: idea)?\s*$|"
    # "is / stays / leave X untouched" (not "flows back nearly untouched"): the denial stands at
    # "untouched", after the words it denies.
    r"(?:is|are|was|were|be|been|remains?|remained|stays?|stayed|leaves?|left)"
    r"\s+(?:\w+\s+){0,3}?(?P<at>untouched|unaffected))\b"
    r"|没用(?![\u4e00-\u9fffA-Za-z])|没有用(?![\u4e00-\u9fffA-Za-z])|被高估|言过其实|"
    r"不管用|不起作用|没有帮助|没帮助|没必要(?!的)|不必要(?!的)|不必|没有关系|"
    r"去掉(?!的是|的只是)|误导|不需要|用不着|不是必须|毫无作用|没有作用|不成立|是错的|不是问题|不成问题|"
    r"没有意义|没意义|毫无意义|没什么意义|没啥意义|没啥用|不会发生|不会出现|说明不了|不要加|不要用|不该用|不应该用|不该选|"
    r"(?:并不|并没有|根本不|根本没有|不会|从不)(?:出现|存在|参与|包含|进入|起作用)|不存在|"
    r"都不行|也不行|行不通|做不到|办不到|做不了|实现不了|达不到|无法实现|没法实现|没法做到|(?:已经)?过时了|站不住脚|"
    r"(?<![无])有害|是有害的|(?<![不没])会(?:伤害|损害)|不用(?:特别|专门|额外|单独)?处理|不用管|不用考虑|不必考虑|无需考虑|不用担心|不用理会|可以忽略|忽略不计|"
    r"不应该选|不是好选择|不是好的选择|不是一个好选择|并不合适|不合适|不太合适|不可取|"
    r"(?:作用|用处|帮助|效果|意义|贡献)(?:其实|并)?不大|没(?:多大|太大|什么大)用|关系不大|没什么关系|没有什么关系|没关系|没太大关系|没多大关系|无关紧要|无所谓|影响不大|"
    r"(?:没(?:什么|有)?|无法|不能|难以)保证|保证不了|"
    r"(?:是|都是|纯属)?多余的?\s*$|"
    r"没什么影响|没有影响|没影响|不受影响|不受[^,，。]{0,8}影响|一点没少|一点也没少|没什么必要|没有必要|"
    r"没什么用|白做|白费|用不上|谈不上|不是关键|不是重点|不是原因|不是主要原因|"
    r"(?:也|并|都|(?<![\u4e00-\u9fff]))不好\s*$|反而(?:不好|更差|更糟|有害)|(?<![不没])会(?:出错|报错)|不推荐|不建议(?:用|使用|这么做)?\s*$|不是好办法|不是个好办法|不是好主意|"
    r"(?:纯属|完全是|就是|是在)?浪费(?:时间|精力)|(?:是|也是)?不可能的?\s*$|"
    r"(?<![的])是(?:一个|个)?(?:常见的?|普遍的?|典型的?)?(?:误解|误区|错觉)|"
    r"无关\s*$|"  # "与 X 无关" closing its fragment; 无关输入 ("irrelevant input") is no denial
    # "X、Y 都不常用" closing its fragment: the list before it is denied.
    r"(?:都|均|全都|也都)(?:不|没有?|没法|无法|不能|不会)[\u4e00-\u9fff]{0,4}\s*$"
)


def _denial_at(match: re.Match[str]) -> int:
    """Where a denying predicate stands: at its last word when it names one ("leave X untouched"
    denies X, which stands before "untouched")."""
    at = match.start("at")
    return at if at >= 0 else match.start()


# A condition granted for argument's sake ("even if f went negative", 即使 f 为负) asserts
# nothing. ("otherwise" / 否则 is left alone: as often an else-branch that is asserted —
# "updated when t mod T = 0, otherwise it keeps its value" — as the road not taken.)
# In Chinese the granted condition ends where the statement goes on with 也 / 都 / 还 / 仍
# ("哪怕是零也会改变隐状态" asserts its second half).
_EVEN_IF_BEFORE = re.compile(r"(?i)\beven\s+if\s*$")  # "if" itself starts the fragment
# What is left open (不管 / 无论 / 不论 …) ends there too.
_ZH_GRANTED = re.compile("(?:即使|即便|就算|哪怕|纵然|纵使|不管|无论|不论)[^也都还仍照]*")


_RELATIVE_BEFORE = re.compile(r"(?i)\bwhich\s*$")
# "whose" opening a fragment ("unlike the GRU, whose gates are separate, …") is relative too.
_WHOSE = re.compile(r"(?i)\s*whose\b")


# What is left open ("regardless of the batch size", "whether before or after the step does not
# matter", "前还是后都无所谓", "step 前后都一样"; 不管 / 无论 … is read with 即使 in
# ``_ZH_GRANTED``) asserts nothing. (Not "whatever X": "whatever state it ends in is all the
# decoder gets" asserts.)
_INDIFFERENT = re.compile(
    r"(?i)\s*(?:regardless of|irrespective of|no matter)\b"
    r"|.*\bwhether\b.*\bor\b.*\b(?:not matter|no difference|irrelevant|either way)"
    r"|.*(?:还是.*|前后|先后)都(?:无所谓|一样|行|可以|没关系|没区别)"
)


def _unasserted(clause_text: str, offset: int, text: str) -> int:
    """How many leading characters of the normalised fragment ``text`` (at ``offset`` of its
    clause) assert nothing: a granted condition, or what is left open."""
    if _EVEN_IF_BEFORE.search(clause_text[:offset]) or _INDIFFERENT.match(text):
        return len(text)
    granted = _ZH_GRANTED.match(text.lstrip())
    return granted.end() + len(text) - len(text.lstrip()) if granted else 0


# A fragment that only denies what the fragment before it said ("…，这种情况不会发生", "…, which is
# not true", "…, so that's never done", "…，所以没人这么做"): the denial belongs to that fragment.
_DENIES_THE_LAST = re.compile(
    r"(?:这种情况|这种事|这一点|这个说法|这|那)?\s*(?:其实|实际上|根本)?\s*"
    r"(?:不会发生|不会出现|不对|是错的|不成立|不是这样|并非如此|其实不然|是误解)"
    r"|(?:(?:which|that|this)\s+)?(?:is|was)\s+(?:not true|wrong|false|a myth|not the case|"
    r"a bug|a mistake|an error)"
    r"|(?:(?:which|that|this)\s+)?(?:never|does not|do not|will not) (?:happens?|occurs?)"
    r"|(?:that|this|it)(?:'s|\s+is|\s+was)\s+(?:never|not)\s+(?:done|used|an option)"
    r"|(?:nobody|no one) does (?:that|this|it)|(?:我们|大家)?(?:没人|没有人|从来不|不会)这么做"
    r"|(?:所以|因此|也)?(?:并)?(?:不推荐|不建议|不可取|没必要|没有必要)"
    r"|(?:根本|完全|其实)?(?:用不着|用不上|不需要|不必要|没有用|没用)"
)


@dataclass(frozen=True)
class Fragment:
    """A fragment of one clause: its normalised text, negation positions and contrast spans."""

    clause: int
    original: str
    text: str
    found: tuple[Found, ...]
    negations: tuple[int, ...]
    scope_breaks: tuple[int, ...]
    contrast_spans: tuple[tuple[int, int], ...]
    denying_spans: tuple[tuple[int, int], ...] = ()
    negative_predicates: tuple[int, ...] = ()
    unasserted: int = 0  # the first characters state a granted condition (see ``_unasserted``)
    compared_nouns: tuple[tuple[int, int], ...] = ()  # see ``_contrast_spans``
    relative: bool = False  # starts after "which": its subject is the noun before it

    def in_contrast(self, start: int) -> bool:
        """Whether position ``start`` lies in a contrast phrase (not a subject candidate)."""
        return any(a <= start < b for a, b in self.contrast_spans)

    def denied_by(self, start: int) -> int | None:
        """The start of the denying phrase ("rather than …") that covers ``start``, if any."""
        for a, b in self.denying_spans:
            if a <= start < b:
                return a
        return None


@dataclass(frozen=True)
class Clause:
    """A clause of the answer as written (for feedback) and its fragments' indices."""

    original: str
    fragments: tuple[int, ...]


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        at = match.start()
        if match.group(0) in ".．":
            after = text[at + 1 : at + 2]
            word = re.search(r"[A-Za-z.]*$", text[start:at])
            if after and not after.isspace():
                continue  # 0.5, nn.LSTM, out.shape, the first dots of "..."
            if text[at - 1 : at] == ".":
                continue  # "France ... French": an ellipsis goes on
            if word and word.group(0).lower().strip(".") in _ABBREVIATIONS:
                continue
        out.append(text[start:at])
        start = match.end()
    out.append(text[start:])
    return [s for s in out if s.strip()]


# Commas inside brackets or between numbers ("(0, 1)", "f(x, y)", "1,000", a "3:4" ratio) are
# not breaks.
_BRACKETED = re.compile(r"[(\[（{][^()\[\]（）{}]{0,40}[)\]）}]|\d\s*[,，:：]\s*\d")


def _split(
    text: str,
    pattern: re.Pattern[str],
    keep: re.Pattern[str] | None = None,
    cause: re.Pattern[str] | None = None,
) -> list[str]:
    protected = _BRACKETED.sub(lambda m: "\0" * len(m.group(0)), text)
    if keep is not None:
        protected = keep.sub(lambda m: "\0" * len(m.group(0)), protected)
    pieces: list[str] = []
    start = 0
    for match in pattern.finditer(protected):
        if (
            cause is not None
            and match.group(0) == "而"
            and cause.search(text, start, match.start())
        ):
            continue
        pieces.append(text[start : match.start()])
        start = match.end()
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


# A subordinate clause with no comma before its main clause ("since the mLSTM has no recurrence
# it can be parallelised"): the main clause starts at a pronoun and its verb.
_SUBORDINATE_BEFORE = re.compile(r"(?i)\b(?:since|because|if|when|whenever|as|although|though)\s*$")
# So does a "with" / "without" phrase ("with no hidden-to-hidden path it is parallel": the "no" is
# the phrase's).
_WITH_PHRASE = re.compile(r"(?i)\s*with(?:out)?\b")
_MAIN_CLAUSE_START = re.compile(
    r"(?i)\s(?=(?:it|they|we|you|this)\s+(?:can|could|is|are|was|were|will|would|does|do|did|"
    r"has|have|must|may|might|should|gets?|needs?|keeps?|learns?)\b)"
)


def _main_clauses(clause_text: str, pieces: list[str]) -> list[str]:
    """The fragments, with a subordinate clause cut from the main clause it runs into."""
    out: list[str] = []
    cursor = 0
    for piece in pieces:
        offset = clause_text.find(piece, cursor)
        cursor = offset + len(piece)
        cut = _MAIN_CLAUSE_START.search(piece)
        if cut and (_SUBORDINATE_BEFORE.search(clause_text[:offset]) or _WITH_PHRASE.match(piece)):
            out += [piece[: cut.start()], piece[cut.end() :]]
        else:
            out.append(piece)
    return out


def _negations(text: str, covered: list[tuple[int, int]]) -> tuple[int, ...]:
    masked = list(text)
    for pattern in (_NOT_NEGATING_EN, _NOT_NEGATING_ZH, _A_NOT_A, _QUOTED):
        for match in pattern.finditer(text):
            for k in range(match.start(), match.end()):
                masked[k] = " "
    for match in _SECOND_OF_PAIR.finditer(text):
        for k in range(match.start(1), match.end(1)):
            masked[k] = " "
    for a, b in covered:
        for k in range(a, b):
            masked[k] = " "
    plain = "".join(masked)
    found = [m.start() for m in _ENGLISH_NEGATION.finditer(plain)]
    found += [m.start() for m in _CHINESE_NEGATION.finditer(plain)]
    verb_starts = {b: a for a, b in covered}
    for match in _POTENTIAL_NOT.finditer(plain):
        if match.start() in verb_starts and match.start() in found:
            found.remove(match.start())
            found.append(verb_starts[match.start()])  # the verb it belongs to ends right here
    return tuple(sorted(found))


def _scope_breaks(text: str) -> tuple[int, ...]:
    """Where a negation's reach ends, but not inside a list the negation governs."""
    lists = [(m.start(), m.end()) for m in _NEGATED_LIST.finditer(text)]
    lists += [(m.start(), m.end()) for m in _ZH_NEGATED_LIST.finditer(text)]
    return tuple(
        m.end()
        for m in _SCOPE_BREAK.finditer(text)
        if not any(a <= m.start() < b for a, b in lists) or m.group(0) not in ("and", "、", "以及")
    )


Spans = tuple[tuple[int, int], ...]


def _contrast_spans(text: str, found: list[Found]) -> tuple[Spans, Spans]:
    """The contrast phrases, and the nouns of compared things after 比 X 的 ("比 softmax 的 KV
    缓存增长得快"): those are the compared thing's, never the clause's subject (they may still
    fill a slot: "GRU 比 LSTM 的门少")."""
    spans = []
    nouns = []
    for match in _CONTRAST_PHRASE.finditer(text):
        end = len(text)
        if match.group(0) == "比":
            # "A 比 B 少" compares A with B: only B is the compared thing; the
            # predicate after it is A's ("GRU 的参数比 LSTM 少": the GRU has fewer).
            compared = _compared_end(text, match.end(), found)
            end = compared or _zh_compared_end(text, match.end())
            of = _OF.match(text, compared) if compared is not None else None
            noun_end = _compared_end(text, of.end(), found) if of is not None else None
            if of is not None and noun_end is not None:
                nouns.append((of.end(), noun_end))
        elif match.group(0) in (
            "than",
            "as much as",
            "the same as",
            "similar to",
            "just like",
            "于",
        ):
            # "longer than k are still learned": the compared thing is the word or concept
            # right after "than"; what follows it is the clause's own statement.
            end = _compared_end(text, match.end(), found) or _next_word_end(text, match.end())
        spans.append((match.start(), _closing_bracket(text, match.start(), end)))
    spans += [(m.start(), m.end()) for m in _ZH_CONTRAST_SPAN.finditer(text)]
    return tuple(spans), tuple(nouns)


def _closing_bracket(text: str, start: int, end: int) -> int:
    """``end``, or the closing bracket before it when ``start`` stands inside brackets: "s > 1/γ
    (the largest singular value vs. the inverse bound) is necessary" compares inside the brackets
    only."""
    opened = max(text.rfind("(", 0, start), text.rfind("（", 0, start))
    if opened < 0 or max(text.rfind(")", opened, start), text.rfind("）", opened, start)) >= 0:
        return end
    closes = [i for i in (text.find(")", start, end), text.find("）", start, end)) if i >= 0]
    return min(closes, default=end)


# 的 after a compared thing: its noun follows ("比 softmax 的 KV 缓存").
_OF = re.compile(r"\s*的")
# The comparative after 比 X ("比 k 更长的依赖"): X ends before it. 更 / 还 / 较 mark it best;
# else a bare adjective that is not inside a word ("比 k 长的依赖", but not 增长, 长度).
_ZH_COMPARATIVE_MARK = re.compile("[更还较]")
_ZH_COMPARATIVE_WORD = re.compile(
    "(?<![增成延拉加放缩变减扩])[多少大小长短高低快慢好差强弱深浅](?![度期短少小])"
)


def _zh_compared_end(text: str, start: int) -> int:
    """The end of the thing compared after 比 when it is no concept: before the comparative."""
    found = _ZH_COMPARATIVE_MARK.search(text, start + 1) or _ZH_COMPARATIVE_WORD.search(
        text, start + 1
    )
    return found.start() if found else len(text)


# Before the compared thing: a determiner, or a Chinese count ("比一层 GRU 弱", "比单层 LSTM").
_DETERMINER = re.compile(
    r"\s*(?:(?:the|a|an|that of|those of|in|for|with)\s+)*"
    r"(?:(?:单独)?(?:一|两|二|三|多|单|每)(?:层|个|种|块|步)的?\s*)?"
)
_WORD = re.compile(r"\S+")


def _compared_end(text: str, start: int, found: list[Found]) -> int | None:
    """The end of the thing compared right after 比 or "than": the mention that starts there
    (after a determiner), if any."""
    start = _after_determiner(text, start)
    for item in found:  # in reading order
        if item.start >= start:
            return item.end if not text[start : item.start].strip() else None
    return None


def _next_word_end(text: str, start: int) -> int:
    """The end of the word after ``start`` (after a determiner), or the end of the text."""
    word = _WORD.search(text, _after_determiner(text, start))
    return word.end() if word else len(text)


def _after_determiner(text: str, start: int) -> int:
    found = _DETERMINER.match(text, start)
    return found.end() if found else start


# "two blocks instead of three and fewer parameters": the denial ends at "and" + a new phrase.
_DENIAL_STOP = re.compile(r"\band\b|并且|而且|同时")


# What a change leaves behind: "replaced X with Y", "switched from X to Y", 把 X 改成 Y, 用 Y 代替 X.
_REPLACED = re.compile(
    r"\bswitch(?:es|ed|ing)?\s+from\s+(?P<en>.{1,40}?)\s+to\b"
    r"|把(?P<zh>[^,，。;；]{1,20}?)(?:改成|换成|替换成|替换为|改为|换为)"
    # (not 替代方案 / 替代品 …, "the alternative": "它的替代方案是并行扫描" replaces nothing)
    r"|(?:代替|取代|替代|替换掉?)(?!方案|品|物|性|者)了?(?P<zh2>[^,，。;；]{1,20})"
)


# "has nothing to do with X", "unrelated to X": X is denied (the phrase itself is not).
_UNRELATED = re.compile(r"\b(?:nothing to do with|unrelated to|irrelevant to|no bearing on)\b")


def _denying_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    # "rather than X" denies from the phrase on; "nothing to do with X" only X after it.
    for pattern, from_end in ((_DENYING, False), (_UNRELATED, True)):
        for m in pattern.finditer(text):
            stop = _DENIAL_STOP.search(text, m.end())
            spans.append((m.end() if from_end else m.start(), stop.start() if stop else len(text)))
    for m in _REPLACED.finditer(text):
        group = next(g for g in ("en", "zh", "zh2") if m.group(g) is not None)
        spans.append((m.start(group), m.end(group)))
    return tuple(sorted(spans))


@dataclass(frozen=True)
class Segmented:
    """An answer cut into clauses and fragments (normalised, with what a claim needs)."""

    clauses: tuple[Clause, ...]
    fragments: tuple[Fragment, ...]


def _deny_the_last(fragments: list[Fragment], before: int, after: int) -> None:
    """Negate fragment ``before`` when fragment ``after`` only denies it (``_DENIES_THE_LAST``)."""
    denial = fragments[after]
    if _DENIES_THE_LAST.fullmatch(denial.text.strip(" .。!！")):
        denied = fragments[before]
        fragments[before] = dataclasses.replace(denied, negations=(0, *denied.negations))


def segment(answer: str, find: Callable[[str], list[Found]]) -> Segmented:
    """Cut ``answer``; ``find`` gives the concepts in a normalised fragment."""
    clauses: list[Clause] = []
    fragments: list[Fragment] = []
    for sentence in _sentences(answer):
        last_before: int | None = None  # the last fragment of the sentence's clause before
        for clause_text in _split(sentence, _CONTRAST, _NOT_CONTRAST, _CAUSE_BEFORE):
            indices: list[int] = []
            denied_reasons = {m.end() for m in _NOT_BECAUSE.finditer(clause_text)}
            cursor = 0
            for piece in _main_clauses(clause_text, _split(clause_text, _FRAGMENT, _LIST_KEEP)):
                offset = clause_text.find(piece, cursor)
                cursor = offset + len(piece)
                text = normalise(piece)
                if not text:
                    continue
                asked = [(m.start(), m.end()) for m in _A_NOT_A.finditer(text)]
                found = [
                    f
                    for f in find(text)
                    if not _DID_NOT_USE.match(text, f.start)
                    and not any(a < f.start < b for a, b in asked)
                ]
                covered = [(f.start, f.end) for f in found]
                negations = _negations(text, covered)
                if offset in denied_reasons:
                    negations = (0, *negations)  # the reason a "not because" denies
                contrasts, compared_nouns = _contrast_spans(text, found)
                indices.append(len(fragments))
                fragments.append(
                    Fragment(
                        len(clauses),
                        piece.strip(),
                        text,
                        tuple(found),
                        negations,
                        _scope_breaks(text),
                        contrasts,
                        _denying_spans(text),
                        tuple(_denial_at(m) for m in _NEGATIVE_PREDICATE.finditer(text)),
                        _unasserted(clause_text, offset, text),
                        compared_nouns,
                        bool(_RELATIVE_BEFORE.search(clause_text[:offset]) or _WHOSE.match(piece)),
                    )
                )
            for before, after in itertools.pairwise(indices):
                _deny_the_last(fragments, before, after)
            if len(indices) == 1 and last_before is not None:
                # "People blame vanishing gradients, but that is a myth": a clause that only
                # denies, after a contrast, denies the clause before it.
                _deny_the_last(fragments, last_before, indices[0])
            if indices:
                last_before = indices[-1]
                clauses.append(
                    Clause(clause_text.strip().rstrip(",，、;；:：").strip(), tuple(indices))
                )
    return Segmented(tuple(clauses), tuple(fragments))
