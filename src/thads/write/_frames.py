"""Tables and reports as data frames (bảng dữ liệu) for pandas, polars and BI tools.

Any :class:`~thads.write.Table` becomes a frame with numeric columns
(:func:`frame_records`, :func:`table_frame`): counts and money as integers (đồng),
percents, targets and points as floats of their two-place values, and each rate as
three columns: ``<name>_percent`` (the published percent, rounded half-up, a float)
and its exact terms ``<name>_numerator`` and ``<name>_denominator`` (integers).

Two shapes of a report:

- wide (:func:`records`, :func:`to_pandas`, :func:`to_polars`): one row per group of a
  report (office, executor...), one column per row of both tallies (``cases_new``,
  ``money_resolved``...), the rates, quota targets, points and the planner's figures;
- long (:func:`long_records`, :func:`frame`): one line per (period, office, unit, row)
  with its whole-number value, for pivot tables and BI tools.

pandas and polars are optional extras (``thads[pandas]``, ``thads[polars]``), imported
only when a frame is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, Literal

from thads.count import Report, ReportRow, parents
from thads.errors import InvalidRecordError, MissingExtraError
from thads.records import level_name
from thads.rules import Unit
from thads.values import Points, Rate, Tally
from thads.write._table import Cell, Column, Kind, Table

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
_INT64: Final = (-(2**63), 2**63 - 1)

# the kind of each frame column: "int", "float", "text" or "date"
_Shape = Literal["int", "float", "text", "date"]


def _expand(column: Column) -> list[tuple[str, _Shape]]:
    kind: Kind = column.kind
    if kind == "rate":
        return [
            (f"{column.name}_percent", "float"),
            (f"{column.name}_numerator", "int"),
            (f"{column.name}_denominator", "int"),
        ]
    shape: _Shape = (
        "int"
        if kind in ("count", "money")
        else "float"
        if kind in ("percent", "points", "number")
        else "date"
        if kind == "date"
        else "text"
    )
    return [(column.name, shape)]


def _values(value: Cell, kind: Kind) -> list[object]:
    if kind == "rate":
        if isinstance(value, Rate):
            return [value.percent, value.numerator, value.denominator]
        return [None, None, None]
    if isinstance(value, Points):
        return [value.value]
    return [value]


def frame_columns(table: Table) -> list[str]:
    """The names of the frame columns of ``table`` (a rate gives three, see the module)."""
    return [name for column in table.columns for name, _ in _expand(column)]


def frame_records(table: Table) -> list[dict[str, object]]:
    """The rows as plain dicts under :func:`frame_columns`, exact: ints, ``Decimal``
    percents and points, ``Fraction`` numbers, ``date`` days, ``str`` text, None."""
    names = frame_columns(table)
    out = []
    for row in table.rows:
        values: list[object] = []
        for column, value in zip(table.columns, row, strict=True):
            values += _values(value, column.kind)
        out.append(dict(zip(names, values, strict=True)))
    return out


def _shapes(table: Table) -> dict[str, _Shape]:
    return {name: shape for column in table.columns for name, shape in _expand(column)}


def _float(value: object) -> float | None:
    if value is None:
        return None
    assert isinstance(value, int | Decimal | Fraction)
    return float(value)


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


def _fits_int64(values: list[object]) -> bool:
    return all(v is None or _INT64[0] <= v <= _INT64[1] for v in values)  # type: ignore[operator]


def _pandas_frame(columns: dict[str, list[object]], shapes: dict[str, _Shape]) -> Any:
    pandas = _pandas()
    series = {}
    for name, values in columns.items():
        shape = shapes[name]
        if shape == "int" and _fits_int64(values):
            dtype = "Int64" if any(v is None for v in values) else "int64"
            series[name] = pandas.Series(values, dtype=dtype)
        elif shape == "int":  # beyond int64: exact Python ints
            series[name] = pandas.Series(values, dtype=object)
        elif shape == "float":
            series[name] = pandas.Series([_float(v) for v in values], dtype="float64")
        elif shape == "date":
            # seconds, not nanoseconds: every day from 0001-01-01 to 9999-12-31 fits
            series[name] = pandas.Series(values, dtype="datetime64[s]")
        else:
            series[name] = pandas.Series(values)
    return pandas.DataFrame(series, columns=list(columns))


def _polars_frame(columns: dict[str, list[object]], shapes: dict[str, _Shape]) -> Any:
    polars = _polars()
    schema = {}
    data: dict[str, list[object]] = {}
    for name, values in columns.items():
        shape = shapes[name]
        if shape == "int" and _fits_int64(values):
            schema[name], data[name] = polars.Int64, values
        elif shape == "int":
            schema[name], data[name] = polars.Object, values
        elif shape == "float":
            schema[name], data[name] = polars.Float64, [_float(v) for v in values]
        elif shape == "date":
            schema[name], data[name] = polars.Date, values
        else:
            schema[name], data[name] = polars.Utf8, values
    return polars.DataFrame(data, schema=schema)


def table_frame(table: Table, *, backend: Backend = "pandas") -> Any:
    """``table`` as a pandas or polars data frame with typed, numeric columns.

    Counts and money are int64 (pandas ``Int64`` when a cell is empty; exact Python
    ints in an object column beyond int64); percents, targets and points float64 of
    their two-place values; a rate as ``_percent`` (float64), ``_numerator`` and
    ``_denominator`` (int64, exact); days as dates (pandas ``datetime64[s]``, polars
    ``Date``); text as text.
    """
    records = frame_records(table)
    names = frame_columns(table)
    columns = {name: [record[name] for record in records] for name in names}
    if backend == "pandas":
        return _pandas_frame(columns, _shapes(table))
    if backend == "polars":
        return _polars_frame(columns, _shapes(table))
    raise InvalidRecordError(
        "frame", "backend", f"unknown backend {backend!r}; use pandas, polars",
        code="value.unknown",
    )  # fmt: skip


def wide_table(report: Report) -> Table:
    """The wide form of ``report`` as a :class:`~thads.write.Table`: identity, both
    tallies, the rates, and per unit the quota target, its points, the progress, the
    planner's figure, the same-period rate and its change."""
    columns = [
        Column("period", "Kỳ"),
        Column("code", "Mã"),
        Column("name", "Đơn vị"),
        Column("level", "Cấp"),
        Column("depth", "Độ sâu", "count"),
        Column("parent", "Đơn vị cấp trên"),
        Column("regime", "Chế độ"),
        *(
            Column(f"{unit}_{name}", "", "count" if unit == "cases" else "money")
            for unit in _UNITS
            for name in ROWS
        ),
        Column("case_rate", "", "rate"),
        Column("money_rate", "", "rate"),
    ]
    for unit in _UNITS:
        figure: Kind = "count" if unit == "cases" else "money"
        columns += [
            Column(f"quota_{unit}", "", "percent"),
            Column(f"quota_points_{unit}", "", "points"),
            Column(f"progress_points_{unit}", "", "points"),
            Column(f"needed_{unit}", "", figure),
            Column(f"previous_rate_{unit}", "", "rate"),
            Column(f"rate_change_points_{unit}", "", "points"),
        ]
    rows = []
    for row, parent in zip(report.rows, parents(report), strict=True):
        cells: list[Cell] = [
            report.period.label,
            row.code,
            row.name,
            level_name(row.level),
            row.depth,
            parent,
            row.regime.code,
        ]
        for unit in _UNITS:
            cells += list(_row_values(row, unit).values())
        cells += [row.rate("cases"), row.rate("money")]
        for unit in _UNITS:
            cells += [
                row.quota_target(unit),
                row.quota_points(unit),
                row.progress(unit, report.period.months),
                row.needed(unit),
                row.previous_rate(unit),
                row.rate_change(unit),
            ]
        rows.append(cells)
    return Table(columns, rows, depths=[row.depth for row in report.rows])


