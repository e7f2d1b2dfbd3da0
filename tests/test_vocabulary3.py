"""Vocabulary III: physics, wave, circuit, message_chart, drawing — their models (validated, with positioned
errors), the pure geometry helpers, the strings they draw, and dry runs that check the layout."""

from __future__ import annotations

import json
import math

from compiler.components import drawn_strings

from .test_vocabulary2 import _scene, diagnostics, dry_run

NEW_KINDS = ("physics", "wave", "circuit", "message_chart", "drawing")


def _check(cases):
    for visual, message in cases:
        found = diagnostics([visual])
        assert any(message in m for _, _, m in found), (visual, found)
        assert all(code == "SB203" and line is not None and line > 1 for code, line, _ in found), found


def _fits(scenes, monkeypatch):
    for number, ins in dry_run(scenes, monkeypatch):
        assert ins.violations == [], (number, ins.violations)
        assert ins.min_pt >= 13.5, (number, ins.min_pt)


# ----------------------------------------------------------------------------- physics
CLIFF = {"kind": "physics", "bodies": [{"shape": "ball", "label": "ball"}],
         "projectile": {"speed": 15, "angle": 30, "height": 20}}
INCLINE = {"kind": "physics", "setting": "incline", "angle": 30, "bodies": [{"shape": "block", "label": "m"}],
           "vectors": [{"direction": "down", "label": "mg", "magnitude": 2},
                       {"direction": "normal", "label": "N", "magnitude": 1.7},
                       {"direction": "up_slope", "label": "f"}]}
FREE_BODY = {"kind": "physics", "setting": "none", "bodies": [{"shape": "block", "label": "5 kg", "name": "box"}],
             "vectors": [{"direction": "down", "label": "W = 49 N", "magnitude": 49},
                         {"direction": "up", "label": "N = 49 N", "magnitude": 49},
                         {"body": "box", "direction": "right", "label": "F = 20 N", "magnitude": 20},
                         {"direction": "left", "label": "f = 8 N", "magnitude": 8}],
             "steps": [{"action": "remove", "labels": ["F = 20 N"]},
                       {"action": "vector", "vectors": [{"type": "acceleration", "direction": "left", "label": "a"}]}]}
ROAD = {"kind": "physics", "bodies": [{"shape": "car", "label": "car"}, {"shape": "person", "label": "Ana", "at": [30, 0]}],
        "path": {"points": [[0, 0], [25, 0]], "speed": 5, "readout": "distance"},
        "vectors": [{"type": "velocity", "direction": "right", "label": "v = 5 m/s"}], "caption": "Constant speed"}
ORBIT = {"kind": "physics", "orbit": {"center": "Sun", "body": "Earth", "eccentricity": 0.5, "velocity": True}}
SUM = {"kind": "physics", "sum": {"arrows": [{"dx": 15, "dy": 0, "label": "15 m/s", "color": "blue"},
                                             {"dx": 0, "dy": -19.8, "label": "19.8 m/s", "color": "green"}],
                                  "label": "v", "angle": "θ"}}


def test_physics_validates_and_reports_positioned_errors():
    assert diagnostics([CLIFF, INCLINE, FREE_BODY, ROAD, ORBIT, SUM]) == []
    _check([
        ({"kind": "physics"}, "an empty picture"),
        ({"kind": "physics", "vectors": [{"label": "F"}]}, "give at least one body"),
        ({"kind": "physics", "bodies": [{"name": "a"}], "vectors": [{"body": "b"}]}, "there is no body 'b'"),
        ({"kind": "physics", "bodies": [{"label": "a"}, {"label": "a"}]}, "named twice"),
        ({"kind": "physics", "bodies": [{}], "steps": [{"action": "launch"}]}, "there is no `projectile`"),
        ({"kind": "physics", "bodies": [{}], "steps": [{"action": "vector"}]}, "needs `vectors`"),
        ({"kind": "physics", "bodies": [{}], "steps": [{"action": "label"}]}, "its new `text`"),
        ({"kind": "physics", "projectile": {"speed": 1000, "angle": 45, "g": 0.01}}, "too far to draw"),
        ({"kind": "physics", "projectile": {"speed": 10, "angle": 95}}, "less than or equal to 89"),
        ({"kind": "physics", "bodies": [{}] * 7}, "at most 6"),
        ({"kind": "physics", "orbit": {"eccentricity": 1.2}}, "less than or equal to 0.9"),
        ({"kind": "physics", "bodies": [{"shape": "rocket"}]}, "'ball', 'block'"),
        ({"kind": "physics", "sum": {"arrows": [{"dx": 0, "dy": 0}]}}, "every arrow of the sum has zero length"),
        ({"kind": "physics", "sum": {"arrows": [{"dx": 1, "dy": 0}, {"dx": -1, "dy": 0}]}}, "add up to zero"),
        ({"kind": "physics", "sum": {"arrows": [{"dx": 1, "dy": 0}], "resultant": False, "angle": "θ"}},
         "keep `resultant`"),
        ({"kind": "physics", "bodies": [{}], "steps": [{"action": "angle", "text": "θ"}]}, "no `sum`"),
    ])
    # steps on the picture on screen: its bodies are not known here
    assert diagnostics([{"kind": "physics", "extend": True, "steps": [{"action": "launch"}]}]) == []


