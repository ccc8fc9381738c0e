"""The services directory: models, seed loader, gazetteer and the ranked service query."""
