"""Supporting an idea: the shared support rules (goals.contributions.support) for ideas."""

from ..contributions.support import Supports
from .models import IdeaDecision, IdeaSupport

supports = Supports(IdeaSupport, "idea", "ideas.support", IdeaDecision)

request = supports.request
lookup = supports.lookup
confirm = supports.confirm
withdraw = supports.withdraw
purge_unconfirmed = supports.purge_unconfirmed
count = supports.count
