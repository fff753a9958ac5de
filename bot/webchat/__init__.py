"""The web chat (/chat): the citizen dialogs in a browser, for networks without Telegram."""
