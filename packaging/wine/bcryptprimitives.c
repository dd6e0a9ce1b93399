/* A stand-in for Windows' bcryptprimitives.dll inside test_windows.sh's wine prefix only.
 *
 * cryptography's Rust extension imports ProcessPrng from bcryptprimitives.dll, which every
 * Windows 10 and 11 has but wine 8 lacks. This forwards it to RtlGenRandom (advapi32's
 * SystemFunction036), which wine has. It is never put into the installer.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
