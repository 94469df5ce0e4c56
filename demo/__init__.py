"""Demo content for `make run`: loaders and their data, outside the production apps.

`manage.py load_demo` runs the loaders in demo/report.py's order; data lives in
demo/data/ as files in the editors' formats (CSV for the goal import, text for
the strategy text), loaded where possible through the code editors use.
"""
