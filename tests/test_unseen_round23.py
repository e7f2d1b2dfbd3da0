"""Round 23 (fresh hold-out storyboards): state diagrams — named states joined by labelled arrows both ways and
arrows from a state back to itself; named points on axes, the polygon joining them and the Bézier curve they
control."""

from __future__ import annotations

from compiler import dryrun
from compiler.models import Storyboard
from compiler.plan import plan_storyboard
from compiler.planner.rules_control_points import bezier, named_points

from .conftest import dry_run_visuals as _dry_run
from .conftest import planned_scene as planned
from .conftest import scene

THEME = {"text": "#FFFFFF", "accent": "#58C4DD", "background": "#0F0F1A", "font": "DejaVu Sans", "roles": {}}

MARKOV = ('1. Draw two large circles: left at (-3, 0) labeled "Sunny", right at (3, 0) labeled "Rainy".\n'
          '2. Draw a self-loop on top of Sunny labeled "0.8".\n'
          '3. Draw a curved arrow from Sunny to Rainy (upper arc) labeled "0.2".\n'
          '4. Draw a curved arrow from Rainy to Sunny (lower arc) labeled "0.4".\n'
          '5. Draw a self-loop on top of Rainy labeled "0.6".\n'
          '6. At the bottom write "Each arrow: probability of tomorrow given today".')


def test_a_state_diagram_is_one_graph_with_its_loops_and_arrows_both_ways():
    beats, notes = planned(MARKOV)
    (g,) = [b for b in beats if b.kind == "graph"]
    assert g.params["directed"] is True
    assert g.params["nodes"] == [{"id": "Sunny", "at": [-3, 0], "shape": "circle"},
                                 {"id": "Rainy", "at": [3, 0], "shape": "circle"}]
    assert g.params["edges"] == [
        {"from": "Sunny", "to": "Sunny", "label": 0.8, "side": "up"}, {"from": "Sunny", "to": "Rainy", "label": 0.2},
        {"from": "Rainy", "to": "Sunny", "label": 0.4}, {"from": "Rainy", "to": "Rainy", "label": 0.6, "side": "up"}]
    # before: two circles both named "Sunny", "Rainy" and the loops' labels as loose text, the arrows joined nothing
    assert not [b for b in beats if b.kind in ("drawing", "text") and b.strings[0] in ("Rainy", "0.8", "0.6")]
    assert not [n for n in notes if "loop" in n]


def test_arrows_and_loops_written_in_a_list_take_their_labels_and_sides():
    beats, _ = planned('1. Draw three states as circles: "A" at (-3, 0), "B" at (0, 2), "C" at (3, 0).\n'
                       '2. Arrows: "A" → "B" 0.5, "B" → "C" 0.3, C → A with probability 1; a self-loop on A labeled '
                       '0.5 and a loop below B (0.7).')
    (g,) = [b for b in beats if b.kind == "graph"]
    assert g.params["edges"] == [
        {"from": "A", "to": "B", "label": 0.5}, {"from": "B", "to": "C", "label": 0.3}, {"from": "C", "to": "A", "label": 1},
        {"from": "A", "to": "A", "label": 0.5}, {"from": "B", "to": "B", "label": 0.7, "side": "down"}]
    beats, _ = planned('1. Draw two nodes "Healthy" and "Sick" side by side.\n'
                       '2. Draw an arrow from Healthy to Sick labeled "0.1" and an arrow from Sick back to Healthy '
                       'labeled "0.5".\n'
                       '3. Add loops: Healthy stays Healthy with probability 0.9, shown as a loop above Healthy labeled '
                       '"0.9"; a loop above Sick labeled "0.5".')
    (g,) = [b for b in beats if b.kind == "graph"]
    assert [(e["from"], e["to"], e.get("label")) for e in g.params["edges"]] == [
        ("Healthy", "Sick", 0.1), ("Sick", "Healthy", 0.5), ("Healthy", "Healthy", 0.9), ("Sick", "Sick", 0.5)]


def test_names_in_a_progression_or_a_cycle_of_formulas_are_not_a_state_diagram():
    # states of a message chart written as "->" progressions; a cycle of derivatives; one arrow between two shapes
    for details in ('Draw two vertical timelines "Client" and "Server". State labels down the sides: client: "CLOSED" -> '
                    '"SYN-SENT" -> "ESTABLISHED"; server: "LISTEN" -> "SYN-RECEIVED" -> "ESTABLISHED".',
                    'Draw a tiny green dot labeled "seed" on the left and a large circle labeled "tree" on the right, '
                    'with an arrow from seed to tree labeled "years".'):
        beats, _ = planned(details)
        assert not [b for b in beats if b.rule.startswith("graph:states")], details


