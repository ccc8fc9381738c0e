"""The chatbot's own code: settings, custom NLU/policy components, the web app and the run command."""
