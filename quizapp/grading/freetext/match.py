"""Whether a clause of an answer states a claim, states its opposite, or neither.

A claim (``questions.claims``) is made by one clause when

1. every predicate slot has a mention in the clause: the slot's concept, or its lexicon opposite
   (which counts as the concept negated: "changes" is "does not keep");
2. the polarity agrees: the negation words in scope (see ``clauses``) plus the opposites used,
   counted modulo 2, say "negative" exactly when the claim is negative (slots the claim orders
   with ``>`` and the clause names the other way round count as one more negation: "the lower
   layer reads the upper layer" reverses "upper-layer > lower-layer read"); a negation right
   before a verb the claim does not name is that verb's, and the clause then decides nothing
   ("it doesn't change vanishing gradients" says nothing of "no vanishing");
3. the subject agrees: the thing the clause talks about — the nearest mention of the subject's
   group before the claim's words in the clause, else after them in the same fragment (or in the
   next one when the words stand in a short scene-setting phrase: "for streaming, Transformers are
   the natural fit"), else before them earlier in the answer (so "it" carries the last subject) —
   is the claim's subject, or is joined to it by "and" / "or" / 和 / 与 …; a clause that names no
   rival of the subject leaves it implied (but says nothing when it names a slot both ways, "O(n)
   vs O(1)"). What a subject is said to lack ("the mLSTM has no hidden-to-hidden recurrence") is
   not a subject, nor is a rival named between commas as a comparison ("self-attention, like the
   RNN, has to …").
   Mentions inside a contrast phrase ("unlike a CNN") or naming a compared thing's noun ("比
   softmax 的 KV 缓存") are never the subject; "both" / 两者都 standing as the subject gives the
   predicate to both rivals (so does "A 和 B 一样 …"), so it contradicts the claim whichever way
   round it is said
   ("两者在训练时都只能串行" as well as "both run in parallel"); after "which", the subject is
   the noun "which" stands for, even one in a contrast ("… than the slow modules, which change
   rarely"). A claim that names its subject among its own words ("pytorch: reset-after pytorch")
   takes the subject from its words: stated whole in one fragment, it is that fragment's own
   statement whatever a fragment before it named ("U(r⊙h) is Cho's form, r⊙(Uh) is what PyTorch
   uses"); a fragment holding the rest of its words that names a rival speaks of the rival.

The same clause with the polarity reversed, or the predicate given to a rival subject, is a
*contradiction* of the claim: it earns nothing and is reported.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from enum import Enum

from questions.claims import Claim
from questions.lexicon import Lexicon
from quizapp.grading.freetext.clauses import Fragment, Segmented

# Combinations of mentions tried per clause; answers are short, this only bounds the worst case.
MAX_COMBINATIONS = 64
_COORDINATION = re.compile(
    r"(?:\s|,|、|/|\band\b|\bor\b|\bboth\b|\bas well as\b|\bthe\b|\ban?\b|和|与|及|以及|或者|或|跟|都)*\Z"
)


# A fragment that only sets a rival aside ("…, not C_t, that goes into the gates") or names
# what the subject is compared with between commas ("self-attention, like the RNN, is …").
_SET_ASIDE = re.compile(
    r"\s*(?:not|(?:just\s+|much\s+|exactly\s+)?like|as with|as in)\s+"
    r"(?:the\s+|a\s+|an\s+)?\S+(?:\s+\S+)?\s*"
)


# "Both" / "neither" / 两者都 standing as the subject: the predicate is given to both things
# compared, so it is not the claim's subject's own ("both can't be parallelised over time").
_VERBS = (
    r"is|are|was|were|has|have|had|can|could|do|does|did|will|would|need|needs|use|uses|"
    r"suffer|suffers|get|gets|see|sees|keep|keeps|must|should|may|might|handle|handles|work|"
    r"works|struggle|struggles|learn|learns|train|trains|run|runs|require|requires|rely|"
    r"relies|share|shares|treat|treats|give|gives|make|makes|take|takes|read|reads|process|"
    r"processes|scale|scales|store|stores|face|faces|hit|hits|allow|allows|support|supports|"
    r"change|changes|rescale|rescales|preserve|preserves|clip|clips|shrink|shrinks|grow|grows|"
    r"compute|computes|produce|produces|reset|resets"
)
_BOTH_AS_SUBJECT = re.compile(
    rf"\b(?:both|neither)(?: of (?:them|these|those|the two)| methods| approaches| models| cells)?"
    rf"(?: \w+ly)? (?:{_VERBS})\b"
    rf"|\bthey both\b|\bthe two (?:\w+ )?(?:both |all )?(?:{_VERBS})\b"
    r"|(?:两者|二者|两种|两个|它们|他们|这两[个种者]?|这俩|俩)[^,，。；;:：、和与及]{0,8}?(?:都|均|也都|全都)"
    # "两者在并行性上没有区别": no difference between the two is said of both
    r"|(?:两者|二者|两种|它们|这两[个种者]?)[^,，。；;:：、和与及]{0,12}?(?:没有|没|无)(?:区别|差别|差异)"
)


# What stands before the verb of an English cleft ("what gets removed is …").
_CLEFT_EN = re.compile(r"^(?:and |but |so )?what (?:is |was |gets |got |you )?\s*$")
# "… for both" closing a statement gives it to both things compared.
_FOR_BOTH = re.compile(r"\b(?:for|in|with) both(?: of them| cases| models)?\s*$")


# "A 和 B 一样 …": what follows is said of both.
_SAME_AS_AFTER = re.compile(r"\s*(?:也)?(?:一样|同样)")


# A short phrase that only sets the scene for the statement after its comma ("for streaming",
# "at inference time", 对于流式场景, 在推理时).
_INTRODUCTORY = re.compile(
    r"\s*(?:for|in|at|during|on|under|when|after|before)\s+(?:\S+\s*){1,3}"
    r"|\s*(?:对于|对|在|至于)[^\s]{1,8}(?:时|中|上|里|场景|方面|来说|而言)?\s*"
)


# A negation word and what may stand between it and its verb ("does not really change", 不会改变).
_NEGATION_THEN_VERB = re.compile(
    r"(?:not|never|no longer)\s+(?:(?:really|actually|even|always|necessarily|much|just)\s+)?"
    r"|(?:不|没有|没|从不|并不|并没有|无法|未)(?:会|能|再|一定|太|怎么|曾)?\s*"
)


# Concepts that act on what follows them: a negation right before one is the verb's, not its
# object's ("does not change vanishing", "不会减少噪声").
_OPERATORS = frozenset(
    {
        "change", "shrink", "grow", "fix", "prevent", "remove", "mitigate",
        "counteract", "eliminate", "decrease", "widen", "shorten", "lengthen", "handle", "hurt",
        "protect", "aid", "cancel", "compress", "double", "halve",
    }
)  # fmt: skip


# The same verbs as plain words, whether or not a concept covers them.
_OPERATOR_WORD = re.compile(
    r"(?:affect|influence|impact|alter|address|solve|cure|tackle|improve|worsen|reduce|increase"
    r"|decrease)\w*\b|影响|改变|解决|缓解|减少|增加|降低|提高|改善"
)


# A passive between two ordered slots turns their order: "the output is read by the upper layer".
_PASSIVE = re.compile(r"\bby\b|被|由")


class Verdict(Enum):
    """What a clause does to a claim."""

    MADE = "made"
    CONTRADICTED = "contradicted"


@dataclass(frozen=True)
class Mention:
    """A concept found in fragment ``fragment`` at ``start:end`` of its normalised text."""

    concept: str
    fragment: int
    clause: int
    start: int
    end: int
    in_contrast: bool
    compared_noun: bool = False  # the noun of a compared thing ("比 X 的 KV 缓存")

    @property
    def order(self) -> tuple[int, int]:
        """Position in the whole answer."""
        return (self.fragment, self.start)


@dataclass(frozen=True)
class ClaimHit:
    """A clause that makes or contradicts a claim."""

    claim: Claim
    verdict: Verdict
    clause: int
    # Where the claim's words stand: (fragment, first character, last character) per fragment.
    spans: tuple[tuple[int, int, int], ...] = ()

    @property
    def fragments(self) -> frozenset[int]:
        """The fragments the claim's words stand in."""
        return frozenset(f for f, _, _ in self.spans)


