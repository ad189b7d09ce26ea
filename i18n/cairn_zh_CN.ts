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
    <message>
        <source>Delete this conversation? This cannot be undone.</source>
        <translation>要删除这个对话吗？此操作无法撤销。</translation>
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
        <source>The model server cannot be reached ({detail}). Check the connection, proxy or mirror setting.</source>
        <translation>无法连接模型服务器（{detail}）。请检查网络连接、代理或镜像设置。</translation>
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
        <source>Qwen3.5 %1 (%2), %3 download, recommended</source>
        <translation>Qwen3.5 %1（%2），需下载 %3，推荐</translation>
    </message>
    <message>
        <source>Qwen3.5 %1 (%2), %3 download</source>
        <translation>Qwen3.5 %1（%2），需下载 %3</translation>
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
        <source>Copy</source>
        <translation>复制</translation>
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
    <message>
        <source>[%1] %2</source>
        <translation>[%1] %2</translation>
    </message>
    <message>
        <source>[%1] %2, page %3</source>
        <translation>[%1] %2，第 %3 页</translation>
    </message>
    <message>
        <source>Attached: %1</source>
        <translation>附件：%1</translation>
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
        <source>Chat settings</source>
        <translation>聊天设置</translation>
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
</context>
</TS>
