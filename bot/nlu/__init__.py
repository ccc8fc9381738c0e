"""Custom Rasa graph components (risk detection) and the crisis dialogue policy."""
