<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChatInput</name>
    <message>
        <source>Ask anything. Enter sends, Shift+Enter starts a new line.</source>
        <translation>Posez votre question. Entrée envoie, Maj+Entrée passe à la ligne.</translation>
    </message>
    <message>
        <source>Message to send</source>
        <translation>Message à envoyer</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>New conversation</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Rédaction…</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 jeton</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n jeton</numerusform>
            <numerusform>%n jetons</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <source>Interrupted: the app closed before this answer ended</source>
        <translation>Interrompue : l’application s’est fermée avant la fin de cette réponse</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copier le code</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <source>Summarize</source>
        <translation>Résumer</translation>
    </message>
    <message>
        <source>Summarize this video, with chapters</source>
        <translation>Résumer cette vidéo, avec des chapitres</translation>
    </message>
    <message>
        <source>Summarize %1</source>
        <translation>Résumer %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Attach images, videos or documents (Ctrl+O)</source>
        <translation>Joindre des images, vidéos ou documents (Ctrl+O)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Fichiers joints</translation>
    </message>
    <message>
        <source>Drop to attach to your message</source>
        <translation>Déposez pour joindre à votre message</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>Search conversations</source>
        <translation>Rechercher dans les conversations</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>Nouvelle conversation (Ctrl+N)</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>Renommer la conversation</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Supprimer la conversation</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom :</translation>
    </message>