def test_loops_and_arcs_both_ways_are_drawn_apart_with_their_labels_outside():
    from manim import ArcBetweenPoints

    from compiler.runtime.components import graph

    mob = graph.build(THEME, nodes=[{"id": "Sunny", "at": [-3, 0], "shape": "circle"},
                                    {"id": "Rainy", "at": [3, 0], "shape": "circle"}], directed=True,
                      edges=[{"from": "Sunny", "to": "Sunny", "label": "0.8"}, {"from": "Sunny", "to": "Rainy", "label": "0.2"},
                             {"from": "Rainy", "to": "Sunny", "label": "0.4"},
                             {"from": "Rainy", "to": "Rainy", "label": "0.6", "side": "down"}])
    edges = mob.graph.edges
    assert set(edges) == {("Sunny", "Sunny"), ("Sunny", "Rainy"), ("Rainy", "Sunny"), ("Rainy", "Rainy")}
    sunny, rainy = mob.vmobs["Sunny"], mob.vmobs["Rainy"]
    assert all(isinstance(m, ArcBetweenPoints) for m in edges.values())
    # the loops bow out above Sunny (the default, away from the middle) and below Rainy (the side asked)
    assert edges[("Sunny", "Sunny")].get_bottom()[1] > sunny.get_center()[1]
    assert edges[("Rainy", "Rainy")].get_top()[1] < rainy.get_center()[1]
    # the two arrows between them are two arcs, one above and one below the line through the centres
    y0 = sunny.get_center()[1]
    assert edges[("Sunny", "Rainy")].point_from_proportion(0.5)[1] > y0 + 0.1
    assert edges[("Rainy", "Sunny")].point_from_proportion(0.5)[1] < y0 - 0.1
    labels = mob.labels_by_edge
    assert labels[("Sunny", "Sunny")].get_bottom()[1] > edges[("Sunny", "Sunny")].get_top()[1] - 0.05
    assert labels[("Sunny", "Rainy")].get_center()[1] > labels[("Rainy", "Sunny")].get_center()[1]
    # states written out in circles share one radius, big enough for the longest name
    assert abs(sunny.body.width - rainy.body.width) < 1e-6 and sunny.label.width < sunny.body.width


def test_a_state_diagram_renders_in_a_scene():
    code, ins = _dry_run([{"kind": "graph", "directed": True, "nodes": ["S", "R"],
                           "edges": [{"from": "S", "to": "S", "label": 0.7}, {"from": "S", "to": "R", "label": 0.3},
                                     {"from": "R", "to": "S", "label": 0.5}, {"from": "R", "to": "R", "label": 0.5}],
                           "steps": [{"action": "path", "nodes": ["S", "R", "S"]}]}])
    assert "'to': 'S'" in code and ins.violations == []


def test_named_points_get_axes_of_their_own_with_the_segments_between_them():
    assert named_points("P₀ = (0, 0), P1 = (1, 3), Q_0 = (2, 4) and A(5, -1)") == [
        ("P₀", 0, 0), ("P1", 1, 3), ("Q_0", 2, 4), ("A", 5, -1)]
    beats, notes = planned("Plot the control points P₀ = (0, 0), P₁ = (2, 4), P₂ = (4, 0) and the dashed segments P₀P₁ "
                           "and P₁P₂.")
    (p,) = [b for b in beats if b.kind == "plot"]
    assert [(q["x"], q["y"], q["label"]) for q in p.params["points"]] == [(0, 0, "P₀"), (2, 4, "P₁"), (4, 0, "P₂")]
    assert p.params["segments"] == [{"start": [0, 0], "end": [2, 4], "style": "dashed"},
                                    {"start": [2, 4], "end": [4, 0], "style": "dashed"}]
    assert p.params["x_range"][0] < 0 < 4 < p.params["x_range"][1] and p.params["y_range"][1] > 4
    assert not [n for n in notes if n.startswith("SB301")]  # before: "nothing to draw"
    beats, _ = planned("Draw the segment from P₀ = (0, 0) to P₁ = (2, 4) on the grid.")
    (p,) = [b for b in beats if b.kind == "plot"]
    assert p.params["segments"] == [{"start": [0, 0], "end": [2, 4], "style": "line"}]
    # a table of points is a table, not axes
    beats, _ = planned('Show a table with columns "Point", "Weight":\nP₀ = (0, 0) | 0.42\nP₁ = (1, 3) | 0.42')
    assert not [b for b in beats if b.kind == "plot"]


def test_a_bezier_curve_is_computed_from_the_control_points_on_screen():
    assert bezier([(0, 0), (2, 4), (4, 0)], 2) == [[0, 0], [2, 2], [4, 0]]  # B(0.5) = (2, 2)
    cubic = bezier([(0, 0), (1, 3), (4, 3), (5, 0)], 4)
    assert cubic[1] == [1.0625, 1.6875] and cubic[2] == [2.5, 2.25]  # B(0.25), B(0.5) as the storyboard computes
    beats, notes = planned("Step 1: Draw a faint coordinate grid with x from -1 to 6 and y from -1 to 4.\n"
                           'Step 2: Place four dots P₀ = (0, 0), P₁ = (1, 3), P₂ = (4, 3), P₃ = (5, 0) and label them '
                           '"P₀", "P₁", "P₂", "P₃".\n'
                           "Step 3: Connect them in order with a dashed grey polyline (the control polygon).\n"
                           "Step 4: Draw the cubic Bézier curve defined by these four points, starting at P₀ and ending "
                           "at P₃.\n"
                           'Step 5: Show the line "Fonts • Vector graphics • Animation paths" at the bottom.')
    assert [b.kind for b in beats][:4] == ["plot"] * 4  # ("Vector graphics" is not a plane of vectors)
    polygon, curve = beats[2], beats[3]
    assert [s["end"] for s in polygon.params["segments"]] == [[1, 3], [4, 3], [5, 0]]
    line = curve.params["series"][0]["points"]
    assert line[0] == [0, 0] and line[-1] == [5, 0] and [2.5, 2.25] in line
    assert not [n for n in notes if n.startswith("SB301")]
    # a degree written otherwise than the control points give is said
    _, notes = planned("Plot the points P₀ = (0, 0), P₁ = (2, 4), P₂ = (4, 0). Draw the cubic Bézier curve they control.")
    assert any("cubic Bézier curve needs 4 control points" in n for n in notes)


