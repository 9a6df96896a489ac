<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP-API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as shown in Teenvio: Configuration → APIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{port} — TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{port} — STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} (deprecated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (this computer only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teenvio marks port 2500 as deprecated; prefer 46500 (TLS) or 58700.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usuario.nombredeplan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port and security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite REST API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line: Name &lt;address@example.com&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validated senders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply-to addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged (stored in the keyring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password and/or token for the connections.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsArea</name>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} at {host}:{port} ({security})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{url} (source system {source})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply-to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the account “{name}”? Its password and token are also deleted from the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account not removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing “{name}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP-API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last test: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ {transport}: connection and login work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ {transport}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No account selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port 2500 is deprecated; prefer 46500 (TLS) or 58700.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Compose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Images and files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inline image cid:{cid} ({name}, {size})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment {name} ({size}), sent as a link by Teenvio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CampaignFieldsPanel</name>
    <message>
        <source>SMTP-API (one message to all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite REST (personalised)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ana@example.com, luis@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule the sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply-to name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List-Unsubscribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (sandbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses typed below</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{name} (%Ln recipient(s))</source>
        <translation>
            <numerusform>{name} (%Ln recipient)</numerusform>
            <numerusform>{name} (%Ln recipients)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignListModel</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent, some failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(campaign {ref})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test: {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{subject}
{date} through {via} to %Ln recipient(s)</source>
        <translation>
            <numerusform>{subject}
{date} through {via} to %Ln recipient</numerusform>
            <numerusform>{subject}
{date} through {via} to %Ln recipients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckActions</name>
    <message>
        <source>Send through TEA Lite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the merge fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge fields and the SMTP-API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP-API sends the same message to every recipient, so {{ … }} fields would arrive as typed. TEA Lite sends one personalised message per recipient; removing the fields keeps their default text, if any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending through TEA Lite: each recipient gets their own copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge fields removed (Ctrl+Z in each field brings them back).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <source>Pre-send checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{errors}; {warnings}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) block sending</source>
        <translation>
            <numerusform>%n error blocks sending</numerusform>
            <numerusform>%n errors block sending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ready to send, with %n warning(s).</source>
        <translation>
            <numerusform>Ready to send, with %n warning.</numerusform>
            <numerusform>Ready to send, with %n warnings.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{size} KB of {limit} KB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClashBox</name>
    <message>
        <source>Replace its recipients with this file&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this file&apos;s new addresses to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import it as a new list named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A list with this name already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“{name}” already has %n recipient(s). What should this import do?</source>
        <translation>
            <numerusform>“{name}” already has %n recipient. What should this import do?</numerusform>
            <numerusform>“{name}” already has %n recipients. What should this import do?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeActions</name>
    <message>
        <source>&amp;New campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New from &amp;template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open HTML, MJML or .eml…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save draft &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find and replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inline CSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test send…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sen&amp;d…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Composer tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More commands: drafts, plain text, CSS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposeArea</name>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teenvio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teenvio options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images and files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposeSending</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP-API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite REST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &quot;{subject}&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport: {transport}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: {account}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: {sender}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size: {size} KB of {limit} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header: {cab}; social links: {social}; language: {language}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track opens: {opens}; track clicks: {clicks}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out, as the SMTP-API cannot take them: {count} ({addresses})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign id: {campaign}; source system: {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List-Unsubscribe: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled for {when}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContentController</name>
    <message>
        <source>Open HTML, MJML or email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML, MJML and email files (*.html *.htm *.mjml *.eml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write in MJML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTML part will be compiled from MJML from now on, replacing the HTML in the editor. Go on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit as HTML instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compiled HTML becomes the HTML part and the MJML source is dropped. Go on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text generated from the HTML. Undo (Ctrl+Z) brings back yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An MJML campaign gets its styles inline from MJML when it compiles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <source>Untitled campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft &quot;{title}&quot; saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} (recovered)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Open draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the draft &quot;{title}&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorTabs</name>
    <message>
        <source>HTML source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain-text part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MJML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <source>Composer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>{number}%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import recipients</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyringBanner</name>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkCheckDialog</name>
    <message>
        <source>Checking links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visiting every link and image before sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link check progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links and images were not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links and images: {summary}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… see the Quality tab for the rest.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListsModel</name>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{source}, %Ln recipient(s)</source>
        <translation>
            <numerusform>{source}, %Ln recipient</numerusform>
            <numerusform>{source}, %Ln recipients</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Teenvio Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to the local sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Teenvio Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour &amp;scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Teenvio Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teenvio Desktop {version}

Compose email campaigns, send them through Teenvio&apos;s SMTP-API or the TEA Lite REST API, and follow what happened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other columns you tick are kept as merge fields under their names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: reuse it for files like this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge fields:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this mapping as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always kept: {{{{ {column} }}}} works in the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A list with this name already exists: choose another name, or go Back to replace that list or add to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using the saved mapping “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <source>&amp;Add recipient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit recipient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient not changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MjmlPanel</name>
    <message>
        <source>MJML source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compiled HTML (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MJML compile result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MJML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MJML commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the problem&apos;s line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit as HTML instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the compiled HTML as the HTML part and stop using MJML.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the HTML part in MJML, the markup most email developers use for responsive layouts. It is compiled on this computer as you type; the preview and every check use the compiled HTML.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write in MJML</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(and %n more warning(s))</source>
        <translation>
            <numerusform>(and %n more warning)</numerusform>
            <numerusform>(and %n more warnings)</numerusform>
        </translation>
    </message>
    <message>
        <source>Compiled without errors.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <source>Areas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unique clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top clicked links</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewController</name>
    <message>
        <source>Dark: the message&apos;s own styles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark: the message has no dark styles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>light on the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Images off: %n without alt text</source>
        <translation>
            <numerusform>Images off: %n without alt text</numerusform>
            <numerusform>Images off: %n without alt text</numerusform>
        </translation>
    </message>
    <message>
        <source>As Teenvio will send it (approximate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teenvio adds nothing (header and social links off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge fields not filled in for {recipient}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MJML does not compile: the last version that did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge fields could not be filled in for {recipient}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MJML does not compile ({where}): the preview shows the last version that did.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewModeBar</name>
    <message>
        <source>Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: {view}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote images are blocked (they tell the sender you looked). Load them for this message only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load remote images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side with light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the header line and social links the SMTP-API adds, as set in Teenvio options (an approximation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the SMTP-API adds a header and social links; TEA Lite sends the message as written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Subject as the recipient sees it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the preview shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the preview&apos;s conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain-text part as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message headers as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview in light mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject for {recipient}: {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) blocked</source>
        <translation>
            <numerusform>%n remote image blocked</numerusform>
            <numerusform>%n remote images blocked</numerusform>
        </translation>
    </message>
    <message>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this link in your web browser?

{url}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Prompter</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign has unsaved changes. Save them as a draft first?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QualityController</name>
    <message>
        <source>no web links or images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n redirected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpamAssassin is not installed (see the advice below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{score} points (marked as spam from {threshold})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QualityPanel</name>
    <message>
        <source>Quality summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support by email client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every link and image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spam score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spam score with SpamAssassin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked yet (links are visited only on request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not scored yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email clients: nothing to score yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{client} {percent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email clients: {overall} overall. {clients}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support of this message&apos;s features (caniemail {version}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) of advice</source>
        <translation>
            <numerusform>%n piece of advice</numerusform>
            <numerusform>%n pieces of advice</numerusform>
        </translation>
    </message>
    <message>
        <source>Email-client compatibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links and images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group}: {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}; {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message} (line {line})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more place(s)</source>
        <translation>
            <numerusform>… and %n more place</numerusform>
            <numerusform>… and %n more places</numerusform>
        </translation>
    </message>
    <message>
        <source>Also at line {line}, column {column}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipientPicker</name>
    <message>
        <source>Preview with the data of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient whose data the preview shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody (fields as written)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipientsArea</name>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a CSV, XLSX or ODS file here to import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search address or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients of the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a list to see its recipients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln recipient(s)</source>
        <translation>
            <numerusform>%Ln recipient</numerusform>
            <numerusform>%Ln recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln recipient(s)</source>
        <translation>
            <numerusform>{shown} of %Ln recipient</numerusform>
            <numerusform>{shown} of %Ln recipients</numerusform>
        </translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the merged list (repeated addresses are kept once):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {names}? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryBanner</name>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app did not close properly. Unsaved work from {time} (&quot;{subject}&quot;) was recovered. Restore it?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Resend</name>
    <message>
        <source>Send the message again to the recipients that may already have it ({count}: {addresses})? No answer from TEA Lite said whether they got it, so some may receive it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestSend</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May have been sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge field not filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the suppression list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suppressed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export rejected rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Importing… %Ln row(s) read</source>
        <translation>
            <numerusform>Importing… %Ln row read</numerusform>
            <numerusform>Importing… %Ln rows read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The list “{name}” is ready with %Ln recipient(s).</source>
        <translation>
            <numerusform>The list “{name}” is ready with %Ln recipient.</numerusform>
            <numerusform>The list “{name}” is ready with %Ln recipients.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export rejected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} rejected rows written to {file}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsArea</name>
    <message>
        <source>Bounces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the newest statistics from Teenvio now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the people who did not open, or who clicked, as a recipient list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who did not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who clicked</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln row to {path}.</numerusform>
            <numerusform>Exported %Ln rows to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved the list “{name}” with %Ln recipient(s).</source>
        <translation>
            <numerusform>Saved the list “{name}” with %Ln recipient.</numerusform>
            <numerusform>Saved the list “{name}” with %Ln recipients.</numerusform>
        </translation>
    </message>
    <message>
        <source>TEA Lite token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token was rejected. Enter the account&apos;s TEA Lite token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No TEA Lite connection is configured for this campaign&apos;s account, so its statistics cannot be fetched. Add the account&apos;s TEA Lite details in Accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsHeader</name>
    <message>
        <source>Choose a campaign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite rejected the token, so polling stopped. Enter a valid token to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last synced: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(polling stopped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error ({time}): {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResumeCampaignsDialog</name>
    <message>
        <source>Unfinished campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{subject} (campaign {ref}): {accepted} of {total} sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These campaigns stopped before every message was sent. Resuming sends only the messages not yet accepted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendController</name>
    <message>
        <source>Cannot send yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test message sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sent to %n recipient(s).</source>
        <translation>
            <numerusform>Sent to %n recipient.</numerusform>
            <numerusform>Sent to %n recipients.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not everyone was sent to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendNotesPanel</name>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide who was not sent to, and why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again anyway…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendNotesText</name>
    <message numerus="yes">
        <source>%n recipient(s) left out: the SMTP-API cannot take addresses with characters other than plain letters and digits before the @ ({addresses}). Send them through TEA Lite, or correct the addresses in the list.</source>
        <translation>
            <numerusform>%n recipient left out: the SMTP-API cannot take addresses with characters other than plain letters and digits before the @ ({addresses}). Send it through TEA Lite, or correct the address in the list.</numerusform>
            <numerusform>%n recipients left out: the SMTP-API cannot take addresses with characters other than plain letters and digits before the @ ({addresses}). Send them through TEA Lite, or correct the addresses in the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) refused by the server: {addresses}</source>
        <translation>
            <numerusform>%n recipient refused by the server: {addresses}</numerusform>
            <numerusform>%n recipients refused by the server: {addresses}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) may have been sent: no answer from TEA Lite confirmed it ({addresses}). They are not sent again unless you choose “Send again anyway”; they may then receive the message twice.</source>
        <translation>
            <numerusform>%n recipient may have been sent: no answer from TEA Lite confirmed it ({addresses}). It is not sent again unless you choose “Send again anyway”; it may then receive the message twice.</numerusform>
            <numerusform>%n recipients may have been sent: no answer from TEA Lite confirmed it ({addresses}). They are not sent again unless you choose “Send again anyway”; they may then receive the message twice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) left out</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) refused by the server</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) may have been sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>How the file is read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected automatically; change anything that looks wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First row is a header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows to skip before the header:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected: encoding {encoding}, delimiter {delimiter}, {header}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workbook: sheet {sheet}, {header}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with a header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Teenvio Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process {pid} on {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data directory {path} is in use by {who}, which did not answer. Close the other Teenvio Desktop window (or wait for it to finish), or start with --data-dir to use another directory.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmtpSendDialog</name>
    <message>
        <source>Sending through the SMTP-API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{stage}: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>Where are the recipients?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV, TSV or TXT file, an Excel (XLSX) or OpenDocument (ODS) workbook, or cells pasted from a spreadsheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste addresses or spreadsheet cells here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists (*.csv *.tsv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StarterDialog</name>
    <message>
        <source>New campaign from a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsive templates written in MJML, with alt text, readable contrast in light and dark mode, and an unsubscribe link to point at your page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatsTableModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryCards</name>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages handed to Teenvio; the detail says how many it accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages the recipients&apos; servers accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who opened the message at least once (unique opens), their share of the delivered messages, and every open counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who clicked a link (unique clicks), the click-through rate (their share of the delivered messages), and every click counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages returned: hard bounces (the address does not work) and soft bounces (a temporary problem).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who asked not to receive more messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{accepted} accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of those sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of those delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hard} hard · {soft} soft</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <source>Filter (any column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeaLiteSendDialog</name>
    <message>
        <source>Test send through TEA Lite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending through TEA Lite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May have been sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again anyway…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every recipient and filling the outbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused. Messages already sent are not sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: waiting for the requests in flight…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Done: all %Ln message(s) were accepted.</source>
        <translation>
            <numerusform>Done: %Ln message was accepted.</numerusform>
            <numerusform>Done: all %Ln messages were accepted.</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished: {accepted} accepted, {failed} failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. The messages not sent stay in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. The campaign can be resumed later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeenvioLanguage</name>
    <message>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Galician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basque</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeenvioOptionsPanel</name>
    <message>
        <source>Teenvio options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &quot;can&apos;t see this message&quot; header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social network links in the footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header and footer language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestSendDialog</name>
    <message>
        <source>Test send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@example.com, colleague@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No personalisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render with the data of</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestSendsToggle</name>
    <message>
        <source>Show test sends</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>Opens and clicks over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Per {interval}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No opens or clicks yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{opens} opens and {clicks} clicks from {start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_OnDemandCheck</name>
    <message>
        <source>{check} %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel: {check}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>checks</name>
    <message>
        <source>The HTML part is empty. Teenvio needs an HTML and a plain-text part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plain-text part is empty. Teenvio rejects messages without it: use &quot;Generate plain text&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTML is {size_kb} KB; Gmail clips messages past about 102 KB and hides the rest (including the unsubscribe link).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTML shows the image cid:{cid}, but no inline image has that id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inline image {cid} is never referenced from the HTML; Teenvio will turn it into a link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link &quot;{href}&quot; is not a valid web, mailto or tel address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTML contains &lt;{tag}&gt; elements ({count}); email clients remove them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links in the HTML: {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no recipients: choose a recipient list or type addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a sender address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sender {sender} is not validated for this account; Teenvio refuses it (553). Validate it in Teenvio or choose another sender.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>campaign id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply-to address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sender name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply-to name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite requires the {field}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List-Unsubscribe should be a mailto: or https: address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply-to address {reply_to} is not a validated sender of this account; Teenvio refuses it. Validate it in Teenvio or choose a validated address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP-API sends one identical message to every recipient, so merge fields ({fields}) would arrive as typed, braces included. Send through TEA Lite to personalise, or remove the fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge fields ({fields}) are used but no recipient list is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge field {{{{ {field} }}}} is not a column of the recipient list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is {size} bytes; the limit is {limit} bytes. Make the images smaller or link them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is {size} bytes, close to the limit of {limit} bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients the SMTP-API cannot take (characters other than plain letters and digits before the @): {count} ({addresses}). The send leaves them out; send through TEA Lite to reach them, or correct the addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teenvio turns the attachment {filename} into a download link.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The database {path} was created by a newer version of teenvio-desktop (schema {found}, this version knows up to {supported}). Update the application, or start it with another --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite rejected the token. Check the account&apos;s token and source system, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite is temporarily unavailable; the request will be retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite refused the request for good: {reason}. Fix it before sending again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not get an answer from TEA Lite at {url} ({detail}). Check the address and your connection; the request will be retried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of {url} could not be verified ({detail}). If the server uses a private CA, name its CA file in the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answer of TEA Lite&apos;s {endpoint} is larger than {limit} bytes, so it was not read. Ask for a shorter time window, or ask the server&apos;s operator why its pages are so large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite&apos;s {endpoint} took more than {seconds} seconds to send its answer, so it was abandoned. Check your connection and try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite&apos;s {endpoint} answered something that is not what its documentation describes ({detail}). Nothing from this answer was stored; check the API address, or report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite&apos;s {endpoint} answered page {page} with the same entries as the page before: the server does not honour the page parameter. Reading stopped; the entries read so far were kept. Report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite&apos;s {endpoint} was still sending pages after {limit} pages for one time window, so reading stopped; the entries read so far were kept. Ask for a shorter time window, or report it to the server&apos;s operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no account named “{name}”. List them with “teenvio-desktop account list” or add it in the Accounts area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account named “{name}” already exists. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keyring is not available ({detail}), so passwords and tokens cannot be saved. They are kept in memory until the application closes and will have to be entered again next time. Unlock or install a keyring (for example GNOME Keyring or KWallet), then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keyring was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {what} is known for the account “{account}”. Enter it in the account (or set it in the environment variable for the command line).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account “{account}” has no {transport} connection configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account needs an SMTP-API connection, a TEA Lite connection, or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account name must be 1 to {limit} characters, without control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name “{name}” is reserved for the built-in sandbox account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the SMTP host shown in Teenvio&apos;s Configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP port must be between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security must be TLS, STARTTLS or none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A connection without encryption would send the password in clear text; it is only allowed to this computer (localhost). Choose TLS or STARTTLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the SMTP user, in the form usuario.nombredeplan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TEA Lite address must be a full URL such as https://host/api.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TEA Lite address must use https: plain http would send the token in clear text (only allowed to this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the TEA Lite source system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{address}” is not a valid email address: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name for {address} contains control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an account with a TEA Lite connection before sending through TEA Lite.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draft {draft_id} no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSS could not be inlined: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The merge fields could not be filled ({count} problems). Fix the recipient list or the template; nothing was sent:
{details}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {field} contains a line break. It must be a single line: remove the line break and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {field} contains an invisible control character ({code_point}). Remove it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {field} &quot;{address}&quot; is not a valid email address ({reason}). Correct it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {field} is empty. Teenvio needs it to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {field} &quot;{value}&quot; is not allowed. Correct it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {field} contains characters that cannot be written into an email header faithfully. Simplify it (for example, remove unusual symbols) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The campaign cannot be sent through TEA Lite yet: {problems}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nobody to send to ({suppressed} addresses are on the suppression list). Add recipients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A TEA Lite request would be {size} bytes, over the limit of {limit} bytes ({count} recipients affected). Make the attachments or the content smaller; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} recipients have an invalid address (row: address): {rows}. Correct them; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No TEA Lite account is available to resume campaign {campaign}. Add the account it was sent with, or resume it from the command line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign {campaign_id} is not in the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} is empty: there are no recipients to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} is not a text file or a spreadsheet that can be read. Save it from your spreadsheet program as CSV, XLSX or ODS and import that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spreadsheet {source} could not be read; it may be damaged or incomplete (for example, a download that did not finish). Open it in your spreadsheet program and save it again. Detail: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {source} could not be opened: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workbook has no sheet named “{sheet}”. Its sheets: {available}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No column of email addresses was found (columns: {columns}). Choose the column that holds the addresses, or check the delimiter and the header row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no column “{column}” in this file. Its columns: {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{encoding}” is not a known text encoding. Try UTF-8, Windows-1252 or UTF-16.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{delimiter}” cannot separate columns: use one character such as , ; | or a tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recipient list named “{name}” already exists. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no recipient list “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recipient list needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} is not an ordinary file (it may be a folder, a device or a pipe), so it cannot be imported. Choose a CSV, TXT, XLSX or ODS file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} is an old-style (.xls) or binary (.xlsb) Excel workbook, which cannot be read safely. Open it in your spreadsheet program and save it as XLSX or CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} has more than {limit} columns, more than any spreadsheet program can show. Check the delimiter, or remove the columns you do not need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet in {source} goes past row {limit}, the last one a sheet can have; the file is damaged. Open it in your spreadsheet program and save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spreadsheet {source} unpacks to more than {limit} MB ({part}). Save it as CSV and import that file, or split it into smaller files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spreadsheet {source} holds more than {limit} MB of text. Save it as CSV and import that file, or split it into smaller files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sheet in {source} unfolds into more than {limit} cells through repeated rows. Save it as CSV and import that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cell in {source} holds more than {limit} characters; the file is probably not a recipient list. Check that you chose the right file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list “{name}” changed while the file was being imported into it. Import the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{address}” is already in the list “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row} of the list “{name}” no longer exists; the list may have changed meanwhile. Reopen it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{address}” is on the suppression list (it bounced or unsubscribed), so it cannot be added to a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line} could not be read ({detail}). A quote that is never closed is the usual cause: fix that line, or choose another delimiter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CA file {path} cannot be used ({detail}). Check the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teenvio refused the sender {sender}: the sender (and the reply-to address, if any) must exist and be validated in your Teenvio plan. Validate it in Teenvio or choose a validated sender, then send again. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teenvio rejected the user name or password. Check the user, which has the form usuario.nombredeplan, and the password you use to sign in to Teenvio. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is {size} bytes; the limit is {limit} bytes. Make it smaller (fewer or smaller images and attachments, shorter HTML), then send again. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server requires logging in (over an encrypted connection) before this command. Check the account&apos;s user, password and security setting (TLS or STARTTLS). Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server expected a valid sender and at least one recipient (MAIL FROM and RCPT TO) before the message. Check the sender and recipients and send again; report it if it happens again. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not implement a parameter of a command this application sent. Check that the host is Teenvio&apos;s SMTP-API; update teenvio-desktop or report it if it persists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not recognise a command. Check that the host and port are those of Teenvio&apos;s SMTP-API; report it if it persists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teenvio could not launch the campaign: {reason}. This usually means the plan has too few sends left, too many contacts, or the message is incomplete (it needs a plain-text and an HTML part). Fix that and send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not handle the send right now (a temporary error). The campaign was not launched; try again in a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with an error this application does not know. The campaign was not launched; read the server&apos;s answer below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused every recipient ({count}), so nothing was sent. Check the addresses; the first refusal is shown below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nobody to send to: add recipients. ({suppressed} address(es) were left out because they are on the suppression list.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMTP-API cannot take any of these recipients: their addresses have characters other than plain letters and digits before the @ ({addresses}), which the SMTP-API does not support. Send through TEA Lite, or correct the addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to connect to {host} without encryption: the password would travel in clear text. Unencrypted connections are only allowed to this computer (localhost). Choose TLS (port 46500) or STARTTLS (port 58700).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server {host} (port {port}) could not be found. Check the host shown in Teenvio&apos;s Configuration → APIs and your network. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} did not answer on port {port} in time. Check the host, the port and your network; a firewall may be dropping the connection. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} accepted the connection on port {port} but did not greet. The port probably expects TLS from the start: choose TLS security (port 46500), or STARTTLS on port 58700. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to {host} (port {port}) was lost after the message was sent, before Teenvio confirmed it ({detail}). The campaign may have been launched: check Teenvio&apos;s statistics before sending it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to {host} (port {port}) was lost or timed out ({detail}). The campaign was not launched; try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} refused the connection on port {port}. Check the host and port and whether a firewall blocks it. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to {host} on port {port} ({detail}). Check your network. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of {host} (port {port}) is not trusted ({detail}). The connection was closed before sending any credentials: nothing was sent and no credentials were sent. If the server uses a private CA, name its CA file in the account (--cafile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of {host} (port {port}) has expired or is not valid yet ({detail}). The connection was closed: nothing was sent and no credentials were sent. Check this computer&apos;s date, or tell the server&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate presented on {host} (port {port}) belongs to another server ({detail}). The connection was closed: nothing was sent and no credentials were sent. Use the host name shown in Teenvio&apos;s Configuration → APIs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to {host} (port {port}) failed ({detail}): nothing was sent and no credentials were sent. Check the address and the account&apos;s CA file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secure connection to {host} (port {port}) failed ({detail}): nothing was sent and no credentials were sent. Check the port and security setting: 46500 uses TLS from the start, 58700 uses STARTTLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port {port} of {host} does not speak TLS from the start ({detail}): it probably expects STARTTLS. Nothing was sent and no credentials were sent. Check the port and security setting: 46500 uses TLS from the start, 58700 uses STARTTLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{host} (port {port}) does not offer STARTTLS, so the connection cannot be encrypted. It was closed before logging in: nothing was sent and no credentials were sent. Check the port and security setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the SMTP host (Teenvio: Configuration → APIs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password of the Teenvio user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign {campaign_id} has no TEA Lite identity (source system and campaign id, or the Teenvio id of an SMTP send), so its statistics cannot be fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no campaign {campaign_id} in this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an account with an SMTP-API connection before sending through the SMTP-API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no starter template {key} in {language}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpamAssassin did not finish within {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpamAssassin failed (exit status {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpamAssassin&apos;s answer could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign {campaign_id} is already being sent by process {pid} on {host} (since {started_at} UTC). Wait until it finishes, or stop it there; if that process was killed, its claim lapses by {expires_at} UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending campaign {campaign_id} stopped: this sender was paused so long that another sender took the campaign over. Nothing was sent twice; check the other sender.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix these before sending:

{checks}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {file} could not be used ({reason}). Check that it exists, that you may read it (and write to its folder), and that the disk is not full, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system refused an operation ({reason}). Check the network connection and free disk space, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There was not enough memory to finish. Close other programs or use a smaller file, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A merge field could not be filled in ({reason}). Check that the recipient list has that column, or remove the field from the subject and the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation could not be finished ({kind}: {reason}). Nothing you typed was lost. Try again; if it happens again, send the log file (the logs folder of the data directory) to support.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sender address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sender name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply-to address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply-to name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipient address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inline image content id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inline image file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inline image type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attachment file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attachment type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plain-text part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teenvio option</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mjml</name>
    <message>
        <source>This element is not allowed here (check what its parent accepts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected markup here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This element lacks a required attribute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This attribute is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value has an invalid format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An element is not closed before the document ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markup that cannot be read: a stray &quot;&lt;&quot; (write &amp;lt;) or an attribute value without quotes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no &lt;mjml&gt; element: an MJML document starts with &lt;mjml&gt; and holds &lt;mj-body&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mj-include is not supported: paste the included file&apos;s content instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRML could not compile the MJML.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MJML document is {size_kb} KB; the limit is {limit_kb} KB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elements are nested more than {limit} levels deep here. Flatten the layout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown attribute {text} (ignored).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeated attribute {text}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mj-style inline=&quot;inline&quot; is not supported by MRML: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MRML warns ({kind}): {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text before the first element: an MJML document starts with &lt;mjml&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {line}, column {column}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>preview_modes</name>
    <message>
        <source>Image without alt text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decorative image (empty alt text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark (message&apos;s own styles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark (forced, approximate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark (full inversion, approximate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As Teenvio will send it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message&apos;s own dark-mode styles are applied on a dark background, as Apple Mail, iOS Mail and the Outlook apps do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message has no dark-mode styles (prefers-color-scheme), so it shows unchanged on a dark background. Outlook and the Gmail apps recolour such messages: see the forced modes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approximation of Outlook.com, the Outlook apps and the Gmail app for Android: light backgrounds darkened, dark text lightened, images unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approximation of the Gmail app for iOS and Outlook for Windows: every colour inverted, images unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images replaced by their alt text, as email clients show a message before its images are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some images have no alt text: readers who do not load images see nothing in their place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approximation: Teenvio adds a header line linking to the web version and, with social links on, icons in the footer, in the campaign&apos;s language. Their exact look may differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teenvio adds nothing to this campaign: its header and social links are off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quality</name>
    <message>
        <source>The spacer image {src} has no alt attribute: add alt=&quot;&quot; so screen readers skip it instead of reading its file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image {src} has no alt text: describe it in alt=&quot;…&quot;, or write alt=&quot;&quot; if it is decorative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spacer image {src} has alt text that screen readers will read; use alt=&quot;&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A link to {href} has no text and no image with alt text: screen readers cannot say where it goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link text &quot;{text}&quot; does not say where the link goes; describe the destination (&quot;Read the March report&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The heading &lt;h{level}&gt; follows &lt;h{previous}&gt;: a level is skipped, which confuses screen-reader navigation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout tables need role=&quot;presentation&quot;, or screen readers announce their rows and columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document does not declare its language: add lang=&quot;es&quot; (or the language it is written in) to &lt;html&gt; so screen readers pronounce it right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text in {foreground} on {background} has a contrast of {ratio}:1; WCAG AA requires {required}:1 for this text size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text at {size} px is hard to read on a phone; use at least {minimum} px at mobile width (a @media rule can enlarge it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mobile webmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>desktop app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>iOS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Android</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>macOS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook (Windows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook (Mac)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlook mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apple Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yahoo! Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samsung Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thunderbird</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gmail (mobile webmail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{feature} is not supported by {unsupported}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{feature} is only partly supported by {partial}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{feature} is not supported by {unsupported}, and only partly by {partial}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;style&gt; element inside &lt;body&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{client} ({platforms})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address {url} has merge fields, but the SMTP-API sends one identical message to everyone: they would go out unfilled. Use TEA Lite to personalise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A link has no address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailto: link {url} has no valid address{address}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link {url} runs JavaScript; email clients remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address {url} is relative; in an email it leads nowhere. Write the full address, starting with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image {url} is loaded over plain http://; some webmails block or flag it. Use https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link {url} uses plain http://; prefer https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsubscribe link {url} uses plain http://; use https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsubscribe link {url} is not a web (https://) or mailto: address; recipients could not unsubscribe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List-Unsubscribe: {item} is not a valid &lt;mailto:…&gt; or &lt;https://…&gt; address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unsubscribe link was found (a link whose text or address says &quot;unsubscribe&quot; or &quot;baja&quot;), and no List-Unsubscribe is set. Recipients must be able to opt out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s name could not be found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its TLS certificate is not valid ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection failed ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s answer is not valid HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than {count} redirects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it redirects to an unusable address: {url}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its merge fields could not be filled in: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has merge fields and no recipient is chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address {url} has merge fields: choose a recipient to check it with their values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address {url} could not be built for the chosen recipient: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image {url} could not be loaded: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link {url} could not be followed: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server of {url} answered 429 (too many requests); check it again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image {url} answers {status} {reason}: it will not show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link {url} answers {status} {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link {url} redirects to {final} (redirects: {count}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message has {count} different addresses; only the first {checked} were checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpamAssassin is not installed, so the spam score was not computed. Install it with &quot;sudo apt-get install spamassassin&quot; (Debian, Ubuntu), &quot;sudo dnf install spamassassin&quot; (Fedora) or &quot;brew install spamassassin&quot; (macOS); the other checks work without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpamAssassin scores this message {score} points; from {threshold} it is marked as spam. Fix the rules below with the most points first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpamAssassin scores this message {score} points, close to the {threshold} that marks spam.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SpamAssassin rule {rule} (+{points} points): {description}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recipients</name>
    <message>
        <source>Importing recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No email address in this row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This row has a different number of fields than the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats an address already in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the suppression list (bounced or unsubscribed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>runtime</name>
    <message>
        <source>--smtp-host and --user are both needed for SMTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api and --source-system are both needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: Teenvio marks port 2500 as deprecated; prefer 58700 or 46500.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password and/or token are missing: give them on stdin, one per line (password first), or in TEENVIO_PASSWORD / TEENVIO_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account was saved without its secrets. Once the keyring works, run “account add NAME --replace” again, or set TEENVIO_PASSWORD / TEENVIO_TOKEN for each command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account “{name}” saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts yet. Add one with “teenvio-desktop account add”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (deprecated port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP-API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEA Lite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{transport}: OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{transport}: FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account “{name}” and its keyring entries removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recipient list named “{name}” already exists. Add --replace to replace its members with the file&apos;s, --append to add the file&apos;s new addresses to it, or choose another name with --list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List “{name}”: {valid} valid, {invalid} invalid, {duplicates} duplicates, {suppressed} suppressed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list&apos;s members were replaced. Recipients in the list now: {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to the list: {added}. Recipients in the list now: {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses with non-ASCII characters before the @, which the SMTP-API cannot take (TEA Lite can): {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ... use --rejects FILE for the full report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} recipients written to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid sandbox option: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the sandbox: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api URL (or --account NAME) is required with --via rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the TEA Lite token in TEENVIO_TOKEN, or use --account NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing arguments: {flags}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the recipients with --recipients FILE or --to ADDR ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--source-system and --campaign-id are required with --via rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming campaign {ref}: {accepted} of {total} messages already accepted.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out {count} suppressed addresses.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out {count} repeated addresses.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: {recipient}: {category} {text}
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} messages may or may not have arrived: TEA Lite&apos;s answer was lost and its responses do not show them yet. They were not sent again:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncertain: {recipient} ({reason})
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the same command later to look again, or add --resend-uncertain [ADDR ...] to send them again (a recipient may then get two copies).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not uncertain in this campaign, so not sent again: {addresses}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending {count} uncertain messages again: {addresses}
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--concurrency and --rate must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--reconcile-wait must be between 0 and 86400.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--server must be HOST:PORT, for example api.teenvio.com:46500.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing arguments: {flags} (or use --account NAME).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--security none would send the password in clear text; it is only allowed for this computer (localhost). Use --security tls or starttls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password: set TEENVIO_PASSWORD, use --account NAME with a saved password, or run in a terminal to be asked for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {flag} {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--row {row}: the list has {count} recipients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: errors {errors}, warnings {warnings}, advice {advice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compatibility: {overall}% overall ({clients})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Links and images: {checked} checked, {failed} with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spam score: {score} (marked as spam from {threshold})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also at lines {lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--language must be one of Teenvio&apos;s language ids: {ids}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--image must be CID=FILE, for example logo=logo.png.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--image {path} is not an image file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read --recipients {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read --recipients {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the recipients with --to ADDR ... or --recipients FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: {address}: {code} {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out {count} addresses the SMTP-API cannot take (characters other than plain letters and digits before the @; send them with --via rest): {addresses}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out {count} suppressed addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts imported: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{option} must be YYYYMMDDHHMMSS (UTC), got {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-pages must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api URL and --source-system ID (or --account NAME) are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No TEA Lite token: set TEENVIO_TOKEN, or save an account with this API address and its token in the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No campaign of source system {source} is known here; name one with --campaign-id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped {count} {kind} entries the server sent malformed ({reasons}); the figures leave them out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard bounces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soft bounces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens (unique)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicks (unique)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click-through rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>runtime.runtime</name>
    <message>
        <source>Nothing was sent. Use --via rest to personalise, or remove the fields.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smtp</name>
    <message>
        <source>Preparing the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>starters</name>
    <message>
        <source>Newsletter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo, an introduction, two articles and a button.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A main image, a headline, three benefits and a button.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text only, like a personal letter: reads well anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>stats</name>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-openers of {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Openers of {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clickers of {subject}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching {kind} (page {page})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>Testing the SMTP-API connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the TEA Lite connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending through TEA Lite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking in TEA Lite&apos;s responses whether the uncertain messages arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the TEA Lite campaign</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <source>Teenvio turns the attachment &quot;{name}&quot; into a download link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The inline image &quot;{cid}&quot; is not used in the HTML; Teenvio will treat it as an attachment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTML shows the image &quot;cid:{cid}&quot;, but no such image is added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
