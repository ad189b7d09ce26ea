<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChatInput</name>
    <message>
        <source>Ask anything. Enter sends, Shift+Enter starts a new line.</source>
        <translation>有什么想问的都可以。按 Enter 发送，Shift+Enter 换行。</translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>要发送的消息</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在撰写…</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 个 token</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n 个 token</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Interrupted: the app closed before this answer ended</source>
        <translation>已中断：回答完成前应用已关闭</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>复制代码</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Summarize</source>
        <translation>总结</translation>
    </message>
    <message>
        <source>Summarize this video, with chapters</source>
        <translation>总结这个视频,分章节</translation>
    </message>
    <message>
        <source>Summarize %1</source>
        <translation>总结 %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach images, videos or documents (Ctrl+O)</source>
        <translation>附加图片、视频或文档 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>已添加的文件</translation>
    </message>
    <message>
        <source>Drop to attach to your message</source>
        <translation>松开即可附加到消息</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话列表</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>新对话 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
</context>
<context>
    <name>DocsPanel</name>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Answer from these documents</source>
        <translation>根据这些文档回答</translation>
    </message>
    <message>
        <source>Questions are answered from the documents below, with their sources.</source>
        <translation>问题将根据下列文档回答，并注明出处。</translation>
    </message>
    <message>
        <source>Documents and their indexing status</source>
        <translation>文档及其索引状态</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Add a folder of documents</source>
        <translation>添加一个文档文件夹</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected documents</source>
        <translation>移除所选文档</translation>
    </message>
    <message>
        <source>Drop PDF, Word or text files, or a folder.</source>
        <translation>拖入 PDF、Word 或文本文件，或整个文件夹。</translation>
    </message>
    <message>
        <source>(%1 of %2)</source>
        <translation>（%1/%2）</translation>
    </message>
    <message>
        <source>%1 ready, %2 failed.</source>
        <translation>%1 个已就绪，%2 个失败。</translation>
    </message>
    <message>
        <source>Show which documents</source>
        <translation>显示哪些文档</translation>
    </message>
    <message>
        <source>All documents (%1)</source>
        <translation>全部文档（%1）</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>失败（%1）</translation>
    </message>
    <message>
        <source>Being indexed (%1)</source>
        <translation>正在索引（%1）</translation>
    </message>
    <message>
        <source>Ready (%1)</source>
        <translation>就绪（%1）</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>indexing…</source>
        <translation>正在索引…</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>已就绪</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>What can I help with?</source>
        <translation>有什么可以帮你?</translation>
    </message>
    <message>
        <source>Everything stays on this computer.</source>
        <translation>所有内容都留在这台电脑上。</translation>
    </message>
    <message>
        <source>Drop images, videos or documents anywhere in the window to use them.</source>
        <translation>把图片、视频或文档拖到窗口任意位置即可使用。</translation>
    </message>
    <message>
        <source>Describe an image</source>
        <translation>描述一张图片</translation>
    </message>
    <message>
        <source>Summarize a video</source>
        <translation>总结一个视频</translation>
    </message>
    <message>
        <source>Ask your documents</source>
        <translation>询问你的文档</translation>
    </message>
    <message>
        <source>Explain a topic simply</source>
        <translation>简单解释一个主题</translation>
    </message>
    <message>
        <source>Draft an email</source>
        <translation>起草一封邮件</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>出错了：{detail}</translation>
    </message>
    <message>
        <source>No model was found ({detail}). Download one or import a model folder.</source>
        <translation>未找到模型（{detail}）。请下载一个模型，或导入模型文件夹。</translation>
    </message>
    <message>
        <source>This is not a Qwen3.5 model ({detail}).</source>
        <translation>这不是 Qwen3.5 模型（{detail}）。</translation>
    </message>
    <message>
        <source>The model is incomplete ({detail}). Download it again.</source>
        <translation>模型不完整（{detail}）。请重新下载。</translation>
    </message>
    <message>
        <source>The model could not be loaded: {detail}</source>
        <translation>无法加载模型：{detail}</translation>
    </message>
    <message>
        <source>That engine cannot run here: {detail}</source>
        <translation>该引擎无法在此运行：{detail}</translation>
    </message>
    <message>
        <source>That device is not available: {detail}</source>
        <translation>该设备不可用：{detail}</translation>
    </message>
    <message>
        <source>This model cannot take that input: {detail}</source>
        <translation>此模型不支持该输入：{detail}</translation>
    </message>
    <message>
        <source>The conversation is too long for this model ({detail}). Start a new conversation.</source>
        <translation>对话太长，超出了此模型的上限（{detail}）。请开始新对话。</translation>
    </message>
    <message>
        <source>The model {detail} is in use. Unload it or close Cairn first.</source>
        <translation>模型 {detail} 正在使用中。请先卸载它或关闭 Cairn。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed ({detail}). Use another build of the model.</source>
        <translation>模型的聊天模板出错（{detail}）。请使用该模型的其他版本。</translation>
    </message>
    <message>
        <source>The image was not found: {detail}</source>
        <translation>找不到图片：{detail}</translation>
    </message>
    <message>
        <source>The image cannot be read: {detail}. Use a PNG, JPEG, WebP, GIF or BMP file.</source>
        <translation>无法读取图片：{detail}。请使用 PNG、JPEG、WebP、GIF 或 BMP 文件。</translation>
    </message>
    <message>
        <source>The image is truncated or damaged: {detail}</source>
        <translation>图片不完整或已损坏：{detail}</translation>
    </message>
    <message>
        <source>The image is too large: {detail}</source>
        <translation>图片太大：{detail}</translation>
    </message>
    <message>
        <source>The video was not found: {detail}</source>
        <translation>找不到视频：{detail}</translation>
    </message>
    <message>
        <source>The video is empty: {detail}</source>
        <translation>视频是空的：{detail}</translation>
    </message>
    <message>
        <source>The video cannot be read: {detail}. Use MP4, AVI, MKV or WebM.</source>
        <translation>无法读取视频：{detail}。请使用 MP4、AVI、MKV 或 WebM 格式。</translation>
    </message>
    <message>
        <source>The video&apos;s frames are too large: {detail}</source>
        <translation>视频画面尺寸过大：{detail}</translation>
    </message>
    <message>
        <source>The model server could not be reached. Check that this computer is online, then press Retry. What was already downloaded is kept.</source>
        <translation>无法连接到模型服务器。请确认这台电脑已联网，然后点“重试”。已下载的部分会保留。</translation>
    </message>
    <message>
        <source>The download stopped before it finished. Press Retry to go on from where it stopped.</source>
        <translation>下载在完成前中断了。点“重试”从中断处继续。</translation>
    </message>
    <message>
        <source>The model server refused the download. The model may need an access token.</source>
        <translation>模型服务器拒绝了下载。该模型可能需要访问令牌。</translation>
    </message>
    <message>
        <source>The model server does not have this model (any more).</source>
        <translation>模型服务器上没有（或不再有）这个模型。</translation>
    </message>
    <message>
        <source>There is not enough free disk space for this model. Free some space, then press Retry.</source>
        <translation>磁盘空间不足以存放这个模型。请腾出一些空间，然后点“重试”。</translation>
    </message>
    <message>
        <source>A downloaded file was damaged on the way. Press Retry to fetch it again.</source>
        <translation>一个下载的文件在传输中损坏了。点“重试”重新获取。</translation>
    </message>
    <message>
        <source>The documents are in another language than the question: the sources below are the closest found and may not match it.</source>
        <translation>文档与问题的语言不同：下面的来源是找到的最接近的内容，可能与问题不符。</translation>
    </message>
    <message>
        <source>There is not enough disk space: {detail}</source>
        <translation>磁盘空间不足：{detail}</translation>
    </message>
    <message>
        <source>The model server refused access: {detail}</source>
        <translation>模型服务器拒绝访问：{detail}</translation>
    </message>
    <message>
        <source>The model server does not have it: {detail}</source>
        <translation>模型服务器上没有该模型：{detail}</translation>
    </message>
    <message>
        <source>A downloaded file is damaged ({detail}). Download it again.</source>
        <translation>下载的文件已损坏（{detail}）。请重新下载。</translation>
    </message>
    <message>
        <source>The download failed: {detail}</source>
        <translation>下载失败：{detail}</translation>
    </message>
    <message>
        <source>The document was not found: {detail}</source>
        <translation>找不到文档：{detail}</translation>
    </message>
    <message>
        <source>The document is password protected: {detail}</source>
        <translation>文档受密码保护：{detail}</translation>
    </message>
    <message>
        <source>The document is damaged: {detail}</source>
        <translation>文档已损坏：{detail}</translation>
    </message>
    <message>
        <source>This kind of document is not supported: {detail}</source>
        <translation>不支持此类文档：{detail}</translation>
    </message>
    <message>
        <source>The document is too large to read safely: {detail}</source>
        <translation>文档太大，无法安全读取：{detail}</translation>
    </message>
    <message>
        <source>Reading the document took too long: {detail}</source>
        <translation>读取文档超时：{detail}</translation>
    </message>
    <message>
        <source>No text was found in the document: {detail}</source>
        <translation>文档中没有找到文字：{detail}</translation>
    </message>
    <message>
        <source>The documents do not contain an answer to this question.</source>
        <translation>文档中没有这个问题的答案。</translation>
    </message>
    <message>
        <source>The question is in another language than the documents, and nothing in it matched them. Ask in the documents&apos; language, or download the embedding model (Get a model…) to search across languages.</source>
        <translation>问题与文档的语言不同，且没有任何内容与文档匹配。请用文档的语言提问，或下载嵌入模型（“获取模型…”）以便跨语言搜索。</translation>
    </message>
    <message>
        <source>No documents have been added yet ({detail}). Drop some documents first.</source>
        <translation>还没有添加任何文档（{detail}）。请先拖入一些文档。</translation>
    </message>
    <message>
        <source>Several documents could be meant: {detail}. Name the file you mean.</source>
        <translation>可能指的是多个文档：{detail}。请说明是哪个文件。</translation>
    </message>
    <message>
        <source>The server cannot be reached: {detail}</source>
        <translation>无法连接服务器：{detail}</translation>
    </message>
    <message>
        <source>The server refused access: {detail}. Check the API key in Settings.</source>
        <translation>服务器拒绝访问：{detail}。请在设置中检查 API 密钥。</translation>
    </message>
    <message>
        <source>The server does not offer that model: {detail}</source>
        <translation>服务器上没有该模型：{detail}</translation>
    </message>
    <message>
        <source>The server is busy or failing: {detail}. Try again later.</source>
        <translation>服务器繁忙或出错：{detail}。请稍后再试。</translation>
    </message>
    <message>
        <source>The server did not answer in time: {detail}</source>
        <translation>服务器未能及时响应：{detail}</translation>
    </message>
    <message>
        <source>The server&apos;s answer cannot be used: {detail}</source>
        <translation>服务器的回答无法使用：{detail}</translation>
    </message>
    <message>
        <source>Servers are turned off (offline only): {detail}</source>
        <translation>已关闭服务器（仅离线）：{detail}</translation>
    </message>
    <message>
        <source>That is not valid: {detail}</source>
        <translation>无效：{detail}</translation>
    </message>
    <message>
        <source>The model server cannot be reached ({detail}). Check the internet connection.</source>
        <translation>无法连接到模型服务器（{detail}）。请检查网络连接。</translation>
    </message>
    <message>
        <source>Something went wrong inside Cairn: {detail}</source>
        <translation>Cairn 内部出错：{detail}</translation>
    </message>
    <message>
        <source>The model {detail} has not been downloaded yet.</source>
        <translation>模型 {detail} 尚未下载。</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Welcome to Cairn</source>
        <translation>欢迎使用 Cairn</translation>
    </message>
    <message>
        <source>Cairn runs an AI model on this computer. Nothing you type, attach or ask leaves it. First, choose a model: download one once, or import one you already have.</source>
        <translation>Cairn 在这台电脑上运行 AI 模型。你输入的文字、添加的附件和提出的问题都不会离开这台电脑。首先请选择一个模型：只需下载一次，也可以导入你已有的模型。</translation>
    </message>
    <message>
        <source>Model to download</source>
        <translation>要下载的模型</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Try the download again</source>
        <translation>再次尝试下载</translation>
    </message>
    <message>
        <source>This is a Hugging Face model folder. On this computer it would run on MLX&apos;s processor path, which is about ten times slower than the same model as a GGUF file with llama.cpp. For speed, import or download a GGUF build instead.</source>
        <translation>这是一个 Hugging Face 模型文件夹。在这台电脑上它会通过 MLX 的处理器路径运行，比同一模型的 GGUF 文件配合 llama.cpp 慢约十倍。若要速度快，请改为导入或下载 GGUF 版本。</translation>
    </message>
    <message>
        <source>Import anyway</source>
        <translation>仍然导入</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Download the chosen model</source>
        <translation>下载所选模型</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>下载进度</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>导入模型文件夹…</translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation>导入 GGUF 文件…</translation>
    </message>
    <message>
        <source>Back to the chat</source>
        <translation>返回聊天</translation>
    </message>
    <message>
        <source>Show all builds (MLX runs slowly on this computer)</source>
        <translation>显示所有版本（MLX 在这台电脑上运行很慢）</translation>
    </message>
    <message>
        <source>Network…</source>
        <translation>网络…</translation>
    </message>
    <message>
        <source>Mirror and proxy for downloads</source>
        <translation>下载使用的镜像和代理</translation>
    </message>
    <message>
        <source>Recommended for this computer: Qwen3.5 %1. It needs about %2 of memory and %3 of disk space.</source>
        <translation>推荐这台电脑使用：Qwen3.5 %1。约需 %2 内存和 %3 磁盘空间。</translation>
    </message>
    <message>
        <source>Resume download</source>
        <translation>继续下载</translation>
    </message>
    <message>
        <source>Choose a Qwen3.5 model folder</source>
        <translation>选择 Qwen3.5 模型文件夹</translation>
    </message>
    <message>
        <source>Choose a GGUF model file</source>
        <translation>选择 GGUF 模型文件</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 at %2/s</source>
        <translation>%1，速度 %2/秒</translation>
    </message>
    <message numerus="yes">
        <source>%1, about %n minute(s) left</source>
        <translation>
            <numerusform>%1，大约还剩 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: your Hub token is sent unencrypted (plain http) to %1. Use an https mirror.</source>
        <translation>警告：你的 Hub 令牌将以未加密方式（明文 http）发送到 %1。请使用 https 镜像。</translation>
    </message>
    <message>
        <source>Fetching %1</source>
        <translation>正在获取 %1</translation>
    </message>
    <message>
        <source>The model is ready.</source>
        <translation>模型已就绪。</translation>
    </message>
    <message>
        <source>Download paused. The part already fetched is kept: resume at any time.</source>
        <translation>下载已暂停。已下载的部分会保留，可随时继续。</translation>
    </message>
