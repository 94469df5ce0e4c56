"""Supporting an idea: the shared support rules (goals.contributions.support) for ideas."""

from ..contributions.support import Supports
from .models import IdeaDecision, IdeaSupport

supports = Supports(IdeaSupport, "idea", "ideas.support", IdeaDecision)