</context>
<context>
    <name>DocsPanel</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Answer from these documents</source>
        <translation>Répondre à partir de ces documents</translation>
    </message>
    <message>
        <source>Questions are answered from the documents below, with their sources.</source>
        <translation>Les questions reçoivent une réponse tirée des documents ci-dessous, avec leurs sources.</translation>
    </message>
    <message>
        <source>Documents and their indexing status</source>
        <translation>Documents et état de leur indexation</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Add a folder of documents</source>
        <translation>Ajouter un dossier de documents</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected documents</source>
        <translation>Retirer les documents sélectionnés</translation>
    </message>
    <message>
        <source>Drop PDF, Word or text files, or a folder.</source>
        <translation>Déposez des fichiers PDF, Word ou texte, ou un dossier.</translation>
    </message>
    <message>
        <source>(%1 of %2)</source>
        <translation>(%1 sur %2)</translation>
    </message>
    <message>
        <source>%1 ready, %2 failed.</source>
        <translation>%1 prêts, %2 en échec.</translation>
    </message>
    <message>
        <source>Show which documents</source>
        <translation>Documents à afficher</translation>
    </message>
    <message>
        <source>All documents (%1)</source>
        <translation>Tous les documents (%1)</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>En échec (%1)</translation>
    </message>
    <message>
        <source>Being indexed (%1)</source>
        <translation>En cours d’indexation (%1)</translation>
    </message>
    <message>
        <source>Ready (%1)</source>
        <translation>Prêts (%1)</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec : %1</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>indexing…</source>
        <translation>indexation…</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>What can I help with?</source>
        <translation>Comment puis-je vous aider ?</translation>
    </message>
    <message>
        <source>Everything stays on this computer.</source>
        <translation>Tout reste sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Drop images, videos or documents anywhere in the window to use them.</source>
        <translation>Déposez des images, vidéos ou documents n&apos;importe où dans la fenêtre pour les utiliser.</translation>
    </message>
    <message>
        <source>Describe an image</source>
        <translation>Décrire une image</translation>
    </message>
    <message>
        <source>Summarize a video</source>
        <translation>Résumer une vidéo</translation>
    </message>
    <message>
        <source>Ask your documents</source>
        <translation>Interroger vos documents</translation>
    </message>
    <message>
        <source>Explain a topic simply</source>
        <translation>Expliquer un sujet simplement</translation>
    </message>
    <message>
        <source>Draft an email</source>
        <translation>Rédiger un e-mail</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>Un problème est survenu : {detail}</translation>
    </message>
    <message>
        <source>No model was found ({detail}). Download one or import a model folder.</source>
        <translation>Aucun modèle trouvé ({detail}). Téléchargez-en un ou importez un dossier de modèle.</translation>
    </message>
    <message>
        <source>This is not a Qwen3.5 model ({detail}).</source>
        <translation>Ce n’est pas un modèle Qwen3.5 ({detail}).</translation>
    </message>
    <message>
        <source>The model is incomplete ({detail}). Download it again.</source>
        <translation>Le modèle est incomplet ({detail}). Téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>The model could not be loaded: {detail}</source>
        <translation>Impossible de charger le modèle : {detail}</translation>
    </message>
    <message>
        <source>That engine cannot run here: {detail}</source>
        <translation>Ce moteur ne peut pas fonctionner ici : {detail}</translation>
    </message>
    <message>
        <source>That device is not available: {detail}</source>
        <translation>Ce périphérique n’est pas disponible : {detail}</translation>
    </message>
    <message>
        <source>This model cannot take that input: {detail}</source>
        <translation>Ce modèle n’accepte pas cette entrée : {detail}</translation>
    </message>
    <message>
        <source>The conversation is too long for this model ({detail}). Start a new conversation.</source>
        <translation>La conversation est trop longue pour ce modèle ({detail}). Commencez une nouvelle conversation.</translation>
    </message>
    <message>
        <source>The model {detail} is in use. Unload it or close Cairn first.</source>
        <translation>Le modèle {detail} est en cours d’utilisation. Déchargez-le ou fermez d’abord Cairn.</translation>
    </message>
    <message>
        <source>The model&apos;s chat template failed ({detail}). Use another build of the model.</source>
        <translation>Le modèle de conversation du modèle a échoué ({detail}). Utilisez une autre version du modèle.</translation>
    </message>
    <message>
        <source>The image was not found: {detail}</source>
        <translation>Image introuvable : {detail}</translation>
    </message>
    <message>
        <source>The image cannot be read: {detail}. Use a PNG, JPEG, WebP, GIF or BMP file.</source>
        <translation>Impossible de lire l’image : {detail}. Utilisez un fichier PNG, JPEG, WebP, GIF ou BMP.</translation>
    </message>
    <message>
        <source>The image is truncated or damaged: {detail}</source>
        <translation>L’image est tronquée ou endommagée : {detail}</translation>
    </message>
    <message>
        <source>The image is too large: {detail}</source>
        <translation>L’image est trop grande : {detail}</translation>
    </message>
    <message>
        <source>The video was not found: {detail}</source>
        <translation>Vidéo introuvable : {detail}</translation>
    </message>
    <message>
        <source>The video is empty: {detail}</source>
        <translation>La vidéo est vide : {detail}</translation>
    </message>
    <message>
        <source>The video cannot be read: {detail}. Use MP4, AVI, MKV or WebM.</source>
        <translation>Impossible de lire la vidéo : {detail}. Utilisez MP4, AVI, MKV ou WebM.</translation>
    </message>
    <message>
        <source>The video&apos;s frames are too large: {detail}</source>
        <translation>Les images de la vidéo sont trop grandes : {detail}</translation>
    </message>
    <message>
        <source>The model server could not be reached. Check that this computer is online, then press Retry. What was already downloaded is kept.</source>
        <translation>Le serveur de modèles est injoignable. Vérifiez que cet ordinateur est en ligne, puis cliquez sur Réessayer. Ce qui est déjà téléchargé est conservé.</translation>
    </message>
    <message>
        <source>The download stopped before it finished. Press Retry to go on from where it stopped.</source>
        <translation>Le téléchargement s’est arrêté avant la fin. Cliquez sur Réessayer pour reprendre là où il s’est arrêté.</translation>
    </message>
    <message>
        <source>The model server refused the download. The model may need an access token.</source>
        <translation>Le serveur de modèles a refusé le téléchargement. Le modèle demande peut-être un jeton d’accès.</translation>
    </message>
    <message>
        <source>The model server does not have this model (any more).</source>
        <translation>Le serveur de modèles n’a pas (ou plus) ce modèle.</translation>
    </message>
    <message>
        <source>There is not enough free disk space for this model. Free some space, then press Retry.</source>
        <translation>Il n’y a pas assez d’espace disque libre pour ce modèle. Libérez de l’espace, puis cliquez sur Réessayer.</translation>
    </message>
    <message>
        <source>A downloaded file was damaged on the way. Press Retry to fetch it again.</source>
        <translation>Un fichier téléchargé a été endommagé en route. Cliquez sur Réessayer pour le récupérer à nouveau.</translation>
    </message>
    <message>
        <source>The documents are in another language than the question: the sources below are the closest found and may not match it.</source>
        <translation>Les documents sont dans une autre langue que la question : les sources ci-dessous sont les plus proches trouvées et peuvent ne pas y répondre.</translation>
    </message>
    <message>
        <source>There is not enough disk space: {detail}</source>
        <translation>Espace disque insuffisant : {detail}</translation>
    </message>
    <message>
        <source>The model server refused access: {detail}</source>
        <translation>Le serveur de modèles a refusé l’accès : {detail}</translation>
    </message>
    <message>
        <source>The model server does not have it: {detail}</source>
        <translation>Le serveur de modèles ne l’a pas : {detail}</translation>
    </message>
    <message>
        <source>A downloaded file is damaged ({detail}). Download it again.</source>
        <translation>Un fichier téléchargé est endommagé ({detail}). Téléchargez-le à nouveau.</translation>
    </message>
    <message>
        <source>The download failed: {detail}</source>
        <translation>Le téléchargement a échoué : {detail}</translation>
    </message>
    <message>
        <source>The document was not found: {detail}</source>
        <translation>Document introuvable : {detail}</translation>
    </message>
    <message>
        <source>The document is password protected: {detail}</source>
        <translation>Le document est protégé par un mot de passe : {detail}</translation>
    </message>
    <message>
        <source>The document is damaged: {detail}</source>
        <translation>Le document est endommagé : {detail}</translation>
    </message>
    <message>
        <source>This kind of document is not supported: {detail}</source>
        <translation>Ce type de document n’est pas pris en charge : {detail}</translation>
    </message>
    <message>
        <source>The document is too large to read safely: {detail}</source>
        <translation>Le document est trop volumineux pour être lu en toute sécurité : {detail}</translation>
    </message>
    <message>
        <source>Reading the document took too long: {detail}</source>
        <translation>La lecture du document a pris trop de temps : {detail}</translation>
    </message>
    <message>
        <source>No text was found in the document: {detail}</source>
        <translation>Aucun texte trouvé dans le document : {detail}</translation>
    </message>
    <message>
        <source>The documents do not contain an answer to this question.</source>
        <translation>Les documents ne contiennent pas de réponse à cette question.</translation>
    </message>
    <message>
        <source>The question is in another language than the documents, and nothing in it matched them. Ask in the documents&apos; language, or download the embedding model (Get a model…) to search across languages.</source>
        <translation>La question est dans une autre langue que les documents et rien n’y correspond. Posez-la dans la langue des documents, ou téléchargez le modèle d’embedding (Obtenir un modèle…) pour chercher d’une langue à l’autre.</translation>
    </message>
    <message>
        <source>No documents have been added yet ({detail}). Drop some documents first.</source>
        <translation>Aucun document n’a encore été ajouté ({detail}). Déposez d’abord des documents.</translation>
    </message>
    <message>
        <source>Several documents could be meant: {detail}. Name the file you mean.</source>
        <translation>Plusieurs documents peuvent correspondre : {detail}. Précisez le fichier voulu.</translation>
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
        <translation>Ce n’est pas valide : {detail}</translation>
    </message>
    <message>
        <source>The model server cannot be reached ({detail}). Check the internet connection.</source>
        <translation>Le serveur de modèles est injoignable ({detail}). Vérifiez la connexion internet.</translation>
    </message>
    <message>
        <source>Something went wrong inside Cairn: {detail}</source>
        <translation>Un problème est survenu dans Cairn : {detail}</translation>
    </message>
    <message>
        <source>The model {detail} has not been downloaded yet.</source>
        <translation>Le modèle {detail} n’a pas encore été téléchargé.</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Welcome to Cairn</source>
        <translation>Bienvenue dans Cairn</translation>
    </message>
    <message>
        <source>Cairn runs an AI model on this computer. Nothing you type, attach or ask leaves it. First, choose a model: download one once, or import one you already have.</source>
        <translation>Cairn fait tourner un modèle d’IA sur cet ordinateur. Rien de ce que vous écrivez, joignez ou demandez n’en sort. Choisissez d’abord un modèle : téléchargez-le une seule fois, ou importez-en un que vous avez déjà.</translation>
    </message>
    <message>
        <source>Model to download</source>
        <translation>Modèle à télécharger</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Try the download again</source>
        <translation>Relancer le téléchargement</translation>
    </message>
    <message>
        <source>This is a Hugging Face model folder. On this computer it would run on MLX&apos;s processor path, which is about ten times slower than the same model as a GGUF file with llama.cpp. For speed, import or download a GGUF build instead.</source>
        <translation>C’est un dossier de modèle Hugging Face. Sur cet ordinateur, il tournerait par la voie processeur de MLX, environ dix fois plus lente que le même modèle en fichier GGUF avec llama.cpp. Pour la vitesse, importez ou téléchargez plutôt une version GGUF.</translation>
    </message>
    <message>
        <source>Import anyway</source>
        <translation>Importer quand même</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Télécharger</translation>
    </message>
    <message>
        <source>Download the chosen model</source>
        <translation>Télécharger le modèle choisi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the download</source>
        <translation>Annuler le téléchargement</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progression du téléchargement</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>Importer un dossier de modèle…</translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation>Importer un fichier GGUF…</translation>
    </message>
    <message>
        <source>Back to the chat</source>
        <translation>Retour à la discussion</translation>
    </message>
    <message>
        <source>Show all builds (MLX runs slowly on this computer)</source>
        <translation>Afficher toutes les versions (MLX est lent sur cet ordinateur)</translation>
    </message>
    <message>
        <source>Network…</source>
        <translation>Réseau…</translation>
    </message>
    <message>
        <source>Mirror and proxy for downloads</source>
        <translation>Miroir et proxy pour les téléchargements</translation>
    </message>
    <message>
        <source>Recommended for this computer: Qwen3.5 %1. It needs about %2 of memory and %3 of disk space.</source>
        <translation>Recommandé pour cet ordinateur : Qwen3.5 %1. Il lui faut environ %2 de mémoire et %3 d’espace disque.</translation>
    </message>
    <message>
        <source>Resume download</source>
        <translation>Reprendre le téléchargement</translation>
    </message>
    <message>
        <source>Choose a Qwen3.5 model folder</source>
        <translation>Choisir un dossier de modèle Qwen3.5</translation>
    </message>
    <message>
        <source>Choose a GGUF model file</source>
        <translation>Choisir un fichier de modèle GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modèles GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 at %2/s</source>
        <translation>%1 à %2/s</translation>
    </message>
    <message numerus="yes">
        <source>%1, about %n minute(s) left</source>
        <translation>
            <numerusform>%1, environ %n minute restante</numerusform>
            <numerusform>%1, environ %n minutes restantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: your Hub token is sent unencrypted (plain http) to %1. Use an https mirror.</source>
        <translation>Attention : votre jeton Hub est envoyé sans chiffrement (http simple) à %1. Utilisez un miroir https.</translation>
    </message>
    <message>
        <source>Fetching %1</source>
        <translation>Récupération de %1</translation>
    </message>
    <message>
        <source>The model is ready.</source>
        <translation>Le modèle est prêt.</translation>
    </message>
    <message>
        <source>Download paused. The part already fetched is kept: resume at any time.</source>
        <translation>Téléchargement en pause. La partie déjà récupérée est conservée : reprenez quand vous voulez.</translation>
    </message>
