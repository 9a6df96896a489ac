<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation>Editar cuenta</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Añadir cuenta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>SMTP-API</source>
        <translation>SMTP-API</translation>
    </message>
    <message>
        <source>as shown in Teenvio: Configuration → APIs</source>
        <translation>como aparece en Teenvio: Configuración → APIs</translation>
    </message>
    <message>
        <source>{port} — TLS</source>
        <translation>{port} — TLS</translation>
    </message>
    <message>
        <source>{port} — STARTTLS</source>
        <translation>{port} — STARTTLS</translation>
    </message>
    <message>
        <source>{label} (deprecated)</source>
        <translation>{label} (obsoleto)</translation>
    </message>
    <message>
        <source>Other port</source>
        <translation>Otro puerto</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (this computer only)</source>
        <translation>Ninguna (solo este equipo)</translation>
    </message>
    <message>
        <source>Teenvio marks port 2500 as deprecated; prefer 46500 (TLS) or 58700.</source>
        <translation>Teenvio marca el puerto 2500 como obsoleto; es preferible usar 46500 (TLS) o 58700.</translation>
    </message>
    <message>
        <source>usuario.nombredeplan</source>
        <translation>usuario.nombredeplan</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Port and security</source>
        <translation>Puerto y seguridad</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>TEA Lite REST API</source>
        <translation>API REST de TEA Lite</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL base</translation>
    </message>
    <message>
        <source>Source system</source>
        <translation>Sistema de origen</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>system certificates</source>
        <translation>certificados del sistema</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>One per line: Name &lt;address@example.com&gt;</source>
        <translation>Uno por línea: Nombre &lt;address@example.com&gt;</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Archivo de CA</translation>
    </message>
    <message>
        <source>Validated senders</source>
        <translation>Remitentes validados</translation>
    </message>
    <message>
        <source>Reply-to addresses</source>
        <translation>Direcciones de respuesta (responder a)</translation>
    </message>
    <message>
        <source>unchanged (stored in the keyring)</source>
        <translation>sin cambios (guardado en el llavero del sistema)</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>Archivo de certificado de CA</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificados (*.pem *.crt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Enter the password and/or token for the connections.</source>
        <translation>Introduce la contraseña, el token o ambos para las conexiones.</translation>
    </message>
</context>
<context>
    <name>AccountsArea</name>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Make default</source>
        <translation>Usar como predeterminada</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>{name} (sandbox)</source>
        <translation>{name} (entorno de pruebas)</translation>
    </message>
    <message>
        <source>{name} — default</source>
        <translation>{name} — predeterminada</translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation>Llavero</translation>
    </message>
    <message>
        <source>Account not saved</source>
        <translation>No se ha guardado la cuenta</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Eliminar cuenta</translation>
    </message>
    <message>
        <source>{user} at {host}:{port} ({security})</source>
        <translation>{user} en {host}:{port} ({security})</translation>
    </message>
    <message>
        <source>{url} (source system {source})</source>
        <translation>{url} (sistema de origen {source})</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Archivo de CA</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Remitentes</translation>
    </message>
    <message>
        <source>Reply-to</source>
        <translation>Responder a</translation>
    </message>
    <message>
        <source>Remove the account “{name}”? Its password and token are also deleted from the system keyring.</source>
        <translation>¿Eliminar la cuenta “{name}”? Su contraseña y su token también se borrarán del llavero del sistema.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Account not removed</source>
        <translation>No se ha eliminado la cuenta</translation>
    </message>
    <message>
        <source>Testing “{name}”…</source>
        <translation>Probando “{name}”…</translation>
    </message>
    <message>
        <source>SMTP-API</source>
        <translation>SMTP-API</translation>
    </message>
    <message>
        <source>TEA Lite</source>
        <translation>TEA Lite</translation>
    </message>
    <message>
        <source>Last test: {time}</source>
        <translation>Última prueba: {time}</translation>
    </message>
    <message>
        <source>✔ {transport}: connection and login work.</source>
        <translation>✔ {transport}: la conexión y el inicio de sesión funcionan.</translation>
    </message>
    <message>
        <source>✘ {transport}: {error}</source>
        <translation>✘ {transport}: {error}</translation>
    </message>
    <message>
        <source>No account selected.</source>
        <translation>No hay ninguna cuenta seleccionada.</translation>
    </message>
    <message>
        <source>Port 2500 is deprecated; prefer 46500 (TLS) or 58700.</source>
        <translation>El puerto 2500 está obsoleto; es preferible usar 46500 (TLS) o 58700.</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Compose</source>
        <translation>Redactar</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Images and files</source>
        <translation>Imágenes y archivos</translation>
    </message>
    <message>
        <source>Insert image…</source>
        <translation>Insertar imagen…</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Adjuntar archivo…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Inline image cid:{cid} ({name}, {size})</source>
        <translation>Imagen incrustada cid:{cid} ({name}, {size})</translation>
    </message>
    <message>
        <source>Attachment {name} ({size}), sent as a link by Teenvio</source>
        <translation>Adjunto {name} ({size}); Teenvio lo envía como enlace</translation>
    </message>
</context>
<context>
    <name>CampaignFieldsPanel</name>
    <message>
        <source>SMTP-API (one message to all)</source>
        <translation>SMTP-API (un mensaje para todos)</translation>
    </message>
    <message>
        <source>TEA Lite REST (personalised)</source>
        <translation>TEA Lite REST (personalizado)</translation>
    </message>
    <message>
        <source>Insert field</source>
        <translation>Insertar campo</translation>
    </message>
    <message>
        <source>ana@example.com, luis@example.com</source>
        <translation>ana@example.com, luis@example.com</translation>
    </message>
    <message>
        <source>Schedule the sending</source>
        <translation>Programar el envío</translation>
    </message>
    <message>
        <source>Send at</source>
        <translation>Fecha de envío</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <source>Send through</source>
        <translation>Enviar mediante</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Remitente</translation>
    </message>
    <message>
        <source>From name</source>
        <translation>Nombre del remitente</translation>
    </message>
    <message>
        <source>Reply to</source>
        <translation>Responder a</translation>
    </message>
    <message>
        <source>Reply-to name</source>
        <translation>Nombre para responder a</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Direcciones</translation>
    </message>
    <message>
        <source>Campaign id</source>
        <translation>ID de campaña</translation>
    </message>
    <message>
        <source>Source system</source>
        <translation>Sistema de origen</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programar</translation>
    </message>
    <message>
        <source>List-Unsubscribe</source>
        <translation>List-Unsubscribe</translation>
    </message>
    <message>
        <source>{name} (sandbox)</source>
        <translation>{name} (entorno de pruebas)</translation>
    </message>
    <message>
        <source>Addresses typed below</source>
        <translation>Direcciones escritas abajo</translation>
    </message>
    <message numerus="yes">
        <source>{name} (%Ln recipient(s))</source>
        <translation>
            <numerusform>{name} (%Ln destinatario)</numerusform>
            <numerusform>{name} (%Ln destinatarios)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignListModel</name>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Vía</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviándose</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Sent, some failed</source>
        <translation>Enviada, con fallos</translation>
    </message>
    <message>
        <source>Contacts imported</source>
        <translation>Contactos importados</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Sent elsewhere</source>
        <translation>Enviada desde otro sitio</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>(campaign {ref})</source>
        <translation>(campaña {ref})</translation>
    </message>
    <message>
        <source>Test: {subject}</source>
        <translation>Prueba: {subject}</translation>
    </message>
    <message numerus="yes">
        <source>{subject}
{date} through {via} to %Ln recipient(s)</source>
        <translation>
            <numerusform>{subject}
{date} por {via} a %Ln destinatario</numerusform>
            <numerusform>{subject}
{date} por {via} a %Ln destinatarios</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckActions</name>
    <message>
        <source>Send through TEA Lite</source>
        <translation>Enviar mediante TEA Lite</translation>
    </message>
    <message>
        <source>Remove the merge fields</source>
        <translation>Quitar los campos de combinación</translation>
    </message>
    <message>
        <source>Merge fields and the SMTP-API</source>
        <translation>Campos de combinación y SMTP-API</translation>
    </message>
    <message>
        <source>The SMTP-API sends the same message to every recipient, so {{ … }} fields would arrive as typed. TEA Lite sends one personalised message per recipient; removing the fields keeps their default text, if any.</source>
        <translation>La SMTP-API envía el mismo mensaje a todos los destinatarios, así que los campos {{ … }} llegarían tal cual se escribieron. TEA Lite envía un mensaje personalizado a cada destinatario; si quitas los campos, se conserva su texto predeterminado, si lo tienen.</translation>
    </message>
    <message>
        <source>Sending through TEA Lite: each recipient gets their own copy.</source>
        <translation>Envío mediante TEA Lite: cada destinatario recibe su propia copia.</translation>
    </message>
    <message>
        <source>Merge fields removed (Ctrl+Z in each field brings them back).</source>
        <translation>Campos de combinación quitados (Ctrl+Z en cada campo los recupera).</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>Pre-send checks</source>
        <translation>Comprobaciones previas al envío</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>{errors}; {warnings}.</source>
        <translation>{errors}; {warnings}.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) block sending</source>
        <translation>
            <numerusform>%n error impide el envío</numerusform>
            <numerusform>%n errores impiden el envío</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n aviso</numerusform>
            <numerusform>%n avisos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready to send, with %n warning(s).</source>
        <translation>
            <numerusform>Listo para enviar, con %n aviso.</numerusform>
            <numerusform>Listo para enviar, con %n avisos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to send.</source>
        <translation>Listo para enviar.</translation>
    </message>
    <message>
        <source>{size} KB of {limit} KB</source>
        <translation>{size} KB de {limit} KB</translation>
    </message>
</context>
<context>
    <name>ClashBox</name>
    <message>
        <source>Replace its recipients with this file&apos;s</source>
        <translation>Sustituir sus destinatarios por los de este archivo</translation>
    </message>
    <message>
        <source>Add this file&apos;s new addresses to it</source>
        <translation>Añadirle las direcciones nuevas de este archivo</translation>
    </message>
    <message>
        <source>Import it as a new list named</source>
        <translation>Importarlo como una lista nueva llamada</translation>
    </message>
    <message>
        <source>A list with this name already exists</source>
        <translation>Ya existe una lista con este nombre</translation>
    </message>
    <message numerus="yes">
        <source>“{name}” already has %n recipient(s). What should this import do?</source>
        <translation>
            <numerusform>“{name}” ya tiene %n destinatario. ¿Qué debe hacer esta importación?</numerusform>
            <numerusform>“{name}” ya tiene %n destinatarios. ¿Qué debe hacer esta importación?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeActions</name>
    <message>
        <source>&amp;New campaign</source>
        <translation>&amp;Nueva campaña</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>New from &amp;template…</source>
        <translation>Nueva desde &amp;plantilla…</translation>
    </message>
    <message>
        <source>&amp;Open HTML, MJML or .eml…</source>
        <translation>&amp;Abrir HTML, MJML o .eml…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open &amp;draft…</source>
        <translation>Abrir b&amp;orrador…</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Guardar borrador</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save draft &amp;as…</source>
        <translation>Guardar borrador &amp;como…</translation>
    </message>
    <message>
        <source>&amp;Find and replace</source>
        <translation>&amp;Buscar y reemplazar</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Generate plain text</source>
        <translation>Generar texto plano</translation>
    </message>
    <message>
        <source>Inline CSS</source>
        <translation>CSS en línea</translation>
    </message>
    <message>
        <source>Insert image…</source>
        <translation>Insertar imagen…</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>&amp;Test send…</source>
        <translation>Envío de &amp;prueba…</translation>
    </message>
    <message>
        <source>Sen&amp;d…</source>
        <translation>En&amp;viar…</translation>
    </message>
    <message>
        <source>Composer tools</source>
        <translation>Herramientas del editor</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Más</translation>
    </message>
    <message>
        <source>More commands: drafts, plain text, CSS</source>
        <translation>Más órdenes: borradores, texto plano, CSS</translation>
    </message>
</context>
<context>
    <name>ComposeArea</name>
    <message>
        <source>Checks</source>
        <translation>Comprobaciones</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Teenvio</source>
        <translation>Teenvio</translation>
    </message>
    <message>
        <source>Teenvio options</source>
        <translation>Opciones de Teenvio</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Images and files</source>
        <translation>Imágenes y archivos</translation>
    </message>
</context>
<context>
    <name>ComposeSending</name>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>SMTP-API</source>
        <translation>SMTP-API</translation>
    </message>
    <message>
        <source>TEA Lite REST</source>
        <translation>TEA Lite REST</translation>
    </message>
    <message>
        <source>Send &quot;{subject}&quot;?</source>
        <translation>¿Enviar &quot;{subject}&quot;?</translation>
    </message>
    <message>
        <source>Transport: {transport}</source>
        <translation>Transporte: {transport}</translation>
    </message>
    <message>
        <source>Account: {account}</source>
        <translation>Cuenta: {account}</translation>
    </message>
    <message>
        <source>From: {sender}</source>
        <translation>Remitente: {sender}</translation>
    </message>
    <message>
        <source>Recipients: {count}</source>
        <translation>Destinatarios: {count}</translation>
    </message>
    <message>
        <source>Size: {size} KB of {limit} KB</source>
        <translation>Tamaño: {size} KB de {limit} KB</translation>
    </message>
    <message>
        <source>Header: {cab}; social links: {social}; language: {language}</source>
        <translation>Cabecera: {cab}; enlaces a redes sociales: {social}; idioma: {language}</translation>
    </message>
    <message>
        <source>Track opens: {opens}; track clicks: {clicks}</source>
        <translation>Seguimiento de aperturas: {opens}; seguimiento de clics: {clicks}</translation>
    </message>
    <message>
        <source>Left out, as the SMTP-API cannot take them: {count} ({addresses})</source>
        <translation>Se quedan fuera, porque la SMTP-API no los admite: {count} ({addresses})</translation>
    </message>
    <message>
        <source>Campaign id: {campaign}; source system: {source}</source>
        <translation>ID de campaña: {campaign}; sistema de origen: {source}</translation>
    </message>
    <message>
        <source>List-Unsubscribe: {value}</source>
        <translation>List-Unsubscribe: {value}</translation>
    </message>
    <message>
        <source>Scheduled for {when}</source>
        <translation>Programado para el {when}</translation>
    </message>
</context>
<context>
    <name>ContentController</name>
    <message>
        <source>Open HTML, MJML or email</source>
        <translation>Abrir HTML, MJML o correo</translation>
    </message>
    <message>
        <source>HTML, MJML and email files (*.html *.htm *.mjml *.eml);;All files (*)</source>
        <translation>Archivos HTML, MJML y de correo (*.html *.htm *.mjml *.eml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Write in MJML</source>
        <translation>Escribir en MJML</translation>
    </message>
    <message>
        <source>The HTML part will be compiled from MJML from now on, replacing the HTML in the editor. Go on?</source>
        <translation>A partir de ahora la parte HTML se compilará desde MJML y sustituirá al HTML del editor. ¿Continuar?</translation>
    </message>
    <message>
        <source>Edit as HTML instead</source>
        <translation>Editar como HTML</translation>
    </message>
    <message>
        <source>The compiled HTML becomes the HTML part and the MJML source is dropped. Go on?</source>
        <translation>El HTML compilado pasa a ser la parte HTML y se descarta el código MJML. ¿Continuar?</translation>
    </message>
    <message>
        <source>Plain text generated from the HTML. Undo (Ctrl+Z) brings back yours.</source>
        <translation>Texto plano generado a partir del HTML. Deshacer (Ctrl+Z) recupera el tuyo.</translation>
    </message>
    <message>
        <source>An MJML campaign gets its styles inline from MJML when it compiles.</source>
        <translation>En una campaña MJML, MJML pone los estilos en línea al compilar.</translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation>Insertar imagen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.gif *.webp *.svg)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <source>Untitled campaign</source>
        <translation>Campaña sin título</translation>
    </message>
    <message>
        <source>Autosave failed: {error}</source>
        <translation>Error al guardar automáticamente: {error}</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Guardar borrador</translation>
    </message>
    <message>
        <source>Draft name:</source>
        <translation>Nombre del borrador:</translation>
    </message>
    <message>
        <source>Draft &quot;{title}&quot; saved.</source>
        <translation>Borrador &quot;{title}&quot; guardado.</translation>
    </message>
    <message>
        <source>{title} (recovered)</source>
        <translation>{title} (recuperado)</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Open draft</source>
        <translation>Abrir borrador</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Eliminar borrador</translation>
    </message>
    <message>
        <source>Delete the draft &quot;{title}&quot;?</source>
        <translation>¿Eliminar el borrador &quot;{title}&quot;?</translation>
    </message>
