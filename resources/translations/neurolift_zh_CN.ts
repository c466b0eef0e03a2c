<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>%1 %</source>
        <extracomment>A percentage, e.g. &quot;61 %&quot;; %1 is the number.</extracomment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>NeuroLift</source>
        <translation>NeuroLift</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Export the charts</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>The charts could not be written to %1. Check that the folder exists and that you may write there.</source>
        <translation>无法将图表写入%1。请检查该文件夹是否存在，以及您是否有写入权限。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Build, train and explain neural networks on customer data.</source>
        <translation>在客户数据上构建、训练并解释神经网络。</translation>
    </message>
    <message>
        <source>Save a picture of the main window to &lt;file&gt; and quit.</source>
        <translation>将主窗口截图保存到 &lt;file&gt; 并退出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Show the interface in &lt;language&gt; (%1) this time, whatever the settings say.</source>
        <translation>本次以 &lt;language&gt;（%1）显示界面，不论设置如何。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>A NeuroLift project (.nlproj) to open.</source>
        <translation>要打开的 NeuroLift 项目（.nlproj）。</translation>
    </message>
    <message>
        <source>There is no interface language “%1”; choose one of %2.</source>
        <translation>没有界面语言“%1”；请从%2中选择一种。</translation>
    </message>
    <message>
        <source>A question was left unanswered</source>
        <translation>有一个问题无人回答</translation>
    </message>
</context>
<context>
    <name>neurolift::ArchitectureCommand</name>
    <message>
        <source>Add %1 layer</source>
        <translation>添加%1层</translation>
    </message>
    <message>
        <source>Remove %1 layer</source>
        <translation>删除%1层</translation>
    </message>
    <message>
        <source>Move %1 layer</source>
        <translation>移动%1层</translation>
    </message>
    <message>
        <source>Change units</source>
        <translation>更改神经元数</translation>
    </message>
    <message>
        <source>Change activation</source>
        <translation>更改激活函数</translation>
    </message>
    <message>
        <source>Change dropout rate</source>
        <translation>更改随机失活率</translation>
    </message>
    <message>
        <source>Change weight initialisation</source>
        <translation>更改权重初始化</translation>
    </message>
    <message>
        <source>Apply template</source>
        <translation>应用模板</translation>
    </message>
    <message>
        <source>New network</source>
        <translation>新建网络</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Duplicate network</source>
        <translation>复制网络</translation>
    </message>
    <message>
        <source>Rename network</source>
        <translation>重命名网络</translation>
    </message>
    <message>
        <source>Delete network</source>
        <translation>删除网络</translation>
    </message>
    <message>
        <source>Switch network</source>
        <translation>切换网络</translation>
    </message>
</context>
<context>
    <name>neurolift::ArchitectureModel</name>
    <message>
        <source>Network 1</source>
        <translation>网络1</translation>
    </message>
</context>
<context>
    <name>neurolift::ColumnProfile</name>
    <message>
        <source>What this column is, in your words. Reasons for a customer&apos;s score use them: “Viewed the pricing page: no” instead of “viewed_pricing = 0”. Kept in the project; leave it empty to show the column&apos;s name.</source>
        <translation>用您自己的话说明这一列是什么。客户得分的理由会使用这些说明：显示“Viewed the pricing page: no”，而不是“viewed_pricing = 0”。说明保存在项目中；留空则显示列名。</translation>
    </message>
    <message>
        <source>Use suggestion</source>
        <translation>使用建议</translation>
    </message>
    <message>
        <source>Describe the column with the words made from its name</source>
        <translation>用根据列名生成的说明来描述这一列</translation>
    </message>
    <message>
        <source>Described as:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Not kept: a description is one line.</source>
        <translation>未保存：说明只能是一行。</translation>
    </message>
    <message>
        <source>Not kept: a description is a short phrase of at most %1 bytes (a Chinese character takes 3), and this one has %2.</source>
        <translation>未保存：说明应是一个短语，最多 %1 字节（一个汉字占 3 字节），而这一条有 %2 字节。</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Missing:</source>
        <translation>缺失：</translation>
    </message>
    <message>
        <source>Distinct values:</source>
        <translation>不同取值数：</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Summarising %1 rows…</source>
        <translation>正在汇总%1行…</translation>
    </message>
    <message>
        <source>Click a column in the table to see what it holds.</source>
        <translation>点击表格中的某一列，即可查看其内容。</translation>
    </message>
    <message>
        <source>Column profile</source>
        <translation>列概况</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <source>%1 to %2, average %3</source>
        <translation>%1至%2，平均%3</translation>
    </message>
    <message>
        <source>Most common:</source>
        <translation>最常见：</translation>
    </message>
    <message>
        <source>Used as:</source>
        <translation>用作：</translation>
    </message>
    <message>
        <source>a name for each row, not an input to the model</source>
        <translation>每行的名称，不作为模型输入</translation>
    </message>
    <message>
        <source>free text, not an input to the model</source>
        <translation>自由文本，不作为模型输入</translation>
    </message>
</context>
<context>
    <name>neurolift::ColumnType</name>
    <message>
        <source>Number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Yes/No</source>
        <translation>是/否</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识符</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>neurolift::NoProjectPage</name>
    <message>
        <source>Open a project (File › Open) or start a new one (File › New) to begin</source>
        <translation>打开项目（文件 › 打开）或新建项目（文件 › 新建）即可开始</translation>
    </message>
    <message>
        <source>Step %1 of %2 · %3</source>
        <translation>第%1步，共%2步 · %3</translation>
    </message>
    <message>
        <source>Bring in your customer data</source>
        <translation>导入客户数据</translation>
    </message>
    <message>
        <source>Import your customer table from a CSV file, check that every column was read correctly, and choose what you want to predict.</source>
        <translation>从 CSV 文件导入客户数据表，检查每一列是否读取正确，并选择要预测的目标。</translation>
    </message>
    <message>
        <source>See a preview before importing; separators, encoding and headers are detected for you</source>
        <translation>导入前先预览；分隔符、编码和表头会自动识别</translation>
    </message>
    <message>
        <source>Get a profile of each column: its type, how many values are missing, how values are spread</source>
        <translation>查看每一列的概况：类型、缺失值数量以及值的分布</translation>
    </message>
    <message>
        <source>Pick the outcome to predict, the positive answer and the customer ID column</source>
        <translation>选择预测目标、“是”的取值以及客户 ID 列</translation>
    </message>
    <message>
        <source>Design the network</source>
        <translation>设计神经网络</translation>
    </message>
    <message>
        <source>Start from a ready-made design (logistic regression, small, medium or deep) or build your own by placing layers on a canvas.</source>
        <translation>从现成的设计（逻辑回归、小型、中型或深层）开始，或在画布上放置层，自己搭建。</translation>
    </message>
    <message>
        <source>Each layer shows its size and how many values it learns</source>
        <translation>每一层都会显示其大小以及要学习的值的数量</translation>
    </message>
    <message>
        <source>Problems are pointed out on the layer where they are, in plain words</source>
        <translation>问题会直接标注在出问题的层上，并用通俗的语言说明</translation>
    </message>
    <message>
        <source>Undo and redo every change</source>
        <translation>每一步更改都可撤销和重做</translation>
    </message>
    <message>
        <source>Train and watch it learn</source>
        <translation>训练并观察学习过程</translation>
    </message>
    <message>
        <source>Let the network learn from your data while live charts show how well it does on customers it has not seen.</source>
        <translation>让神经网络从您的数据中学习，实时图表会显示它在未见过的客户上的表现。</translation>
    </message>
    <message>
        <source>Start, pause, stop or go one step at a time; the window stays responsive</source>
        <translation>可以开始、暂停、停止或逐步执行；训练期间窗口依然可以正常操作</translation>
    </message>
    <message>
        <source>Stop automatically when the model stops improving</source>
        <translation>模型不再改进时自动停止</translation>
    </message>
    <message>
        <source>Keep every run and compare them side by side</source>
        <translation>保留每一条训练记录，并可并排比较</translation>
    </message>
    <message>
        <source>Understand the scores</source>
        <translation>理解得分</translation>
    </message>
    <message>
        <source>See which customer attributes drive the model and why a given customer got the score they did.</source>
        <translation>查看哪些客户属性在驱动模型，以及某位客户为何得到这样的得分。</translation>
    </message>
    <message>
        <source>Rank attributes by how much they matter</source>
        <translation>按重要性为属性排序</translation>
    </message>
    <message>
        <source>Pick a customer and read the main reasons behind their score</source>
        <translation>选择一位客户，查看其得分背后的主要原因</translation>
    </message>
    <message>
        <source>Look inside the network: its weights, drawn as a picture</source>
        <translation>深入网络内部：以图像形式查看其权重</translation>
    </message>
    <message>
        <source>Turn scores into segments</source>
        <translation>将得分转化为客群</translation>
    </message>
    <message>
        <source>Rank your customers by score, name the bands you want to act on, and export the list for your next campaign.</source>
        <translation>按得分为客户排序，为要采取行动的分段命名，并导出名单用于下一次营销活动。</translation>
    </message>
    <message>
        <source>Lift and gains charts show how much better than random targeting the model does</source>
        <translation>提升度和累计增益图显示模型比随机选择客户好多少</translation>
    </message>
    <message>
        <source>Move a threshold and read what it means in plain words</source>
        <translation>移动阈值，用通俗的语言了解其含义</translation>
    </message>
    <message>
        <source>Export scores, segments and top reasons to CSV</source>
        <translation>将得分、客群和主要原因导出为 CSV</translation>
    </message>
</context>
<context>
    <name>neurolift::DataPage</name>
    <message>
        <source>Forget Description of %1</source>
        <translation>清除 %1 的说明</translation>
    </message>
    <message>
        <source>Describe Column %1</source>
        <translation>说明列 %1</translation>
    </message>
    <message>
        <source>The column descriptions stored in this project could not be read (%1), so reasons show the column names. Describe the columns again here.</source>
        <translation>无法读取此项目中保存的列说明（%1），因此理由中显示列名。请在此处重新描述各列。</translation>
    </message>
    <message>
        <source>Check your customer data</source>
        <translation>检查客户数据</translation>
    </message>
    <message>
        <source>No customer data yet</source>
        <translation>还没有客户数据</translation>
    </message>
    <message>
        <source>Import a CSV file to begin. You will see its rows, what each column holds, and choose what to predict.</source>
        <translation>导入 CSV 文件即可开始。您将看到数据的各行和每列的内容，并选择预测目标。</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Filter rows…</source>
        <translation>筛选行…</translation>
    </message>
    <message>
        <source>Sorting and filtering…</source>
        <translation>正在排序和筛选…</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>Selected column</source>
        <translation>所选列</translation>
    </message>
    <message>
        <source>What to predict</source>
        <translation>预测目标</translation>
    </message>
    <message>
        <source>The column the model learns to predict</source>
        <translation>模型要学习预测的列</translation>
    </message>
    <message>
        <source>The column that names each customer in scored lists; never an input</source>
        <translation>在评分列表中标识每位客户的列；不作为输入</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>预测目标：</translation>
    </message>
    <message>
        <source>Positive answer:</source>
        <translation>“是”的取值：</translation>
    </message>
    <message>
        <source>Customer id:</source>
        <translation>客户 ID：</translation>
    </message>
    <message>
        <source>Inputs to the model</source>
        <translation>模型输入</translation>
    </message>
    <message>
        <source>Filter rows</source>
        <translation>筛选行</translation>
    </message>
    <message>
        <source>All columns</source>
        <translation>所有列</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 columns</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2列</translation>
    </message>
    <message>
        <source>This is the customer id: it names a customer but says nothing about them.</source>
        <translation>这是客户 ID：它用于标识客户，但不反映客户的任何特征。</translation>
    </message>
    <message>
        <source>Every row has its own value (an identifier), so the model could not learn from it.</source>
        <translation>每行的值都各不相同（标识符），模型无法从中学习。</translation>
    </message>
    <message>
        <source>Free text is not used as an input.</source>
        <translation>自由文本不用作输入。</translation>
    </message>
    <message>
        <source>Import customer data</source>
        <translation>导入客户数据</translation>
    </message>
    <message>
        <source>CSV and text files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 和文本文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1行</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1行（共%2行）</translation>
    </message>
    <message>
        <source>Choose a column…</source>
        <translation>选择一列…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not needed for numbers</source>
        <translation>数值列无需设置</translation>
    </message>
    <message>
        <source>Choose a target first</source>
        <translation>请先选择预测目标</translation>
    </message>
    <message>
        <source>None: predict every value</source>
        <translation>无：预测每个取值</translation>
    </message>
    <message>
        <source>The answer the model scores: a high score means this value is likely</source>
        <translation>模型评分所针对的取值：得分越高，表示越可能是该值</translation>
    </message>
    <message>
        <source>%1 of %2 usable columns are inputs</source>
        <translation>可用列共%2个，其中%1个作为输入</translation>
    </message>
