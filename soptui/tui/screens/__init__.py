"""The screens of the editor: library, editor, help, export."""
