#!/usr/bin/env bash
# Developer tool: regenerate the interface translations after changing strings (see fill_zh.py).
# Serialised with a lock so that two people (or two sessions) running it at once do not collide.
set -euo pipefail
cd "$(dirname "$0")/../../.."
exec 9>/tmp/quizapp-i18n.lock
flock 9
FILES=$(find quizapp/gui -name '*.py' -not -path '*/diagram/*' -not -path '*/study/*')
pyside6-lupdate $FILES -ts quizapp/gui/i18n/quizapp_zh_CN.ts -no-obsolete >/dev/null
pyside6-lupdate $FILES -ts quizapp/gui/i18n/quizapp_en.ts -no-obsolete -pluralonly \
    -source-language en_US -target-language en_US >/dev/null
python -m quizapp.gui.i18n.fill_zh
for ts in quizapp/gui/i18n/*.ts; do
    pyside6-lrelease "$ts" -qm "${ts%.ts}.qm" >/dev/null
done
