"""Mail alerts for visitors without an account (issue 13).

Direction of imports: content apps (goals, dialog, blog) import the small
public API of this app (`alerts.registry`) from their AppConfig.ready() and
register what can be followed and where the day's events come from (see
goals/alerts.py, dialog/alerts.py, blog/alerts.py). `alerts` itself imports no
content app, so like `common/` it may be imported by any of them, and dialog
still imports neither goals nor blog.

A topic is a string key ("goal:12", "news"); the registered label function
turns it into the German name shown in forms and mails, so a visitor can never
make us mail a text of their own choosing.
"""
