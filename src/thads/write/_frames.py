"""Reports as data frames (bảng dữ liệu) for pandas, polars and BI tools.

Two shapes:

- wide (:func:`records`, :func:`to_pandas`, :func:`to_polars`): one row per group of a
  report (office, executor...), one column per row of both tallies (``cases_new``,
  ``money_resolved``...), the rates (tỷ lệ) as exact strings (``"10289/12411"``),
  as rounded percents (``"82.90"``) and, for plotting, as floats (``82.9026...``);
- long (:func:`long_records`, :func:`frame`): one line per (period, office, unit, row)
  with its whole-number value, for pivot tables and BI tools.

Counts and money stay integers (đồng). pandas and polars are optional extras
(``thads[pandas]``, ``thads[polars]``), imported only when a frame is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final, Literal

from thads.count import Report, ReportRow, parents, row_identity
from thads.errors import InvalidRecordError, MissingExtraError
from thads.records import level_name
from thads.rules import Unit
from thads.values import Points, Rate, StatisticalPeriod, Tally

ROWS: Final[tuple[str, ...]] = Tally.PRIMITIVE + Tally.DERIVED
"""The tally rows, primitive then derived, as they appear in the columns."""
UNITS: Final[tuple[str, str]] = ("cases", "money")
_UNITS: Final[tuple[Unit, Unit]] = ("cases", "money")
LONG_COLUMNS: Final[tuple[str, ...]] = (
    "period",
    "office",
    "level",
    "parent",
    "unit",
    "row",
    "value",
)
"""Columns of the long form, in order."""

Backend = Literal["pandas", "polars"]


def _rate_columns(prefix: str, rate: Rate | None) -> dict[str, object]:
    return {
        f"{prefix}_exact": None if rate is None else f"{rate.numerator}/{rate.denominator}",
        f"{prefix}_percent": None if rate is None else str(rate.percent),
        f"{prefix}_float": None if rate is None else float(rate.exact_percent),
    }


def _wide(row: ReportRow, parent: str | None, period: StatisticalPeriod) -> dict[str, object]:
    out: dict[str, object] = {"period": period.label, **row_identity(row, parent)}
    for unit in _UNITS:
        for name, value in _row_values(row, unit).items():
            out[f"{unit}_{name}"] = value
    out.update(_rate_columns("case_rate", row.rate("cases")))
    out.update(_rate_columns("money_rate", row.rate("money")))
    for unit in _UNITS:
        target = row.quota_target(unit)
        out[f"quota_{unit}"] = None if target is None else str(target)
        out[f"quota_points_{unit}"] = _points(row.quota_points(unit))
        out[f"progress_points_{unit}"] = _points(row.progress(unit, period.months))
        out[f"needed_{unit}"] = row.needed(unit)
        out.update(_rate_columns(f"previous_rate_{unit}", row.previous_rate(unit)))
        out[f"rate_change_points_{unit}"] = _points(row.rate_change(unit))
    return out


def _row_values(row: ReportRow, unit: Unit) -> dict[str, int]:
    """The tally rows of ``unit`` in :data:`ROWS` order, with enforceable and resolved as
    the row's regime counts them (the terms of its rate), as every output prints them."""
    tally: Tally = row.tally(unit)
    figures = row.figures(unit)
    return {name: figures[name] if name in figures else getattr(tally, name) for name in ROWS}


def _points(points: Points | None) -> str | None:
    return None if points is None else str(points.value)


def records(report: Report) -> list[dict[str, object]]:
    """The wide form as plain dicts: one per report row, in tree order (total first)."""
    return [
        _wide(row, parent, report.period)
        for row, parent in zip(report.rows, parents(report), strict=True)
    ]


def _reports(reports: Report | Iterable[Report] | Mapping[Any, Report]) -> list[Report]:
    if isinstance(reports, Report):
        return [reports]
    items = list(reports.values()) if isinstance(reports, Mapping) else list(reports)
    for index, item in enumerate(items):
        if not isinstance(item, Report):
            raise InvalidRecordError(
                f"reports[{index}]", "(item)", f"expected a thads Report, got {type(item).__name__}"
            )
    return items


def long_records(
    reports: Report | Iterable[Report] | Mapping[Any, Report],
) -> list[dict[str, object]]:
    """The long form as plain dicts: (period, office, level, parent, unit, row, value).

    ``reports`` is one report, several, or the mapping :func:`thads.reports` returns.
    ``period`` is the Vietnamese label (``"9 tháng năm 2023"``); ``value`` is a count of
    cases or whole đồng.
    """
    out: list[dict[str, object]] = []
    for report in _reports(reports):
        for row, parent in zip(report.rows, parents(report), strict=True):
            level = level_name(row.level)
            for unit in _UNITS:
                for name, value in _row_values(row, unit).items():
                    out.append(
                        {
                            "period": report.period.label,
                            "office": row.code,
                            "level": level,
                            "parent": parent,
                            "unit": unit,
                            "row": name,
                            "value": value,
                        }
                    )
    return out


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("pandas", "pandas", "a pandas data frame") from None
    return pandas


def _polars() -> Any:
    try:
        import polars
    except ImportError:
        raise MissingExtraError("polars", "polars", "a polars data frame") from None
    return polars


def _polars_type(polars: Any, name: str) -> Any:
    if name.endswith("_float"):
        return polars.Float64
    counted = name.startswith(("cases_", "money_")) and not name.startswith("money_rate")
    if counted or name in ("depth", "value") or name.startswith("needed_"):
        return polars.Int64
    return polars.Utf8


def _polars_frame(rows: list[dict[str, object]], names: Iterable[str]) -> Any:
    polars = _polars()
    columns = {name: [row[name] for row in rows] for name in names}
    schema = {name: _polars_type(polars, name) for name in columns}
    return polars.DataFrame(columns, schema=schema)


def to_pandas(report: Report) -> Any:
    """The wide form as a ``pandas.DataFrame`` (needs ``thads[pandas]``)."""
    return _pandas().DataFrame.from_records(records(report))


def to_polars(report: Report) -> Any:
    """The wide form as a ``polars.DataFrame`` (needs ``thads[polars]``)."""
    rows = records(report)
    return _polars_frame(rows, rows[0])


def frame(
    reports: Report | Iterable[Report] | Mapping[Any, Report],
    *,
    backend: Backend = "pandas",
) -> Any:
    """The long form (period, office, level, parent, unit, row, value) as a data frame.

    ``backend`` is ``"pandas"`` (``thads[pandas]``) or ``"polars"`` (``thads[polars]``).
    """
    rows = long_records(reports)
    if backend == "pandas":
        return _pandas().DataFrame.from_records(rows, columns=list(LONG_COLUMNS))
    if backend == "polars":
        return _polars_frame(rows, LONG_COLUMNS)
    raise InvalidRecordError("frame", "backend", f"unknown backend {backend!r}; use pandas, polars")


__all__ = [
    "LONG_COLUMNS",
    "ROWS",
    "UNITS",
    "frame",
    "long_records",
    "records",
    "to_pandas",
    "to_polars",
]
