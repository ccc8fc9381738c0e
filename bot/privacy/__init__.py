"""Finding and removing personal details in what users type (see redactor.py)."""
