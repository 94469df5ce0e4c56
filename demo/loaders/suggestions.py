"""Example wording suggestions (demo/data/dialog/suggestions.csv), marked as examples: in
the 2021 online phase on 2019 paragraphs, one adopted into the 2.0 paragraph that continues
its paragraph and one not adopted with its reason; one in the running phase on 2.0.
Runs after the text and dialog loaders."""

from demo.loaders.dialog import demo_comment
from demo.loaders.ideas import _key
from dialog.comments import decisions
from dialog.models import Phase
from goals.models import Paragraph
from goals.suggestions import workflow
from goals.suggestions.models import Suggestion, SuggestionSupport

from .datafiles import moment, table


def _paragraph(name: str) -> Paragraph:
    version, number, order = name.split(":")
    return Paragraph.objects.get(
        chapter__version__slug=version, chapter__number=number, order=int(order)
    )


def load(report) -> None:
    for row in table("dialog/suggestions.csv"):
        paragraph = _paragraph(row["paragraph"])
        label = f"Formulierungsvorschlag von {row['name']} zu {row['paragraph']}"
        if Suggestion.objects.filter(paragraph=paragraph, name=row["name"]).exists():
            report.record(label, False)
            continue
        published = moment(row["published"])
        suggestion = Suggestion.objects.create(
            paragraph=paragraph,
            phase=Phase.objects.get(slug=row["phase"]),
            original=workflow.plain_text(paragraph),
            text=row["text"],
            reason=row["reason"],
            name=row["name"],
            email=f"{row['name'].lower()}@example.org",
            status=Suggestion.Status.PUBLISHED,
            is_example=True,
            token_hash=_key("suggestion", row["paragraph"], row["name"]),
            confirmed_at=published,
            published_at=published,
        )
        Suggestion.objects.filter(pk=suggestion.pk).update(created_at=published)
        SuggestionSupport.objects.bulk_create(
            SuggestionSupport(
                suggestion=suggestion,
                address_hash=_key("suggestion-supporter", suggestion.pk, n),
                token_hash=_key("suggestion-support", suggestion.pk, n),
                confirmed_at=published,
            )
            for n in range(int(row["supports"]))
        )
        if row["comment"]:
            demo_comment(suggestion, row["comment_name"], row["comment"], published)
        if row["outcome"]:
            result = ""
            if row["adopted_into"]:
                target = _paragraph(row["adopted_into"])
                result = decisions.result_value(target)
                Suggestion.objects.filter(pk=suggestion.pk).update(applied_at=published)
            decisions.decide(
                [suggestion], row["outcome"], row["answer"], None, result, notify=False
            )
        report.record(label, True)
