namespace Harmattan.Text;

/// <summary>
/// A data file (a lexicon under <c>data/</c>) has a row the loader cannot accept. The message always
/// starts with <c>file:line: </c> so that an editor or a CI log can jump to the row; the same two
/// values are available as <see cref="File"/> and <see cref="Line"/> for hosts that map the error to
/// their own catalogue (Harmattan.Knowledge's <c>HRM0301</c>).
/// </summary>
public sealed class DataFileException : Exception
{
    public DataFileException(string file, int line, string problem, Exception? inner = null)
        : base($"{file}:{line.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The path or source name the loader was given.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the bad row; 0 when the problem concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
