; PRDesk's Windows installer: per-user by default (no UAC prompt), Persian (right to left) and English.
;
; Built by build_windows.py with makensis -INPUTCHARSET UTF8 and these defines:
;   VERSION    0.1.0                 the program's version
;   PAYLOAD    path/to/app           the laid-out program folder (Python, Qt, prdesk, launchers)
;   OUTFILE    path/to/setup.exe     the installer to write
;   ICON       path/to/prdesk.ico
;   FILELIST   path/to/files.nsh     Delete/RMDir lines for the payload's top-level entries
;   DEFINES    path/to/defines.nsh   (optional) more !defines in UTF-8 (VERSION_FA, the version in Persian digits)
;   SIDEBAR    path/to/sidebar.bmp   (optional) the 164×314 picture of the welcome and finish pages
;
; Command line: /S silent; /AllUsers (run as administrator) installs for every user of the computer
; under Program Files; /D=DIR another folder. The user's data (%APPDATA%\PRDesk) is never touched by
; an install or upgrade, and the uninstaller keeps it unless the user ticks «remove my data».

Unicode true
!ifdef DEFINES
  !include "${DEFINES}"  ; written by build_windows.py in UTF-8: VERSION_FA
!endif
!ifndef VERSION_FA
  !define VERSION_FA "${VERSION}"  ; the version in Persian digits, for the Persian pages
!endif
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS all
RequestExecutionLevel user
!ifdef QUICK
  SetCompressor zlib  ; the test suite's compile check: the format matters there, not the size
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 64
!endif

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include x64.nsh

!define APP "PRDesk"
!define SHORTCUT "میز روابط عمومی"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\PRDesk"
!define PROGID "PRDesk.Backup"
!define EXT ".prdesk-backup"

Name "$(AppName)"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\PRDesk"
BrandingText "PRDesk ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "PRDesk"
VIAddVersionKey /LANG=1033 "FileDescription" "PRDesk ${VERSION} setup"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "CompanyName" "PRDesk"
VIAddVersionKey /LANG=1033 "LegalCopyright" "PRDesk"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_CUSTOMFUNCTION_GUIINIT AskAllUsers
!define MUI_LANGDLL_ALLLANGUAGES
; The language chosen at install is the uninstaller's too.
!define MUI_LANGDLL_REGISTRY_ROOT "HKCU"
!define MUI_LANGDLL_REGISTRY_KEY "Software\PRDesk"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Installer Language"
!define MUI_COMPONENTSPAGE_NODESC
!ifdef SIDEBAR
  !define MUI_WELCOMEFINISHPAGE_BITMAP "${SIDEBAR}"
  !define MUI_UNWELCOMEFINISHPAGE_BITMAP "${SIDEBAR}"
