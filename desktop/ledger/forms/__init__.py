"""Forms: the unit forms' round trip. unit_forms.py writes one protected fill-in workbook per unit
(form_writer.py, form_layout.py); collect.py reads the returns back (form_reader.py), plans what
they change (collect_plan.py) and records them as one undo step. Imports from writing/ (the cell
writer and styles) and reading/."""
