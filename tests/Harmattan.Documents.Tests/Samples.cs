using System.Text.RegularExpressions;

namespace Harmattan.Documents.Tests;

internal static partial class Samples
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    /// <summary>The text with every run of whitespace as one space, for sentences a PDF wraps across lines.</summary>
    public static string Flat(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
