<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
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
        <source>Unexpected error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>runtime</name>
    <message>
        <source>This transport is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
