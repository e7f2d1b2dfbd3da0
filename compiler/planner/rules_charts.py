"""Planner rules for charts and plots (plot, scatter, bar_chart, heatmap)."""

from __future__ import annotations

RULES: list = []
