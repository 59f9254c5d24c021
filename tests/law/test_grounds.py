"""Legal grounds (căn cứ hoãn, tạm đình chỉ, đình chỉ): every usual spelling, one code.

Expected codes are written by hand from the way Vietnamese legal texts cite a point
("điểm c khoản 1 Điều 48" is Art. 48, clause 1, point c); the lists of grounds are those
of docs/grounds.md: Law 26/2008/QH12 Art. 48, 49, 50; Law 106/2025/QH15 Art. 46, 47, 48.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import thads
from helpers import M, case, ev
from thads import (
    InvalidRecordError,
    StatisticalPeriod,
    read_cases,
    regime_by_code,
)
from thads.count import placement
from thads.errors import GroundNotAvailableError, InvalidGroundError
from thads.law import (
    ACCEPTED_FORMS,
    AGREED_POSTPONEMENT,
    KNOWN_GROUNDS,
    REFUSAL_GROUNDS,
    VERSIONS,
    Ground,
    GroundKind,
    LawVersion,
    parse_ground,
)

LAW_2008 = LawVersion.LAW_2008
LAW_2025 = LawVersion.LAW_2025

DOCS = Path(__file__).parents[2] / "docs"


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- the list of grounds -------------------------------------------------------------------


def test_known_grounds_are_those_of_the_law() -> None:
    # legal-rules.md §7.2: Art. 48(1) points a, b, c, d, đ, e, g, h and Art. 48(2);
    # §7.3: Art. 49 clauses 1 and 2; §7.4: Art. 50(1) points a, b, c, d, đ, e, g, h.
    points = ["a", "b", "c", "d", "đ", "e", "g", "h"]
    expected = (
        [(f"48.1.{p}", GroundKind.POSTPONEMENT) for p in points]
        + [("48.2", GroundKind.POSTPONEMENT)]
        + [("49.1", GroundKind.SUSPENSION), ("49.2", GroundKind.SUSPENSION)]
        + [(f"50.1.{p}", GroundKind.TERMINATION) for p in points]
    )
    old = [g for g in KNOWN_GROUNDS if g.law is LAW_2008]
    assert [(g.code, g.kind) for g in old] == expected
    assert all(g.law == "26/2008/QH12" for g in old)
    assert all(g.description and g.summary for g in KNOWN_GROUNDS)


def test_known_grounds_of_law_106_2025() -> None:
    # Law 106/2025 Art. 46(1) points a–l (11 grounds) and 46(2) postponement; Art. 47(1),
    # 47(2) suspension; Art. 48 clauses 1–8 termination (docs/grounds.md, [P]).
    points = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l"]
    expected = (
        [(f"46.1.{p}", GroundKind.POSTPONEMENT) for p in points]
        + [("46.2", GroundKind.POSTPONEMENT)]
        + [("47.1", GroundKind.SUSPENSION), ("47.2", GroundKind.SUSPENSION)]
        + [(f"48.{n}", GroundKind.TERMINATION) for n in range(1, 9)]
    )
    new = [g for g in KNOWN_GROUNDS if g.law is LAW_2025]
    assert [(g.code, g.kind) for g in new] == expected
    # 46(1)(c): the parties' agreement or the creditor's written request.
    agreed = parse_ground("điểm c khoản 1 Điều 46", law=LAW_2025)
    assert "yêu cầu" in agreed.description
    assert agreed.citation == "điểm c khoản 1 Điều 46 Luật số 106/2025/QH15"
    # The same code is another ground under each law: 48.2 is the 2008 protest
    # postponement and a 2025 termination ground (debtor died without assets).
    assert parse_ground("48.2").kind is GroundKind.POSTPONEMENT
    assert parse_ground("48.2", law=LAW_2025).kind is GroundKind.TERMINATION
    # Read by the day of the decision: the law in force that day.
    assert parse_ground("48.2", on=date(2026, 6, 30)).law is LAW_2008
    assert parse_ground("48.2", on=date(2026, 7, 1)).law is LAW_2025
    # 48.1.c is not a ground of 2025 (its Art. 48 has clauses without points).
    with pytest.raises(InvalidGroundError, match="106/2025/QH15"):
        parse_ground("điểm c khoản 1 Điều 48", law=LAW_2025)


def test_refusal_grounds_gain_the_already_decided_one() -> None:
    # Law 106/2025 Art. 34(4): a new ground, content already covered by a decision.
    assert len(REFUSAL_GROUNDS[LAW_2025]) == len(REFUSAL_GROUNDS[LAW_2008]) + 2
    assert any("already covered" in g for g in REFUSAL_GROUNDS[LAW_2025])
    assert not any("already covered" in g for g in REFUSAL_GROUNDS[LAW_2008])


def test_agreed_postponement() -> None:
    assert AGREED_POSTPONEMENT.code == "48.1.c"
    assert (AGREED_POSTPONEMENT.article, AGREED_POSTPONEMENT.clause) == (48, 1)
    assert AGREED_POSTPONEMENT.point == "c"
    assert AGREED_POSTPONEMENT.kind is GroundKind.POSTPONEMENT
    assert "đồng ý hoãn" in AGREED_POSTPONEMENT.description
    assert str(AGREED_POSTPONEMENT) == "48.1.c"
    assert AGREED_POSTPONEMENT.citation == "điểm c khoản 1 Điều 48 Luật số 26/2008/QH12"


def test_clause_without_points() -> None:
    g = parse_ground("49.2")
    assert (g.article, g.clause, g.point, g.code) == (49, 2, None, "49.2")
    assert g.citation == "khoản 2 Điều 49 Luật số 26/2008/QH12"


def test_laws_are_those_of_thads_law() -> None:
    # One owner of the law versions: every ground's law is a LawVersion.
    assert {g.law for g in KNOWN_GROUNDS} == set(VERSIONS)
    assert parse_ground("48.1.c", law=LawVersion.LAW_2008) is AGREED_POSTPONEMENT


def test_ground_values_are_checked() -> None:
    with pytest.raises(InvalidRecordError, match="point"):
        Ground(LAW_2008, 48, 1, "z", GroundKind.POSTPONEMENT, "x", "x")
    with pytest.raises(InvalidRecordError, match="article"):
        Ground(LAW_2008, 0, 1, None, GroundKind.POSTPONEMENT, "x", "x")
    with pytest.raises(InvalidRecordError, match="law"):
        Ground("1/2000/QH10", 48, 1, None, GroundKind.POSTPONEMENT, "x", "x")
    # Equality is the legal address and kind, not the paraphrase.
    same = Ground(LAW_2008, 48, 1, "c", GroundKind.POSTPONEMENT, "other", "other")
    assert same == AGREED_POSTPONEMENT


# --- every usual spelling, one code ------------------------------------------------------

SPELLINGS = [
    # the forms named in issue 9
    ("điểm c khoản 1 Điều 48", "48.1.c"),
    ("Điều 48 khoản 1 điểm c", "48.1.c"),
    ("khoản 1 điều 48 điểm c", "48.1.c"),
    ("48.1.c", "48.1.c"),
    ("48(1)(c)", "48.1.c"),
    ("Đ48.1.c", "48.1.c"),
    # with the law's name, before or after
    ("điểm c khoản 1 Điều 48 Luật THADS", "48.1.c"),
    ("điểm c khoản 1 Điều 48 của Luật Thi hành án dân sự", "48.1.c"),
    ("Điều 48 khoản 1 điểm c Luật THADS năm 2008 (sửa đổi, bổ sung năm 2014)", "48.1.c"),
    ("điểm c, khoản 1, Điều 48 Luật số 26/2008/QH12", "48.1.c"),
    ("Luật THADS, Điều 48 khoản 1 điểm c", "48.1.c"),
    ("48.1.c (Luật THADS)", "48.1.c"),
    ("48.1.c LTHADS", "48.1.c"),
    ("Art. 48(1)(c) of the Law on THADS", "48.1.c"),
    ("Article 48(1)(c) of the Law on Civil Judgment Enforcement", "48.1.c"),
    ("điểm c khoản 1 Điều 48 Luật THADS năm 2014", "48.1.c"),
    # any case, any spacing
    ("ĐIỂM C KHOẢN 1 ĐIỀU 48", "48.1.c"),
    ("Điểm C Khoản 1 Điều 48", "48.1.c"),
    ("  điểm   c ,khoản  1 ,  Điều   48  ", "48.1.c"),
    ("điểm c khoản1 Điều48", "48.1.c"),
    ("48 . 1 . c", "48.1.c"),
    ("48 ( 1 ) ( C )", "48.1.c"),
    ("điểm\u00a0c\u00a0khoản\u00a01\u00a0Điều\u00a048", "48.1.c"),  # no-break spaces
    ("điểm c khoản 1 Điều 48\t", "48.1.c"),
    # without diacritics
    ("diem c khoan 1 dieu 48", "48.1.c"),
    ("DIEU 48 KHOAN 1 DIEM C", "48.1.c"),
    ("diem c khoan 1 dieu 48 luat thi hanh an dan su", "48.1.c"),
    ("D48.1.c", "48.1.c"),
    # NFD (decomposed), as macOS and some spreadsheets store it
    (_nfd("điểm c khoản 1 Điều 48"), "48.1.c"),
    (_nfd("Điều 48 khoản 1 điểm c Luật Thi hành án dân sự"), "48.1.c"),
    # invisible characters
    ("48.1\u200b.c", "48.1.c"),
    ("đi\u00adểm c khoản 1 Điều 48", "48.1.c"),  # soft hyphen
    ("\ufeffđiểm c khoản 1 Điều 48", "48.1.c"),
    # other usual shapes
    ("Điều 48(1)(c)", "48.1.c"),
    ("Đ.48.1.c", "48.1.c"),
    ("Đ 48 k1 điểm c", "48.1.c"),
    ("48.1c", "48.1.c"),
    ("48-1-c", "48.1.c"),
    ("điểm c) khoản 1 Điều 48", "48.1.c"),
    ("theo điểm c khoản 1 Điều 48.", "48.1.c"),
    ("(48.1.c)", "48.1.c"),
    ("[Điều 48 khoản 1 điểm c]", "48.1.c"),
    ("Khoản 1, Điều 48, điểm c", "48.1.c"),
    # point đ is not point d: written đ (any form, Ð from a mis-decoded file) or dd
    ("điểm đ khoản 1 Điều 48", "48.1.đ"),
    ("ĐIỂM Đ KHOẢN 1 ĐIỀU 48", "48.1.đ"),
    (_nfd("điểm đ khoản 1 Điều 48"), "48.1.đ"),
    ("48(1)(đ)", "48.1.đ"),
    ("48.1.dd", "48.1.đ"),
    ("diem dd khoan 1 dieu 48", "48.1.đ"),
    ("\u00d0iều 48 khoản 1 điểm \u00d0", "48.1.đ"),  # Ð (U+00D0), not Đ (U+0110)
    ("diem d khoan 1 dieu 48", "48.1.d"),
    ("48.1.d", "48.1.d"),
    # other articles
    ("khoản 2 Điều 48", "48.2"),
    ("khoản 1 Điều 49", "49.1"),
    ("Điều 49 khoản 2 Luật THADS", "49.2"),
    ("49(2)", "49.2"),
    ("điểm g khoản 1 Điều 50", "50.1.g"),
    ("50.1.đ", "50.1.đ"),
]


@pytest.mark.parametrize(("text", "code"), SPELLINGS)
def test_spellings(text: str, code: str) -> None:
    assert parse_ground(text).code == code


def test_same_ground_same_object() -> None:
    assert parse_ground("điểm c khoản 1 Điều 48") is AGREED_POSTPONEMENT


# --- rejections ---------------------------------------------------------------------------

UNREADABLE = [
    "",
    "   ",
    "xyz",
    "hoãn",
    "c.1.48",  # the old normaliser's output for "điểm c khoản 1 Điều 48"
    "điểm c Điều 48",  # a point without its clause
    "điểm c điểm d khoản 1 Điều 48",  # two points
    "48.1.c Bộ luật Dân sự",  # another law
    "48.1.c Luật THADS 2010",  # no such law
    "48.1.c Luật 64/2099/QH99",
    "khoản 1",  # no article
    "48.²",  # only ASCII digits are numbers
    "1" * 500,
]


@pytest.mark.parametrize("text", UNREADABLE)
def test_unreadable_is_rejected_listing_the_forms(text: str) -> None:
    with pytest.raises(InvalidGroundError) as info:
        parse_ground(text, record="events.csv line 7")
    err = info.value
    assert isinstance(err, InvalidRecordError) and isinstance(err, ValueError)
    assert (err.record, err.field) == ("events.csv line 7", "ground")
    assert "cannot read" in err.reason
    for form in ACCEPTED_FORMS:
        assert repr(form) in err.reason
    assert "48.1.c" in err.reason and "50.1.h" in err.reason


NOT_GROUNDS = [
    ("48.1.z", "48.1.z"),  # Art. 48(1) has no point z
    ("Điều 12", "12"),  # not a ground at all
    ("Điều 48", "48"),  # an article is not a ground: its clause and point are
    ("48.1", "48.1"),  # clause 1 of Art. 48 has points; one must be named
    ("49.3", "49.3"),  # Art. 49(3) is resumption, not a ground
    ("50.2", "50.2"),  # Art. 50(2) is the deadline, not a ground
    ("điểm i khoản 1 Điều 48", "48.1.i"),
]


@pytest.mark.parametrize(("text", "read_as"), NOT_GROUNDS)
def test_ground_not_in_the_law_is_rejected(text: str, read_as: str) -> None:
    with pytest.raises(InvalidGroundError) as info:
        parse_ground(text)
    reason = info.value.reason
    assert f"reads as {read_as}," in reason
    assert "known grounds of Law 26/2008/QH12: 48.1.a, 48.1.b, 48.1.c" in reason
    for form in ACCEPTED_FORMS:
        assert repr(form) in reason


@pytest.mark.parametrize("value", [None, 48, 48.1, b"48.1.c", ["48.1.c"], {"ground": "48.1.c"}])
def test_non_text_is_rejected(value: object) -> None:
    with pytest.raises(InvalidGroundError, match="must be text"):
        parse_ground(value)  # type: ignore[arg-type]


def test_kind_is_checked_when_asked() -> None:
    assert parse_ground("48.1.c", kind=GroundKind.POSTPONEMENT) is AGREED_POSTPONEMENT
    with pytest.raises(InvalidGroundError, match="đình chỉ thi hành án"):
        parse_ground("50.1.c", kind=GroundKind.POSTPONEMENT)
    with pytest.raises(InvalidGroundError, match="suspension"):
        parse_ground("48.2", kind=GroundKind.SUSPENSION)


def test_unreadable_text_is_unreadable_under_either_law() -> None:
    with pytest.raises(InvalidGroundError, match="cannot read") as unreadable:
        parse_ground("xyz", law=LAW_2025)
    assert not isinstance(unreadable.value, GroundNotAvailableError)


def test_text_naming_another_law_is_rejected() -> None:
    with pytest.raises(InvalidGroundError, match="names Law 106/2025/QH15"):
        parse_ground("48.1.c Luật số 106/2025/QH15")
    with pytest.raises(InvalidGroundError, match="names Law 26/2008/QH12"):
        parse_ground("48.1.c Luật THADS 2008", law=LAW_2025)


def test_unknown_law_is_rejected() -> None:
    with pytest.raises(InvalidRecordError, match="law"):
        parse_ground("48.1.c", law="2008")


# --- properties ---------------------------------------------------------------------------

_WORDS = {
    True: {"point": "điểm", "clause": "khoản", "article": "Điều"},
    False: {"point": "diem", "clause": "khoan", "article": "dieu"},
}
_LAW_NAMES = (
    "",
    "Luật THADS",
    "Luật Thi hành án dân sự",
    "của Luật Thi hành án dân sự năm 2008",
    "Luật số 26/2008/QH12",
    "(Luật THADS sửa đổi, bổ sung năm 2014)",
)
_LAW_NAMES_2025 = (
    "",
    "Luật THADS",
    "Luật số 106/2025/QH15",
    "của Luật Thi hành án dân sự năm 2025",
)


def _plain(text: str) -> str:
    """Text as typed without a Vietnamese keyboard: no tone or vowel marks, đ as d."""
    bare = "".join(ch for ch in _nfd(text) if unicodedata.category(ch) != "Mn")
    return bare.replace("Đ", "D").replace("đ", "d")


@st.composite
def spellings(draw: st.DrawFn) -> tuple[Ground, str]:
    """A known ground written in one of the supported ways, by hand rules of writing."""
    ground = draw(st.sampled_from(KNOWN_GROUNDS))
    marks = draw(st.booleans())  # keywords and the law's name with or without diacritics
    words = _WORDS[marks]
    a, c, p = str(ground.article), str(ground.clause), ground.point
    if p == "đ":
        p = draw(st.sampled_from(["đ", "dd"]))  # "dd" is how đ is typed without marks
    sp = draw(st.sampled_from([" ", "  ", "\u00a0"]))
    point_part = [f"{words['point']}{sp}{p}"] if p else []
    clause_part = [f"{words['clause']}{sp}{c}"]
    article_part = [f"{words['article']}{sp}{a}"]
    form = draw(st.sampled_from(["vn", "article-first", "clause-first", "dot", "paren", "Đ"]))
    if form == "vn":
        text = sp.join(point_part + clause_part + article_part)
    elif form == "article-first":
        text = sp.join(article_part + clause_part + point_part)
    elif form == "clause-first":
        text = sp.join(clause_part + article_part + point_part)
    elif form == "dot":
        text = ".".join([a, c] + ([p] if p else []))
    elif form == "paren":
        text = f"{a}({c})" + (f"({p})" if p else "")
    else:
        text = ("Đ" if marks else "D") + ".".join([a, c] + ([p] if p else []))
    law = draw(st.sampled_from(_LAW_NAMES if ground.law is LAW_2008 else _LAW_NAMES_2025))
    if not marks:
        law = _plain(law)
    if law and (law.startswith(("của", "cua")) or draw(st.booleans())):
        text = f"{text} {law}"
    elif law:
        text = f"{law}, {text}"
    upper = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    text = "".join(ch.upper() if u else ch.lower() for ch, u in zip(text, upper, strict=True))
    text = unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD"])), text)
    pad = draw(st.sampled_from(["", " ", "\u200b", "\t"]))
    return ground, pad + text + pad


@given(spellings())
def test_any_spelling_reads_back_to_its_ground(case_: tuple[Ground, str]) -> None:
    ground, text = case_
    assert parse_ground(text, law=ground.law) is ground


_ALPHABET = st.sampled_from(
    [
        *"0123456789.()-/ ,;:abcdđhkDĐz\u0301\u0323\u200b",
        *("điểm", "khoản", "Điều", "diem", "khoan", "dieu", "Luật", "THADS", "luat", "của"),
        *("48", "49", "50", "2008", "26/2008/QH12", "năm", "sửa đổi", "Đ", "đ", "dd"),
    ]
)


@given(st.one_of(st.text(), st.lists(_ALPHABET, max_size=12).map("".join)))
def test_random_text_raises_only_the_documented_error(text: str) -> None:
    outcome: Ground | InvalidGroundError
    try:
        outcome = parse_ground(text)
    except InvalidGroundError as err:
        outcome = err
    if isinstance(outcome, Ground):
        assert outcome in KNOWN_GROUNDS
    else:
        assert outcome.field == "ground" and outcome.reason
    try:
        got = parse_ground(text, law=LAW_2025)
    except InvalidGroundError:
        return
    assert got in KNOWN_GROUNDS and got.law is LAW_2025


# --- the regimes read grounds through thads.grounds (issue 9's miscount) ------------------

Y23 = StatisticalPeriod(2023)


def test_usual_spelling_counts_as_postponed_not_stayed() -> None:
    # Before thads.grounds, "điểm c khoản 1 Điều 48" was normalised to "c.1.48" and the
    # case counted as stayed (outside "có điều kiện"). Under TT 06/2019 and TT 05/2024 a
    # postponement agreed by the parties (Art. 48(1)(c)) is counted with conditions.
    for code in ("tt06_2019", "tt05_2024"):
        regime = regime_by_code(code)
        for text in ("điểm c khoản 1 Điều 48", "Điều 48 khoản 1 điểm c", "diem c khoan 1 dieu 48"):
            assert regime.stay_row(suspended=False, ground=text) == "postponed"
        assert regime.stay_row(suspended=False, ground="điểm đ khoản 1 Điều 48") == "stayed"
        assert regime.stay_row(suspended=True, ground="khoản 2 Điều 49") == "stayed"
    c = case(
        "agreed",
        date(2022, 11, 1),
        10 * M,
        (ev(date(2023, 1, 1), "postponed", ground="điểm c khoản 1 Điều 48 Luật THADS"),),
    )
    p = placement(c, Y23)  # counted under TT 06/2019 (in force on 30/9/2023)
    assert p is not None and p.row == "postponed"


def test_unreadable_ground_is_never_counted_as_another() -> None:
    regime = regime_by_code("tt05_2024")
    with pytest.raises(InvalidGroundError):
        regime.stay_row(suspended=False, ground="48.1.z")


def test_csv_with_usual_spelling(tmp_path: Path) -> None:
    cases = tmp_path / "cases.csv"
    events = tmp_path / "events.csv"
    cases.write_text(
        "case_id,office,executor,mode,judgment_kind,judgment_ref,judgment_effective,"
        "accepted_on,amount,creditor\n"
        "h1,A,A-1,on_request,civil,1/2022/DS-ST,2022-09-01,2022-11-01,100000000,private\n"
        "h2,A,A-1,on_request,civil,2/2022/DS-ST,2022-09-01,2022-11-01,50000000,private\n",
        encoding="utf-8",
    )
    events.write_text(
        "case_id,date,kind,amount,ground\n"
        'h1,2023-01-05,postponed,,"điểm c khoản 1 Điều 48 Luật THADS"\n'
        "h2,2023-01-05,postponed,,Điều 48 khoản 1 điểm a\n",
        encoding="utf-8",
    )
    rows = {c.case_id: placement(c, Y23) for c in read_cases(cases, events)}
    # h1: agreed postponement → postponed (with conditions); h2: ill debtor → stayed.
    assert {k: p.row for k, p in rows.items() if p} == {"h1": "postponed", "h2": "stayed"}


def test_ground_code() -> None:
    from thads.law import ground_code as normalize_ground

    assert normalize_ground("điểm c khoản 1 Điều 48") == "48.1.c"
    assert normalize_ground(AGREED_POSTPONEMENT) == "48.1.c"
    assert normalize_ground(None) is None
    assert normalize_ground("  ") is None
    with pytest.raises(InvalidGroundError):
        normalize_ground("xyz")  # was "x.y.z" before: a ground that does not exist
    regime = regime_by_code("tt05_2024").with_options(
        enforceable_grounds=["Điều 48 khoản 1 điểm a", AGREED_POSTPONEMENT]
    )
    assert regime.enforceable_grounds == frozenset({"48.1.a", "48.1.c"})
    with pytest.raises(InvalidGroundError):
        regime_by_code("tt05_2024").with_options(enforceable_grounds=["48.1.z"])


def test_public_names() -> None:
    for name in ("Ground", "GroundKind", "parse_ground", "KNOWN_GROUNDS", "AGREED_POSTPONEMENT"):
        assert name in thads.law.__all__


# --- documentation ------------------------------------------------------------------------


def test_docs_list_every_form_and_ground() -> None:
    page = (DOCS / "grounds.md").read_text(encoding="utf-8")
    for form in ACCEPTED_FORMS:
        assert f"`{form}`" in page
    for ground in KNOWN_GROUNDS:
        assert f"| `{ground.code}` |" in page
        assert ground.description in page
    assert "grounds.md" in (DOCS / "index.md").read_text(encoding="utf-8")