def test_physics_numbers_are_computed():
    from compiler.components.physics import flight, fmt
    from compiler.runtime.components.physics import along, direction_angle, kepler, trajectory

    r, t = flight(15, 30, 20, 9.8)
    assert abs(t - 2.926) < 1e-3 and abs(r - 38.01) < 1e-2
    r0, t0 = flight(10, 45, 0, 9.8)
    assert abs(r0 - 100 / 9.8) < 1e-9 and abs(t0 - 2 * 10 * math.sin(math.pi / 4) / 9.8) < 1e-9
    pts = trajectory(15, 30, 20, 9.8)
    assert pts[0] == (0.0, 20.0) and abs(pts[-1][1]) < 1e-9 and abs(pts[-1][0] - r) < 1e-9
    assert fmt(38.014, "m") == "38 m" and fmt(2.926, "s") == "2.93 s" and fmt(120.4, "m") == "120 m"
    E = kepler(0.5, 1.0)
    assert abs(E - 0.5 * math.sin(E) - 1.0) < 1e-9
    assert direction_angle("normal", 30) == 60 and direction_angle("down_slope", 30) == -30
    assert direction_angle(45.0, 30) == 45 and direction_angle("down", 0) == 270
    assert along([(0, 0), (3, 0), (3, 4)], 5) == (3, 2)
    strings = drawn_strings("physics", CLIFF)
    assert strings == ["ball", "v₀ = 15 m/s", "R = 38 m", "t = 2.93 s", "h = 20 m"]
    assert drawn_strings("physics", ORBIT) == ["Sun", "Earth"]
    from compiler.components.physics import impact_velocity

    vx, vy, v, below = impact_velocity(15, 0, 20, 9.8)  # dev/cliff-throw: thrown horizontally
    assert vx == 15 and abs(vy + 19.80) < 0.01 and abs(v - 24.84) < 0.01 and abs(below - 52.85) < 0.01
    assert drawn_strings("physics", {"bodies": [{}], "projectile": {"speed": 15, "height": 20, "impact": True}})[-4:] \
        == ["v_x = 15 m/s", "v_y = 19.8 m/s", "v = 24.8 m/s", "52.9°"]
    assert "a" in drawn_strings("physics", FREE_BODY)
    from compiler.runtime.components.physics import sum_points

    assert drawn_strings("physics", SUM) == ["15 m/s", "19.8 m/s", "v", "θ"]
    assert sum_points(SUM["sum"]["arrows"]) == [(0.0, 0.0), (15.0, 0.0), (15.0, -19.8)]


def test_physics_dry_runs_fit(monkeypatch):
    _fits([
        _scene("A ball is thrown from a cliff. It lands.", [CLIFF], "Thrown from a cliff"),
        _scene("A block on a slope. The forces on it.", [INCLINE], "Block on an incline"),
        _scene("A box is pushed. Then the push stops.", [FREE_BODY, {"kind": "physics", "extend": True,
                                                                      "steps": [{"action": "label", "body": "box",
                                                                                 "text": "m = 5 kg"}]}],
               "Free-body diagram"),
        _scene("A car drives on. The Earth goes round the Sun.", [ROAD, ORBIT]),
        _scene("Thrown horizontally. Its shadows. Its velocity at impact.",
               [{"kind": "physics", "bodies": [{"shape": "ball"}],
                 "projectile": {"speed": 15, "height": 20, "impact": True, "shadows": True}}]),
        _scene("The velocities add head to tail. The angle.", [SUM, {"kind": "physics", "extend": True,
                                                                      "steps": [{"action": "angle", "text": "θ"}]}]),
        _scene("Forces beside a block, added tip to tail.",
               [{"kind": "physics", "bodies": [{"shape": "block", "label": "m"}],
                 "vectors": [{"direction": "up", "label": "N"}],
                 "sum": {"arrows": [{"dx": 3, "dy": 1, "label": "F₁"}, {"dx": -1, "dy": 2, "label": "F₂"},
                                    {"dx": 1, "dy": 1, "label": "F₃"}], "label": "F"}}]),
        _scene("A ball rolls off a table.", [{"kind": "physics", "setting": "table", "height": 1.2,
                                               "bodies": [{"shape": "ball", "label": "marble"}],
                                               "projectile": {"speed": 2, "marks": True}}]),
    ], monkeypatch)


# ----------------------------------------------------------------------------- wave
SINE = {"kind": "wave", "waves": [{"amplitude": 2, "wavelength": 4, "label": "y = 2 sin(πx/2)"}], "marks": True,
        "amplitude_label": "A = 2 cm", "wavelength_label": "λ = 4 m", "speed": 0.5, "particle": True,
        "x_label": "x (m)"}
FOURIER = {"kind": "wave", "fourier": {"target": "square", "terms": [1, 2, 3, 10]}, "caption": "Partial sums"}
HARMONICS = {"kind": "wave", "layout": "stacked", "sum": True, "cycles": 2,
             "waves": [{"amplitude": 1, "wavelength": 1, "label": "1st"},
                       {"amplitude": 0.333, "wavelength": 0.333, "label": "3rd"},
                       {"amplitude": 0.2, "wavelength": 0.2, "label": "5th"}]}
DOPPLER = {"kind": "wave", "doppler": {"speed": 0.5, "fronts": 7, "source": "siren", "ahead": "higher pitch",
                                       "behind": "lower pitch"}}
