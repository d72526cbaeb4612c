"""One module per screen, named after it; each builds controls from the AppState."""
