<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ChatInput</name>
    <message>
        <source>Ask anything. Enter sends, Shift+Enter starts a new line.</source>
        <translation>Pregunta lo que quieras. Intro envía; Mayús+Intro añade una línea nueva.</translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>Mensaje que se enviará</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>New conversation</source>
        <translation>Nueva conversación</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Escribiendo…</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 token</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <source>Interrupted: the app closed before this answer ended</source>
        <translation>Interrumpida: la aplicación se cerró antes de terminar esta respuesta</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copiar código</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Summarize</source>
        <translation>Resumir</translation>
    </message>
    <message>
        <source>Summarize this video, with chapters</source>
        <translation>Resumir este vídeo, con capítulos</translation>
    </message>
    <message>
        <source>Summarize %1</source>
        <translation>Resumir %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach images, videos or documents (Ctrl+O)</source>
        <translation>Adjuntar imágenes, vídeos o documentos (Ctrl+O)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Archivos adjuntos</translation>
    </message>
    <message>
        <source>Drop to attach to your message</source>
        <translation>Suelta para adjuntar al mensaje</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>Search conversations</source>
        <translation>Buscar conversaciones</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nueva conversación</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>Nueva conversación (Ctrl+N)</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Cambiar nombre</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Cambiar el nombre de la conversación</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Eliminar conversación</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nuevo nombre:</translation>
    </message>