</context>
<context>
    <name>FrameViewer</name>
    <message>
        <source>%1 – frame viewer</source>
        <translation>%1 – visionneuse d’images</translation>
    </message>
    <message>
        <source>Video frame</source>
        <translation>Image de la vidéo</translation>
    </message>
    <message>
        <source>Position in the video</source>
        <translation>Position dans la vidéo</translation>
    </message>
    <message>
        <source>Time of the frame</source>
        <translation>Instant de l’image</translation>
    </message>
    <message>
        <source>Seeking %1…</source>
        <translation>Recherche de %1…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
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
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Envoyer le message</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Envoyer (Entrée)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Stop the answer</source>
        <translation>Arrêter la réponse</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>Arrêter (Échap)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Réglages…</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>Paramètres (Ctrl+,)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export the conversation to Markdown (Ctrl+E)</source>
        <translation>Exporter la conversation en Markdown (Ctrl+E)</translation>
    </message>
    <message>
        <source>Get a model…</source>
        <translation>Obtenir un modèle…</translation>
    </message>
    <message>
        <source>Download a model or import one from disk</source>
        <translation>Télécharger un modèle ou en importer un depuis le disque</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (Ctrl+/)</source>
        <translation>Raccourcis clavier (Ctrl+/)</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Show or hide the conversations (Ctrl+B)</source>
        <translation>Afficher ou masquer les conversations (Ctrl+B)</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Show or hide the documents (Ctrl+D)</source>
        <translation>Afficher ou masquer les documents (Ctrl+D)</translation>
    </message>
    <message>
        <source>New line in the message</source>
        <translation>Nouvelle ligne dans le message</translation>
    </message>
    <message>
        <source>Stop the answer, or stop editing</source>
        <translation>Arrêter la réponse ou quitter la modification</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <source>Go to the message box</source>
        <translation>Aller à la zone de message</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>Rechercher dans les conversations</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Regenerate the last answer</source>
        <translation>Régénérer la dernière réponse</translation>
    </message>
    <message>
        <source>Copy the last answer</source>
        <translation>Copier la dernière réponse</translation>
    </message>
    <message>
        <source>Delete the selected conversation (in the list)</source>
        <translation>Supprimer la conversation sélectionnée (dans la liste)</translation>
    </message>
    <message>
        <source>Rename the selected conversation (in the list)</source>
        <translation>Renommer la conversation sélectionnée (dans la liste)</translation>
    </message>
    <message>
        <source>Show or hide the conversations</source>
        <translation>Afficher ou masquer les conversations</translation>
    </message>
    <message>
        <source>Show or hide the documents</source>
        <translation>Afficher ou masquer les documents</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Summarize this video.</source>
        <translation>Résume cette vidéo.</translation>
    </message>
    <message>
        <source>Editing a message: Enter sends it again and replaces the answers after it.</source>
        <translation>Modification d’un message : Entrée le renvoie et remplace les réponses qui suivent.</translation>
    </message>
    <message>
        <source>Export the conversation</source>
        <translation>Exporter la conversation</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Describe this image in detail.</source>
        <translation>Décris cette image en détail.</translation>
    </message>
    <message>
        <source>Explain how a rainbow forms, simply.</source>
        <translation>Explique simplement comment se forme un arc-en-ciel.</translation>
    </message>
    <message>
        <source>Draft a short, friendly email to </source>
        <translation>Rédige un e-mail court et aimable pour </translation>
    </message>
    <message>
        <source>Questions now go to your documents.</source>
        <translation>Les questions sont maintenant posées à vos documents.</translation>
    </message>
    <message>
        <source>Conversation deleted</source>
        <translation>Conversation supprimée</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
