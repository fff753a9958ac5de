"""The dialogs: start, complaint, status, rating, clerk and dishonesty record."""