</context>
<context>
    <name>DocsPanel</name>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Answer from these documents</source>
        <translation>Responder a partir de estos documentos</translation>
    </message>
    <message>
        <source>Questions are answered from the documents below, with their sources.</source>
        <translation>Las preguntas se responden a partir de los documentos de abajo, citando sus fuentes.</translation>
    </message>
    <message>
        <source>Documents and their indexing status</source>
        <translation>Documentos y su estado de indexación</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Añadir carpeta…</translation>
    </message>
    <message>
        <source>Add a folder of documents</source>
        <translation>Añadir una carpeta de documentos</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected documents</source>
        <translation>Quitar los documentos seleccionados</translation>
    </message>
    <message>
        <source>Drop PDF, Word or text files, or a folder.</source>
        <translation>Suelta archivos PDF, Word o de texto, o una carpeta.</translation>
    </message>
    <message>
        <source>(%1 of %2)</source>
        <translation>(%1 de %2)</translation>
    </message>
    <message>
        <source>%1 ready, %2 failed.</source>
        <translation>%1 listos, %2 con errores.</translation>
    </message>
    <message>
        <source>Show which documents</source>
        <translation>Qué documentos mostrar</translation>
    </message>
    <message>
        <source>All documents (%1)</source>
        <translation>Todos los documentos (%1)</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>Con errores (%1)</translation>
    </message>
    <message>
        <source>Being indexed (%1)</source>
        <translation>Indexándose (%1)</translation>
    </message>
    <message>
        <source>Ready (%1)</source>
        <translation>Listos (%1)</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>indexing…</source>
        <translation>indexando…</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>listo</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>What can I help with?</source>
        <translation>¿En qué puedo ayudarte?</translation>
    </message>
    <message>
        <source>Everything stays on this computer.</source>
        <translation>Todo se queda en este ordenador.</translation>
    </message>
    <message>
        <source>Drop images, videos or documents anywhere in the window to use them.</source>
        <translation>Suelta imágenes, vídeos o documentos en cualquier parte de la ventana para usarlos.</translation>
    </message>
    <message>
        <source>Describe an image</source>
        <translation>Describir una imagen</translation>
    </message>
    <message>
        <source>Summarize a video</source>
        <translation>Resumir un vídeo</translation>
    </message>
    <message>
        <source>Ask your documents</source>
        <translation>Preguntar a tus documentos</translation>
    </message>
    <message>
        <source>Explain a topic simply</source>
        <translation>Explicar un tema con sencillez</translation>
    </message>
    <message>
        <source>Draft an email</source>
        <translation>Redactar un correo</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>Algo ha fallado: {detail}</translation>
    </message>
    <message>
        <source>No model was found ({detail}). Download one or import a model folder.</source>
        <translation>No se ha encontrado ningún modelo ({detail}). Descarga uno o importa una carpeta de modelo.</translation>
    </message>
    <message>
        <source>This is not a Qwen3.5 model ({detail}).</source>
        <translation>No es un modelo Qwen3.5 ({detail}).</translation>
    </message>
    <message>
        <source>The model is incomplete ({detail}). Download it again.</source>
        <translation>El modelo está incompleto ({detail}). Vuelve a descargarlo.</translation>
    </message>
    <message>
        <source>The model could not be loaded: {detail}</source>
        <translation>No se ha podido cargar el modelo: {detail}</translation>
    </message>
    <message>
        <source>That engine cannot run here: {detail}</source>
        <translation>Ese motor no puede funcionar aquí: {detail}</translation>
    </message>
    <message>
        <source>That device is not available: {detail}</source>
        <translation>Ese dispositivo no está disponible: {detail}</translation>
    </message>
    <message>
        <source>This model cannot take that input: {detail}</source>
        <translation>Este modelo no admite esa entrada: {detail}</translation>
    </message>
    <message>
        <source>The conversation is too long for this model ({detail}). Start a new conversation.</source>
        <translation>La conversación es demasiado larga para este modelo ({detail}). Empieza una conversación nueva.</translation>
    </message>
    <message>
        <source>The model {detail} is in use. Unload it or close Cairn first.</source>
        <translation>El modelo {detail} está en uso. Descárguelo o cierre Cairn primero.</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed ({detail}). Use another build of the model.</source>
        <translation>La plantilla de chat del modelo falló ({detail}). Use otra versión del modelo.</translation>
    </message>
    <message>
        <source>The image was not found: {detail}</source>
        <translation>No se ha encontrado la imagen: {detail}</translation>
    </message>
    <message>
        <source>The image cannot be read: {detail}. Use a PNG, JPEG, WebP, GIF or BMP file.</source>
        <translation>No se puede leer la imagen: {detail}. Usa un archivo PNG, JPEG, WebP, GIF o BMP.</translation>
    </message>
    <message>
        <source>The image is truncated or damaged: {detail}</source>
        <translation>La imagen está incompleta o dañada: {detail}</translation>
    </message>
    <message>
        <source>The image is too large: {detail}</source>
        <translation>La imagen es demasiado grande: {detail}</translation>
    </message>
    <message>
        <source>The video was not found: {detail}</source>
        <translation>No se ha encontrado el vídeo: {detail}</translation>
    </message>
    <message>
        <source>The video is empty: {detail}</source>
        <translation>El vídeo está vacío: {detail}</translation>
    </message>
    <message>
        <source>The video cannot be read: {detail}. Use MP4, AVI, MKV or WebM.</source>
        <translation>No se puede leer el vídeo: {detail}. Usa MP4, AVI, MKV o WebM.</translation>
    </message>
    <message>
        <source>The video&apos;s frames are too large: {detail}</source>
        <translation>Los fotogramas del vídeo son demasiado grandes: {detail}</translation>
    </message>
    <message>
        <source>The model server could not be reached. Check that this computer is online, then press Retry. What was already downloaded is kept.</source>
        <translation>No se pudo contactar con el servidor de modelos. Comprueba que este ordenador tiene conexión y pulsa Reintentar. Lo ya descargado se conserva.</translation>
    </message>
    <message>
        <source>The download stopped before it finished. Press Retry to go on from where it stopped.</source>
        <translation>La descarga se detuvo antes de terminar. Pulsa Reintentar para seguir desde donde se quedó.</translation>
    </message>
    <message>
        <source>The model server refused the download. The model may need an access token.</source>
        <translation>El servidor de modelos rechazó la descarga. Puede que el modelo necesite un token de acceso.</translation>
    </message>
    <message>
        <source>The model server does not have this model (any more).</source>
        <translation>El servidor de modelos no tiene (o ya no tiene) este modelo.</translation>
    </message>
    <message>
        <source>There is not enough free disk space for this model. Free some space, then press Retry.</source>
        <translation>No hay espacio libre suficiente para este modelo. Libera espacio y pulsa Reintentar.</translation>
    </message>
    <message>
        <source>A downloaded file was damaged on the way. Press Retry to fetch it again.</source>
        <translation>Un archivo descargado llegó dañado. Pulsa Reintentar para volver a descargarlo.</translation>
    </message>
    <message>
        <source>The documents are in another language than the question: the sources below are the closest found and may not match it.</source>
        <translation>Los documentos están en otro idioma que la pregunta: las fuentes de abajo son las más cercanas encontradas y puede que no correspondan.</translation>
    </message>
    <message>
        <source>There is not enough disk space: {detail}</source>
        <translation>No hay suficiente espacio en disco: {detail}</translation>
    </message>
    <message>
        <source>The model server refused access: {detail}</source>
        <translation>El servidor de modelos ha denegado el acceso: {detail}</translation>
    </message>
    <message>
        <source>The model server does not have it: {detail}</source>
        <translation>El servidor de modelos no lo tiene: {detail}</translation>
    </message>
    <message>
        <source>A downloaded file is damaged ({detail}). Download it again.</source>
        <translation>Un archivo descargado está dañado ({detail}). Vuelve a descargarlo.</translation>
    </message>
    <message>
        <source>The download failed: {detail}</source>
        <translation>La descarga ha fallado: {detail}</translation>
    </message>
    <message>
        <source>The document was not found: {detail}</source>
        <translation>No se ha encontrado el documento: {detail}</translation>
    </message>
    <message>
        <source>The document is password protected: {detail}</source>
        <translation>El documento está protegido con contraseña: {detail}</translation>
    </message>
    <message>
        <source>The document is damaged: {detail}</source>
        <translation>El documento está dañado: {detail}</translation>
    </message>
    <message>
        <source>This kind of document is not supported: {detail}</source>
        <translation>Este tipo de documento no es compatible: {detail}</translation>
    </message>
    <message>
        <source>The document is too large to read safely: {detail}</source>
        <translation>El documento es demasiado grande para leerlo con seguridad: {detail}</translation>
    </message>
    <message>
        <source>Reading the document took too long: {detail}</source>
        <translation>La lectura del documento ha tardado demasiado: {detail}</translation>
    </message>
    <message>
        <source>No text was found in the document: {detail}</source>
        <translation>No se ha encontrado texto en el documento: {detail}</translation>
    </message>
    <message>
        <source>The documents do not contain an answer to this question.</source>
        <translation>Los documentos no contienen una respuesta a esta pregunta.</translation>
    </message>
    <message>
        <source>The question is in another language than the documents, and nothing in it matched them. Ask in the documents&apos; language, or download the embedding model (Get a model…) to search across languages.</source>
        <translation>La pregunta está en otro idioma que los documentos y nada coincide con ellos. Pregunta en el idioma de los documentos o descarga el modelo de embeddings (Obtener un modelo…) para buscar entre idiomas.</translation>
    </message>
    <message>
        <source>No documents have been added yet ({detail}). Drop some documents first.</source>
        <translation>Todavía no se han añadido documentos ({detail}). Suelta primero algunos documentos.</translation>
    </message>
    <message>
        <source>Several documents could be meant: {detail}. Name the file you mean.</source>
        <translation>Podría referirse a varios documentos: {detail}. Indica el archivo que quieres decir.</translation>
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
        <translation>No es válido: {detail}</translation>
    </message>
    <message>
        <source>The model server cannot be reached ({detail}). Check the internet connection.</source>
        <translation>No se puede contactar con el servidor de modelos ({detail}). Comprueba la conexión a internet.</translation>
    </message>
    <message>
        <source>Something went wrong inside Cairn: {detail}</source>
        <translation>Algo ha fallado dentro de Cairn: {detail}</translation>
    </message>
    <message>
        <source>The model {detail} has not been downloaded yet.</source>
        <translation>El modelo {detail} aún no se ha descargado.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Welcome to Cairn</source>
        <translation>Te damos la bienvenida a Cairn</translation>
    </message>
    <message>
        <source>Cairn runs an AI model on this computer. Nothing you type, attach or ask leaves it. First, choose a model: download one once, or import one you already have.</source>
        <translation>Cairn ejecuta un modelo de IA en este ordenador. Nada de lo que escribas, adjuntes o preguntes sale de él. Primero, elige un modelo: descárgalo una sola vez o importa uno que ya tengas.</translation>
    </message>
    <message>
        <source>Model to download</source>
        <translation>Modelo que se descargará</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Try the download again</source>
        <translation>Volver a intentar la descarga</translation>
    </message>
    <message>
        <source>This is a Hugging Face model folder. On this computer it would run on MLX&apos;s processor path, which is about ten times slower than the same model as a GGUF file with llama.cpp. For speed, import or download a GGUF build instead.</source>
        <translation>Es una carpeta de modelo de Hugging Face. En este ordenador funcionaría por la vía de procesador de MLX, unas diez veces más lenta que el mismo modelo como archivo GGUF con llama.cpp. Para más velocidad, importa o descarga una versión GGUF.</translation>
    </message>
    <message>
        <source>Import anyway</source>
        <translation>Importar de todos modos</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Download the chosen model</source>
        <translation>Descargar el modelo elegido</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Cancelar la descarga</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progreso de la descarga</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>Importar una carpeta de modelo…</translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation>Importar un archivo GGUF…</translation>
    </message>
    <message>
        <source>Back to the chat</source>
        <translation>Volver al chat</translation>
    </message>
    <message>
        <source>Show all builds (MLX runs slowly on this computer)</source>
        <translation>Mostrar todas las versiones (MLX funciona lento en este equipo)</translation>
    </message>
    <message>
        <source>Network…</source>
        <translation>Red…</translation>
    </message>
    <message>
        <source>Mirror and proxy for downloads</source>
        <translation>Espejo y proxy para las descargas</translation>
    </message>
    <message>
        <source>Recommended for this computer: Qwen3.5 %1. It needs about %2 of memory and %3 of disk space.</source>
        <translation>Recomendado para este ordenador: Qwen3.5 %1. Necesita unos %2 de memoria y %3 de espacio en disco.</translation>
    </message>
    <message>
        <source>Resume download</source>
        <translation>Reanudar la descarga</translation>
    </message>
    <message>
        <source>Choose a Qwen3.5 model folder</source>
        <translation>Elige una carpeta de modelo Qwen3.5</translation>
    </message>
    <message>
        <source>Choose a GGUF model file</source>
        <translation>Elige un archivo de modelo GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modelos GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1 at %2/s</source>
        <translation>%1 a %2/s</translation>
    </message>
    <message numerus="yes">
        <source>%1, about %n minute(s) left</source>
        <translation>
            <numerusform>%1, falta aproximadamente %n minuto</numerusform>
            <numerusform>%1, faltan aproximadamente %n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: your Hub token is sent unencrypted (plain http) to %1. Use an https mirror.</source>
        <translation>Advertencia: su token de Hub se envía sin cifrar (http simple) a %1. Use un espejo https.</translation>
    </message>
    <message>
        <source>Fetching %1</source>
        <translation>Descargando %1</translation>
    </message>
    <message>
        <source>The model is ready.</source>
        <translation>El modelo está listo.</translation>
    </message>
    <message>
        <source>Download paused. The part already fetched is kept: resume at any time.</source>
        <translation>Descarga en pausa. Lo ya descargado se conserva: puedes reanudarla cuando quieras.</translation>
    </message>