def _row_values(row: ReportRow, unit: Unit) -> dict[str, int]:
    """The tally rows of ``unit`` in :data:`ROWS` order, with enforceable and resolved as
    the row's regime counts them (the terms of its rate), as every output prints them."""
    tally: Tally = row.tally(unit)
    figures = row.figures(unit)
    return {name: figures[name] if name in figures else getattr(tally, name) for name in ROWS}


def records(report: Report) -> list[dict[str, object]]:
    """The wide form as plain dicts, one per report row in tree order (total first).

    Values are exact: ints for counts, money (đồng) and the terms of each rate,
    ``Decimal`` for percents (``case_rate_percent``), targets and points.
    """
    return frame_records(wide_table(report))


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


def long_table(reports: Report | Iterable[Report] | Mapping[Any, Report]) -> Table:
    """The long form as a :class:`~thads.write.Table` (columns :data:`LONG_COLUMNS`)."""
    rows: list[list[Cell]] = []
    for report in _reports(reports):
        for row, parent in zip(report.rows, parents(report), strict=True):
            level = level_name(row.level)
            for unit in _UNITS:
                for name, value in _row_values(row, unit).items():
                    rows.append([report.period.label, row.code, level, parent, unit, name, value])
    columns = [Column(name) for name in LONG_COLUMNS[:-1]] + [Column("value", "", "count")]
    return Table(columns, rows)


def long_records(
    reports: Report | Iterable[Report] | Mapping[Any, Report],
) -> list[dict[str, object]]:
    """The long form as plain dicts: (period, office, level, parent, unit, row, value).

    ``reports`` is one report, several, or the mapping :func:`thads.reports` returns.
    ``period`` is the Vietnamese label (``"9 tháng năm 2023"``); ``value`` is a count of
    cases or whole đồng.
    """
    return frame_records(long_table(reports))


def to_pandas(report: Report) -> Any:
    """The wide form as a ``pandas.DataFrame`` (needs ``thads[pandas]``)."""
    return table_frame(wide_table(report), backend="pandas")


def to_polars(report: Report) -> Any:
    """The wide form as a ``polars.DataFrame`` (needs ``thads[polars]``)."""
    return table_frame(wide_table(report), backend="polars")


def frame(
    reports: Report | Iterable[Report] | Mapping[Any, Report],
    *,
    backend: Backend = "pandas",
) -> Any:
    """The long form (period, office, level, parent, unit, row, value) as a data frame.

    ``backend`` is ``"pandas"`` (``thads[pandas]``) or ``"polars"`` (``thads[polars]``).
    """
    if backend not in ("pandas", "polars"):
        raise InvalidRecordError(
            "frame", "backend", f"unknown backend {backend!r}; use pandas, polars",
            code="value.unknown",
        )  # fmt: skip
    return table_frame(long_table(reports), backend=backend)


__all__ = [
    "LONG_COLUMNS",
    "ROWS",
    "UNITS",
    "frame",
    "frame_columns",
    "frame_records",
    "long_records",
    "long_table",
    "records",
    "table_frame",
    "to_pandas",
    "to_polars",
    "wide_table",
]
