"""The clocks and caps of the hand-offs (issue 12): dispatch, return, extension, urgent cases."""
