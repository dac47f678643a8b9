using System.Diagnostics;
using System.Globalization;

namespace Harmattan.Cli.Commands;

/// <summary>
/// The process's resident memory in two parts: private (the heap, native allocations, SQLite's page caches:
/// what the process itself holds) and file-backed (pages of mapped files, chiefly the database SQLite reads
/// through its memory map). The working set is their sum, so it grows with the store while the file-backed
/// part does, although those pages are the operating system's cache and it takes them back under pressure.
/// "Memory does not grow with the corpus" is a statement about the private part.
/// </summary>
/// <param name="PrivateBytes">Anonymous resident memory (Linux's RssAnon); the whole working set where the system does not say.</param>
/// <param name="MappedFileBytes">Resident pages of mapped files (RssFile and RssShmem), or null where the system does not say.</param>
internal sealed record ProcessMemory(long PrivateBytes, long? MappedFileBytes)
{
    private const string Status = "/proc/self/status";

    public static ProcessMemory Now()
    {
        if (File.Exists(Status))
        {
            long? anonymous = null, file = null, shared = null;
            foreach (var line in File.ReadLines(Status))
            {
                anonymous ??= Kilobytes(line, "RssAnon:");
                file ??= Kilobytes(line, "RssFile:");
                shared ??= Kilobytes(line, "RssShmem:");
            }

            if (anonymous is { } a && file is { } f)
            {
                return new ProcessMemory(a, f + (shared ?? 0));
            }
        }

        using var process = Process.GetCurrentProcess();
        return new ProcessMemory(process.WorkingSet64, null);
    }

    /// <summary>"RssAnon:	  187396 kB" in bytes, or null when the line is another field's.</summary>
    private static long? Kilobytes(string line, string field) =>
        line.StartsWith(field, StringComparison.Ordinal)
            ? long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture) * 1024
            : null;
}