SPECTRUM = {"kind": "wave", "spectrum": {"lines": [{"wavelength": 656, "label": "Hα 656"},
                                                   {"wavelength": 486, "label": "Hβ 486"},
                                                   {"wavelength": 434, "label": "Hγ 434"},
                                                   {"wavelength": 410, "label": "Hδ 410"}]}, "caption": "Balmer lines"}


def test_wave_validates_and_reports_positioned_errors():
    assert diagnostics([SINE, FOURIER, HARMONICS, DOPPLER, SPECTRUM]) == []
    _check([
        ({"kind": "wave"}, "an empty picture"),
        ({"kind": "wave", "marks": True, "doppler": {}}, "act on `waves`"),
        ({"kind": "wave", "spectrum": {"range": [700, 400]}}, "min < max"),
        ({"kind": "wave", "spectrum": {"lines": [{"wavelength": 900}]}}, "900 nm is outside the range [380, 750]"),
        ({"kind": "wave", "waves": [{"wavelength": 100}, {"wavelength": 0.1}]}, "more than 200 cycles"),
        ({"kind": "wave", "waves": [{}], "steps": [{"action": "terms", "n": 3}]}, "there is no `fourier`"),
        ({"kind": "wave", "fourier": {}, "steps": [{"action": "terms"}]}, "needs `n`"),
        ({"kind": "wave", "waves": [{}], "steps": [{"action": "emit"}]}, "there is no `doppler`"),
        ({"kind": "wave", "fourier": {"terms": [100]}}, "less than or equal to 60"),
        ({"kind": "wave", "waves": [{"shape": "noise"}]}, "'sine', 'square'"),
        ({"kind": "wave", "doppler": {"speed": 1.5}}, "less than or equal to 0.95"),
    ])


def test_wave_functions():
    from compiler.runtime.components.wave import (crest, doppler_fronts, partial_sum, shape_value, wave_value,
                                                  wavelength_rgb)

    assert shape_value("square", 1.0) == 1 and shape_value("square", 4.0) == -1
    assert abs(shape_value("sawtooth", 0.0)) < 1e-12 and abs(shape_value("triangle", math.pi / 2) - 1) < 1e-12
    # partial sums approach the target away from the jumps, and more terms are closer
    for target in ("square", "sawtooth", "triangle"):
        errs = [abs(partial_sum(target, n, 1.0) - shape_value(target, 1.0)) for n in (1, 5, 50)]
        assert errs[2] < errs[0] and errs[2] < 0.05, (target, errs)
    assert abs(partial_sum("square", 1, math.pi / 2) - 4 / math.pi) < 1e-12
    w = {"amplitude": 2, "wavelength": 4}
    assert abs(wave_value(w, crest(w)) - 2) < 1e-12 and abs(wave_value(w, 1.0, 1.0)) < 1e-12  # travels right
    assert abs(wave_value({"phase": 90}, crest({"phase": 90})) - 1) < 1e-12
    # fronts: each centred where the source was, so they are closer together ahead than behind
    fr = doppler_fronts(0.5, 4, 4.0)
    ahead = [c + r for c, r in fr]
    behind = [c - r for c, r in fr]
    assert ahead[0] - ahead[1] < behind[1] - behind[0]
    assert wavelength_rgb(300) == wavelength_rgb(900) == "#555566" and wavelength_rgb(650).startswith("#ff")
    assert drawn_strings("wave", SPECTRUM)[:3] == ["400", "500", "600"] and "Hα 656" in drawn_strings("wave", SPECTRUM)
    assert drawn_strings("wave", FOURIER) == ["1 term", "2 terms", "3 terms", "10 terms", "Partial sums"]
    assert drawn_strings("wave", HARMONICS)[-1] == "sum"


def test_wave_dry_runs_fit(monkeypatch):
    _fits([
        _scene("A wave has an amplitude and a wavelength. It travels.", [SINE], "A sine wave"),
        _scene("Odd harmonics. The sum approaches a square wave.", [FOURIER, {"kind": "wave", "extend": True,
                                                                              "steps": [{"action": "terms", "n": 30}]}],
               "Fourier"),
        _scene("Harmonics and their sum.", [HARMONICS]),
        _scene("A moving siren. Hydrogen lines.", [DOPPLER, SPECTRUM], "Doppler and spectra"),
        _scene("Square and sawtooth waves, and their sum.",
               [{"kind": "wave", "cycles": 2, "steps": [{"action": "sum"}, {"action": "travel", "seconds": 1}],
                 "waves": [{"shape": "square", "label": "square"}, {"shape": "sawtooth", "label": "sawtooth"},
                           {"shape": "triangle", "label": "triangle", "wavelength": 0.5}]},
                {"kind": "wave", "spectrum": {"range": [300, 900], "absorption": True,
                                              "lines": [{"wavelength": 589, "label": "Na"}]}}]),
    ], monkeypatch)


# ----------------------------------------------------------------------------- circuit
OHM = {"kind": "circuit", "elements": [{"type": "battery", "value": "6 V"}, {"type": "resistor", "label": "R", "value": "3 Ω"},
                                       {"type": "ammeter", "value": "2 A"}, {"type": "bulb", "label": "L"},
                                       {"type": "voltmeter", "across": "R", "value": "6 V"}],
       "current": "I = 2 A", "flow": True, "caption": "V = I R"}