</context>
<context>
    <name>MediaPane</name>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Fichiers joints</translation>
    </message>
    <message>
        <source>Drop images, videos or documents here.</source>
        <translation>Déposez ici des images, des vidéos ou des documents.</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Add files to the next message</source>
        <translation>Ajouter des fichiers au prochain message</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected attachments</source>
        <translation>Retirer les pièces jointes sélectionnées</translation>
    </message>
    <message>
        <source>Summarize video</source>
        <translation>Résumer la vidéo</translation>
    </message>
    <message>
        <source>Quick</source>
        <translation>Rapide</translation>
    </message>
    <message>
        <source>Detailed</source>
        <translation>Détaillé</translation>
    </message>
    <message>
        <source>Quick: a summary in about a tenth of the video&apos;s length. Detailed: more frames, longer.</source>
        <translation>Rapide : un résumé en environ un dixième de la durée de la vidéo. Détaillé : plus d’images, plus long.</translation>
    </message>
    <message>
        <source>How detailed the video summary is</source>
        <translation>Niveau de détail du résumé de la vidéo</translation>
    </message>
    <message>
        <source>Summarize the attached video, with chapters</source>
        <translation>Résumer la vidéo jointe, par chapitres</translation>
    </message>
    <message>
        <source>Cannot attach %1: use images, videos, PDF, Word or text files.</source>
        <translation>Impossible de joindre %1 : utilisez des images, des vidéos, des fichiers PDF, Word ou texte.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Images, videos and documents (%1);;All files (*)</source>
        <translation>Images, vidéos et documents (%1);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read %1 (%2); it was not attached.</source>
        <translation>Impossible de lire %1 (%2) ; le fichier n’a pas été joint.</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Réflexion</translation>
    </message>
    <message>
        <source>Show or hide the model&apos;s reasoning</source>
        <translation>Afficher ou masquer le raisonnement du modèle</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Raisonnement</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Texte du message</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédente</translation>
    </message>
    <message>
        <source>Show the previous version</source>
        <translation>Afficher la version précédente</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivante</translation>
    </message>
    <message>
        <source>Show the next version</source>
        <translation>Afficher la version suivante</translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation>Version %1 sur %2</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Copy this message</source>
        <translation>Copier ce message</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Edit and resend this message</source>
        <translation>Modifier et renvoyer ce message</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <source>Write this answer again</source>
        <translation>Réécrire cette réponse</translation>
    </message>