</context>
<context>
    <name>neurolift::CsvWarningText</name>
    <message>
        <source>column %1 &quot;%2&quot;: every value is missing, so it cannot be used; exclude it or check the missing-value markers</source>
        <translation>第%1列“%2”：所有值都缺失，因此无法使用；请排除该列，或检查缺失值标记</translation>
    </message>
    <message>
        <source>column %1 &quot;%2&quot;: has the same value in every row, so it carries no information</source>
        <translation>第%1列“%2”：每一行的值都相同，因此不含任何信息</translation>
    </message>
    <message>
        <source>column %1 &quot;%2&quot;: is named like a postcode, so its numbers are read as codes that identify a place, not as amounts</source>
        <translation>第%1列“%2”：列名像邮政编码，因此其中的数字按表示地点的代码读取，而不是数量</translation>
    </message>
    <message>
        <source>day-first</source>
        <translation>日在前</translation>
    </message>
    <message>
        <source>month-first</source>
        <translation>月在前</translation>
    </message>
    <message>
        <source>column %1 &quot;%2&quot;: dates such as %3 could be day-first or month-first; read as %4 (choose the date order if that is wrong)</source>
        <translation>第%1列“%2”：像%3这样的日期可能是日在前，也可能是月在前；已按%4读取（如有误，请选择日期顺序）</translation>
    </message>
</context>
<context>
    <name>neurolift::Document</name>
    <message>
        <source>Customers.nlproj</source>
        <translation>客户.nlproj</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>“%1” is read-only, so nothing can be kept in it. Save a copy with File › Save As…, or make the file writable.</source>
        <translation>“%1”是只读的，因此无法在其中保存任何内容。请用“文件 › 另存为…”保存一个副本，或将该文件设为可写。</translation>
    </message>
    <message>
        <source>“%1” is in a read-only folder, so nothing can be kept in it. Save a copy elsewhere with File › Save As…, or move the project to a folder you may write to.</source>
        <translation>“%1”位于只读文件夹中，因此无法在其中保存任何内容。请用“文件 › 另存为…”将副本保存到别处，或将项目移到你可以写入的文件夹。</translation>
    </message>
</context>
<context>
    <name>neurolift::ErrorBanner</name>
    <message>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
</context>
<context>
    <name>neurolift::ExplainPage</name>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Why the network scores as it does</source>
        <translation>网络为何这样评分</translation>
    </message>
    <message>
        <source>The training run to explain.</source>
        <translation>要解释的训练记录。</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>训练记录：</translation>
    </message>
    <message>
        <source>What matters</source>
        <translation>重要因素</translation>
    </message>
    <message>
        <source>Inside the network</source>
        <translation>网络内部</translation>
    </message>
    <message>
        <source>One customer</source>
        <translation>单个客户</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop measuring; the chart stays empty until you choose the run again.</source>
        <translation>停止衡量；在重新选择训练记录之前，图表将保持空白。</translation>
    </message>
    <message>
        <source>Which columns the network relies on</source>
        <translation>网络依赖哪些列</translation>
    </message>
    <message>
        <source>How the score follows one column</source>
        <translation>得分如何随某一列变化</translation>
    </message>
    <message>
        <source>The layer whose weights the heat map and the histogram show.</source>
        <translation>热力图和直方图所显示权重的层。</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>How large the weights are</source>
        <translation>权重大小分布</translation>
    </message>
    <message>
        <source>The network, inputs on the left</source>
        <translation>网络结构（输入在左侧）</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Explain the score of this customer.</source>
        <translation>解释该客户的得分。</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>From a customer with average values to this one</source>
        <translation>从各项取平均值的客户到该客户</translation>
    </message>
    <message>
        <source>The reasons, in words</source>
        <translation>原因说明</translation>
    </message>
    <message>
        <source>Train a model on the Train page first.

Its explanations appear here: which columns the network relies on, what it learned inside, and why one customer got the score they got.</source>
        <translation>请先在“训练”页训练一个模型。

模型的解释会显示在这里：网络依赖哪些列、它在内部学到了什么，以及某位客户为什么会得到当前的得分。</translation>
    </message>
    <message>
        <source>%1 network, %2 epochs</source>
        <translation>%1，训练%2轮</translation>
    </message>
    <message>
        <source>Reading the customer data…</source>
        <translation>正在读取客户数据…</translation>
    </message>
    <message>
        <source>This run stopped before it learned anything, so there is nothing to explain. Choose another run, or train again.</source>
        <translation>该训练记录在学到任何内容之前就已停止，因此无可解释。请选择其他训练记录，或重新训练。</translation>
    </message>
    <message>
        <source>This run was trained on other data (%1 rows; the project&apos;s data has %2). Choose another run, or train again on the current data.</source>
        <translation>该训练记录使用的是其他数据（%1行；当前项目数据有%2行）。请选择其他训练记录，或用当前数据重新训练。</translation>
    </message>
    <message>
        <source>Getting the run ready to explain…</source>
        <translation>正在准备解释该训练记录…</translation>
    </message>
    <message>
        <source>This run does not say which rows it learned from; all rows are used.</source>
        <translation>该训练记录未注明用哪些行进行学习，将使用全部行。</translation>
    </message>
    <message>
        <source>Explaining this run was stopped.</source>
        <translation>已停止解释该训练记录。</translation>
    </message>
    <message>
        <source>This run cannot be explained with the project&apos;s data: %1</source>
        <translation>无法用项目数据解释该训练记录：%1</translation>
    </message>
    <message>
        <source>Output layer (%1 × %2)</source>
        <translation>输出层（%1 × %2）</translation>
    </message>
    <message>
        <source>Hidden layer %1 (%2 × %3)</source>
        <translation>隐藏层%1（%2 × %3）</translation>
    </message>
    <message>
        <source>Shuffling each column of %1 validation customers to see how much worse the network predicts without it…</source>
        <translation>正在对%1位验证集客户逐列打乱取值，看看缺少该列后网络的预测会变差多少…</translation>
    </message>
    <message>
        <source>The importance could not be measured: %1</source>
        <translation>无法衡量重要性：%1</translation>
    </message>
    <message>
        <source>Measuring was stopped. Choose the run again to measure.</source>
        <translation>已停止衡量。重新选择训练记录即可再次衡量。</translation>
    </message>
    <message>
        <source>Measuring which columns matter</source>
        <translation>正在衡量哪些列更重要</translation>
    </message>
    <message>
        <source>Drop in AUC when the column is shuffled</source>
        <translation>打乱该列后 AUC 的下降幅度</translation>
    </message>
    <message>
        <source>Rise in loss when the column is shuffled</source>
        <translation>打乱该列后损失的上升幅度</translation>
    </message>
    <message>
        <source>The network&apos;s AUC on %1 validation customers is %2. Shuffling a column&apos;s values breaks its link to the outcome; the longer the bar, the more the AUC drops and the more the network relies on that column. Whiskers: the spread over 5 shuffles. Click a bar to see how the score follows that column.</source>
        <translation>网络在%1位验证集客户上的 AUC 为%2。打乱某列的取值会切断它与结果的关联；条形越长，AUC 下降越多，说明网络越依赖该列。误差线：5次打乱结果的波动范围。点击条形可查看得分如何随该列变化。</translation>
    </message>
    <message>
        <source>Shuffling a column&apos;s values breaks its link to the outcome; the longer the bar, the more the loss rises and the more the network relies on that column. Whiskers: the spread over 5 shuffles. Click a bar to see how the score follows that column.</source>
        <translation>打乱某列的取值会切断它与结果的关联；条形越长，损失上升越多，说明网络越依赖该列。误差线：5次打乱结果的波动范围。点击条形可查看得分如何随该列变化。</translation>
    </message>
    <message>
        <source>Measured on a random sample of %1 of the %2 validation customers.</source>
        <translation>从%2位验证集客户中随机抽取%1位进行衡量。</translation>
    </message>
    <message>
        <source>The %1 least important columns are not drawn.</source>
        <translation>最不重要的%1列未显示。</translation>
    </message>
    <message>
        <source>Working out how the score follows %1…</source>
        <translation>正在计算得分如何随%1变化…</translation>
    </message>
    <message>
        <source>The curve of %1 could not be drawn: %2</source>
        <translation>无法绘制%1的曲线：%2</translation>
    </message>
    <message>
        <source>Chance of %1</source>
        <translation>%1的概率</translation>
    </message>
    <message>
        <source>Predicted %1</source>
        <translation>%1预测值</translation>
    </message>
    <message>
        <source>The thick line: the average score of %1 validation customers when %2 is set to each value and everything else about them is kept. The faint lines: single customers.</source>
        <translation>粗线：将%1位验证集客户的%2依次设为各个取值、其他信息保持不变时的平均得分。细线：单个客户。</translation>
    </message>
    <message>
        <source>The average score of %1 validation customers when %2 is set to each value and everything else about them is kept.</source>
        <translation>将%1位验证集客户的%2依次设为各个取值、其他信息保持不变时的平均得分。</translation>
    </message>
    <message>
        <source>Blue edges are positive weights, orange negative; thicker is stronger. The chosen layer is drawn darker.</source>
        <translation>蓝色连线表示正权重，橙色表示负权重；线越粗，作用越强。所选的层以深色显示。</translation>
    </message>
    <message>
        <source>Only the strongest %1 edges of each layer are drawn (%2 of %3 in all).</source>
        <translation>每层只显示最强的%1条连线（共%3条，显示%2条）。</translation>
    </message>
    <message>
        <source>Inputs: the prepared columns</source>
        <translation>输入：预处理后的列</translation>
    </message>
    <message>
        <source>Units of the layer before</source>
        <translation>上一层的神经元</translation>
    </message>
    <message>
        <source>Units of this layer</source>
        <translation>本层的神经元</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Each cell is the weight from one input (across) to one unit (down): blue adds to the unit, orange takes away, white does nearly nothing. Hover over a cell to read it.</source>
        <translation>每个格子表示从一个输入（横向）到一个神经元（纵向）的权重：蓝色表示增强，橙色表示削弱，白色几乎没有作用。将鼠标悬停在格子上可查看数值。</translation>
    </message>
    <message>
        <source>From %1
to %2
weight %3</source>
        <translation>从：%1
到：%2
权重：%3</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第%1行</translation>
    </message>
    <message>
        <source>Type a customer&apos;s %1</source>
        <translation>输入客户的%1</translation>
    </message>
    <message>
        <source>Type a row number, 1 to %1</source>
        <translation>输入行号（1至%1）</translation>
    </message>
    <message>
        <source>No customer has the %1 “%2”.</source>
        <translation>没有%1为“%2”的客户。</translation>
    </message>
    <message>
        <source>Type a row number from 1 to %1.</source>
        <translation>请输入1至%1之间的行号。</translation>
    </message>
    <message>
        <source>Explaining %1…</source>
        <translation>正在解释%1…</translation>
    </message>
    <message>
        <source>This customer could not be explained: %1</source>
        <translation>无法解释该客户：%1</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第%1行</translation>
    </message>
    <message>
        <source>%1: the chance of %2 is %3 %</source>
        <translation>%1：%2的概率为%3%</translation>
    </message>
    <message>
        <source>%1: predicted %2 is %3</source>
        <translation>%1：预测的%2为%3</translation>
    </message>
    <message>
        <source>%1 other columns</source>
        <translation>其他%1列</translation>
    </message>
    <message>
        <source>average values %1</source>
        <translation>平均取值：%1</translation>
    </message>
    <message>
        <source>this customer %1</source>
        <translation>该客户：%1</translation>
    </message>
    <message>
        <source>Predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>Score (chance)</source>
        <translation>得分（概率）</translation>
    </message>
    <message>
        <source>Each bar is how far one column moved this customer&apos;s score away from the score of a customer with average values (integrated gradients); blue up, orange down. Together the bars add up to the difference, to within %1.</source>
        <translation>每个条形表示某一列使该客户的得分偏离“各项取平均值的客户”得分的幅度（积分梯度法）；蓝色为拉高，橙色为拉低。所有条形相加等于两者的差值，误差在%1以内。</translation>
    </message>
    <message>
        <source>What pushed the score up</source>
        <translation>拉高得分的因素</translation>
    </message>
    <message>
        <source>Nothing pushed it up noticeably.</source>
        <translation>没有明显拉高得分的因素。</translation>
    </message>
    <message>
        <source>What pushed the score down</source>
        <translation>拉低得分的因素</translation>
    </message>
    <message>
        <source>Nothing pushed it down noticeably.</source>
        <translation>没有明显拉低得分的因素。</translation>
    </message>
    <message>
        <source>The numbers in brackets are how much each column moved the score, compared with a customer with average values.</source>
        <translation>括号中的数字表示与各项取平均值的客户相比，各列使得分变化了多少。</translation>
    </message>
    <message>
        <source>A customer with average values scores %1 % (the mean score of the %2 customers is %3 %).</source>
        <translation>各项取平均值的客户得分为%1%（全部%2位客户的平均得分为%3%）。</translation>
    </message>
    <message>
        <source>A customer with average values is predicted %1 (the mean prediction for the %2 customers is %3).</source>
        <translation>各项取平均值的客户预测值为%1（全部%2位客户的平均预测值为%3）。</translation>
    </message>
    <message>
        <source>The run&apos;s %1 is measured on other customers, kept apart from training and from choosing when to stop.</source>
        <translation>该训练记录的%1是在另一批客户上测得的，这些客户既未参与训练，也未用于决定何时停止训练。</translation>
    </message>
