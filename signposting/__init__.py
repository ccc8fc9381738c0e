"""What every part of the bot shares, with no Rasa, web or database imports.

The layers (docs/architecture.md; tests/test_layering.py fails on an import against them):

    signposting   settings, vocabularies (areas, concerns, roles), answer parsers, the risk
                  detector's lexicon and decision, language detection
    services_db   the services directory: models, seed data, places, ranked query      → signposting
    actions       the Rasa action server: the triage form and the search               → services_db, signposting
    bot           the runtime: Rasa components and policies, web widget, staff app,
                  privacy, run and train                                               → all of them
"""