</context>
<context>
    <name>ModelChoices</name>
    <message>
        <source>Servers: answered on another computer</source>
        <translation>Serveurs : réponse sur un autre ordinateur</translation>
    </message>
    <message>
        <source>%1: suits this computer</source>
        <translation>%1 : adapté à cet ordinateur</translation>
    </message>
    <message>
        <source>%1: for Apple Silicon, slow on this computer</source>
        <translation>%1 : pour Apple Silicon, lent sur cet ordinateur</translation>
    </message>
    <message>
        <source>%1: runs on the processor</source>
        <translation>%1 : tourne sur le processeur</translation>
    </message>
    <message>
        <source>%1 · recommended</source>
        <translation>%1 · recommandé</translation>
    </message>
    <message>
        <source>%1 · %2 · imported</source>
        <translation>%1 · %2 · importé</translation>
    </message>
    <message>
        <source>Qwen3.5 %1 · %2 · %3 · %4 download</source>
        <translation>Qwen3.5 %1 · %2 · %3 · %4 à télécharger</translation>
    </message>
</context>
<context>
    <name>ModelController</name>
    <message>
        <source>Model:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation>Moteur :</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Moteur</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatique</translation>
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
        <translation>Choisir un modèle</translation>
    </message>
    <message>
        <source>Load one of the installed models</source>
        <translation>Charger un des modèles installés</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import a model from this computer</source>
        <translation>Importer un modèle depuis cet ordinateur</translation>
    </message>
    <message>
        <source>Import a model folder…</source>
        <translation>Importer un dossier de modèle…</translation>
    </message>
    <message>
        <source>Import a GGUF file…</source>
        <translation>Importer un fichier GGUF…</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Télécharger…</translation>
    </message>
    <message>
        <source>Download a model (once; it then runs offline)</source>
        <translation>Télécharger un modèle (une fois ; il tourne ensuite hors ligne)</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)</source>
        <translation>%1 sur %2 (%3)</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Aucun modèle chargé</translation>
    </message>