</context>
<context>
    <name>neurolift::ExportDialog</name>
    <message>
        <source>Best first (rank 1 at the top)</source>
        <translation>最佳在前（排名第 1 位于顶部）</translation>
    </message>
    <message>
        <source>As in your data file</source>
        <translation>与数据文件中的顺序相同</translation>
    </message>
    <message>
        <source>Best first lists the customers to contact at the top; customers with the same score keep the order of your file.</source>
        <translation>“最佳在前”把应联系的客户排在最上面；得分相同的客户保持文件中的顺序。</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>行顺序：</translation>
    </message>
    <message>
        <source>Add a byte-order mark, for Excel on Windows</source>
        <translation>添加字节顺序标记（BOM），便于 Windows 版 Excel 打开</translation>
    </message>
    <message>
        <source>Add each customer&apos;s segment</source>
        <translation>添加每位客户所属的客群</translation>
    </message>
    <message>
        <source>Export Scored Customers</source>
        <translation>导出已评分客户</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>CSV file (.csv)</source>
        <translation>CSV 文件（.csv）</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx), with a summary sheet</source>
        <translation>Excel 工作簿（.xlsx），含汇总工作表</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>逗号（,）</translation>
    </message>
    <message>
        <source>Semicolon ( ; ), for European Excel</source>
        <translation>分号（;），适用于欧洲版 Excel</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>The segments as set on the Segments tab.</source>
        <translation>按“客群”页中设置划分的客群。</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>For each customer, the columns that raised and lowered the score most, with their values (&quot;visits = 4 (+0.18)&quot;). Takes longer.</source>
        <translation>为每位客户列出使得分升高和降低最多的列及其取值（如“visits = 4 (+0.18)”）。耗时较长。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Columns separated by:</source>
        <translation>列分隔符：</translation>
    </message>
    <message>
        <source>Reasons per customer:</source>
        <translation>每位客户的原因数：</translation>
    </message>
    <message>
        <source>Also copy these columns from your data (the score, rank and decile are always written):</source>
        <translation>同时从您的数据中复制以下列（得分、排名和十分位始终会写入）：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>请选择要导出到的文件。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹%1不存在。</translation>
    </message>
</context>
<context>
    <name>neurolift::GuidedWizard</name>
    <message>
        <source>hot</source>
        <translation>高意向</translation>
    </message>
    <message>
        <source>warm</source>
        <translation>中意向</translation>
    </message>
    <message>
        <source>cold</source>
        <translation>低意向</translation>
    </message>
    <message>
        <source>Predict whether a customer’s “%1” will be &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>预测客户的“%1”是否会是&lt;b&gt;%2&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>New Guided Project</source>
        <translation>新建引导式项目</translation>
    </message>
    <message>
        <source>Hot, warm, cold</source>
        <translation>热、温、冷</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>vertical bars</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>Find the customers most likely to say yes</source>
        <translation>找出最可能说“是”的客户</translation>
    </message>
    <message>
        <source>In a few steps NeuroLift learns from your past customers who said yes, scores every customer and gives you a list to contact, best first.</source>
        <translation>只需几步，NeuroLift 就能从过去说“是”的客户身上学习规律，为每位客户评分，并按可能性从高到低给出一份联系名单。</translation>
    </message>
    <message>
        <source>Use my own customer file (CSV or TSV, one customer per row)</source>
        <translation>使用我自己的客户文件（CSV 或 TSV，每行一位客户）</translation>
    </message>
    <message>
        <source>Where do the customers come from?</source>
        <translation>客户数据从哪里来？</translation>
    </message>
    <message>
        <source>Car buyers (example)</source>
        <translation>购车客户（示例）</translation>
    </message>
    <message>
        <source>Choose your customer file</source>
        <translation>选择客户文件</translation>
    </message>
    <message>
        <source>One row per customer, with a column that says whether they said yes.</source>
        <translation>每行一位客户，并有一列记录客户是否说了“是”。</translation>
    </message>
    <message>
        <source>The file&apos;s path</source>
        <translation>文件路径</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>This file cannot be read: %1</source>
        <translation>无法读取此文件：%1</translation>
    </message>
    <message>
        <source>There is no file here yet.</source>
        <translation>此处还没有文件。</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取%1…</translation>
    </message>
    <message>
        <source>%1 customers and %2 columns. Values separated by %3, text in %4, decimals written with a %5, %6.</source>
        <translation>共%1位客户、%2列。值以%3分隔，文本编码为%4，小数点使用%5，%6。</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>point</source>
        <translation>句点</translation>
    </message>
    <message>
        <source>the first row names the columns</source>
        <translation>第一行为列名</translation>
    </message>
    <message>
        <source>no row of column names</source>
        <translation>没有列名行</translation>
    </message>
    <message>
        <source>What do you want to predict?</source>
        <translation>您想预测什么？</translation>
    </message>
    <message>
        <source>Pick the column that records what the customer did, and the answer you hope for.</source>
        <translation>请选择记录客户行为的列，以及您希望得到的结果。</translation>
    </message>
    <message>
        <source>The column with the answer:</source>
        <translation>包含结果的列：</translation>
    </message>
    <message>
        <source>The answer you are looking for:</source>
        <translation>您要找的结果：</translation>
    </message>
    <message>
        <source>Which columns may it learn from?</source>
        <translation>可以从哪些列学习？</translation>
    </message>
    <message>
        <source>Ticked columns are what NeuroLift looks at. Customer numbers and free text are left out: they say nothing about the next customer.</source>
        <translation>NeuroLift 只参考勾选的列。客户编号和自由文本已排除：它们无法说明下一位客户的情况。</translation>
    </message>
    <message>
        <source>Checking whether a column gives the answer away…</source>
        <translation>正在检查是否有列直接泄露了结果…</translation>
    </message>
    <message>
        <source>%1 — names the customer, not used</source>
        <translation>%1 — 用于标识客户，不使用</translation>
    </message>
    <message>
        <source>%1 — gives the answer away</source>
        <translation>%1 — 直接泄露了结果</translation>
    </message>
    <message>
        <source>&lt;b&gt;Watch out:&lt;/b&gt; %1 on its own tells almost perfectly who said yes. Such a column is usually filled in &lt;i&gt;after&lt;/i&gt; the customer decided, so it will not be known for new customers. It is left out; tick it only if you know it before the customer decides.</source>
        <translation>&lt;b&gt;注意：&lt;/b&gt;仅凭%1一列就几乎能准确判断谁说了“是”。这类列通常是在客户&lt;i&gt;做出决定之后&lt;/i&gt;才填写的，因此对新客户来说无从得知。已将其排除；只有当您在客户做决定之前就能知道它时，才需勾选。</translation>
    </message>
    <message>
        <source>How should it learn?</source>
        <translation>如何学习？</translation>
    </message>
    <message>
        <source>Let NeuroLift choose, or build the network yourself.</source>
        <translation>由 NeuroLift 自动选择，或自己搭建神经网络。</translation>
    </message>
    <message>
        <source>Automatic (recommended)</source>
        <translation>自动（推荐）</translation>
    </message>
    <message>
        <source>Let me design the network myself in the layer builder</source>
        <translation>我想在层构建器中自己设计神经网络</translation>
    </message>
    <message>
        <source>NeuroLift picks a neural network with hidden layers of %1 neurons, the choice that works well on customer tables of a few thousand rows. It learns for at most %2 rounds and stops by itself once it stops getting better on customers it does not learn from.</source>
        <translation>NeuroLift 将选用隐藏层分别有%1个神经元的神经网络，这种结构适合几千行的客户数据表。它最多学习%2轮，在未参与学习的客户上不再提升时会自动停止。</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <source>The wizard ends here and opens your project on the Model page, where you add and arrange the layers.</source>
        <translation>向导到此结束，并在“模型”页面打开您的项目，您可以在那里添加和排列各层。</translation>
    </message>
    <message>
        <source>Learning from your customers</source>
        <translation>正在从您的客户数据中学习</translation>
    </message>
    <message>
        <source>The lines show how wrong it still is: lower is better. It learns from most customers and checks itself on the others.</source>
        <translation>曲线表示当前的误差大小：越低越好。它用大部分客户来学习，再用其余客户来自我检验。</translation>
    </message>
    <message>
        <source>Getting the customers ready…</source>
        <translation>正在准备客户数据…</translation>
    </message>
    <message>
        <source>It cannot learn from these columns: %1</source>
        <translation>无法从这些列中学习：%1</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Guided run</source>
        <translation>引导式训练</translation>
    </message>
    <message>
        <source>Learning… round %1 of at most %2; it stops by itself when it stops improving.</source>
        <translation>正在学习…第%1轮，最多%2轮；不再提升时会自动停止。</translation>
    </message>
    <message>
        <source>Done after %1 rounds: it learned what it could and kept the best round (%2). Click Next to see how good it is.</source>
        <translation>已在%1轮后完成：已学到能学的内容，并保留了效果最好的一轮（第%2轮）。点击“下一步”查看效果如何。</translation>
    </message>
    <message>
        <source>Learning stopped: %1</source>
        <translation>学习已停止：%1</translation>
    </message>
    <message>
        <source>Learning…</source>
        <translation>正在学习…</translation>
    </message>
    <message>
        <source>How good is it?</source>
        <translation>效果如何？</translation>
    </message>
    <message>
        <source>Measured on customers it never saw while learning.</source>
        <translation>基于学习过程中从未见过的客户进行评估。</translation>
    </message>
    <message>
        <source>Customers by score, in tenths (1 = the highest scores)</source>
        <translation>按得分排列的客户十分位（1 = 得分最高）</translation>
    </message>
    <message>
        <source>Times more likely than average</source>
        <translation>是平均水平的倍数</translation>
    </message>
    <message>
        <source>Scoring every customer…</source>
        <translation>正在为每位客户评分…</translation>
    </message>
    <message>
        <source>The customers cannot be scored: %1</source>
        <translation>无法为客户评分：%1</translation>
    </message>
    <message>
        <source>Your top 10 % of customers are &lt;b&gt;%1×&lt;/b&gt; more likely than average to have “%2” = “%3”.</source>
        <translation>得分前 10% 的客户出现“%2” = “%3”的可能性是平均水平的&lt;b&gt;%1×&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Among the %1 test customers, %2 said yes (%3). Of its top tenth, %4 did; contacting the top 30 % reaches %5 of everyone who said yes. Its quality score is %6 out of 1 (0.5 would be guessing).</source>
        <translation>在%1位测试客户中，有%2位说了“是”（%3）。在得分前十分之一的客户中，这一比例为%4；联系得分前 30% 的客户，即可触达所有说“是”客户中的%5。其质量得分为%6（满分 1，0.5 相当于随机猜测）。</translation>
    </message>
    <message>
        <source>Your customers in three groups</source>
        <translation>将客户分为三组</translation>
    </message>
    <message>
        <source>Hot customers are the most likely to say yes: contact them first. You can change the groups later on the Segments page.</source>
        <translation>“热”（hot）客户最可能说“是”：请优先联系。之后可在“客群”页面修改分组。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Expected to say yes</source>
        <translation>预计说“是”的人数</translation>
    </message>
    <message>
        <source>scored-customers.csv</source>
        <translation>scored-customers.csv</translation>
    </message>
    <message>
        <source>Export the customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>另存为：</translation>
    </message>
    <message>
        <source>A spreadsheet (CSV) with every customer, their score, rank, tenth and group, best first:</source>
        <translation>一份包含所有客户的表格（CSV），列出每位客户的得分、排名、十分位和分组，按得分从高到低排列：</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入%1：%2</translation>
    </message>
    <message>
        <source>Try it with the “Car buyers” example: website visitors of a car dealer, and whether they bought a car</source>
        <translation>用“购车客户”示例试一试：一家汽车经销商的网站访客，以及他们是否买了车</translation>
    </message>
    <message>
        <source>This table has no column with an answer to predict: it needs a column with between 2 and %1 different answers.</source>
        <translation>此表中没有可预测的答案列：需要一列包含2到%1种不同的答案。</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1等另外%n个</numerusform>
        </translation>
    </message>
    <message>
        <source>Every other answer (%1) counts as no.</source>
        <translation>其他所有答案（%1）都算作“否”。</translation>
    </message>
    <message>
        <source>How It Is Read…</source>
        <translation>读取方式…</translation>
    </message>
    <message>
        <source>Change the separator, the text encoding, the header row or a column&apos;s type if NeuroLift guessed wrong</source>
        <translation>如果 NeuroLift 识别有误，可在此更改分隔符、文本编码、表头行或某列的类型</translation>
    </message>
    <message>
        <source>Use These Settings</source>
        <translation>使用这些设置</translation>
    </message>
    <message>
        <source>Throw away the trained model?</source>
        <translation>要丢弃已训练的模型吗？</translation>
    </message>
    <message>
        <source>NeuroLift has learned from your customers. If you close the wizard now, the trained model, its scores and the project are not kept.</source>
        <translation>NeuroLift 已从您的客户数据中学习。如果现在关闭向导，训练好的模型、评分和项目都不会保留。</translation>
    </message>
    <message>
        <source>Keep Working goes back to the wizard; to keep the work, click Finish there.</source>
        <translation>“继续工作”会返回向导；要保留这些成果，请在向导中点击“完成”。</translation>
    </message>
    <message>
        <source>Throw Away</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Keep Working</source>
        <translation>继续工作</translation>
    </message>
    <message>
        <source>%1 — not used: a different value in every row, like an id</source>
        <translation>%1 — 不使用：每行的值都不同，类似编号</translation>
    </message>
    <message>
        <source>%1 — not used: a postcode, with too many different values</source>
        <translation>%1 — 不使用：邮政编码，不同的值太多</translation>
    </message>
    <message>
        <source>%1 — not used: free text</source>
        <translation>%1 — 不使用：自由文本</translation>
    </message>
    <message>
        <source>%1 — not used: one value only</source>
        <translation>%1 — 不使用：只有一个值</translation>
    </message>
    <message>
        <source>&lt;b&gt;No column is ticked&lt;/b&gt;, so there is nothing to learn from and Next is off. Tick at least one column.</source>
        <translation>&lt;b&gt;没有勾选任何列&lt;/b&gt;，因此没有可学习的内容，“下一步”不可用。请至少勾选一列。</translation>
    </message>
    <message>
        <source>Customer tables (*.csv *.tsv *.txt *.xlsx *.xls)</source>
        <translation>客户数据表 (*.csv *.tsv *.txt *.xlsx *.xls)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>&lt;b&gt;“%1” is an Excel workbook, and NeuroLift cannot read Excel files yet.&lt;/b&gt; Open it in Excel or LibreOffice Calc, choose File › Save As, pick “CSV UTF-8 (comma delimited)” and choose that CSV file here.</source>
        <translation>&lt;b&gt;“%1”是 Excel 工作簿，NeuroLift 暂时还不能读取 Excel 文件。&lt;/b&gt;请在 Excel 或 LibreOffice Calc 中打开它，选择“文件 › 另存为”，选择“CSV UTF-8（逗号分隔）”格式，然后在这里选择该 CSV 文件。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第%1行：%2</translation>
    </message>
    <message>
        <source>column “%1” holds whole numbers that all have %2 digits, like postcodes or other codes: if they are codes, not amounts, read it as a category with How It Is Read…</source>
        <translation>“%1”列中的整数都是%2位数，像邮政编码或其他代码：如果它们是代码而不是数量，请在“读取方式…”中将其作为类别读取</translation>
    </message>
    <message>
        <source>Things to know:</source>
        <translation>注意事项：</translation>
    </message>
    <message>
        <source>Project name:</source>
        <translation>项目名称：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Give the project a name&lt;/b&gt; to go on.</source>
        <translation>&lt;b&gt;请为项目命名&lt;/b&gt;后继续。</translation>
    </message>
    <message>
        <source>The project keeps your customers, what it learns and the lists you export, under this name.</source>
        <translation>项目将以此名称保存您的客户数据、学习成果和导出的名单。</translation>
    </message>
    <message>
        <source>Add each customer’s reasons: the %1 columns that raised their score most and the %1 that lowered it most</source>
        <translation>添加每位客户的原因：使评分升高最多的%1列和使评分降低最多的%1列</translation>
    </message>
    <message>
        <source>Add the answer column “%1”, for example to leave out customers who already said yes</source>
        <translation>添加结果列“%1”，例如用于排除已经说“是”的客户</translation>
    </message>
    <message>
        <source>%1 - scored customers.csv</source>
        <translation>%1 - 客户评分.csv</translation>
    </message>
    <message>
        <source>%1 customers written to %2. Click Finish to keep everything in the project “%3”.</source>
        <translation>已将%1位客户写入%2。点击“完成”将所有内容保存到项目“%3”中。</translation>
    </message>
    <message>
        <source>one value only</source>
        <translation>只有一个值</translation>
    </message>
    <message>
        <source>%1 different answers, too many to pick the one you look for (at most %2)</source>
        <translation>有%1种不同的结果，太多了，无法从中选出要找的那一个（最多%2种）</translation>
    </message>
    <message>
        <source>an id: it names each customer</source>
        <translation>编号：用于标识每位客户</translation>
    </message>
    <message>
        <source>a postcode: it says where, not what happened</source>
        <translation>邮政编码：表示地点，而不是发生了什么</translation>
    </message>
    <message>
        <source>free text</source>
        <translation>自由文本</translation>
    </message>
    <message>
        <source>a number with %1 different values; to predict a number, use the Data page</source>
        <translation>有%1个不同取值的数字；要预测数字，请使用“数据”页面</translation>
    </message>
    <message>
        <source>a date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Every column is listed; those that cannot be predicted as yes or no are greyed out, with the reason beside them.</source>
        <translation>这里列出了所有列；无法作为“是/否”来预测的列显示为灰色，并在旁边注明原因。</translation>
    </message>
    <message>
        <source>%1 — cannot be predicted: %2</source>
        <translation>%1 — 无法预测：%2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (see How It Is Read…)</source>
        <translation>
            <numerusform>……还有%n条（见“读取方式…”）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>neurolift::ImportDialog</name>
    <message>
        <source>Import customer data</source>
        <translation>导入客户数据</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>How the file is read</source>
        <translation>文件读取方式</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>逗号 ( , )</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>分号 ( ; )</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Vertical bar ( | )</source>
        <translation>竖线 ( | )</translation>
    </message>
    <message>
        <source>Point ( 1.5 )</source>
        <translation>句点 ( 1.5 )</translation>
    </message>
    <message>
        <source>Comma ( 1,5 )</source>
        <translation>逗号 ( 1,5 )</translation>
    </message>
    <message>
        <source>The first row holds the column names</source>
        <translation>第一行为列名</translation>
    </message>
    <message>
        <source>Values separated by:</source>
        <translation>值的分隔符：</translation>
    </message>
    <message>
        <source>Text encoding:</source>
        <translation>文本编码：</translation>
    </message>
    <message>
        <source>Decimal separator:</source>
        <translation>小数点：</translation>
    </message>
    <message>
        <source>First rows, as they will be imported</source>
        <translation>前几行（按导入后的样子显示）</translation>
    </message>
    <message>
        <source>Column types</source>
        <translation>列类型</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>读取为</translation>
    </message>
    <message>
        <source>Worth knowing</source>
        <translation>注意事项</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>separated by semicolons</source>
        <translation>以分号分隔</translation>
    </message>
    <message>
        <source>separated by tabs</source>
        <translation>以制表符分隔</translation>
    </message>
    <message>
        <source>separated by vertical bars</source>
        <translation>以竖线分隔</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>以逗号分隔</translation>
    </message>
    <message>
        <source>the only row</source>
        <translation>仅有的一行</translation>
    </message>
    <message>
        <source>the first %1 rows</source>
        <translation>前%1行</translation>
    </message>
    <message>
        <source>%1 columns %2; %3%4; decimal %5; %6. Showing %7.</source>
        <translation>%1列，%2；%3%4；小数点为%5；%6。显示%7。</translation>
    </message>
    <message>
        <source> with a byte order mark</source>
        <translation> 带字节顺序标记（BOM）</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>point</source>
        <translation>句点</translation>
    </message>
    <message>
        <source>names in the first row</source>
        <translation>第一行为列名</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>无表头行</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第%1行：%2</translation>
    </message>
    <message>
        <source>Type chosen by you</source>
        <translation>由您选择的类型</translation>
    </message>
    <message>
        <source>Type detected from the file</source>
        <translation>从文件中检测到的类型</translation>
    </message>