def test_right_and_midpoint_rectangles_take_the_heights_the_sentence_describes():
    axes = "Draw axes with x from 0 to 2.5 and y from 0 to 4.5 and plot the curve y = x^2.\n"
    for words, sample in (("whose top-right corners touch the curve", "right"),
                          ("whose top-left corners touch the curve", "left"),
                          ("; the curve passes through the middle of each top edge", "mid")):
        beats, _ = planned(axes + f"Draw 4 rectangles of width 0.5 {words}.")
        (r,) = [b for b in beats if b.rule == "plot:riemann"]
        assert r.params["area"]["sample"] == sample, words
    # the slices written give the stretch and the count; they are not rows of boxes
    beats, _ = planned(axes + "Draw rectangles with heights 0.25, 1, 2.25 and 4 over the slices [0, 0.5], [0.5, 1], "
                              "[1, 1.5], [1.5, 2], the right endpoints on the curve.")
    (r,) = [b for b in beats if b.rule == "plot:riemann"]
    assert r.params["area"] == {"a": 0, "b": 2, "rectangles": 4, "sample": "right"}
    assert not [b for b in beats if b.kind == "sequence"]
    # the way is said by the scene's title; moving the rectangles is said, never drawn as new ones
    sb = Storyboard.model_validate({"scenes": [scene('Title: "Midpoint Rule".\n' + axes + "Draw 4 rectangles of width "
                                                     "0.5 with those heights.\nThen slide all 4 rectangles one slot to "
                                                     "the left.", "One. Two. Three.")]})
    plan = plan_storyboard(sb)
    (r,) = [b for b in plan.scenes[0].beats if b.rule == "plot:riemann"]
    assert r.params["area"]["sample"] == "mid"
    assert any("rectangles on screen are not moved" in n.message for n in plan.diagnostics)


def test_axes_labelled_in_turn_right_after_they_are_drawn():
    beats, notes = planned('Draw axes: x-axis from 0 to 2.5, y-axis from 0 to 4.5. Label them "x" and "y".')
    (p,) = beats
    assert (p.params["x_label"], p.params["y_label"]) == ("x", "y")
    assert not notes  # before: "x, y" written as a caption


def test_a_place_then_what_a_new_picture_has_brings_nothing_back():
    sb = Storyboard.model_validate({"scenes": [
        scene('On the right side, show a small rectangle with the label "area = width × height", then write "Idea: '
              'approximate the region with rectangles" under it.', "One."),
        scene('Show a table on the right with columns "midpoint m" and "f(m)":\n0.25 | 0.0625\n0.75 | 0.5625', "Two.")]})
    plan = plan_storyboard(sb)
    assert [b.kind for b in plan.scenes[1].beats] == ["table"]


SNELL = [
    ("Draw a horizontal boundary at y = 0 with air above and glass below. A light ray starts at (-3, 3) and refracts "
     "into the glass at O = (0, 0).", "One."),
    ("Keep the same boundary, media labels and rays as in the intro: incoming ray from (-3, 3) to O, refracted ray "
     "from O to (1.6, -3). Draw the normal as a dashed vertical line through O.",
     "In the glass the light is slower than in the air."),
    ("On the left, draw the boundary, the glass and the normal, and a ray hitting O at θ₁ = 30°. Now draw the "
     "refracted ray into the glass at 19.5° from the normal.", "Three."),
    ("Flip the setup: the glass is now on top and the air below. A ray inside the glass hits O at θ₁ = 30°. Next, "
     "rotate the incoming ray to θ₁ = 40°. Continue until the exit ray lies flat along the boundary.", "Four."),
    ("Keep the glass on top and air below. Send a ray inside the glass to O at θ₁ = 50°. Clear the screen. Draw a long "
     "thin horizontal glass strip and animate a ray zig-zagging through it, bouncing off the edges.", "Five.")]


def _snell_plan():
    sb = Storyboard.model_validate({"scenes": [scene(d, a) for d, a in SNELL]})
    return plan_storyboard(sb)


def test_refraction_keeps_its_media_from_scene_to_scene_and_turns_the_ray_as_asked():
    plan = _snell_plan()
    pics = [[b for b in sp.beats if b.kind == "physics"] for sp in plan.scenes]
    tops = [(p[0].params["refraction"]["n1"], p[0].params["refraction"]["n2"]) for p in pics[:4]]
    # before: scene 2 had glass on top (the narration's order), scene 3 had glass on both sides
    assert tops == [(1.0, 1.5), (1.0, 1.5), (1.0, 1.5), (1.5, 1.0)]
    assert [b.rule for b in pics[2]] == ["physics:refraction"]  # the refracted ray's angle turns nothing
    sweeps = [s["degrees"] for b in pics[3] for s in b.params.get("steps") or []]
    assert sweeps == [40.0, 41.8]  # "to θ₁ = 40°", then to the critical angle
    (recalled, turned) = pics[4]
    assert turned.params["steps"] == [{"action": "sweep", "degrees": 50.0, "text": "total internal reflection"}]
    assert all(b.rule != "physics:refraction" for b in pics[4])  # (a ray bouncing in one strip is not a crossing)


