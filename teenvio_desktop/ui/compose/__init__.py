"""The composer area: editors, live preview, Teenvio options, checks and sending."""
