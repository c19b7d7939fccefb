"""Emitters: the resolved catalog (JSON) and, later, other outputs built from a Resolution."""
