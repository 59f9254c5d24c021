"""Reports as JSON that reads back (báo cáo dạng JSON): the ``thads-report`` format, version 2.

The layout is described by the JSON Schema ``report-v2.schema.json``, shipped inside the
package (:func:`report_schema`) and named by each document's ``"$schema"`` member
(:data:`SCHEMA_ID`). Each row
carries its parent and depth (so a front end can draw the tree), the regime it is counted
under (chế độ báo cáo), the quota (chỉ tiêu) with attainment and progress (tiến độ); the
report carries the day of the office tree it is drawn on. :func:`from_dict` reads it
back to a :class:`~thads.report.Report` equal to the one written: counts are the
primitive rows of both tallies; derived rows and rates are written for readers and
checked on the way back, never trusted: a document whose rates do not match its counts,
whose total differs from the sum of the rows below it, with two rows of one code, or with
a built-in regime's code carrying other options is refused (code ``report.tampered``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any, Final, Literal

from thads.count._engine import TallyPair
from thads.errors import InvalidRecordError, RuleNotAvailableError
from thads.records import OfficeLevel, level_name
from thads.rules import DueRule, Form, Regime, regime_by_code
from thads.values import Points, Quota, StatisticalPeriod, Tally

if TYPE_CHECKING:  # annotations only: _report imports this module
    from thads.count._report import Report, ReportRow

FORMAT: Final = "thads-report"
"""Value of the ``format`` member of every document."""
SCHEMA_VERSION: Final = 2
"""Version of the layout (1 was the write-only form of :func:`thads.export.to_dict`)."""
SCHEMA_ID: Final = "https://thads.invalid/schema/report-v2.schema.json"
"""The ``$id`` of the JSON Schema, written as the ``"$schema"`` member of every document."""
_SCHEMA_FILE: Final = "report-v2.schema.json"


def report_schema() -> dict[str, Any]:
    """The JSON Schema of the ``thads-report`` v2 layout, as shipped inside the package."""
    text = resources.files("thads.count").joinpath(_SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


Unit = Literal["cases", "money"]
_UNITS: Final[tuple[Unit, Unit]] = ("cases", "money")


# --- writing ---------------------------------------------------------------------------


def _regime_dict(regime: Regime) -> dict[str, object]:
    return {
        "code": regime.code,
        "title": regime.title,
        "citation": regime.citation,
        "effective_from": regime.effective_from.isoformat(),
        "effective_to": None if regime.effective_to is None else regime.effective_to.isoformat(),
        "enforceable_grounds": sorted(regime.enforceable_grounds),
        "all_stays_enforceable": regime.all_stays_enforceable,
        "money_resolved_rows": sorted(regime.money_resolved_rows),
        "forms": [
            {
                "unit": form.unit,
                "by_executor": form.by_executor,
                "number": form.number,
                "title": form.title,
            }
            for form in regime.forms
        ],
        "report_due": [
            {"level": level, "rule": None if rule is None else list(rule)}
            for level, rule in regime.report_due
        ],
        "report_due_citation": regime.report_due_citation,
    }


def _builtin(code: str) -> Regime | None:
    try:
        return regime_by_code(code)
    except RuleNotAvailableError:
        return None


def _regime_keys(regimes: list[Regime]) -> dict[Regime, str]:
    """The key naming each regime in ``regimes``: its code when it is the built-in regime of
    that code (or a regime thads does not know), else ``code+N`` (its options differ)."""
    keys: dict[Regime, str] = {}
    variants: dict[str, int] = {}
    for regime in regimes:
        if regime in keys:
            continue
        builtin = _builtin(regime.code)
        if builtin is None or builtin == regime:
            keys[regime] = regime.code
        else:
            variants[regime.code] = variants.get(regime.code, 0) + 1
            keys[regime] = f"{regime.code}+{variants[regime.code]}"
    return keys


def _pair_dict(pair: TallyPair) -> dict[str, dict[str, int]]:
    return {"cases": pair.cases.as_dict(), "money": pair.money.as_dict()}


def _points(points: Points | None) -> str | None:
    return None if points is None else str(points.value)


def _rate_dict(row: ReportRow, unit: Unit, months: int) -> dict[str, object]:
    rate, before, target = row.rate(unit), row.previous_rate(unit), row.quota_target(unit)
    return {
        "enforceable": row.enforceable(unit),
        "resolved": row.resolved(unit),
        "exact": None if rate is None else f"{rate.numerator}/{rate.denominator}",
        "percent": None if rate is None else str(rate.percent),
        "previous_percent": None if before is None else str(before.percent),
        "points_vs_previous": _points(row.rate_change(unit)),
        "quota": None if target is None else str(target),
        "attainment": _points(row.quota_points(unit)),
        "progress": _points(row.progress(unit, months)),
        "needed": row.needed(unit),
    }


def row_identity(
    row: ReportRow, parent: str | None, regime_key: str | None = None
) -> dict[str, object]:
    """What names a report row in the written forms: code, name, level, depth, parent
    and the key of its regime (its code, unless ``regime_key`` is given)."""
    return {
        "code": row.code,
        "name": row.name,
        "level": level_name(row.level),
        "depth": row.depth,
        "parent": parent,
        "regime": row.regime.code if regime_key is None else regime_key,
    }


def parents(report: Report) -> list[str | None]:
    """The parent code of each row (None for the total), from the tree order and depths."""
    out: list[str | None] = []
    stack: list[str] = []
    for row in report.rows:
        del stack[row.depth :]
        out.append(stack[-1] if stack else None)
        stack.append(row.code)
    return out


def to_dict(report: Report) -> dict[str, object]:
    """The report as plain data (ints, strings, lists), layout ``thads-report`` v2."""
    keys = _regime_keys(
        [r for row in report.rows for r in (row.regime, row.previous_regime) if r is not None]
    )
    regimes = {key: _regime_dict(regime) for regime, key in keys.items()}
    rows = []
    for row, parent in zip(report.rows, parents(report), strict=True):
        rows.append(
            {
                **row_identity(row, parent, keys[row.regime]),
                "previous_regime": None
                if row.previous_regime is None
                else keys[row.previous_regime],
                "current": _pair_dict(row.current),
                "previous": None if row.previous is None else _pair_dict(row.previous),
                "quota": None
                if row.quota is None
                else {
                    "year": row.quota.year,
                    "office": row.quota.office,
                    "cases": str(row.quota.cases),
                    "money": str(row.quota.money),
                },
                "rates": {unit: _rate_dict(row, unit, report.period.months) for unit in _UNITS},
            }
        )
    return {
        "$schema": SCHEMA_ID,
        "format": FORMAT,
        "version": SCHEMA_VERSION,
        "period": {
            "year": report.period.year,
            "months": report.period.months,
            "start": report.period.start.isoformat(),
            "end": report.period.end.isoformat(),
            "label": report.period.label,
        },
        "by": report.by,
        "drawn_on": None if report.drawn_on is None else report.drawn_on.isoformat(),
        "read_rows": report.read_rows,
        "rejected_rows": report.rejected_rows,
        "regimes": regimes,
        "rows": rows,
    }


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """The report as JSON text (UTF-8, Vietnamese letters kept)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent)