</context>
<context>
    <name>FrameViewer</name>
    <message>
        <source>%1 – frame viewer</source>
        <translation>%1 – 帧查看器</translation>
    </message>
    <message>
        <source>Video frame</source>
        <translation>视频帧</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>视频中的位置</translation>
    </message>
    <message>
        <source>Time of the frame</source>
        <translation>帧的时间</translation>
    </message>
    <message>
        <source>Seeking %1…</source>
        <translation>正在定位到 %1…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cairn</source>
        <translation>Cairn</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>发送 (Enter)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>停止回答</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>停止 (Esc)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>设置 (Ctrl+,)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the conversation to Markdown (Ctrl+E)</source>
        <translation>将对话导出为 Markdown (Ctrl+E)</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>获取模型…</translation>
    </message>
    <message>
        <source>Download a model or import one from disk</source>
        <translation>下载模型，或从磁盘导入</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (Ctrl+/)</source>
        <translation>键盘快捷键 (Ctrl+/)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>对话列表</translation>
    </message>
    <message>
        <source>Show or hide the conversations (Ctrl+B)</source>
        <translation>显示或隐藏对话列表 (Ctrl+B)</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Show or hide the documents (Ctrl+D)</source>
        <translation>显示或隐藏文档 (Ctrl+D)</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>在消息中换行</translation>
    </message>
    <message>
        <source>Stop the answer, or stop editing</source>
        <translation>停止回答,或退出编辑</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Go to the message box</source>
        <translation>转到消息输入框</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Regenerate the last answer</source>
        <translation>重新生成最后的回答</translation>
    </message>
    <message>
        <source>Copy the last answer</source>
        <translation>复制最后的回答</translation>
    </message>
    <message>
        <source>Delete the selected conversation (in the list)</source>
        <translation>删除选中的对话(在列表中)</translation>
    </message>
    <message>
        <source>Rename the selected conversation (in the list)</source>
        <translation>重命名选中的对话(在列表中)</translation>
    </message>
    <message>
        <source>Show or hide the conversations</source>
        <translation>显示或隐藏对话列表</translation>
    </message>
    <message>
        <source>Show or hide the documents</source>
        <translation>显示或隐藏文档</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Summarize this video.</source>
        <translation>总结这个视频。</translation>
    </message>
    <message>
        <source>Editing a message: Enter sends it again and replaces the answers after it.</source>
        <translation>正在编辑消息：按 Enter 重新发送，并替换其后的回答。</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Describe this image in detail.</source>
        <translation>请详细描述这张图片。</translation>
    </message>
    <message>
        <source>Explain how a rainbow forms, simply.</source>
        <translation>简单解释一下彩虹是怎么形成的。</translation>
    </message>
    <message>
        <source>Draft a short, friendly email to </source>
        <translation>起草一封简短友好的邮件,收件人是</translation>
    </message>
    <message>
        <source>Questions now go to your documents.</source>
        <translation>现在提问将从你的文档中回答。</translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation>对话已删除</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>MediaPane</name>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>已添加的文件</translation>
    </message>
    <message>
        <source>Drop images, videos or documents here.</source>
        <translation>将图片、视频或文档拖放到这里。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add files to the next message</source>
        <translation>为下一条消息添加文件</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected attachments</source>
        <translation>移除所选附件</translation>
    </message>
    <message>
        <source>Summarize video</source>
        <translation>总结视频</translation>
    </message>
    <message>
        <source>Quick</source>
        <translation>快速</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>详细</translation>
    </message>
    <message>
        <source>Quick: a summary in about a tenth of the video&apos;s length. Detailed: more frames, longer.</source>
        <translation>快速：用约为视频时长十分之一的时间生成摘要。详细：更多画面，用时更长。</translation>
    </message>
    <message>
        <source>How detailed the video summary is</source>
        <translation>视频摘要的详细程度</translation>
    </message>
    <message>
        <source>Summarize the attached video, with chapters</source>
        <translation>总结所附视频，并分章节</translation>
    </message>
    <message>
        <source>Cannot attach %1: use images, videos, PDF, Word or text files.</source>
        <translation>无法添加 %1：请使用图片、视频、PDF、Word 或文本文件。</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Images, videos and documents (%1);;All files (*)</source>
        <translation>图片、视频和文档 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read %1 (%2); it was not attached.</source>
        <translation>无法读取 %1（%2），未添加该文件。</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>Show or hide the model&apos;s reasoning</source>
        <translation>显示或隐藏模型的推理过程</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推理过程</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>消息内容</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Show the previous version</source>
        <translation>显示上一个版本</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Show the next version</source>
        <translation>显示下一个版本</translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation>第 %1 个版本,共 %2 个</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Copy this message</source>
        <translation>复制这条消息</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit and resend this message</source>
        <translation>编辑并重新发送这条消息</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Write this answer again</source>
        <translation>重新生成这条回答</translation>
    </message>
