"""A problem found in the catalog: where it is, what rule it breaks, what to do."""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, positioned at a 1-based line and column of a file.

    Problems sort by file, then position, so reports read top to bottom; two problems are the
    same only when they say the same thing at the same spot.
    """

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str | None = field(default=None, compare=False)
    severity: str = field(default=ERROR, compare=False)

    def text(self) -> str:
        """The compiler-style line: ``path:line:col: error[code]: message; hint``."""
        tail = f"; {self.hint}" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: {self.severity}[{self.code}]: {self.message}{tail}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }
