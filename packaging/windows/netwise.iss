; NetWise for Windows: a per-user installer (no administrator rights) for the frozen
; one-folder program in dist\netwise.
;
; Build, from the repository root, after `python packaging/freeze.py`:
;   python packaging/windows/version_info.py    (writes build\windows\version.iss)
;   iscc packaging\windows\netwise.iss          (writes dist\NetWise-VERSION-setup.exe)
;
; Name and version come from desktop_app through version.iss: nothing here repeats them.
; The user's data lives in %APPDATA%\netwise, outside the program folder: an upgrade or an
; uninstall never touches it.

#include "..\..\build\windows\version.iss"

[Setup]
; Never change AppId: upgrades find the installed NetWise by it.
AppId={{7CD25D95-E2B1-4C93-9C89-FFE01975E214}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppComments={#AppDescription}
VersionInfoVersion={#AppFileVersion}
VersionInfoProductVersion={#AppFileVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription={#AppName} installer
; Per user: installs into %LOCALAPPDATA%\Programs\NetWise, Start menu of this user only.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Close a running NetWise before files are replaced (Restart Manager).
CloseApplications=yes
RestartApplications=no
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExeName}
SetupIconFile=..\..\build\icons\netwise.ico
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program whole, so no library of the old version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\netwise\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "{#AppDescription}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent
