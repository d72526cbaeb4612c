"""Domain core of « Procuration en ligne »: models, rules, store and services (no flet here)."""
