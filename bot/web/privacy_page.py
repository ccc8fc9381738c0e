"""The short privacy page the chat links to (issue #16): how long chats are kept and who to
ask, from the deployment file (`retention_days`, `privacy_contact`). The full notice is the
deploying organisation's, drafted in docs/privacy-notice.md."""
from __future__ import annotations

from html import escape

from signposting.deployment import Deployment


def privacy_html(deployment: Deployment) -> str:
    name = escape(deployment.branding.service_name)
    return f"""<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>Privacy - {name}</title>
  <link rel="stylesheet" href="/static/list.css">
</head>
<body>
<main>
<h1>Your privacy</h1>
<p>You don't need to tell us who you are. Please don't type your name, address or phone number.
If you do, the chat tries to take them out before anything is saved.</p>
<p>We keep what you typed, with those details taken out, and the answers you chose, so that staff
can check the chat is helping. We delete chats after {deployment.retention_days} days.</p>
<p>Your chat stays in your browser only until you close the tab. "Leave this site" clears it.</p>
<h2>Questions, or to ask us to delete your chat</h2>
<p>{escape(deployment.privacy_contact)}</p>
</main>
</body>
</html>"""