</context>
<context>
    <name>neurolift::LayerCanvas</name>
    <message>
        <source>This layer</source>
        <translation>此层</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>1个神经元</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1个神经元</translation>
    </message>
    <message>
        <source>The network from the inputs at the top to the prediction at the bottom. Drag a block to reorder, press Delete to remove the selected layer, drop a layer from the palette to add it.</source>
        <translation>网络从顶部的输入到底部的预测。拖动模块可调整顺序，按 Delete 删除所选层，从层面板拖入一层即可添加。</translation>
    </message>
    <message>
        <source>1 input</source>
        <translation>1个输入</translation>
    </message>
    <message>
        <source>%1 inputs</source>
        <translation>%1个输入</translation>
    </message>
    <message>
        <source>prepared customer features</source>
        <translation>预处理后的客户特征</translation>
    </message>
    <message>
        <source>Inputs: pick the data first</source>
        <translation>输入：请先选择数据</translation>
    </message>
    <message>
        <source>you can build the network already</source>
        <translation>现在就可以搭建网络</translation>
    </message>
    <message>
        <source>1 output</source>
        <translation>1个输出</translation>
    </message>
    <message>
        <source>%1 outputs</source>
        <translation>%1个输出</translation>
    </message>
    <message>
        <source>? outputs</source>
        <translation>?个输出</translation>
    </message>
    <message>
        <source>Output · Dense · %1</source>
        <translation>输出 · 全连接 · %1</translation>
    </message>
    <message>
        <source>Dense · %1</source>
        <translation>全连接 · %1</translation>
    </message>
    <message>
        <source>Dropout · %1 %</source>
        <translation>随机失活 · %1%</translation>
    </message>
    <message>
        <source>while training only</source>
        <translation>仅在训练时生效</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>rescales each value</source>
        <translation>对每个值重新缩放</translation>
    </message>
    <message>
        <source>Activation · %1</source>
        <translation>激活函数 · %1</translation>
    </message>
    <message>
        <source>applied to each value</source>
        <translation>作用于每个值</translation>
    </message>
    <message>
        <source>trainable values</source>
        <translation>可训练参数</translation>
    </message>
    <message>
        <source>Prediction: chance of yes</source>
        <translation>预测：为“是”的概率</translation>
    </message>
    <message>
        <source>one score from 0 to 1 per customer</source>
        <translation>每位客户一个0到1之间的得分</translation>
    </message>
    <message>
        <source>Prediction: chance of each class</source>
        <translation>预测：各类别的概率</translation>
    </message>
    <message>
        <source>%1 scores that add up to 1</source>
        <translation>%1个得分，总和为1</translation>
    </message>
    <message>
        <source>Prediction: a number</source>
        <translation>预测：一个数值</translation>
    </message>
    <message>
        <source>Prediction: %1 numbers</source>
        <translation>预测：%1个数值</translation>
    </message>
    <message>
        <source>per customer</source>
        <translation>每位客户</translation>
    </message>
</context>
<context>
    <name>neurolift::LayerPalette</name>
    <message>
        <source>Drag a layer onto the network, or double-click it to add it after the selected layer</source>
        <translation>将层拖到神经网络上，或双击将其添加到所选层之后</translation>
    </message>
</context>
<context>
    <name>neurolift::LayerProperties</name>
    <message>
        <source>How many units (neurons) this layer has. More units can learn more detailed patterns, but need more data and take longer to train.</source>
        <translation>该层的神经元数量。神经元越多，能学到的规律越细致，但需要更多数据，训练也更久。</translation>
    </message>
    <message>
        <source>How each unit turns its sum into an output. ReLU is a good choice for hidden layers.</source>
        <translation>每个神经元如何将其加权和转换为输出。隐藏层选用 ReLU 通常效果不错。</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Share of the values switched off at random in each training step, so the network cannot lean on a few of them. 10-30 % is common; it has no effect when scoring.</source>
        <translation>每个训练步骤中随机关闭的值所占比例，使神经网络不会只依赖其中少数几个值。常用 10-30%；评分时不起作用。</translation>
    </message>
    <message>
        <source>How the weights are set before training starts. He suits ReLU layers, Xavier suits tanh and sigmoid; the difference shows in how fast training starts.</source>
        <translation>训练开始前权重的初始化方式。He 适合 ReLU 层，Xavier 适合 tanh 和 sigmoid 层；区别在于训练起步的快慢。</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>随机失活（Dropout）</translation>
    </message>
    <message>
        <source>Start weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>No layer selected</source>
        <translation>未选择层</translation>
    </message>
    <message>
        <source>Click a block in the network to see and change its settings.</source>
        <translation>点击神经网络中的某个模块，即可查看和修改其设置。</translation>
    </message>
    <message>
        <source>Output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>Layer %1: %2</source>
        <translation>第%1层：%2</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1 in → %2 out, %3 trainable values</source>
        <translation>输入%1 → 输出%2，%3个可训练参数</translation>
    </message>
    <message>
        <source>The output layer answers the question you train for, so its units and activation follow the target: %1 with %2. It cannot be removed.</source>
        <translation>输出层回答的是您训练要解决的问题，因此其神经元和激活函数由预测目标决定：%1，使用%2。输出层无法删除。</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>1个神经元</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1个神经元</translation>
    </message>
