"""factlint review: the Textual TUI (imported only by `factlint review`)."""
