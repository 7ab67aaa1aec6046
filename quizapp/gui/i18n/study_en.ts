<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plural forms of the study pages' messages with a count (hand-edited, like
     study_zh_CN.ts); compile with
     pyside6-lrelease quizapp/gui/i18n/study_en.ts -qm quizapp/gui/i18n/study_en.qm -->
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>StatsPage</name>
    <message numerus="yes">
        <source>%n answers recorded</source>
        <translation>
            <numerusform>%n answer recorded</numerusform>
            <numerusform>%n answers recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n cards to %1 (import it in Anki)</source>
        <translation>
            <numerusform>Wrote %n card to %1 (import it in Anki)</numerusform>
            <numerusform>Wrote %n cards to %1 (import it in Anki)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Streak: %n days in a row</source>
        <translation>
            <numerusform>Streak: %n day in a row</numerusform>
            <numerusform>Streak: %n days in a row</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n answers to %1</source>
        <translation>
            <numerusform>Wrote %n answer to %1</numerusform>
            <numerusform>Wrote %n answers to %1</numerusform>
        </translation>
    </message>
</context>
</TS>
