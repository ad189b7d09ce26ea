<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ChatInput</name>
    <message>
        <source>Ask anything. Enter sends, Shift+Enter starts a new line.</source>
        <translation>何でも聞いてください。Enter で送信、Shift+Enter で改行します。</translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>送信するメッセージ</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>New conversation</source>
        <translation>新しい会話</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>回答を作成中…</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 トークン</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n トークン</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止しました</translation>
    </message>
    <message>
        <source>Interrupted: the app closed before this answer ended</source>
        <translation>中断：回答が終わる前にアプリが終了しました</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗しました</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>コードをコピー</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Summarize</source>
        <translation>要約</translation>
    </message>
    <message>
        <source>Summarize this video, with chapters</source>
        <translation>この動画を章立てで要約</translation>
    </message>
    <message>
        <source>Summarize %1</source>
        <translation>%1 を要約</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach images, videos or documents (Ctrl+O)</source>
        <translation>画像・動画・文書を添付 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>ファイルを添付</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>添付したファイル</translation>
    </message>
    <message>
        <source>Drop to attach to your message</source>
        <translation>ドロップしてメッセージに添付</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>Search conversations</source>
        <translation>会話を検索</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新しい会話</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>新しい会話 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>名前を変更</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>会話の名前を変更</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>会話を削除</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新しい名前：</translation>
    </message>
