<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en_US">
<context>
    <name>Banner</name>
    <message>
        <location filename="../widgets/banner.py" line="27" />
        <source>Dismiss message</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>ChoiceAnswer</name>
    <message>
        <location filename="../views/answers/choices.py" line="184" />
        <source>✓ right option</source>
        <translation>✓ 正确选项</translation>
    </message>
    <message>
        <location filename="../views/answers/choices.py" line="189" />
        <source>✗ not right</source>
        <translation>✗ 不正确</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../crash.py" line="38" />
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../crash.py" line="42" />
        <source>An unexpected error happened. Your work so far is kept and the app goes on running. The details below are also in the log file:</source>
        <translation>发生了意外错误。已完成的内容都已保留，程序会继续运行。下面的详细信息也记录在日志文件中：</translation>
    </message>
    <message>
        <location filename="../crash.py" line="52" />
        <source>Error details</source>
        <translation>错误详情</translation>
    </message>
    <message>
        <location filename="../crash.py" line="54" />
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
</context>
<context>
    <name>DiagramPanel</name>
    <message>
        <location filename="../views/drill.py" line="98" />
        <source>← Previous</source>
        <translation>← 上一个</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="99" />
        <source>Next →</source>
        <translation>下一个 →</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="100" />
        <source>Previous stage of the diagram</source>
        <translation>示意图的上一步</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="101" />
        <source>Next stage of the diagram</source>
        <translation>示意图的下一步</translation>
    </message>
</context>
<context>
    <name>DrillController</name>
    <message>
        <location filename="../drill_controller.py" line="111" />
        <source>%1 has none of the quantities you chose; this drill asks for: %2.</source>
        <translation>%1 没有你所选的量；本题改为求：%2。</translation>
    </message>
    <message>
        <location filename="../drill_controller.py" line="165" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../drill_controller.py" line="195" />
        <source>The answer could not be checked (%1); nothing was graded.</source>
        <translation>无法检查这个答案（%1），尚未评分。</translation>
    </message>
    <message>
        <location filename="../drill_controller.py" line="209" />
        <source>Answer shown: counted as a miss</source>
        <translation>已显示答案：记为答错</translation>
    </message>
</context>
<context>
    <name>DrillFeedback</name>
    <message>
        <location filename="../views/drill_feedback.py" line="103" />
        <source>What went wrong</source>
        <translation>错在哪里</translation>
    </message>
    <message>
        <location filename="../views/drill_feedback.py" line="104" />
        <source>Worked solution</source>
        <translation>详细解答</translation>
    </message>
    <message>
        <location filename="../views/drill_feedback.py" line="105" />
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../views/drill_feedback.py" line="106" />
        <source>Show all steps</source>
        <translation>显示全部步骤</translation>
    </message>
    <message>
        <location filename="../views/drill_feedback.py" line="125" />
        <source>Score: %1 %</source>
        <translation>得分：%1 %</translation>
    </message>
    <message>
        <location filename="../views/drill_feedback.py" line="140" />
        <source>made in %1</source>
        <translation>出现在 %1</translation>
    </message>
    <message>
        <location filename="../views/drill_feedback.py" line="150" />
        <source>Correct: %1</source>
        <translation>正确公式：%1</translation>
    </message>