</context>
<context>
    <name>FrameViewer</name>
    <message>
        <source>%1 – frame viewer</source>
        <translation>%1 – visor de fotogramas</translation>
    </message>
    <message>
        <source>Video frame</source>
        <translation>Fotograma del vídeo</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>Posición en el vídeo</translation>
    </message>
    <message>
        <source>Time of the frame</source>
        <translation>Tiempo del fotograma</translation>
    </message>
    <message>
        <source>Seeking %1…</source>
        <translation>Buscando %1…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Same as the system</source>
        <translation>Igual que el sistema</translation>
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
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Enviar el mensaje</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Enviar (Intro)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Detener la respuesta</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Detener (Esc)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Ajustes (Ctrl+,)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Export the conversation to Markdown (Ctrl+E)</source>
        <translation>Exportar la conversación a Markdown (Ctrl+E)</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>Obtener un modelo…</translation>
    </message>
    <message>
        <source>Download a model or import one from disk</source>
        <translation>Descargar un modelo o importarlo desde el disco</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (Ctrl+/)</source>
        <translation>Atajos de teclado (Ctrl+/)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversaciones</translation>
    </message>
    <message>
        <source>Show or hide the conversations (Ctrl+B)</source>
        <translation>Mostrar u ocultar las conversaciones (Ctrl+B)</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Show or hide the documents (Ctrl+D)</source>
        <translation>Mostrar u ocultar los documentos (Ctrl+D)</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Nueva línea en el mensaje</translation>
    </message>
    <message>
        <source>Stop the answer, or stop editing</source>
        <translation>Detener la respuesta o dejar de editar</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nueva conversación</translation>
    </message>
    <message>
        <source>Go to the message box</source>
        <translation>Ir al cuadro de mensaje</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Buscar conversaciones</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Regenerate the last answer</source>
        <translation>Regenerar la última respuesta</translation>
    </message>
    <message>
        <source>Copy the last answer</source>
        <translation>Copiar la última respuesta</translation>
    </message>
    <message>
        <source>Delete the selected conversation (in the list)</source>
        <translation>Eliminar la conversación seleccionada (en la lista)</translation>
    </message>
    <message>
        <source>Rename the selected conversation (in the list)</source>
        <translation>Renombrar la conversación seleccionada (en la lista)</translation>
    </message>
    <message>
        <source>Show or hide the conversations</source>
        <translation>Mostrar u ocultar las conversaciones</translation>
    </message>
    <message>
        <source>Show or hide the documents</source>
        <translation>Mostrar u ocultar los documentos</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Summarize this video.</source>
        <translation>Resume este vídeo.</translation>
    </message>
    <message>
        <source>Editing a message: Enter sends it again and replaces the answers after it.</source>
        <translation>Editando un mensaje: Intro lo vuelve a enviar y sustituye las respuestas posteriores.</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>Exportar la conversación</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Describe this image in detail.</source>
        <translation>Describe esta imagen con detalle.</translation>
    </message>
    <message>
        <source>Explain how a rainbow forms, simply.</source>
        <translation>Explica de forma sencilla cómo se forma un arcoíris.</translation>
    </message>
    <message>
        <source>Draft a short, friendly email to </source>
        <translation>Redacta un correo breve y amable para </translation>
    </message>
    <message>
        <source>Questions now go to your documents.</source>
        <translation>Ahora las preguntas se responden con tus documentos.</translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation>Conversación eliminada</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado: %1</translation>
    </message>
