"""Cross-cutting helpers any app may import: public-form CSRF, rate limits, staff
group names, spreadsheet-cell neutralising, mail, time zone.

This package imports nothing from the project's apps, so every app can depend
on it without creating a cycle.
"""