SWITCH = {"kind": "circuit", "elements": [{"type": "battery", "value": "9 V"}, {"type": "switch", "label": "S", "open": True},
                                          {"type": "bulb"}],
          "steps": [{"action": "toggle", "element": "S"}, {"action": "flow"}]}
PARALLEL = {"kind": "circuit", "current": "I = 5 A",
            "elements": [{"type": "battery", "value": "12 V"}, {"type": "switch", "label": "S"},
                         {"type": "resistor", "label": "R₁", "value": "4 Ω", "branch": 1, "current": "I₁ = 3 A"},
                         {"type": "resistor", "label": "R₂", "value": "6 Ω", "branch": 2, "current": "I₂ = 2 A"},
                         {"type": "bulb", "branch": 3, "label": "L"}, {"type": "capacitor", "branch": 3, "label": "C"}],
            "steps": [{"action": "highlight", "element": "R₂"}, {"action": "value", "element": "R₂", "text": "3 Ω"},
                      {"action": "toggle"}]}


def test_circuit_validates_and_reports_positioned_errors():
    assert diagnostics([OHM, SWITCH, PARALLEL]) == []
    _check([
        ({"kind": "circuit"}, "a circuit needs `elements`"),
        ({"kind": "circuit", "elements": [{"type": "resistor", "label": "R"}, {"type": "bulb", "label": "R"}]},
         "named twice"),
        ({"kind": "circuit", "elements": [{"type": "resistor"}, {"type": "ammeter", "across": "resistor"}]},
         "only a voltmeter"),
        ({"kind": "circuit", "elements": [{"type": "resistor"}, {"type": "voltmeter", "across": "R9"}]},
         "no element 'R9'"),
        ({"kind": "circuit", "elements": [{"type": "voltmeter", "across": "voltmeter 2"},
                                          {"type": "voltmeter", "across": "voltmeter"}]}, "is itself across"),
        ({"kind": "circuit", "layout": "series", "elements": [{"type": "resistor", "branch": 1}]}, "`parallel` layout"),
        ({"kind": "circuit", "layout": "parallel", "elements": [{"type": "resistor"}]}, "with a `branch`"),
        ({"kind": "circuit", "elements": [{"type": "resistor"}], "steps": [{"action": "toggle"}]}, "not a switch"),
        ({"kind": "circuit", "elements": [{"type": "resistor"}], "steps": [{"action": "value", "element": "resistor"}]},
         "its new `text`"),
        ({"kind": "circuit", "elements": [{"type": "resistor"}], "steps": [{"action": "highlight", "element": "Q"}]},
         "no element 'Q'"),
        ({"kind": "circuit", "elements": [{"type": "diode"}]}, "'battery', 'resistor'"),
        ({"kind": "circuit", "elements": [{"type": "bulb"}], "steps": [{"action": "break"}]}, "needs the `element`"),
        ({"kind": "circuit", "elements": [{"type": "resistor"}] * 11}, "at most 10"),
    ])


def test_circuit_layout_and_state():
    from compiler.components.circuit import element_names, element_text
    from compiler.runtime.components.circuit import closed_loops, layout, lit_bulbs, series_sides

    assert [series_sides(n) for n in range(1, 10)] == [(1, 0, 0), (1, 1, 0), (2, 1, 0), (2, 1, 1), (3, 1, 1),
                                                       (3, 1, 2), (3, 1, 3), (3, 2, 3), (3, 3, 3)]
    els = [dict(e) for e in OHM["elements"]]
    lay = layout(els, "series")
    assert lay["place"][0][0] == "left" and lay["place"][1][0] == "top" and 4 not in lay["place"]
    assert element_names(els) == ["battery", "R", "ammeter", "L", "voltmeter"]
    assert element_text(els[1]) == "R = 3 Ω" and element_text(els[0]) == "6 V"
    sw = [dict(e) for e in SWITCH["elements"]]
    assert lit_bulbs(sw, "series", {1}) == set() and lit_bulbs(sw, "series", set()) == {2}
    lights = [{"type": "battery"}] + [{"type": "bulb"}] * 4  # old string lights: one breaks, all go dark
    assert lit_bulbs(lights, "series", set()) == {1, 2, 3, 4} and lit_bulbs(lights, "series", {2}) == set()
    par = [dict(e) for e in PARALLEL["elements"]]
    lay = layout(par, "parallel")
    xs = sorted(x for x, _ in lay["columns"])
    assert len(xs) == 3 and lay["place"][2][1][0] == xs[0] and lay["place"][4][1][0] == lay["place"][5][1][0] == xs[2]
    assert lit_bulbs(par, "parallel", set()) == set()  # the bulb's branch has a capacitor: no steady current
    assert len(closed_loops(par, "parallel", lay, set())) == 2 and closed_loops(par, "parallel", lay, {1}) == []
    assert "3 Ω" in drawn_strings("circuit", PARALLEL) and "A" in drawn_strings("circuit", OHM)


