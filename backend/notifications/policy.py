"""What "maybe delivered" means for each kind of notification.

A channel can fail after its request went out (Telegram answered nothing within the timeout,
the connection dropped while waiting, the sender died mid-send): the message may be in the
chat or not. Sending it again risks a duplicate, not sending it risks a loss; which is worse
depends on the kind:

- a notice (a status update, a reminder, an escalation, the digest, the calendar alarm)
  is not sent again: a reporter told twice that the case was signed for, or a clerk reminded
  twice, is confused or nagged, while a lost notice is made up for (`/status`, the next
  reminder, tomorrow's digest). Its row is marked `unconfirmed` and logged.
- the rating question (回访, `follow_up`) is sent again: the reporter can answer it only with
  its buttons, and a repeated question with the same buttons does no harm.

Dialog replies follow the same rule in the chat channels (`Outbound.resend_when_unsure`):
only the receipt of a filed case (its number and the one-time PIN, shown once) is sent again.
"""

from __future__ import annotations

RESENT_WHEN_UNSURE = frozenset({"follow_up"})


def resend_when_unsure(kind: str) -> bool:
    """Return whether a notification of this kind is sent again when it may have arrived."""
    return kind in RESENT_WHEN_UNSURE
