"""The public pages (公示): what the district publishes, open to everyone without sign-in."""