def test_circuit_dry_runs_fit(monkeypatch):
    _fits([
        _scene("Six volts drive two amps through three ohms. Charges flow.", [OHM], "Ohm's law"),
        _scene("The switch is open. Close it and the bulb lights.", [SWITCH], "A switch"),
        _scene("Two branches in parallel. Each has its own current.", [PARALLEL, {"kind": "circuit", "extend": True,
                                                                                  "steps": [{"action": "toggle"}]}],
               "Parallel"),
        _scene("Old string lights: one bulb breaks and all go dark.",
               [{"kind": "circuit", "elements": [{"type": "battery", "value": "120 V"}] + [
                   {"type": "bulb", "label": f"L{k}"} for k in range(1, 5)],
                 "steps": [{"action": "break", "element": "L2"}]}]),
        _scene("Ten elements in a row.", [{"kind": "circuit", "elements": [{"type": "battery", "value": "6 V"}] + [
            {"type": t, "label": f"X{k}", "value": f"{k} Ω"} for k, t in
            enumerate(["resistor", "bulb", "switch", "capacitor", "ammeter", "resistor", "bulb", "resistor", "bulb"])]}]),
    ], monkeypatch)


# ----------------------------------------------------------------------------- message_chart
TCP = {"kind": "message_chart", "lifelines": ["Client", "Server"], "time_arrow": True,
       "messages": [{"from": "Client", "to": "Server", "label": "SYN seq=100"},
                    {"from": "Server", "to": "Client", "label": "SYN-ACK seq=300 ack=101", "reply": True},
                    {"from": "Client", "to": "Server", "label": "ACK ack=301"}],
       "states": [{"lifeline": "Client", "text": "CLOSED"}, {"lifeline": "Server", "text": "LISTEN"},
                  {"lifeline": "Client", "text": "SYN_SENT", "after": 0},
                  {"lifeline": "Server", "text": "SYN_RCVD", "after": 1},
                  {"lifeline": "Client", "text": "ESTABLISHED", "after": 2},
                  {"lifeline": "Server", "text": "ESTABLISHED", "after": 2}],
       "caption": "The three-way handshake"}
RETRY = {"kind": "message_chart", "lifelines": ["Browser", "Cache", "Server"],
         "messages": [{"from": "Browser", "to": "Server", "label": "GET /index", "lost": True},
                      {"from": "Browser", "to": "Server", "label": "GET /index", "note": "timeout → retry"},
                      {"from": "Server", "to": "Cache", "label": "store"}, {"from": "Cache", "to": "Cache", "label": "write"},
                      {"from": "Server", "to": "Browser", "label": "200 OK", "reply": True}]}


def test_message_chart_validates_and_reports_positioned_errors():
    assert diagnostics([TCP, RETRY]) == []
    _check([
        ({"kind": "message_chart", "lifelines": ["A"]}, "at least two `lifelines`"),
        ({"kind": "message_chart"}, "needs"),
        ({"kind": "message_chart", "lifelines": ["A", "A"]}, "listed twice"),
        ({"kind": "message_chart", "lifelines": ["A", "B"], "messages": [{"from": "A", "to": "C"}]},
         "there is no lifeline 'C'"),
        ({"kind": "message_chart", "lifelines": ["A", "B"], "states": [{"lifeline": "Z", "text": "x"}]},
         "there is no lifeline 'Z'"),
        ({"kind": "message_chart", "lifelines": ["A", "B"], "messages": [{"from": "A", "to": "B"}],
          "states": [{"lifeline": "A", "text": "x", "after": 3}]}, "there are 1 messages"),
        ({"kind": "message_chart", "lifelines": ["A", "B"], "messages": [{"from": "A", "to": "B"}] * 13}, "at most 12"),
        ({"kind": "message_chart", "extend": True}, "give some"),
    ])
    assert diagnostics([{"kind": "message_chart", "extend": True, "messages": [{"from": "X", "to": "Y"}]}]) == []


def test_message_chart_rows_and_strings():
    from compiler.runtime.components.message_chart import rows

    r = rows(TCP["messages"], TCP["states"])
    assert [k for k, _ in r] == ["states", "message", "states", "message", "states", "message", "states"]
    assert [s["text"] for s in r[-1][1]] == ["ESTABLISHED", "ESTABLISHED"]
    assert drawn_strings("message_chart", TCP)[:4] == ["Client", "Server", "SYN seq=100", "SYN-ACK seq=300 ack=101"]
    assert "timeout → retry" in drawn_strings("message_chart", RETRY) and "time" in drawn_strings("message_chart", TCP)


def test_message_chart_dry_runs_fit(monkeypatch):
    _fits([
        _scene("SYN. SYN-ACK. ACK. Established.", [TCP], "TCP handshake"),
        _scene("Packets written on three lines.", [{"kind": "message_chart", "lifelines": ["Client", "Server"],
                                                    "messages": [{"from": "Client", "to": "Server",
                                                                  "label": "SYN\nseq = 1000\nack = (none)"},
                                                                 {"from": "Server", "to": "Client", "reply": True,
                                                                  "label": "SYN + ACK\nseq = 5000\nack = 1001"}],
                                                    "states": [{"lifeline": "Client", "text": "SYN-SENT", "after": 0}]}]),
        _scene("A reply is lost. Sent again after a timeout.",  # a lost reply: its cross at the end of the dashed arrow
               [{"kind": "message_chart", "lifelines": ["Client", "Server"],
                 "messages": [{"from": "Client", "to": "Server", "label": "SYN"},
                              {"from": "Server", "to": "Client", "label": "SYN-ACK", "reply": True, "lost": True,
                               "note": "timeout"},
                              {"from": "Server", "to": "Client", "label": "SYN-ACK", "reply": True,
                               "note": "timeout → retry"}]}]),
        _scene("A request is lost. It is sent again. Then a cached one.",
               [RETRY, {"kind": "message_chart", "extend": True, "sentence": 3,
                        "messages": [{"from": "Browser", "to": "Cache", "label": "GET /index"},
                                     {"from": "Cache", "to": "Browser", "label": "200 OK (cached)", "reply": True}],
                        "states": [{"lifeline": "Cache", "text": "HIT", "after": 0}]}], "Lost and retried"),
        _scene("Six parties, twelve messages.", [{"kind": "message_chart", "lifelines": [f"P{k}" for k in range(6)],
                                                  "messages": [{"from": f"P{k % 6}", "to": f"P{(k * 5 + 1) % 6}",
                                                                "label": f"message {k}"} for k in range(12)]}]),
    ], monkeypatch)


