"""The Flet app of « Procuration en ligne »: screens that render shared/ state."""