# --- reading ---------------------------------------------------------------------------


class _Reader:
    """Field access with errors naming the record, the field and the reason."""

    def __init__(self, record: str, data: object) -> None:
        if not isinstance(data, Mapping):
            raise InvalidRecordError(record, "(whole)", f"expected an object, got {data!r}")
        self.record = record
        self.data: Mapping[str, Any] = data

    def get(self, field: str, kind: type | tuple[type, ...], *, optional: bool = False) -> Any:
        if field not in self.data:
            if optional:
                return None
            raise InvalidRecordError(self.record, field, "missing")
        value = self.data[field]
        if value is None and optional:
            return None
        if isinstance(value, bool) and kind is not bool and bool not in _as_tuple(kind):
            raise InvalidRecordError(self.record, field, f"expected {_names(kind)}, got {value!r}")
        if not isinstance(value, kind):
            raise InvalidRecordError(self.record, field, f"expected {_names(kind)}, got {value!r}")
        return value

    def day(self, field: str, *, optional: bool = False) -> date | None:
        text = self.get(field, str, optional=optional)
        if text is None:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise InvalidRecordError(
                self.record, field, f"not an ISO date (YYYY-MM-DD): {text!r}"
            ) from None


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _names(kind: type | tuple[type, ...]) -> str:
    return " or ".join(k.__name__ for k in _as_tuple(kind))