# ----------------------------------------------------------------------------- drawing
CHLOROPLAST = {"kind": "drawing", "caption": "Light enters the chloroplast", "shapes": [
    {"id": "chloroplast", "type": "membrane", "label": "Chloroplast", "color": "green", "width": 8, "height": 3.6},
    {"id": "g1", "type": "stack", "count": 5, "inside": "chloroplast", "label": "granum"},
    {"id": "g2", "type": "stack", "count": 4, "inside": "chloroplast"},
    {"id": "stroma", "type": "dot", "inside": "chloroplast", "label": "stroma"},
    {"id": "sun", "type": "circle", "label": "light", "color": "gold", "size": "small", "left_of": "chloroplast"},
    {"id": "ray", "type": "arrow", "from": "sun", "to": "chloroplast", "label": "photons"}],
               "steps": [{"action": "flow", "shapes": ["ray"], "text": "γ"}, {"action": "flow", "shapes": ["g1", "stroma"]}]}
DNA = {"kind": "drawing", "shapes": [{"id": "dna", "type": "double_helix", "label": "DNA", "size": "large"},
                                     {"id": "helicase", "type": "ellipse", "label": "helicase", "size": "small",
                                      "right_of": "dna"}],
       "steps": [{"action": "unzip", "shapes": ["dna"]}, {"action": "highlight", "shapes": ["helicase"]},
                 {"action": "label", "shapes": ["dna"], "text": "two strands"}]}
TUBE = {"kind": "drawing", "shapes": [
    {"id": "tube", "type": "tube", "label": "centrifuge tube", "size": "large"},
    {"id": "light", "type": "rectangle", "inside": "tube", "width": 0.9, "height": 0.18, "label": "¹⁴N"},
    {"id": "mid", "type": "rectangle", "below": "light", "inside": "tube", "width": 0.9, "height": 0.18},
    {"id": "heavy", "type": "rectangle", "below": "mid", "inside": "tube", "width": 0.9, "height": 0.18}]}
CELL = {"kind": "drawing", "shapes": [
    {"id": "cell", "type": "membrane", "label": "Cell membrane"},
    {"id": "m1", "type": "ellipse", "label": "mitochondrion", "inside": "cell", "size": "small"},
    {"id": "m2", "type": "ellipse", "label": "mitochondrion 2", "inside": "cell", "size": "small"},
    {"id": "nucleus", "type": "circle", "label": "Nucleus", "inside": "cell", "between": ["m1", "m2"]},
    {"id": "envelope", "type": "membrane", "around": ["nucleus"]},
    {"id": "bag", "type": "rounded_box", "label": "bag", "around": ["cards"], "right_of": "cell"},
    {"id": "cards", "type": "rectangle", "count": 4, "width": 0.5, "height": 0.7, "label": "cards"},
    {"id": "wave", "type": "wavy_line", "label": "signal", "below": "cell"}]}


def test_drawing_validates_and_reports_positioned_errors():
    assert diagnostics([CHLOROPLAST, DNA, TUBE, CELL]) == []
    _check([
        ({"kind": "drawing"}, "a drawing needs `shapes`"),
        ({"kind": "drawing", "shapes": [{"id": "a"}, {"id": "a"}]}, "listed twice"),
        ({"kind": "drawing", "shapes": [{"id": "a", "above": "b"}]}, "there is no shape 'b'"),
        ({"kind": "drawing", "shapes": [{"id": "a", "inside": "a"}]}, "relative to itself"),
        ({"kind": "drawing", "shapes": [{"id": "a"}, {"id": "b", "above": "a", "below": "a"}]}, "give one of them"),
        ({"kind": "drawing", "shapes": [{"id": "a", "inside": "b"}, {"id": "b", "inside": "a"}]}, "in a circle"),
        ({"kind": "drawing", "shapes": [{"id": "a"}, {"id": "b", "type": "circle", "from": "a", "to": "a"}]},
         "only a `line`, an `arrow` or a `wavy_line`"),
        ({"kind": "drawing", "shapes": [{"id": "a"}, {"id": "l", "type": "line", "from": "a"}]}, "both `from` and `to`"),
        ({"kind": "drawing", "shapes": [{"id": "a"}, {"id": "b", "between": ["a"]}]}, "names two shapes"),
        ({"kind": "drawing", "shapes": [{"id": "a"}], "steps": [{"action": "unzip", "shapes": ["a"]}]},
         "not a double_helix"),
        ({"kind": "drawing", "shapes": [{"id": "a"}], "steps": [{"action": "color", "shapes": ["a"]}]}, "a `color`"),
        ({"kind": "drawing", "shapes": [{"id": "a", "type": "pentagon"}]}, "'circle', 'ellipse'"),
        ({"kind": "drawing", "shapes": [{"id": str(k)} for k in range(17)]}, "at most 16"),
    ])


