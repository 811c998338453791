"""Build-time helpers for build.spec (PyInstaller): version resource, run-time hook. Not shipped."""
