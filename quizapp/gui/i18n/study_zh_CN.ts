<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>StatsPage</name>
    <message>
        <location filename="../study/stats_page.py" line="+106"/>
        <source>Statistics unavailable: %1</source>
        <translation>无法计算统计：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Accuracy by topic (%, weakest first)</source>
        <translation>各主题正确率（%，最弱在前）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy by cell and quantity (%)</source>
        <translation>各单元与量的正确率（%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most frequent mistakes (↓ fading)</source>
        <translation>最常见的错误（↓ 正在减少）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers per day</source>
        <translation>每日作答数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews due (today includes overdue)</source>
        <translation>待复习数（今天含逾期）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median seconds per drill</source>
        <translation>每道计算题的中位用时（秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n answers recorded</source>
        <translation><numerusform>已记录 %n 次作答</numerusform></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>median %1 s per drill</source>
        <translation>计算题中位用时 %1 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 due today</source>
        <translation>今天待复习 %1 项</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Streak: %n days in a row</source>
        <translation><numerusform>连续学习：%n 天</numerusform></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export the history</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Wrote %n answers to %1</source>
        <translation><numerusform>已将 %n 次作答写入 %1</numerusform></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show my streak</source>
        <translation>显示连续天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Save the whole history as a CSV file, one row per answer</source>
        <translation>把全部学习记录保存为 CSV 文件，每次作答一行</translation>
    </message>
    <message>
        <source>Anki deck</source>
        <translation>Anki 卡组</translation>
    </message>
    <message>
        <source>Cards for Anki; exporting again updates the cards instead of adding copies</source>
        <translation>导出给 Anki 的卡片；再次导出会更新已有卡片，不会重复添加</translation>
    </message>
    <message>
        <source>All questions…</source>
        <translation>全部题目…</translation>
    </message>
    <message>
        <source>My mistakes (newest first)…</source>
        <translation>我的错题（最近的在前）…</translation>
    </message>
    <message>
        <source>Export an Anki deck</source>
        <translation>导出 Anki 卡组</translation>
    </message>
    <message>
        <source>Anki package (*.apkg)</source>
        <translation>Anki 卡组包 (*.apkg)</translation>
    </message>
    <message>
        <source>No wrong answers to questions yet; nothing was written.</source>
        <translation>还没有答错的题目；未写入任何文件。</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n cards to %1 (import it in Anki)</source>
        <translation><numerusform>已将 %n 张卡片写入 %1（可在 Anki 中导入）</numerusform></translation>
    </message>
    <message>
        <source>free-text scores never confirmed: %1</source>
        <translation>未确认的文字题得分：%1</translation>
    </message>
    <message>
        <source>Not saved: %1 is inside the data folder (it would overwrite the history); choose a file outside it.</source>
        <translation>未保存：%1 位于数据文件夹中（会覆盖学习记录）；请选择数据文件夹以外的文件。</translation>
    </message>
</context>
<context>
    <name>StudyController</name>
    <message>
        <location filename="../study/controller.py" line="+87"/>
        <source>The study history could not be opened: %1</source>
        <translation>无法打开学习记录：%1</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Choose at least one cell on the home screen first.</source>
        <translation>请先在首页至少选择一种单元。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing is due today.</source>
        <translation>今天没有待复习的内容。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No mistakes to retry yet.</source>
        <translation>还没有需要重做的错题。</translation>
    </message>
    <message>
        <source>Could not record the confirmed scores: %1</source>
        <translation>无法保存确认的得分：%1</translation>
    </message>
</context>
<context>
    <name>StudyEntries</name>
    <message>
        <location filename="../study/__init__.py" line="+111"/>
        <source>Review due</source>
        <translation>复习到期内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>questions and drills due today, interleaved</source>
        <translation>今天到期的题目与计算题，交替出现</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Drill session</source>
        <translation>计算练习</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>10 drills from the cells and quantities chosen above, then a summary</source>
        <translation>按上方所选单元与量做 10 道计算题，最后给出小结</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mock interview</source>
        <translation>模拟面试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>25 minutes, questions and computations, a report at the end</source>
        <translation>25 分钟，概念题与计算题，结束后给出报告</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mistakes</source>
        <translation>错题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retry what went wrong, newest first</source>
        <translation>重做做错的题，最新的在前</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy, frequent mistakes, reviews to come; export</source>
        <translation>正确率、常见错误、未来复习量；可导出</translation>
    </message>
