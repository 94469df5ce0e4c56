from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "goals"
    verbose_name = "Strategie und Ziele"

    def ready(self):
        from common import page_shows, revisions

        from . import alerts, comments, dialog_links
        from .ideas import own_data as own_ideas
        from .ideas import registration as ideas
        from .priorities import own_data as own_ballots
        from .priorities import views as priorities
        from .suggestions import own_data as own_suggestions
        from .suggestions import registration as suggestions
        from .text import commenting as text_commenting
        from .text import reading

        comments.connect()
        comments.register_decision_results()
        comments.register_statement_targets()
        text_commenting.connect()
        dialog_links.connect()
        alerts.connect()
        priorities.connect()
        ideas.connect()
        suggestions.connect()
        own_ballots.register()
        own_ideas.register()
        own_suggestions.register()
        # Revisions compare long texts word by word, as the strategy's versions are.
        revisions.register_text_difference(reading.word_diff)
        # What the strategy, goal, dashboard, indicator and result pages show (the page
        # cache renews on their changes); a ballot counts once it is confirmed.
        page_shows.shows(
            "goals.strategyversion",
            "goals.chapter",
            "goals.paragraph",
            "goals.fieldofaction",
            "goals.goal",
            "goals.statusreport",
            "goals.goalverdict",
            "goals.lineage",
            "goals.indicator",
            "goals.measurement",
            "goals.assessment",
        )
        # A paragraph's page and its chapter's show the same text, comments and counts.
        page_shows.part_of("goals.paragraph", "chapter")
        # A ballot counts on a page once confirmed and once its phase shows results.
        page_shows.shows("goals.priorityballot", when=_ballot_shown)


def _ballot_shown(ballot_row) -> bool:
    from .priorities import ballot

    return ballot_row.confirmed_at is not None and ballot.results_visible(ballot_row.phase)
