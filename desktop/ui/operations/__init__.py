"""Small operations the clerk's actions run on the writer thread; each returns what changed."""