</context>
<context>
    <name>DrillSheet</name>
    <message>
        <location filename="../views/drill_sheet.py" line="263" />
        <source>The cell</source>
        <translation>单元公式</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="264" />
        <source>Given</source>
        <translation>已知</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="265" />
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="266" />
        <source>Values you may use</source>
        <translation>可直接使用的数值</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="267" />
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="268" />
        <source>Submit  (Enter)</source>
        <translation>提交  (Enter)</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="269" />
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="270" />
        <source>Show the answer  (Ctrl+D)</source>
        <translation>显示答案  (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="272" />
        <source>I don't know: show the worked solution (counts as a miss)</source>
        <translation>不会：显示详细解答（记为答错）</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="372" />
        <source>Answer %1</source>
        <translation>答案 %1</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="390" />
        <source>input shape: %1</source>
        <translation>输入形状：%1</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="399" />
        <source>periods: %1</source>
        <translation>周期：%1</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="405" />
        <source>a number, e.g. 128</source>
        <translation>一个数，例如 128</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="407" />
        <source>a shape, e.g. (5, 3, 20)</source>
        <translation>一个形状，例如 (5, 3, 20)</translation>
    </message>
    <message>
        <location filename="../views/drill_sheet.py" line="409" />
        <source>a formula, e.g. f*c + i*g</source>
        <translation>一个公式，例如 f*c + i*g</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/drill_sheet.py" line="411" />
        <source>%n numbers, e.g. %1</source>
        <translation><numerusform>%n 个数，例如 %1</numerusform></translation>
    </message>
</context>
<context>
    <name>DrillView</name>
    <message>
        <location filename="../views/drill.py" line="290" />
        <source>✓ Correct</source>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="291" />
        <source>✗ %1 of %2 right</source>
        <translation>✗ %2 个中对了 %1 个</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="277" />
        <source>✗ Left empty: counts as wrong</source>
        <translation>✗ 未作答：按答错计</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="280" />
        <source>✗ Not read, counts as wrong: %1</source>
        <translation>✗ 无法识别，按答错计：%1</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="284" />
        <source>Not the expected value, but it follows from your own earlier answers: counted (error carried forward)</source>
        <translation>不是正确值，但由你自己前面的答案正确推出：计分（错误沿用）</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="304" />
        <source>✗ Not read</source>
        <translation>✗ 无法识别</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="306" />
        <source>✗ Not read: %1</source>
        <translation>✗ 无法识别：%1</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="309" />
        <source>Nothing was graded: correct the answer marked in red and submit again.</source>
        <translation>尚未评分：请改正标红的答案后再提交。</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="332" />
        <source>Print the drill</source>
        <translation>打印本题</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="339" />
        <source>Not printed: %1 is inside the data folder (it would overwrite the history); choose a file outside it.</source>
        <translation>未打印：%1 位于数据文件夹内（会覆盖历史记录）；请选择文件夹之外的文件。</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="345" />
        <source>Not printed: %1</source>
        <translation>未打印：%1</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="348" />
        <source>Printed the drill (seed %1) with its answer key to %2</source>
        <translation>已将本题（种子 %1）连同答案打印到 %2</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="380" />
        <source>A seed is a whole number from 0 to %1.</source>
        <translation>种子是 0 到 %1 之间的整数。</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="418" />
        <source>Drill</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="451" />
        <source>&amp;Seed</source>
        <translation>种子(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="452" />
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="453" />
        <source>Type a seed and press Enter to replay that drill</source>
        <translation>输入种子并按 Enter，重做那道题</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="454" />
        <source>Replay</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="455" />
        <source>Another like this  (Ctrl+N)</source>
        <translation>再来一道  (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="456" />
        <source>Another like this</source>
        <translation>再来一道</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="457" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../views/drill.py" line="459" />
        <source>Save this drill as a PDF to work on paper, with the answer key on a new page</source>
        <translation>把本题存为 PDF，在纸上演算；答案在新的一页</translation>
    </message>
</context>
<context>
    <name>FreeTextAnswer</name>
    <message>
        <location filename="../views/answers/free_text.py" line="57" />
        <source>Write your answer as you would say it in an interview</source>
        <translation>像面试时那样写下你的回答</translation>
    </message>
    <message>
        <location filename="../views/answers/free_text.py" line="59" />
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <location filename="../views/answers/free_text.py" line="60" />
        <source>Which key points did your answer make?</source>
        <translation>你的回答涵盖了哪些要点？</translation>
    </message>
    <message>
        <location filename="../views/answers/free_text.py" line="66" />
        <source>write an answer first</source>
        <translation>请先写下回答</translation>
    </message>
    <message>
        <location filename="../views/answers/free_text.py" line="132" />
        <source>Score: %1 of %2 key points</source>
        <translation>得分：%2 个要点中的 %1 个</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../views/home.py" line="298" />
        <source>All outputs of the cell</source>
        <translation>单元的全部输出</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/home.py" line="392" />
        <source>Matching questions: %n</source>
        <translation><numerusform>符合条件的题目：%n 道</numerusform></translation>
    </message>
    <message>
        <location filename="../views/home.py" line="409" />
        <source>Every answer you give here is saved to your history: it counts in the statistics and comes back for review (Settings turns this off).</source>
        <translation>你在这里的每个回答都会保存到学习记录：计入统计，并安排复习（可在设置中关闭）。</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="413" />
        <source>Practice is not saved to your history (turned off in Settings).</source>
        <translation>练习不会保存到学习记录（已在设置中关闭）。</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="470" />
        <source>What would you like to practise?</source>
        <translation>今天想练习什么？</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="473" />
        <source>Work a gate computation by hand on a clean sheet, or answer interview questions with feedback. Choose below and start.</source>
        <translation>在一张干净的纸上手算门控，或者回答带反馈的面试题。在下面选择后开始。</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="478" />
        <source>Gate drills</source>
        <translation>门控计算练习</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="480" />
        <source>One step of a cell with small numbers: compute the asked quantities.</source>
        <translation>用小数字计算单元的一步：求出所问的量。</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="482" />
        <source>&amp;Cells</source>
        <translation>单元(&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="483" />
        <source>&amp;Quantities</source>
        <translation>所求的量(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="484" />
        <source>Cells</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="485" />
        <source>Quantities</source>
        <translation>所求的量</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="486" />
        <source>&amp;Difficulty</source>
        <translation>难度(&amp;D)</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="487" />
        <source>GRU con&amp;vention</source>
        <translation>GRU 约定(&amp;V)</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="488" />
        <location filename="../views/home.py" line="490" />
        <source>Start drills</source>
        <translation>开始练习</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="489" />
        <source>Back to your drill</source>
        <translation>回到未完成的练习</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="491" />
        <source>Interview questions</source>
        <translation>面试题</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="493" />
        <source>Questions from the bank, with the model answer and an explanation.</source>
        <translation>题库中的题目，附参考答案和解释。</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="495" />
        <source>&amp;Topics (none ticked: all)</source>
        <translation>主题（不勾选即全部）(&amp;T)</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="496" />
        <source>T&amp;ypes (none ticked: all)</source>
        <translation>题型（不勾选即全部）(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="497" />
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="498" />
        <source>Question types</source>
        <translation>题型</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="499" />
        <source>Di&amp;fficulty</source>
        <translation>难度(&amp;F)</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="500" />
        <location filename="../views/home.py" line="501" />
        <source>Start questions</source>
        <translation>开始答题</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="502" />
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="514" />
        <source>Drill difficulty</source>
        <translation>练习难度</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="520" />
        <source>GRU convention</source>
        <translation>GRU 约定</translation>
    </message>
    <message>
        <location filename="../views/home.py" line="538" />
        <source>Question difficulty</source>
        <translation>题目难度</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="413" />
        <source>Recurrent networks, by hand</source>
        <translation>手算循环神经网络</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="414" />
        <source>quizapp</source>
        <translation>quizapp</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="415" />
        <location filename="../main_window.py" line="418" />
        <source>Home</source>
        <translation>主页</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="416" />
        <location filename="../main_window.py" line="419" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="417" />
        <source>Shortcuts (F1)</source>
        <translation>快捷键 (F1)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="420" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
</context>
<context>
    <name>MatchingAnswer</name>
    <message>
        <location filename="../views/answers/matching.py" line="68" />
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../views/answers/matching.py" line="88" />
        <source>✓ right</source>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <location filename="../views/answers/matching.py" line="91" />
        <source>✗ it goes with: %1</source>
        <translation>✗ 应配对：%1</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../names.py" line="15" />
        <source>Vanilla RNN</source>
        <translation>普通 RNN</translation>
    </message>
    <message>
        <location filename="../names.py" line="16" />
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <location filename="../names.py" line="17" />
        <source>Peephole LSTM</source>
        <translation>窥视孔 LSTM</translation>
    </message>
    <message>
        <location filename="../names.py" line="18" />
        <source>CIFG LSTM</source>
        <translation>CIFG LSTM（耦合输入与遗忘门）</translation>
    </message>
    <message>
        <location filename="../names.py" line="19" />
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <location filename="../names.py" line="20" />
        <source>MGU</source>
        <translation>MGU（最小门控单元）</translation>
    </message>
    <message>
        <location filename="../names.py" line="21" />
        <source>SRU</source>
        <translation>SRU（简单循环单元）</translation>
    </message>
    <message>
        <location filename="../names.py" line="22" />
        <source>Clockwork RNN</source>
        <translation>Clockwork RNN（时钟 RNN）</translation>
    </message>
    <message>
        <location filename="../names.py" line="23" />
        <source>Depth-gated LSTM</source>
        <translation>深度门控 LSTM</translation>
    </message>
    <message>
        <location filename="../names.py" line="24" />
        <source>minGRU</source>
        <translation>minGRU</translation>
    </message>
    <message>
        <location filename="../names.py" line="25" />
        <source>minLSTM</source>
        <translation>minLSTM</translation>
    </message>
    <message>
        <location filename="../names.py" line="26" />
        <source>sLSTM</source>
        <translation>sLSTM</translation>
    </message>
    <message>
        <location filename="../names.py" line="27" />
        <source>mLSTM</source>
        <translation>mLSTM</translation>
    </message>
    <message>
        <location filename="../names.py" line="28" />
        <source>Selective SSM</source>
        <translation>选择性 SSM</translation>
    </message>
    <message>
        <location filename="../names.py" line="29" />
        <source>Linear attention</source>
        <translation>线性注意力</translation>
    </message>
    <message>
        <location filename="../names.py" line="38" />
        <source>Paper (normalised gates, h̃ = W_h x + b_h)</source>
        <translation>论文（门归一化，h̃ = W_h x + b_h）</translation>
    </message>
    <message>
        <location filename="../names.py" line="40" />
        <source>Log-space code (normalised gates, h̃ = g(…))</source>
        <translation>对数空间代码（门归一化，h̃ = g(…)）</translation>
    </message>
    <message>
        <location filename="../names.py" line="42" />
        <source>PyTorch (reset after U h)</source>
        <translation>PyTorch（重置门作用在 U h 之后）</translation>
    </message>
    <message>
        <location filename="../names.py" line="43" />
        <source>D2L (reset before U h)</source>
        <translation>D2L（重置门作用在 U h 之前）</translation>
    </message>
    <message>
        <location filename="../names.py" line="44" />
        <source>Colah (z takes the candidate)</source>
        <translation>Colah（z 取候选值）</translation>
    </message>
    <message>
        <location filename="../names.py" line="45" />
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location filename="../names.py" line="46" />
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../names.py" line="47" />
        <source>standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../names.py" line="48" />
        <source>Paper (h̃ = W_h x + b_h)</source>
        <translation>论文（h̃ = W_h x + b_h）</translation>
    </message>
    <message>
        <location filename="../names.py" line="49" />
        <source>Log-space code (h̃ = g(W_h x + b_h))</source>
        <translation>对数空间代码（h̃ = g(W_h x + b_h)）</translation>
    </message>
    <message>
        <location filename="../names.py" line="50" />
        <source>Gates not normalised</source>
        <translation>门不归一化</translation>
    </message>
    <message>
        <location filename="../names.py" line="51" />
        <source>Forget gate σ</source>
        <translation>遗忘门 σ</translation>
    </message>
    <message>
        <location filename="../names.py" line="52" />
        <source>Forget gate exp</source>
        <translation>遗忘门 exp</translation>
    </message>
    <message>
        <location filename="../names.py" line="53" />
        <source>Simplified B̄ = Δ B (Mamba)</source>
        <translation>简化的 B̄ = Δ B（Mamba）</translation>
    </message>
    <message>
        <location filename="../names.py" line="54" />
        <source>Exact zero-order hold</source>
        <translation>精确的零阶保持</translation>
    </message>
    <message>
        <location filename="../names.py" line="62" />
        <source>Whiteboard (by hand, small numbers)</source>
        <translation>白板（手算，小数字）</translation>
    </message>
    <message>
        <location filename="../names.py" line="63" />
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../names.py" line="64" />
        <location filename="../names.py" line="75" />
        <source>Hard</source>
        <translation>困难</translation>
    </message>
    <message>
        <location filename="../names.py" line="72" />
        <source>Any difficulty</source>
        <translation>任意难度</translation>
    </message>
    <message>
        <location filename="../names.py" line="73" />
        <source>Easy</source>
        <translation>简单</translation>
    </message>
    <message>
        <location filename="../names.py" line="74" />
        <source>Medium</source>
        <translation>中等</translation>
    </message>
    <message>
        <location filename="../names.py" line="83" />
        <source>Single choice</source>
        <translation>单选题</translation>
    </message>
    <message>
        <location filename="../names.py" line="84" />
        <source>Multiple choice</source>
        <translation>多选题</translation>
    </message>
    <message>
        <location filename="../names.py" line="85" />
        <source>True or false</source>
        <translation>判断题</translation>
    </message>
    <message>
        <location filename="../names.py" line="86" />
        <source>Number</source>
        <translation>数值题</translation>
    </message>
    <message>
        <location filename="../names.py" line="87" />
        <source>Tensor shape</source>
        <translation>张量形状</translation>
    </message>
    <message>
        <location filename="../names.py" line="88" />
        <source>Formula</source>
        <translation>公式题</translation>
    </message>
    <message>
        <location filename="../names.py" line="89" />
        <source>Ordering</source>
        <translation>排序题</translation>
    </message>
    <message>
        <location filename="../names.py" line="90" />
        <source>Matching</source>
        <translation>配对题</translation>
    </message>
    <message>
        <location filename="../names.py" line="91" />
        <source>Code reading</source>
        <translation>读代码</translation>
    </message>
    <message>
        <location filename="../names.py" line="92" />
        <source>Free text</source>
        <translation>简答题</translation>
    </message>
    <message>
        <location filename="../names.py" line="100" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../names.py" line="101" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../names.py" line="102" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../names.py" line="115" />
        <source>One bias per gate</source>
        <translation>每个门一个偏置</translation>
    </message>
    <message>
        <location filename="../names.py" line="116" />
        <source>Two biases per gate (PyTorch)</source>
        <translation>每个门两个偏置（PyTorch）</translation>
    </message>
    <message>
        <location filename="../names.py" line="124" />
        <source>read as %1</source>
        <translation>识别为 %1</translation>
    </message>
    <message>
        <location filename="../names.py" line="131" />
        <source>expected 1 number</source>
        <translation>应为 1 个数</translation>
    </message>
    <message>
        <location filename="../names.py" line="132" />
        <source>expected %1 numbers</source>
        <translation>应为 %1 个数</translation>
    </message>
</context>
<context>
    <name>OrderingAnswer</name>
    <message>
        <location filename="../views/answers/ordering.py" line="84" />
        <source>Move up  (Alt+↑)</source>
        <translation>上移  (Alt+↑)</translation>
    </message>
    <message>
        <location filename="../views/answers/ordering.py" line="85" />
        <source>Move down  (Alt+↓)</source>
        <translation>下移  (Alt+↓)</translation>
    </message>
    <message>
        <location filename="../views/answers/ordering.py" line="86" />
        <source>Items to put in order</source>
        <translation>待排序的条目</translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message numerus="yes">
        <location filename="../views/question.py" line="203" />
        <source>%n question files have problems; the questions concerned are left out:</source>
        <translation><numerusform>%n 个题目文件有问题，相关题目已略去：</numerusform></translation>
    </message>
    <message>
        <location filename="../views/question.py" line="277" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="296" />
        <source>Not counted: the answer could not be checked (%1)</source>
        <translation>不计分：无法检查这个答案（%1）</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="306" />
        <source>Not counted: %1</source>
        <translation>不计分：%1</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="308" />
        <source>Not counted: correct the answer and check again</source>
        <translation>不计分：请改正答案后再检查</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="340" />
        <source>Answer shown: counted as a miss</source>
        <translation>已显示答案：记为答错</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="379" />
        <source>✓ Right</source>
        <translation>✓ 正确</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="382" />
        <source>Partly right: %1 %</source>
        <translation>部分正确：%1 %</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="385" />
        <source>✗ Not quite</source>
        <translation>✗ 不太对</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="397" />
        <source>Model answer</source>
        <translation>参考答案</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="399" />
        <source>Why</source>
        <translation>解释</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="402" />
        <source>Sources: %1</source>
        <translation>出处：%1</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="429" />
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="433" />
        <source>Question %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="446" />
        <source>pack: %1</source>
        <translation>题包：%1</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="458" />
        <source>Check  (Ctrl+Enter)</source>
        <translation>检查  (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="459" />
        <source>Show the answer  (Ctrl+D)</source>
        <translation>显示答案  (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="461" />
        <source>I don't know: show the model answer (counts as a miss)</source>
        <translation>不会：显示参考答案（记为答错）</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="463" />
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="464" />
        <source>← Previous</source>
        <translation>← 上一个</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="465" />
        <source>Next →</source>
        <translation>下一个 →</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="466" />
        <source>Previous question</source>
        <translation>上一题</translation>
    </message>
    <message>
        <location filename="../views/question.py" line="467" />
        <source>Next question</source>
        <translation>下一题</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../views/settings_view.py" line="237" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="238" />
        <source>Changes apply at once and are kept for the next start.</source>
        <translation>修改立即生效，并在下次启动时保留。</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="240" />
        <source>&amp;Interface language</source>
        <translation>界面语言(&amp;I)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="241" />
        <source>&amp;Content language (questions, drills)</source>
        <translation>内容语言（题目、练习）(&amp;C)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="242" />
        <source>&amp;Theme</source>
        <translation>主题配色(&amp;T)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="243" />
        <source>&amp;Font size</source>
        <translation>字号(&amp;F)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="244" />
        <source>&amp;GRU convention</source>
        <translation>GRU 约定(&amp;G)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="245" />
        <source>minGRU convention</source>
        <translation>minGRU 约定</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="246" />
        <source>minLSTM convention</source>
        <translation>minLSTM 约定</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="247" />
        <source>sLSTM convention</source>
        <translation>sLSTM 约定</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="248" />
        <source>mLSTM convention</source>
        <translation>mLSTM 约定</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="249" />
        <source>Selective SSM convention</source>
        <translation>选择性 SSM 约定</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="250" />
        <source>&amp;Biases</source>
        <translation>偏置(&amp;B)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="251" />
        <source>&amp;Drill difficulty</source>
        <translation>练习难度(&amp;D)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="252" />
        <source>Tolerance, &amp;absolute</source>
        <translation>容差，绝对值(&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="253" />
        <source>Tolerance, &amp;relative</source>
        <translation>容差，相对值(&amp;R)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="254" />
        <source>Desired rete&amp;ntion (reviews)</source>
        <translation>期望记忆保持率（复习）(&amp;N)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="255" />
        <source>&amp;Streak on the statistics page</source>
        <translation>统计页显示连续天数(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="256" />
        <source>&amp;History of free practice</source>
        <translation>自由练习记录(&amp;H)</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="263" />
        <source>How likely you should still remember an item when it comes due. Higher means more frequent reviews.</source>
        <translation>到期复习时仍记得该题的概率。数值越高，复习越频繁。</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="268" />
        <source>Show my streak</source>
        <translation>显示连续天数</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="269" />
        <source>Show how many days in a row I studied</source>
        <translation>显示我连续学习了多少天</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="270" />
        <source>Save my practice</source>
        <translation>保存我的练习</translation>
    </message>
    <message>
        <location filename="../views/settings_view.py" line="273" />
        <source>Keep every drill and question answered outside a study mode in the history, its statistics and its reviews</source>
        <translation>把学习模式之外做过的每道计算题和问题都记入学习记录、统计和复习</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../keys.py" line="40" />
        <source>Everywhere</source>
        <translation>任何页面</translation>
    </message>
    <message>
        <location filename="../keys.py" line="41" />
        <source>Drills</source>
        <translation>计算练习</translation>
    </message>
    <message>
        <location filename="../keys.py" line="54" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../keys.py" line="56" />
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../keys.py" line="61" />
        <source>Quit (checked answers are already saved)</source>
        <translation>退出（已检查的答案都已保存）</translation>
    </message>
    <message>
        <location filename="../keys.py" line="67" />
        <source>F1 or ?</source>
        <translation>F1 或 ?</translation>
    </message>
    <message>
        <location filename="../keys.py" line="68" />
        <source>This sheet</source>
        <translation>本快捷键表</translation>
    </message>
    <message>
        <location filename="../keys.py" line="75" />
        <source>Next / previous field</source>
        <translation>下一个 / 上一个输入框</translation>
    </message>
    <message>
        <location filename="../keys.py" line="80" />
        <source>Enter or Space</source>
        <translation>Enter 或空格</translation>
    </message>
    <message>
        <location filename="../keys.py" line="81" />
        <source>Press the focused button</source>
        <translation>按下当前焦点所在的按钮</translation>
    </message>
    <message>
        <location filename="../keys.py" line="87" />
        <source>Submit the drill (in an answer field)</source>
        <translation>提交练习（在答案输入框中）</translation>
    </message>
    <message>
        <location filename="../keys.py" line="93" />
        <source>Step through the cell diagram</source>
        <translation>逐步查看单元示意图</translation>
    </message>
    <message>
        <location filename="../keys.py" line="100" />
        <source>Show the worked solution (counts as a miss)</source>
        <translation>显示详细解答（记为答错）</translation>
    </message>
    <message>
        <location filename="../keys.py" line="121" />
        <source>Reviews, once answered: rate how well you knew it</source>
        <translation>复习中作答后：评价掌握程度</translation>
    </message>
    <message>
        <location filename="../keys.py" line="147" />
        <source>Show the answer (counts as a miss)</source>
        <translation>显示答案（记为答错）</translation>
    </message>
    <message>
        <location filename="../keys.py" line="114" />
        <source>Choose an option (or tick a key point)</source>
        <translation>选择选项（或勾选要点）</translation>
    </message>
    <message>
        <location filename="../keys.py" line="42" />
        <source>Questions and reviews</source>
        <translation>问题与复习</translation>
    </message>
    <message>
        <location filename="../keys.py" line="50" />
        <source>Another drill like this one (on home: start)</source>
        <translation>再来一道同类练习（首页：开始练习）</translation>
    </message>
    <message>
        <location filename="../keys.py" line="107" />
        <source>Check (or Enter in a one-line answer); then: go on</source>
        <translation>检查答案（单行答案也可按 Enter）；再按：继续</translation>
    </message>
    <message>
        <location filename="../keys.py" line="127" />
        <source>Take back the last rating</source>
        <translation>撤销上一次评价</translation>
    </message>
    <message>
        <location filename="../keys.py" line="134" />
        <source>Move an item when putting things in order</source>
        <translation>排序时移动条目</translation>
    </message>
    <message>
        <location filename="../keys.py" line="140" />
        <source>Previous / next question</source>
        <translation>上一题 / 下一题</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../views/shortcuts.py" line="31" />
        <location filename="../views/shortcuts.py" line="40" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../views/shortcuts.py" line="33" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../views/shortcuts.py" line="33" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../views/shortcuts.py" line="33" />
        <source>Where</source>
        <translation>场合</translation>
    </message>
</context>
<context>
    <name>TypedAnswer</name>
    <message>
        <location filename="../views/answers/typed.py" line="84" />
        <source>a number, e.g. 0.25 or 1/4</source>
        <translation>一个数，例如 0.25 或 1/4</translation>
    </message>
    <message>
        <location filename="../views/answers/typed.py" line="86" />
        <source>a shape, e.g. (5, 3, 20)</source>
        <translation>一个形状，例如 (5, 3, 20)</translation>
    </message>
    <message>
        <location filename="../views/answers/typed.py" line="89" />
        <source>a formula in %1</source>
        <translation>用 %1 表示的公式</translation>
    </message>
    <message>
        <location filename="../views/answers/typed.py" line="90" />
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <location filename="../views/answers/typed.py" line="92" />
        <source>Unit: %1</source>
        <translation>单位：%1</translation>
    </message>
</context>
</TS>