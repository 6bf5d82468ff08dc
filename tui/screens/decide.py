"""The decision keys, shared by every screen that shows one finding at a time."""

from __future__ import annotations

from textual.binding import Binding

DECISION_BINDINGS = [
    Binding("c", "decide('confirmed')", "Confirm", id="confirm",
            tooltip="A real discrepancy, known: confirm it (saved at once)"),
    Binding("d", "decide('dismissed')", "Dismiss", id="dismiss",
            tooltip="Not a discrepancy: dismiss it (saved at once)"),
    Binding("C", "decide_with_note('confirmed')", "Confirm+note", show=False, id="confirm-with-note",
            tooltip="Confirm and write a note"),
    Binding("D", "decide_with_note('dismissed')", "Dismiss+note", show=False, id="dismiss-with-note",
            tooltip="Dismiss and write a note"),
    Binding("r", "decide('open')", "Reopen", id="reopen", tooltip="Reopen: remove the decision"),
    Binding("n", "note", "Note", id="note", tooltip="Add or edit the note of a decided finding"),
    Binding("u,ctrl+z", "undo", "Undo", id="undo", tooltip="Undo the last decision (saved at once)"),
    Binding("v", "view_document", "Article", id="view-document",
            tooltip="Show the whole article with its claims marked"),
]


class DecisionKeys:
    """Mixin for a Screen: decision actions on `current_finding_id()`, hidden where they do not apply."""

    def current_finding_id(self) -> str | None:
        raise NotImplementedError

    def on_resize(self, event) -> None:
        """Below 90 columns the footer drops its palette hint so the decision keys and quit fit (F1 lists ^p)."""
        from textual.widgets import Footer

        for footer in self.query(Footer):
            footer.show_command_palette = event.size.width >= 90

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        review = getattr(self.app, "review", None)
        if action == "undo":
            return bool(review and review.history)
        if action not in ("decide", "decide_with_note", "note", "view_document"):
            return True
        fid = self.current_finding_id()
        if review is None or fid is None:
            return False
        status = review.finding(fid).status
        if action in ("decide", "decide_with_note"):
            return parameters[0] != status or action == "decide_with_note"
        if action == "note":
            return status != "open"
        return True

    def action_decide(self, status: str) -> None:
        if (fid := self.current_finding_id()) is not None:
            self.app.decide(fid, status)

    def action_decide_with_note(self, status: str) -> None:
        if (fid := self.current_finding_id()) is not None:
            self.app.edit_note(fid, status)

    def action_note(self) -> None:
        if (fid := self.current_finding_id()) is not None:
            self.app.edit_note(fid)

    def action_undo(self) -> None:
        self.app.undo()

    def action_view_document(self) -> None:
        if (fid := self.current_finding_id()) is not None:
            self.app.open_document_for(fid, self.current_claim_id())

    def current_claim_id(self) -> str | None:
        return None
