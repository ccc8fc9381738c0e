"""Rasa action server: triage form validation and the service search."""