</context>
<context>
    <name>MediaPane</name>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Archivos adjuntos</translation>
    </message>
    <message>
        <source>Drop images, videos or documents here.</source>
        <translation>Suelta aquí imágenes, vídeos o documentos.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Añadir archivos…</translation>
    </message>
    <message>
        <source>Add files to the next message</source>
        <translation>Añadir archivos al próximo mensaje</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected attachments</source>
        <translation>Quitar los adjuntos seleccionados</translation>
    </message>
    <message>
        <source>Summarize video</source>
        <translation>Resumir vídeo</translation>
    </message>
    <message>
        <source>Quick</source>
        <translation>Rápido</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>Detallado</translation>
    </message>
    <message>
        <source>Quick: a summary in about a tenth of the video&apos;s length. Detailed: more frames, longer.</source>
        <translation>Rápido: un resumen en una décima parte de la duración del vídeo, aproximadamente. Detallado: más fotogramas, más tiempo.</translation>
    </message>
    <message>
        <source>How detailed the video summary is</source>
        <translation>Nivel de detalle del resumen del vídeo</translation>
    </message>
    <message>
        <source>Summarize the attached video, with chapters</source>
        <translation>Resumir el vídeo adjunto, por capítulos</translation>
    </message>
    <message>
        <source>Cannot attach %1: use images, videos, PDF, Word or text files.</source>
        <translation>No se puede adjuntar %1: usa imágenes, vídeos, PDF, Word o archivos de texto.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Images, videos and documents (%1);;All files (*)</source>
        <translation>Imágenes, vídeos y documentos (%1);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot read %1 (%2); it was not attached.</source>
        <translation>No se puede leer %1 (%2); no se ha adjuntado.</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Asistente</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Razonamiento</translation>
    </message>
    <message>
        <source>Show or hide the model&apos;s reasoning</source>
        <translation>Mostrar u ocultar el razonamiento del modelo</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Razonamiento</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Texto del mensaje</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Show the previous version</source>
        <translation>Mostrar la versión anterior</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Show the next version</source>
        <translation>Mostrar la versión siguiente</translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation>Versión %1 de %2</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Copy this message</source>
        <translation>Copiar este mensaje</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit and resend this message</source>
        <translation>Editar y volver a enviar este mensaje</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <source>Write this answer again</source>
        <translation>Volver a escribir esta respuesta</translation>
    </message>