</context>
<context>
    <name>DocsPanel</name>
    <message>
        <source>Documents</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Answer from these documents</source>
        <translation>これらの文書をもとに回答</translation>
    </message>
    <message>
        <source>Questions are answered from the documents below, with their sources.</source>
        <translation>質問には下の文書をもとに、出典付きで回答します。</translation>
    </message>
    <message>
        <source>Documents and their indexing status</source>
        <translation>文書とインデックスの状態</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>フォルダーを追加…</translation>
    </message>
    <message>
        <source>Add a folder of documents</source>
        <translation>文書のフォルダーを追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected documents</source>
        <translation>選択した文書を削除</translation>
    </message>
    <message>
        <source>Drop PDF, Word or text files, or a folder.</source>
        <translation>PDF、Word、テキストファイル、またはフォルダーをドロップしてください。</translation>
    </message>
    <message>
        <source>(%1 of %2)</source>
        <translation>（%1/%2）</translation>
    </message>
    <message>
        <source>%1 ready, %2 failed.</source>
        <translation>%1 件準備完了、%2 件失敗。</translation>
    </message>
    <message>
        <source>Show which documents</source>
        <translation>表示する文書</translation>
    </message>
    <message>
        <source>All documents (%1)</source>
        <translation>すべての文書（%1）</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>失敗（%1）</translation>
    </message>
    <message>
        <source>Being indexed (%1)</source>
        <translation>索引作成中（%1）</translation>
    </message>
    <message>
        <source>Ready (%1)</source>
        <translation>準備完了（%1）</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失敗：%1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>indexing…</source>
        <translation>インデックス作成中…</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>準備完了</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>What can I help with?</source>
        <translation>何をお手伝いしましょうか?</translation>
    </message>
    <message>
        <source>Everything stays on this computer.</source>
        <translation>すべてこのコンピューターの中で完結します。</translation>
    </message>
    <message>
        <source>Drop images, videos or documents anywhere in the window to use them.</source>
        <translation>画像・動画・文書をウィンドウのどこにでもドロップして使えます。</translation>
    </message>
    <message>
        <source>Describe an image</source>
        <translation>画像を説明する</translation>
    </message>
    <message>
        <source>Summarize a video</source>
        <translation>動画を要約する</translation>
    </message>
    <message>
        <source>Ask your documents</source>
        <translation>文書に質問する</translation>
    </message>
    <message>
        <source>Explain a topic simply</source>
        <translation>やさしく説明してもらう</translation>
    </message>
    <message>
        <source>Draft an email</source>
        <translation>メールの下書き</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>問題が発生しました：{detail}</translation>
    </message>
    <message>
        <source>No model was found ({detail}). Download one or import a model folder.</source>
        <translation>モデルが見つかりません（{detail}）。ダウンロードするか、モデルフォルダーを読み込んでください。</translation>
    </message>
    <message>
        <source>This is not a Qwen3.5 model ({detail}).</source>
        <translation>Qwen3.5 のモデルではありません（{detail}）。</translation>
    </message>
    <message>
        <source>The model is incomplete ({detail}). Download it again.</source>
        <translation>モデルが不完全です（{detail}）。もう一度ダウンロードしてください。</translation>
    </message>
    <message>
        <source>The model could not be loaded: {detail}</source>
        <translation>モデルを読み込めませんでした：{detail}</translation>
    </message>
    <message>
        <source>That engine cannot run here: {detail}</source>
        <translation>このエンジンはここでは動作しません：{detail}</translation>
    </message>
    <message>
        <source>That device is not available: {detail}</source>
        <translation>このデバイスは使用できません：{detail}</translation>
    </message>
    <message>
        <source>This model cannot take that input: {detail}</source>
        <translation>このモデルはその入力に対応していません：{detail}</translation>
    </message>
    <message>
        <source>The conversation is too long for this model ({detail}). Start a new conversation.</source>
        <translation>会話がこのモデルには長すぎます（{detail}）。新しい会話を始めてください。</translation>
    </message>
    <message>
        <source>The model {detail} is in use. Unload it or close Cairn first.</source>
        <translation>モデル {detail} は使用中です。先にアンロードするか、Cairn を閉じてください。</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed ({detail}). Use another build of the model.</source>
        <translation>モデルのチャットテンプレートが失敗しました（{detail}）。別のビルドのモデルを使ってください。</translation>
    </message>
    <message>
        <source>The image was not found: {detail}</source>
        <translation>画像が見つかりません：{detail}</translation>
    </message>
    <message>
        <source>The image cannot be read: {detail}. Use a PNG, JPEG, WebP, GIF or BMP file.</source>
        <translation>画像を読み込めません：{detail}。PNG、JPEG、WebP、GIF、BMP ファイルを使ってください。</translation>
    </message>
    <message>
        <source>The image is truncated or damaged: {detail}</source>
        <translation>画像が途切れているか壊れています：{detail}</translation>
    </message>
    <message>
        <source>The image is too large: {detail}</source>
        <translation>画像が大きすぎます：{detail}</translation>
    </message>
    <message>
        <source>The video was not found: {detail}</source>
        <translation>動画が見つかりません：{detail}</translation>
    </message>
    <message>
        <source>The video is empty: {detail}</source>
        <translation>動画が空です：{detail}</translation>
    </message>
    <message>
        <source>The video cannot be read: {detail}. Use MP4, AVI, MKV or WebM.</source>
        <translation>動画を読み込めません：{detail}。MP4、AVI、MKV、WebM を使ってください。</translation>
    </message>
    <message>
        <source>The video&apos;s frames are too large: {detail}</source>
        <translation>動画のフレームが大きすぎます：{detail}</translation>
    </message>
    <message>
        <source>The model server could not be reached. Check that this computer is online, then press Retry. What was already downloaded is kept.</source>
        <translation>モデルサーバーに接続できませんでした。このコンピューターがオンラインか確認してから「再試行」を押してください。ダウンロード済みの部分は残ります。</translation>
    </message>
    <message>
        <source>The download stopped before it finished. Press Retry to go on from where it stopped.</source>
        <translation>ダウンロードが途中で止まりました。「再試行」を押すと止まったところから続けます。</translation>
    </message>
    <message>
        <source>The model server refused the download. The model may need an access token.</source>
        <translation>モデルサーバーがダウンロードを拒否しました。アクセストークンが必要なモデルかもしれません。</translation>
    </message>
    <message>
        <source>The model server does not have this model (any more).</source>
        <translation>モデルサーバーにこのモデルはありません（もう提供されていません）。</translation>
    </message>
    <message>
        <source>There is not enough free disk space for this model. Free some space, then press Retry.</source>
        <translation>このモデルに必要な空きディスク容量が足りません。空きを作ってから「再試行」を押してください。</translation>
    </message>
    <message>
        <source>A downloaded file was damaged on the way. Press Retry to fetch it again.</source>
        <translation>ダウンロードしたファイルが途中で壊れました。「再試行」を押すと取得し直します。</translation>
    </message>
    <message>
        <source>The documents are in another language than the question: the sources below are the closest found and may not match it.</source>
        <translation>文書は質問と別の言語です。以下の出典は見つかった中で最も近いもので、質問に合わない可能性があります。</translation>
    </message>
    <message>
        <source>There is not enough disk space: {detail}</source>
        <translation>ディスクの空き容量が足りません：{detail}</translation>
    </message>
    <message>
        <source>The model server refused access: {detail}</source>
        <translation>モデルサーバーにアクセスを拒否されました：{detail}</translation>
    </message>
    <message>
        <source>The model server does not have it: {detail}</source>
        <translation>モデルサーバーにありません：{detail}</translation>
    </message>
    <message>
        <source>A downloaded file is damaged ({detail}). Download it again.</source>
        <translation>ダウンロードしたファイルが壊れています（{detail}）。もう一度ダウンロードしてください。</translation>
    </message>
    <message>
        <source>The download failed: {detail}</source>
        <translation>ダウンロードに失敗しました：{detail}</translation>
    </message>
    <message>
        <source>The document was not found: {detail}</source>
        <translation>文書が見つかりません：{detail}</translation>
    </message>
    <message>
        <source>The document is password protected: {detail}</source>
        <translation>文書はパスワードで保護されています：{detail}</translation>
    </message>
    <message>
        <source>The document is damaged: {detail}</source>
        <translation>文書が壊れています：{detail}</translation>
    </message>
    <message>
        <source>This kind of document is not supported: {detail}</source>
        <translation>この種類の文書には対応していません：{detail}</translation>
    </message>
    <message>
        <source>The document is too large to read safely: {detail}</source>
        <translation>文書が大きすぎて安全に読み込めません：{detail}</translation>
    </message>
    <message>
        <source>Reading the document took too long: {detail}</source>
        <translation>文書の読み込みに時間がかかりすぎました：{detail}</translation>
    </message>
    <message>
        <source>No text was found in the document: {detail}</source>
        <translation>文書にテキストが見つかりません：{detail}</translation>
    </message>
    <message>
        <source>The documents do not contain an answer to this question.</source>
        <translation>文書にはこの質問の答えが含まれていません。</translation>
    </message>
    <message>
        <source>The question is in another language than the documents, and nothing in it matched them. Ask in the documents&apos; language, or download the embedding model (Get a model…) to search across languages.</source>
        <translation>質問は文書と別の言語で、文書と一致する部分がありませんでした。文書の言語で質問するか、埋め込みモデルをダウンロードして（「モデルを入手…」）言語をまたいで検索してください。</translation>
    </message>
    <message>
        <source>No documents have been added yet ({detail}). Drop some documents first.</source>
        <translation>まだ文書が追加されていません（{detail}）。先に文書をドロップしてください。</translation>
    </message>
    <message>
        <source>Several documents could be meant: {detail}. Name the file you mean.</source>
        <translation>複数の文書が該当します：{detail}。どのファイルか指定してください。</translation>
    </message>
    <message>
        <source>The server cannot be reached: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused access: {detail}. Check the API key in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not offer that model: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is busy or failing: {detail}. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer cannot be used: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers are turned off (offline only): {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not valid: {detail}</source>
        <translation>無効です：{detail}</translation>
    </message>
    <message>
        <source>The model server cannot be reached ({detail}). Check the internet connection.</source>
        <translation>モデルサーバーに接続できません（{detail}）。インターネット接続を確認してください。</translation>
    </message>
    <message>
        <source>Something went wrong inside Cairn: {detail}</source>
        <translation>Cairn の内部で問題が発生しました：{detail}</translation>
    </message>
    <message>
        <source>The model {detail} has not been downloaded yet.</source>
        <translation>モデル {detail} はまだダウンロードされていません。</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome</source>
        <translation>ようこそ</translation>
    </message>
    <message>
        <source>Welcome to Cairn</source>
        <translation>Cairn へようこそ</translation>
    </message>
    <message>
        <source>Cairn runs an AI model on this computer. Nothing you type, attach or ask leaves it. First, choose a model: download one once, or import one you already have.</source>
        <translation>Cairn はこのコンピューター上で AI モデルを動かします。入力した文章、添付したファイル、質問がこのコンピューターの外に出ることはありません。まずモデルを選んでください。一度だけダウンロードするか、お持ちのモデルを読み込めます。</translation>
    </message>
    <message>
        <source>Model to download</source>
        <translation>ダウンロードするモデル</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Try the download again</source>
        <translation>もう一度ダウンロードする</translation>
    </message>
    <message>
        <source>This is a Hugging Face model folder. On this computer it would run on MLX&apos;s processor path, which is about ten times slower than the same model as a GGUF file with llama.cpp. For speed, import or download a GGUF build instead.</source>
        <translation>これは Hugging Face のモデルフォルダーです。このコンピューターでは MLX のプロセッサー経路で動き、同じモデルの GGUF ファイルを llama.cpp で動かすより約 10 倍遅くなります。速さが必要なら GGUF 版をインポートまたはダウンロードしてください。</translation>
    </message>
    <message>
        <source>Import anyway</source>
        <translation>それでもインポート</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>ダウンロード</translation>
    </message>
    <message>
        <source>Download the chosen model</source>
        <translation>選んだモデルをダウンロード</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>ダウンロードをキャンセル</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>ダウンロードの進捗</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>モデルフォルダーを読み込む…</translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation>GGUF ファイルを読み込む…</translation>
    </message>
    <message>
        <source>Back to the chat</source>
        <translation>チャットに戻る</translation>
    </message>
    <message>
        <source>Show all builds (MLX runs slowly on this computer)</source>
        <translation>すべてのビルドを表示（このコンピューターでは MLX の動作が遅くなります）</translation>
    </message>
    <message>
        <source>Network…</source>
        <translation>ネットワーク…</translation>
    </message>
    <message>
        <source>Mirror and proxy for downloads</source>
        <translation>ダウンロード用のミラーとプロキシ</translation>
    </message>
    <message>
        <source>Recommended for this computer: Qwen3.5 %1. It needs about %2 of memory and %3 of disk space.</source>
        <translation>このコンピューターへのおすすめ：Qwen3.5 %1。メモリ約 %2、ディスク容量 %3 が必要です。</translation>
    </message>
    <message>
        <source>Resume download</source>
        <translation>ダウンロードを再開</translation>
    </message>
    <message>
        <source>Choose a Qwen3.5 model folder</source>
        <translation>Qwen3.5 のモデルフォルダーを選択</translation>
    </message>
    <message>
        <source>Choose a GGUF model file</source>
        <translation>GGUF モデルファイルを選択</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF モデル (*.gguf)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 at %2/s</source>
        <translation>%1（%2/秒）</translation>
    </message>
    <message numerus="yes">
        <source>%1, about %n minute(s) left</source>
        <translation>
            <numerusform>%1、残り約 %n 分</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: your Hub token is sent unencrypted (plain http) to %1. Use an https mirror.</source>
        <translation>警告: Hub トークンが暗号化されずに（平文の http で）%1 に送信されます。https のミラーを使ってください。</translation>
    </message>
    <message>
        <source>Fetching %1</source>
        <translation>%1 を取得中</translation>
    </message>
    <message>
        <source>The model is ready.</source>
        <translation>モデルの準備ができました。</translation>
    </message>
    <message>
        <source>Download paused. The part already fetched is kept: resume at any time.</source>
        <translation>ダウンロードを一時停止しました。取得済みの部分は保持されるので、いつでも再開できます。</translation>
    </message>
</context>
<context>
    <name>FrameViewer</name>
    <message>
        <source>%1 – frame viewer</source>
        <translation>%1 – フレームビューアー</translation>
    </message>
    <message>
        <source>Video frame</source>
        <translation>動画のフレーム</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>動画内の位置</translation>
    </message>
    <message>
        <source>Time of the frame</source>
        <translation>フレームの時刻</translation>
    </message>
    <message>
        <source>Seeking %1…</source>
        <translation>%1 に移動しています…</translation>
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
        <translation>システムと同じ</translation>
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
        <translation>送信</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>メッセージを送信</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>送信 (Enter)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>回答を停止</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>停止 (Esc)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>設定 (Ctrl+,)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <source>Export the conversation to Markdown (Ctrl+E)</source>
        <translation>会話を Markdown にエクスポート (Ctrl+E)</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>モデルを入手…</translation>
    </message>
    <message>
        <source>Download a model or import one from disk</source>
        <translation>モデルをダウンロードするか、ディスクから読み込みます</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (Ctrl+/)</source>
        <translation>キーボードショートカット (Ctrl+/)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>会話</translation>
    </message>
    <message>
        <source>Show or hide the conversations (Ctrl+B)</source>
        <translation>会話一覧の表示/非表示 (Ctrl+B)</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文書</translation>
    </message>
    <message>
        <source>Show or hide the documents (Ctrl+D)</source>
        <translation>文書の表示/非表示 (Ctrl+D)</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>メッセージ内で改行</translation>
    </message>
    <message>
        <source>Stop the answer, or stop editing</source>
        <translation>回答を停止、または編集をやめる</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新しい会話</translation>
    </message>
    <message>
        <source>Go to the message box</source>
        <translation>メッセージ入力欄へ移動</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>会話を検索</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>ファイルを添付</translation>
    </message>
    <message>
        <source>Regenerate the last answer</source>
        <translation>最後の回答を再生成</translation>
    </message>
    <message>
        <source>Copy the last answer</source>
        <translation>最後の回答をコピー</translation>
    </message>
    <message>
        <source>Delete the selected conversation (in the list)</source>
        <translation>選択した会話を削除(一覧で)</translation>
    </message>
    <message>
        <source>Rename the selected conversation (in the list)</source>
        <translation>選択した会話の名前を変更(一覧で)</translation>
    </message>
    <message>
        <source>Show or hide the conversations</source>
        <translation>会話一覧の表示/非表示</translation>
    </message>
    <message>
        <source>Show or hide the documents</source>
        <translation>文書の表示/非表示</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Summarize this video.</source>
        <translation>この動画を要約してください。</translation>
    </message>
    <message>
        <source>Editing a message: Enter sends it again and replaces the answers after it.</source>
        <translation>メッセージを編集中：Enter で再送信し、それ以降の回答を置き換えます。</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>会話をエクスポート</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Describe this image in detail.</source>
        <translation>この画像を詳しく説明してください。</translation>
    </message>
    <message>
        <source>Explain how a rainbow forms, simply.</source>
        <translation>虹ができる仕組みをやさしく説明してください。</translation>
    </message>
    <message>
        <source>Draft a short, friendly email to </source>
        <translation>次の相手への短く親しみやすいメールを下書きしてください:</translation>
    </message>
    <message>
        <source>Questions now go to your documents.</source>
        <translation>質問は文書をもとに回答されます。</translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation>会話を削除しました</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 を保存しました</translation>
    </message>
</context>
<context>
    <name>MediaPane</name>
    <message>
        <source>Attachments</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>添付したファイル</translation>
    </message>
    <message>
        <source>Drop images, videos or documents here.</source>
        <translation>画像・動画・文書をここにドロップしてください。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>ファイルを追加…</translation>
    </message>
    <message>
        <source>Add files to the next message</source>
        <translation>次のメッセージにファイルを追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove the selected attachments</source>
        <translation>選択した添付ファイルを削除</translation>
    </message>
    <message>
        <source>Summarize video</source>
        <translation>動画を要約</translation>
    </message>
    <message>
        <source>Quick</source>
        <translation>クイック</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Quick: a summary in about a tenth of the video&apos;s length. Detailed: more frames, longer.</source>
        <translation>クイック：動画の長さの約10分の1の時間で要約します。詳細：より多くのフレームを使い、時間がかかります。</translation>
    </message>
    <message>
        <source>How detailed the video summary is</source>
        <translation>動画の要約の詳しさ</translation>
    </message>
    <message>
        <source>Summarize the attached video, with chapters</source>
        <translation>添付した動画をチャプター付きで要約</translation>
    </message>
    <message>
        <source>Cannot attach %1: use images, videos, PDF, Word or text files.</source>
        <translation>%1 は添付できません：画像、動画、PDF、Word、テキストファイルを使ってください。</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>ファイルを添付</translation>
    </message>
    <message>
        <source>Images, videos and documents (%1);;All files (*)</source>
        <translation>画像・動画・文書 (%1);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Cannot read %1 (%2); it was not attached.</source>
        <translation>%1 を読み込めません（%2）。添付されませんでした。</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>アシスタント</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>Show or hide the model&apos;s reasoning</source>
        <translation>モデルの推論を表示／非表示</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>推論</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>メッセージ本文</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <source>Show the previous version</source>
        <translation>前のバージョンを表示</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <source>Show the next version</source>
        <translation>次のバージョンを表示</translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation>バージョン %1/%2</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Copy this message</source>
        <translation>このメッセージをコピー</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Edit and resend this message</source>
        <translation>このメッセージを編集して再送信</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>再生成</translation>
    </message>
    <message>
        <source>Write this answer again</source>
        <translation>この回答をもう一度生成</translation>
    </message>
</context>
<context>
    <name>ModelChoices</name>
    <message>
        <source>Servers: answered on another computer</source>
        <translation>サーバー：別のコンピューターで応答</translation>
    </message>
    <message>
        <source>%1: suits this computer</source>
        <translation>%1：このコンピューターに適しています</translation>
    </message>
    <message>
        <source>%1: for Apple Silicon, slow on this computer</source>
        <translation>%1：Apple シリコン向け、このコンピューターでは低速</translation>
    </message>
    <message>
        <source>%1: runs on the processor</source>
        <translation>%1：プロセッサーで動作</translation>
    </message>
    <message>
        <source>%1 · recommended</source>
        <translation>%1 · おすすめ</translation>
    </message>
    <message>
        <source>%1 · %2 · imported</source>
        <translation>%1 · %2 · インポート済み</translation>
    </message>
    <message>
        <source>Qwen3.5 %1 · %2 · %3 · %4 download</source>
        <translation>Qwen3.5 %1 · %2 · %3 · ダウンロード %4</translation>
    </message>
</context>
<context>
    <name>ModelController</name>
    <message>
        <source>Model:</source>
        <translation>モデル：</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation>エンジン：</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>エンジン</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
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
        <translation>モデルを選ぶ</translation>
    </message>
    <message>
        <source>Load one of the installed models</source>
        <translation>インストール済みのモデルを読み込む</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>インポート</translation>
    </message>
    <message>
        <source>Import a model from this computer</source>
        <translation>このコンピューターからモデルをインポート</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>モデルフォルダーを読み込む…</translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation>GGUF ファイルを読み込む…</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>ダウンロード…</translation>
    </message>
    <message>
        <source>Download a model (once; it then runs offline)</source>
        <translation>モデルをダウンロード（一度だけ。その後はオフラインで動作）</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 – %2（%3）</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>モデルが読み込まれていません</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <source>Model server mirror</source>
        <translation>モデルサーバーのミラー</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings</source>
        <translation>システムのプロキシ設定</translation>
    </message>
    <message>
        <source>Mirror (HF_ENDPOINT):</source>
        <translation>ミラー（HF_ENDPOINT）：</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>プロキシ：</translation>
    </message>
    <message>
        <source>Only model downloads use these. Leave the mirror empty for the Hugging Face Hub, the proxy empty for the system&apos;s settings. Example: http://proxy.example:8080</source>
        <translation>これらはモデルのダウンロードにだけ使われます。ミラーを空にすると Hugging Face Hub、プロキシを空にするとシステムの設定を使います。例：http://proxy.example:8080</translation>
    </message>
    <message>
        <source>The mirror must be an address starting with http:// or https://.</source>
        <translation>ミラーは http:// または https:// で始まるアドレスにしてください。</translation>
    </message>
    <message>
        <source>The proxy must be an address starting with http:// or https://.</source>
        <translation>プロキシは http:// または https:// で始まるアドレスにしてください。</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>この通知を閉じる</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>Page</source>
        <translation>ページ</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>前のページ</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>次のページ</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>ページ番号</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>既定のアプリで開く</translation>
    </message>
    <message>
        <source>Open the file in its default application</source>
        <translation>ファイルを既定のアプリケーションで開く</translation>
    </message>
    <message>
        <source>Page %1…</source>
        <translation>%1 ページ…</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>%1 / %2 ページ</translation>
    </message>
</context>
<context>
    <name>RemoteNote</name>
    <message>
        <source>Messages go to %1 and leave this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerController</name>
    <message>
        <source>Local API server</source>
        <translation>ローカル API サーバー</translation>
    </message>
    <message>
        <source>Port %1 is not free (%2)</source>
        <translation>ポート %1 は使用中です（%2）</translation>
    </message>
    <message>
        <source>API server on %1</source>
        <translation>API サーバー: %1</translation>
    </message>
</context>
<context>
    <name>ServerSettingsBox</name>
    <message>
        <source>Local API server</source>
        <translation>ローカル API サーバー</translation>
    </message>
    <message>
        <source>Let programs on this computer use the loaded model (OpenAI-compatible API)</source>
        <translation>このコンピューター上のプログラムに読み込んだモデルの使用を許可する（OpenAI 互換 API）</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>ポート:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>ポート</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>トークンをコピー</translation>
    </message>
    <message>
        <source>Programs send it as: Authorization: Bearer TOKEN</source>
        <translation>プログラムは次の形式で送信します: Authorization: Bearer トークン</translation>
    </message>
    <message>
        <source>Listening on %1 (this computer only)</source>
        <translation>%1 で待ち受け中（このコンピューターのみ）</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
</context>
<context>
    <name>Servers</name>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServersDialog</name>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use models on a server your team runs (vLLM, llama.cpp&apos;s server, Ollama or another Cairn). While one is chosen, your messages, pictures and document passages are sent to that server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty if the server wants none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add and connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Models on the selected server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline only: never use a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n model(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Type the server&apos;s address first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1: %n model(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: plain http to another computer; the key and your messages travel unencrypted. Use https.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1 and its key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語：</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外観</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>外観:</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>システムプロンプト</translation>
    </message>
    <message>
        <source>For example: You are a concise assistant.</source>
        <translation>例：あなたは簡潔に答えるアシスタントです。</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>システムプロンプト：</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考モード</translation>
    </message>
    <message>
        <source>The model&apos;s default</source>
        <translation>モデルの既定</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>考えてから回答</translation>
    </message>
    <message>
        <source>Answer directly</source>
        <translation>すぐに回答</translation>
    </message>
    <message>
        <source>Thinking:</source>
        <translation>思考モード：</translation>
    </message>
    <message>
        <source>Sampling preset</source>
        <translation>サンプリングのプリセット</translation>
    </message>
    <message>
        <source>The model card&apos;s recommendation</source>
        <translation>モデルカードの推奨値</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>カスタム</translation>
    </message>
    <message>
        <source>Sampling:</source>
        <translation>サンプリング：</translation>
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
        <translation>存在ペナルティ</translation>
    </message>
    <message>
        <source>Longest answer in tokens</source>
        <translation>回答の最大トークン数</translation>
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
        <translation>存在ペナルティ：</translation>
    </message>
    <message>
        <source>Longest answer (tokens):</source>
        <translation>最大回答長（トークン）：</translation>
    </message>
    <message>
        <source>Mirror and proxy…</source>
        <translation>ミラーとプロキシ…</translation>
    </message>
    <message>
        <source>Network settings for downloads</source>
        <translation>ダウンロードのネットワーク設定</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>ネットワーク：</translation>
    </message>
    <message>
        <source>Servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers running models for this app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
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
        <translation>%1、%2 ページ、「%3」節</translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1、%2 ページ</translation>
    </message>
    <message>
        <source>%1, section “%2”</source>
        <translation>%1、「%2」節</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1：「%2」</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Watching part %1 of %2…</source>
        <translation>パート %1/%2 を視聴しています…</translation>
    </message>
    <message>
        <source>Summarizing the document, part %1 of %2…</source>
        <translation>文書を要約しています（%1/%2）…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>モデルを読み込んでいます…</translation>
    </message>
    <message>
        <source>Asking the model server for the file list…</source>
        <translation>モデルサーバーにファイル一覧を問い合わせています…</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>ダウンロードしています…</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>ファイルを確認しています…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>読み込んでいます…</translation>
    </message>
    <message>
        <source>Reading the video…</source>
        <translation>動画を読み込んでいます…</translation>
    </message>
    <message>
        <source>Watching the video…</source>
        <translation>動画を視聴しています…</translation>
    </message>
    <message>
        <source>Writing the summary…</source>
        <translation>要約を書いています…</translation>
    </message>
    <message>
        <source>Reading the documents…</source>
        <translation>文書を読み込んでいます…</translation>
    </message>
    <message>
        <source>Looking for changed documents…</source>
        <translation>変更された文書を探しています…</translation>
    </message>
    <message>
        <source>Indexing the documents…</source>
        <translation>文書のインデックスを作成しています…</translation>
    </message>
    <message>
        <source>Documents ready.</source>
        <translation>文書の準備ができました。</translation>
    </message>
    <message>
        <source>Searching the documents…</source>
        <translation>文書を検索しています…</translation>
    </message>
    <message>
        <source>Reading the prompt…</source>
        <translation>プロンプトを処理しています…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message numerus="yes">
        <source>%n tokens · {tps:.1f} tokens/s</source>
        <translation>
            <numerusform>%n トークン · {tps:.1f} トークン/秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · {tps:.1f} tokens/s · first token after {ttft:.2f} s</source>
        <translation>
            <numerusform>%n トークン · {tps:.1f} トークン/秒 · 最初のトークンまで {ttft:.2f} 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln tokens reused</source>
        <translation>
            <numerusform> · %Ln トークンを再利用</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextViewer</name>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込み中…</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>既定のアプリで開く</translation>
    </message>
    <message>
        <source>Open the file in its default application</source>
        <translation>ファイルを既定のアプリケーションで開く</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>文書のテキスト</translation>
    </message>
    <message>
        <source>The cited passage is highlighted.</source>
        <translation>引用箇所を強調表示しています。</translation>
    </message>
    <message>
        <source>The cited passage was not found in the file.</source>
        <translation>引用箇所はファイル内に見つかりませんでした。</translation>
    </message>
</context>
</TS>
