"""Indicators with their measurements, and assessments of goals (models and charts)."""