</context>
<context>
    <name>neurolift::LayerText</name>
    <message>
        <source>Dense</source>
        <translation>全连接</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>随机失活（Dropout）</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Learns weighted combinations of everything before it</source>
        <translation>学习前面所有内容的加权组合</translation>
    </message>
    <message>
        <source>Bends the signal so the network can learn curves</source>
        <translation>让信号弯曲，使网络能学习曲线关系</translation>
    </message>
    <message>
        <source>Switches off random units while training, against memorising</source>
        <translation>训练时随机关闭部分神经元，防止死记硬背</translation>
    </message>
    <message>
        <source>Rescales the signal so training stays steady</source>
        <translation>重新缩放信号，使训练保持稳定</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Passes the value through unchanged; for predicting a number</source>
        <translation>原样输出数值；用于预测数值</translation>
    </message>
    <message>
        <source>Keeps positive values, sets negative ones to zero; a good default for hidden layers</source>
        <translation>保留正值，将负值设为零；隐藏层的理想默认选择</translation>
    </message>
    <message>
        <source>Like ReLU, but lets a little of the negative values through</source>
        <translation>类似 ReLU，但允许少量负值通过</translation>
    </message>
    <message>
        <source>Like ReLU, with a smooth curve below zero</source>
        <translation>类似 ReLU，但在零以下为平滑曲线</translation>
    </message>
    <message>
        <source>A smooth version of ReLU, popular in large models</source>
        <translation>ReLU 的平滑版本，在大型模型中很常用</translation>
    </message>
    <message>
        <source>Squeezes values between -1 and 1</source>
        <translation>将数值压缩到 -1 到 1 之间</translation>
    </message>
    <message>
        <source>Squeezes values between 0 and 1; turns the output into a probability of yes</source>
        <translation>将数值压缩到 0 到 1 之间；把输出转换为“是”的概率</translation>
    </message>
    <message>
        <source>Turns the outputs into probabilities that add up to 1; for the output layer only</source>
        <translation>将输出转换为总和为 1 的概率；仅用于输出层</translation>
    </message>
    <message>
        <source>He (for ReLU)</source>
        <translation>He（适用于 ReLU）</translation>
    </message>
    <message>
        <source>Xavier/Glorot (for tanh, sigmoid)</source>
        <translation>Xavier/Glorot（适用于 tanh、sigmoid）</translation>
    </message>
    <message>
        <source>PyTorch Linear</source>
        <translation>PyTorch Linear</translation>
    </message>
