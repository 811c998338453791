"""The monthly sheet as data and charts as matplotlib Figures (no Qt, never pyplot)."""
