"""Supporting a wording suggestion: the shared support rules (goals.contributions.support)."""

from ..contributions.support import Supports
from .models import SuggestionDecision, SuggestionSupport

supports = Supports(SuggestionSupport, "suggestion", "suggestions.support", SuggestionDecision)
