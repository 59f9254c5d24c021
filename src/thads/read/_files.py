"""Office and quota files (tệp đơn vị, tệp chỉ tiêu): :func:`read_offices`, :func:`read_quotas`."""

from __future__ import annotations

from thads.errors import InvalidRecordError
from thads.read._decode import field_text, short
from thads.read._headings import ColumnMap
from thads.read._rows import PathLike
from thads.read._sources import mapped_rows
from thads.records import OFFICE_COLUMNS, OFFICE_OPTIONAL, OfficeTree, read_office_rows
from thads.values import Quota


def read_offices(
    path: PathLike,
    *,
    base: OfficeTree | None = None,
    encoding: str | None = None,
    columns: ColumnMap = None,
) -> OfficeTree:
    """Read the office tree (cây đơn vị) from CSV/JSONL: code, name, level[, parent, start,
    end, successor] (or their Vietnamese headings); ``base`` (e.g.
    thads.offices.province_tree()) supplies offices it refers to; ``encoding`` and
    ``columns`` as in :func:`read_cases`."""
    rows = list(mapped_rows(path, OFFICE_COLUMNS, OFFICE_OPTIONAL, encoding, columns))
    return read_office_rows(rows, base=base)


def read_quotas(
    path: PathLike, *, encoding: str | None = None, columns: ColumnMap = None
) -> list[Quota]:
    """Read quotas (chỉ tiêu) from CSV/JSONL with columns year, cases, money and optional
    office (or their Vietnamese headings); ``encoding`` and ``columns`` as in
    :func:`read_cases`."""
    quotas = []
    seen: dict[tuple[int, str | None], str] = {}
    for record, row in mapped_rows(
        path, ("year", "cases", "money"), ("office",), encoding, columns
    ):
        year_text = field_text(row["year"], record, "year")
        if not (year_text.isascii() and year_text.isdigit()) or len(year_text) > 4:
            raise InvalidRecordError(
                record, "year", f"{short(year_text)} is not a year", code="quota.year"
            )
        targets = {f: field_text(row[f], record, f) for f in ("cases", "money")}
        for field, text in targets.items():
            if text.strip().lstrip("+-").lower() in ("nan", "snan", "inf", "infinity"):
                raise InvalidRecordError(
                    record,
                    field,
                    f"{short(text)} is not a percent (a number from 0 to 100)",
                    code="quota.target",
                )
        try:
            quotas.append(
                Quota(
                    year=int(year_text),
                    cases=targets["cases"],
                    money=targets["money"],
                    office=field_text(row["office"], record, "office", required=False) or None,
                )
            )
        except InvalidRecordError as error:
            raise InvalidRecordError(record, error.field, error.reason, code=error.code) from None
        except ArithmeticError:  # decimal's signals, e.g. for a value it cannot hold
            raise InvalidRecordError(
                record,
                "cases, money",
                "is not a percent (a number from 0 to 100)",
                code="quota.target",
            ) from None
        key = (quotas[-1].year, quotas[-1].office)
        if key in seen:
            raise InvalidRecordError(
                record,
                "office",
                f"a second quota of year {key[0]} for {key[1] or 'all offices'} "
                f"(the first is at {seen[key]}): one quota per year and office",
                code="quota.duplicate",
            )
        seen[key] = record
    return quotas
