"""Widgets of the editor: forms, list editors, the flowchart preview."""