</context>
<context>
    <name>EditorTabs</name>
    <message>
        <source>HTML source</source>
        <translation>Código HTML</translation>
    </message>
    <message>
        <source>HTML part</source>
        <translation>Parte HTML</translation>
    </message>
    <message>
        <source>Plain-text part</source>
        <translation>Parte de texto plano</translation>
    </message>
    <message>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <source>MJML</source>
        <translation>MJML</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texto plano</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Composer</source>
        <translation>Redacción</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Reemplazar por</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} de {total}</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Coincidencia anterior (Mayús+Intro)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Siguiente coincidencia (Intro)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Distinguir mayúsculas y minúsculas</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Expresión regular</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Invalid expression</source>
        <translation>Expresión no válida</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n coincidencia</numerusform>
            <numerusform>%n coincidencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n reemplazada</numerusform>
            <numerusform>%n reemplazadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Reemplazar todo</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>{number}%</source>
        <translation>{number}&#xa0;%</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import recipients</source>
        <translation>Importar destinatarios</translation>
    </message>
</context>
<context>
    <name>KeyringBanner</name>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
</context>
<context>
    <name>LinkCheckDialog</name>
    <message>
        <source>Checking links</source>
        <translation>Comprobando enlaces</translation>
    </message>
    <message>
        <source>Visiting every link and image before sending…</source>
        <translation>Visitando cada enlace e imagen antes de enviar…</translation>
    </message>
    <message>
        <source>Link check progress</source>
        <translation>Progreso de la comprobación de enlaces</translation>
    </message>
    <message>
        <source>Skip the check</source>
        <translation>Omitir la comprobación</translation>
    </message>
    <message>
        <source>Links and images were not checked.</source>
        <translation>No se han comprobado los enlaces ni las imágenes.</translation>
    </message>
    <message>
        <source>Links and images: {summary}.</source>
        <translation>Enlaces e imágenes: {summary}.</translation>
    </message>
    <message>
        <source>… see the Quality tab for the rest.</source>
        <translation>… el resto, en la pestaña Calidad.</translation>
    </message>
</context>
<context>
    <name>ListsModel</name>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Merge fields</source>
        <translation>Campos de combinación</translation>
    </message>
    <message numerus="yes">
        <source>{source}, %Ln recipient(s)</source>
        <translation>
            <numerusform>{source}, %Ln destinatario</numerusform>
            <numerusform>{source}, %Ln destinatarios</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Teenvio Desktop</source>
        <translation>Teenvio Desktop</translation>
    </message>
    <message>
        <source>Connected to the local sandbox</source>
        <translation>Conectado al entorno de pruebas local</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;About Teenvio Desktop</source>
        <translation>&amp;Acerca de Teenvio Desktop</translation>
    </message>
    <message>
        <source>Colour &amp;scheme</source>
        <translation>E&amp;squema de colores</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Como el &amp;sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>About Teenvio Desktop</source>
        <translation>Acerca de Teenvio Desktop</translation>
    </message>
    <message>
        <source>Teenvio Desktop {version}

Compose email campaigns, send them through Teenvio&apos;s SMTP-API or the TEA Lite REST API, and follow what happened.</source>
        <translation>Teenvio Desktop {version}

Redacta campañas de correo electrónico, envíalas mediante la SMTP-API de Teenvio o la API REST de TEA Lite y sigue lo que ha ocurrido con ellas.</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>The other columns you tick are kept as merge fields under their names.</source>
        <translation>Las demás columnas que marques se conservan como campos de combinación con su nombre.</translation>
    </message>
    <message>
        <source>optional: reuse it for files like this</source>
        <translation>opcional: reutilízala para archivos como este</translation>
    </message>
    <message>
        <source>Email address:</source>
        <translation>Dirección de correo electrónico:</translation>
    </message>
    <message>
        <source>Recipient name:</source>
        <translation>Nombre del destinatario:</translation>
    </message>
    <message>
        <source>Merge fields:</source>
        <translation>Campos de combinación:</translation>
    </message>
    <message>
        <source>List name:</source>
        <translation>Nombre de la lista:</translation>
    </message>
    <message>
        <source>Save this mapping as:</source>
        <translation>Guardar esta asignación como:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>Always kept: {{{{ {column} }}}} works in the message.</source>
        <translation>Se conserva siempre: {{{{ {column} }}}} funciona en el mensaje.</translation>
    </message>
    <message>
        <source>A list with this name already exists: choose another name, or go Back to replace that list or add to it.</source>
        <translation>Ya existe una lista con este nombre: elige otro nombre o vuelve Atrás para sustituir esa lista o añadirle destinatarios.</translation>
    </message>
    <message>
        <source>Using the saved mapping “{name}”.</source>
        <translation>Usando la asignación guardada “{name}”.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit recipient</source>
        <translation>Editar destinatario</translation>
    </message>
    <message>
        <source>Add recipient</source>
        <translation>Añadir destinatario</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Dirección de correo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <source>&amp;Add recipient…</source>
        <translation>&amp;Añadir destinatario…</translation>
    </message>
    <message>
        <source>&amp;Edit recipient…</source>
        <translation>&amp;Editar destinatario…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Recipient not changed</source>
        <translation>No se ha cambiado el destinatario</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
</context>
<context>
    <name>MjmlPanel</name>
    <message>
        <source>MJML source</source>
        <translation>Código MJML</translation>
    </message>
    <message>
        <source>Compiled HTML (read-only)</source>
        <translation>HTML compilado (solo lectura)</translation>
    </message>
    <message>
        <source>MJML compile result</source>
        <translation>Resultado de compilar el MJML</translation>
    </message>
    <message>
        <source>MJML</source>
        <translation>MJML</translation>
    </message>
    <message>
        <source>MJML commands</source>
        <translation>Órdenes de MJML</translation>
    </message>
    <message>
        <source>Go to the problem&apos;s line</source>
        <translation>Ir a la línea del problema</translation>
    </message>
    <message>
        <source>Edit as HTML instead</source>
        <translation>Editar como HTML</translation>
    </message>
    <message>
        <source>Keep the compiled HTML as the HTML part and stop using MJML.</source>
        <translation>Conservar el HTML compilado como parte HTML y dejar de usar MJML.</translation>
    </message>
    <message>
        <source>Write the HTML part in MJML, the markup most email developers use for responsive layouts. It is compiled on this computer as you type; the preview and every check use the compiled HTML.</source>
        <translation>Escribe la parte HTML en MJML, el lenguaje que usan la mayoría de los desarrolladores de correo para diseños adaptables. Se compila en este equipo mientras escribes; la vista previa y todas las comprobaciones usan el HTML compilado.</translation>
    </message>
    <message>
        <source>Write in MJML</source>
        <translation>Escribir en MJML</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more warning(s))</source>
        <translation>
            <numerusform>(y %n aviso más)</numerusform>
            <numerusform>(y %n avisos más)</numerusform>
        </translation>
    </message>
    <message>
        <source>Compiled without errors.</source>
        <translation>Compilado sin errores.</translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <source>Areas</source>
        <translation>Áreas</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Clics</translation>
    </message>
    <message>
        <source>Unique clicks</source>
        <translation>Clics únicos</translation>
    </message>
    <message>
        <source>Top clicked links</source>
        <translation>Enlaces con más clics</translation>
    </message>
</context>
<context>
    <name>PreviewController</name>
    <message>
        <source>Dark: the message&apos;s own styles</source>
        <translation>Oscuro: los estilos del propio mensaje</translation>
    </message>
    <message>
        <source>Dark: the message has no dark styles</source>
        <translation>Oscuro: el mensaje no tiene estilos oscuros</translation>
    </message>
    <message>
        <source>light on the left</source>
        <translation>el claro a la izquierda</translation>
    </message>
    <message numerus="yes">
        <source>Images off: %n without alt text</source>
        <translation>
            <numerusform>Sin imágenes: %n sin texto alternativo</numerusform>
            <numerusform>Sin imágenes: %n sin texto alternativo</numerusform>
        </translation>
    </message>
    <message>
        <source>As Teenvio will send it (approximate)</source>
        <translation>Como lo enviará Teenvio (aproximado)</translation>
    </message>
    <message>
        <source>Teenvio adds nothing (header and social links off)</source>
        <translation>Teenvio no añade nada (cabecera y enlaces sociales desactivados)</translation>
    </message>
    <message>
        <source>Merge fields not filled in for {recipient}</source>
        <translation>Campos combinados sin rellenar para {recipient}</translation>
    </message>
    <message>
        <source>The MJML does not compile: the last version that did</source>
        <translation>El MJML no compila: se muestra la última versión que compilaba</translation>
    </message>
    <message>
        <source>The merge fields could not be filled in for {recipient}: {reason}</source>
        <translation>No se han podido rellenar los campos combinados para {recipient}: {reason}</translation>
    </message>
    <message>
        <source>The MJML does not compile ({where}): the preview shows the last version that did.</source>
        <translation>El MJML no compila ({where}): la vista previa muestra la última versión que sí compilaba.</translation>
    </message>
</context>
<context>
    <name>PreviewModeBar</name>
    <message>
        <source>Desktop</source>
        <translation>Escritorio</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Móvil</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Texto plano</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Cabeceras</translation>
    </message>
    <message>
        <source>Preview: {view}</source>
        <translation>Vista previa: {view}</translation>
    </message>
    <message>
        <source>Load images</source>
        <translation>Cargar imágenes</translation>
    </message>
    <message>
        <source>Remote images are blocked (they tell the sender you looked). Load them for this message only.</source>
        <translation>Las imágenes remotas están bloqueadas (avisan al remitente de que has mirado). Cárgalas solo para este mensaje.</translation>
    </message>
    <message>
        <source>Load remote images</source>
        <translation>Cargar imágenes remotas</translation>
    </message>
    <message>
        <source>Dark mode</source>
        <translation>Modo oscuro</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Side by side with light</source>
        <translation>Junto al modo claro</translation>
    </message>
    <message>
        <source>Show the header line and social links the SMTP-API adds, as set in Teenvio options (an approximation).</source>
        <translation>Mostrar la línea de cabecera y los enlaces sociales que añade el SMTP-API, según las opciones de Teenvio (aproximación).</translation>
    </message>
    <message>
        <source>Only the SMTP-API adds a header and social links; TEA Lite sends the message as written.</source>
        <translation>Solo el SMTP-API añade cabecera y enlaces sociales; TEA Lite envía el mensaje tal cual.</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Subject as the recipient sees it</source>
        <translation>Asunto tal como lo ve el destinatario</translation>
    </message>
    <message>
        <source>What the preview shows</source>
        <translation>Qué muestra la vista previa</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Details of the preview&apos;s conditions</source>
        <translation>Detalles de las condiciones de la vista previa</translation>
    </message>
    <message>
        <source>The preview appears here.</source>
        <translation>La vista previa aparece aquí.</translation>
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
        <source>Plain-text part as sent</source>
        <translation>Parte de texto sin formato tal como se envía</translation>
    </message>
    <message>
        <source>Message headers as sent</source>
        <translation>Cabeceras del mensaje tal como se envían</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Preview in light mode</source>
        <translation>Vista previa en modo claro</translation>
    </message>
    <message>
        <source>Subject for {recipient}: {subject}</source>
        <translation>Asunto para {recipient}: {subject}</translation>
    </message>
    <message>
        <source>Subject: {subject}</source>
        <translation>Asunto: {subject}</translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) blocked</source>
        <translation>
            <numerusform>%n imagen remota bloqueada</numerusform>
            <numerusform>%n imágenes remotas bloqueadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Abrir enlace</translation>
    </message>
    <message>
        <source>Open this link in your web browser?

{url}</source>
        <translation>¿Abrir este enlace en el navegador web?

{url}</translation>
    </message>
</context>
<context>
    <name>Prompter</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>The campaign has unsaved changes. Save them as a draft first?</source>
        <translation>La campaña tiene cambios sin guardar. ¿Quieres guardarlos antes como borrador?</translation>
    </message>
</context>
<context>
    <name>QualityController</name>
    <message>
        <source>no web links or images</source>
        <translation>no hay enlaces ni imágenes web</translation>
    </message>
    <message>
        <source>%n checked</source>
        <translation>%n comprobados</translation>
    </message>
    <message>
        <source>%n with problems</source>
        <translation>%n con problemas</translation>
    </message>
    <message>
        <source>%n redirected</source>
        <translation>%n redirigidos</translation>
    </message>
    <message>
        <source>SpamAssassin is not installed (see the advice below)</source>
        <translation>SpamAssassin no está instalado (mira el consejo de abajo)</translation>
    </message>
    <message>
        <source>{score} points (marked as spam from {threshold})</source>
        <translation>{score} puntos (se marca como spam a partir de {threshold})</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
</context>
<context>
    <name>QualityPanel</name>
    <message>
        <source>Quality summary</source>
        <translation>Resumen de calidad</translation>
    </message>
    <message>
        <source>Support by email client</source>
        <translation>Compatibilidad por cliente de correo</translation>
    </message>
    <message>
        <source>Check links</source>
        <translation>Comprobar enlaces</translation>
    </message>
    <message>
        <source>Check every link and image</source>
        <translation>Comprobar cada enlace e imagen</translation>
    </message>
    <message>
        <source>Spam score</source>
        <translation>Puntuación de spam</translation>
    </message>
    <message>
        <source>Spam score with SpamAssassin</source>
        <translation>Puntuación de spam con SpamAssassin</translation>
    </message>
    <message>
        <source>Quality findings</source>
        <translation>Hallazgos de calidad</translation>
    </message>
    <message>
        <source>not checked yet (links are visited only on request)</source>
        <translation>sin comprobar (los enlaces solo se visitan cuando lo pides)</translation>
    </message>
    <message>
        <source>not scored yet</source>
        <translation>sin puntuar todavía</translation>
    </message>
    <message>
        <source>Email clients: nothing to score yet.</source>
        <translation>Clientes de correo: aún no hay nada que puntuar.</translation>
    </message>
    <message>
        <source>{client} {percent}</source>
        <translation>{client} {percent}</translation>
    </message>
    <message>
        <source>Email clients: {overall} overall. {clients}.</source>
        <translation>Clientes de correo: {overall} en total. {clients}.</translation>
    </message>
    <message>
        <source>Support of this message&apos;s features (caniemail {version}).</source>
        <translation>Compatibilidad con las características de este mensaje (caniemail {version}).</translation>
    </message>
    <message>
        <source>{value}%</source>
        <translation>{value} %</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n aviso</numerusform>
            <numerusform>%n avisos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) of advice</source>
        <translation>
            <numerusform>%n consejo</numerusform>
            <numerusform>%n consejos</numerusform>
        </translation>
    </message>
    <message>
        <source>Email-client compatibility</source>
        <translation>Compatibilidad con clientes de correo</translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation>Accesibilidad</translation>
    </message>
    <message>
        <source>Links and images</source>
        <translation>Enlaces e imágenes</translation>
    </message>
    <message>
        <source>{group}: {counts}</source>
        <translation>{group}: {counts}</translation>
    </message>
    <message>
        <source>{title}; {status}</source>
        <translation>{title}; {status}</translation>
    </message>
    <message>
        <source>{message} (line {line})</source>
        <translation>{message} (línea {line})</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more place(s)</source>
        <translation>
            <numerusform>… y %n sitio más</numerusform>
            <numerusform>… y %n sitios más</numerusform>
        </translation>
    </message>
    <message>
        <source>Also at line {line}, column {column}</source>
        <translation>También en la línea {line}, columna {column}</translation>
    </message>
</context>
<context>
    <name>RecipientPicker</name>
    <message>
        <source>Preview with the data of</source>
        <translation>Vista previa con los datos de</translation>
    </message>
    <message>
        <source>Recipient whose data the preview shows</source>
        <translation>Destinatario cuyos datos muestra la vista previa</translation>
    </message>
    <message>
        <source>Search by address</source>
        <translation>Buscar por dirección</translation>
    </message>
    <message>
        <source>Nobody (fields as written)</source>
        <translation>Nadie (campos tal cual)</translation>
    </message>
</context>
<context>
    <name>RecipientsArea</name>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Cambiar &amp;nombre…</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Combinar…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Drop a CSV, XLSX or ODS file here to import it.</source>
        <translation>Suelta aquí un archivo CSV, XLSX u ODS para importarlo.</translation>
    </message>
    <message>
        <source>Search address or name</source>
        <translation>Buscar dirección o nombre</translation>
    </message>
    <message>
        <source>Recipient lists</source>
        <translation>Listas de destinatarios</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listas</translation>
    </message>
    <message>
        <source>Recipients of the list</source>
        <translation>Destinatarios de la lista</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Choose a list to see its recipients.</source>
        <translation>Elige una lista para ver sus destinatarios.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s)</source>
        <translation>
            <numerusform>%Ln destinatario</numerusform>
            <numerusform>%Ln destinatarios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln recipient(s)</source>
        <translation>
            <numerusform>{shown} de %Ln destinatario</numerusform>
            <numerusform>{shown} de %Ln destinatarios</numerusform>
        </translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <source>Rename list</source>
        <translation>Cambiar nombre de la lista</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nombre nuevo:</translation>
    </message>
    <message>
        <source>Merge lists</source>
        <translation>Combinar listas</translation>
    </message>
    <message>
        <source>Name of the merged list (repeated addresses are kept once):</source>
        <translation>Nombre de la lista combinada (las direcciones repetidas se conservan una sola vez):</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>Exportar lista</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Delete lists</source>
        <translation>Eliminar listas</translation>
    </message>
    <message>
        <source>Delete {names}? This cannot be undone.</source>
        <translation>¿Eliminar {names}? Esta acción no se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>RecoveryBanner</name>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>The app did not close properly. Unsaved work from {time} (&quot;{subject}&quot;) was recovered. Restore it?</source>
        <translation>La aplicación no se cerró correctamente. Se ha recuperado el trabajo sin guardar de {time} (&quot;{subject}&quot;). ¿Quieres restaurarlo?</translation>
    </message>
