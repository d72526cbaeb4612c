"""The caisse's side: the registry of procurations and the counter's check."""
