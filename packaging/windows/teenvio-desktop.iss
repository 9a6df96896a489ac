; Inno Setup script: a Windows installer for the PyInstaller bundle dist\teenvio-desktop\.
;
; Build on Windows (see packaging/README.md), from the repository root:
;   pyinstaller --noconfirm --clean packaging\teenvio-desktop.spec
;   iscc packaging\windows\teenvio-desktop.iss
; The installer lands in dist\installer\teenvio-desktop-<version>-setup.exe.
; The version comes from pyproject.toml ([project] version = "x.y.z"); override it with
;   iscc /DAppVersion=1.2.3 packaging\windows\teenvio-desktop.iss

#define AppName "Teenvio Desktop"
#define AppExe "teenvio-desktop.exe"
#define RepoRoot AddBackslash(SourcePath) + "..\.."
#ifndef AppVersion
  ; pyproject.toml's [project] table reads as an INI section; Windows strips the quotes.
  #define AppVersion ReadIni(RepoRoot + "\pyproject.toml", "project", "version", "0.0.0")
#endif

[Setup]
; The AppId identifies the application for upgrades and uninstall: never change it.
AppId={{6B0E3C52-7A1D-4F3B-9C2E-5E1F0A8D4C71}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=teenvio-desktop developers
AppPublisherURL=https://www.teenvio.com/
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator needed); the user may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#RepoRoot}\dist\installer
OutputBaseFilename=teenvio-desktop-{#AppVersion}-setup
SetupIconFile={#RepoRoot}\resources\icons\com.teenvio.TeenvioDesktop.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: both executables and _internal\ (Qt, QtWebEngine, Python).
Source: "{#RepoRoot}\dist\teenvio-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} (sandbox)"; Filename: "{app}\{#AppExe}"; Parameters: "--sandbox"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