def test_a_swept_ray_stays_on_screen_in_the_preview(monkeypatch):
    seen = {}

    class Rays(dryrun.Inspector):
        def beat_boundary(self, scene) -> None:
            here = set(map(id, scene.get_mobject_family_members()))
            for m in scene.body:
                o = getattr(m, "optics", None)
                if o is not None:
                    seen.setdefault("rays", []).append(all(id(x) in here for x in o.ray_group.submobjects[:1]))
            super().beat_boundary(scene)

    monkeypatch.setattr(dryrun, "Inspector", Rays)
    code, ins = _dry_run([{"kind": "physics", "refraction": {"n1": 1.5, "n2": 1.0, "angle": 30}},
                          {"kind": "physics", "extend": True, "steps": [{"action": "sweep", "degrees": 40}]},
                          {"kind": "text", "text": "after"}])
    assert seen["rays"] and all(seen["rays"]), seen  # before: gone from the scene after the sweep (dry run only)


def test_boxes_counted_with_two_texts_each_are_a_name_and_a_caption():
    beats, _ = planned('Draw three boxes in a row: at x = -4 a box with a large "S" and the word "Susceptible", at x = 0 '
                       'a box with "I" and "Infected", at x = 4 a box with "R" and "Recovered".\n'
                       'Draw an arrow from S to I with the label "β S I / N" above it.')
    (f,) = [b for b in beats if b.kind == "flow"]
    assert f.params["nodes"] == ["S", "I", "R"]  # before: six boxes, S → Susceptible → I → …
    assert f.params["captions"] == ["Susceptible", "Infected", "Recovered"]
    assert f.params["edge_labels"][0] == "β S I / N"


def test_key_values_by_time_are_data_lines_named_labelled_and_marked_at_their_peak():
    beats, notes = planned('Draw axes: horizontal axis "Time (days)" from 0 to 160, vertical axis "People" from 0 to 1000.\n'
                           "Key values:\nt = 0: S = 999, I = 1, R = 0\nt = 20: S = 926, I = 49, R = 25\n"
                           "t = 40: S = 288, I = 298, R = 414\nt = 60: S = 87, I = 100, R = 813\n"
                           'Label the curves at their right ends: "S(t)", "I(t)", "R(t)".\n'
                           'Mark the peak of I with a dot and the label "peak ≈ 301 infected, day 38".\n'
                           "Draw a dashed vertical line from the peak to the S curve.")
    lines = next(b for b in beats if b.rule.startswith("plot:data-lines"))
    assert [s["label"] for s in lines.params["series"]] == ["S(t)", "I(t)", "R(t)"]
    assert lines.params["series"][1]["points"][2] == [40, 298]
    assert not [b for b in beats if b.kind == "steps"]  # (the values are the lines', not a derivation too)
    (peak,) = [b for b in beats if b.rule == "plot:series-extremum"]
    assert peak.params["points"] == [{"x": 40, "y": 298, "label": "peak ≈ 301 infected, day 38"}]
    # "the S curve" of S, I and R is not an S-shaped (sigmoid) curve
    assert not [c for b in beats for c in b.params.get("curves") or [] if "e^(-x)" in c.get("expr", "")]


def test_a_counted_row_of_cells_holding_values_shows_them_with_pointers_named_bare():
    beats, notes = planned("Draw a row of 10 square cells (side 0.9) centered horizontally at y = 0.5 containing the sorted "
                           "values 2, 5, 8, 12, 16, 23, 38, 56, 72, 91. Write the indices 0 to 9 in small grey text under "
                           "the cells.\nPointers: lo at index 0, hi at index 9.\n"
                           'Move lo to index 5 and show "lo = mid + 1 = 5".')
    row = beats[0]
    assert row.kind == "sequence" and row.params["tokens"][-1] == "91" and row.params["indices"] == 0  # before: 10 empty cells
    pointers = [(b.params["label"], b.params["items"]) for b in beats if b.kind == "annotation"]
    assert pointers == [("lo", [1, 1]), ("hi", [10, 10]), ("lo", [6, 6])]  # before: "Pointers: lo at …" as text
    assert not [b for b in beats if b.kind == "text"]


def test_a_label_that_is_not_read_as_maths_is_its_text_never_the_word_none():
    from compiler.runtime.components import text as text_component
    from compiler.runtime.mathsvg import math_mobject

    line = "Tighten the string 4×: v doubles to 480 m/s, so f_1 = 400 Hz"
    mob = text_component.build({**THEME, "title": "#FFFFFF", "labels": {}, "palette": [], "mono_font": "DejaVu Sans Mono"},
                               text=line)
    assert "Tighten" in mob.text and "None" not in mob.text and getattr(mob, "tex", None) != "None"
    fallback = math_mobject(None, fallback_text="x over y")
    assert fallback.math_ok is False and fallback.tex == ""


def test_bars_with_heights_equal_to_listed_values_and_a_title():
    beats, _ = planned('Draw a bar chart titled "Harmonics of the string" with x labels "n = 1", "n = 2", "n = 3", "n = 4" '
                       "and bar heights equal to the frequencies 200, 400, 600 and 800 Hz, each value written on top.")
    (b,) = beats  # before: a bulleted list of the labels, no bars
    assert b.kind == "bar_chart" and b.params["values"] == [200, 400, 600, 800]
    assert b.params["labels"] == ["n = 1", "n = 2", "n = 3", "n = 4"] and b.params["title"] == "Harmonics of the string"


