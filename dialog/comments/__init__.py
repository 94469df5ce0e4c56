"""The comment engine, built on django-comments-xtd (whose internals only `xtd` touches)."""
