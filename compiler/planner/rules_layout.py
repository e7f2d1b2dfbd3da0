"""Planner rules for layouts (steps, table, grid, cards, comparison, sequence) and the transform/move operations."""

from __future__ import annotations

RULES: list = []