def test_a_tex_checkmark_is_typeset_in_its_line_and_marks_asked_beside_formulas_are_said():
    beats, notes = planned("On the right, derive line by line (MathTex):\ny(0, t) = 2A \\sin(0) \\cos(\\omega t) = 0 "
                           "\\quad \\checkmark\ny(L, t) = 0 \\Rightarrow \\sin(kL) = 0")
    assert not [b for b in beats if b.kind == "icon"]  # before: a check icon beside the derivation
    beats, notes = planned('Show three trial waves one after another: "λ = 2L" fits (green check), "λ = 1.5L" does not '
                           'fit (red cross), "λ = L" fits (green check).')
    assert any("check mark it asks for is not drawn" in n for n in notes)


def test_points_take_the_colour_written_after_their_group():
    beats, _ = planned('Draw axes: x-axis "hours studied" from 0 to 5, y-axis "passed" from -0.5 to 1.5.\n'
                       "Plot the 4 data points: (1, 0) and (2, 0) as red dots (failed), (3, 1) and (4, 1) as green dots "
                       "(passed).")
    (pts,) = [b for b in beats if b.rule == "plot:mark-points"]
    reds = [p["color"] for p in pts.params["points"]]
    assert reds[0] == reds[1] != reds[2] == reds[3]  # before: all four in one colour, the classes unreadable
    _, ins = _dry_run([{"kind": "plot", "x_range": [0, 5], "y_range": [0, 2],
                        "points": [{"x": 1, "y": 0, "color": "red"}, {"x": 3, "y": 1, "color": "green"}]}])
    assert ins.violations == []


def test_keys_put_in_buckets_by_number_and_chains_written_inline():
    beats, notes = planned('Draw a row of 7 empty buckets labelled with indices 0 to 6.\nWrite 50 in bucket 1.\n'
                           'Insert 23: show "h(23) = 23 mod 7 = 2", key slides into bucket 2.\n'
                           "Redraw the table: bucket 0 holds 14, bucket 1 holds 50, bucket 2 holds 23, other buckets empty.")
    rows = [b.params["tokens"][:3] for b in beats if b.kind == "sequence"]
    assert rows == [["", "", ""], ["", "50", ""], ["", "50", "23"], ["14", "50", "23"]]  # before: the keys never went in
    assert [b.params["exprs"] for b in beats if b.kind == "equation"] == [["h(23) = 23 mod 7 = 2"]]
    beats, notes = planned("Use a hash table with chaining. Bucket 2 now points with an arrow to a node 23, which points "
                           "with an arrow to a new node 37, and 37 points to a small null marker.\n"
                           "Convert buckets 0 and 1 to the same style: bucket 0 -> 14 -> null, bucket 1 -> 50 -> null.")
    assert not [b for b in beats if b.kind == "scatter"]  # ("37 points to …" is a verb: no random scatter plot)
    (g,) = [b for b in beats if b.kind == "graph"]
    assert g.params["edges"] == [{"from": "[0]", "to": "14"}, {"from": "[1]", "to": "50"}]
    assert not [b for b in beats if b.kind == "text" and "Same style" in b.params.get("text", "")]


def test_finer_riemann_sums_in_a_later_scene_over_the_stretch_before_and_a_curve_labelled_once():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw axes with x from 0 to 2.5 and y from 0 to 4.5. Plot the curve y = x^2 from x = 0 to x = 2.2 and attach "
              "the label MathTex: f(x) = x^2 near the point (2.1, 4.4). Draw 4 rectangles of width 0.5 under the curve.",
              "One."),
        scene("On the left, redraw the axes and curve with 4 right-endpoint rectangles, then Transform them into 8, then "
              "16, then 100 rectangles.", "Two.")]})
    plan = plan_storyboard(sb)
    (curve,) = [c for b in plan.scenes[0].beats for c in b.params.get("curves") or []]
    assert curve["label"] == "f(x) = x^2"  # before: y = x^2 and f(x) = x^2, two curves on top of each other
    sums = [b.params["area"] for b in plan.scenes[1].beats if b.rule == "plot:riemann"]
    assert [(a["a"], a["b"], a["rectangles"], a["sample"]) for a in sums] == [
        (0, 2, 4, "right"), (0, 2, 8, "right"), (0, 2, 16, "right"), (0, 2, 100, "right")]  # before: one sum, 0 to 2.5


def test_a_traced_curve_labelled_afterwards_is_drawn_with_its_label():
    beats, _ = planned("Draw axes with θ from 0 to 2π and y from -1 to 1. Plot y = sin θ in red.\n"
                       "Animate a blue dot at height cos θ and trace its path.\n"
                       'Label the finished curve "y = cos θ" in blue.')
    (c,) = [b for b in beats if b.rule == "plot:traced-curve"]
    assert c.params["curves"][0]["expr"] == "y = cos θ" and c.params["curves"][0]["color"]
    assert not [b for b in beats if b.kind == "equation"]  # before: the label alone, under the sine


def test_the_letters_of_a_gas_picture_go_on_it_and_a_quoted_question_moves_nothing():
    beats, notes = planned("On the left draw a cylinder with a piston. Fill the space under the piston with 25 small dots "
                           "representing gas molecules.\n"
                           'Label the gas region "V" (volume), put a downward arrow on the piston labelled "P" (pressure), '
                           'and write "T" (temperature) under the cylinder with a small red glow along the cylinder bottom.\n'
                           'On the right side write three questions one after another:\n"Push the piston down: what '
                           'happens to P?"\n"Heat the gas: what happens to V?"')
    (gas,) = [b for b in beats if b.kind == "physics"]  # before: a flow V → T → P, and the piston pushed down
    assert {k: gas.params["gas"][k] for k in ("volume_label", "gauge", "label", "heat")} == {
        "volume_label": "V", "gauge": "P", "label": "T", "heat": True}
    assert not [b for b in beats if b.kind == "flow"]
    assert any("arrow on the piston is not drawn" in n for n in notes)


