using Harmattan.Knowledge;

namespace Harmattan.Cli.Commands;

/// <summary>The -o FILE of export and brief: created or replaced; a path that cannot be written is HRM0106 naming it.</summary>
internal static class OutputFile
{
    public static FileStream Create(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw HarmattanError.Unreadable.At(path, "cannot be written: " + e.Message, e);
        }
    }
}
