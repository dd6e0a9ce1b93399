/* prdesk.exe and prdesk-cli.exe: start the bundled CPython in this process and run prdesk.
 *
 * Built twice by build_windows.py with mingw-w64: -mwindows (prdesk.exe, the window, no console)
 * and as a console program (prdesk-cli.exe, the command line). Python runs inside the launcher's
 * own process, so the taskbar and Task Manager show PRDesk's name and icon, not pythonw.exe.
 * python311.dll is loaded from the launcher's folder by its full path; python311._pth beside it
 * fixes sys.path to the bundle, so no environment variable or installed Python can interfere.
 */
#include <windows.h>
#include <shellapi.h>
#include <wchar.h>

typedef int (*py_main_fn)(int, wchar_t **);

static const wchar_t CODE[] =
    L"import sys; sys.argv[0] = 'prdesk'; from prdesk.entry import main; main()";

static int fail(const wchar_t *text)
{
#ifdef PRDESK_GUI
    MessageBoxW(NULL, text, L"PRDesk", MB_OK | MB_ICONERROR);
#else
    fwprintf(stderr, L"%ls\n", text);
#endif
    return 1;
}

static int run(void)
{
    wchar_t dll[MAX_PATH + 32];
    DWORD size = GetModuleFileNameW(NULL, dll, MAX_PATH);
    if (size == 0 || size >= MAX_PATH)
        return fail(L"PRDesk: the program's folder could not be found.");
    wchar_t *slash = wcsrchr(dll, L'\\');
    if (slash == NULL)
        return fail(L"PRDesk: the program's folder could not be found.");
    wcscpy(slash + 1, L"python311.dll");
    HMODULE python = LoadLibraryExW(dll, NULL, LOAD_WITH_ALTERED_SEARCH_PATH);
    if (python == NULL)
        return fail(L"PRDesk: python311.dll is missing beside the program. Install PRDesk again.");
    py_main_fn py_main = (py_main_fn)(void *)GetProcAddress(python, "Py_Main");
    if (py_main == NULL)
        return fail(L"PRDesk: python311.dll is damaged. Install PRDesk again.");

    int argc = 0;
    wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    if (argv == NULL)
        return fail(L"PRDesk: the command line could not be read.");
    /* [program, -X utf8, -c CODE, the user's arguments...]: UTF-8 for pipes and files too. */
    wchar_t **args = (wchar_t **)LocalAlloc(LPTR, sizeof(wchar_t *) * (argc + 5));
    if (args == NULL)
        return fail(L"PRDesk: out of memory.");
    int n = 0;
    args[n++] = argv[0];
    args[n++] = L"-X";
    args[n++] = L"utf8";
    args[n++] = L"-c";
    args[n++] = (wchar_t *)CODE;
    for (int i = 1; i < argc; i++)
        args[n++] = argv[i];
    args[n] = NULL;
    return py_main(n, args);
}

#ifdef PRDESK_GUI
int WINAPI wWinMain(HINSTANCE instance, HINSTANCE previous, PWSTR command_line, int show)
{
    (void)instance; (void)previous; (void)command_line; (void)show;
    return run();
}
#else
int wmain(void)
{
    return run();
}
#endif
