"""Form data for admin pages, as a browser would send it."""

# The "Kommentare" switches every commentable model's admin gets from its registration.
SWITCHES = "dialog-commentoptions-content_type-object_pk"


def switches(closed=False, note=""):
    data = {
        f"{SWITCHES}-TOTAL_FORMS": "1",
        f"{SWITCHES}-INITIAL_FORMS": "0",
        f"{SWITCHES}-MIN_NUM_FORMS": "0",
        f"{SWITCHES}-MAX_NUM_FORMS": "1",
        f"{SWITCHES}-0-closed_note": note,
    }
    if closed:
        data[f"{SWITCHES}-0-closed"] = "on"
    return data


def goal_form_extras(goal=None):
    """The goal form's provenance fields and its lineage and indicator inlines, untouched."""
    data = {
        "horizon_provenance": getattr(goal, "horizon_provenance", "amtlich"),
        "target_provenance": getattr(goal, "target_provenance", "amtlich"),
        "ministry_provenance": getattr(goal, "ministry_provenance", "amtlich"),
        "ending_reason": getattr(goal, "ending_reason", ""),
    }
    for prefix in ("lineage_back", "indicators"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data