</context>
<context>
    <name>ModelChoices</name>
    <message>
        <source>Servers: answered on another computer</source>
        <translation>Servidores: responde otro ordenador</translation>
    </message>
    <message>
        <source>%1: suits this computer</source>
        <translation>%1: adecuado para este ordenador</translation>
    </message>
    <message>
        <source>%1: for Apple Silicon, slow on this computer</source>
        <translation>%1: para Apple Silicon, lento en este ordenador</translation>
    </message>
    <message>
        <source>%1: runs on the processor</source>
        <translation>%1: funciona en el procesador</translation>
    </message>
    <message>
        <source>%1 · recommended</source>
        <translation>%1 · recomendado</translation>
    </message>
    <message>
        <source>%1 · %2 · imported</source>
        <translation>%1 · %2 · importado</translation>
    </message>
    <message>
        <source>Qwen3.5 %1 · %2 · %3 · %4 download</source>
        <translation>Qwen3.5 %1 · %2 · %3 · descarga de %4</translation>
    </message>
</context>
<context>
    <name>ModelController</name>
    <message>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation>Motor:</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Motor</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
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
        <translation>Elegir un modelo</translation>
    </message>
    <message>
        <source>Load one of the installed models</source>
        <translation>Cargar uno de los modelos instalados</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Import a model from this computer</source>
        <translation>Importar un modelo desde este ordenador</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>Importar una carpeta de modelo…</translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation>Importar un archivo GGUF…</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Descargar…</translation>
    </message>
    <message>
        <source>Download a model (once; it then runs offline)</source>
        <translation>Descargar un modelo (una vez; luego funciona sin conexión)</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 en %2 (%3)</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Ningún modelo cargado</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <source>Model server mirror</source>
        <translation>Espejo del servidor de modelos</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings</source>
        <translation>La configuración de proxy del sistema</translation>
    </message>
    <message>
        <source>Mirror (HF_ENDPOINT):</source>
        <translation>Espejo (HF_ENDPOINT):</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy:</translation>
    </message>
    <message>
        <source>Only model downloads use these. Leave the mirror empty for the Hugging Face Hub, the proxy empty for the system&apos;s settings. Example: http://proxy.example:8080</source>
        <translation>Solo las descargas de modelos los usan. Deje el espejo vacío para usar Hugging Face Hub y el proxy vacío para usar la configuración del sistema. Ejemplo: http://proxy.example:8080</translation>
    </message>
    <message>
        <source>The mirror must be an address starting with http:// or https://.</source>
        <translation>El espejo debe ser una dirección que empiece por http:// o https://.</translation>
    </message>
    <message>
        <source>The proxy must be an address starting with http:// or https://.</source>
        <translation>El proxy debe ser una dirección que empiece por http:// o https://.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Cerrar el aviso</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Número de página</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>Abrir en la aplicación predeterminada</translation>
    </message>
    <message>
        <source>Open the file in its default application</source>
        <translation>Abrir el archivo en su aplicación predeterminada</translation>
    </message>
    <message>
        <source>Page %1…</source>
        <translation>Página %1…</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
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
        <translation>Servidor de API local</translation>
    </message>
    <message>
        <source>Port %1 is not free (%2)</source>
        <translation>El puerto %1 no está libre (%2)</translation>
    </message>
    <message>
        <source>API server on %1</source>
        <translation>Servidor de API en %1</translation>
    </message>