def test_arrows_beside_two_names_are_not_a_chain_of_boxes():
    beats, notes = planned('Both gradients are positive: show two small arrows pointing left next to "w" and "b".')
    assert not [b for b in beats if b.kind == "flow"]  # before: boxes w → b
    assert any("arrows it belongs to are not" in n for n in notes)


def test_a_redrawn_curve_of_named_points_its_tangent_arrows_and_end_labels():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw axes with t from 0 to 1 and weight from 0 to 1. Plot y = t^3.", "One."),
        scene("Redraw the cubic curve with P₀ = (0, 0), P₁ = (1, 3), P₂ = (4, 3), P₃ = (5, 0).\n"
              'Property 1: highlight the endpoints with "B(0) = P₀" and "B(1) = P₃".\n'
              'Property 2: draw tangent arrows at the ends: "B′(0) = 3(P₁ − P₀) = (3, 9)" along P₀P₁ and '
              '"B′(1) = 3(P₃ − P₂) = (3, −9)" along P₂P₃.\n'
              'Clear and show the recap lines:\n"Bézier curve = repeated linear interpolation"\n"Starts at P₀"',
              "Two. Three. Four.", plot="The properties of Bézier curves.")]})
    beats = plan_storyboard(sb).scenes[1].beats
    assert [b.rule for b in beats][:3] == ["plot:named-points", "plot:named-ends", "plot:arrows-along"]
    assert beats[0].params["series"]  # the curve itself (before: the plot of the scene before brought back)
    assert beats[2].params["segments"][0] == {"start": [0, 0], "end": [1, 3], "style": "arrow",
                                              "label": "B′(0) = 3(P₁ − P₀) = (3, 9)"}
    assert not [b for b in beats if b.kind == "flow"]  # before: the two derivatives chained as boxes
    assert "clear" in [b.kind for b in beats]  # "Clear and show …"


def test_continue_from_brings_back_the_row_as_the_scene_before_left_it():
    sb = Storyboard.model_validate({"scenes": [
        scene("Draw a row of 10 cells containing the values 2, 5, 8, 12, 16, 23, 38, 56, 72, 91 with indices 0 to 9 "
              "under them.", "One."),
        scene("Continue from lo = 5, hi = 9 (cells 0 to 4 faded).\nHighlight cell 7 (value 56).", "Two.")]})
    beats = plan_storyboard(sb).scenes[1].beats
    assert beats[0].rule == "sequence:recalled-from-scene-1"  # before: a new grid of five cells numbered 0 to 4
    assert not [b for b in beats if b.kind == "grid"]


ISOTHERM = ('Draw axes: horizontal "V (L)" from 0 to 30, vertical "P (kPa)" from 0 to 250.\n'
            'Plot the isotherm P = 1247.1 / V for V from 5 to 30 and label it "T = 300 K".\n'
            'Put a dot A at (12.0, 103.9) labelled "A: 12.0 L, 104 kPa".\n'
            'Slide the dot along the curve to B at (6.0, 207.9) labelled "B: 6.0 L, 208 kPa" while the right side shows:\n'
            "P_B = P_A V_A / V_B\nP_B = 104 x 12.0 / 6.0 = 208 kPa\n"
            'Finally draw a second, dashed isotherm P = 1870.65 / V labelled "T = 450 K" above the first, and move a dot '
            'straight up from A to D at (12.0, 155.9).')


def test_a_dot_slid_to_a_labelled_point_and_a_second_dashed_curve_written_as_its_formula():
    beats, notes = planned(ISOTHERM)
    (slide,) = [b for b in beats if b.rule == "plot:move-along"]
    assert slide.params["move_dot"] == {"x0": 12, "x1": 6, "curve": 0}
    assert slide.params["points"] == [{"x": 6, "y": 207.85, "label": "B: 6.0 L, 208 kPa"}]
    assert not [b for b in beats if b.kind == "move"]  # before: "B: …" moved to the right of the screen
    second = [c for b in beats for c in b.params.get("curves") or [] if "1870.65" in c["expr"]]
    assert second == [{"expr": "P = 1870.65 / V", "label": "T = 450 K", "dashed": True}]
    assert not [b for b in beats if b.kind == "annotation"]  # ("above the first": no brace under a "first")
    # "straight up from A to D" is no slide along the isotherm
    assert len([b for b in beats if b.rule == "plot:move-along"]) == 1


def test_a_fitted_line_quoted_is_labelled_as_written():
    beats, _ = planned("Draw axes with x from 0 to 5 and y from -0.5 to 1.5. Plot the points (1, 0), (2, 0), (3, 1), (4, 1).\n"
                       'Draw the least-squares line "y = 0.4x - 0.5" in grey across the plot.')
    (line,) = [b for b in beats if b.rule == "plot:fit-line"]
    assert line.params["curves"] == [{"expr": "y = 0.4x - 0.5", "label": "y = 0.4x - 0.5"}]  # before: "least-squares line"