def _spans(combo: tuple[Mention, ...]) -> tuple[tuple[int, int, int], ...]:
    """Per fragment of ``combo``: its first and last character."""
    fragments = sorted({m.fragment for m in combo})
    return tuple(
        (
            f,
            min(m.start for m in combo if m.fragment == f),
            max(m.end for m in combo if m.fragment == f),
        )
        for f in fragments
    )


def mentions_of(segmented: Segmented) -> tuple[Mention, ...]:
    """Every concept mention of a segmented answer, in reading order."""
    out: list[Mention] = []
    for index, fragment in enumerate(segmented.fragments):
        for found in fragment.found:
            out.append(
                Mention(
                    found.concept,
                    index,
                    fragment.clause,
                    found.start,
                    found.end,
                    fragment.in_contrast(found.start),
                    any(a <= found.start < b for a, b in fragment.compared_nouns),
                )
            )
    return tuple(out)


class ClaimReader:
    """Reads claims in one segmented answer."""

    def __init__(self, segmented: Segmented, lexicon: Lexicon) -> None:
        self.segmented = segmented
        self.lexicon = lexicon
        self.mentions = mentions_of(segmented)
        # Fragments that only set a rival aside ("…, not C_t, that …"): no subject stands there.
        self.set_aside = frozenset(
            i for i, f in enumerate(segmented.fragments) if _SET_ASIDE.fullmatch(f.text)
        )
        # Where "both" / 两者都 stands as a subject, per fragment (see ``_said_of_both``).
        self.both_at = tuple(
            tuple(m.start() for m in _BOTH_AS_SUBJECT.finditer(f.text)) for f in segmented.fragments
        )
        # "… for both" closing the statement ("the path length is O(n) for both").
        self.both_after = tuple(bool(_FOR_BOTH.search(f.text)) for f in segmented.fragments)
        # Fragments that only set the scene for the next one ("for streaming,").
        self.introductory = tuple(
            bool(_INTRODUCTORY.fullmatch(f.text)) for f in segmented.fragments
        )
        # A granted condition ("even if f went negative", 即使 …) asserts nothing: its words
        # fill no claim.
        self.by_clause: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            if mention.start >= segmented.fragments[mention.fragment].unasserted:
                self.by_clause.setdefault(mention.clause, []).append(mention)

    def read(self, claim: Claim, *, explicit_subject: bool = False) -> ClaimHit | None:
        """The first clause that makes the claim; else the first that contradicts it; else None.

        ``explicit_subject``: the subject must be named, not implied (a misconception such as
        "value clipping keeps the direction" is not stated by "the direction is kept")."""
        contradiction: ClaimHit | None = None
        for clause, mentions in self.by_clause.items():
            verdict, combo = self._in_clause(claim, mentions, explicit_subject)
            if verdict is Verdict.MADE:
                return ClaimHit(claim, verdict, clause, _spans(combo))
            if verdict is Verdict.CONTRADICTED and contradiction is None:
                contradiction = ClaimHit(claim, verdict, clause, _spans(combo))
        return contradiction

    def _slot_mentions(self, slot: tuple[str, ...], mentions: list[Mention]) -> list[Mention]:
        opposites = {self.lexicon.opposite_of(c) for c in slot} - {None}
        return [m for m in mentions if m.concept in slot or m.concept in opposites]

    def _in_clause(
        self, claim: Claim, mentions: list[Mention], explicit_subject: bool
    ) -> tuple[Verdict | None, tuple[Mention, ...]]:
        """The verdict of one clause, with the mentions that decided it."""
        per_slot = [self._slot_mentions(slot, mentions) for slot in claim.slots]
        if not all(per_slot):
            return None, ()
        combos = [
            combo
            for combo in itertools.islice(itertools.product(*per_slot), MAX_COMBINATIONS)
            if len(set(combo)) == len(combo)  # one mention fills one slot
            and not self._mixes_contrast(combo)
            and not self._cleft_reaches_out(combo)
        ]
        # The most compact statement decides: the claim's words in one fragment, close together,
        # before words gathered from across the clause.
        combos.sort(key=self._spread)
        # A slot named both ways ("O(n) vs O(1)") with no subject named says nothing of the
        # subject: which of the two is its own is not written.
        both_ways = any(
            any(m.concept in slot for m in found) and any(m.concept not in slot for m in found)
            for slot, found in zip(claim.slots, per_slot, strict=True)
        )
        result: Verdict | None = None
        decided: tuple[Mention, ...] = ()
        rival_spread: int | None = None
        named = frozenset(c for slot in claim.slots for c in slot)
        named |= {o for c in named if (o := self.lexicon.opposite_of(c)) is not None}
        for combo in combos:
            if (
                both_ways
                and claim.subject
                and not self._subject_candidates(claim, combo)
                and self._antecedent(claim, combo, min(combo, key=lambda m: m.order)) is None
            ):
                continue
            if self._negation_taken(combo, named):
                continue
            # Once a compact reading gives the predicate to a rival named in the clause, a
            # reading gathered from more fragments of the clause does not take it back.
            if rival_spread is not None and self._spread(combo)[0] > rival_spread:
                break
            negative = self._negative(claim, combo) != self._order_reversed(claim, combo)
            if self._said_of_both(claim, combo) or self._listed_with_rival(claim, combo):
                # Said of both things compared: a misconception is stated of its subject too
                # ("both are sequential" says the mLSTM is); a key point, whichever way round,
                # is not the subject's own.
                if (
                    explicit_subject
                    and negative == claim.negated
                    and self._pair_named(claim, combo)
                ):
                    return Verdict.MADE, combo
                result, decided = Verdict.CONTRADICTED, decided or combo
                continue
            if self._subject_agrees(claim, combo, explicit_subject):
                made = negative == claim.negated
                return (Verdict.MADE if made else Verdict.CONTRADICTED), combo
            if negative == claim.negated:
                # the predicate given to a rival subject
                result, decided = Verdict.CONTRADICTED, decided or combo
                if rival_spread is None and self._rival_in_clause(claim, combo):
                    rival_spread = self._spread(combo)[0]
        return result, decided

    def _negative(self, claim: Claim, combo: tuple[Mention, ...]) -> bool:
        """Whether the mentions state the claim's words negatively.

        Within a fragment, negations and opposites count modulo 2 (double negation reads right);
        across fragments a denial is not undone by another one ("never reset the state, not
        even between epochs" denies the reset twice, it does not affirm it).
        """
        parts = [self._part(mention) for mention in combo]
        by_part: dict[tuple[int, int], int] = {}
        for mention, slot, part in zip(combo, claim.slots, parts, strict=True):
            by_part[part] = by_part.get(part, 0) + int(mention.concept not in slot)
        for part in by_part:
            here = tuple(m for m, p in zip(combo, parts, strict=True) if p == part)
            # A denial after the words is read after all of the claim's words in the fragment.
            words_end = max(m.end for m in combo if m.fragment == part[0])
            by_part[part] += self._negations(here, words_end)
        return any(count % 2 == 1 for count in by_part.values())

    def _negation_taken(self, combo: tuple[Mention, ...], named: frozenset[str]) -> bool:
        """A negation before the claim's words belongs to a verb the claim does not name
        (``named``: its slots and their opposites): an operator (``_OPERATOR_WORD``, or a concept
        in ``_OPERATORS``: change, fix, affect, reduce, 影响 …) stands right after it, and claim
        words follow it ("it doesn't change vanishing gradients" says nothing of "no
        vanishing"; "larger batches don't reduce noise" nothing of "small batches are noisy").
        This reading neither makes nor contradicts the claim."""
        for index in {m.fragment for m in combo}:
            fragment = self.segmented.fragments[index]
            here = [m for m in combo if m.fragment == index]
            first = min(m.start for m in here)
            scope = max((b for b in fragment.scope_breaks if b <= first), default=0)
            for p in fragment.negations:
                word = _NEGATION_THEN_VERB.match(fragment.text, p)
                if p < scope or word is None:
                    continue
                start = word.end()
                verb = _OPERATOR_WORD.match(fragment.text, start)
                ends = [verb.end()] if verb is not None else []
                ends += [
                    found.end
                    for found in fragment.found
                    if found.start == start
                    and found.concept in _OPERATORS
                    and found.concept not in named
                ]
                if any(
                    any(m.start >= end for m in here)
                    and not any(m.start < end and start < m.end for m in here)
                    for end in ends
                ):
                    return True
        return False

    def _part(self, mention: Mention) -> tuple[int, int]:
        """The fragment of ``mention`` and its stretch between scope breaks ("and", 也, 、):
        like fragments, two stretches do not undo each other's denials ("不屏蔽也不会学填充"
        denies twice)."""
        breaks = self.segmented.fragments[mention.fragment].scope_breaks
        return (mention.fragment, sum(1 for b in breaks if b <= mention.start))

    def _order_reversed(self, claim: Claim, combo: tuple[Mention, ...]) -> bool:
        """Whether the mentions name the claim's ordered slots (``>``) the other way round; a
        passive "by" / 被 / 由 between two of them turns their order ("… is read by …")."""
        flips = 0
        for i, j in claim.ordered:
            first, second = sorted((combo[i], combo[j]), key=lambda m: m.order)
            passive = first.fragment == second.fragment and bool(
                _PASSIVE.search(
                    self.segmented.fragments[first.fragment].text,
                    first.end,
                    second.start,
                )
            )
            flips += (first is not combo[i]) != passive
        return flips % 2 == 1

    def _spread(self, combo: tuple[Mention, ...]) -> tuple[int, int]:
        """How far apart a combination's mentions are: fragments spanned, then characters."""
        fragments = {m.fragment for m in combo}
        if len(fragments) > 1:
            return (len(fragments), 0)
        if len(combo) == 1:
            return (1, 0)  # one word: the first in reading order decides
        return (1, max(m.end for m in combo) - min(m.start for m in combo))

    def _cleft_reaches_out(self, combo: tuple[Mention, ...]) -> bool:
        """A verb of a cleft ("去掉的是 sigmoid", "what gets removed is …") paired with words of
        another fragment: its object is the one it names after 的是 / "is", in its own fragment
        ("tanh 反而保留了下来，去掉的是 sigmoid" does not remove the tanh)."""
        fragments = {m.fragment for m in combo}
        if len(fragments) < 2:
            return False
        for m in combo:
            text = self.segmented.fragments[m.fragment].text
            if text.startswith("的是", m.end) or _CLEFT_EN.match(text[: m.start]):
                return True
        return False

    def _mixes_contrast(self, combo: tuple[Mention, ...]) -> bool:
        """Some mentions inside a (not denying) contrast phrase and some outside it."""
        inside = [
            m.in_contrast and self.segmented.fragments[m.fragment].denied_by(m.start) is None
            for m in combo
        ]
        return any(inside) and not all(inside)

    def _negations(self, combo: tuple[Mention, ...], words_end: int = 0) -> int:
        """Negation words and denying phrases in scope of the mentions (each counted once);
        denying phrases only after ``words_end`` too."""
        seen: set[tuple[int, int]] = set()
        for index in {m.fragment for m in combo}:
            fragment = self.segmented.fragments[index]
            here = [m for m in combo if m.fragment == index]
            first = min(m.start for m in here)
            last = max(m.end for m in here)
            start = max((b for b in fragment.scope_breaks if b <= first), default=0)
            seen.update((index, p) for p in fragment.negations if start <= p < last)
            seen.update(
                (index, p) for p in fragment.negations if _object_denied(fragment.text, last, p)
            )
            last = max(last, words_end)
            # A denying predicate after the claim's words ("… is pointless", "… 没用") denies
            # them; its own negation word is not counted a second time.
            # 也 ("also") does not shield the claim from a denial after it ("换成 X 也没用"), nor
            # does 、, which only lists nouns ("流式、在线场景下也不该选循环模型").
            # Unless the stretch before 也 has a denial of its own: "不会飙升也不会出现 NaN" denies
            # each half once.
            concepts = {m.concept for m in here}
            deny_end = min(
                (
                    b
                    for b in fragment.scope_breaks
                    if b > last
                    and (
                        fragment.text[b - 1] not in "也、"
                        or any(start <= q < b for q in fragment.negations)
                    )
                    and not _joins_nouns(fragment, b, concepts)
                ),
                default=len(fragment.text),
            )
            for p in fragment.negative_predicates:
                if last <= p < deny_end:
                    seen.add((index, -1000 - p))
                    seen.difference_update(
                        (index, q) for q in fragment.negations if p <= q < p + 12
                    )
            for mention in here:
                denied = fragment.denied_by(mention.start)
                # ("nothing to do with X" is no denial of X when the claim names the phrase
                # itself: "clipping has nothing to do with ReLU" states `clipping unrelated relu`)
                if denied is not None and not any(m.end == denied for m in here):
                    seen.add((index, -1 - denied))
        return len(seen)

    def _subject_agrees(
        self, claim: Claim, combo: tuple[Mention, ...], explicit: bool = False
    ) -> bool:
        if not claim.subject:
            return True
        candidates = self._subject_candidates(claim, combo)
        anchor = min(combo, key=lambda m: m.order)
        # A claim that names its subject among its own words ("pytorch: reset-after pytorch"):
        # the fragments that name it, and those its words stand in.
        named_here = {m.fragment for m in combo if m.concept in claim.subject}
        in_fragments = {m.fragment for m in combo}
        if named_here:
            # A fragment holding the rest of its words that names a rival of its own speaks of
            # that rival ("The RNN reads a prefix, the CNN is sequential" does not say the RNN is).
            rivals = self.lexicon.rivals(claim.subject) - set(claim.subject)
            elsewhere = in_fragments - named_here
            if any(m.fragment in elsewhere and m.concept in rivals for m in candidates):
                return False
        antecedent = self._antecedent(claim, combo, anchor)
        if antecedent is not None:
            return antecedent.concept in claim.subject
        same = [m for m in candidates if m.clause == anchor.clause]
        before = [m for m in same if m.order < anchor.order]
        # A subject after the claim's words ("the direction is kept by norm clipping") stands in
        # the same fragment; one after a comma starts the next statement ("…, RNN sequential").
        after = [m for m in same if m.order > anchor.order and m.fragment == anchor.fragment]
        if not after and self.introductory[anchor.fragment]:
            # "for streaming, Transformers are the natural fit": the phrase is the next one's
            after = [m for m in same if m.fragment == anchor.fragment + 1]
        earlier = [m for m in candidates if m.clause < anchor.clause]
        if (
            named_here
            and in_fragments == {anchor.fragment}
            and before
            and all(m.fragment < anchor.fragment for m in before)
        ):
            # Stated whole in one fragment, such a claim is that fragment's own statement: "U(r⊙h)
            # is Cho's form, r⊙(Uh) is what cuDNN and PyTorch use" gives the second form to
            # PyTorch, not to Cho.
            return True
        if before:
            chosen = before[-1]
            pool = before
        elif after:
            return after[0].concept in claim.subject
        elif earlier:
            chosen = earlier[-1]
            pool = earlier
        else:
            return not explicit
        return any(m.concept in claim.subject for m in self._coordinated(chosen, pool))

    def _antecedent(
        self, claim: Claim, combo: tuple[Mention, ...], anchor: Mention
    ) -> Mention | None:
        """In a fragment that starts after "which" and names no subject before the claim's
        words, the noun "which" stands for: the last of the subject's group in the fragment
        before, even inside a contrast ("… than the slow modules, which change rarely")."""
        fragment = self.segmented.fragments[anchor.fragment]
        if not fragment.relative or anchor.fragment == 0:
            return None
        rivals = self.lexicon.rivals(claim.subject)
        used = {(m.fragment, m.start) for m in combo}
        here = [
            m
            for m in self.mentions
            if m.fragment == anchor.fragment and m.start < anchor.start and m.concept in rivals
        ]
        if here:
            return None
        before = [
            m
            for m in self.mentions
            if m.fragment == anchor.fragment - 1
            and m.clause == anchor.clause
            and m.concept in rivals
            and (m.fragment, m.start) not in used
        ]
        return before[-1] if before else None

    def _said_of_both(self, claim: Claim, combo: tuple[Mention, ...]) -> bool:
        """ "Both" / 两者都 stands as the subject of ``combo``: before the claim's words in their
        fragment, with no subject named before them in the clause or after them in the fragment
        ("both X and Y …" names its subjects and is read as a list; in "for training, both run
        in parallel" and "两者都并行训练" the two are not what the subject is one of)."""
        anchor = min(combo, key=lambda m: m.order)
        both = [q for q in self.both_at[anchor.fragment] if q < anchor.start]
        if not claim.subject or not (both or self.both_after[anchor.fragment]):
            return False
        named = [
            m
            for m in self._subject_candidates(claim, combo)
            if m.clause == anchor.clause
            and (m.order < anchor.order or m.fragment == anchor.fragment)
        ]
        if not named:
            return True
        # The claim's subject and a rival named in an earlier fragment of the clause, then
        # "both" standing for the two ("value clipping is norm clipping with another norm, and
        # both rescale the vector").
        concepts = {m.concept for m in named}
        return (
            bool(both)
            and all(m.fragment < anchor.fragment for m in named)
            and bool(concepts & set(claim.subject))
            and bool(concepts - set(claim.subject))
        )

    def _listed_with_rival(self, claim: Claim, combo: tuple[Mention, ...]) -> bool:
        """The subject of ``combo`` joins the claim's subject with a rival as the same ("GRU 和
        LSTM 一样是三块"): the predicate is given to both."""
        if not claim.subject:
            return False
        anchor = min(combo, key=lambda m: m.order)
        before = [
            m
            for m in self._subject_candidates(claim, combo)
            if m.clause == anchor.clause and m.order < anchor.order
        ]
        if not before:
            return False
        last = before[-1]
        if not _SAME_AS_AFTER.match(self.segmented.fragments[last.fragment].text, last.end):
            return False
        group = {m.concept for m in self._coordinated(last, before)}
        return bool(group & set(claim.subject)) and bool(group - set(claim.subject))

    def _pair_named(self, claim: Claim, combo: tuple[Mention, ...]) -> bool:
        """Before ``combo``, the answer names the claim's subject and a rival of it: the two
        things a following "both" stands for (not an unordered claim's words read both ways)."""
        if claim.ordered:
            return False
        anchor = min(combo, key=lambda m: m.order)
        before = {
            m.concept for m in self._subject_candidates(claim, combo) if m.order < anchor.order
        }
        return bool(before & set(claim.subject)) and bool(before - set(claim.subject))

    def _rival_in_clause(self, claim: Claim, combo: tuple[Mention, ...]) -> bool:
        """Whether the clause of ``combo`` itself names a rival of the claim's subject (not one
        carried from an earlier clause because a slot used up the clause's own subject)."""
        anchor = min(combo, key=lambda m: m.order)
        return any(
            m.clause == anchor.clause and m.concept not in claim.subject
            for m in self._subject_candidates(claim, combo)
        )

    def _subject_candidates(self, claim: Claim, combo: tuple[Mention, ...]) -> list[Mention]:
        """The mentions of the subject's group that may be the subject of ``combo``."""
        rivals = self.lexicon.rivals(claim.subject)
        used = {(m.fragment, m.start) for m in combo}
        anchor = min(combo, key=lambda m: m.order)
        # Inside a contrast phrase ("unlike a CNN with its fixed window") the phrase's own
        # mentions may be the subject of words that stand in it too.
        candidates = [
            m
            for m in self.mentions
            if m.concept in rivals
            and (m.fragment, m.start) not in used
            and not m.compared_noun
            and (not m.in_contrast or (anchor.in_contrast and m.fragment == anchor.fragment))
        ]
        # What a named subject is said to lack ("the mLSTM has no hidden-to-hidden recurrence")
        # is its object, not a new subject; nor is a rival set aside ("it's h, not C, that …").
        return [
            m
            for m in candidates
            if not self._negated_object(m, candidates) and m.fragment not in self.set_aside
        ]

    def _negated_object(self, mention: Mention, candidates: list[Mention]) -> bool:
        """A negation stands between an earlier subject of the same fragment and ``mention``,
        with no "and" between it and the mention ("X has no Y", "X 没有 Y")."""
        fragment = self.segmented.fragments[mention.fragment]
        negations = [p for p in fragment.negations if p < mention.start]
        if not negations:
            return False
        last = max(negations)
        if any(last < b <= mention.start for b in fragment.scope_breaks):
            return False
        return any(
            m.fragment == mention.fragment and m.end <= last and m is not mention
            for m in candidates
        )

    def _coordinated(self, chosen: Mention, pool: list[Mention]) -> list[Mention]:
        """``chosen`` and the mentions joined to it by "and", "or", commas, 和, 与 …"""
        group = [chosen]
        index = pool.index(chosen)
        while index > 0:
            previous = pool[index - 1]
            current = group[-1]
            if previous.fragment == current.fragment:
                gap = self.segmented.fragments[current.fragment].text[previous.end : current.start]
            elif previous.fragment == current.fragment - 1:
                prev_text = self.segmented.fragments[previous.fragment].text
                gap = (
                    prev_text[previous.end :]
                    + " , "
                    + (self.segmented.fragments[current.fragment].text[: current.start])
                )
            else:
                break
            if not _COORDINATION.match(gap):
                break
            group.append(previous)
            index -= 1
        return group


def _joins_nouns(fragment: Fragment, end: int, concepts: set[str]) -> bool:
    """Whether the "and" / 、 ending at ``end`` only joins one more noun: the next word found is a
    concept of the claim's or one already named before the "and" in this fragment
    ("concatenating h_n[-2] and h_n[-1] is a waste of time"). The nouns are one subject, and a
    denial after them reaches back past the "and"."""
    after = [f for f in fragment.found if f.start >= end]
    if not after:
        return False
    nearest = min(after, key=lambda f: f.start)
    if re.fullmatch(r"\s*(?:the\s+)?", fragment.text[end : nearest.start]) is None:
        return False
    before = {f.concept for f in fragment.found if f.end <= end}
    return nearest.concept in concepts or nearest.concept in before


def _object_denied(text: str, end: int, negation: int) -> bool:
    """Whether the negation at ``negation`` is an English "no" or "nothing" right after the words
    ending at ``end``: "passes no gradient" and "passes nothing back" deny the passing as much as
    what is passed ("shares no weights", "has no upper bound")."""
    return (
        negation >= end
        and not text[end:negation].strip()
        and text.startswith(("no ", "nothing"), negation)
    )