</context>
<context>
    <name>ServerSettingsBox</name>
    <message>
        <source>Local API server</source>
        <translation>Servidor de API local</translation>
    </message>
    <message>
        <source>Let programs on this computer use the loaded model (OpenAI-compatible API)</source>
        <translation>Permitir que los programas de este equipo usen el modelo cargado (API compatible con OpenAI)</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Puerto:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Copiar token</translation>
    </message>
    <message>
        <source>Programs send it as: Authorization: Bearer TOKEN</source>
        <translation>Los programas lo envían así: Authorization: Bearer TOKEN</translation>
    </message>
    <message>
        <source>Listening on %1 (this computer only)</source>
        <translation>Escuchando en %1 (solo este equipo)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
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
        <translation>Quitar</translation>
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
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Seguir al sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>Apariencia:</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Instrucciones del sistema</translation>
    </message>
    <message>
        <source>For example: You are a concise assistant.</source>
        <translation>Por ejemplo: Eres un asistente conciso.</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>Instrucciones del sistema:</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Razonamiento</translation>
    </message>
    <message>
        <source>The model&apos;s default</source>
        <translation>Lo predeterminado del modelo</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>Pensar antes de responder</translation>
    </message>
    <message>
        <source>Answer directly</source>
        <translation>Responder directamente</translation>
    </message>
    <message>
        <source>Thinking:</source>
        <translation>Razonamiento:</translation>
    </message>
    <message>
        <source>Sampling preset</source>
        <translation>Ajuste de muestreo</translation>
    </message>
    <message>
        <source>The model card&apos;s recommendation</source>
        <translation>Lo recomendado en la ficha del modelo</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source>Sampling:</source>
        <translation>Muestreo:</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
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
        <translation>Penalización por presencia</translation>
    </message>
    <message>
        <source>Longest answer in tokens</source>
        <translation>Respuesta más larga en tokens</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatura:</translation>
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
        <translation>Penalización por presencia:</translation>
    </message>
    <message>
        <source>Longest answer (tokens):</source>
        <translation>Respuesta más larga (tokens):</translation>
    </message>
    <message>
        <source>Mirror and proxy…</source>
        <translation>Espejo y proxy…</translation>
    </message>
    <message>
        <source>Network settings for downloads</source>
        <translation>Configuración de red para las descargas</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Red:</translation>
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
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>%1, page %2, section “%3”</source>
        <translation>%1, página %2, sección «%3»</translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1, página %2</translation>
    </message>
    <message>
        <source>%1, section “%2”</source>
        <translation>%1, sección «%2»</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1: «%2»</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Watching part %1 of %2…</source>
        <translation>Viendo la parte %1 de %2…</translation>
    </message>
    <message>
        <source>Summarizing the document, part %1 of %2…</source>
        <translation>Resumiendo el documento, parte %1 de %2…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Cargando el modelo…</translation>
    </message>
    <message>
        <source>Asking the model server for the file list…</source>
        <translation>Pidiendo la lista de archivos al servidor de modelos…</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Descargando…</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Comprobando los archivos…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>Reading the video…</source>
        <translation>Leyendo el vídeo…</translation>
    </message>
    <message>
        <source>Watching the video…</source>
        <translation>Viendo el vídeo…</translation>
    </message>
    <message>
        <source>Writing the summary…</source>
        <translation>Escribiendo el resumen…</translation>
    </message>
    <message>
        <source>Reading the documents…</source>
        <translation>Leyendo los documentos…</translation>
    </message>
    <message>
        <source>Looking for changed documents…</source>
        <translation>Buscando documentos modificados…</translation>
    </message>
    <message>
        <source>Indexing the documents…</source>
        <translation>Indexando los documentos…</translation>
    </message>
    <message>
        <source>Documents ready.</source>
        <translation>Documentos listos.</translation>
    </message>
    <message>
        <source>Searching the documents…</source>
        <translation>Buscando en los documentos…</translation>
    </message>
    <message>
        <source>Reading the prompt…</source>
        <translation>Leyendo la petición…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message numerus="yes">
        <source>%n tokens · {tps:.1f} tokens/s</source>
        <translation>
            <numerusform>%n token · {tps:.1f} tokens/s</numerusform>
            <numerusform>%n tokens · {tps:.1f} tokens/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · {tps:.1f} tokens/s · first token after {ttft:.2f} s</source>
        <translation>
            <numerusform>%n token · {tps:.1f} tokens/s · primer token tras {ttft:.2f} s</numerusform>
            <numerusform>%n tokens · {tps:.1f} tokens/s · primer token tras {ttft:.2f} s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln tokens reused</source>
        <translation>
            <numerusform> · %Ln token reutilizado</numerusform>
            <numerusform> · %Ln tokens reutilizados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextViewer</name>
    <message>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>Abrir en la aplicación predeterminada</translation>
    </message>
    <message>
        <source>Open the file in its default application</source>
        <translation>Abrir el archivo en su aplicación predeterminada</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>Texto del documento</translation>
    </message>
    <message>
        <source>The cited passage is highlighted.</source>
        <translation>El pasaje citado está resaltado.</translation>
    </message>
    <message>
        <source>The cited passage was not found in the file.</source>
        <translation>No se encontró el pasaje citado en el archivo.</translation>
    </message>
</context>
</TS>
