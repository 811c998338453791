"""Schema, only through recorded migrations. Never edit a migration that has run: add one."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("rectification_ledger")

_INITIAL = """
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE rounds (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, started_on TEXT, note TEXT DEFAULT ''
);
CREATE TABLE units (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, key TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]', contact TEXT DEFAULT '', phone TEXT DEFAULT ''
);
CREATE INDEX units_key ON units(key);
CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, file TEXT NOT NULL, sheet TEXT,
    header_rows TEXT, template_key TEXT, imported_at TEXT NOT NULL, summary TEXT
);
CREATE TABLE problems (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES rounds(id),
    code TEXT NOT NULL,
    seq INTEGER,
    title TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    target TEXT NOT NULL DEFAULT '',
    lead_units TEXT NOT NULL DEFAULT '[]',
    responsible_units TEXT NOT NULL DEFAULT '[]',
    supervisor TEXT NOT NULL DEFAULT '',
    responsible_person TEXT NOT NULL DEFAULT '',
    deadline TEXT, deadline_kind TEXT NOT NULL DEFAULT 'unknown',
    deadline_text TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'pending', status_text TEXT NOT NULL DEFAULT '',
    progress TEXT NOT NULL DEFAULT '',
    percent REAL,
    closed_on TEXT, closure_doc TEXT NOT NULL DEFAULT '',
    flagged INTEGER NOT NULL DEFAULT 0, flag_leader TEXT NOT NULL DEFAULT '',
    extra TEXT NOT NULL DEFAULT '{}',
    source_file TEXT, source_sheet TEXT, source_row INTEGER,
    batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
    UNIQUE (round_id, code)
);
CREATE INDEX problems_status ON problems(status);
CREATE INDEX problems_deadline ON problems(deadline);
CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    content TEXT NOT NULL DEFAULT '',
    deadline TEXT, deadline_kind TEXT NOT NULL DEFAULT 'unknown',
    deadline_text TEXT NOT NULL DEFAULT '',
    lead_units TEXT NOT NULL DEFAULT '[]', responsible_units TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'pending', status_text TEXT NOT NULL DEFAULT '',
    source_row INTEGER,
    UNIQUE (problem_id, seq)
);
CREATE TABLE progress_reports (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    measure_id INTEGER REFERENCES measures(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    status TEXT, status_text TEXT NOT NULL DEFAULT '',
    percent REAL,
    difficulties TEXT NOT NULL DEFAULT '', next_steps TEXT NOT NULL DEFAULT '',
    reporter TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    reported_on TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'manual', source_file TEXT,
    batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX progress_problem_period ON progress_reports(problem_id, period);
CREATE TABLE petitions (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    round_id INTEGER REFERENCES rounds(id),
    seq INTEGER,
    received_on TEXT, content TEXT NOT NULL DEFAULT '',
    district TEXT NOT NULL DEFAULT '', pollution_types TEXT NOT NULL DEFAULT '[]',
    verified TEXT, verified_text TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'in_progress', status_text TEXT NOT NULL DEFAULT '',
    responsible_units TEXT NOT NULL DEFAULT '[]',
    extra TEXT NOT NULL DEFAULT '{}',
    source_file TEXT, source_sheet TEXT, source_row INTEGER,
    batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE accountability (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER REFERENCES problems(id) ON DELETE SET NULL,
    petition_id INTEGER REFERENCES petitions(id) ON DELETE SET NULL,
    unit TEXT NOT NULL DEFAULT '', person TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT '', decided_on TEXT, note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE chronicle (
    id INTEGER PRIMARY KEY, happened_on TEXT NOT NULL, kind TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL, content TEXT NOT NULL DEFAULT ''
);
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    path TEXT NOT NULL, title TEXT NOT NULL DEFAULT '', added_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
);
CREATE TABLE mapping_templates (
    key TEXT PRIMARY KEY, mapping TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE undo_steps (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'done'
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES undo_steps(id) ON DELETE CASCADE,
    table_name TEXT NOT NULL, row_id INTEGER NOT NULL,
    action TEXT NOT NULL, before TEXT, after TEXT, fields TEXT, at TEXT NOT NULL
);
CREATE INDEX audit_step ON audit(step_id);
CREATE INDEX audit_row ON audit(table_name, row_id);
"""


@MIGRATIONS(name="0001_initial")
def initial(db: Database) -> None:
    for statement in _INITIAL.split(";"):
        if statement.strip():
            db.execute(statement)


def schema_version(db: Database) -> int:
    return len(MIGRATIONS.applied(db))


def latest_version() -> int:
    return len(MIGRATIONS._migrations)


@MIGRATIONS(name="0002_unit_reports")
def unit_reports(db: Database) -> None:
    """Groups of units (各乡镇人民政府 …) with their members; each unit's report kept beside the
    county's merged progress (progress_reports.source = 'merged')."""
    db.execute("ALTER TABLE units ADD COLUMN is_group INTEGER")  # NULL: judged by the name
    db.execute("ALTER TABLE units ADD COLUMN members TEXT NOT NULL DEFAULT '[]'")
    db.execute("CREATE INDEX progress_problem_unit ON progress_reports(problem_id, period, unit)")


@MIGRATIONS(name="0003_step_author")
def step_author(db: Database) -> None:
    """Who made each recorded step: the problem dialog's history names them."""
    db.execute("ALTER TABLE undo_steps ADD COLUMN author TEXT NOT NULL DEFAULT ''")


@MIGRATIONS(name="0004_completed_on")
def completed_on(db: Database) -> None:
    """The actual completion date (实际完成时间), beside the planned deadline."""
    db.execute("ALTER TABLE problems ADD COLUMN completed_on TEXT")


_SUPERVISION = """
CREATE TABLE closure_steps (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, happened_on TEXT NOT NULL,
    person TEXT NOT NULL DEFAULT '', finding TEXT NOT NULL DEFAULT '',
    passed INTEGER, doc TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE INDEX closure_steps_problem ON closure_steps(problem_id, happened_on);
CREATE TABLE flags (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    level TEXT NOT NULL, leader TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',
    since TEXT NOT NULL, until TEXT, lifted_on TEXT, lift_note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE INDEX flags_problem ON flags(problem_id);
ALTER TABLE problems ADD COLUMN closure_stage TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN measure_id INTEGER REFERENCES measures(id) ON DELETE SET NULL;
ALTER TABLE evidence ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN file_name TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN size INTEGER;
ALTER TABLE evidence ADD COLUMN pages INTEGER;
ALTER TABLE evidence ADD COLUMN dated TEXT;
ALTER TABLE chronicle ADD COLUMN source TEXT NOT NULL DEFAULT 'manual';
ALTER TABLE chronicle ADD COLUMN ref TEXT NOT NULL DEFAULT '';
ALTER TABLE accountability ADD COLUMN recorded_at TEXT
"""


@MIGRATIONS(name="0005_supervision")
def supervision(db: Database) -> None:
    """Closure steps and flags keyed to the problem; evidence files content-addressed."""
    for statement in _SUPERVISION.split(";"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0007_exchange")
def exchange(db: Database) -> None:
    """Exchange packages: each carried row's field versions (desktop/exchange/versions.py), the
    registers packages came from, and the last package made per scope (round / unit)."""
    db.execute("CREATE TABLE exchange_versions (id INTEGER PRIMARY KEY, item TEXT NOT NULL UNIQUE,"
               " versions TEXT NOT NULL DEFAULT '{}')")
    db.execute("CREATE TABLE exchange_partners (id INTEGER PRIMARY KEY,"
               " register_id TEXT NOT NULL UNIQUE, name TEXT NOT NULL DEFAULT '',"
               " packages INTEGER NOT NULL DEFAULT 0, last_package_at TEXT, last_merged_at TEXT)")
    db.execute("CREATE TABLE exchange_exports (id INTEGER PRIMARY KEY, scope TEXT NOT NULL UNIQUE,"
               " exported_at TEXT NOT NULL, last_audit_id INTEGER NOT NULL DEFAULT 0)")


@MIGRATIONS(name="0010_merged_edited")
def merged_edited(db: Database) -> None:
    """When the clerk reworded a merged progress by hand (NULL: built from the units' reports):
    collecting again and changing the merge rule keep such a version. The few problems with an
    actual completion date indexed (the register view asks whether any has one)."""
    db.execute("ALTER TABLE progress_reports ADD COLUMN edited_at TEXT")
    db.execute("CREATE INDEX problems_completed ON problems(completed_on)"
               " WHERE completed_on IS NOT NULL AND completed_on != ''")
