"""The SOP lifecycle after it is signed: monitoring and evaluation, revisions, the catalogue.

The regulation (PermenPAN-RB 35/2012, ``docs/lifecycle.md``) asks units to
monitor every SOP at least every six months, evaluate it at least yearly,
revise it, and keep a list of what they have. These modules answer those
questions from the files alone; they draw nothing and never import Textual.
"""