</context>
<context>
    <name>ModelChoices</name>
    <message>
        <source>Servers: answered on another computer</source>
        <translation>服务器：在另一台计算机上回答</translation>
    </message>
    <message>
        <source>%1: suits this computer</source>
        <translation>%1：适合这台电脑</translation>
    </message>
    <message>
        <source>%1: for Apple Silicon, slow on this computer</source>
        <translation>%1：适用于 Apple 芯片，在这台电脑上较慢</translation>
    </message>
    <message>
        <source>%1: runs on the processor</source>
        <translation>%1：在处理器上运行</translation>
    </message>
    <message>
        <source>%1 · recommended</source>
        <translation>%1 · 推荐</translation>
    </message>
    <message>
        <source>%1 · %2 · imported</source>
        <translation>%1 · %2 · 已导入</translation>
    </message>
    <message>
        <source>Qwen3.5 %1 · %2 · %3 · %4 download</source>
        <translation>Qwen3.5 %1 · %2 · %3 · 下载 %4</translation>
    </message>
</context>
<context>
    <name>ModelController</name>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation>引擎：</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>MLX</source>
        <translation>MLX</translation>
    </message>
    <message>
        <source>llama.cpp</source>
        <translation>llama.cpp</translation>
    </message>
    <message>
        <source>Choose a model</source>
        <translation>选择模型</translation>
    </message>
    <message>
        <source>Load one of the installed models</source>
        <translation>加载一个已安装的模型</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import a model from this computer</source>
        <translation>从这台电脑导入模型</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>导入模型文件夹…</translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation>导入 GGUF 文件…</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>下载…</translation>
    </message>
    <message>
        <source>Download a model (once; it then runs offline)</source>
        <translation>下载模型（只需一次，之后离线运行）</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1，运行于 %2（%3）</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>未加载模型</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <source>Model server mirror</source>
        <translation>模型服务器镜像</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings</source>
        <translation>系统的代理设置</translation>
    </message>
    <message>
        <source>Mirror (HF_ENDPOINT):</source>
        <translation>镜像（HF_ENDPOINT）：</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>代理：</translation>
    </message>
    <message>
        <source>Only model downloads use these. Leave the mirror empty for the Hugging Face Hub, the proxy empty for the system&apos;s settings. Example: http://proxy.example:8080</source>
        <translation>只有模型下载会使用这些设置。镜像留空则使用 Hugging Face Hub，代理留空则使用系统设置。例如：http://proxy.example:8080</translation>
    </message>
    <message>
        <source>The mirror must be an address starting with http:// or https://.</source>
        <translation>镜像必须是以 http:// 或 https:// 开头的地址。</translation>
    </message>
    <message>
        <source>The proxy must be an address starting with http:// or https://.</source>
        <translation>代理必须是以 http:// 或 https:// 开头的地址。</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>关闭此提示</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>用默认应用打开</translation>
    </message>
    <message>
        <source>Open the file in its default application</source>
        <translation>用默认应用程序打开此文件</translation>
    </message>
    <message>
        <source>Page %1…</source>
        <translation>第 %1 页…</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>RemoteNote</name>
    <message>
        <source>Messages go to %1 and leave this computer.</source>
        <translation>消息将发送到 %1，会离开这台电脑。</translation>
    </message>