def _tally(record: str, data: object) -> Tally:
    reader = _Reader(record, data)
    rows = {name: reader.get(name, int) for name in Tally.PRIMITIVE}
    unknown = set(reader.data) - set(Tally.PRIMITIVE) - set(Tally.DERIVED)
    if unknown:
        raise InvalidRecordError(
            record,
            sorted(unknown)[0],
            f"unknown row; rows are: {', '.join(Tally.PRIMITIVE + Tally.DERIVED)}",
        )
    try:
        tally = Tally(**rows)
    except (ValueError, TypeError) as error:
        raise InvalidRecordError(record, "(rows)", str(error)) from None
    for name in Tally.DERIVED:
        if name in reader.data:
            written = reader.get(name, int)
            if written != getattr(tally, name):
                raise InvalidRecordError(
                    record,
                    name,
                    f"derived row is {written} but the primitive rows give {getattr(tally, name)}",
                )
    return tally


def _pair(record: str, data: object) -> TallyPair:
    reader = _Reader(record, data)
    return TallyPair(
        _tally(f"{record}.cases", reader.get("cases", dict)),
        _tally(f"{record}.money", reader.get("money", dict)),
    )


def _tampered(record: str, field: str, reason: str) -> InvalidRecordError:
    return InvalidRecordError(record, field, reason, code="report.tampered")


def _regime(record: str, data: object, key: str) -> Regime:
    regime = _regime_fields(record, data)
    builtin = _builtin(regime.code)
    if key != regime.code and not key.startswith(regime.code + "+"):
        raise _tampered(
            record,
            "code",
            f"regime {regime.code!r} is written under the key {key!r}; a "
            f"regime's key is its code, or its code and '+N' when its options differ",
        )
    if key == regime.code and builtin is not None and builtin != regime:
        raise _tampered(
            record,
            "code",
            f"{regime.code!r} is a regime of thads but these options are not its own; a regime "
            f"with other options is written under a key {regime.code + '+1'!r}",
        )
    return regime


def _regime_fields(record: str, data: object) -> Regime:
    reader = _Reader(record, data)
    try:
        return Regime(
            code=reader.get("code", str),
            title=reader.get("title", str),
            citation=reader.get("citation", str),
            effective_from=reader.day("effective_from"),  # type: ignore[arg-type]
            effective_to=reader.day("effective_to", optional=True),
            enforceable_grounds=frozenset(reader.get("enforceable_grounds", list)),
            all_stays_enforceable=reader.get("all_stays_enforceable", bool),
            money_resolved_rows=frozenset(reader.get("money_resolved_rows", list)),
            forms=tuple(
                _form(f"{record}.forms[{i}]", item)
                for i, item in enumerate(reader.get("forms", list))
            ),
            report_due=tuple(
                _due(f"{record}.report_due[{i}]", item)
                for i, item in enumerate(reader.get("report_due", list))
            ),
            report_due_citation=reader.get("report_due_citation", str),
        )
    except InvalidRecordError:
        raise
    except (ValueError, TypeError) as error:
        raise InvalidRecordError(record, "(regime)", str(error)) from None


def _due(record: str, data: object) -> tuple[str, DueRule | None]:
    reader = _Reader(record, data)
    level = reader.get("level", str)
    rule = reader.get("rule", list, optional=True)
    if rule is None:
        return level, None
    if (
        len(rule) != 2
        or rule[0] not in ("working_days", "before_day")
        or isinstance(rule[1], bool)
        or not isinstance(rule[1], int)
    ):
        raise InvalidRecordError(
            record, "rule", f"expected ['working_days' or 'before_day', a day count], got {rule!r}"
        )
    return level, (rule[0], rule[1])


def _form(record: str, data: object) -> Form:
    reader = _Reader(record, data)
    unit = reader.get("unit", str)
    if unit not in _UNITS:
        raise InvalidRecordError(record, "unit", f"unknown unit {unit!r}; accepted: cases, money")
    return Form(
        unit,
        reader.get("by_executor", bool),
        reader.get("number", str, optional=True),
        reader.get("title", str),
    )


def _level(record: str, text: str | None) -> OfficeLevel | None:
    if text is None:
        return None
    try:
        return OfficeLevel[text.upper()]
    except KeyError:
        accepted = ", ".join(sorted({m.lower() for m in OfficeLevel.__members__}))
        raise InvalidRecordError(
            record, "level", f"unknown level {text!r}; accepted: {accepted}"
        ) from None


def _quota(record: str, data: object) -> Quota:
    reader = _Reader(record, data)
    year, office = reader.get("year", int), reader.get("office", str, optional=True)
    targets: dict[str, Decimal] = {}
    for field in ("cases", "money"):
        text = reader.get(field, str)
        try:
            targets[field] = Decimal(text)
        except ArithmeticError:
            raise InvalidRecordError(
                record, field, f"not a percent such as '82.80': {text[:40]!r}"
            ) from None
    try:
        return Quota(year=year, cases=targets["cases"], money=targets["money"], office=office)
    except InvalidRecordError:
        raise
    except (ValueError, ArithmeticError, TypeError) as error:
        raise InvalidRecordError(record, "(quota)", str(error)) from None