def test_drawing_layout_follows_the_relations():
    from compiler.components.drawing import containment
    from compiler.runtime.components.drawing import layout

    boxes, where = layout([dict(s) for s in CELL["shapes"]])
    cx, cy, cw, ch = boxes["cell"]
    for i in ("m1", "m2", "nucleus", "envelope"):  # inside: within the container
        x, y, w, h = boxes[i]
        assert cx - cw / 2 < x - w / 2 and x + w / 2 < cx + cw / 2 and cy - ch / 2 < y - h / 2, i
    assert boxes["m1"][0] < boxes["nucleus"][0] < boxes["m2"][0]  # between
    assert boxes["envelope"][2] > boxes["nucleus"][2] and abs(boxes["envelope"][0] - boxes["nucleus"][0]) < 1e-9
    assert boxes["bag"][0] > cx + cw / 2 and boxes["wave"][1] < cy - ch / 2  # right_of, below
    assert containment([dict(s) for s in CELL["shapes"]])["nucleus"] == "envelope"
    assert where["cell"] == "top" and where["m1"] == "below" and where["nucleus"] == "inside"
    tube, _ = layout([dict(s) for s in TUBE["shapes"]])
    assert tube["light"][1] > tube["mid"][1] > tube["heavy"][1]
    assert drawn_strings("drawing", DNA) == ["DNA", "helicase", "two strands"]


def test_drawing_dry_runs_fit(monkeypatch):
    _fits([
        _scene("A chloroplast with stacked thylakoids.", [CHLOROPLAST], "A chloroplast"),
        _scene("Two strands unzip. Helicase. Two strands.", [DNA], "DNA unzipping"),
        _scene("A tube with three bands. A cell and a bag of cards.", [TUBE, CELL,
                                                                       {"kind": "drawing", "extend": True,
                                                                        "steps": [{"action": "color", "shapes": ["m1"],
                                                                                   "color": "red"},
                                                                                  {"action": "remove",
                                                                                   "shapes": ["wave"]}]}]),
        _scene("Sixteen shapes.", [{"kind": "drawing", "shapes": [
            {"id": f"s{k}", "type": t, "label": f"shape {k}"}
            for k, t in enumerate(["circle", "ellipse", "rectangle", "rounded_box", "triangle", "dot", "line", "arrow",
                                   "wavy_line", "membrane", "tube", "stack", "circle", "ellipse", "rectangle",
                                   "double_helix"])]}]),
    ], monkeypatch)


# ----------------------------------------------------------------------------- all five
def _hostile_visuals() -> list[dict]:
    from .hostile import HOSTILE

    h = [x for x in HOSTILE if len(x) <= 16 and x.strip()]
    return [
        {"kind": "physics", "bodies": [{"shape": "block", "label": h[0], "name": "b"}],
         "vectors": [{"label": h[1]}, {"direction": "up", "label": h[2]}], "caption": h[3],
         "steps": [{"action": "label", "body": "b", "text": h[4]}]},
        {"kind": "wave", "waves": [{"label": h[5]}], "marks": True, "amplitude_label": h[6], "wavelength_label": h[7],
         "doppler": {"source": h[8], "ahead": h[9], "behind": h[10]}, "x_label": h[11]},
        {"kind": "circuit", "elements": [{"type": "battery", "value": h[12]}, {"type": "resistor", "label": h[13],
                                                                              "value": h[14], "current": h[15]}],
         "steps": [{"action": "value", "element": h[13], "text": h[16]}]},
        {"kind": "message_chart", "lifelines": [h[17], h[18]], "messages": [{"from": h[17], "to": h[18], "label": h[19],
                                                                           "note": h[20]}],
         "states": [{"lifeline": h[18], "text": h[21]}]},
        {"kind": "drawing", "shapes": [{"id": "a", "label": h[22]}, {"id": "b", "type": "rounded_box", "label": h[23],
                                                                       "right_of": "a"},
                                       {"id": "l", "type": "arrow", "from": "a", "to": "b", "label": h[24]}],
         "caption": h[25]},
    ]


def test_hostile_text_in_the_new_kinds_compiles_executes_nothing_and_draws():
    import os

    from compiler import dryrun

    from .hostile import CANARY
    from .test_generate import generated

    if os.path.exists(CANARY):
        os.remove(CANARY)
    visuals = _hostile_visuals()
    assert diagnostics(visuals) == []
    gens = generated({"scenes": [_scene("Hostile text in every new kind.", visuals)]})
    for g in gens:
        exec(compile(g.code, g.filename, "exec"), {})  # noqa: S102 - our own generated code
    assert not os.path.exists(CANARY)
    for g in generated({"scenes": [_scene("Hostile text, drawn.", [v]) for v in visuals]}):
        ins = dryrun.run_scene(g.code, g.class_name, 1)
        assert not [v for v in ins.violations if v.kind == "outside"], (g.filename, ins.violations)
    assert not os.path.exists(CANARY)


