"""Everything PySide6: the window, views, dialogs, operations, workers, printing."""