def from_dict(
    data: Mapping[str, object], *, report_type: type[Report], row_type: type[ReportRow]
) -> Report:
    """Read a ``thads-report`` document (version 2) back to a :class:`Report`.

    Raises :class:`~thads.errors.InvalidRecordError` naming the row and field of
    anything missing, mistyped or inconsistent (a derived row or a parent that does
    not match the rows).
    """
    top = _Reader("report", data)
    written_schema = top.get("$schema", str, optional=True)
    if written_schema is not None and written_schema != SCHEMA_ID:
        raise InvalidRecordError(
            "report", "$schema", f"{written_schema!r} is not this layout's schema {SCHEMA_ID!r}"
        )
    if top.get("format", str) != FORMAT:
        raise InvalidRecordError("report", "format", f"expected {FORMAT!r}, got {data['format']!r}")
    version = top.get("version", int)
    if version != SCHEMA_VERSION:
        raise InvalidRecordError(
            "report",
            "version",
            f"version {version} cannot be read; this thads reads version {SCHEMA_VERSION}",
        )
    period_data = _Reader("report.period", top.get("period", dict))
    try:
        period = StatisticalPeriod(period_data.get("year", int), period_data.get("months", int))
    except (ValueError, ArithmeticError) as error:
        raise InvalidRecordError("report.period", "(period)", str(error)) from None
    for field, value in (("start", period.start), ("end", period.end)):
        written_day = period_data.day(field, optional=True)
        if written_day is not None and written_day != value:
            raise _tampered(
                "report.period", field, f"is {written_day} but the period gives {value}"
            )
    regimes_data = top.get("regimes", dict)
    regimes = {
        key: _regime(f"report.regimes[{key!r}]", value, key) for key, value in regimes_data.items()
    }

    def regime(record: str, code: str | None) -> Regime | None:
        if code is None:
            return None
        if code not in regimes:
            raise InvalidRecordError(
                record, "regime", f"regime {code!r} is not defined in 'regimes'"
            )
        return regimes[code]

    rows: list[ReportRow] = []
    for index, item in enumerate(top.get("rows", list)):
        record = f"report.rows[{index}]"
        row = _Reader(record, item)
        code = row.get("code", str)
        record = f"{record} ({code})"
        current_regime = regime(record, row.get("regime", str))
        assert current_regime is not None
        previous_data = row.get("previous", dict, optional=True)
        quota_data = row.get("quota", dict, optional=True)
        depth = row.get("depth", int)
        rows.append(
            row_type(
                code=code,
                name=row.get("name", str),
                level=_level(record, row.get("level", str, optional=True)),
                depth=depth,
                current=_pair(f"{record}.current", row.get("current", dict)),
                previous=None
                if previous_data is None
                else _pair(f"{record}.previous", previous_data),
                regime=current_regime,
                previous_regime=regime(record, row.get("previous_regime", str, optional=True)),
                quota=None if quota_data is None else _quota(f"{record}.quota", quota_data),
            )
        )
    if not rows:
        raise InvalidRecordError("report", "rows", "a report has at least its total row")
    for index, built in enumerate(rows):
        before = rows[index - 1].depth if index else -1
        if (index == 0) != (built.depth == 0) or built.depth > before + 1:
            raise InvalidRecordError(
                f"report.rows[{index}] ({built.code})",
                "depth",
                f"depth {built.depth} after depth {before}: the total alone has depth 0 and "
                "a row is at most one level below the row before it",
            )
    seen: set[str] = set()
    for index, built in enumerate(rows):
        if built.code in seen:
            raise _tampered(
                f"report.rows[{index}] ({built.code})", "code", "two rows have this code"
            )
        seen.add(built.code)
    read_rows = top.get("read_rows", int, optional=True)
    rejected_rows = top.get("rejected_rows", int, optional=True) or 0
    for field, count in (("read_rows", read_rows), ("rejected_rows", rejected_rows)):
        if count is not None and count < 0:
            raise InvalidRecordError("report", field, f"must not be negative, got {count}")
    if read_rows is not None and rejected_rows > read_rows:
        raise _tampered("report", "rejected_rows", f"{rejected_rows} is more than the rows read")
    report = report_type(
        period=period,
        by=top.get("by", str),
        rows=tuple(rows),
        drawn_on=top.day("drawn_on", optional=True),
        read_rows=read_rows,
        rejected_rows=rejected_rows,
    )
    for index, (parent, item) in enumerate(
        zip(parents(report), top.get("rows", list), strict=True)
    ):
        written = item.get("parent")
        if written != parent:
            raise InvalidRecordError(
                f"report.rows[{index}] ({report.rows[index].code})",
                "parent",
                f"is {written!r} but the depths put the row under {parent!r}",
            )
    _check_sums(report)
    for index, (built, item) in enumerate(zip(report.rows, top.get("rows", list), strict=True)):
        _check_rates(f"report.rows[{index}] ({built.code})", built, item, period.months)
    return report