</context>
<context>
    <name>ServerController</name>
    <message>
        <source>Local API server</source>
        <translation>本地 API 服务器</translation>
    </message>
    <message>
        <source>Port %1 is not free (%2)</source>
        <translation>端口 %1 已被占用（%2）</translation>
    </message>
    <message>
        <source>API server on %1</source>
        <translation>API 服务器运行于 %1</translation>
    </message>
</context>
<context>
    <name>ServerSettingsBox</name>
    <message>
        <source>Local API server</source>
        <translation>本地 API 服务器</translation>
    </message>
    <message>
        <source>Let programs on this computer use the loaded model (OpenAI-compatible API)</source>
        <translation>允许本机上的程序使用已加载的模型（兼容 OpenAI 的 API）</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>复制令牌</translation>
    </message>
    <message>
        <source>Programs send it as: Authorization: Bearer TOKEN</source>
        <translation>程序以此方式发送：Authorization: Bearer 令牌</translation>
    </message>
    <message>
        <source>Listening on %1 (this computer only)</source>
        <translation>正在 %1 监听（仅限本机）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Servers</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ServersDialog</name>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Use models on a server your team runs (vLLM, llama.cpp&apos;s server, Ollama or another Cairn). While one is chosen, your messages, pictures and document passages are sent to that server.</source>
        <translation>使用团队服务器上的模型（vLLM、llama.cpp 服务器、Ollama 或另一个 Cairn）。选用服务器上的模型时，你的消息、图片和文档段落会发送到该服务器。</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source>Empty if the server wants none</source>
        <translation>服务器不需要时留空</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API 密钥：</translation>
    </message>
    <message>
        <source>Add and connect</source>
        <translation>添加并连接</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Models on the selected server:</source>
        <translation>所选服务器上的模型：</translation>
    </message>
    <message>
        <source>Models on the server</source>
        <translation>服务器上的模型</translation>
    </message>
    <message>
        <source>Offline only: never use a server</source>
        <translation>仅离线：从不使用服务器</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n model(s))</source>
        <translation>
            <numerusform>%1（%n 个模型）</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the server&apos;s address first.</source>
        <translation>请先输入服务器地址。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1: %n model(s).</source>
        <translation>
            <numerusform>已连接 %1：%n 个模型。</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: plain http to another computer; the key and your messages travel unencrypted. Use https.</source>
        <translation>警告：这是发往另一台电脑的普通 http 连接，密钥和消息都以未加密方式传输。请使用 https。</translation>
    </message>
    <message>
        <source>Removed %1 and its key.</source>
        <translation>已移除 %1 及其密钥。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>外观:</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>For example: You are a concise assistant.</source>
        <translation>例如：你是一个简洁的助手。</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>系统提示词：</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考模式</translation>
    </message>
    <message>
        <source>The model&apos;s default</source>
        <translation>模型默认</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>先思考再回答</translation>
    </message>
    <message>
        <source>Answer directly</source>
        <translation>直接回答</translation>
    </message>
    <message>
        <source>Thinking:</source>
        <translation>思考模式：</translation>
    </message>
    <message>
        <source>Sampling preset</source>
        <translation>采样预设</translation>
    </message>
    <message>
        <source>The model card&apos;s recommendation</source>
        <translation>模型卡推荐值</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Sampling:</source>
        <translation>采样：</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <source>Top K</source>
        <translation>Top K</translation>
    </message>
    <message>
        <source>Presence penalty</source>
        <translation>存在惩罚</translation>
    </message>
    <message>
        <source>Longest answer in tokens</source>
        <translation>回答的最大 token 数</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Top P:</source>
        <translation>Top P：</translation>
    </message>
    <message>
        <source>Top K:</source>
        <translation>Top K：</translation>
    </message>
    <message>
        <source>Presence penalty:</source>
        <translation>存在惩罚：</translation>
    </message>
    <message>
        <source>Longest answer (tokens):</source>
        <translation>最长回答（token 数）：</translation>
    </message>
    <message>
        <source>Mirror and proxy…</source>
        <translation>镜像和代理…</translation>
    </message>
    <message>
        <source>Network settings for downloads</source>
        <translation>下载的网络设置</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Servers…</source>
        <translation>服务器…</translation>
    </message>
    <message>
        <source>Servers running models for this app</source>
        <translation>为本应用运行模型的服务器</translation>
    </message>
    <message>
        <source>Servers:</source>
        <translation>服务器：</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>%1, page %2, section “%3”</source>
        <translation>%1，第 %2 页，“%3”一节</translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1，第 %2 页</translation>
    </message>
    <message>
        <source>%1, section “%2”</source>
        <translation>%1，“%2”一节</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1：“%2”</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Watching part %1 of %2…</source>
        <translation>正在观看第 %1 段（共 %2 段）…</translation>
    </message>
    <message>
        <source>Summarizing the document, part %1 of %2…</source>
        <translation>正在总结文档，第 %1 部分（共 %2 部分）…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <source>Asking the model server for the file list…</source>
        <translation>正在向模型服务器获取文件列表…</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>正在校验文件…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Reading the video…</source>
        <translation>正在读取视频…</translation>
    </message>
    <message>
        <source>Watching the video…</source>
        <translation>正在观看视频…</translation>
    </message>
    <message>
        <source>Writing the summary…</source>
        <translation>正在撰写摘要…</translation>
    </message>
    <message>
        <source>Reading the documents…</source>
        <translation>正在读取文档…</translation>
    </message>
    <message>
        <source>Looking for changed documents…</source>
        <translation>正在查找有变动的文档…</translation>
    </message>
    <message>
        <source>Indexing the documents…</source>
        <translation>正在为文档建立索引…</translation>
    </message>
    <message>
        <source>Documents ready.</source>
        <translation>文档已就绪。</translation>
    </message>
    <message>
        <source>Searching the documents…</source>
        <translation>正在搜索文档…</translation>
    </message>
    <message>
        <source>Reading the prompt…</source>
        <translation>正在读取提示…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message numerus="yes">
        <source>%n tokens · {tps:.1f} tokens/s</source>
        <translation>
            <numerusform>%n 个 token · {tps:.1f} token/秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · {tps:.1f} tokens/s · first token after {ttft:.2f} s</source>
        <translation>
            <numerusform>%n 个 token · {tps:.1f} token/秒 · 首个 token 用时 {ttft:.2f} 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln tokens reused</source>
        <translation>
            <numerusform> · 复用 %Ln 个 token</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextViewer</name>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>用默认应用打开</translation>
    </message>
    <message>
        <source>Open the file in its default application</source>
        <translation>用默认应用程序打开此文件</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>文档文本</translation>
    </message>
    <message>
        <source>The cited passage is highlighted.</source>
        <translation>引用的段落已高亮显示。</translation>
    </message>
    <message>
        <source>The cited passage was not found in the file.</source>
        <translation>在文件中未找到引用的段落。</translation>
    </message>
</context>
</TS>