</context>
<context>
    <name>StudyPage</name>
    <message>
        <source>Your answer was not checked and is not kept: this drill is drawn anew.</source>
        <translation>你的答案还没有检查，也不会保留：这道练习下次会重新出题。</translation>
    </message>
    <message>
        <source>Your answer was not checked: it is kept and comes back with this item when you study it again.</source>
        <translation>你的答案还没有检查：已为你保留，下次学习这一项时会自动填回。</translation>
    </message>
    <message>
        <source>Your answer typed before is back: it is not checked yet.</source>
        <translation>之前输入的答案已填回：还没有检查。</translation>
    </message>
    <message>
        <source>pack: %1</source>
        <translation>题包：%1</translation>
    </message>
    <message>
        <location filename="../study/session_page.py" line="+373"/>
        <location line="+83"/>
        <source>Not read, not counted: %1</source>
        <translation>无法识别，不计分：%1</translation>
    </message>
    <message>
        <source>Not counted: correct the answer and check again</source>
        <translation>不计分：请改正答案后再检查</translation>
    </message>
    <message>
        <source>✗ Left empty: counts as wrong</source>
        <translation>✗ 未作答：按答错计</translation>
    </message>
    <message>
        <source>✗ Not read, counts as wrong: %1</source>
        <translation>✗ 无法识别，按答错计：%1</translation>
    </message>
    <message>
        <source>Not the expected value, but it follows from your own earlier answers: counted (error carried forward)</source>
        <translation>不是正确值，但由你自己前面的答案正确推出：计分（错误沿用）</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Write an answer first.</source>
        <translation>请先写下答案。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not counted: %1</source>
        <translation>不计分：%1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Not counted: the answer could not be checked (%1)</source>
        <translation>不计分：无法检查这个答案（%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tick the key points your answer made (keys 1–9), then press Check again to record the score.</source>
        <translation>勾选你的答案涵盖的要点（按键 1–9），再按一次“检查”记录得分。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>✓ Correct</source>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✗ %1 of %2 right</source>
        <translation>✗ %2 个中对了 %1 个</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>✓ Right</source>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Partly right: %1 %</source>
        <translation>部分正确：%1 %</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>✗ Not quite</source>
        <translation>✗ 不太对</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Score %1 %.</source>
        <translation>得分 %1 %。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Score %1 % in %2 s. Proposed rating: %3 (keys 1–4 change it).</source>
        <translation>得分 %1 %，用时 %2 秒。建议评级：%3（按 1–4 可更改）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rated %1; next review on %2.</source>
        <translation>已评为%1；下次复习：%2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Again</source>
        <translation>重来</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Study session</source>
        <translation>学习</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Item %1 of %2</source>
        <translation>第 %1 项，共 %2 项</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drill session</source>
        <translation>计算练习</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>复习</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mock interview</source>
        <translation>模拟面试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mistakes</source>
        <translation>错题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish now</source>
        <translation>现在结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check  (Ctrl+Enter)</source>
        <translation>检查（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model answer</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>解析</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next  (Enter)</source>
        <translation>下一题（Enter）</translation>
    </message>
    <message>
        <source>Show the answer  (Ctrl+D)</source>
        <translation>显示答案  (Ctrl+D)</translation>
    </message>
    <message>
        <source>I don't know: show the answer (counts as a miss)</source>
        <translation>不会：显示答案（记为答错）</translation>
    </message>
    <message>
        <source>Answer shown: counted as a miss</source>
        <translation>已显示答案：记为答错</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../study/summary_page.py" line="+159"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Missed question: %1</source>
        <translation>答错的题：%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No answers were recorded in this session.</source>
        <translation>本次没有记录任何作答。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 answered · mean score %2 · %3 min</source>
        <translation>作答 %1 项 · 平均得分 %2 · %3 分钟</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>By topic or cell</source>
        <translation>按主题或单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic / cell</source>
        <translation>主题 / 单元</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>Answers</source>
        <translation>作答</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Mean score</source>
        <translation>平均得分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Named mistakes</source>
        <translation>识别出的错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>Mistake</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+36"/>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+36"/>
        <source>Item</source>
        <translation>题目</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+19"/>
        <location line="+17"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+36"/>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Score %1 (unanswered count as 0) · %2 of %3 answered · %4 of %5 min</source>
        <translation>得分 %1（未答计 0）· 共 %3 项答了 %2 项 · 用时 %4 / %5 分钟</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Score by topic</source>
        <translation>各主题得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Answered</source>
        <translation>已答</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Mistakes by kind</source>
        <translation>按类型统计的错误</translation>
    </message>
    <message>
        <source>Missed questions</source>
        <translation>没答对的题目</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Key points missed</source>
        <translation>漏掉的要点</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time per item</source>
        <translation>每题用时</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What to study next</source>
        <translation>接下来该学什么</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Drill session: summary</source>
        <translation>计算练习：小结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review: summary</source>
        <translation>复习：小结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mock interview: report</source>
        <translation>模拟面试：报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mistakes: summary</source>
        <translation>错题：小结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions: summary</source>
        <translation>题目：小结</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save as Markdown</source>
        <translation>保存为 Markdown</translation>
    </message>
    <message>
        <source>Save this report as a Markdown file</source>
        <translation>把这份报告保存为 Markdown 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as HTML</source>
        <translation>保存为 HTML</translation>
    </message>
    <message>
        <source>Save this report as a web page</source>
        <translation>把这份报告保存为网页</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to home</source>
        <translation>返回首页</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Summary</source>
        <translation>小结</translation>
    </message>
    <message>
        <source>Not final: confirm the key points of your free-text answers below.</source>
        <translation>尚未定分：请在下面确认你的文字回答涵盖了哪些要点。</translation>
    </message>
    <message>
        <source>Your free-text answers: which key points did each make?</source>
        <translation>你的文字回答：每题涵盖了哪些要点？</translation>
    </message>
    <message>
        <source>Confirm scores</source>
        <translation>确认得分</translation>
    </message>
    <message>
        <source>Not saved: %1 is inside the data folder (it would overwrite the history); choose a file outside it.</source>
        <translation>未保存：%1 位于数据文件夹中（会覆盖学习记录）；请选择数据文件夹以外的文件。</translation>
    </message>
</context>
<context>
    <name>PracticeRecorder</name>
    <message>
        <source>This answer could not be saved to the history: %1</source>
        <translation>这个回答没能保存到学习记录中：%1</translation>
    </message>
</context>
</TS>