</context>
<context>
    <name>Resend</name>
    <message>
        <source>Send the message again to the recipients that may already have it ({count}: {addresses})? No answer from TEA Lite said whether they got it, so some may receive it twice.</source>
        <translation>¿Enviar de nuevo el mensaje a los destinatarios que quizá ya lo tengan ({count}: {addresses})? Ninguna respuesta de TEA Lite confirmó si les llegó, así que algunos podrían recibirlo dos veces.</translation>
    </message>
    <message>
        <source>Send again anyway</source>
        <translation>Enviar de nuevo de todos modos</translation>
    </message>
    <message>
        <source>Not sent again</source>
        <translation>No se ha vuelto a enviar</translation>
    </message>
</context>
<context>
    <name>RestSend</name>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Reintentando</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>May have been sent</source>
        <translation>Quizá se envió</translation>
    </message>
    <message>
        <source>Temporary failure</source>
        <translation>Fallo temporal</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Server unavailable</source>
        <translation>Servidor no disponible</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <source>Merge field not filled in</source>
        <translation>Campo de combinación sin rellenar</translation>
    </message>
    <message>
        <source>On the suppression list</source>
        <translation>En la lista de supresión</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Message ID</source>
        <translation>ID de mensaje</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation>No se puede reanudar</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation>&amp;Cancelar importación</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Válidos:</translation>
    </message>
    <message>
        <source>Invalid:</source>
        <translation>No válidos:</translation>
    </message>
    <message>
        <source>Duplicates:</source>
        <translation>Duplicados:</translation>
    </message>
    <message>
        <source>Suppressed:</source>
        <translation>Excluidos:</translation>
    </message>
    <message>
        <source>&amp;Export rejected rows…</source>
        <translation>&amp;Exportar filas rechazadas…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message numerus="yes">
        <source>Importing… %Ln row(s) read</source>
        <translation>
            <numerusform>Importando… %Ln fila leída</numerusform>
            <numerusform>Importando… %Ln filas leídas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The list “{name}” is ready with %Ln recipient(s).</source>
        <translation>
            <numerusform>La lista “{name}” está lista con %Ln destinatario.</numerusform>
            <numerusform>La lista “{name}” está lista con %Ln destinatarios.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was saved.</source>
        <translation>Importación cancelada. No se ha guardado nada.</translation>
    </message>
    <message>
        <source>Export rejected rows</source>
        <translation>Exportar filas rechazadas</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>{count} rejected rows written to {file}.</source>
        <translation>{count} filas rechazadas escritas en {file}.</translation>
    </message>
</context>
<context>
    <name>ResultsArea</name>
    <message>
        <source>Bounces</source>
        <translation>Rebotes</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Aperturas</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Clics</translation>
    </message>
    <message>
        <source>Unsubscribes</source>
        <translation>Bajas</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campañas</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Fetch the newest statistics from Teenvio now</source>
        <translation>Descargar ahora de Teenvio las estadísticas más recientes</translation>
    </message>
    <message>
        <source>Save as list</source>
        <translation>Guardar como lista</translation>
    </message>
    <message>
        <source>Save the people who did not open, or who clicked, as a recipient list</source>
        <translation>Guardar como lista de destinatarios a quienes no abrieron o a quienes hicieron clic</translation>
    </message>
    <message>
        <source>People who did not open</source>
        <translation>Quienes no abrieron</translation>
    </message>
    <message>
        <source>People who clicked</source>
        <translation>Quienes hicieron clic</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to {path}.</source>
        <translation>
            <numerusform>Se ha exportado %Ln fila a {path}.</numerusform>
            <numerusform>Se han exportado %Ln filas a {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved the list “{name}” with %Ln recipient(s).</source>
        <translation>
            <numerusform>Se ha guardado la lista “{name}” con %Ln destinatario.</numerusform>
            <numerusform>Se ha guardado la lista “{name}” con %Ln destinatarios.</numerusform>
        </translation>
    </message>
    <message>
        <source>TEA Lite token</source>
        <translation>Token de TEA Lite</translation>
    </message>
    <message>
        <source>The token was rejected. Enter the account&apos;s TEA Lite token:</source>
        <translation>Se ha rechazado el token. Introduce el token de TEA Lite de la cuenta:</translation>
    </message>
    <message>
        <source>Campaign {id}</source>
        <translation>Campaña {id}</translation>
    </message>
    <message>
        <source>No TEA Lite connection is configured for this campaign&apos;s account, so its statistics cannot be fetched. Add the account&apos;s TEA Lite details in Accounts.</source>
        <translation>No hay ninguna conexión de TEA Lite configurada para la cuenta de esta campaña, así que no se pueden obtener sus estadísticas. Añade los datos de TEA Lite de la cuenta en Cuentas.</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Exportar a CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ResultsHeader</name>
    <message>
        <source>Choose a campaign.</source>
        <translation>Elige una campaña.</translation>
    </message>
    <message>
        <source>TEA Lite rejected the token, so polling stopped. Enter a valid token to go on.</source>
        <translation>TEA Lite rechazó el token, así que se ha detenido la consulta periódica. Introduce un token válido para continuar.</translation>
    </message>
    <message>
        <source>Enter token…</source>
        <translation>Introducir token…</translation>
    </message>
    <message>
        <source>Last synced: {time}</source>
        <translation>Última sincronización: {time}</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Aún no se ha sincronizado.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>(polling stopped)</source>
        <translation>(consulta periódica detenida)</translation>
    </message>
    <message>
        <source>Last error ({time}): {error}</source>
        <translation>Último error ({time}): {error}</translation>
    </message>
</context>
<context>
    <name>ResumeCampaignsDialog</name>
    <message>
        <source>Unfinished campaigns</source>
        <translation>Campañas sin terminar</translation>
    </message>
    <message>
        <source>{subject} (campaign {ref}): {accepted} of {total} sent</source>
        <translation>{subject} (campaña {ref}): {accepted} de {total} enviados</translation>
    </message>
    <message>
        <source>Resume sending</source>
        <translation>Reanudar envío</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>These campaigns stopped before every message was sent. Resuming sends only the messages not yet accepted.</source>
        <translation>Estas campañas se detuvieron antes de enviar todos los mensajes. Al reanudarlas solo se envían los mensajes que aún no se han aceptado.</translation>
    </message>
</context>
<context>
    <name>SendController</name>
    <message>
        <source>Cannot send yet</source>
        <translation>Todavía no se puede enviar</translation>
    </message>
    <message>
        <source>Send campaign</source>
        <translation>Enviar campaña</translation>
    </message>
    <message>
        <source>Test not sent</source>
        <translation>No se ha enviado la prueba</translation>
    </message>
    <message>
        <source>Test message sent.</source>
        <translation>Mensaje de prueba enviado.</translation>
    </message>
    <message numerus="yes">
        <source>Sent to %n recipient(s).</source>
        <translation>
            <numerusform>Enviado a %n destinatario.</numerusform>
            <numerusform>Enviado a %n destinatarios.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not everyone was sent to</source>
        <translation>No se ha enviado a todos</translation>
    </message>
    <message>
        <source>Sending cancelled.</source>
        <translation>Envío cancelado.</translation>
    </message>
</context>
<context>
    <name>SendNotesPanel</name>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Show or hide who was not sent to, and why</source>
        <translation>Muestra u oculta a quién no se envió y por qué</translation>
    </message>
    <message>
        <source>Send again anyway…</source>
        <translation>Enviar de nuevo de todos modos…</translation>
    </message>
</context>
<context>
    <name>SendNotesText</name>
    <message numerus="yes">
        <source>%n recipient(s) left out: the SMTP-API cannot take addresses with characters other than plain letters and digits before the @ ({addresses}). Send them through TEA Lite, or correct the addresses in the list.</source>
        <translation>
            <numerusform>%n destinatario se ha quedado fuera: la SMTP-API no admite direcciones con caracteres que no sean letras sin tilde y dígitos antes de la @ ({addresses}). Envíaselo mediante TEA Lite o corrige la dirección en la lista.</numerusform>
            <numerusform>%n destinatarios se han quedado fuera: la SMTP-API no admite direcciones con caracteres que no sean letras sin tilde y dígitos antes de la @ ({addresses}). Envíaselos mediante TEA Lite o corrige las direcciones en la lista.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) refused by the server: {addresses}</source>
        <translation>
            <numerusform>%n destinatario rechazado por el servidor: {addresses}</numerusform>
            <numerusform>%n destinatarios rechazados por el servidor: {addresses}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) may have been sent: no answer from TEA Lite confirmed it ({addresses}). They are not sent again unless you choose “Send again anyway”; they may then receive the message twice.</source>
        <translation>
            <numerusform>%n destinatario quizá ya recibió el mensaje: ninguna respuesta de TEA Lite lo confirmó ({addresses}). No se le vuelve a enviar salvo que elijas “Enviar de nuevo de todos modos”; en ese caso podría recibir el mensaje dos veces.</numerusform>
            <numerusform>%n destinatarios quizá ya recibieron el mensaje: ninguna respuesta de TEA Lite lo confirmó ({addresses}). No se les vuelve a enviar salvo que elijas “Enviar de nuevo de todos modos”; en ese caso podrían recibir el mensaje dos veces.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) left out</source>
        <translation>
            <numerusform>%n destinatario se ha quedado fuera</numerusform>
            <numerusform>%n destinatarios se han quedado fuera</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) refused by the server</source>
        <translation>
            <numerusform>%n destinatario rechazado por el servidor</numerusform>
            <numerusform>%n destinatarios rechazados por el servidor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) may have been sent</source>
        <translation>
            <numerusform>%n destinatario quizá ya recibió el mensaje</numerusform>
            <numerusform>%n destinatarios quizá ya recibieron el mensaje</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>How the file is read</source>
        <translation>Cómo se lee el archivo</translation>
    </message>
    <message>
        <source>Detected automatically; change anything that looks wrong.</source>
        <translation>Detectado automáticamente; cambia lo que no parezca correcto.</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detectar</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulador</translation>
    </message>
    <message>
        <source>First row is a header</source>
        <translation>La primera fila es una cabecera</translation>
    </message>
    <message>
        <source>No header row</source>
        <translation>Sin fila de cabecera</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Codificación:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Delimitador:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Hoja:</translation>
    </message>
    <message>
        <source>Header:</source>
        <translation>Cabecera:</translation>
    </message>
    <message>
        <source>Rows to skip before the header:</source>
        <translation>Filas que omitir antes de la cabecera:</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <source>Detected: encoding {encoding}, delimiter {delimiter}, {header}.</source>
        <translation>Detectado: codificación {encoding}, delimitador {delimiter}, {header}.</translation>
    </message>
    <message>
        <source>Workbook: sheet {sheet}, {header}.</source>
        <translation>Libro: hoja {sheet}, {header}.</translation>
    </message>
    <message>
        <source>with a header row</source>
        <translation>con fila de cabecera</translation>
    </message>
    <message>
        <source>no header row</source>
        <translation>sin fila de cabecera</translation>
    </message>
    <message>
        <source>email</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Teenvio Desktop</source>
        <translation>Teenvio Desktop</translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation>el proceso {pid} en {host}</translation>
    </message>
    <message>
        <source>another process</source>
        <translation>otro proceso</translation>
    </message>
    <message>
        <source>The data directory {path} is in use by {who}, which did not answer. Close the other Teenvio Desktop window (or wait for it to finish), or start with --data-dir to use another directory.</source>
        <translation>La carpeta de datos {path} la está usando {who}, que no ha respondido. Cierra la otra ventana de Teenvio Desktop (o espera a que termine), o arranca con --data-dir para usar otra carpeta.</translation>
    </message>