!endif
!define MUI_FINISHPAGE_TITLE "$(FinishTitle)"
!define MUI_FINISHPAGE_TEXT "$(FinishText)"
!define MUI_WELCOMEPAGE_TITLE "$(WelcomeTitle)"
!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"
!define MUI_FINISHPAGE_RUN "$INSTDIR\prdesk.exe"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default: Persian, right to left.
!insertmacro MUI_LANGUAGE "Farsi"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString AppName ${LANG_FARSI} "میز روابط عمومی (PRDesk)"
LangString AppName ${LANG_ENGLISH} "PRDesk — the PR desk"
LangString WelcomeTitle ${LANG_FARSI} "به برنامهٔ نصب میز روابط عمومی خوش آمدید"
LangString WelcomeTitle ${LANG_ENGLISH} "Welcome to the PRDesk setup"
LangString WelcomeText ${LANG_FARSI} "این برنامه میز روابط عمومی (PRDesk) نسخهٔ ${VERSION_FA} را روی این رایانه نصب می‌کند. نصب به دسترسی مدیر نیاز ندارد.$\r$\n$\r$\nاگر نسخهٔ قبلی نصب است، داده‌های شما (مخاطبان، نامه‌ها، پشتیبان‌ها) دست نمی‌خورد.$\r$\n$\r$\nبرای ادامه «بعد» را بزنید."
LangString WelcomeText ${LANG_ENGLISH} "This installs PRDesk ${VERSION} on this computer. No administrator rights are needed.$\r$\n$\r$\nIf an earlier version is installed, your data (contacts, letters, backups) is kept.$\r$\n$\r$\nClick Next to continue."
LangString SecProgram ${LANG_FARSI} "برنامه (لازم)"
LangString SecProgram ${LANG_ENGLISH} "The program (required)"
LangString SecDesktop ${LANG_FARSI} "میان‌بر روی میز کار"
LangString SecDesktop ${LANG_ENGLISH} "Shortcut on the desktop"
LangString SecAssociate ${LANG_FARSI} "باز کردن فایل‌های پشتیبان (.prdesk-backup) با برنامه"
LangString SecAssociate ${LANG_ENGLISH} "Open backup files (.prdesk-backup) with PRDesk"
LangString SecUnProgram ${LANG_FARSI} "حذف برنامه"
LangString SecUnProgram ${LANG_ENGLISH} "Remove the program"
LangString SecUnData ${LANG_FARSI} "حذف داده‌های من (پایگاه داده و پشتیبان‌ها) — برگشت‌ناپذیر"
LangString SecUnData ${LANG_ENGLISH} "Remove my data (database and backups) — cannot be undone"
LangString FinishTitle ${LANG_FARSI} "نصب میز روابط عمومی پایان یافت"
LangString FinishTitle ${LANG_ENGLISH} "PRDesk is installed"
LangString FinishText ${LANG_FARSI} "میز روابط عمومی روی این رایانه نصب شد و از منوی Start با نام «میز روابط عمومی» باز می‌شود.$\r$\n$\r$\nبرای بستن این برنامه «پایان» را بزنید."
LangString FinishText ${LANG_ENGLISH} "PRDesk is installed; start it from the Start menu («میز روابط عمومی»).$\r$\n$\r$\nClick Finish to close this setup."
LangString RunNow ${LANG_FARSI} "باز کردن برنامه"
LangString RunNow ${LANG_ENGLISH} "Open PRDesk"
LangString AskAllUsers ${LANG_FARSI} "این برنامهٔ نصب با دسترسی مدیر اجرا شده است.$\r$\n$\r$\nمیز روابط عمومی برای همهٔ کاربران این رایانه نصب شود؟$\r$\nبا «خیر» فقط برای کاربر فعلی نصب می‌شود."
LangString AskAllUsers ${LANG_ENGLISH} "This setup runs with administrator rights.$\r$\n$\r$\nInstall PRDesk for all users of this computer (under Program Files)?$\r$\nNo installs it for the current user only."
LangString NeedAdmin ${LANG_FARSI} "نصب برای همهٔ کاربران به دسترسی مدیر نیاز دارد. روی برنامهٔ نصب راست‌کلیک کنید و «Run as administrator» را انتخاب کنید."
LangString NeedAdmin ${LANG_ENGLISH} "Installing for all users needs administrator rights. Right-click the setup and choose «Run as administrator»."

Var AllUsers

!macro SetContext
  ${If} $AllUsers == 1
    SetShellVarContext all
    SetRegView 64
  ${Else}
    SetShellVarContext current
  ${EndIf}
!macroend

Function .onInit
  StrCpy $AllUsers 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/AllUsers" $R1
  ${IfNot} ${Errors}
    StrCpy $AllUsers 1
  ${EndIf}
  ; Persian unless the user picks English: the office's Windows often has an English interface.
  StrCpy $LANGUAGE ${LANG_FARSI}
  ${IfNot} ${Silent}
    !insertmacro MUI_LANGDLL_DISPLAY
  ${EndIf}
  UserInfo::GetAccountType
  Pop $R2
  ${If} $AllUsers == 1
  ${AndIf} $R2 != "Admin"
    MessageBox MB_ICONSTOP "$(NeedAdmin)" /SD IDOK
    SetErrorLevel 740
    Quit
  ${EndIf}
  Call UseInstallLocation
