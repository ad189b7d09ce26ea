<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChatInput</name>
    <message>
        <source>Ask anything. Enter sends, Shift+Enter starts a new line.</source>
        <translation>Frag einfach. Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>Zu sendende Nachricht</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Schreibt…</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 Token</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Token</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Interrupted: the app closed before this answer ended</source>
        <translation>Unterbrochen: Die App wurde beendet, bevor diese Antwort fertig war</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Summarize</source>
        <translation>Zusammenfassen</translation>
    </message>
    <message>
        <source>Summarize this video, with chapters</source>
        <translation>Dieses Video mit Kapiteln zusammenfassen</translation>
    </message>
    <message>
        <source>Summarize %1</source>
        <translation>%1 zusammenfassen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach images, videos or documents (Ctrl+O)</source>
        <translation>Bilder, Videos oder Dokumente anhängen (Strg+O)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Angehängte Dateien</translation>
    </message>
    <message>
        <source>Drop to attach to your message</source>
        <translation>Loslassen, um es an die Nachricht anzuhängen</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>Neue Unterhaltung (Strg+N)</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Unterhaltung umbenennen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Unterhaltung löschen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
</context>
<context>
    <name>DocsPanel</name>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Answer from these documents</source>
        <translation>Aus diesen Dokumenten antworten</translation>
    </message>
    <message>
        <source>Questions are answered from the documents below, with their sources.</source>
        <translation>Fragen werden anhand der Dokumente unten beantwortet, mit Quellenangaben.</translation>
    </message>
    <message>
        <source>Documents and their indexing status</source>
        <translation>Dokumente und ihr Indexierungsstatus</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Add a folder of documents</source>
        <translation>Einen Ordner mit Dokumenten hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected documents</source>
        <translation>Ausgewählte Dokumente entfernen</translation>
    </message>
    <message>
        <source>Drop PDF, Word or text files, or a folder.</source>
        <translation>PDF-, Word- oder Textdateien oder einen Ordner hier ablegen.</translation>
    </message>
    <message>
        <source>(%1 of %2)</source>
        <translation>(%1 von %2)</translation>
    </message>
    <message>
        <source>%1 ready, %2 failed.</source>
        <translation>%1 bereit, %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Show which documents</source>
        <translation>Welche Dokumente anzeigen</translation>
    </message>
    <message>
        <source>All documents (%1)</source>
        <translation>Alle Dokumente (%1)</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>Fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>Being indexed (%1)</source>
        <translation>Wird indiziert (%1)</translation>
    </message>
    <message>
        <source>Ready (%1)</source>
        <translation>Bereit (%1)</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in der Warteschlange</translation>
    </message>
    <message>
        <source>indexing…</source>
        <translation>wird indexiert…</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>What can I help with?</source>
        <translation>Wobei kann ich helfen?</translation>
    </message>
    <message>
        <source>Everything stays on this computer.</source>
        <translation>Alles bleibt auf diesem Computer.</translation>
    </message>
    <message>
        <source>Drop images, videos or documents anywhere in the window to use them.</source>
        <translation>Bilder, Videos oder Dokumente irgendwo ins Fenster ziehen, um sie zu verwenden.</translation>
    </message>
    <message>
        <source>Describe an image</source>
        <translation>Ein Bild beschreiben</translation>
    </message>
    <message>
        <source>Summarize a video</source>
        <translation>Ein Video zusammenfassen</translation>
    </message>
    <message>
        <source>Ask your documents</source>
        <translation>Deine Dokumente fragen</translation>
    </message>
    <message>
        <source>Explain a topic simply</source>
        <translation>Ein Thema einfach erklären</translation>
    </message>
    <message>
        <source>Draft an email</source>
        <translation>Eine E-Mail entwerfen</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>Etwas ist schiefgelaufen: {detail}</translation>
    </message>
    <message>
        <source>No model was found ({detail}). Download one or import a model folder.</source>
        <translation>Kein Modell gefunden ({detail}). Lade eines herunter oder importiere einen Modellordner.</translation>
    </message>
    <message>
        <source>This is not a Qwen3.5 model ({detail}).</source>
        <translation>Das ist kein Qwen3.5-Modell ({detail}).</translation>
    </message>
    <message>
        <source>The model is incomplete ({detail}). Download it again.</source>
        <translation>Das Modell ist unvollständig ({detail}). Lade es erneut herunter.</translation>
    </message>
    <message>
        <source>The model could not be loaded: {detail}</source>
        <translation>Das Modell konnte nicht geladen werden: {detail}</translation>
    </message>
    <message>
        <source>That engine cannot run here: {detail}</source>
        <translation>Diese Engine kann hier nicht laufen: {detail}</translation>
    </message>
    <message>
        <source>That device is not available: {detail}</source>
        <translation>Dieses Gerät ist nicht verfügbar: {detail}</translation>
    </message>
    <message>
        <source>This model cannot take that input: {detail}</source>
        <translation>Dieses Modell kann diese Eingabe nicht verarbeiten: {detail}</translation>
    </message>
    <message>
        <source>The conversation is too long for this model ({detail}). Start a new conversation.</source>
        <translation>Die Unterhaltung ist zu lang für dieses Modell ({detail}). Beginne eine neue Unterhaltung.</translation>
    </message>
    <message>
        <source>The model {detail} is in use. Unload it or close Cairn first.</source>
        <translation>Das Modell {detail} wird verwendet. Entladen Sie es oder schließen Sie zuerst Cairn.</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed ({detail}). Use another build of the model.</source>
        <translation>Die Chat-Vorlage des Modells ist fehlgeschlagen ({detail}). Verwenden Sie einen anderen Build des Modells.</translation>
    </message>
    <message>
        <source>The image was not found: {detail}</source>
        <translation>Das Bild wurde nicht gefunden: {detail}</translation>
    </message>
    <message>
        <source>The image cannot be read: {detail}. Use a PNG, JPEG, WebP, GIF or BMP file.</source>
        <translation>Das Bild kann nicht gelesen werden: {detail}. Verwende eine PNG-, JPEG-, WebP-, GIF- oder BMP-Datei.</translation>
    </message>
    <message>
        <source>The image is truncated or damaged: {detail}</source>
        <translation>Das Bild ist unvollständig oder beschädigt: {detail}</translation>
    </message>
    <message>
        <source>The image is too large: {detail}</source>
        <translation>Das Bild ist zu groß: {detail}</translation>
    </message>
    <message>
        <source>The video was not found: {detail}</source>
        <translation>Das Video wurde nicht gefunden: {detail}</translation>
    </message>
    <message>
        <source>The video is empty: {detail}</source>
        <translation>Das Video ist leer: {detail}</translation>
    </message>
    <message>
        <source>The video cannot be read: {detail}. Use MP4, AVI, MKV or WebM.</source>
        <translation>Das Video kann nicht gelesen werden: {detail}. Verwende MP4, AVI, MKV oder WebM.</translation>
    </message>
    <message>
        <source>The video&apos;s frames are too large: {detail}</source>
        <translation>Die Einzelbilder des Videos sind zu groß: {detail}</translation>
    </message>
    <message>
        <source>The model server could not be reached. Check that this computer is online, then press Retry. What was already downloaded is kept.</source>
        <translation>Der Modellserver war nicht erreichbar. Prüfen Sie, ob dieser Computer online ist, und klicken Sie dann auf „Erneut versuchen“. Bereits Heruntergeladenes bleibt erhalten.</translation>
    </message>
    <message>
        <source>The download stopped before it finished. Press Retry to go on from where it stopped.</source>
        <translation>Der Download brach vor dem Ende ab. Klicken Sie auf „Erneut versuchen“, um dort weiterzumachen.</translation>
    </message>
    <message>
        <source>The model server refused the download. The model may need an access token.</source>
        <translation>Der Modellserver hat den Download abgelehnt. Das Modell braucht eventuell ein Zugriffstoken.</translation>
    </message>
    <message>
        <source>The model server does not have this model (any more).</source>
        <translation>Der Modellserver hat dieses Modell nicht (mehr).</translation>
    </message>
    <message>
        <source>There is not enough free disk space for this model. Free some space, then press Retry.</source>
        <translation>Für dieses Modell ist nicht genug Speicherplatz frei. Geben Sie Platz frei und klicken Sie dann auf „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>A downloaded file was damaged on the way. Press Retry to fetch it again.</source>
        <translation>Eine heruntergeladene Datei wurde unterwegs beschädigt. Klicken Sie auf „Erneut versuchen“, um sie neu zu laden.</translation>
    </message>
    <message>
        <source>The documents are in another language than the question: the sources below are the closest found and may not match it.</source>
        <translation>Die Dokumente sind in einer anderen Sprache als die Frage: Die Quellen unten sind die nächstliegenden und passen vielleicht nicht.</translation>
    </message>
    <message>
        <source>There is not enough disk space: {detail}</source>
        <translation>Nicht genug Speicherplatz: {detail}</translation>
    </message>
    <message>
        <source>The model server refused access: {detail}</source>
        <translation>Der Modellserver hat den Zugriff verweigert: {detail}</translation>
    </message>
    <message>
        <source>The model server does not have it: {detail}</source>
        <translation>Der Modellserver hat es nicht: {detail}</translation>
    </message>
    <message>
        <source>A downloaded file is damaged ({detail}). Download it again.</source>
        <translation>Eine heruntergeladene Datei ist beschädigt ({detail}). Lade sie erneut herunter.</translation>
    </message>
    <message>
        <source>The download failed: {detail}</source>
        <translation>Der Download ist fehlgeschlagen: {detail}</translation>
    </message>
    <message>
        <source>The document was not found: {detail}</source>
        <translation>Das Dokument wurde nicht gefunden: {detail}</translation>
    </message>
    <message>
        <source>The document is password protected: {detail}</source>
        <translation>Das Dokument ist passwortgeschützt: {detail}</translation>
    </message>
    <message>
        <source>The document is damaged: {detail}</source>
        <translation>Das Dokument ist beschädigt: {detail}</translation>
    </message>
    <message>
        <source>This kind of document is not supported: {detail}</source>
        <translation>Diese Art von Dokument wird nicht unterstützt: {detail}</translation>
    </message>
    <message>
        <source>The document is too large to read safely: {detail}</source>
        <translation>Das Dokument ist zu groß, um es sicher zu lesen: {detail}</translation>
    </message>
    <message>
        <source>Reading the document took too long: {detail}</source>
        <translation>Das Lesen des Dokuments hat zu lange gedauert: {detail}</translation>
    </message>
    <message>
        <source>No text was found in the document: {detail}</source>
        <translation>Im Dokument wurde kein Text gefunden: {detail}</translation>
    </message>
    <message>
        <source>The documents do not contain an answer to this question.</source>
        <translation>Die Dokumente enthalten keine Antwort auf diese Frage.</translation>
    </message>
    <message>
        <source>The question is in another language than the documents, and nothing in it matched them. Ask in the documents&apos; language, or download the embedding model (Get a model…) to search across languages.</source>
        <translation>Die Frage ist in einer anderen Sprache als die Dokumente, und nichts darin passte zu ihnen. Fragen Sie in der Sprache der Dokumente oder laden Sie das Embedding-Modell (Modell holen…), um sprachübergreifend zu suchen.</translation>
    </message>
    <message>
        <source>No documents have been added yet ({detail}). Drop some documents first.</source>
        <translation>Es wurden noch keine Dokumente hinzugefügt ({detail}). Lege zuerst Dokumente ab.</translation>
    </message>
    <message>
        <source>Several documents could be meant: {detail}. Name the file you mean.</source>
        <translation>Mehrere Dokumente kommen infrage: {detail}. Nenne die gemeinte Datei.</translation>
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
        <translation>Das ist ungültig: {detail}</translation>
    </message>
    <message>
        <source>The model server cannot be reached ({detail}). Check the internet connection.</source>
        <translation>Der Modellserver ist nicht erreichbar ({detail}). Prüfen Sie die Internetverbindung.</translation>
    </message>
    <message>
        <source>Something went wrong inside Cairn: {detail}</source>
        <translation>In Cairn ist etwas schiefgelaufen: {detail}</translation>
    </message>
    <message>
        <source>The model {detail} has not been downloaded yet.</source>
        <translation>Das Modell {detail} wurde noch nicht heruntergeladen.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome to Cairn</source>
        <translation>Willkommen bei Cairn</translation>
    </message>
    <message>
        <source>Cairn runs an AI model on this computer. Nothing you type, attach or ask leaves it. First, choose a model: download one once, or import one you already have.</source>
        <translation>Cairn führt ein KI-Modell auf diesem Computer aus. Nichts, was du eingibst, anhängst oder fragst, verlässt ihn. Wähle zuerst ein Modell: Lade es einmalig herunter oder importiere eines, das du schon hast.</translation>
    </message>
    <message>
        <source>Model to download</source>
        <translation>Herunterzuladendes Modell</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Try the download again</source>
        <translation>Download erneut versuchen</translation>
    </message>
    <message>
        <source>This is a Hugging Face model folder. On this computer it would run on MLX&apos;s processor path, which is about ten times slower than the same model as a GGUF file with llama.cpp. For speed, import or download a GGUF build instead.</source>
        <translation>Das ist ein Hugging-Face-Modellordner. Auf diesem Computer liefe er über den Prozessorpfad von MLX, etwa zehnmal langsamer als dasselbe Modell als GGUF-Datei mit llama.cpp. Für mehr Tempo importieren oder laden Sie lieber eine GGUF-Version.</translation>
    </message>
    <message>
        <source>Import anyway</source>
        <translation>Trotzdem importieren</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Download the chosen model</source>
        <translation>Das gewählte Modell herunterladen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Download abbrechen</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download-Fortschritt</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>Modellordner importieren…</translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation>GGUF-Datei importieren…</translation>
    </message>
    <message>
        <source>Back to the chat</source>
        <translation>Zurück zum Chat</translation>
    </message>
    <message>
        <source>Show all builds (MLX runs slowly on this computer)</source>
        <translation>Alle Varianten zeigen (MLX läuft auf diesem Computer langsam)</translation>
    </message>
    <message>
        <source>Network…</source>
        <translation>Netzwerk…</translation>
    </message>
    <message>
        <source>Mirror and proxy for downloads</source>
        <translation>Spiegel und Proxy für Downloads</translation>
    </message>
    <message>
        <source>Recommended for this computer: Qwen3.5 %1. It needs about %2 of memory and %3 of disk space.</source>
        <translation>Empfohlen für diesen Computer: Qwen3.5 %1. Es braucht etwa %2 Arbeitsspeicher und %3 Speicherplatz.</translation>
    </message>
    <message>
        <source>Resume download</source>
        <translation>Download fortsetzen</translation>
    </message>
    <message>
        <source>Choose a Qwen3.5 model folder</source>
        <translation>Qwen3.5-Modellordner wählen</translation>
    </message>
    <message>
        <source>Choose a GGUF model file</source>
        <translation>GGUF-Modelldatei wählen</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF-Modelle (*.gguf)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 at %2/s</source>
        <translation>%1 mit %2/s</translation>
    </message>
    <message numerus="yes">
        <source>%1, about %n minute(s) left</source>
        <translation>
            <numerusform>%1, noch etwa %n Minute</numerusform>
            <numerusform>%1, noch etwa %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: your Hub token is sent unencrypted (plain http) to %1. Use an https mirror.</source>
        <translation>Warnung: Ihr Hub-Token wird unverschlüsselt (einfaches http) an %1 gesendet. Verwenden Sie einen https-Spiegel.</translation>
    </message>
    <message>
        <source>Fetching %1</source>
        <translation>Lade %1</translation>
    </message>
    <message>
        <source>The model is ready.</source>
        <translation>Das Modell ist bereit.</translation>
    </message>
    <message>
        <source>Download paused. The part already fetched is kept: resume at any time.</source>
        <translation>Download pausiert. Der bereits geladene Teil bleibt erhalten: Du kannst jederzeit fortsetzen.</translation>
    </message>