def test_new_kinds_are_in_the_gallery():
    from .conftest import STORYBOARDS

    data = json.loads((STORYBOARDS / "gallery.json").read_text(encoding="utf-8"))
    used = {v["kind"] for s in data["scenes"] for v in s.get("visuals") or []}
    assert set(NEW_KINDS) <= used


def test_a_series_resistor_then_parallel_branches_named_by_label_and_value():
    """"R1 = 2 Ω on the top wire, then … two parallel branches: R2 = 4 Ω … and R3 = 6 Ω …": R1 stays on the main
    line, R2 and R3 each on a branch; "the battery" named again is the same battery."""
    from compiler.models import Storyboard
    from compiler.plan import plan_storyboard

    details = ("Draw a circuit: a 9 V battery on the left, resistor R1 = 3 Ω on the top wire, then the wire splits into "
               "two parallel branches: R2 = 6 Ω in the middle branch and R3 = 6 Ω in the right branch, which rejoin "
               "and return to the battery.")
    sb = Storyboard.model_validate({"scenes": [{"scene_plot": "A circuit.", "animation_details": details,
                                                 "animation_style": "Clean.", "audio_text": "One resistor, then two."}]})
    circuit = next(b for b in plan_storyboard(sb).scenes[0].beats if b.kind == "circuit")
    els = [(e["type"], e.get("label"), e.get("value"), e.get("branch")) for e in circuit.params["elements"]]
    assert els == [("battery", None, "9 V", None), ("resistor", "R1", "3 Ω", None), ("resistor", "R2", "6 Ω", 1),
                   ("resistor", "R3", "6 Ω", 2)]


def test_an_element_after_and_is_its_own_element_not_the_previous_ones_value():
    from compiler.planner.rules_circuit import _elements

    assert [e["type"] for e in _elements("a 6 V battery, a 3 Ω resistor R1 and an ammeter reading 2 A")] == [
        "battery", "resistor", "ammeter"]
    assert _elements("a resistor of 3 Ω and a bulb") == [{"type": "resistor", "value": "3 Ω"}, {"type": "bulb"}]


def test_clearing_one_picture_keeps_the_rest_and_fits(monkeypatch):
    plane = {"kind": "vector_plane", "basis": True, "matrices": [{"values": [[2, 1], [1, 2]]}]}
    for number, ins in dry_run([_scene("The plane. Its matrix. The plane goes. What is left.",
                                       [plane, {"kind": "equation", "expr": "A v = λ v"},
                                        {"kind": "clear", "kinds": ["vector_plane"]},
                                        {"kind": "text", "text": "Eigenvalues: 3 and 1"}], "Eigenvectors")],
                               monkeypatch):
        assert ins.violations == [], (number, ins.violations)


REFRACTION = {"kind": "physics", "refraction": {"n1": 1.5, "n2": 1.0, "angle": 20, "top": "glass", "bottom": "air",
                                                "normal": "normal", "ghost": True},
              "steps": [{"action": "sweep", "degrees": 41}, {"action": "sweep", "degrees": 50}]}


def test_refraction_follows_snells_law_validates_and_fits(monkeypatch):
    from compiler.components.physics import refracted

    assert abs(refracted(1.0, 1.5, 40) - 25.37) < 0.01 and refracted(1.5, 1.0, 50) is None  # past 41.8°: reflected
    assert drawn_strings("physics", {"refraction": {"n1": 1.5, "n2": 1.0, "angle": 50}}) == [
        "n₁ = 1.5", "n₂ = 1", "θ₁", "θ₂", "total internal reflection"]
    assert diagnostics([REFRACTION]) == []
    _check([({"kind": "physics", "refraction": {"n1": 0.5}}, "greater than or equal to 1"),
            ({"kind": "physics", "bodies": [{}], "steps": [{"action": "sweep", "degrees": 30}]}, "no `refraction`"),
            ({"kind": "physics", "refraction": {}, "steps": [{"action": "sweep"}]}, "needs the angle")])
    _fits([_scene("Light leaves the glass. It bends away from the normal. Then all of it reflects.", [REFRACTION],
                  "Total internal reflection")], monkeypatch)


def test_a_block_on_a_spring_validates_and_fits(monkeypatch):
    spring = {"kind": "physics", "spring": {"k": 50, "mass": 0.5, "amplitude": 0.1, "cycles": 2, "label": "m"}}
    assert diagnostics([spring]) == []
    _check([({"kind": "physics", "bodies": [{}], "steps": [{"action": "oscillate"}]}, "no `spring`"),
            ({"kind": "physics", "spring": {"k": -1}}, "greater than 0")])
    _fits([_scene("Pull the block and let go. It oscillates.", [spring], "Simple harmonic motion")], monkeypatch)


def test_data_lines_on_a_plot_validate_and_fit(monkeypatch):
    plot = {"kind": "plot", "x_range": [0, 160], "y_range": [0, 1000], "numbers": True,
            "series": [{"points": [[0, 999], [40, 288], [160, 59]], "label": "S", "color": "blue"},
                       {"points": [[0, 1], [40, 298], [160, 0]], "label": "I", "color": "red"}]}
    assert diagnostics([plot]) == []
    _check([({"kind": "plot", "series": [{"points": [[0, 1]]}]}, "at least 2")])
    assert drawn_strings("plot", plot) == ["S", "I"]
    _fits([_scene("The epidemic's curves, drawn from the data.", [plot], "SIR model")], monkeypatch)
