<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>DrillSheet</name>
    <message numerus="yes">
        <location filename="../views/drill_sheet.py" line="411" />
        <source>%n numbers, e.g. %1</source>
        <translation><numerusform>%n number, e.g. %1</numerusform><numerusform>%n numbers, e.g. %1</numerusform></translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message numerus="yes">
        <location filename="../views/home.py" line="392" />
        <source>Matching questions: %n</source>
        <translation><numerusform>Matching questions: %n</numerusform><numerusform>Matching questions: %n</numerusform></translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message numerus="yes">
        <location filename="../views/question.py" line="203" />
        <source>%n question files have problems; the questions concerned are left out:</source>
        <translation><numerusform>A question file has problems; the questions concerned are left out:</numerusform><numerusform>%n question files have problems; the questions concerned are left out:</numerusform></translation>
    </message>
</context>
</TS>