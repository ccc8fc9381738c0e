"""The web app: serves the chat page and passes messages to Rasa's REST channel."""