</context>
<context>
    <name>neurolift::MainMenus</name>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Teaching Mode</source>
        <translation>教学模式(&amp;T)</translation>
    </message>
    <message>
        <source>Show how a small network learns toy data, for a class or a projector</source>
        <translation>演示小型神经网络如何学习示例数据，适合课堂或投影讲解</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About NeuroLift</source>
        <translation>关于 NeuroLift(&amp;A)</translation>
    </message>
    <message>
        <source>About NeuroLift</source>
        <translation>关于 NeuroLift</translation>
    </message>
    <message>
        <source>Show NeuroLift&apos;s version</source>
        <translation>显示 NeuroLift 的版本</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;NeuroLift %1&lt;/h3&gt;&lt;p&gt;Build, train and explain neural networks on your own customer data, and turn their scores into segments you can act on.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;NeuroLift %1&lt;/h3&gt;&lt;p&gt;用您自己的客户数据构建、训练并解释神经网络，再把得分转化为可以直接行动的客群。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new, empty project</source>
        <translation>新建一个空白项目</translation>
    </message>
    <message>
        <source>New &amp;Guided Project…</source>
        <translation>新建引导式项目(&amp;G)…</translation>
    </message>
    <message>
        <source>Step by step from a customer table to a list of the customers to contact</source>
        <translation>一步步从客户数据表得到要联系的客户名单</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved project</source>
        <translation>打开已保存的项目</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import Customer Data…</source>
        <translation>导入客户数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Bring a customer table (CSV) into the project</source>
        <translation>将客户数据表（CSV）导入项目</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the project under another name</source>
        <translation>以其他名称保存项目</translation>
    </message>
    <message>
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <source>Close the project and start a new one</source>
        <translation>关闭项目并新建一个项目</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close NeuroLift</source>
        <translation>关闭 NeuroLift</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>撤销上一次更改</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the change you undid</source>
        <translation>重做刚才撤销的更改</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销%1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做%1(&amp;R)</translation>
    </message>
    <message>
        <source>Same as the System (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>Show NeuroLift in the language of the desktop</source>
        <translation>使用桌面系统的语言显示 NeuroLift</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>NeuroLift will be shown in %1 the next time it starts.</source>
        <translation>NeuroLift 下次启动时将以%1显示。</translation>
    </message>
    <message>
        <source>Restart Now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>NeuroLift projects (*.nlproj)</source>
        <translation>NeuroLift 项目 (*.nlproj)</translation>
    </message>
    <message>
        <source>Import Customer Data</source>
        <translation>导入客户数据</translation>
    </message>
    <message>
        <source>Customer tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>客户数据表 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>neurolift::MainWindow</name>
    <message>
        <source>NeuroLift</source>
        <translation>NeuroLift</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Cannot start a new project</source>
        <translation>无法新建项目</translation>
    </message>
    <message>
        <source>Cannot import the file</source>
        <translation>无法导入该文件</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Cannot save the change</source>
        <translation>无法保存该更改</translation>
    </message>
    <message>
        <source>%1[*] — NeuroLift</source>
        <translation>%1[*] — NeuroLift</translation>
    </message>
    <message>
        <source>%1 (read-only)[*] — NeuroLift</source>
        <translation>%1（只读）[*] — NeuroLift</translation>
    </message>
    <message>
        <source>Save changes?</source>
        <translation>保存更改？</translation>
    </message>
    <message>
        <source>Do you want to save the changes to “%1”?</source>
        <translation>是否保存对“%1”的更改？</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>如果不保存，您的更改将会丢失。</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>无法创建项目</translation>
    </message>
    <message>
        <source>Creating the project</source>
        <translation>正在创建项目</translation>
    </message>
    <message>
        <source>Cannot restore the project</source>
        <translation>无法恢复项目</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>NeuroLift projects (*.nlproj)</source>
        <translation>NeuroLift 项目 (*.nlproj)</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存“%1”</translation>
    </message>
</context>
<context>
    <name>neurolift::RecentProjectsMenu</name>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
</context>
<context>
    <name>neurolift::RecoveryPrompt</name>
    <message>
        <source>Restore unsaved changes?</source>
        <translation>恢复未保存的更改？</translation>
    </message>
    <message>
        <source>NeuroLift stopped before the changes to “%1” were saved.</source>
        <translation>NeuroLift 在保存对“%1”的更改之前意外退出。</translation>
    </message>
    <message>
        <source>The last change was made %1. Restore the changes, or open the project as it was last saved and discard them?</source>
        <translation>最后一次更改于%1。要恢复这些更改，还是放弃更改并打开上次保存的项目？</translation>
    </message>
    <message>
        <source>Restore Changes</source>
        <translation>恢复更改</translation>
    </message>
    <message>
        <source>Discard Changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Restore an unsaved project?</source>
        <translation>恢复未保存的项目？</translation>
    </message>
    <message>
        <source>NeuroLift stopped before a new project was saved.</source>
        <translation>NeuroLift 在保存新项目之前意外退出。</translation>
    </message>
    <message>
        <source>Its last change was made %1. Restore it, or discard it for good?</source>
        <translation>该项目最后一次更改于%1。要恢复它，还是永久放弃？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>neurolift::StepNavigation</name>
    <message>
        <source>NeuroLift</source>
        <translation>NeuroLift</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>客群</translation>
    </message>
</context>
<context>
    <name>neurolift::ModelPage</name>
    <message>
        <source>Design the network</source>
        <translation>设计神经网络</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>The networks kept in this project; pick one to edit it</source>
        <translation>本项目中保存的网络；选择一个即可编辑</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Start another network, keeping this one to compare</source>
        <translation>新建另一个网络，保留当前网络以便比较</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy this network to try a change without losing it</source>
        <translation>复制此网络，在不丢失原网络的前提下尝试修改</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove this network from the project (Undo brings it back)</source>
        <translation>从项目中移除此网络（可通过撤销恢复）</translation>
    </message>
    <message>
        <source>Start from a template</source>
        <translation>从模板开始</translation>
    </message>
    <message>
        <source>Replace the layers of this network by a ready-made design (Undo brings them back)</source>
        <translation>用现成的设计替换此网络的各层（可通过撤销恢复）</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>逻辑回归</translation>
    </message>
    <message>
        <source>No hidden layer: the classic scorecard, a baseline to beat</source>
        <translation>无隐藏层：经典评分卡，可作为需要超越的基准</translation>
    </message>
    <message>
        <source>Small (1 hidden layer)</source>
        <translation>小型（1个隐藏层）</translation>
    </message>
    <message>
        <source>One hidden layer of 16 units: quick, for smaller data</source>
        <translation>1个含16个神经元的隐藏层：速度快，适合较小的数据</translation>
    </message>
    <message>
        <source>Medium (2 hidden layers)</source>
        <translation>中型（2个隐藏层）</translation>
    </message>
    <message>
        <source>64 and 32 units: a good first choice</source>
        <translation>分别含64和32个神经元：推荐首选</translation>
    </message>
    <message>
        <source>Deep (3 hidden layers, dropout)</source>
        <translation>深层（3个隐藏层，含随机失活）</translation>
    </message>
    <message>
        <source>128, 64 and 32 units with dropout between: for large data</source>
        <translation>分别含128、64和32个神经元，层间加入随机失活：适合大量数据</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>没有可重做的操作</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Drag onto the network, or double-click to add.</source>
        <translation>拖到网络中，或双击添加。</translation>
    </message>
    <message>
        <source>Drag a block to move it · Delete removes the selected layer · Ctrl+Z undoes</source>
        <translation>拖动模块可调整位置 · 按 Delete 删除所选层 · Ctrl+Z 撤销</translation>
    </message>
    <message>
        <source>Selected layer</source>
        <translation>所选层</translation>
    </message>
    <message>
        <source>%1 trainable values</source>
        <translation>%1个可训练参数</translation>
    </message>
    <message>
        <source>Trainable values: known once the data is picked</source>
        <translation>可训练参数：选定数据后可知</translation>
    </message>
    <message>
        <source>no hidden layer</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <source>1 hidden layer</source>
        <translation>1个隐藏层</translation>
    </message>
    <message>
        <source>%1 hidden layers</source>
        <translation>%1个隐藏层</translation>
    </message>
    <message>
        <source>This network cannot be trained yet:</source>
        <translation>此网络还不能训练：</translation>
    </message>
    <message>
        <source>This network cannot be trained yet (%1 problems):</source>
        <translation>此网络还不能训练（%1个问题）：</translation>
    </message>
    <message>
        <source>Network %1</source>
        <translation>网络%1</translation>
    </message>
    <message>
        <source>Rename network</source>
        <translation>重命名网络</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
</context>
<context>
    <name>neurolift::RunPage</name>
    <message>
        <source>Run %1</source>
        <translation>训练记录%1</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>test AUC %1</source>
        <translation>测试集 AUC %1</translation>
    </message>
    <message>
        <source>test accuracy %1 %</source>
        <translation>测试集准确率 %1%</translation>
    </message>
    <message>
        <source>test RMSE %1</source>
        <translation>测试集 RMSE %1</translation>
    </message>
</context>
<context>
    <name>neurolift::SegmentEditor</name>
    <message>
        <source>Add Band</source>
        <translation>添加分段</translation>
    </message>
    <message>
        <source>Remove Band</source>
        <translation>删除分段</translation>
    </message>
    <message>
        <source>The best</source>
        <translation>得分最高的</translation>
    </message>
    <message>
        <source>Score bands</source>
        <translation>按得分分段</translation>
    </message>
    <message>
        <source>Equal groups (deciles, quintiles…)</source>
        <translation>等分组（十分位、五分位…）</translation>
    </message>
    <message>
        <source>The best customers</source>
        <translation>最佳客户</translation>
    </message>
    <message>
        <source>How customers are put into segments.</source>
        <translation>客户如何划分到客群。</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客群</translation>
    </message>
    <message>
        <source>Score from</source>
        <translation>得分起点</translation>
    </message>
    <message>
        <source>Each segment holds the customers whose score is at least its &quot;Score from&quot; and below the segment above. Scores run from 0 to 1.</source>
        <translation>每个客群包含得分不低于其“得分起点”、且低于上一个客群的客户。得分范围为 0 到 1。</translation>
    </message>
    <message>
        <source>The name of the customers below the last band.</source>
        <translation>最后一个分段以下的客户名称。</translation>
    </message>
    <message>
        <source>Everyone else:</source>
        <translation>其他所有客户：</translation>
    </message>
    <message>
        <source>10 gives deciles, 5 quintiles. Group 1 holds the highest scores; customers with the same score are never split between groups.</source>
        <translation>10 表示十分位，5 表示五分位。第1组得分最高；得分相同的客户不会被拆分到不同组。</translation>
    </message>
    <message>
        <source>Number of groups:</source>
        <translation>分组数：</translation>
    </message>
    <message>
        <source> customers</source>
        <translation> 位客户</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Their segment:</source>
        <translation>所属客群：</translation>
    </message>
    <message>
        <source>Split by:</source>
        <translation>划分方式：</translation>
    </message>
    <message>
        <source>Band %1 has no name.</source>
        <translation>第%1个分段没有名称。</translation>
    </message>
    <message>
        <source>The score of &quot;%1&quot; should be a number from 0 to 1, not &quot;%2&quot;.</source>
        <translation>“%1”的得分应为 0 到 1 之间的数字，而不是“%2”。</translation>
    </message>
    <message>
        <source>Give the customers below the last band a name.</source>
        <translation>请为最后一个分段以下的客户命名。</translation>
    </message>
    <message>
        <source>rest</source>
        <translation>其余</translation>
    </message>
    <message>
        <source>top</source>
        <translation>头部</translation>
    </message>
    <message>
        <source>band %1</source>
        <translation>分段%1</translation>
    </message>
</context>
<context>
    <name>neurolift::SegmentsPage</name>
    <message>
        <source>The share of all customers in the file to contact, highest scores first.</source>
        <translation>要联系的客户占文件中全部客户的比例，按得分从高到低。</translation>
    </message>
    <message>
        <source>Contact the top</source>
        <translation>联系得分最高的前</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>Not contacted</source>
        <translation>未联系</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Best balance (F1)</source>
        <translation>最佳平衡（F1）</translation>
    </message>
    <message>
        <source>The cut that best balances reaching the positives (recall) and not contacting the others (precision), measured on the test rows.</source>
        <translation>在测试集上，兼顾触达正例（召回率）与少联系其他客户（精确率）的最佳阈值。</translation>
    </message>
    <message>
        <source>Contact this many</source>
        <translation>联系这么多位</translation>
    </message>
    <message>
        <source>What contacting one customer costs (mail, call, discount).</source>
        <translation>联系一位客户的成本（邮寄、电话、折扣）。</translation>
    </message>
    <message>
        <source>What one customer who says yes is worth.</source>
        <translation>一位回答“是”的客户带来的价值。</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Most profitable</source>
        <translation>利润最高</translation>
    </message>
    <message>
        <source>The cut with the highest expected profit, reading each score as the chance that the customer says yes.</source>
        <translation>预期利润最高的阈值，把每个得分视为该客户回答“是”的概率。</translation>
    </message>
    <message>
        <source>Customers:</source>
        <translation>客户数：</translation>
    </message>
    <message>
        <source>Cost per contact:</source>
        <translation>单次联系成本：</translation>
    </message>
    <message>
        <source>Value per yes:</source>
        <translation>每个“是”的价值：</translation>
    </message>
    <message>
        <source>Budget:</source>
        <translation>预算：</translation>
    </message>
    <message>
        <source>On the %1 test customers</source>
        <translation>在%1位测试集客户上的表现</translation>
    </message>
    <message>
        <source>The model was checked on %1 customers held out from training; the counts below are theirs, not the whole file&apos;s. The same cut (score %2 or more) contacts %3 of them (%4), and %5 of all %6 customers in the file (%7).</source>
        <extracomment>%1 test customers; %2 the score; %3 of them contacted (%4 %); %5 of all %6 customers (%7 %).</extracomment>
        <translation>模型在%1位未参与训练的客户（测试集）上检验；下面的计数来自这些客户，而非整个文件。同一阈值（得分不低于%2）联系其中%3位（%4），在文件全部%6位客户中联系%5位（%7）。</translation>
    </message>
    <message>
        <source>Choose the cut for me</source>
        <translation>帮我选阈值</translation>
    </message>
    <message>
        <source>Customers contacted (%)</source>
        <translation>已联系客户（%）</translation>
    </message>
    <message>
        <source>Positives reached (%)</source>
        <translation>已触达正例（%）</translation>
    </message>
    <message>
        <source>This model</source>
        <translation>当前模型</translation>
    </message>
    <message>
        <source>At random</source>
        <translation>随机联系</translation>
    </message>
    <message>
        <source>Perfect</source>
        <translation>理想情况</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Test customers</source>
        <translation>测试集客户</translation>
    </message>
    <message>
        <source>Test
customers</source>
        <translation>测试集客户</translation>
    </message>
    <message>
        <source>Expected profit</source>
        <translation>预期利润</translation>
    </message>
    <message>
        <source>Cumulative gains on the test customers</source>
        <translation>测试集客户上的累计增益</translation>
    </message>
    <message>
        <source>Scores of the test customers</source>
        <translation>测试集客户的得分分布</translation>
    </message>
    <message>
        <source>Expected profit over all customers in the file</source>
        <translation>文件中全部客户的预期利润</translation>
    </message>
    <message>
        <source>%1 reached</source>
        <extracomment>Confusion-matrix cells; %1 is a number of customers.</extracomment>
        <translation>触达%1位</translation>
    </message>
    <message>
        <source>%1 missed</source>
        <translation>遗漏%1位</translation>
    </message>
    <message>
        <source>%1 contacted in vain</source>
        <translation>白白联系%1位</translation>
    </message>
    <message>
        <source>%1 rightly left out</source>
        <translation>正确排除%1位</translation>
    </message>
    <message>
        <source>True positives: contacted, and %1.</source>
        <translation>真正例：已联系，且为%1。</translation>
    </message>
    <message>
        <source>False negatives: %1, but not contacted.</source>
        <translation>假负例：为%1，但未联系。</translation>
    </message>
    <message>
        <source>False positives: contacted, but not %1.</source>
        <translation>假正例：已联系，但不是%1。</translation>
    </message>
    <message>
        <source>True negatives: not contacted, and not %1.</source>
        <translation>真负例：未联系，且不是%1。</translation>
    </message>
    <message>
        <source>Of those contacted, %1 are %2 (precision); %3 of all %2 are reached (recall); F1 %4; %5 of the test customers are put on the right side (accuracy). Lift %6×. Score from %7.</source>
        <translation>已联系的客户中，%1为%2（精确率）；所有%2中有%3被触达（召回率）；F1为%4；%5的测试集客户被正确区分（准确率）。提升度%6×。得分阈值%7。</translation>
    </message>
    <message>
        <source>Contacting nobody reaches none of the customers with %1.</source>
        <translation>不联系任何人，就触达不到任何%1的客户。</translation>
    </message>
    <message>
        <source>Contacting the top %1 of all %2 customers in the file (%3 customers, score %4 or more) reaches %5 of those with %6 — %7× random, as measured on the test customers.</source>
        <extracomment>%1 share of %2 all customers (%3 of them, score %4 or more); %5 recall of %6; %7 lift.</extracomment>
        <translation>在文件全部%2位客户中联系得分最高的前%1（%3位客户，得分不低于%4），可触达%5的%6客户——是随机联系的%7倍（在测试集客户上衡量）。</translation>
    </message>
    <message>
        <source>The best balance is at score %1: F1 %2 on the test customers.</source>
        <translation>最佳平衡点在得分%1处：测试集客户上的F1为%2。</translation>
    </message>
    <message>
        <source>%1 customers: %2 more share the last score, so they are contacted too.</source>
        <translation>%1位客户：另有%2位与最后一位得分相同，因此也一并联系。</translation>
    </message>
    <message>
        <source>The %1 customers with the highest scores.</source>
        <translation>得分最高的%1位客户。</translation>
    </message>
    <message>
        <source>No cut is expected to make a profit at these prices: every contact costs more than the yes it is likely to bring.</source>
        <translation>按当前价格，任何阈值都预计无法盈利：每次联系的成本都高于它可能带来的“是”的价值。</translation>
    </message>
    <message>
        <source>Contacting %1 customers (score %2 or more) is expected to bring %3 yes answers: cost %4, value %5, profit %6.</source>
        <translation>联系%1位客户（得分不低于%2）预计可带来%3个“是”：成本%4，价值%5，利润%6。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Every file written from this project, newest first. Use Export at the top right to write scored customers (CSV or Excel), the segment summary, the charts, or the model as SQL.</source>
        <translation>此项目导出过的所有文件，最新的在前。使用右上角的“导出”可导出已评分客户（CSV 或 Excel）、客群汇总、图表，或将模型导出为 SQL。</translation>
    </message>
    <message>
        <source>Scored Customers…</source>
        <translation>已评分客户…</translation>
    </message>
    <message>
        <source>Segment Summary…</source>
        <translation>客群汇总…</translation>
    </message>
    <message>
        <source>Charts…</source>
        <translation>图表…</translation>
    </message>
    <message>
        <source>Model as SQL…</source>
        <translation>模型（SQL）…</translation>
    </message>
    <message>
        <source>%1-run-%2</source>
        <translation>%1-训练记录%2</translation>
    </message>
    <message>
        <source>scored-customers</source>
        <translation>已评分客户</translation>
    </message>
    <message>
        <source>Nothing to export yet, or an export is already running.</source>
        <translation>暂无可导出的内容，或已有导出正在进行。</translation>
    </message>
    <message>
        <source>Exporting customers to %1…</source>
        <translation>正在将客户导出到%1…</translation>
    </message>
    <message>
        <source>The export to %1 was cancelled; no file was written.</source>
        <translation>导出到%1已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Cannot export to %1: %2</source>
        <translation>无法导出到%1：%2</translation>
    </message>
    <message>
        <source>%1 customers exported to %2.</source>
        <translation>已将%1位客户导出到%2。</translation>
    </message>
    <message>
        <source>There are no segments to write yet.</source>
        <translation>暂无可导出的客群。</translation>
    </message>
    <message>
        <source>NeuroLift evaluation charts</source>
        <translation>NeuroLift 评估图表</translation>
    </message>
    <message>
        <source>Export the Segment Summary</source>
        <translation>导出客群汇总</translation>
    </message>
    <message>
        <source>segment-summary</source>
        <translation>客群汇总</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Export the Model as SQL</source>
        <translation>将模型导出为 SQL</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>The table holding your customers, with the columns the model was trained on.</source>
        <translation>存放客户的数据表，需包含模型训练时使用的列。</translation>
    </message>
    <message>
        <source>One SELECT statement that computes the same score as NeuroLift, row by row, inside your database.</source>
        <translation>一条 SELECT 语句，在您的数据库中逐行计算与 NeuroLift 相同的得分。</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Customer table:</source>
        <translation>客户数据表：</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>SQL file (*.sql)</source>
        <translation>SQL 文件 (*.sql)</translation>
    </message>
    <message>
        <source>The model cannot be written as SQL: %1</source>
        <translation>无法将模型导出为 SQL：%1</translation>
    </message>
    <message>
        <source>Segment definitions saved in this project.</source>
        <translation>此项目中保存的客群定义。</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Keep these segments in the project under a name, for exports and the command line (neurolift-cli export --segment NAME).</source>
        <translation>将这些客群以一个名称保存在项目中，供导出和命令行使用（neurolift-cli export --segment NAME）。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>已保存：</translation>
    </message>
    <message>
        <source>How to split the customers</source>
        <translation>如何划分客户</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客群</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Expected
rate</source>
        <translation>预期响应率</translation>
    </message>
    <message>
        <source>Expected
lift</source>
        <translation>预期提升度</translation>
    </message>
    <message>
        <source>Observed
rate</source>
        <translation>实际响应率</translation>
    </message>
    <message>
        <source>Observed rate</source>
        <translation>实际响应率</translation>
    </message>
    <message>
        <source>Observed
lift</source>
        <translation>实际提升度</translation>
    </message>
    <message>
        <source>Response rate (%)</source>
        <translation>响应率（%）</translation>
    </message>
    <message>
        <source>Expected (mean score)</source>
        <translation>预期（平均得分）</translation>
    </message>
    <message>
        <source>Observed on test customers</source>
        <translation>测试集客户实际值</translation>
    </message>
    <message>
        <source>The segments</source>
        <translation>客群</translation>
    </message>
    <message>
        <source>Response rate by segment</source>
        <translation>各客群响应率</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>%1 customers in %2 segments. Expected rates are the mean scores of all customers; observed rates are counted on the %3 test customers.</source>
        <translation>%1位客户，分为%2个客群。预期响应率为全部客户的平均得分；实际响应率基于%3位测试集客户统计。</translation>
    </message>
    <message>
        <source>Save Segments</source>
        <translation>保存客群</translation>
    </message>
    <message>
        <source>segments</source>
        <translation>客群</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Saved Segments</source>
        <translation>已保存的客群</translation>
    </message>
    <message>
        <source>The segments &quot;%1&quot; cannot be read: %2</source>
        <translation>无法读取客群“%1”：%2</translation>
    </message>
    <message>
        <source>Target the right customers</source>
        <translation>找准目标客户</translation>
    </message>
    <message>
        <source>The training run whose scores this page shows.</source>
        <translation>本页展示其得分的训练记录。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Write scored customers, the segment summary, the charts or the model as SQL.</source>
        <translation>导出已评分客户、客群汇总、图表，或将模型导出为 SQL。</translation>
    </message>
    <message>
        <source>Run:</source>
        <translation>训练记录：</translation>
    </message>
    <message>
        <source>Whom to contact</source>
        <translation>联系谁</translation>
    </message>
    <message>
        <source>How good is the model</source>
        <translation>模型效果如何</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>客群</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <source>(not saved)</source>
        <translation>（未保存）</translation>
    </message>
    <message>
        <source>Train a model on the Train page first.

Then this page shows whom to contact: how many of the customers you want a campaign reaches, segments such as hot, warm and cold, and files to take into other tools.</source>
        <translation>请先在“训练”页训练一个模型。

之后本页会告诉您该联系谁：一次营销活动能触达多少目标客户、高意向/中意向/低意向等客群，以及可导入其他工具的文件。</translation>
    </message>
    <message>
        <source>%1 network, %2 epochs</source>
        <translation>%1网络，%2轮</translation>
    </message>
    <message>
        <source>Reading the customer data…</source>
        <translation>正在读取客户数据…</translation>
    </message>
    <message>
        <source>This run stopped before it learned anything, so it cannot score customers. Choose another run, or train again.</source>
        <translation>此训练记录在学到任何东西之前就已停止，无法为客户评分。请选择其他训练记录，或重新训练。</translation>
    </message>
    <message>
        <source>This run predicts one of %1 answers. Whom to contact, lift and segments need a yes/no answer: choose a yes/no target on the Data page and train again.</source>
        <translation>此训练记录预测的是%1种答案之一。“联系谁”、提升度和客群都需要是/否型答案：请在“数据”页选择一个是/否型预测目标，然后重新训练。</translation>
    </message>
    <message>
        <source>This run was trained on other data (%1 rows; the project&apos;s data has %2). Choose another run, or train again on the current data.</source>
        <translation>此训练记录基于其他数据训练（%1行；项目当前数据有%2行）。请选择其他训练记录，或用当前数据重新训练。</translation>
    </message>
    <message>
        <source>Scoring %1 customers…</source>
        <translation>正在为%1位客户评分…</translation>
    </message>
    <message>
        <source>This run does not say which rows it was tested on, so every customer with an answer is used, also those it learned from: the figures look better than they will be on new customers.</source>
        <translation>此训练记录没有说明用哪些行做测试，因此会使用所有有答案的客户，包括它学习过的客户：这些数字会比在新客户上的实际表现更好看。</translation>
    </message>
    <message>
        <source>the run has no test customers with an answer</source>
        <translation>该训练记录没有带答案的测试集客户</translation>
    </message>
    <message>
        <source>Scoring the customers was stopped.</source>
        <translation>已停止为客户评分。</translation>
    </message>
    <message>
        <source>This run cannot score the project&apos;s customers: %1</source>
        <translation>此训练记录无法为项目中的客户评分：%1</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Scored customers (Excel)</source>
        <translation>已评分客户（Excel）</translation>
    </message>
    <message>
        <source>Scored customers (CSV)</source>
        <translation>已评分客户（CSV）</translation>
    </message>
    <message>
        <source>Segment summary</source>
        <translation>客群汇总</translation>
    </message>
    <message>
        <source>Model as SQL</source>
        <translation>模型（SQL）</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>False positive rate</source>
        <translation>假正例率</translation>
    </message>
    <message>
        <source>True positive rate</source>
        <translation>真正例率</translation>
    </message>
    <message>
        <source>Guessing</source>
        <translation>随机猜测</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>Contacted (%)</source>
        <translation>联系比例（%）</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall: the share of all positives that the cut reaches. Precision: the share of positives among those contacted. AP: the average precision over all cuts.</source>
        <translation>召回率：阈值触达的正例占全部正例的比例。精确率：已联系客户中正例的比例。AP：所有阈值下的平均精确率。</translation>
    </message>
    <message>
        <source>Lift (× random)</source>
        <translation>提升度（× 随机）</translation>
    </message>
    <message>
        <source>Perfectly calibrated</source>
        <translation>完美校准</translation>
    </message>
    <message>
        <source>Decile</source>
        <translation>十分位</translation>
    </message>
    <message>
        <source>Positives</source>
        <translation>正例数</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>响应率</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>提升度</translation>
    </message>
    <message>
        <source>Cum. gain</source>
        <translation>累计增益</translation>
    </message>
    <message>
        <source>Cum. lift</source>
        <translation>累计提升度</translation>
    </message>
    <message>
        <source>Response rate: the share of positives in the group.</source>
        <translation>响应率：该组中正例所占比例。</translation>
    </message>
    <message>
        <source>Cumulative gain: the share of all positives in this group and the ones above it.</source>
        <translation>累计增益：该组及其以上各组包含的正例占全部正例的比例。</translation>
    </message>
    <message>
        <source>Cumulative lift: how many times the rate of random contacts this group and the ones above reach.</source>
        <translation>累计提升度：该组及其以上各组的响应率是随机联系的多少倍。</translation>
    </message>
    <message>
        <source>Lift by share contacted</source>
        <translation>按联系比例的提升度</translation>
    </message>
    <message>
        <source>ROC curve</source>
        <translation>ROC 曲线</translation>
    </message>
    <message>
        <source>Precision and recall</source>
        <translation>精确率与召回率</translation>
    </message>
    <message>
        <source>Do scores mean what they say? (calibration)</source>
        <translation>得分是否名副其实？（校准）</translation>
    </message>
    <message>
        <source>The test customers in ten groups by score</source>
        <translation>按得分将测试集客户分为十组</translation>
    </message>
    <message>
        <source>Predicted</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Actual − predicted</source>
        <translation>实际值 − 预测值</translation>
    </message>
    <message>
        <source>Predicted against actual</source>
        <translation>预测值与实际值对比</translation>
    </message>
    <message>
        <source>Errors by prediction</source>
        <translation>按预测值的误差</translation>
    </message>
    <message>
        <source>How large the errors are</source>
        <translation>误差大小分布</translation>
    </message>
    <message>
        <source>On %1 test customers the model did not learn from (%2 of them %3): AUC %4, so a customer with %3 scores higher than one without %5 of the time (guessing: 50 %). The top tenth holds %6 of the positives.</source>
        <translation>在%1位模型未学习过的测试集客户上（其中%2为%3）：AUC为%4，即一位%3客户的得分高于一位非此类客户的概率为%5（随机猜测为50%）。得分最高的十分之一客户包含了%6的正例。</translation>
    </message>
    <message>
        <source>This model (AUC %1)</source>
        <translation>当前模型（AUC %1）</translation>
    </message>
    <message>
        <source>This model (AP %1)</source>
        <translation>当前模型（AP %1）</translation>
    </message>
    <message>
        <source>For yes/no models.</source>
        <translation>适用于是/否型模型。</translation>
    </message>
    <message>
        <source>On %1 test customers the model did not learn from: typical error (RMSE) %2, mean absolute error %3, R² %4 (1 is perfect, 0 is no better than always predicting the average). On average the model predicts %5 too %6.</source>
        <translation>在%1位模型未学习过的测试集客户上：典型误差（RMSE）为%2，平均绝对误差为%3，R²为%4（1为完美，0表示不比始终预测平均值更好）。平均而言，模型的预测值偏%6%5。</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
</context>
<context>
    <name>neurolift::TableModel</name>
    <message>
        <source>Missing value</source>
        <translation>缺失值</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>neurolift::TaskIndicator</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this task</source>
        <translation>停止此任务</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>neurolift::TeachingVisitor</name>
    <message>
        <source>The visitor saw:</source>
        <translation>该访客浏览过：</translation>
    </message>
    <message>
        <source>Ready to buy</source>
        <translation>购买意愿</translation>
    </message>
    <message>
        <source>Every combination of pages and how ready to buy the network thinks it is; ● marks a page seen, top to bottom: pricing, configurator, specifications, financing. The dark bar is the visitor above.</source>
        <translation>每种页面组合及网络估计的购买意愿；●表示浏览过该页面，自上而下依次为：价格、配置器、规格、金融方案。深色柱为上方的访客。</translation>
    </message>
    <message>
        <source>Pricing</source>
        <translation>价格页</translation>
    </message>
    <message>
        <source>Car configurator</source>
        <translation>汽车配置器</translation>
    </message>
    <message>
        <source>Specifications</source>
        <translation>规格参数</translation>
    </message>
    <message>
        <source>Financing</source>
        <translation>金融方案</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Step %1.&lt;/b&gt; The inputs: 1 for each page the visitor saw, 0 for the others: %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;第%1步。&lt;/b&gt;输入：访客浏览过的页面记为1，其余记为0：%2。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Neuron %1</source>
        <translation>神经元%1</translation>
    </message>
    <message>
        <source>%1: %2 = %3, and %4(%3) = &lt;b&gt;%5&lt;/b&gt;</source>
        <translation>%1：%2 = %3，%4(%3) = &lt;b&gt;%5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>The output weighs what came before, adds its bias and squashes the sum into 0 to 1 (sigmoid):</source>
        <translation>输出层对前一层的结果加权求和，加上偏置，再把总和压缩到0到1之间（sigmoid）：</translation>
    </message>
    <message>
        <source>Hidden layer %1: each neuron weighs what came before, adds its bias and bends the sum (%2):</source>
        <translation>隐藏层%1：每个神经元对前一层的结果加权求和，加上偏置，再用激活函数弯曲（%2）：</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Step %1.&lt;/b&gt; %2&lt;br&gt;%3&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;第%1步。&lt;/b&gt;%2&lt;br&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This visitor is &lt;b&gt;%1&lt;/b&gt; ready to buy.</source>
        <translation>该访客的购买意愿为&lt;b&gt;%1&lt;/b&gt;。</translation>
    </message>
</context>
<context>
    <name>neurolift::TeachingWindow</name>
    <message>
        <source>NeuroLift — Teaching Mode</source>
        <translation>NeuroLift — 教学模式</translation>
    </message>
    <message>
        <source>Two blobs</source>
        <translation>两团点</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>Spirals</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>How far the points are jittered: more noise, harder to separate</source>
        <translation>点的随机抖动程度：噪声越大，越难分开</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Hidden layers between the inputs (x, y) and the output; 0 draws a straight line</source>
        <translation>输入 (x, y) 与输出之间的隐藏层数；为 0 时只能画出一条直线</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Neurons in each hidden layer</source>
        <translation>每个隐藏层的神经元数</translation>
    </message>
    <message>
        <source>Neurons per layer</source>
        <translation>每层神经元数</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <source>The bend each hidden neuron puts on its weighted sum</source>
        <translation>每个隐藏神经元对其加权和施加的弯折</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>How big a step each batch takes (Adam); too big and it jumps around</source>
        <translation>每个批次迈出的步子有多大（Adam）；太大会来回跳动</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Points looked at before each step</source>
        <translation>每迈出一步前查看的点数</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Batches trained between two pictures while playing (about 30 pictures a second)</source>
        <translation>播放时两帧画面之间训练的批次数（约每秒 30 帧）</translation>
    </message>
    <message>
        <source>Batches per picture</source>
        <translation>每帧批次数</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Train batch after batch and watch</source>
        <translation>一批接一批地训练并观察</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop after the current picture</source>
        <translation>在当前画面后停止</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train one batch</source>
        <translation>训练一个批次</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the start: the same points and the same first weights</source>
        <translation>回到起点：相同的点和相同的初始权重</translation>
    </message>
    <message>
        <source>Large fonts</source>
        <translation>大字体</translation>
    </message>
    <message>
        <source>Bigger text for a projector</source>
        <translation>放大文字，便于投影</translation>
    </message>
    <message>
        <source>Export view as image…</source>
        <translation>将视图导出为图片…</translation>
    </message>
    <message>
        <source>Save this window as a PNG picture</source>
        <translation>将此窗口保存为 PNG 图片</translation>
    </message>
    <message>
        <source>training points</source>
        <translation>训练点</translation>
    </message>
    <message>
        <source>test points (hollow)</source>
        <translation>测试点（空心）</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>What the network predicts over the plane</source>
        <translation>神经网络在整个平面上的预测</translation>
    </message>
    <message>
        <source>Each hidden neuron&apos;s output (blue +, orange −)</source>
        <translation>每个隐藏神经元的输出（蓝色为 +，橙色为 −）</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message numerus="yes">
        <source>Not trained yet: %n batch(es) make an epoch</source>
        <translation>
            <numerusform>尚未训练：%n个批次构成一轮</numerusform>
        </translation>
    </message>
    <message>
        <source>Epoch %1, batch %2 of %3 (%4 batches in all)</source>
        <translation>第%1轮，第%2/%3批（共%4批）</translation>
    </message>
    <message>
        <source>Loss: training %1, test %2
Right: training %3, test %4</source>
        <translation>损失：训练集%1，测试集%2
正确率：训练集%3，测试集%4</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第%1层</translation>
    </message>
    <message>
        <source>No hidden layer: the output is a weighted sum of x and y,
so the boundary is a straight line.</source>
        <translation>没有隐藏层：输出是 x 和 y 的加权和，
因此决策边界是一条直线。</translation>
    </message>
    <message>
        <source>Export View as Image</source>
        <translation>将视图导出为图片</translation>
    </message>
    <message>
        <source>teaching.png</source>
        <translation>teaching.png</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入%1。</translation>
    </message>
    <message>
        <source>Car buyers: four pages</source>
        <translation>购车客户：四个页面</translation>
    </message>
    <message>
        <source>The points to learn: two classes on a plane; or the car dealer&apos;s visitors, described by the four pages they saw</source>
        <translation>要学习的点：平面上的两类点；或汽车经销商的网站访客，用他们浏览过的四个页面来描述</translation>
    </message>
    <message>
        <source>One visitor&apos;s score, step by step</source>
        <translation>逐步计算一位访客的得分</translation>
    </message>
    <message>
        <source>The network: four pages in, ready to buy out</source>
        <translation>神经网络：输入四个页面，输出购买意愿</translation>
    </message>
    <message>
        <source>Ready to buy</source>
        <translation>购买意愿</translation>
    </message>
</context>
<context>
    <name>neurolift::TrainPage</name>
    <message>
        <source>a few seconds left</source>
        <translation>还剩几秒</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>约剩%1秒</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>约剩%1分钟</translation>
    </message>
    <message>
        <source>about %1 h left</source>
        <translation>约剩%1小时</translation>
    </message>
    <message>
        <source>Train and watch it learn</source>
        <translation>训练并观察学习过程</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Train a new run with these settings.</source>
        <translation>用这些设置开始新的训练。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause after the current batch; Resume carries on exactly where it stopped.</source>
        <translation>在当前批次完成后暂停；点击“继续”会从停下的地方原样接着训练。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the run now. It is kept, with the weights of its best epoch.</source>
        <translation>立即结束本次训练。训练记录会保留，并使用其最佳一轮的权重。</translation>
    </message>
    <message>
        <source>Step one epoch</source>
        <translation>单步训练一轮</translation>
    </message>
    <message>
        <source>Train exactly one more pass over the training rows, then pause.</source>
        <translation>在训练集上再训练恰好一轮，然后暂停。</translation>
    </message>
    <message>
        <source>Loss is how wrong the network still is: lower is better. Training is measured on the rows it learns from, validation on rows it never learns from. When validation stops going down while training still does, the network has started to learn the training rows by heart; the best epoch is the one to keep.</source>
        <translation>损失表示网络还错得有多厉害：越低越好。训练损失在网络学习所用的行上计算，验证损失在网络从不学习的行上计算。当验证损失不再下降而训练损失仍在下降时，说明网络已开始死记硬背训练集；应保留表现最佳的那一轮。</translation>
    </message>
    <message>
        <source>Runs — select one to compare</source>
        <translation>训练记录 — 选择一条进行比较</translation>
    </message>
    <message>
        <source>The data cannot be trained on yet:

%1

Change the choice on the Data page.</source>
        <translation>暂时还无法用这些数据训练：

%1

请在“数据”页面修改选择。</translation>
    </message>
    <message>
        <source>Preparing the data…</source>
        <translation>正在准备数据…</translation>
    </message>
    <message>
        <source>There is nothing to train on yet.

Open the Data page, bring in your customer table and choose the column to predict.</source>
        <translation>还没有可用于训练的数据。

请打开“数据”页面，导入客户数据表并选择要预测的列。</translation>
    </message>
    <message>
        <source>There is no network to train yet.

Open the Model page and design one, or pick a ready-made template.</source>
        <translation>还没有可训练的神经网络。

请打开“模型”页面设计一个网络，或选择一个现成的模板。</translation>
    </message>
    <message>
        <source>The network does not fit this data: %1 Change it on the Model page.</source>
        <translation>该网络与这些数据不匹配：%1请在“模型”页面修改。</translation>
    </message>
    <message>
        <source>Ready to learn from %1 customers (%2 more check it as it learns, %3 are kept aside for the final test). Press Start.</source>
        <translation>准备就绪：将从%1位客户中学习（另有%2位在学习过程中用于检验，%3位留作最终测试）。请点击“开始”。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Epoch %1 of %2</source>
        <translation>第%1轮，共%2轮</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>%1 at most</source>
        <translation>%1（最多）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>训练记录%1</translation>
    </message>
    <message>
        <source>Pausing after the current batch…</source>
        <translation>将在当前批次完成后暂停…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Learning: epoch %1 done.</source>
        <translation>学习中：第%1轮已完成。</translation>
    </message>
    <message>
        <source>Learning: the validation loss went down to %1 in epoch %2.</source>
        <translation>学习中：第%2轮的验证损失降至%1。</translation>
    </message>
    <message>
        <source>Learning: epoch %1 (validation loss %2) was no better than epoch %3.</source>
        <translation>学习中：第%1轮（验证损失%2）没有优于第%3轮。</translation>
    </message>
    <message>
        <source>Training… the first epoch is under way.</source>
        <translation>正在训练…第一轮正在进行。</translation>
    </message>
    <message>
        <source>Paused in epoch %1. Press Resume to carry on exactly where it stopped.</source>
        <translation>已在第%1轮中暂停。点击“继续”可从停下的地方原样接着训练。</translation>
    </message>
    <message>
        <source>Paused after epoch %1. Press Resume to carry on exactly where it stopped, or Step one epoch.</source>
        <translation>已在第%1轮后暂停。点击“继续”可从停下的地方原样接着训练，或点击“单步训练一轮”。</translation>
    </message>
    <message>
        <source>On the held-out test rows: RMSE %1.</source>
        <translation>在预留的测试集上：RMSE 为%1。</translation>
    </message>
    <message>
        <source>On the held-out test rows: %1 % right.</source>
        <translation>在预留的测试集上：正确率为%1%。</translation>
    </message>
    <message>
        <source>On the held-out test rows: AUC %1.</source>
        <translation>在预留的测试集上：AUC 为%1。</translation>
    </message>
    <message>
        <source>%1 finished</source>
        <translation>%1已完成</translation>
    </message>
    <message>
        <source>Training could not go on: %1</source>
        <translation>训练无法继续：%1</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1失败</translation>
    </message>
    <message>
        <source>The weights of epoch %1, the best one, were kept.</source>
        <translation>已保留效果最好的第%1轮的权重。</translation>
    </message>
    <message>
        <source>Training was stopped after epoch %1.</source>
        <translation>训练在第%1轮后被停止。</translation>
    </message>
    <message>
        <source>Stopped early after epoch %1: the validation loss had not improved for %2 epochs (best %3).</source>
        <translation>在第%1轮后提前停止：验证集损失已连续%2轮没有改善（最佳为%3）。</translation>
    </message>
    <message>
        <source>Stopped early after epoch %1: the training loss had not improved for %2 epochs (best %3).</source>
        <translation>在第%1轮后提前停止：训练集损失已连续%2轮没有改善（最佳为%3）。</translation>
    </message>
    <message>
        <source>Trained for %1 epochs.</source>
        <translation>共训练%1轮。</translation>
    </message>
</context>
<context>
    <name>neurolift::TrainingChart</name>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic scale, so small improvements late in training are easier to see.</source>
        <translation>以对数刻度显示损失，便于看清训练后期的细微改进。</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show all of the curves again after zooming or moving the charts.</source>
        <translation>缩放或移动图表后，重新显示全部曲线。</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save both charts as a PNG picture or a PDF document.</source>
        <translation>将两张图表保存为 PNG 图片或 PDF 文档。</translation>
    </message>
    <message>
        <source>Loss (lower is better)</source>
        <translation>损失（越低越好）</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>PNG picture…</source>
        <translation>PNG 图片…</translation>
    </message>
    <message>
        <source>PDF document…</source>
        <translation>PDF 文档…</translation>
    </message>
    <message>
        <source>SVG drawing…</source>
        <translation>SVG 矢量图…</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>best: epoch %1</source>
        <translation>最佳：第%1轮</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>AUC and accuracy (higher is better)</source>
        <translation>AUC 和准确率（越高越好）</translation>
    </message>
    <message>
        <source>Validation AUC</source>
        <translation>验证集 AUC</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证集准确率</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>训练集准确率</translation>
    </message>
    <message>
        <source>Accuracy (higher is better)</source>
        <translation>准确率（越高越好）</translation>
    </message>
    <message>
        <source>RMSE (lower is better)</source>
        <translation>RMSE（越低越好）</translation>
    </message>
    <message>
        <source>Validation RMSE</source>
        <translation>验证集 RMSE</translation>
    </message>
    <message>
        <source>Training, per batch</source>
        <translation>训练集（每批）</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>other run</source>
        <translation>其他训练记录</translation>
    </message>
    <message>
        <source>NeuroLift training charts</source>
        <translation>NeuroLift 训练图表</translation>
    </message>
    <message>
        <source>training-charts</source>
        <translation>训练图表</translation>
    </message>
</context>
<context>
    <name>neurolift::RunList</name>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>已提前停止</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Best validation loss</source>
        <translation>最佳验证损失</translation>
    </message>
    <message>
        <source>Test AUC</source>
        <translation>测试集 AUC</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Select a run to draw its curves next to the current one (dashed).</source>
        <translation>选择一条训练记录，将其曲线（虚线）与当前曲线画在一起。</translation>
    </message>
    <message>
        <source>Test RMSE</source>
        <translation>测试集 RMSE</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试集准确率</translation>
    </message>
</context>
<context>
    <name>neurolift::TrainingSettingsForm</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>带动量的 SGD</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>The method that adjusts the network&apos;s weights after each batch. Adam is a good choice almost always.</source>
        <translation>每批数据之后调整网络权重的方法。几乎所有情况下选择 Adam 都不错。</translation>
    </message>
    <message>
        <source>How big a step the network takes each time it learns from a batch. Smaller is slower but steadier.</source>
        <translation>网络每次从一批数据中学习时迈出的步子大小。越小越慢，但越稳定。</translation>
    </message>
    <message>
        <source>How many customers the network looks at before each step. Larger batches are faster per epoch but learn in fewer, bigger steps.</source>
        <translation>网络每迈出一步之前要查看的客户数量。批越大，每轮越快，但学习的步数更少、步子更大。</translation>
    </message>
    <message>
        <source>The most passes over all training rows. Training may stop sooner when it stops improving.</source>
        <translation>遍历全部训练集的最多轮数。如果不再改进，训练可能会提前结束。</translation>
    </message>
    <message>
        <source>Stop when it stops improving</source>
        <translation>不再改进时停止</translation>
    </message>
    <message>
        <source>Stop once the validation loss has not improved for a while, and keep the weights of the best epoch. Guards against learning the training rows by heart.</source>
        <translation>验证损失在一段时间内没有改进时停止训练，并保留最佳一轮的权重。可防止网络死记硬背训练集。</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <source>How many epochs without improvement to wait before stopping.</source>
        <translation>在没有改进的情况下，停止前要等待的轮数。</translation>
    </message>
    <message>
        <source>Every row counts the same</source>
        <translation>每一行同等对待</translation>
    </message>
    <message>
        <source>Rare answers count more</source>
        <translation>少见的答案权重更高</translation>
    </message>
    <message>
        <source>When one answer is rare (say 15 % buy), let those rows count more while learning, so the network does not simply ignore them.</source>
        <translation>当某个答案很少见时（比如只有15%的人购买），在学习时提高这些行的权重，避免网络直接忽略它们。</translation>
    </message>
    <message>
        <source>The starting point for everything random: the same seed and settings train the same network again.</source>
        <translation>所有随机过程的起点：相同的随机种子和设置会再次训练出相同的网络。</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Patience</source>
        <translation>耐心轮数</translation>
    </message>
    <message>
        <source>Class weights</source>
        <translation>类别权重</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
</context>
<context>
    <name>neurolift::Workbench</name>
    <message>
        <source>The import was cancelled; the project is unchanged.</source>
        <translation>导入已取消，项目未做任何更改。</translation>
    </message>
    <message>
        <source>Change Training Settings</source>
        <translation>更改训练设置</translation>
    </message>
    <message>
        <source>Cannot keep a run in this project</source>
        <translation>无法在此项目中保存运行</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Reading the customer data</source>
        <translation>正在读取客户数据</translation>
    </message>
    <message>
        <source>The stored training settings are not readable (%1); the defaults are shown.</source>
        <translation>无法读取已保存的训练设置（%1），已显示默认设置。</translation>
    </message>
    <message>
        <source>Save Segments “%1”</source>
        <translation>保存客群“%1”</translation>
    </message>
    <message>
        <source>Delete Segments “%1”</source>
        <translation>删除客群“%1”</translation>
    </message>
    <message>
        <source>Run %1 (“%2”) is kept in the project.</source>
        <translation>训练记录%1（“%2”）已保留在项目中。</translation>
    </message>
    <message>
        <source>Change Inputs</source>
        <translation>更改输入列</translation>
    </message>
    <message>
        <source>Choose Target</source>
        <translation>选择预测目标</translation>
    </message>
    <message>
        <source>Choose Positive Answer</source>
        <translation>选择“是”的取值</translation>
    </message>
    <message>
        <source>Choose ID Column</source>
        <translation>选择标识符列</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入%1</translation>
    </message>
    <message>
        <source>Saving the data in the project</source>
        <translation>正在将数据保存到项目中</translation>
    </message>
    <message>
        <source>Imported %1 customers and %2 columns from %3.</source>
        <translation>已从%3导入%1位客户、%2列。</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s); the first, line %1: %2</source>
        <translation>
            <numerusform>%n条警告；第一条位于第%1行：%2</numerusform>
        </translation>
    </message>
</context>
</TS>
