"""What the clerk said about a template, remembered: its kind, its column mapping, its round.

The mapping and the round are kept under the template's key (its kind and header words), as the
window has always kept them. The kind is kept under the header words alone, so that a sheet the
clerk once said is a petition ledger (or a problem ledger) reads as one next time without being
told. Header rows the clerk named (the import dialog's 表头行) are kept with the sheet's name and
template, and tried on the next file whose header the search cannot find or finds elsewhere. The
clerk's own words this time (--kind, --map, the header rows) come first."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlite_utils import Database

from db.templates import load_template, save_template
from desktop.ledger.errors import LedgerRefused
from desktop.ledger.reading.clerk_map import header_named, resolve_map
from desktop.ledger.reading.ledger import LedgerReading, Progress, read_ledger
from desktop.ledger.reading.vocabulary import header_key

HEADER_MAPS, MAPS_KEPT = "header_maps", 30   # maps that found a header row the search could not
HEADER_ROWS = "header_rows"       # header rows the clerk named for a template, tried again next time


def kind_key(reading: LedgerReading) -> str:
    words = "|".join(header_key(c.header) for c in reading.columns)
    return "kind:" + hashlib.sha1(words.encode()).hexdigest()[:16]


def remembered_reading(db: Database, path: str | Path, *, sheet: str | None = None,
                       header: tuple[int, int] | None = None, kind: str | None = None,
                       column_map: str | None = None,
                       progress: Progress | None = None) -> tuple[LedgerReading, dict]:
    """Read the ledger as the clerk says (kind, "表头=字段" pairs) or as remembered for its
    template. A sheet whose header the search cannot find is read from the row holding the
    headers the map names. Raises LedgerRefused for a header or field the map names that is not
    there."""
    try:
        reading = read_ledger(path, sheet=sheet, header=header, kind=kind, progress=progress)
    except LedgerRefused:
        if header is not None:
            raise
        reading = (_read_by_header_map(db, path, sheet, kind, column_map, progress)
                   or _read_by_header_rows(db, path, sheet, kind, progress))
        if reading is None:
            raise
        column_map = reading.header_map
    else:
        if header is None and not column_map:
            reading = _read_by_header_rows(db, path, sheet, kind, progress, found=reading) \
                or reading
    if kind is None:
        said = (load_template(db, kind_key(reading)) or {}).get("kind")
        if said in ("problems", "petitions") and said != reading.kind:
            try:
                reading = read_ledger(path, sheet=reading.sheet, kind=said, progress=progress)
            except LedgerRefused:
                pass     # the sheet no longer reads as that kind: keep what was found
    saved = load_template(db, reading.template_key) or {}
    mapping = dict(saved.get("mapping") or {})
    if column_map:
        mapping.update(resolve_map(column_map, reading.kind, reading.columns, reading.sheet))
    if mapping and (column_map or reading.layout.doubt or mapping != reading.layout.mapping()):
        reading.apply_mapping(mapping)
    return reading, saved


def _read_by_header_map(db: Database, path, sheet: str | None, kind: str | None,
                        column_map: str | None,
                        progress: Progress | None) -> LedgerReading | None:
    """A sheet whose header the search cannot find, read from the row holding the headers the
    clerk's map names, or a map remembered for such a template (the same header words again);
    None when neither finds it."""
    said = [(column_map, None)] if column_map else [
        (m["map"], m["template"]) for m in (load_template(db, HEADER_MAPS) or {}).get("maps", [])]
    for text, template in said:
        named = header_named(path, sheet, text)
        if named is None:
            continue
        try:
            reading = read_ledger(path, sheet=named[0], header=(named[1], 1), kind=kind,
                                  progress=progress)
        except LedgerRefused:
            if template is None:
                raise
            continue
        if template is None or reading.template_key == template:
            reading.header_map = text
            return reading
    return None


def _read_by_header_rows(db: Database, path, sheet: str | None, kind: str | None,
                         progress: Progress | None,
                         found: LedgerReading | None = None) -> LedgerReading | None:
    """The sheet read from the header rows the clerk once named for its template, when the
    search finds no header (`found` None) or another one than the clerk named (`found`, read
    with another template's header words); None when no remembered rows read as their template.
    Only rows named on a sheet of the same name are tried."""
    name = found.sheet if found else sheet
    for entry in (load_template(db, HEADER_ROWS) or {}).get("rows", []):
        if name is not None and entry["sheet"] != name:
            continue
        if found and (found.template_key == entry["template"] or
                      [found.header_rows[0], len(found.header_rows)] == entry["header"]):
            continue     # the search found that template, or those very rows
        try:
            reading = read_ledger(path, sheet=entry["sheet"], header=tuple(entry["header"]),
                                  kind=kind, progress=progress)
        except LedgerRefused:
            continue
        if reading.template_key == entry["template"]:
            reading.header_chosen = False       # found by what was remembered, not said now
            return reading
    return None


def remember(db: Database, reading: LedgerReading, round_name: str | None) -> None:
    """Keep the choices of a committed import for the next file of the same template; a map that
    found the header row is kept too, tried on sheets whose header the search cannot find."""
    save_template(db, reading.template_key, {"mapping": reading.layout.mapping(),
                                             "round": round_name, "sheet": reading.sheet})
    if reading.layout.by_hand or reading.kind_chosen:
        save_template(db, kind_key(reading), {"kind": reading.kind})
    if reading.header_chosen and not reading.header_map:
        _keep_first(db, HEADER_ROWS, "rows", {
            "sheet": reading.sheet, "template": reading.template_key,
            "header": [reading.header_rows[0], len(reading.header_rows)]})
    if reading.header_map:
        _keep_first(db, HEADER_MAPS, "maps",
                    {"map": reading.header_map, "template": reading.template_key})


def _keep_first(db: Database, key: str, name: str, entry: dict) -> None:
    """The entry first in the list kept under `key`, replacing its template's older one; the
    newest MAPS_KEPT are kept."""
    kept = [e for e in (load_template(db, key) or {}).get(name, [])
            if e["template"] != entry["template"]]
    save_template(db, key, {name: [entry, *kept][:MAPS_KEPT]})
