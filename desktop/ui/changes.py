"""What an operation changed, so each view refreshes only what it shows (Anki's OpChanges)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    problem_ids: frozenset[int] = field(default_factory=frozenset)  # rows edited in place
    problems: bool = False    # problems added or removed, or too many to list: re-run the lists
    progress: bool = False    # progress reports added or removed
    petitions: bool = False
    register: bool = False    # another register was opened or restored: everything
    supervision: bool = False  # closure steps, flags, evidence, accountability or chronicle
    message: str = ""         # for the status bar

    @property
    def any_problem(self) -> bool:
        return bool(self.problem_ids) or self.problems or self.progress or self.register

    @property
    def any_petition(self) -> bool:
        return self.petitions or self.register

    @classmethod
    def everything(cls, message: str = "") -> Changes:
        return cls(problems=True, progress=True, petitions=True, register=True, supervision=True,
                   message=message)
