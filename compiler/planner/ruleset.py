"""The planner's rules, in the order they run on each sentence.

Earlier rules see a sentence first: references to earlier scenes, operations on the row of boxes on screen
(by the cells' numbers) and on the plot on screen, then titles, charts, layouts and formulas, then the general components, and last the
fallbacks that only run when nothing else drew anything for the sentence.
"""

from __future__ import annotations

from . import (rules_array, rules_bar_chart, rules_cards, rules_charges, rules_circuit, rules_code, rules_comparison, rules_contour, rules_control_points, rules_curve_shape,
               rules_drawing, rules_equation, rules_flow, rules_formula, rules_gas, rules_geometry, rules_graph, rules_grid, rules_icon,
               rules_message_chart, rules_lens, rules_network, rules_orbit, rules_pendulum, rules_number_line, rules_optics, rules_physics, rules_plot, rules_plot_marks,
               rules_recall, rules_scene, rules_sequence, rules_stack, rules_states, rules_steps, rules_table, rules_text, rules_transform,
               rules_vector_plane, rules_wave)
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
    rules_scene.rule_clear, rules_stack.rule_stack, rules_message_chart.rule_box_messages, rules_text.rule_list_block, rules_recall.rule_recall, rules_array.rule_array, rules_states.rule_states, rules_graph.rule_graph,
    rules_vector_plane.rule_vector_plane, rules_contour.rule_contour, rules_physics.rule_vector_sum, rules_lens.rule_lens, rules_pendulum.rule_pendulum, rules_gas.rule_gas, rules_charges.rule_charges, rules_orbit.rule_orbit,
    rules_geometry.rule_geometry, rules_optics.rule_optics, rules_physics.rule_spring, rules_physics.rule_physics, rules_message_chart.rule_message_chart,
    rules_circuit.rule_circuit, rules_number_line.rule_number_line, rules_wave.rule_wave,
    rules_plot.rule_axis_labels, rules_curve_shape.rule_shaped_curve, rules_curve_shape.rule_curve_through_points, rules_curve_shape.rule_feature_labels,
    rules_control_points.rule_control_points, rules_plot_marks.rule_plot_ops, rules_equation.rule_matrix_labels, rules_scene.rule_text_update, rules_text.rule_panel,
    rules_scene.rule_arrow_between, rules_formula.rule_formula_target, rules_formula.rule_formula_labels,
    rules_grid.rule_computed_cells, rules_scene.rule_highlight,
    rules_scene.rule_title,
    rules_bar_chart.rule_heatmap, rules_bar_chart.rule_bar_chart, rules_plot.rule_scatter, rules_plot.rule_plot,
    rules_sequence.rule_timeline, rules_transform.rule_transform, rules_transform.rule_move, rules_steps.rule_steps,
    rules_table.rule_table, rules_array.rule_cells_array, rules_grid.rule_grid, rules_cards.rule_cards, rules_comparison.rule_comparison,
    rules_sequence.rule_sequence,
    rules_array.rule_array_on_new_row, rules_formula.rule_derivation, rules_equation.rule_bare_formula,
    rules_equation.rule_equation, rules_code.rule_code, rules_equation.rule_matrix, rules_network.rule_network,
    rules_flow.rule_flow, rules_icon.rule_icon, rules_drawing.rule_drawing,
    rules_text.rule_counter, rules_text.rule_bullets,
    rules_scene.rule_animate_previous, rules_text.rule_text_fallback,
    _only_if_nothing(rules_text.rule_note), _only_if_nothing(rules_text.rule_noun_phrase))