</context>
<context>
    <name>NetworkDialog</name>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <source>Model server mirror</source>
        <translation>Miroir du serveur de modèles</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>The system&apos;s proxy settings</source>
        <translation>Les réglages de proxy du système</translation>
    </message>
    <message>
        <source>Mirror (HF_ENDPOINT):</source>
        <translation>Miroir (HF_ENDPOINT) :</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy :</translation>
    </message>
    <message>
        <source>Only model downloads use these. Leave the mirror empty for the Hugging Face Hub, the proxy empty for the system&apos;s settings. Example: http://proxy.example:8080</source>
        <translation>Seuls les téléchargements de modèles les utilisent. Laissez le miroir vide pour le Hugging Face Hub, le proxy vide pour les réglages du système. Exemple : http://proxy.example:8080</translation>
    </message>
    <message>
        <source>The mirror must be an address starting with http:// or https://.</source>
        <translation>Le miroir doit être une adresse commençant par http:// ou https://.</translation>
    </message>
    <message>
        <source>The proxy must be an address starting with http:// or https://.</source>
        <translation>Le proxy doit être une adresse commençant par http:// ou https://.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Fermer la notification</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Numéro de page</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>Ouvrir dans l’application par défaut</translation>
    </message>
    <message>
        <source>Open the file in its default application</source>
        <translation>Ouvrir le fichier dans son application par défaut</translation>
    </message>
    <message>
        <source>Page %1…</source>
        <translation>Page %1…</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
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
        <translation>Serveur d’API local</translation>
    </message>
    <message>
        <source>Port %1 is not free (%2)</source>
        <translation>Le port %1 n’est pas libre (%2)</translation>
    </message>
    <message>
        <source>API server on %1</source>
        <translation>Serveur d’API sur %1</translation>
    </message>
