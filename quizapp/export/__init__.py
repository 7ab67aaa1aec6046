"""Take the practice elsewhere: an Anki deck of the bank (or of one's mistakes) and printable
drill sheets with an answer key.

``sheet`` (which drills a sheet holds) and ``sheet_html`` (the sheet as HTML) need no Qt;
``sheet_pdf`` prints that HTML with Qt's own PDF writer. ``anki_fields`` builds the cards' fields,
``anki`` writes the ``.apkg`` with genanki and ``wrong`` finds the questions the learner got wrong.
"""