</context>
<context>
    <name>FrameViewer</name>
    <message>
        <source>%1 – frame viewer</source>
        <translation>%1 – Bildbetrachter</translation>
    </message>
    <message>
        <source>Video frame</source>
        <translation>Videobild</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>Position im Video</translation>
    </message>
    <message>
        <source>Time of the frame</source>
        <translation>Zeitpunkt des Bildes</translation>
    </message>
    <message>
        <source>Seeking %1…</source>
        <translation>Springe zu %1…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
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
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabe)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Antwort anhalten</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Anhalten (Esc)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Einstellungen (Strg+,)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Export the conversation to Markdown (Ctrl+E)</source>
        <translation>Unterhaltung als Markdown exportieren (Strg+E)</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>Modell holen…</translation>
    </message>
    <message>
        <source>Download a model or import one from disk</source>
        <translation>Ein Modell herunterladen oder von der Festplatte importieren</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (Ctrl+/)</source>
        <translation>Tastenkürzel (Strg+/)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Show or hide the conversations (Ctrl+B)</source>
        <translation>Unterhaltungen ein- oder ausblenden (Strg+B)</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>Show or hide the documents (Ctrl+D)</source>
        <translation>Dokumente ein- oder ausblenden (Strg+D)</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Neue Zeile in der Nachricht</translation>
    </message>
    <message>
        <source>Stop the answer, or stop editing</source>
        <translation>Antwort stoppen oder Bearbeiten beenden</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Go to the message box</source>
        <translation>Zum Nachrichtenfeld springen</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Regenerate the last answer</source>
        <translation>Letzte Antwort neu erzeugen</translation>
    </message>
    <message>
        <source>Copy the last answer</source>
        <translation>Letzte Antwort kopieren</translation>
    </message>
    <message>
        <source>Delete the selected conversation (in the list)</source>
        <translation>Ausgewählte Unterhaltung löschen (in der Liste)</translation>
    </message>
    <message>
        <source>Rename the selected conversation (in the list)</source>
        <translation>Ausgewählte Unterhaltung umbenennen (in der Liste)</translation>
    </message>
    <message>
        <source>Show or hide the conversations</source>
        <translation>Unterhaltungen ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Show or hide the documents</source>
        <translation>Dokumente ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Summarize this video.</source>
        <translation>Fasse dieses Video zusammen.</translation>
    </message>
    <message>
        <source>Editing a message: Enter sends it again and replaces the answers after it.</source>
        <translation>Nachricht wird bearbeitet: Eingabe sendet sie erneut und ersetzt die Antworten danach.</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Describe this image in detail.</source>
        <translation>Beschreibe dieses Bild ausführlich.</translation>
    </message>
    <message>
        <source>Explain how a rainbow forms, simply.</source>
        <translation>Erkläre einfach, wie ein Regenbogen entsteht.</translation>
    </message>
    <message>
        <source>Draft a short, friendly email to </source>
        <translation>Entwirf eine kurze, freundliche E-Mail an </translation>
    </message>
    <message>
        <source>Questions now go to your documents.</source>
        <translation>Fragen werden jetzt aus deinen Dokumenten beantwortet.</translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation>Unterhaltung gelöscht</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>MediaPane</name>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Angehängte Dateien</translation>
    </message>
    <message>
        <source>Drop images, videos or documents here.</source>
        <translation>Bilder, Videos oder Dokumente hier ablegen.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Add files to the next message</source>
        <translation>Dateien zur nächsten Nachricht hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected attachments</source>
        <translation>Ausgewählte Anhänge entfernen</translation>
    </message>
    <message>
        <source>Summarize video</source>
        <translation>Video zusammenfassen</translation>
    </message>
    <message>
        <source>Quick</source>
        <translation>Schnell</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>Ausführlich</translation>
    </message>
    <message>
        <source>Quick: a summary in about a tenth of the video&apos;s length. Detailed: more frames, longer.</source>
        <translation>Schnell: eine Zusammenfassung in etwa einem Zehntel der Videolänge. Ausführlich: mehr Bilder, dauert länger.</translation>
    </message>
    <message>
        <source>How detailed the video summary is</source>
        <translation>Wie ausführlich die Videozusammenfassung ist</translation>
    </message>
    <message>
        <source>Summarize the attached video, with chapters</source>
        <translation>Das angehängte Video mit Kapiteln zusammenfassen</translation>
    </message>
    <message>
        <source>Cannot attach %1: use images, videos, PDF, Word or text files.</source>
        <translation>%1 kann nicht angehängt werden: Verwende Bilder, Videos, PDF-, Word- oder Textdateien.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Images, videos and documents (%1);;All files (*)</source>
        <translation>Bilder, Videos und Dokumente (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1 (%2); it was not attached.</source>
        <translation>%1 kann nicht gelesen werden (%2) und wurde nicht angehängt.</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Denkprozess</translation>
    </message>
    <message>
        <source>Show or hide the model&apos;s reasoning</source>
        <translation>Den Denkprozess des Modells ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Denkprozess</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Show the previous version</source>
        <translation>Vorherige Version zeigen</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Show the next version</source>
        <translation>Nächste Version zeigen</translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation>Version %1 von %2</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Copy this message</source>
        <translation>Diese Nachricht kopieren</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit and resend this message</source>
        <translation>Diese Nachricht bearbeiten und erneut senden</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <source>Write this answer again</source>
        <translation>Diese Antwort neu schreiben</translation>
    </message>
</context>
<context>
    <name>ModelChoices</name>
    <message>
        <source>Servers: answered on another computer</source>
        <translation>Server: Antwort von einem anderen Computer</translation>
    </message>
    <message>
        <source>%1: suits this computer</source>
        <translation>%1: passt zu diesem Computer</translation>
    </message>
    <message>
        <source>%1: for Apple Silicon, slow on this computer</source>
        <translation>%1: für Apple Silicon, auf diesem Computer langsam</translation>
    </message>
    <message>
        <source>%1: runs on the processor</source>
        <translation>%1: läuft auf dem Prozessor</translation>
    </message>
    <message>
        <source>%1 · recommended</source>
        <translation>%1 · empfohlen</translation>
    </message>
    <message>
        <source>%1 · %2 · imported</source>
        <translation>%1 · %2 · importiert</translation>
    </message>
    <message>
        <source>Qwen3.5 %1 · %2 · %3 · %4 download</source>
        <translation>Qwen3.5 %1 · %2 · %3 · %4 Download</translation>
    </message>
</context>
<context>
    <name>ModelController</name>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation>Engine:</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
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
        <translation>Modell wählen</translation>
    </message>
    <message>
        <source>Load one of the installed models</source>
        <translation>Eines der installierten Modelle laden</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Import a model from this computer</source>
        <translation>Ein Modell von diesem Computer importieren</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>Modellordner importieren…</translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation>GGUF-Datei importieren…</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <source>Download a model (once; it then runs offline)</source>
        <translation>Ein Modell herunterladen (einmal; danach läuft es offline)</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 auf %2 (%3)</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <source>Model server mirror</source>
        <translation>Spiegel des Modellservers</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings</source>
        <translation>Die Proxy-Einstellungen des Systems</translation>
    </message>
    <message>
        <source>Mirror (HF_ENDPOINT):</source>
        <translation>Spiegel (HF_ENDPOINT):</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy:</translation>
    </message>
    <message>
        <source>Only model downloads use these. Leave the mirror empty for the Hugging Face Hub, the proxy empty for the system&apos;s settings. Example: http://proxy.example:8080</source>
        <translation>Nur Modell-Downloads verwenden diese Angaben. Spiegel leer lassen für den Hugging Face Hub, Proxy leer lassen für die Einstellungen des Systems. Beispiel: http://proxy.example:8080</translation>
    </message>
    <message>
        <source>The mirror must be an address starting with http:// or https://.</source>
        <translation>Der Spiegel muss eine Adresse sein, die mit http:// oder https:// beginnt.</translation>
    </message>
    <message>
        <source>The proxy must be an address starting with http:// or https://.</source>
        <translation>Der Proxy muss eine Adresse sein, die mit http:// oder https:// beginnt.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Hinweis schließen</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Seitenzahl</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>In Standard-App öffnen</translation>
    </message>
    <message>
        <source>Open the file in its default application</source>
        <translation>Die Datei in ihrer Standardanwendung öffnen</translation>
    </message>
    <message>
        <source>Page %1…</source>
        <translation>Seite %1…</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
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
        <translation>Lokaler API-Server</translation>
    </message>
    <message>
        <source>Port %1 is not free (%2)</source>
        <translation>Port %1 ist belegt (%2)</translation>
    </message>
    <message>
        <source>API server on %1</source>
        <translation>API-Server auf %1</translation>
    </message>
</context>
<context>
    <name>ServerSettingsBox</name>
    <message>
        <source>Local API server</source>
        <translation>Lokaler API-Server</translation>
    </message>
    <message>
        <source>Let programs on this computer use the loaded model (OpenAI-compatible API)</source>
        <translation>Programmen auf diesem Computer das geladene Modell zur Verfügung stellen (OpenAI-kompatible API)</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Token kopieren</translation>
    </message>
    <message>
        <source>Programs send it as: Authorization: Bearer TOKEN</source>
        <translation>Programme senden es so: Authorization: Bearer TOKEN</translation>
    </message>
    <message>
        <source>Listening on %1 (this computer only)</source>
        <translation>Lauscht auf %1 (nur dieser Computer)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
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
        <translation>Entfernen</translation>
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
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>Darstellung:</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>For example: You are a concise assistant.</source>
        <translation>Zum Beispiel: Du bist ein knapper Assistent.</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>Systemprompt:</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Nachdenken</translation>
    </message>
    <message>
        <source>The model&apos;s default</source>
        <translation>Standard des Modells</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>Vor dem Antworten nachdenken</translation>
    </message>
    <message>
        <source>Answer directly</source>
        <translation>Direkt antworten</translation>
    </message>
    <message>
        <source>Thinking:</source>
        <translation>Nachdenken:</translation>
    </message>
    <message>
        <source>Sampling preset</source>
        <translation>Sampling-Voreinstellung</translation>
    </message>
    <message>
        <source>The model card&apos;s recommendation</source>
        <translation>Empfehlung der Modellkarte</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Sampling:</source>
        <translation>Sampling:</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
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
        <translation>Presence Penalty</translation>
    </message>
    <message>
        <source>Longest answer in tokens</source>
        <translation>Längste Antwort in Tokens</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Top P:</source>
        <translation>Top P:</translation>
    </message>
    <message>
        <source>Top K:</source>
        <translation>Top K:</translation>
    </message>
    <message>
        <source>Presence penalty:</source>
        <translation>Presence Penalty:</translation>
    </message>
    <message>
        <source>Longest answer (tokens):</source>
        <translation>Längste Antwort (Tokens):</translation>
    </message>
    <message>
        <source>Mirror and proxy…</source>
        <translation>Spiegel und Proxy…</translation>
    </message>
    <message>
        <source>Network settings for downloads</source>
        <translation>Netzwerkeinstellungen für Downloads</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Netzwerk:</translation>
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
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>%1, page %2, section “%3”</source>
        <translation>%1, Seite %2, Abschnitt „%3“</translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1, Seite %2</translation>
    </message>
    <message>
        <source>%1, section “%2”</source>
        <translation>%1, Abschnitt „%2“</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1: „%2“</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Watching part %1 of %2…</source>
        <translation>Teil %1 von %2 wird angesehen…</translation>
    </message>
    <message>
        <source>Summarizing the document, part %1 of %2…</source>
        <translation>Dokument wird zusammengefasst, Teil %1 von %2…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Modell wird geladen…</translation>
    </message>
    <message>
        <source>Asking the model server for the file list…</source>
        <translation>Dateiliste wird vom Modellserver abgefragt…</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Wird heruntergeladen…</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Dateien werden geprüft…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Reading the video…</source>
        <translation>Video wird gelesen…</translation>
    </message>
    <message>
        <source>Watching the video…</source>
        <translation>Video wird angesehen…</translation>
    </message>
    <message>
        <source>Writing the summary…</source>
        <translation>Zusammenfassung wird geschrieben…</translation>
    </message>
    <message>
        <source>Reading the documents…</source>
        <translation>Dokumente werden gelesen…</translation>
    </message>
    <message>
        <source>Looking for changed documents…</source>
        <translation>Geänderte Dokumente werden gesucht…</translation>
    </message>
    <message>
        <source>Indexing the documents…</source>
        <translation>Dokumente werden indexiert…</translation>
    </message>
    <message>
        <source>Documents ready.</source>
        <translation>Dokumente bereit.</translation>
    </message>
    <message>
        <source>Searching the documents…</source>
        <translation>Dokumente werden durchsucht…</translation>
    </message>
    <message>
        <source>Reading the prompt…</source>
        <translation>Eingabe wird gelesen…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message numerus="yes">
        <source>%n tokens · {tps:.1f} tokens/s</source>
        <translation>
            <numerusform>%n Token · {tps:.1f} Token/s</numerusform>
            <numerusform>%n Token · {tps:.1f} Token/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · {tps:.1f} tokens/s · first token after {ttft:.2f} s</source>
        <translation>
            <numerusform>%n Token · {tps:.1f} Token/s · erstes Token nach {ttft:.2f} s</numerusform>
            <numerusform>%n Token · {tps:.1f} Token/s · erstes Token nach {ttft:.2f} s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln tokens reused</source>
        <translation>
            <numerusform> · %Ln Token wiederverwendet</numerusform>
            <numerusform> · %Ln Token wiederverwendet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextViewer</name>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>In Standard-App öffnen</translation>
    </message>
    <message>
        <source>Open the file in its default application</source>
        <translation>Die Datei in ihrer Standardanwendung öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>Dokumenttext</translation>
    </message>
    <message>
        <source>The cited passage is highlighted.</source>
        <translation>Die zitierte Stelle ist hervorgehoben.</translation>
    </message>
    <message>
        <source>The cited passage was not found in the file.</source>
        <translation>Die zitierte Stelle wurde in der Datei nicht gefunden.</translation>
    </message>
</context>
</TS>
