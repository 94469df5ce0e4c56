"""Prioritäten setzen: a phase asks which fields of action matter most.

ballot.py (choices, submission, confirmation, results), models.py, forms.py, views.py
(the ballot page, its confirm link and its part of the phase's results page). It lives
in goals because a ballot names fields of action, and dialog knows no content app.
"""