</context>
<context>
    <name>ServerSettingsBox</name>
    <message>
        <source>Local API server</source>
        <translation>Serveur d’API local</translation>
    </message>
    <message>
        <source>Let programs on this computer use the loaded model (OpenAI-compatible API)</source>
        <translation>Permettre aux programmes de cet ordinateur d’utiliser le modèle chargé (API compatible OpenAI)</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation>Copier le jeton</translation>
    </message>
    <message>
        <source>Programs send it as: Authorization: Bearer TOKEN</source>
        <translation>Les programmes l’envoient ainsi : Authorization: Bearer JETON</translation>
    </message>
    <message>
        <source>Listening on %1 (this computer only)</source>
        <translation>À l’écoute sur %1 (cet ordinateur uniquement)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
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
        <translation>Retirer</translation>
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
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Appearance:</source>
        <translation>Apparence :</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Instructions système</translation>
    </message>
    <message>
        <source>For example: You are a concise assistant.</source>
        <translation>Par exemple : Tu es un assistant concis.</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>Instructions système :</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Réflexion</translation>
    </message>
    <message>
        <source>The model&apos;s default</source>
        <translation>Valeur par défaut du modèle</translation>
    </message>
    <message>
        <source>Think before answering</source>
        <translation>Réfléchir avant de répondre</translation>
    </message>
    <message>
        <source>Answer directly</source>
        <translation>Répondre directement</translation>
    </message>
    <message>
        <source>Thinking:</source>
        <translation>Réflexion :</translation>
    </message>
    <message>
        <source>Sampling preset</source>
        <translation>Préréglage d’échantillonnage</translation>
    </message>
    <message>
        <source>The model card&apos;s recommendation</source>
        <translation>Recommandation de la fiche du modèle</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <source>Sampling:</source>
        <translation>Échantillonnage :</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Température</translation>
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
        <translation>Pénalité de présence</translation>
    </message>
    <message>
        <source>Longest answer in tokens</source>
        <translation>Réponse la plus longue, en jetons</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Température :</translation>
    </message>
    <message>
        <source>Top P:</source>
        <translation>Top P :</translation>
    </message>
    <message>
        <source>Top K:</source>
        <translation>Top K :</translation>
    </message>
    <message>
        <source>Presence penalty:</source>
        <translation>Pénalité de présence :</translation>
    </message>
    <message>
        <source>Longest answer (tokens):</source>
        <translation>Réponse la plus longue (jetons) :</translation>
    </message>
    <message>
        <source>Mirror and proxy…</source>
        <translation>Miroir et proxy…</translation>
    </message>
    <message>
        <source>Network settings for downloads</source>
        <translation>Réglages réseau pour les téléchargements</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>Réseau :</translation>
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
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>%1, page %2, section “%3”</source>
        <translation>%1, page %2, section « %3 »</translation>
    </message>
    <message>
        <source>%1, page %2</source>
        <translation>%1, page %2</translation>
    </message>
    <message>
        <source>%1, section “%2”</source>
        <translation>%1, section « %2 »</translation>
    </message>
    <message>
        <source>%1: “%2”</source>
        <translation>%1 : « %2 »</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>Watching part %1 of %2…</source>
        <translation>Visionnage de la partie %1 sur %2…</translation>
    </message>
    <message>
        <source>Summarizing the document, part %1 of %2…</source>
        <translation>Résumé du document, partie %1 sur %2…</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Chargement du modèle…</translation>
    </message>
    <message>
        <source>Asking the model server for the file list…</source>
        <translation>Demande de la liste des fichiers au serveur de modèles…</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Téléchargement…</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Vérification des fichiers…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message>
        <source>Reading the video…</source>
        <translation>Lecture de la vidéo…</translation>
    </message>
    <message>
        <source>Watching the video…</source>
        <translation>Visionnage de la vidéo…</translation>
    </message>
    <message>
        <source>Writing the summary…</source>
        <translation>Rédaction du résumé…</translation>
    </message>
    <message>
        <source>Reading the documents…</source>
        <translation>Lecture des documents…</translation>
    </message>
    <message>
        <source>Looking for changed documents…</source>
        <translation>Recherche des documents modifiés…</translation>
    </message>
    <message>
        <source>Indexing the documents…</source>
        <translation>Indexation des documents…</translation>
    </message>
    <message>
        <source>Documents ready.</source>
        <translation>Documents prêts.</translation>
    </message>
    <message>
        <source>Searching the documents…</source>
        <translation>Recherche dans les documents…</translation>
    </message>
    <message>
        <source>Reading the prompt…</source>
        <translation>Lecture de la demande…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Traitement…</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message numerus="yes">
        <source>%n tokens · {tps:.1f} tokens/s</source>
        <translation>
            <numerusform>%n jeton · {tps:.1f} jetons/s</numerusform>
            <numerusform>%n jetons · {tps:.1f} jetons/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens · {tps:.1f} tokens/s · first token after {ttft:.2f} s</source>
        <translation>
            <numerusform>%n jeton · {tps:.1f} jetons/s · premier jeton après {ttft:.2f} s</numerusform>
            <numerusform>%n jetons · {tps:.1f} jetons/s · premier jeton après {ttft:.2f} s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln tokens reused</source>
        <translation>
            <numerusform> · %Ln jeton réutilisé</numerusform>
            <numerusform> · %Ln jetons réutilisés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextViewer</name>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Open in default app</source>
        <translation>Ouvrir dans l’application par défaut</translation>
    </message>
    <message>
        <source>Open the file in its default application</source>
        <translation>Ouvrir le fichier dans son application par défaut</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>Texte du document</translation>
    </message>
    <message>
        <source>The cited passage is highlighted.</source>
        <translation>Le passage cité est surligné.</translation>
    </message>
    <message>
        <source>The cited passage was not found in the file.</source>
        <translation>Le passage cité est introuvable dans le fichier.</translation>
    </message>
</context>
</TS>