def test_the_data_axes_come_back_with_their_line_and_sigma_is_the_logistic_function():
    from compiler.formula import try_formula

    assert abs(try_formula("p = σ(x - 1)").fn(1.0) - 0.5) < 1e-12  # before: σ taken for a number, a straight line
    assert try_formula("σ = 2") is None  # (σ alone is a name: a deviation)
    sb = Storyboard.model_validate({"scenes": [
        scene("On the data axes (x from 0 to 5, y from 0 to 1) with the 4 points (1, 0), (2, 0), (3, 1), (4, 1), plot "
              'p = σ(x - 1) and label it "p = σ(x - 1)".', "One."),
        scene('On the data axes, draw a vertical dashed orange line at x = 1 labelled "decision boundary x = 1".', "Two.")]})
    beats = plan_storyboard(sb).scenes[1].beats
    assert beats[0].rule == "plot:recalled-from-scene-1"  # before: new axes from 0 to 10
    assert beats[1].params["markers"] == [{"axis": "x", "value": 1, "label": "decision boundary x = 1"}]


def test_x_and_y_ranging_together_and_a_rectangle_of_its_own_beside_the_plot():
    beats, _ = planned("Draw a coordinate plane centered at (0, -0.4) with x and y ranging from -1.5 to 1.5.")
    assert (beats[0].params["x_range"], beats[0].params["y_range"]) == ([-1.5, 1.5], [-1.5, 1.5])  # before: x 0 to 10
    beats, _ = planned("Draw axes with x from 0 to 2.5 and y from 0 to 4.5. Plot the curve y = x^2. Shade the region under "
                       "the curve between x = 0 and x = 2.\nOn the right side, show a small rectangle of width 1.5 and "
                       'height 1 with the label "area = width × height".')
    assert not [b for b in beats if b.rule == "plot:strip"]  # before: a thin strip at x = 1 labelled "1 with the label area ="


def test_a_table_of_angles_beside_the_ray_is_drawn_and_readouts_are_no_boxes():
    beats, _ = planned("On the left, show the boundary between air and glass and the normal with an incoming ray at 30 "
                       "degrees from the normal.\n"
                       'Show live readouts "θ₁ = ..." and "θ₂ = ..." above the diagram.\n'
                       "Pause at 0°, 30°, 60° and 80° and add a row to a table on the right with columns 'θ₁' and 'θ₂': "
                       "0° | 0°, 30° | 19.5°, 60° | 35.3°, 80° | 41.0°.")
    (table,) = [b for b in beats if b.kind == "table"]  # before: nothing (the angles' names were the picture's)
    assert table.params["rows"] == [["0°", "0°"], ["30°", "19.5°"], ["60°", "35.3°"], ["80°", "41.0°"]]
    assert not [b for b in beats if b.kind == "flow"]  # before: boxes "θ₁ = …" → "θ₂ = …"


def test_marks_by_each_cell_are_said_not_drawn_as_one_lone_cross():
    beats, notes = planned("Draw a horizontal row of 7 cells containing the keys 50, 23, 14, 37, 12, 64, 33.\n"
                           "Move a yellow pointer from the first cell to the last, checking each cell; under each checked "
                           "cell show a red cross, and a green check under 33.")
    assert not [b for b in beats if b.kind == "icon"]  # before: one red cross, read as "33 not found"
    assert any("check and cross marks by the cells are not drawn" in n for n in notes)


def test_a_quoted_formula_recalls_nothing_and_parallel_wavefronts_are_no_point_source():
    sb = Storyboard.model_validate({"scenes": [
        scene('Show the equation "θ₂ ≈ 28.1°".', "One."),
        scene("Start with the formula 'v = c / n' and a short line under it: 'n = refractive index'.\n"
              "Draw five parallel wavefront lines in the air, spaced 1.0 apart and tilted at 45°, moving down toward the "
              "boundary.", "Two.")]})
    plan = plan_storyboard(sb)
    beats = plan.scenes[1].beats
    assert not [b for b in beats if "recalled" in b.rule]  # before: "θ₂ ≈ 28.1°" brought back above the new formula
    assert not [b for b in beats if b.kind == "wave"]  # before: rings round a point source
    assert any("parallel wavefronts are not drawn" in n.message for n in plan.diagnostics)


def test_pointers_written_under_their_index_and_a_tangent_arrow_out_of_the_last_point():
    beats, _ = planned("Keep an array of 10 cells with values 2, 5, 8, 12, 16, 23, 38, 56, 72, 91.\n"
                       'Put three arrow pointers below the row: "lo" under index 0, "hi" under index 9, and "mid" under '
                       "index 4.")
    pointers = [(b.params["label"], b.params["items"]) for b in beats if b.kind == "annotation"]
    assert pointers == [("lo", [1, 1]), ("hi", [10, 10]), ("mid", [5, 5])]  # before: braces over the whole row
    beats, _ = planned("Plot P₀ = (0, 0), P₁ = (1, 3), P₂ = (4, 3), P₃ = (5, 0).\n"
                       'Draw tangent arrows at the ends: "B′(0) = 3(P₁ − P₀)" along P₀P₁ and "B′(1) = 3(P₃ − P₂)" along '
                       "P₂P₃.")
    (arrows,) = [b for b in beats if b.rule == "plot:arrows-along"]
    end = arrows.params["segments"][1]
    assert end["start"] == [5, 0] and end["end"][0] > 5 and end["end"][1] < 0  # out of P₃, the way P₂ → P₃ goes