def _check_rates(record: str, row: ReportRow, item: Mapping[str, object], months: int) -> None:
    """The written rates (derived figures) must be those of the row's counts."""
    written = item.get("rates")
    if written is None:
        return
    if not isinstance(written, Mapping):
        raise InvalidRecordError(record, "rates", f"expected an object, got {written!r}")
    unknown = set(written) - set(_UNITS)
    if unknown:
        raise InvalidRecordError(record, "rates", f"unknown unit {sorted(unknown)[0]!r}")
    for unit in _UNITS:
        given = written.get(unit)
        if given is None:
            continue
        if not isinstance(given, Mapping):
            raise InvalidRecordError(record, f"rates.{unit}", f"expected an object, got {given!r}")
        expected = _rate_dict(row, unit, months)
        for field, value in given.items():
            if field not in expected:
                raise InvalidRecordError(record, f"rates.{unit}.{field}", "unknown field")
            if value != expected[field]:
                raise _tampered(
                    record,
                    f"rates.{unit}.{field}",
                    f"is {value!r} but the row's counts give {expected[field]!r}",
                )


def _check_sums(report: Report) -> None:
    """Each parent holds at least the sum of its children, row by row (an office may also
    have cases of its own, so it can hold more, never less); the same period last year
    is given for every row or for none."""
    with_previous = {row.previous is not None for row in report.rows}
    if len(with_previous) > 1:
        raise InvalidRecordError(
            "report", "previous", "given for some rows and not others: all rows or none"
        )
    by_code = {row.code: row for row in report.rows}
    for member in ("current", "previous"):
        below: dict[str, list[int]] = {}
        for row, parent in zip(report.rows, parents(report), strict=True):
            pair = getattr(row, member)
            if parent is None or pair is None:
                continue
            total = below.setdefault(parent, [0] * len(_values(pair)))
            for i, value in enumerate(_values(pair)):
                total[i] += value
        for code, total in below.items():
            own = _values(getattr(by_code[code], member))
            if any(mine < theirs for mine, theirs in zip(own, total, strict=True)):
                raise _tampered(
                    f"report row {code}",
                    member,
                    "holds less than the sum of the rows below it: a parent's figures are "
                    "the sums of its children's",
                )
            if code == report.rows[0].code and own != total:
                raise _tampered(
                    f"report row {code}",
                    member,
                    "the total row holds more than the sum of the rows below it (a total has "
                    "no cases of its own)",
                )


def _values(pair: TallyPair) -> list[int]:
    return [*pair.cases.as_tuple(), *pair.money.as_tuple()]


def from_json(text: str | bytes, *, report_type: type[Report], row_type: type[ReportRow]) -> Report:
    """Read JSON text written by :func:`to_json` back to a :class:`Report`.

    For data already parsed (a dict), use :func:`from_dict`.
    """
    if not isinstance(text, (str, bytes, bytearray)):
        raise InvalidRecordError(
            "report",
            "(json)",
            f"from_json reads JSON text, not {type(text).__name__}; for parsed data use from_dict",
        )
    try:
        data = json.loads(text)
    except RecursionError:
        raise InvalidRecordError(
            "report", "(json)", "nested too deeply to be a report (arrays or objects in depth)"
        ) from None
    except ValueError as error:  # JSONDecodeError, or bytes that are not UTF-8
        raise InvalidRecordError("report", "(json)", f"not JSON: {error}") from None
    return from_dict(data, report_type=report_type, row_type=row_type)


__all__ = [
    "FORMAT",
    "SCHEMA_ID",
    "SCHEMA_VERSION",
    "from_dict",
    "from_json",
    "parents",
    "report_schema",
    "row_identity",
    "to_dict",
    "to_json",
]
