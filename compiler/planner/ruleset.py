"""The planner's rules, in the order they run on each sentence.

Earlier rules see a sentence first: references to earlier scenes, operations on the row of boxes on screen
(by the cells' numbers) and on the plot on screen, then titles, charts, layouts and formulas, then the general components, and last the
fallbacks that only run when nothing else drew anything for the sentence.
"""

from __future__ import annotations

from . import (rules, rules_array, rules_charts, rules_circuit, rules_drawing, rules_formula, rules_geometry, rules_graph, rules_layout, rules_message_chart, rules_number_line, rules_physics,
               rules_plot_ops, rules_recall, rules_vector_plane, rules_wave)
from .beats import Beat
from .context import Context, Rule
from .extract import Extracted


def _only_if_nothing(rule: Rule) -> Rule:
    def wrapped(ex: Extracted, ctx: Context, i: int) -> list[Beat]:
        if any(b.detail_index == i and b.source == ex.sentence for b in ctx.beats):
            return []
        return rule(ex, ctx, i)
    wrapped.__name__ = rule.__name__
    return wrapped


RULES: tuple[Rule, ...] = (
    rules.rule_clear, rules_recall.rule_recall, rules_array.rule_array, rules_graph.rule_graph,
    rules_vector_plane.rule_vector_plane, rules_geometry.rule_geometry,
    rules_physics.rule_physics, rules_message_chart.rule_message_chart,
    rules_circuit.rule_circuit, rules_number_line.rule_number_line, rules_wave.rule_wave,
    rules_plot_ops.rule_plot_ops, rules.rule_text_update,
    rules_formula.rule_formula_target, rules_formula.rule_formula_labels, rules.rule_highlight, rules.rule_title,
    *rules_charts.RULES, *rules_layout.RULES, rules_array.rule_array_on_new_row, rules_formula.rule_derivation, rules.rule_bare_formula, rules.rule_equation,
    rules.rule_code, rules.rule_matrix, rules.rule_network, rules.rule_flow, rules.rule_icon, rules_drawing.rule_drawing,
    rules.rule_bullets,
    rules.rule_animate_previous, rules.rule_text_fallback,
    _only_if_nothing(rules.rule_note), _only_if_nothing(rules.rule_noun_phrase))
