"""A local, faithful emulator of the Teenvio SMTP-API and the TEA Lite REST API. Qt-free."""