FunctionEnd

; Asked once the window exists: .onInit runs before the chosen language takes effect.
Function AskAllUsers
  UserInfo::GetAccountType
  Pop $R2
  ${If} $AllUsers == 0
  ${AndIf} $R2 == "Admin"
    ${If} $LANGUAGE == ${LANG_FARSI}
      MessageBox MB_YESNO|MB_ICONQUESTION|MB_RIGHT|MB_RTLREADING "$(AskAllUsers)" IDNO keep
    ${Else}
      MessageBox MB_YESNO|MB_ICONQUESTION "$(AskAllUsers)" IDNO keep
    ${EndIf}
    StrCpy $AllUsers 1
    Call UseInstallLocation
  ${EndIf}
  keep:
FunctionEnd

Function UseInstallLocation
  ${If} $AllUsers == 1
    StrCpy $INSTDIR "$PROGRAMFILES64\PRDesk"
  ${EndIf}
  ; An upgrade goes where the last version went.
  !insertmacro SetContext
  ReadRegStr $R3 SHCTX "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $R3 != ""
    StrCpy $INSTDIR $R3
  ${EndIf}
FunctionEnd

Section "$(SecProgram)" SecProgram
  SectionIn RO
  !insertmacro SetContext
  SetOutPath "$INSTDIR"
  ; An upgrade: take out the last version's program files first (never the data, which lives in
  ; %APPDATA%\PRDesk), so no module of the old version lingers beside the new one.
  ${If} ${FileExists} "$INSTDIR\prdesk.exe"
    !include "${FILELIST}"
  ${EndIf}
  File /r "${PAYLOAD}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${SHORTCUT}.lnk" "$INSTDIR\prdesk.exe" "" "$INSTDIR\prdesk.exe" 0
  WriteINIStr "$INSTDIR\install.ini" "install" "all_users" "$AllUsers"

  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${SHORTCUT} (PRDesk)"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "PRDesk"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\prdesk.exe"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" $0
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "$(SecDesktop)" SecDesktop
  !insertmacro SetContext
  CreateShortcut "$DESKTOP\${SHORTCUT}.lnk" "$INSTDIR\prdesk.exe" "" "$INSTDIR\prdesk.exe" 0
SectionEnd

Section "$(SecAssociate)" SecAssociate
  !insertmacro SetContext
  ; Double-clicking a backup opens the window's restore dialog for that file.
  WriteRegStr SHCTX "Software\Classes\${EXT}" "" "${PROGID}"
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "PRDesk backup"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\prdesk.exe,0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\prdesk.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; --- the uninstaller ------------------------------------------------------------------------

Function un.onInit
  ReadINIStr $AllUsers "$INSTDIR\install.ini" "install" "all_users"
  ${If} $AllUsers != 1
    StrCpy $AllUsers 0
  ${EndIf}
  ${IfNot} ${Silent}
    !insertmacro MUI_UNGETLANGUAGE
  ${EndIf}
FunctionEnd

Section "un.$(SecUnProgram)" SecUnProgram
  SectionIn RO
  !insertmacro SetContext
  Delete "$SMPROGRAMS\${SHORTCUT}.lnk"
  Delete "$DESKTOP\${SHORTCUT}.lnk"
  ; Only the files this installer put there: never a folder the user chose that holds other things.
  !include "${FILELIST}"
  Delete "$INSTDIR\install.ini"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegValue HKCU "Software\PRDesk" "Installer Language"
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  ReadRegStr $R0 SHCTX "Software\Classes\${EXT}" ""
  ${If} $R0 == "${PROGID}"
    DeleteRegKey SHCTX "Software\Classes\${EXT}"
  ${EndIf}
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; Unticked unless the user ticks it: a silent uninstall (/S) keeps the data.
Section /o "un.$(SecUnData)" SecUnData
  ; The data is the uninstalling user's own, also after an all-users install.
  SetShellVarContext current
  RMDir /r "$APPDATA\PRDesk"
  RMDir /r "$LOCALAPPDATA\PRDesk"
SectionEnd