def test_a_word_spelled_with_an_accent_stays_one_word_in_a_formula():
    from compiler.mathtext import to_tex

    assert to_tex("Bézier curve = repeated linear interpolation").tex == (
        r"\text{Bézier curve} = \text{repeated linear interpolation}")  # before: B \acute{e} \, \text{zier curve}
    assert to_tex("x̄ = 3").tex == r"\bar{x} = 3" and to_tex("ā + b").tex == r"\bar{a} + b"  # accents on symbols stay


def test_a_unit_after_a_power_of_ten_in_superscripts_is_the_quantity_s():
    from compiler.mathtext import to_tex

    assert to_tex("μ = 1.0 × 10⁻³ kg/m").tex == r"\mu = 1.0 \times 10^{-3} \, \mathrm{kg/m}"  # before: a fraction over m
    assert to_tex("x = 2 × 10³ + y").tex == r"x = 2 \times 10^{3} + y"


def test_a_tree_of_subarrays_grown_level_by_level_never_breaks_the_rule():
    beats, notes = planned("Title \"Recursion\" at the top left.\n"
                           'Level 0 at y = 2.5: "[7, 2, 9, 4, 1, 8, 3, 5]" with label "pivot 5".\n'
                           'Level 1 at y = 1: left child "[2, 4, 1, 3]" with label "pivot 3", right child "[8, 7, 9]" with '
                           'label "pivot 9". Draw lines from the parent to both children.\n'
                           'Level 2 at y = -0.5: under "[2, 4, 1, 3]" draw "[2, 1]" (label "pivot 1") and "[4]".')
    assert not [n for n in notes if "internal error" in n]  # before: rule_graph KeyError: 'label'


def test_tick_labels_are_the_axes_own_numbers_and_a_finished_curve_labelled_it_is_drawn():
    beats, notes = planned("Draw axes: the horizontal axis is θ from 0 to 2π, the vertical axis runs from -1 to 1.\n"
                           'Put tick labels "π/2", "π", "3π/2", "2π" on the horizontal axis and "1", "-1" on the vertical '
                           "axis.\nAnimate a dot tracing the height of a point going round a circle.\n"
                           'When the curve is finished, label it "y = sin θ" in red.')
    assert not [b for b in beats if b.kind in ("bullets", "equation")]  # before: the ticks as a list, the label alone
    assert beats[0].params["y_step"] == 2
    (curve,) = [b for b in beats if b.rule == "plot:traced-curve"]
    assert curve.params["curves"][0]["expr"] == "y = sin θ"


def test_data_lines_take_the_colours_the_style_gives_their_names():
    beats, _ = planned("Draw axes with t from 0 to 60 and people from 0 to 1000.\n"
                       "Key values:\nt = 0: S = 999, I = 1, R = 0\nt = 20: S = 926, I = 49, R = 25\n"
                       "t = 40: S = 288, I = 298, R = 414", style="S curve blue, I curve red, R curve green.")
    (lines,) = [b for b in beats if b.rule.startswith("plot:data-lines")]
    cols = [s.get("color") for s in lines.params["series"]]
    assert len(set(cols)) == 3 and None not in cols  # before: S in the palette's green, like R


def test_a_picture_announced_and_drawn_by_the_next_line_is_not_said_missing():
    _, notes = planned("Draw axes with t from 0 to 60 and people from 0 to 1000.\n"
                       "Plot the three curves simultaneously from t = 0 to t = 60, traced left to right. Key values:\n"
                       "t = 0: S = 999, I = 1, R = 0\nt = 20: S = 926, I = 49, R = 25\nt = 40: S = 288, I = 298, R = 414")
    assert not [n for n in notes if n.startswith("SB301")]  # before: "nothing to draw for 'Plot the three curves …'"
    _, notes = planned("Left axes: x from 0 to 4, y from 0 to 8. Plot the data points (1, 2), (2, 4), (3, 6). Show vertical "
                       "dashed error segments from each point to the line.\nRight axes: w from -0.5 to 3.5, L from 0 to 25.")
    assert any("error segments" in n for n in notes if n.startswith(("SB301", "SB307")))  # (a new plot draws no segments)


def test_a_brace_under_a_word_only_the_title_says_goes_on_no_title():
    beats, notes = planned('Title: "Standing Waves on a String".\nDraw a brace under the string labelled "L".')
    assert not [b for b in beats if b.kind == "annotation"]  # before: a brace under the title's word "String"
    assert any("brace under 'string' is not drawn" in n for n in notes)


def test_a_line_between_two_points_that_no_picture_draws_is_said():
    _, notes = planned('Draw a horizontal string as a white line from (-4, 0) to (4, 0), with two small grey squares at '
                       'both ends, each labelled "fixed".')
    assert any("the white line it asks for is not drawn" in n for n in notes)  # before: only the squares, no word


def test_a_long_quoted_line_after_formula_lines_is_a_line_of_its_own_not_a_note():
    beats, _ = planned('Clear and show the recap lines:\n"Bézier curve = repeated linear interpolation"\n'
                       '"B(t) = Σ Bernstein weights × control points"\n'
                       '"Starts at P₀, ends at P₃, tangent to the control polygon at both ends"')
    (steps,) = [b for b in beats if b.kind == "steps"]
    assert not steps.params.get("notes")  # before: the third line a tiny note beside the second
    assert [b.params["text"] for b in beats if b.kind == "text"] == [
        "Starts at P₀, ends at P₃, tangent to the control polygon at both ends"]
