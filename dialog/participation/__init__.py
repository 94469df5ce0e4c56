"""The participation part: phases, themes, events and what they show (no comment internals)."""
