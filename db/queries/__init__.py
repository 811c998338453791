"""The register's read queries for the window: filtered and sorted lists, counts, details.

Screens never run SQL; they call these. Filtering and sorting happen in SQL so a list of
thousands of problems answers each keystroke in a few milliseconds.
"""

from db.queries.assessed import ensure_assessed, refresh_assessments  # noqa: F401, E402
from db.queries.history import problem_history  # noqa: F401, E402
from db.queries.periods import report_periods  # noqa: F401, E402
from db.queries.petitions import (  # noqa: F401
    PETITION_STATUS_LABELS,
    VERIFIED_LABELS,
    PetitionFilter,
    petition_choices,
    petition_counts,
    petition_list,
)
from db.queries.problems import (  # noqa: F401
    BUCKET_LABELS,
    FILTER_BUCKETS,
    SORT_KEYS,
    ProblemFilter,
    code_taken,
    filter_choices,
    measures_of,
    problem_detail,
    problem_ids,
    problem_list,
    problem_rows_by_id,
)
from db.queries.rounds import rounds_without_feedback_date  # noqa: F401, E402
from db.queries.steps import StepTouch, step_touch, undo_redo_state  # noqa: F401, E402