</context>
<context>
    <name>SmtpSendDialog</name>
    <message>
        <source>Sending through the SMTP-API</source>
        <translation>Enviando mediante la SMTP-API</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>{stage}: {done} of {total}</source>
        <translation>{stage}: {done} de {total}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>Where are the recipients?</source>
        <translation>¿Dónde están los destinatarios?</translation>
    </message>
    <message>
        <source>A CSV, TSV or TXT file, an Excel (XLSX) or OpenDocument (ODS) workbook, or cells pasted from a spreadsheet.</source>
        <translation>Un archivo CSV, TSV o TXT, un libro de Excel (XLSX) u OpenDocument (ODS), o celdas pegadas desde una hoja de cálculo.</translation>
    </message>
    <message>
        <source>From a file</source>
        <translation>Desde un archivo</translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>Texto pegado</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Elige un archivo…</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Paste addresses or spreadsheet cells here</source>
        <translation>Pega aquí direcciones o celdas de una hoja de cálculo</translation>
    </message>
    <message>
        <source>Import recipients</source>
        <translation>Importar destinatarios</translation>
    </message>
    <message>
        <source>Lists (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
        <translation>Listas (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Pasted list</source>
        <translation>Lista pegada</translation>
    </message>
</context>
<context>
    <name>StarterDialog</name>
    <message>
        <source>New campaign from a template</source>
        <translation>Nueva campaña desde una plantilla</translation>
    </message>
    <message>
        <source>Responsive templates written in MJML, with alt text, readable contrast in light and dark mode, and an unsubscribe link to point at your page.</source>
        <translation>Plantillas adaptables escritas en MJML, con texto alternativo, contraste legible en modo claro y oscuro, y un enlace de baja que debes apuntar a tu página.</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Language of the template</source>
        <translation>Idioma de la plantilla</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
</context>
<context>
    <name>StatsTableModel</name>
    <message>
        <source>Time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
</context>
<context>
    <name>SummaryCards</name>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Messages handed to Teenvio; the detail says how many it accepted.</source>
        <translation>Mensajes enviados a Teenvio; debajo, cuántos aceptó.</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <source>Messages the recipients&apos; servers accepted.</source>
        <translation>Mensajes que aceptaron los servidores de los destinatarios.</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Aperturas</translation>
    </message>
    <message>
        <source>People who opened the message at least once (unique opens), their share of the delivered messages, and every open counted.</source>
        <translation>Personas que abrieron el mensaje al menos una vez (aperturas únicas), su porcentaje sobre los entregados y todas las aperturas contadas.</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Clics</translation>
    </message>
    <message>
        <source>People who clicked a link (unique clicks), the click-through rate (their share of the delivered messages), and every click counted.</source>
        <translation>Personas que hicieron clic en un enlace (clics únicos), la tasa de clics (su porcentaje sobre los entregados) y todos los clics contados.</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Rebotes</translation>
    </message>
    <message>
        <source>Messages returned: hard bounces (the address does not work) and soft bounces (a temporary problem).</source>
        <translation>Mensajes devueltos: rebotes duros (la dirección no funciona) y blandos (un problema temporal).</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Bajas</translation>
    </message>
    <message>
        <source>People who asked not to receive more messages.</source>
        <translation>Personas que pidieron no recibir más mensajes.</translation>
    </message>
    <message>
        <source>{accepted} accepted</source>
        <translation>{accepted} aceptados</translation>
    </message>
    <message>
        <source>of those sent</source>
        <translation>de los enviados</translation>
    </message>
    <message>
        <source>{total} opens</source>
        <translation>{total} aperturas</translation>
    </message>
    <message>
        <source>{total} clicks</source>
        <translation>{total} clics</translation>
    </message>
    <message>
        <source>of those delivered</source>
        <translation>de los entregados</translation>
    </message>
    <message>
        <source>{hard} hard · {soft} soft</source>
        <translation>{hard} duros · {soft} blandos</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <source>Filter (any column)</source>
        <translation>Filtrar (cualquier columna)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtrar</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Exportar a CSV…</translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation>Filtrando…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln fila</numerusform>
            <numerusform>%Ln filas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeaLiteSendDialog</name>
    <message>
        <source>Test send through TEA Lite</source>
        <translation>Envío de prueba mediante TEA Lite</translation>
    </message>
    <message>
        <source>Sending through TEA Lite</source>
        <translation>Enviando mediante TEA Lite</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptados</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Reintentando</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>May have been sent</source>
        <translation>Quizá se envió</translation>
    </message>
    <message>
        <source>Messages per second</source>
        <translation>Mensajes por segundo</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Cancelar envío</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Reintentar fallidos</translation>
    </message>
    <message>
        <source>Send again anyway…</source>
        <translation>Enviar de nuevo de todos modos…</translation>
    </message>
    <message>
        <source>Checking every recipient and filling the outbox…</source>
        <translation>Comprobando cada destinatario y llenando la bandeja de salida…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Paused. Messages already sent are not sent again.</source>
        <translation>En pausa. Los mensajes ya enviados no se vuelven a enviar.</translation>
    </message>
    <message>
        <source>Cancelling: waiting for the requests in flight…</source>
        <translation>Cancelando: esperando a las solicitudes en curso…</translation>
    </message>
    <message numerus="yes">
        <source>Done: all %Ln message(s) were accepted.</source>
        <translation>
            <numerusform>Hecho: se aceptó %Ln mensaje.</numerusform>
            <numerusform>Hecho: se aceptaron los %Ln mensajes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished: {accepted} accepted, {failed} failed.</source>
        <translation>Finalizado: {accepted} aceptados, {failed} fallidos.</translation>
    </message>
    <message>
        <source>Cancelled. The messages not sent stay in the outbox.</source>
        <translation>Cancelado. Los mensajes no enviados permanecen en la bandeja de salida.</translation>
    </message>
    <message>
        <source>Stopped. The campaign can be resumed later.</source>
        <translation>Detenido. La campaña se puede reanudar más tarde.</translation>
    </message>
</context>
<context>
    <name>TeenvioLanguage</name>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Francés</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Alemán</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Neerlandés</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugués</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>Noruego</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Sueco</translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation>Catalán</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>Finés</translation>
    </message>
    <message>
        <source>Galician</source>
        <translation>Gallego</translation>
    </message>
    <message>
        <source>Basque</source>
        <translation>Euskera</translation>
    </message>
</context>
<context>
    <name>TeenvioOptionsPanel</name>
    <message>
        <source>Teenvio options</source>
        <translation>Opciones de Teenvio</translation>
    </message>
    <message>
        <source>Show the &quot;can&apos;t see this message&quot; header</source>
        <translation>Mostrar la cabecera &quot;¿No ves bien este mensaje?&quot;</translation>
    </message>
    <message>
        <source>Social network links in the footer</source>
        <translation>Enlaces a redes sociales en el pie</translation>
    </message>
    <message>
        <source>Track opens</source>
        <translation>Seguimiento de aperturas</translation>
    </message>
    <message>
        <source>Track clicks</source>
        <translation>Seguimiento de clics</translation>
    </message>
    <message>
        <source>Header and footer language</source>
        <translation>Idioma de la cabecera y el pie</translation>
    </message>
</context>
<context>
    <name>TestSendDialog</name>
    <message>
        <source>Test send</source>
        <translation>Envío de prueba</translation>
    </message>
    <message>
        <source>you@example.com, colleague@example.com</source>
        <translation>tu@example.com, colega@example.com</translation>
    </message>
    <message>
        <source>No personalisation</source>
        <translation>Sin personalización</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Enviar prueba</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Enviar a</translation>
    </message>
    <message>
        <source>Render with the data of</source>
        <translation>Mostrar con los datos de</translation>
    </message>
</context>
<context>
    <name>TestSendsToggle</name>
    <message>
        <source>Show test sends</source>
        <translation>Mostrar envíos de prueba</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>Opens and clicks over time</source>
        <translation>Aperturas y clics a lo largo del tiempo</translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>semana</numerusform>
            <numerusform>%n semanas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Per {interval}</source>
        <translation>Cada {interval}</translation>
    </message>
    <message>
        <source>Total so far</source>
        <translation>Total acumulado</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Aperturas</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>Clics</translation>
    </message>
    <message>
        <source>Total opens</source>
        <translation>Aperturas acumuladas</translation>
    </message>
    <message>
        <source>Total clicks</source>
        <translation>Clics acumulados</translation>
    </message>
    <message>
        <source>No opens or clicks yet</source>
        <translation>Todavía no hay aperturas ni clics</translation>
    </message>
    <message>
        <source>{opens} opens and {clicks} clicks from {start} to {end}</source>
        <translation>{opens} aperturas y {clicks} clics del {start} al {end}</translation>
    </message>
</context>
<context>
    <name>_OnDemandCheck</name>
    <message>
        <source>{check} %p%</source>
        <translation>{check} %p&#xa0;%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel: {check}</source>
        <translation>Cancelar: {check}</translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <source>The HTML part is empty. Teenvio needs an HTML and a plain-text part.</source>
        <translation>La parte HTML está vacía. Teenvio necesita una parte HTML y otra de texto plano.</translation>
    </message>
    <message>
        <source>The plain-text part is empty. Teenvio rejects messages without it: use &quot;Generate plain text&quot;.</source>
        <translation>La parte de texto plano está vacía. Teenvio rechaza los mensajes sin ella: usa &quot;Generar texto plano&quot;.</translation>
    </message>
    <message>
        <source>The HTML is {size_kb} KB; Gmail clips messages past about 102 KB and hides the rest (including the unsubscribe link).</source>
        <translation>El HTML ocupa {size_kb} KB; Gmail recorta los mensajes de más de unos 102 KB y oculta el resto (incluido el enlace de baja).</translation>
    </message>
    <message>
        <source>The HTML shows the image cid:{cid}, but no inline image has that id.</source>
        <translation>El HTML muestra la imagen cid:{cid}, pero ninguna imagen incrustada tiene ese ID.</translation>
    </message>
    <message>
        <source>The inline image {cid} is never referenced from the HTML; Teenvio will turn it into a link.</source>
        <translation>La imagen incrustada {cid} no se referencia en ningún lugar del HTML; Teenvio la convertirá en un enlace.</translation>
    </message>
    <message>
        <source>The link &quot;{href}&quot; is not a valid web, mailto or tel address.</source>
        <translation>El enlace &quot;{href}&quot; no es una dirección web, mailto o tel válida.</translation>
    </message>
    <message>
        <source>The HTML contains &lt;{tag}&gt; elements ({count}); email clients remove them.</source>
        <translation>El HTML contiene elementos &lt;{tag}&gt; ({count}); los clientes de correo los eliminan.</translation>
    </message>
    <message>
        <source>Links in the HTML: {count}.</source>
        <translation>Enlaces en el HTML: {count}.</translation>
    </message>
    <message>
        <source>The subject is empty.</source>
        <translation>El asunto está vacío.</translation>
    </message>
    <message>
        <source>There are no recipients: choose a recipient list or type addresses.</source>
        <translation>No hay destinatarios: elige una lista de destinatarios o escribe direcciones.</translation>
    </message>
    <message>
        <source>Choose a sender address.</source>
        <translation>Elige una dirección de remitente.</translation>
    </message>
    <message>
        <source>The sender {sender} is not validated for this account; Teenvio refuses it (553). Validate it in Teenvio or choose another sender.</source>
        <translation>El remitente {sender} no está validado para esta cuenta; Teenvio lo rechaza (553). Valídalo en Teenvio o elige otro remitente.</translation>
    </message>
    <message>
        <source>campaign id</source>
        <translation>ID de campaña</translation>
    </message>
    <message>
        <source>source system</source>
        <translation>sistema de origen</translation>
    </message>
    <message>
        <source>reply-to address</source>
        <translation>dirección de respuesta</translation>
    </message>
    <message>
        <source>sender name</source>
        <translation>nombre del remitente</translation>
    </message>
    <message>
        <source>reply-to name</source>
        <translation>nombre de respuesta</translation>
    </message>
    <message>
        <source>TEA Lite requires the {field}.</source>
        <translation>TEA Lite requiere este dato: {field}.</translation>
    </message>
    <message>
        <source>List-Unsubscribe should be a mailto: or https: address.</source>
        <translation>List-Unsubscribe debe ser una dirección mailto: o https:.</translation>
    </message>
    <message>
        <source>The reply-to address {reply_to} is not a validated sender of this account; Teenvio refuses it. Validate it in Teenvio or choose a validated address.</source>
        <translation>La dirección de respuesta {reply_to} no es un remitente validado de esta cuenta; Teenvio la rechaza. Valídala en Teenvio o elige una dirección validada.</translation>
    </message>
    <message>
        <source>The SMTP-API sends one identical message to every recipient, so merge fields ({fields}) would arrive as typed, braces included. Send through TEA Lite to personalise, or remove the fields.</source>
        <translation>La SMTP-API envía un mensaje idéntico a todos los destinatarios, así que los campos de combinación ({fields}) llegarían tal cual, con las llaves. Envía mediante TEA Lite para personalizar o quita los campos.</translation>
    </message>
    <message>
        <source>Merge fields ({fields}) are used but no recipient list is chosen.</source>
        <translation>Se usan campos de combinación ({fields}), pero no se ha elegido ninguna lista de destinatarios.</translation>
    </message>
    <message>
        <source>The merge field {{{{ {field} }}}} is not a column of the recipient list.</source>
        <translation>El campo de combinación {{{{ {field} }}}} no es una columna de la lista de destinatarios.</translation>
    </message>
    <message>
        <source>The message is {size} bytes; the limit is {limit} bytes. Make the images smaller or link them.</source>
        <translation>El mensaje ocupa {size} bytes; el límite es de {limit} bytes. Reduce el tamaño de las imágenes o enlázalas.</translation>
    </message>
    <message>
        <source>The message is {size} bytes, close to the limit of {limit} bytes.</source>
        <translation>El mensaje ocupa {size} bytes, cerca del límite de {limit} bytes.</translation>
    </message>
    <message>
        <source>Recipients the SMTP-API cannot take (characters other than plain letters and digits before the @): {count} ({addresses}). The send leaves them out; send through TEA Lite to reach them, or correct the addresses.</source>
        <translation>Destinatarios que la SMTP-API no admite (caracteres que no son letras sin tilde ni dígitos antes de la @): {count} ({addresses}). El envío los deja fuera; envía mediante TEA Lite para llegar a ellos o corrige las direcciones.</translation>
    </message>
    <message>
        <source>Teenvio turns the attachment {filename} into a download link.</source>
        <translation>Teenvio convierte el adjunto {filename} en un enlace de descarga.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The database {path} was created by a newer version of teenvio-desktop (schema {found}, this version knows up to {supported}). Update the application, or start it with another --data-dir.</source>
        <translation>La base de datos {path} se creó con una versión más reciente de teenvio-desktop (esquema {found}; esta versión admite hasta el {supported}). Actualiza la aplicación o iníciala con otro --data-dir.</translation>
    </message>
    <message>
        <source>TEA Lite rejected the token. Check the account&apos;s token and source system, then try again.</source>
        <translation>TEA Lite rechazó el token. Comprueba el token y el sistema de origen de la cuenta y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>TEA Lite is temporarily unavailable; the request will be retried.</source>
        <translation>TEA Lite no está disponible temporalmente; se reintentará la solicitud.</translation>
    </message>
    <message>
        <source>TEA Lite refused the request for good: {reason}. Fix it before sending again.</source>
        <translation>TEA Lite rechazó la solicitud de forma definitiva: {reason}. Corrígelo antes de volver a enviar.</translation>
    </message>
    <message>
        <source>Could not get an answer from TEA Lite at {url} ({detail}). Check the address and your connection; the request will be retried.</source>
        <translation>No se obtuvo respuesta de TEA Lite en {url} ({detail}). Comprueba la dirección y tu conexión; se reintentará la solicitud.</translation>
    </message>
    <message>
        <source>The certificate of {url} could not be verified ({detail}). If the server uses a private CA, name its CA file in the account.</source>
        <translation>No se pudo verificar el certificado de {url} ({detail}). Si el servidor usa una CA privada, indica su archivo de CA en la cuenta.</translation>
    </message>
    <message>
        <source>The answer of TEA Lite&apos;s {endpoint} is larger than {limit} bytes, so it was not read. Ask for a shorter time window, or ask the server&apos;s operator why its pages are so large.</source>
        <translation>La respuesta de {endpoint} de TEA Lite supera los {limit} bytes, así que no se ha leído. Pide una ventana de tiempo más corta o pregunta al responsable del servidor por qué sus páginas son tan grandes.</translation>
    </message>
    <message>
        <source>TEA Lite&apos;s {endpoint} took more than {seconds} seconds to send its answer, so it was abandoned. Check your connection and try again later.</source>
        <translation>{endpoint} de TEA Lite ha tardado más de {seconds} segundos en enviar su respuesta, así que se ha abandonado. Revisa tu conexión y vuelve a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>TEA Lite&apos;s {endpoint} answered something that is not what its documentation describes ({detail}). Nothing from this answer was stored; check the API address, or report it to the server&apos;s operator.</source>
        <translation>{endpoint} de TEA Lite ha respondido algo distinto de lo que describe su documentación ({detail}). No se ha guardado nada de esa respuesta; revisa la dirección de la API o avisa al responsable del servidor.</translation>
    </message>
    <message>
        <source>TEA Lite&apos;s {endpoint} answered page {page} with the same entries as the page before: the server does not honour the page parameter. Reading stopped; the entries read so far were kept. Report it to the server&apos;s operator.</source>
        <translation>{endpoint} de TEA Lite ha respondido a la página {page} con las mismas entradas que la anterior: el servidor no respeta el parámetro page. Se ha dejado de leer y se conservan las entradas leídas hasta ahora. Avisa al responsable del servidor.</translation>
    </message>
    <message>
        <source>TEA Lite&apos;s {endpoint} was still sending pages after {limit} pages for one time window, so reading stopped; the entries read so far were kept. Ask for a shorter time window, or report it to the server&apos;s operator.</source>
        <translation>{endpoint} de TEA Lite seguía enviando páginas después de {limit} páginas para una misma ventana de tiempo, así que se ha dejado de leer; se conservan las entradas leídas hasta ahora. Pide una ventana de tiempo más corta o avisa al responsable del servidor.</translation>
    </message>
    <message>
        <source>There is no account named “{name}”. List them with “teenvio-desktop account list” or add it in the Accounts area.</source>
        <translation>No hay ninguna cuenta llamada “{name}”. Consulta la lista con “teenvio-desktop account list” o añádela en el área Cuentas.</translation>
    </message>
    <message>
        <source>An account named “{name}” already exists. Choose another name.</source>
        <translation>Ya existe una cuenta llamada “{name}”. Elige otro nombre.</translation>
    </message>
    <message>
        <source>The system keyring is not available ({detail}), so passwords and tokens cannot be saved. They are kept in memory until the application closes and will have to be entered again next time. Unlock or install a keyring (for example GNOME Keyring or KWallet), then try again.</source>
        <translation>El llavero del sistema no está disponible ({detail}), así que no se pueden guardar las contraseñas ni los tokens. Se conservan en memoria hasta que se cierre la aplicación y habrá que volver a introducirlos la próxima vez. Desbloquea o instala un llavero (por ejemplo, GNOME Keyring o KWallet) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>no keyring was found</source>
        <translation>no se encontró ningún llavero</translation>
    </message>
    <message>
        <source>No {what} is known for the account “{account}”. Enter it in the account (or set it in the environment variable for the command line).</source>
        <translation>La cuenta “{account}” no tiene guardado este dato: {what}. Introdúcelo en la cuenta (o defínelo en la variable de entorno correspondiente para la línea de comandos).</translation>
    </message>
    <message>
        <source>The account “{account}” has no {transport} connection configured.</source>
        <translation>La cuenta “{account}” no tiene configurada ninguna conexión {transport}.</translation>
    </message>
    <message>
        <source>An account needs an SMTP-API connection, a TEA Lite connection, or both.</source>
        <translation>Una cuenta necesita una conexión SMTP-API, una conexión TEA Lite o ambas.</translation>
    </message>
    <message>
        <source>The account name must be 1 to {limit} characters, without control characters.</source>
        <translation>El nombre de la cuenta debe tener entre 1 y {limit} caracteres, sin caracteres de control.</translation>
    </message>
    <message>
        <source>The name “{name}” is reserved for the built-in sandbox account.</source>
        <translation>El nombre “{name}” está reservado para la cuenta integrada del entorno de pruebas.</translation>
    </message>
    <message>
        <source>Enter the SMTP host shown in Teenvio&apos;s Configuration.</source>
        <translation>Introduce el servidor SMTP que aparece en la Configuración de Teenvio.</translation>
    </message>
    <message>
        <source>The SMTP port must be between 1 and 65535.</source>
        <translation>El puerto SMTP debe estar entre 1 y 65535.</translation>
    </message>
    <message>
        <source>Security must be TLS, STARTTLS or none.</source>
        <translation>La seguridad debe ser TLS, STARTTLS o ninguna.</translation>
    </message>
    <message>
        <source>A connection without encryption would send the password in clear text; it is only allowed to this computer (localhost). Choose TLS or STARTTLS.</source>
        <translation>Una conexión sin cifrado enviaría la contraseña sin cifrar; solo se permite con este equipo (localhost). Elige TLS o STARTTLS.</translation>
    </message>
    <message>
        <source>Enter the SMTP user, in the form usuario.nombredeplan.</source>
        <translation>Introduce el usuario SMTP con el formato usuario.nombredeplan.</translation>
    </message>
    <message>
        <source>The TEA Lite address must be a full URL such as https://host/api.</source>
        <translation>La dirección de TEA Lite debe ser una URL completa, como https://host/api.</translation>
    </message>
    <message>
        <source>The TEA Lite address must use https: plain http would send the token in clear text (only allowed to this computer).</source>
        <translation>La dirección de TEA Lite debe usar https: con http sin cifrar, el token se enviaría sin cifrar (solo se permite con este equipo).</translation>
    </message>
    <message>
        <source>Enter the TEA Lite source system.</source>
        <translation>Introduce el sistema de origen de TEA Lite.</translation>
    </message>
    <message>
        <source>“{address}” is not a valid email address: {reason}</source>
        <translation>“{address}” no es una dirección de correo electrónico válida: {reason}</translation>
    </message>
    <message>
        <source>The name for {address} contains control characters.</source>
        <translation>El nombre de {address} contiene caracteres de control.</translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation>contraseña SMTP</translation>
    </message>
    <message>
        <source>TEA Lite token</source>
        <translation>token de TEA Lite</translation>
    </message>
    <message>
        <source>Choose an account with a TEA Lite connection before sending through TEA Lite.</source>
        <translation>Elige una cuenta con conexión TEA Lite antes de enviar mediante TEA Lite.</translation>
    </message>
    <message>
        <source>The draft {draft_id} no longer exists.</source>
        <translation>El borrador {draft_id} ya no existe.</translation>
    </message>
    <message>
        <source>Could not open {path}: {reason}</source>
        <translation>No se pudo abrir {path}: {reason}</translation>
    </message>
    <message>
        <source>The CSS could not be inlined: {reason}</source>
        <translation>No se pudo pasar el CSS a estilos en línea: {reason}</translation>
    </message>
    <message>
        <source>The merge fields could not be filled ({count} problems). Fix the recipient list or the template; nothing was sent:
{details}</source>
        <translation>No se pudieron rellenar los campos de combinación ({count} problemas). Corrige la lista de destinatarios o la plantilla; no se ha enviado nada:
{details}</translation>
    </message>
    <message>
        <source>The {field} contains a line break. It must be a single line: remove the line break and try again.</source>
        <translation>El campo {field} contiene un salto de línea. Debe ocupar una sola línea: quita el salto de línea y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The {field} contains an invisible control character ({code_point}). Remove it and try again.</source>
        <translation>El campo {field} contiene un carácter de control invisible ({code_point}). Quítalo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The {field} &quot;{address}&quot; is not a valid email address ({reason}). Correct it and try again.</source>
        <translation>El valor &quot;{address}&quot; del campo {field} no es una dirección de correo electrónico válida ({reason}). Corrígelo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The {field} is empty. Teenvio needs it to send.</source>
        <translation>El campo {field} está vacío. Teenvio lo necesita para enviar.</translation>
    </message>
    <message>
        <source>The {field} &quot;{value}&quot; is not allowed. Correct it.</source>
        <translation>El valor &quot;{value}&quot; del campo {field} no está permitido. Corrígelo.</translation>
    </message>
    <message>
        <source>The {field} contains characters that cannot be written into an email header faithfully. Simplify it (for example, remove unusual symbols) and try again.</source>
        <translation>El campo {field} contiene caracteres que no se pueden escribir fielmente en una cabecera de correo electrónico. Simplifícalo (por ejemplo, quita los símbolos poco habituales) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The campaign cannot be sent through TEA Lite yet: {problems}.</source>
        <translation>La campaña aún no se puede enviar mediante TEA Lite: {problems}.</translation>
    </message>
    <message>
        <source>There is nobody to send to ({suppressed} addresses are on the suppression list). Add recipients.</source>
        <translation>No hay nadie a quien enviar ({suppressed} direcciones están en la lista de exclusión). Añade destinatarios.</translation>
    </message>
    <message>
        <source>A TEA Lite request would be {size} bytes, over the limit of {limit} bytes ({count} recipients affected). Make the attachments or the content smaller; nothing was sent.</source>
        <translation>Una solicitud a TEA Lite ocuparía {size} bytes y superaría el límite de {limit} bytes ({count} destinatarios afectados). Reduce los adjuntos o el contenido; no se ha enviado nada.</translation>
    </message>
    <message>
        <source>{count} recipients have an invalid address (row: address): {rows}. Correct them; nothing was sent.</source>
        <translation>{count} destinatarios tienen una dirección no válida (fila: dirección): {rows}. Corrígelas; no se ha enviado nada.</translation>
    </message>
    <message>
        <source>No TEA Lite account is available to resume campaign {campaign}. Add the account it was sent with, or resume it from the command line.</source>
        <translation>No hay ninguna cuenta de TEA Lite disponible para reanudar la campaña {campaign}. Añade la cuenta con la que se envió o reanúdala desde la línea de comandos.</translation>
    </message>
    <message>
        <source>Campaign {campaign_id} is not in the outbox.</source>
        <translation>La campaña {campaign_id} no está en la bandeja de salida.</translation>
    </message>
    <message>
        <source>{source} is empty: there are no recipients to import.</source>
        <translation>{source} está vacío: no hay destinatarios que importar.</translation>
    </message>
    <message>
        <source>{source} is not a text file or a spreadsheet that can be read. Save it from your spreadsheet program as CSV, XLSX or ODS and import that file.</source>
        <translation>{source} no es un archivo de texto ni una hoja de cálculo que se pueda leer. Guárdalo desde tu programa de hojas de cálculo como CSV, XLSX u ODS e importa ese archivo.</translation>
    </message>
    <message>
        <source>The spreadsheet {source} could not be read; it may be damaged or incomplete (for example, a download that did not finish). Open it in your spreadsheet program and save it again. Detail: {detail}</source>
        <translation>No se pudo leer la hoja de cálculo {source}; puede que esté dañada o incompleta (por ejemplo, una descarga que no terminó). Ábrela en tu programa de hojas de cálculo y vuelve a guardarla. Detalle: {detail}</translation>
    </message>
    <message>
        <source>The file {source} could not be opened: {detail}</source>
        <translation>No se pudo abrir el archivo {source}: {detail}</translation>
    </message>
    <message>
        <source>The workbook has no sheet named “{sheet}”. Its sheets: {available}.</source>
        <translation>El libro no tiene ninguna hoja llamada “{sheet}”. Sus hojas: {available}.</translation>
    </message>
    <message>
        <source>No column of email addresses was found (columns: {columns}). Choose the column that holds the addresses, or check the delimiter and the header row.</source>
        <translation>No se encontró ninguna columna con direcciones de correo electrónico (columnas: {columns}). Elige la columna que contiene las direcciones o comprueba el delimitador y la fila de cabecera.</translation>
    </message>
    <message>
        <source>There is no column “{column}” in this file. Its columns: {columns}.</source>
        <translation>Este archivo no tiene ninguna columna “{column}”. Sus columnas: {columns}.</translation>
    </message>
    <message>
        <source>“{encoding}” is not a known text encoding. Try UTF-8, Windows-1252 or UTF-16.</source>
        <translation>“{encoding}” no es una codificación de texto conocida. Prueba con UTF-8, Windows-1252 o UTF-16.</translation>
    </message>
    <message>
        <source>“{delimiter}” cannot separate columns: use one character such as , ; | or a tab.</source>
        <translation>“{delimiter}” no sirve para separar columnas: usa un solo carácter, como , ; | o un tabulador.</translation>
    </message>
    <message>
        <source>A recipient list named “{name}” already exists. Choose another name.</source>
        <translation>Ya existe una lista de destinatarios llamada “{name}”. Elige otro nombre.</translation>
    </message>
    <message>
        <source>There is no recipient list “{name}”.</source>
        <translation>No existe la lista de destinatarios “{name}”.</translation>
    </message>
    <message>
        <source>A recipient list needs a name.</source>
        <translation>Una lista de destinatarios necesita un nombre.</translation>
    </message>
    <message>
        <source>{source} is not an ordinary file (it may be a folder, a device or a pipe), so it cannot be imported. Choose a CSV, TXT, XLSX or ODS file.</source>
        <translation>{source} no es un archivo normal (puede ser una carpeta, un dispositivo o una tubería), así que no se puede importar. Elige un archivo CSV, TXT, XLSX u ODS.</translation>
    </message>
    <message>
        <source>{source} is an old-style (.xls) or binary (.xlsb) Excel workbook, which cannot be read safely. Open it in your spreadsheet program and save it as XLSX or CSV.</source>
        <translation>{source} es un libro de Excel antiguo (.xls) o binario (.xlsb), que no se puede leer de forma segura. Ábrelo en tu programa de hojas de cálculo y guárdalo como XLSX o CSV.</translation>
    </message>
    <message>
        <source>{source} has more than {limit} columns, more than any spreadsheet program can show. Check the delimiter, or remove the columns you do not need.</source>
        <translation>{source} tiene más de {limit} columnas, más de las que puede mostrar cualquier programa de hojas de cálculo. Revisa el delimitador o quita las columnas que no necesites.</translation>
    </message>
    <message>
        <source>The sheet in {source} goes past row {limit}, the last one a sheet can have; the file is damaged. Open it in your spreadsheet program and save it again.</source>
        <translation>La hoja de {source} pasa de la fila {limit}, la última que puede tener una hoja; el archivo está dañado. Ábrelo en tu programa de hojas de cálculo y vuelve a guardarlo.</translation>
    </message>
    <message>
        <source>The spreadsheet {source} unpacks to more than {limit} MB ({part}). Save it as CSV and import that file, or split it into smaller files.</source>
        <translation>La hoja de cálculo {source} ocupa más de {limit} MB al descomprimirla ({part}). Guárdala como CSV e importa ese archivo, o divídela en archivos más pequeños.</translation>
    </message>
    <message>
        <source>The spreadsheet {source} holds more than {limit} MB of text. Save it as CSV and import that file, or split it into smaller files.</source>
        <translation>La hoja de cálculo {source} contiene más de {limit} MB de texto. Guárdala como CSV e importa ese archivo, o divídela en archivos más pequeños.</translation>
    </message>
    <message>
        <source>The sheet in {source} unfolds into more than {limit} cells through repeated rows. Save it as CSV and import that file.</source>
        <translation>La hoja de {source} se despliega en más de {limit} celdas a través de filas repetidas. Guárdala como CSV e importa ese archivo.</translation>
    </message>
    <message>
        <source>A cell in {source} holds more than {limit} characters; the file is probably not a recipient list. Check that you chose the right file.</source>
        <translation>Una celda de {source} contiene más de {limit} caracteres; seguramente el archivo no es una lista de destinatarios. Comprueba que elegiste el archivo correcto.</translation>
    </message>
    <message>
        <source>The list “{name}” changed while the file was being imported into it. Import the file again.</source>
        <translation>La lista “{name}” cambió mientras se importaba el archivo en ella. Vuelve a importar el archivo.</translation>
    </message>
    <message>
        <source>“{address}” is already in the list “{name}”.</source>
        <translation>“{address}” ya está en la lista “{name}”.</translation>
    </message>
    <message>
        <source>Row {row} of the list “{name}” no longer exists; the list may have changed meanwhile. Reopen it and try again.</source>
        <translation>La fila {row} de la lista “{name}” ya no existe; puede que la lista haya cambiado mientras tanto. Vuelve a abrirla e inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>“{address}” is on the suppression list (it bounced or unsubscribed), so it cannot be added to a list.</source>
        <translation>“{address}” está en la lista de exclusión (rebotó o se dio de baja), así que no se puede añadir a una lista.</translation>
    </message>
    <message>
        <source>Line {line} could not be read ({detail}). A quote that is never closed is the usual cause: fix that line, or choose another delimiter.</source>
        <translation>No se pudo leer la línea {line} ({detail}). La causa habitual es una comilla que no se cierra: corrige esa línea o elige otro delimitador.</translation>
    </message>
    <message>
        <source>The CA file {path} cannot be used ({detail}). Check the file.</source>
        <translation>No se puede usar el archivo de CA {path} ({detail}). Comprueba el archivo.</translation>
    </message>
    <message>
        <source>Teenvio refused the sender {sender}: the sender (and the reply-to address, if any) must exist and be validated in your Teenvio plan. Validate it in Teenvio or choose a validated sender, then send again. Nothing was sent.</source>
        <translation>Teenvio rechazó el remitente {sender}: el remitente (y la dirección de respuesta, si la hay) debe existir y estar validado en tu plan de Teenvio. Valídalo en Teenvio o elige un remitente validado y vuelve a enviar. No se ha enviado nada.</translation>
    </message>
    <message>
        <source>Teenvio rejected the user name or password. Check the user, which has the form usuario.nombredeplan, and the password you use to sign in to Teenvio. Nothing was sent.</source>
        <translation>Teenvio rechazó el usuario o la contraseña. Comprueba el usuario, que tiene la forma usuario.nombredeplan, y la contraseña con la que entras en Teenvio. No se ha enviado nada.</translation>
    </message>
    <message>
        <source>The message is {size} bytes; the limit is {limit} bytes. Make it smaller (fewer or smaller images and attachments, shorter HTML), then send again. Nothing was sent.</source>
        <translation>El mensaje ocupa {size} bytes; el límite es de {limit} bytes. Redúcelo (menos imágenes y adjuntos o más pequeños, un HTML más corto) y vuelve a enviarlo. No se ha enviado nada.</translation>
    </message>
    <message>
        <source>The server requires logging in (over an encrypted connection) before this command. Check the account&apos;s user, password and security setting (TLS or STARTTLS). Nothing was sent.</source>
        <translation>El servidor exige iniciar sesión (mediante una conexión cifrada) antes de este comando. Comprueba el usuario, la contraseña y el ajuste de seguridad (TLS o STARTTLS) de la cuenta. No se ha enviado nada.</translation>
    </message>
    <message>
        <source>The server expected a valid sender and at least one recipient (MAIL FROM and RCPT TO) before the message. Check the sender and recipients and send again; report it if it happens again. Nothing was sent.</source>
        <translation>El servidor esperaba un remitente válido y al menos un destinatario (MAIL FROM y RCPT TO) antes del mensaje. Comprueba el remitente y los destinatarios y vuelve a enviar; si vuelve a ocurrir, notifícalo. No se ha enviado nada.</translation>
    </message>
    <message>
        <source>The server does not implement a parameter of a command this application sent. Check that the host is Teenvio&apos;s SMTP-API; update teenvio-desktop or report it if it persists.</source>
        <translation>El servidor no implementa un parámetro de un comando que ha enviado esta aplicación. Comprueba que el servidor es la SMTP-API de Teenvio; actualiza teenvio-desktop o notifícalo si el problema persiste.</translation>
    </message>
    <message>
        <source>The server did not recognise a command. Check that the host and port are those of Teenvio&apos;s SMTP-API; report it if it persists.</source>
        <translation>El servidor no ha reconocido un comando. Comprueba que el servidor y el puerto son los de la SMTP-API de Teenvio; notifícalo si el problema persiste.</translation>
    </message>
    <message>
        <source>Teenvio could not launch the campaign: {reason}. This usually means the plan has too few sends left, too many contacts, or the message is incomplete (it needs a plain-text and an HTML part). Fix that and send again.</source>
        <translation>Teenvio no pudo lanzar la campaña: {reason}. Esto suele indicar que al plan le quedan pocos envíos, que tiene demasiados contactos o que el mensaje está incompleto (necesita una parte de texto plano y otra HTML). Corrígelo y vuelve a enviar.</translation>
    </message>
    <message>
        <source>The server could not handle the send right now (a temporary error). The campaign was not launched; try again in a few minutes.</source>
        <translation>El servidor no ha podido procesar el envío en este momento (error temporal). La campaña no se ha lanzado; vuelve a intentarlo dentro de unos minutos.</translation>
    </message>
    <message>
        <source>The server answered with an error this application does not know. The campaign was not launched; read the server&apos;s answer below.</source>
        <translation>El servidor ha respondido con un error que esta aplicación no conoce. La campaña no se ha lanzado; lee la respuesta del servidor a continuación.</translation>
    </message>
    <message>
        <source>The server refused every recipient ({count}), so nothing was sent. Check the addresses; the first refusal is shown below.</source>
        <translation>El servidor ha rechazado a todos los destinatarios ({count}), así que no se ha enviado nada. Comprueba las direcciones; a continuación se muestra el primer rechazo.</translation>
    </message>
    <message>
        <source>There is nobody to send to: add recipients. ({suppressed} address(es) were left out because they are on the suppression list.)</source>
        <translation>No hay nadie a quien enviar: añade destinatarios. (Se han omitido {suppressed} dirección(es) porque están en la lista de exclusión).</translation>
    </message>
    <message>
        <source>The SMTP-API cannot take any of these recipients: their addresses have characters other than plain letters and digits before the @ ({addresses}), which the SMTP-API does not support. Send through TEA Lite, or correct the addresses.</source>
        <translation>La SMTP-API no admite ninguno de estos destinatarios: sus direcciones tienen caracteres que no son letras sin tilde ni dígitos antes de la @ ({addresses}), y la SMTP-API no los admite. Envía mediante TEA Lite o corrige las direcciones.</translation>
    </message>
    <message>
        <source>Refusing to connect to {host} without encryption: the password would travel in clear text. Unencrypted connections are only allowed to this computer (localhost). Choose TLS (port 46500) or STARTTLS (port 58700).</source>
        <translation>No se conectará con {host} sin cifrado: la contraseña viajaría sin cifrar. Las conexiones sin cifrar solo se permiten con este equipo (localhost). Elige TLS (puerto 46500) o STARTTLS (puerto 58700).</translation>
    </message>
    <message>
        <source>The server {host} (port {port}) could not be found. Check the host shown in Teenvio&apos;s Configuration → APIs and your network. Nothing was sent.</source>
        <translation>No se encontró el servidor {host} (puerto {port}). Comprueba el servidor que aparece en Configuración → APIs de Teenvio y tu red. No se ha enviado nada.</translation>
    </message>
    <message>
        <source>{host} did not answer on port {port} in time. Check the host, the port and your network; a firewall may be dropping the connection. Nothing was sent.</source>
        <translation>{host} no respondió a tiempo en el puerto {port}. Comprueba el servidor, el puerto y tu red; puede que un cortafuegos esté descartando la conexión. No se ha enviado nada.</translation>
    </message>
    <message>
        <source>{host} accepted the connection on port {port} but did not greet. The port probably expects TLS from the start: choose TLS security (port 46500), or STARTTLS on port 58700. Nothing was sent.</source>
        <translation>{host} aceptó la conexión en el puerto {port}, pero no envió el saludo. Probablemente el puerto espera TLS desde el principio: elige la seguridad TLS (puerto 46500) o STARTTLS en el puerto 58700. No se ha enviado nada.</translation>
    </message>
    <message>
        <source>The connection to {host} (port {port}) was lost after the message was sent, before Teenvio confirmed it ({detail}). The campaign may have been launched: check Teenvio&apos;s statistics before sending it again.</source>
        <translation>Se perdió la conexión con {host} (puerto {port}) después de enviar el mensaje y antes de que Teenvio lo confirmara ({detail}). Puede que la campaña se haya lanzado: revisa las estadísticas de Teenvio antes de volver a enviarla.</translation>
    </message>
    <message>
        <source>The connection to {host} (port {port}) was lost or timed out ({detail}). The campaign was not launched; try again.</source>
        <translation>Se perdió la conexión con {host} (puerto {port}) o se agotó el tiempo de espera ({detail}). La campaña no se ha lanzado; vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>{host} refused the connection on port {port}. Check the host and port and whether a firewall blocks it. Nothing was sent.</source>
        <translation>{host} rechazó la conexión en el puerto {port}. Comprueba el servidor y el puerto, y si un cortafuegos la bloquea. No se ha enviado nada.</translation>
    </message>
    <message>
        <source>Could not connect to {host} on port {port} ({detail}). Check your network. Nothing was sent.</source>
        <translation>No se pudo conectar con {host} en el puerto {port} ({detail}). Comprueba tu red. No se ha enviado nada.</translation>
    </message>
    <message>
        <source>The certificate of {host} (port {port}) is not trusted ({detail}). The connection was closed before sending any credentials: nothing was sent and no credentials were sent. If the server uses a private CA, name its CA file in the account (--cafile).</source>
        <translation>El certificado de {host} (puerto {port}) no es de confianza ({detail}). Se cerró la conexión antes de enviar ninguna credencial: no se envió nada ni ninguna credencial. Si el servidor usa una CA privada, indica su archivo de CA en la cuenta (--cafile).</translation>
    </message>
    <message>
        <source>The certificate of {host} (port {port}) has expired or is not valid yet ({detail}). The connection was closed: nothing was sent and no credentials were sent. Check this computer&apos;s date, or tell the server&apos;s administrator.</source>
        <translation>El certificado de {host} (puerto {port}) ha caducado o aún no es válido ({detail}). Se cerró la conexión: no se envió nada ni ninguna credencial. Comprueba la fecha de este equipo o avisa al administrador del servidor.</translation>
    </message>
    <message>
        <source>The certificate presented on {host} (port {port}) belongs to another server ({detail}). The connection was closed: nothing was sent and no credentials were sent. Use the host name shown in Teenvio&apos;s Configuration → APIs.</source>
        <translation>El certificado presentado en {host} (puerto {port}) pertenece a otro servidor ({detail}). Se cerró la conexión: no se envió nada ni ninguna credencial. Usa el nombre de servidor que aparece en Configuración → APIs de Teenvio.</translation>
    </message>
    <message>
        <source>The secure connection to {host} (port {port}) failed ({detail}): nothing was sent and no credentials were sent. Check the address and the account&apos;s CA file.</source>
        <translation>Falló la conexión segura con {host} (puerto {port}) ({detail}): no se envió nada ni ninguna credencial. Comprueba la dirección y el archivo de CA de la cuenta.</translation>
    </message>
    <message>
        <source>The secure connection to {host} (port {port}) failed ({detail}): nothing was sent and no credentials were sent. Check the port and security setting: 46500 uses TLS from the start, 58700 uses STARTTLS.</source>
        <translation>Falló la conexión segura con {host} (puerto {port}) ({detail}): no se envió nada ni ninguna credencial. Comprueba el puerto y el ajuste de seguridad: 46500 usa TLS desde el principio y 58700 usa STARTTLS.</translation>
    </message>
    <message>
        <source>Port {port} of {host} does not speak TLS from the start ({detail}): it probably expects STARTTLS. Nothing was sent and no credentials were sent. Check the port and security setting: 46500 uses TLS from the start, 58700 uses STARTTLS.</source>
        <translation>El puerto {port} de {host} no usa TLS desde el principio ({detail}): probablemente espera STARTTLS. No se envió nada ni ninguna credencial. Comprueba el puerto y el ajuste de seguridad: 46500 usa TLS desde el principio y 58700 usa STARTTLS.</translation>
    </message>
    <message>
        <source>{host} (port {port}) does not offer STARTTLS, so the connection cannot be encrypted. It was closed before logging in: nothing was sent and no credentials were sent. Check the port and security setting.</source>
        <translation>{host} (puerto {port}) no ofrece STARTTLS, así que no se puede cifrar la conexión. Se cerró antes de iniciar sesión: no se envió nada ni ninguna credencial. Comprueba el puerto y el ajuste de seguridad.</translation>
    </message>
    <message>
        <source>Enter the SMTP host (Teenvio: Configuration → APIs).</source>
        <translation>Introduce el servidor SMTP (Teenvio: Configuración → APIs).</translation>
    </message>
    <message>
        <source>Enter the password of the Teenvio user.</source>
        <translation>Introduce la contraseña del usuario de Teenvio.</translation>
    </message>
    <message>
        <source>Campaign {campaign_id} has no TEA Lite identity (source system and campaign id, or the Teenvio id of an SMTP send), so its statistics cannot be fetched.</source>
        <translation>La campaña {campaign_id} no tiene identidad de TEA Lite (sistema de origen e ID de campaña, o el ID de Teenvio de un envío SMTP), así que no se pueden obtener sus estadísticas.</translation>
    </message>
    <message>
        <source>There is no campaign {campaign_id} in this store.</source>
        <translation>No existe la campaña {campaign_id} en este almacén.</translation>
    </message>
    <message>
        <source>Choose an account with an SMTP-API connection before sending through the SMTP-API.</source>
        <translation>Elige una cuenta con conexión SMTP-API antes de enviar mediante la SMTP-API.</translation>
    </message>
    <message>
        <source>There is no starter template {key} in {language}.</source>
        <translation>No hay ninguna plantilla inicial {key} en {language}.</translation>
    </message>
    <message>
        <source>SpamAssassin did not finish within {seconds} s.</source>
        <translation>SpamAssassin no terminó en {seconds} s.</translation>
    </message>
    <message>
        <source>SpamAssassin failed (exit status {status}).</source>
        <translation>SpamAssassin falló (código de salida {status}).</translation>
    </message>
    <message>
        <source>SpamAssassin&apos;s answer could not be read.</source>
        <translation>No se pudo leer la respuesta de SpamAssassin.</translation>
    </message>
    <message>
        <source>Campaign {campaign_id} is already being sent by process {pid} on {host} (since {started_at} UTC). Wait until it finishes, or stop it there; if that process was killed, its claim lapses by {expires_at} UTC.</source>
        <translation>La campaña {campaign_id} ya la está enviando el proceso {pid} en {host} (desde las {started_at} UTC). Espera a que termine o detenlo allí; si ese proceso se cerró a la fuerza, su reserva caduca a las {expires_at} UTC.</translation>
    </message>
    <message>
        <source>Sending campaign {campaign_id} stopped: this sender was paused so long that another sender took the campaign over. Nothing was sent twice; check the other sender.</source>
        <translation>Se ha detenido el envío de la campaña {campaign_id}: este envío estuvo en pausa tanto tiempo que otro envío se hizo cargo de la campaña. No se ha enviado nada dos veces; revisa el otro envío.</translation>
    </message>
    <message>
        <source>Fix these before sending:

{checks}</source>
        <translation>Corrige esto antes de enviar:

{checks}</translation>
    </message>
    <message>
        <source>The file {file} could not be used ({reason}). Check that it exists, that you may read it (and write to its folder), and that the disk is not full, then try again.</source>
        <translation>No se ha podido usar el archivo {file} ({reason}). Comprueba que existe, que puedes leerlo (y escribir en su carpeta) y que el disco no está lleno; después, vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The system refused an operation ({reason}). Check the network connection and free disk space, then try again.</source>
        <translation>El sistema ha rechazado una operación ({reason}). Comprueba la conexión de red y el espacio libre en disco; después, vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>There was not enough memory to finish. Close other programs or use a smaller file, then try again.</source>
        <translation>No había memoria suficiente para terminar. Cierra otros programas o usa un archivo más pequeño; después, vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>A merge field could not be filled in ({reason}). Check that the recipient list has that column, or remove the field from the subject and the message.</source>
        <translation>No se ha podido rellenar un campo de combinación ({reason}). Comprueba que la lista de destinatarios tiene esa columna o quita el campo del asunto y del mensaje.</translation>
    </message>
    <message>
        <source>The operation could not be finished ({kind}: {reason}). Nothing you typed was lost. Try again; if it happens again, send the log file (the logs folder of the data directory) to support.</source>
        <translation>No se ha podido terminar la operación ({kind}: {reason}). No se ha perdido nada de lo que escribiste. Vuelve a intentarlo; si vuelve a ocurrir, envía el archivo de registro (la carpeta logs de la carpeta de datos) al soporte técnico.</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>subject</source>
        <translation>asunto</translation>
    </message>
    <message>
        <source>sender address</source>
        <translation>dirección del remitente</translation>
    </message>
    <message>
        <source>sender name</source>
        <translation>nombre del remitente</translation>
    </message>
    <message>
        <source>reply-to address</source>
        <translation>dirección de respuesta</translation>
    </message>
    <message>
        <source>reply-to name</source>
        <translation>nombre de respuesta</translation>
    </message>
    <message>
        <source>recipient address</source>
        <translation>dirección del destinatario</translation>
    </message>
    <message>
        <source>inline image content id</source>
        <translation>ID de contenido de la imagen incrustada</translation>
    </message>
    <message>
        <source>inline image file name</source>
        <translation>nombre de archivo de la imagen incrustada</translation>
    </message>
    <message>
        <source>inline image type</source>
        <translation>tipo de la imagen incrustada</translation>
    </message>
    <message>
        <source>attachment file name</source>
        <translation>nombre del archivo adjunto</translation>
    </message>
    <message>
        <source>attachment type</source>
        <translation>tipo del archivo adjunto</translation>
    </message>
    <message>
        <source>HTML part</source>
        <translation>parte HTML</translation>
    </message>
    <message>
        <source>plain-text part</source>
        <translation>parte de texto plano</translation>
    </message>
    <message>
        <source>Teenvio option</source>
        <translation>opción de Teenvio</translation>
    </message>
</context>
<context>
    <name>mjml</name>
    <message>
        <source>This element is not allowed here (check what its parent accepts).</source>
        <translation>Este elemento no está permitido aquí (comprueba qué admite el elemento que lo contiene).</translation>
    </message>
    <message>
        <source>Unexpected markup here.</source>
        <translation>Aquí hay marcado inesperado.</translation>
    </message>
    <message>
        <source>This element lacks a required attribute.</source>
        <translation>A este elemento le falta un atributo obligatorio.</translation>
    </message>
    <message>
        <source>This attribute is not valid.</source>
        <translation>Este atributo no es válido.</translation>
    </message>
    <message>
        <source>This value has an invalid format.</source>
        <translation>Este valor tiene un formato no válido.</translation>
    </message>
    <message>
        <source>An element is not closed before the document ends.</source>
        <translation>Hay un elemento sin cerrar al final del documento.</translation>
    </message>
    <message>
        <source>The document is too large.</source>
        <translation>El documento es demasiado grande.</translation>
    </message>
    <message>
        <source>Markup that cannot be read: a stray &quot;&lt;&quot; (write &amp;lt;) or an attribute value without quotes?</source>
        <translation>Marcado ilegible: ¿un «&lt;» suelto (escribe &amp;lt;) o un valor de atributo sin comillas?</translation>
    </message>
    <message>
        <source>There is no &lt;mjml&gt; element: an MJML document starts with &lt;mjml&gt; and holds &lt;mj-body&gt;.</source>
        <translation>No hay ningún elemento &lt;mjml&gt;: un documento MJML empieza por &lt;mjml&gt; y contiene &lt;mj-body&gt;.</translation>
    </message>
    <message>
        <source>mj-include is not supported: paste the included file&apos;s content instead.</source>
        <translation>mj-include no está disponible: pega en su lugar el contenido del archivo incluido.</translation>
    </message>
    <message>
        <source>MRML could not compile the MJML.</source>
        <translation>No se pudo compilar el MJML con MRML.</translation>
    </message>
    <message>
        <source>The MJML document is {size_kb} KB; the limit is {limit_kb} KB.</source>
        <translation>El documento MJML ocupa {size_kb} KB; el límite es de {limit_kb} KB.</translation>
    </message>
    <message>
        <source>Elements are nested more than {limit} levels deep here. Flatten the layout.</source>
        <translation>Aquí los elementos se anidan en más de {limit} niveles. Simplifica la estructura.</translation>
    </message>
    <message>
        <source>Unknown attribute {text} (ignored).</source>
        <translation>Atributo desconocido {text} (se ignora).</translation>
    </message>
    <message>
        <source>Repeated attribute {text}.</source>
        <translation>Atributo repetido {text}.</translation>
    </message>
    <message>
        <source>mj-style inline=&quot;inline&quot; is not supported by MRML: {text}</source>
        <translation>MRML no admite mj-style inline=&quot;inline&quot;: {text}</translation>
    </message>
    <message>
        <source>MRML warns ({kind}): {text}</source>
        <translation>Aviso de MRML ({kind}): {text}</translation>
    </message>
    <message>
        <source>Text before the first element: an MJML document starts with &lt;mjml&gt;.</source>
        <translation>Hay texto antes del primer elemento: un documento MJML empieza por &lt;mjml&gt;.</translation>
    </message>
    <message>
        <source>Line {line}, column {column}</source>
        <translation>Línea {line}, columna {column}</translation>
    </message>
</context>
<context>
    <name>preview_modes</name>
    <message>
        <source>Image without alt text</source>
        <translation>Imagen sin texto alternativo</translation>
    </message>
    <message>
        <source>Decorative image (empty alt text)</source>
        <translation>Imagen decorativa (texto alternativo vacío)</translation>
    </message>
    <message>
        <source>Dark (message&apos;s own styles)</source>
        <translation>Oscuro (estilos del mensaje)</translation>
    </message>
    <message>
        <source>Dark (forced, approximate)</source>
        <translation>Oscuro (forzado, aproximado)</translation>
    </message>
    <message>
        <source>Dark (full inversion, approximate)</source>
        <translation>Oscuro (inversión total, aproximado)</translation>
    </message>
    <message>
        <source>Images off</source>
        <translation>Sin imágenes</translation>
    </message>
    <message>
        <source>As Teenvio will send it</source>
        <translation>Como lo enviará Teenvio</translation>
    </message>
    <message>
        <source>The message&apos;s own dark-mode styles are applied on a dark background, as Apple Mail, iOS Mail and the Outlook apps do.</source>
        <translation>Se aplican los estilos de modo oscuro del propio mensaje sobre un fondo oscuro, como hacen Apple Mail, Mail de iOS y las apps de Outlook.</translation>
    </message>
    <message>
        <source>This message has no dark-mode styles (prefers-color-scheme), so it shows unchanged on a dark background. Outlook and the Gmail apps recolour such messages: see the forced modes.</source>
        <translation>Este mensaje no tiene estilos para el modo oscuro (prefers-color-scheme), así que se muestra sin cambios sobre un fondo oscuro. Outlook y las apps de Gmail cambian los colores de estos mensajes: mira los modos forzados.</translation>
    </message>
    <message>
        <source>Approximation of Outlook.com, the Outlook apps and the Gmail app for Android: light backgrounds darkened, dark text lightened, images unchanged.</source>
        <translation>Aproximación de Outlook.com, las apps de Outlook y la app de Gmail para Android: fondos claros oscurecidos, texto oscuro aclarado e imágenes sin cambios.</translation>
    </message>
    <message>
        <source>Approximation of the Gmail app for iOS and Outlook for Windows: every colour inverted, images unchanged.</source>
        <translation>Aproximación de la app de Gmail para iOS y Outlook para Windows: todos los colores invertidos e imágenes sin cambios.</translation>
    </message>
    <message>
        <source>Images replaced by their alt text, as email clients show a message before its images are allowed.</source>
        <translation>Imágenes sustituidas por su texto alternativo, como muestran los programas de correo un mensaje antes de permitir sus imágenes.</translation>
    </message>
    <message>
        <source>Some images have no alt text: readers who do not load images see nothing in their place.</source>
        <translation>Algunas imágenes no tienen texto alternativo: quien no cargue las imágenes no verá nada en su lugar.</translation>
    </message>
    <message>
        <source>Approximation: Teenvio adds a header line linking to the web version and, with social links on, icons in the footer, in the campaign&apos;s language. Their exact look may differ.</source>
        <translation>Aproximación: Teenvio añade una línea de cabecera con un enlace a la versión web y, con las redes sociales activadas, iconos en el pie, en el idioma de la campaña. Su aspecto exacto puede variar.</translation>
    </message>
    <message>
        <source>Teenvio adds nothing to this campaign: its header and social links are off.</source>
        <translation>Teenvio no añade nada a esta campaña: la cabecera y las redes sociales están desactivadas.</translation>
    </message>
</context>
<context>
    <name>quality</name>
    <message>
        <source>The spacer image {src} has no alt attribute: add alt=&quot;&quot; so screen readers skip it instead of reading its file name.</source>
        <translation>La imagen espaciadora {src} no tiene atributo alt: añade alt=&quot;&quot; para que los lectores de pantalla la salten en lugar de leer el nombre del archivo.</translation>
    </message>
    <message>
        <source>The image {src} has no alt text: describe it in alt=&quot;…&quot;, or write alt=&quot;&quot; if it is decorative.</source>
        <translation>La imagen {src} no tiene texto alternativo: descríbela en alt=&quot;…&quot;, o escribe alt=&quot;&quot; si es decorativa.</translation>
    </message>
    <message>
        <source>The spacer image {src} has alt text that screen readers will read; use alt=&quot;&quot;.</source>
        <translation>La imagen espaciadora {src} tiene un texto alternativo que los lectores de pantalla leerán; usa alt=&quot;&quot;.</translation>
    </message>
    <message>
        <source>A link to {href} has no text and no image with alt text: screen readers cannot say where it goes.</source>
        <translation>Un enlace a {href} no tiene texto ni una imagen con texto alternativo: los lectores de pantalla no pueden decir adónde lleva.</translation>
    </message>
    <message>
        <source>The link text &quot;{text}&quot; does not say where the link goes; describe the destination (&quot;Read the March report&quot;).</source>
        <translation>El texto del enlace «{text}» no dice adónde lleva; describe el destino («Lee el informe de marzo»).</translation>
    </message>
    <message>
        <source>The heading &lt;h{level}&gt; follows &lt;h{previous}&gt;: a level is skipped, which confuses screen-reader navigation.</source>
        <translation>El encabezado &lt;h{level}&gt; sigue a &lt;h{previous}&gt;: se salta un nivel, lo que confunde la navegación con lector de pantalla.</translation>
    </message>
    <message>
        <source>Layout tables need role=&quot;presentation&quot;, or screen readers announce their rows and columns.</source>
        <translation>Las tablas de maquetación necesitan role=&quot;presentation&quot;; si no, los lectores de pantalla anuncian sus filas y columnas.</translation>
    </message>
    <message>
        <source>The document does not declare its language: add lang=&quot;es&quot; (or the language it is written in) to &lt;html&gt; so screen readers pronounce it right.</source>
        <translation>El documento no declara su idioma: añade lang=&quot;es&quot; (o el idioma en que está escrito) a &lt;html&gt; para que los lectores de pantalla lo pronuncien bien.</translation>
    </message>
    <message>
        <source>Text in {foreground} on {background} has a contrast of {ratio}:1; WCAG AA requires {required}:1 for this text size.</source>
        <translation>El texto en {foreground} sobre {background} tiene un contraste de {ratio}:1; WCAG AA exige {required}:1 para este tamaño de texto.</translation>
    </message>
    <message>
        <source>Text at {size} px is hard to read on a phone; use at least {minimum} px at mobile width (a @media rule can enlarge it).</source>
        <translation>El texto de {size} px se lee mal en un móvil; usa al menos {minimum} px en pantallas de móvil (una regla @media puede agrandarlo).</translation>
    </message>
    <message>
        <source>webmail</source>
        <translation>webmail</translation>
    </message>
    <message>
        <source>mobile webmail</source>
        <translation>webmail móvil</translation>
    </message>
    <message>
        <source>desktop app</source>
        <translation>aplicación de escritorio</translation>
    </message>
    <message>
        <source>iOS</source>
        <translation>iOS</translation>
    </message>
    <message>
        <source>Android</source>
        <translation>Android</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>macOS</source>
        <translation>macOS</translation>
    </message>
    <message>
        <source>Windows Mail</source>
        <translation>Correo de Windows</translation>
    </message>
    <message>
        <source>web</source>
        <translation>web</translation>
    </message>
    <message>
        <source>Gmail</source>
        <translation>Gmail</translation>
    </message>
    <message>
        <source>Outlook (Windows)</source>
        <translation>Outlook (Windows)</translation>
    </message>
    <message>
        <source>Outlook (Mac)</source>
        <translation>Outlook (Mac)</translation>
    </message>
    <message>
        <source>Outlook.com</source>
        <translation>Outlook.com</translation>
    </message>
    <message>
        <source>Outlook mobile</source>
        <translation>Outlook para móviles</translation>
    </message>
    <message>
        <source>Apple Mail</source>
        <translation>Apple Mail</translation>
    </message>
    <message>
        <source>Yahoo! Mail</source>
        <translation>Yahoo! Mail</translation>
    </message>
    <message>
        <source>Samsung Email</source>
        <translation>Samsung Email</translation>
    </message>
    <message>
        <source>Thunderbird</source>
        <translation>Thunderbird</translation>
    </message>
    <message>
        <source>Gmail (mobile webmail)</source>
        <translation>Gmail (webmail móvil)</translation>
    </message>
    <message>
        <source>{feature} is not supported by {unsupported}.</source>
        <translation>{feature}: no lo admiten {unsupported}.</translation>
    </message>
    <message>
        <source>{feature} is only partly supported by {partial}.</source>
        <translation>{feature}: solo lo admiten en parte {partial}.</translation>
    </message>
    <message>
        <source>{feature} is not supported by {unsupported}, and only partly by {partial}.</source>
        <translation>{feature}: no lo admiten {unsupported}, y solo en parte {partial}.</translation>
    </message>
    <message>
        <source>&lt;style&gt; element inside &lt;body&gt;</source>
        <translation>Elemento &lt;style&gt; dentro de &lt;body&gt;</translation>
    </message>
    <message>
        <source>{client} ({platforms})</source>
        <translation>{client} ({platforms})</translation>
    </message>
    <message>
        <source>The address {url} has merge fields, but the SMTP-API sends one identical message to everyone: they would go out unfilled. Use TEA Lite to personalise.</source>
        <translation>La dirección {url} tiene campos de combinación, pero la SMTP-API envía el mismo mensaje a todos: saldrían sin rellenar. Usa TEA Lite para personalizar.</translation>
    </message>
    <message>
        <source>A link has no address.</source>
        <translation>Un enlace no tiene dirección.</translation>
    </message>
    <message>
        <source>The mailto: link {url} has no valid address{address}.</source>
        <translation>El enlace mailto: {url} no tiene una dirección válida{address}.</translation>
    </message>
    <message>
        <source>The link {url} runs JavaScript; email clients remove it.</source>
        <translation>El enlace {url} ejecuta JavaScript; los clientes de correo lo eliminan.</translation>
    </message>
    <message>
        <source>The address {url} is relative; in an email it leads nowhere. Write the full address, starting with https://.</source>
        <translation>La dirección {url} es relativa; en un correo no lleva a ninguna parte. Escribe la dirección completa, empezando por https://.</translation>
    </message>
    <message>
        <source>The image {url} is loaded over plain http://; some webmails block or flag it. Use https://.</source>
        <translation>La imagen {url} se carga por http:// sin cifrar; algunos webmails la bloquean o la marcan. Usa https://.</translation>
    </message>
    <message>
        <source>The link {url} uses plain http://; prefer https://.</source>
        <translation>El enlace {url} usa http:// sin cifrar; mejor https://.</translation>
    </message>
    <message>
        <source>The unsubscribe link {url} uses plain http://; use https://.</source>
        <translation>El enlace de baja {url} usa http:// sin cifrar; usa https://.</translation>
    </message>
    <message>
        <source>The unsubscribe link {url} is not a web (https://) or mailto: address; recipients could not unsubscribe.</source>
        <translation>El enlace de baja {url} no es una dirección web (https://) ni mailto:; los destinatarios no podrían darse de baja.</translation>
    </message>
    <message>
        <source>List-Unsubscribe: {item} is not a valid &lt;mailto:…&gt; or &lt;https://…&gt; address.</source>
        <translation>List-Unsubscribe: {item} no es una dirección &lt;mailto:…&gt; o &lt;https://…&gt; válida.</translation>
    </message>
    <message>
        <source>No unsubscribe link was found (a link whose text or address says &quot;unsubscribe&quot; or &quot;baja&quot;), and no List-Unsubscribe is set. Recipients must be able to opt out.</source>
        <translation>No se ha encontrado un enlace de baja (un enlace cuyo texto o dirección diga «baja» o «unsubscribe») ni hay List-Unsubscribe. Los destinatarios deben poder darse de baja.</translation>
    </message>
    <message>
        <source>no answer within {seconds} s</source>
        <translation>sin respuesta en {seconds} s</translation>
    </message>
    <message>
        <source>the server&apos;s name could not be found</source>
        <translation>no se encontró el nombre del servidor</translation>
    </message>
    <message>
        <source>the server refused the connection</source>
        <translation>el servidor rechazó la conexión</translation>
    </message>
    <message>
        <source>its TLS certificate is not valid ({reason})</source>
        <translation>su certificado TLS no es válido ({reason})</translation>
    </message>
    <message>
        <source>the connection failed ({reason})</source>
        <translation>falló la conexión ({reason})</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not valid HTTP</source>
        <translation>la respuesta del servidor no es HTTP válido</translation>
    </message>
    <message>
        <source>more than {count} redirects</source>
        <translation>más de {count} redirecciones</translation>
    </message>
    <message>
        <source>it redirects to an unusable address: {url}</source>
        <translation>redirige a una dirección inservible: {url}</translation>
    </message>
    <message>
        <source>the address is not valid</source>
        <translation>la dirección no es válida</translation>
    </message>
    <message>
        <source>its merge fields could not be filled in: {reason}</source>
        <translation>no se pudieron rellenar sus campos de combinación: {reason}</translation>
    </message>
    <message>
        <source>it has merge fields and no recipient is chosen</source>
        <translation>tiene campos de combinación y no hay un destinatario elegido</translation>
    </message>
    <message>
        <source>The address {url} has merge fields: choose a recipient to check it with their values.</source>
        <translation>La dirección {url} tiene campos de combinación: elige un destinatario para comprobarla con sus datos.</translation>
    </message>
    <message>
        <source>The address {url} could not be built for the chosen recipient: {problem}.</source>
        <translation>No se pudo construir la dirección {url} para el destinatario elegido: {problem}.</translation>
    </message>
    <message>
        <source>The image {url} could not be loaded: {problem}.</source>
        <translation>No se pudo cargar la imagen {url}: {problem}.</translation>
    </message>
    <message>
        <source>The link {url} could not be followed: {problem}.</source>
        <translation>No se pudo seguir el enlace {url}: {problem}.</translation>
    </message>
    <message>
        <source>The server of {url} answered 429 (too many requests); check it again later.</source>
        <translation>El servidor de {url} respondió 429 (demasiadas peticiones); vuelve a comprobarlo más tarde.</translation>
    </message>
    <message>
        <source>The image {url} answers {status} {reason}: it will not show.</source>
        <translation>La imagen {url} responde {status} {reason}: no se verá.</translation>
    </message>
    <message>
        <source>The link {url} answers {status} {reason}.</source>
        <translation>El enlace {url} responde {status} {reason}.</translation>
    </message>
    <message>
        <source>The link {url} redirects to {final} (redirects: {count}).</source>
        <translation>El enlace {url} redirige a {final} (redirecciones: {count}).</translation>
    </message>
    <message>
        <source>The message has {count} different addresses; only the first {checked} were checked.</source>
        <translation>El mensaje tiene {count} direcciones distintas; solo se han comprobado las {checked} primeras.</translation>
    </message>
    <message>
        <source>SpamAssassin is not installed, so the spam score was not computed. Install it with &quot;sudo apt-get install spamassassin&quot; (Debian, Ubuntu), &quot;sudo dnf install spamassassin&quot; (Fedora) or &quot;brew install spamassassin&quot; (macOS); the other checks work without it.</source>
        <translation>SpamAssassin no está instalado, así que no se calculó la puntuación de spam. Instálalo con «sudo apt-get install spamassassin» (Debian, Ubuntu), «sudo dnf install spamassassin» (Fedora) o «brew install spamassassin» (macOS); las demás comprobaciones funcionan sin él.</translation>
    </message>
    <message>
        <source>SpamAssassin scores this message {score} points; from {threshold} it is marked as spam. Fix the rules below with the most points first.</source>
        <translation>SpamAssassin da a este mensaje {score} puntos; a partir de {threshold} se marca como spam. Corrige primero las reglas de abajo que más puntos suman.</translation>
    </message>
    <message>
        <source>SpamAssassin scores this message {score} points, close to the {threshold} that marks spam.</source>
        <translation>SpamAssassin da a este mensaje {score} puntos, cerca de los {threshold} que lo marcan como spam.</translation>
    </message>
    <message>
        <source>SpamAssassin rule {rule} (+{points} points): {description}</source>
        <translation>Regla de SpamAssassin {rule} (+{points} puntos): {description}</translation>
    </message>
</context>
<context>
    <name>recipients</name>
    <message>
        <source>Importing recipients</source>
        <translation>Importando destinatarios</translation>
    </message>
    <message>
        <source>Not a valid email address</source>
        <translation>No es una dirección de correo electrónico válida</translation>
    </message>
    <message>
        <source>No email address in this row</source>
        <translation>No hay ninguna dirección de correo electrónico en esta fila</translation>
    </message>
    <message>
        <source>This row has a different number of fields than the header</source>
        <translation>Esta fila tiene un número de campos distinto al de la cabecera</translation>
    </message>
    <message>
        <source>Repeats an address already in the list</source>
        <translation>Repite una dirección que ya está en la lista</translation>
    </message>
    <message>
        <source>On the suppression list (bounced or unsubscribed)</source>
        <translation>En la lista de exclusión (rebote o dado de baja)</translation>
    </message>
</context>
<context>
    <name>runtime</name>
    <message>
        <source>--smtp-host and --user are both needed for SMTP.</source>
        <translation>Para SMTP se necesitan tanto --smtp-host como --user.</translation>
    </message>
    <message>
        <source>--api and --source-system are both needed.</source>
        <translation>Se necesitan tanto --api como --source-system.</translation>
    </message>
    <message>
        <source>Note: Teenvio marks port 2500 as deprecated; prefer 58700 or 46500.</source>
        <translation>Nota: Teenvio marca el puerto 2500 como obsoleto; es preferible usar 58700 o 46500.</translation>
    </message>
    <message>
        <source>The password and/or token are missing: give them on stdin, one per line (password first), or in TEENVIO_PASSWORD / TEENVIO_TOKEN.</source>
        <translation>Falta la contraseña, el token o ambos: indícalos por stdin, uno por línea (primero la contraseña), o en TEENVIO_PASSWORD / TEENVIO_TOKEN.</translation>
    </message>
    <message>
        <source>The account was saved without its secrets. Once the keyring works, run “account add NAME --replace” again, or set TEENVIO_PASSWORD / TEENVIO_TOKEN for each command.</source>
        <translation>La cuenta se ha guardado sin sus secretos. Cuando funcione el llavero del sistema, vuelve a ejecutar “account add NAME --replace” o define TEENVIO_PASSWORD / TEENVIO_TOKEN en cada comando.</translation>
    </message>
    <message>
        <source>Account “{name}” saved.</source>
        <translation>Cuenta “{name}” guardada.</translation>
    </message>
    <message>
        <source>No accounts yet. Add one with “teenvio-desktop account add”.</source>
        <translation>Aún no hay cuentas. Añade una con “teenvio-desktop account add”.</translation>
    </message>
    <message>
        <source> (deprecated port)</source>
        <translation> (puerto obsoleto)</translation>
    </message>
    <message>
        <source>SMTP-API</source>
        <translation>SMTP-API</translation>
    </message>
    <message>
        <source>TEA Lite</source>
        <translation>TEA Lite</translation>
    </message>
    <message>
        <source>{transport}: OK</source>
        <translation>{transport}: OK</translation>
    </message>
    <message>
        <source>{transport}: FAILED</source>
        <translation>{transport}: ERROR</translation>
    </message>
    <message>
        <source>Account “{name}” and its keyring entries removed.</source>
        <translation>Se han eliminado la cuenta “{name}” y sus entradas del llavero del sistema.</translation>
    </message>
    <message>
        <source>A recipient list named “{name}” already exists. Add --replace to replace its members with the file&apos;s, --append to add the file&apos;s new addresses to it, or choose another name with --list.</source>
        <translation>Ya existe una lista de destinatarios llamada “{name}”. Añade --replace para sustituir sus destinatarios por los del archivo, --append para añadirle las direcciones nuevas del archivo, o elige otro nombre con --list.</translation>
    </message>
    <message>
        <source>List “{name}”: {valid} valid, {invalid} invalid, {duplicates} duplicates, {suppressed} suppressed.</source>
        <translation>Lista “{name}”: {valid} válidos, {invalid} no válidos, {duplicates} duplicados, {suppressed} excluidos.</translation>
    </message>
    <message>
        <source>The list&apos;s members were replaced. Recipients in the list now: {n}.</source>
        <translation>Se sustituyeron los destinatarios de la lista. Destinatarios en la lista ahora: {n}.</translation>
    </message>
    <message>
        <source>Added to the list: {added}. Recipients in the list now: {n}.</source>
        <translation>Añadidos a la lista: {added}. Destinatarios en la lista ahora: {n}.</translation>
    </message>
    <message>
        <source>Addresses with non-ASCII characters before the @, which the SMTP-API cannot take (TEA Lite can): {count}.</source>
        <translation>Direcciones con caracteres no ASCII antes de la @, que la SMTP-API no admite (TEA Lite sí): {count}.</translation>
    </message>
    <message>
        <source>  ... use --rejects FILE for the full report</source>
        <translation>  ... usa --rejects FILE para obtener el informe completo</translation>
    </message>
    <message>
        <source>{count} recipients written to {file}</source>
        <translation>{count} destinatarios escritos en {file}</translation>
    </message>
    <message>
        <source>Invalid sandbox option: {reason}</source>
        <translation>Opción de entorno de pruebas no válida: {reason}</translation>
    </message>
    <message>
        <source>Could not start the sandbox: {reason}</source>
        <translation>No se pudo iniciar el entorno de pruebas: {reason}</translation>
    </message>
    <message>
        <source>--api URL (or --account NAME) is required with --via rest.</source>
        <translation>Con --via rest se necesita --api URL (o --account NAME).</translation>
    </message>
    <message>
        <source>Set the TEA Lite token in TEENVIO_TOKEN, or use --account NAME.</source>
        <translation>Define el token de TEA Lite en TEENVIO_TOKEN o usa --account NAME.</translation>
    </message>
    <message>
        <source>Missing arguments: {flags}.</source>
        <translation>Faltan argumentos: {flags}.</translation>
    </message>
    <message>
        <source>Give the recipients with --recipients FILE or --to ADDR ...</source>
        <translation>Indica los destinatarios con --recipients FILE o --to ADDR ...</translation>
    </message>
    <message>
        <source>--source-system and --campaign-id are required with --via rest.</source>
        <translation>Con --via rest se necesitan --source-system y --campaign-id.</translation>
    </message>
    <message>
        <source>Resuming campaign {ref}: {accepted} of {total} messages already accepted.
</source>
        <translation>Reanudando la campaña {ref}: {accepted} de {total} mensajes ya aceptados.
</translation>
    </message>
    <message>
        <source>Left out {count} suppressed addresses.
</source>
        <translation>Se han omitido {count} direcciones excluidas.
</translation>
    </message>
    <message>
        <source>Left out {count} repeated addresses.
</source>
        <translation>Se han omitido {count} direcciones repetidas.
</translation>
    </message>
    <message>
        <source>Failed: {recipient}: {category} {text}
</source>
        <translation>Fallido: {recipient}: {category} {text}
</translation>
    </message>
    <message>
        <source>{count} messages may or may not have arrived: TEA Lite&apos;s answer was lost and its responses do not show them yet. They were not sent again:
</source>
        <translation>Puede que {count} mensajes hayan llegado o no: se perdió la respuesta de TEA Lite y sus respuestas todavía no los muestran. No se han vuelto a enviar:
</translation>
    </message>
    <message>
        <source>Uncertain: {recipient} ({reason})
</source>
        <translation>Incierto: {recipient} ({reason})
</translation>
    </message>
    <message>
        <source>Run the same command later to look again, or add --resend-uncertain [ADDR ...] to send them again (a recipient may then get two copies).
</source>
        <translation>Ejecuta de nuevo la misma orden más tarde para volver a comprobarlo, o añade --resend-uncertain [DIRECCIÓN ...] para enviarlos otra vez (un destinatario podría recibir dos copias).
</translation>
    </message>
    <message>
        <source>Not uncertain in this campaign, so not sent again: {addresses}</source>
        <translation>No están en estado incierto en esta campaña, así que no se vuelven a enviar: {addresses}</translation>
    </message>
    <message>
        <source>Sending {count} uncertain messages again: {addresses}
</source>
        <translation>Se vuelven a enviar {count} mensajes inciertos: {addresses}
</translation>
    </message>
    <message>
        <source>--concurrency and --rate must be positive.</source>
        <translation>--concurrency y --rate deben ser positivos.</translation>
    </message>
    <message>
        <source>--reconcile-wait must be between 0 and 86400.</source>
        <translation>--reconcile-wait debe estar entre 0 y 86400.</translation>
    </message>
    <message>
        <source>--server must be HOST:PORT, for example api.teenvio.com:46500.</source>
        <translation>--server debe tener el formato HOST:PORT, por ejemplo, api.teenvio.com:46500.</translation>
    </message>
    <message>
        <source>SMTP password: </source>
        <translation>Contraseña SMTP: </translation>
    </message>
    <message>
        <source>Missing arguments: {flags} (or use --account NAME).</source>
        <translation>Faltan argumentos: {flags} (o usa --account NAME).</translation>
    </message>
    <message>
        <source>--security none would send the password in clear text; it is only allowed for this computer (localhost). Use --security tls or starttls.</source>
        <translation>--security none enviaría la contraseña sin cifrar; solo se permite con este equipo (localhost). Usa --security tls o starttls.</translation>
    </message>
    <message>
        <source>No password: set TEENVIO_PASSWORD, use --account NAME with a saved password, or run in a terminal to be asked for it.</source>
        <translation>No hay contraseña: define TEENVIO_PASSWORD, usa --account NAME con una contraseña guardada o ejecútalo en un terminal para que se te pida.</translation>
    </message>
    <message>
        <source>Cannot read {flag} {path}: {reason}</source>
        <translation>No se puede leer {flag} {path}: {reason}</translation>
    </message>
    <message>
        <source>--row {row}: the list has {count} recipients.</source>
        <translation>--row {row}: la lista tiene {count} destinatarios.</translation>
    </message>
    <message>
        <source>{file}: errors {errors}, warnings {warnings}, advice {advice}</source>
        <translation>{file}: errores {errors}, avisos {warnings}, consejos {advice}</translation>
    </message>
    <message>
        <source>Compatibility: {overall}% overall ({clients})</source>
        <translation>Compatibilidad: {overall} % en total ({clients})</translation>
    </message>
    <message>
        <source>Links and images: {checked} checked, {failed} with problems</source>
        <translation>Enlaces e imágenes: {checked} comprobados, {failed} con problemas</translation>
    </message>
    <message>
        <source>Spam score: {score} (marked as spam from {threshold})</source>
        <translation>Puntuación de spam: {score} (se marca como spam desde {threshold})</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>advice</source>
        <translation>consejo</translation>
    </message>
    <message>
        <source>Also at lines {lines}</source>
        <translation>También en las líneas {lines}</translation>
    </message>
    <message>
        <source>--language must be one of Teenvio&apos;s language ids: {ids}.</source>
        <translation>--language debe ser uno de los ID de idioma de Teenvio: {ids}.</translation>
    </message>
    <message>
        <source>--image must be CID=FILE, for example logo=logo.png.</source>
        <translation>--image debe tener el formato CID=FILE, por ejemplo, logo=logo.png.</translation>
    </message>
    <message>
        <source>--image {path} is not an image file.</source>
        <translation>--image {path} no es un archivo de imagen.</translation>
    </message>
    <message>
        <source>Cannot read --recipients {path}.</source>
        <translation>No se puede leer --recipients {path}.</translation>
    </message>
    <message>
        <source>Cannot read --recipients {path}: {reason}</source>
        <translation>No se puede leer --recipients {path}: {reason}</translation>
    </message>
    <message>
        <source>Give the recipients with --to ADDR ... or --recipients FILE.</source>
        <translation>Indica los destinatarios con --to ADDR ... o --recipients FILE.</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>Aviso: {text}</translation>
    </message>
    <message>
        <source>Refused: {address}: {code} {text}</source>
        <translation>Rechazado: {address}: {code} {text}</translation>
    </message>
    <message>
        <source>Left out {count} addresses the SMTP-API cannot take (characters other than plain letters and digits before the @; send them with --via rest): {addresses}</source>
        <translation>Se han dejado fuera {count} direcciones que la SMTP-API no admite (caracteres que no son letras sin tilde ni dígitos antes de la @; envíalas con --via rest): {addresses}</translation>
    </message>
    <message>
        <source>Left out {count} suppressed addresses.</source>
        <translation>Se han omitido {count} direcciones excluidas.</translation>
    </message>
    <message>
        <source>contacts imported: {count}</source>
        <translation>contactos importados: {count}</translation>
    </message>
    <message>
        <source>{option} must be YYYYMMDDHHMMSS (UTC), got {value}.</source>
        <translation>{option} debe tener el formato YYYYMMDDHHMMSS (UTC); se ha recibido {value}.</translation>
    </message>
    <message>
        <source>--max-pages must be positive.</source>
        <translation>--max-pages debe ser positivo.</translation>
    </message>
    <message>
        <source>--api URL and --source-system ID (or --account NAME) are required.</source>
        <translation>Se necesitan --api URL y --source-system ID (o --account NAME).</translation>
    </message>
    <message>
        <source>No TEA Lite token: set TEENVIO_TOKEN, or save an account with this API address and its token in the keyring.</source>
        <translation>No hay token de TEA Lite: define TEENVIO_TOKEN o guarda en el llavero del sistema una cuenta con esta dirección de API y su token.</translation>
    </message>
    <message>
        <source>No campaign of source system {source} is known here; name one with --campaign-id.</source>
        <translation>Aquí no se conoce ninguna campaña del sistema de origen {source}; indica una con --campaign-id.</translation>
    </message>
    <message>
        <source>Skipped {count} {kind} entries the server sent malformed ({reasons}); the figures leave them out.</source>
        <translation>Se han descartado {count} entradas de {kind} que el servidor envió mal formadas ({reasons}); las cifras no las incluyen.</translation>
    </message>
    <message>
        <source>{count} rows</source>
        <translation>{count} filas</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptados</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <source>Hard bounces</source>
        <translation>Rebotes duros</translation>
    </message>
    <message>
        <source>Soft bounces</source>
        <translation>Rebotes blandos</translation>
    </message>
    <message>
        <source>Opens (unique)</source>
        <translation>Aperturas (únicas)</translation>
    </message>
    <message>
        <source>Clicks (unique)</source>
        <translation>Clics (únicos)</translation>
    </message>
    <message>
        <source>Click-through rate</source>
        <translation>Tasa de clics (CTR)</translation>
    </message>
    <message>
        <source>Unsubscribes</source>
        <translation>Bajas</translation>
    </message>
</context>
<context>
    <name>runtime.runtime</name>
    <message>
        <source>Nothing was sent. Use --via rest to personalise, or remove the fields.</source>
        <translation>No se ha enviado nada. Usa --via rest para personalizar o quita los campos.</translation>
    </message>
</context>
<context>
    <name>smtp</name>
    <message>
        <source>Preparing the message</source>
        <translation>Preparando el mensaje</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Authenticating</source>
        <translation>Autenticando</translation>
    </message>
    <message>
        <source>Adding recipients</source>
        <translation>Añadiendo destinatarios</translation>
    </message>
    <message>
        <source>Sending the message</source>
        <translation>Enviando el mensaje</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
</context>
<context>
    <name>starters</name>
    <message>
        <source>Newsletter</source>
        <translation>Boletín</translation>
    </message>
    <message>
        <source>Logo, an introduction, two articles and a button.</source>
        <translation>Logotipo, una introducción, dos artículos y un botón.</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Anuncio</translation>
    </message>
    <message>
        <source>A main image, a headline, three benefits and a button.</source>
        <translation>Una imagen principal, un titular, tres ventajas y un botón.</translation>
    </message>
    <message>
        <source>Plain letter</source>
        <translation>Carta sencilla</translation>
    </message>
    <message>
        <source>Text only, like a personal letter: reads well anywhere.</source>
        <translation>Solo texto, como una carta personal: se lee bien en cualquier sitio.</translation>
    </message>
</context>
<context>
    <name>stats</name>
    <message>
        <source>Time (UTC)</source>
        <translation>Hora (UTC)</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Message id</source>
        <translation>ID de mensaje</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Server text</source>
        <translation>Texto del servidor</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Link name</source>
        <translation>Nombre del enlace</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Campaign id</source>
        <translation>ID de campaña</translation>
    </message>
    <message>
        <source>Non-openers of {subject}</source>
        <translation>No abrieron: {subject}</translation>
    </message>
    <message>
        <source>Openers of {subject}</source>
        <translation>Abrieron: {subject}</translation>
    </message>
    <message>
        <source>Clickers of {subject}</source>
        <translation>Hicieron clic: {subject}</translation>
    </message>
    <message>
        <source>Fetching {kind} (page {page})</source>
        <translation>Obteniendo {kind} (página {page})</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Testing the SMTP-API connection</source>
        <translation>Probando la conexión SMTP-API</translation>
    </message>
    <message>
        <source>Testing the TEA Lite connection</source>
        <translation>Probando la conexión TEA Lite</translation>
    </message>
    <message>
        <source>Sending through TEA Lite</source>
        <translation>Enviando mediante TEA Lite</translation>
    </message>
    <message>
        <source>Checking in TEA Lite&apos;s responses whether the uncertain messages arrived</source>
        <translation>Comprobando en las respuestas de TEA Lite si llegaron los mensajes inciertos</translation>
    </message>
    <message>
        <source>Preparing the TEA Lite campaign</source>
        <translation>Preparando la campaña de TEA Lite</translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <source>Teenvio turns the attachment &quot;{name}&quot; into a download link.</source>
        <translation>Teenvio convierte el adjunto &quot;{name}&quot; en un enlace de descarga.</translation>
    </message>
    <message>
        <source>The inline image &quot;{cid}&quot; is not used in the HTML; Teenvio will treat it as an attachment.</source>
        <translation>La imagen incrustada &quot;{cid}&quot; no se usa en el HTML; Teenvio la tratará como un adjunto.</translation>
    </message>
    <message>
        <source>The HTML shows the image &quot;cid:{cid}&quot;, but no such image is added.</source>
        <translation>El HTML muestra la imagen &quot;cid:{cid}&quot;, pero no se ha añadido ninguna imagen con ese nombre.</translation>
    </message>
</context>
</TS>
