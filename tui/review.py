"""The review session without widgets: decisions on findings, saved at once, with undo.

The app calls `Review.set_status`, `Review.set_note` and `Review.undo`; each writes the
decisions file (checker/decisions.py: locked, merged with what is on disk, replaced
atomically) before it returns, so quitting, a crash or Ctrl+C never loses a decision.
"""

from __future__ import annotations

from dataclasses import dataclass

from factlint.checker.decisions import DecisionStore, make_decision, migrate
from factlint.checker.model import Decision, Finding, Status

from factlint.tui.rows import FindingIndex


@dataclass(frozen=True)
class Change:
    """One saved change as it can be undone: the finding and its decision before."""

    finding_id: str
    before: Decision | None


class Review:
    """A report under review: the index, the decisions store and the undo history."""

    def __init__(self, index: FindingIndex, store: DecisionStore) -> None:
        self.index = index
        self.store = store
        self.history: list[Change] = []
        migrate(store, index.report.findings)  # saved with the first decision
        for row in index.rows:
            show(row.finding, store.get(row.finding.id))

    def finding(self, finding_id: str) -> Finding:
        return self.index.by_id[finding_id].finding

    def set_status(self, finding_id: str, status: Status, note: str | None = None) -> bool:
        """Confirm, dismiss or reopen a finding (with `note`, also set its note) and save it.

        False when nothing changed. Reopening removes the decision (an open finding has
        no entry in the file), and with it the note.
        """
        f = self.finding(finding_id)
        note = f.note if note is None else note.strip() or None
        if status == f.status and note == f.note:
            return False
        decision = None if status == "open" else make_decision(f, self.index.report, status, note)
        self._save(f, decision)
        return True

    def set_note(self, finding_id: str, note: str) -> bool:
        """Set (an empty `note` removes) the note of a decided finding and save it."""
        f = self.finding(finding_id)
        if f.status == "open":
            raise ValueError("confirm or dismiss a finding before adding a note")
        return self.set_status(finding_id, f.status, note or "")

    def undo(self) -> str | None:
        """Put back the decision changed last; its finding's id, or None with nothing to undo."""
        if not self.history:
            return None
        change = self.history[-1]
        self._save(self.finding(change.finding_id), change.before, remember=False)
        self.history.pop()
        return change.finding_id

    def _save(self, f: Finding, decision: Decision | None, remember: bool = True) -> None:
        before = self.store.set(f.id, decision)
        try:
            self.store.save()
        except Exception:
            # Nothing was written: forget the change so the screen keeps showing the file.
            self.store.pending.pop(f.id, None)
            if before is None:
                self.store.decisions.pop(f.id, None)
            else:
                self.store.decisions[f.id] = before
            raise
        if remember:
            self.history.append(Change(f.id, before))
        show(f, decision)
        self.sync()

    def sync(self) -> list[str]:
        """Show what the decisions file holds now (saving re-reads it: another writer, such as
        `factlint decide`, may have changed it); the ids of the findings that changed."""
        changed = []
        for row in self.index.rows:
            f = row.finding
            d = self.store.get(f.id)
            if (f.status, f.note) != ((d.status, d.note) if d else ("open", None)):
                show(f, d)
                changed.append(f.id)
        return changed


def show(f: Finding, decision: Decision | None) -> None:
    """Carry a stored decision onto the finding the screens show."""
    f.status = decision.status if decision else "open"
    f.note = decision.note if decision else None
    f.decided_by = decision.by if decision else None
    f.decided_at = decision.at if decision else None
