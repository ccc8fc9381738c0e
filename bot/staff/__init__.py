"""Staff review: a separate, login-protected web app over the stored conversations."""
