namespace Harmattan.Text;

/// <summary>
/// The abbreviations that are written with a final period (<c>Dr.</c>, <c>U.S.</c>, <c>Jan.</c>), read from
/// <c>data/lexicons/en/abbreviations.tsv</c>. The tokenizer keeps such a period inside the token, and the
/// sentence splitter asks <see cref="CanEndSentence"/> whether the period may also close a sentence.
/// Matching is exact and case-sensitive. An instance is immutable and safe to share between threads.
/// </summary>
public sealed class AbbreviationLexicon
{
    private static readonly Lazy<AbbreviationLexicon> DefaultInstance =
        new(() => Load(DefaultPath), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, bool> _entries;
    private readonly Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private AbbreviationLexicon(Dictionary<string, bool> entries)
    {
        _entries = entries;
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Where the bundled file is: <c>data/lexicons/en/abbreviations.tsv</c> next to the binaries.</summary>
    public static string DefaultPath =>
        Path.Combine(AppContext.BaseDirectory, "data", "lexicons", "en", "abbreviations.tsv");

    /// <summary>
    /// The bundled lexicon, loaded on first use from <see cref="DefaultPath"/>. Throws
    /// <see cref="DataFileException"/> or an I/O exception if the file is missing or invalid.
    /// </summary>
    public static AbbreviationLexicon Default => DefaultInstance.Value;

    /// <summary>An empty lexicon: only the rule-based forms (initials, dotted initialisms) are recognised.</summary>
    public static AbbreviationLexicon Empty { get; } = new(new Dictionary<string, bool>(StringComparer.Ordinal));

    public int Count => _entries.Count;

    /// <summary>Every abbreviation in the lexicon, with the period, in no particular order.</summary>
    public IEnumerable<string> Abbreviations => _entries.Keys;

    /// <summary>Reads a lexicon file; a bad row throws <see cref="DataFileException"/> naming the path and line.</summary>
    public static AbbreviationLexicon Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, path);
    }

    /// <summary>
    /// Reads the TSV format: one abbreviation per line, a tab, then <c>yes</c> or <c>no</c> for whether it can
    /// end a sentence. Blank lines and lines starting with <c>#</c> are ignored. Every other problem (wrong
    /// column count, no final period, whitespace inside, an unknown flag, a duplicate) throws
    /// <see cref="DataFileException"/> at the first bad row, with <paramref name="sourceName"/> as the file.
    /// </summary>
    public static AbbreviationLexicon Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var entries = new Dictionary<string, bool>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#' || line.AsSpan().IsWhiteSpace())
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 2)
            {
                throw new DataFileException(sourceName, lineNumber,
                    $"expected 2 tab-separated columns (abbreviation, ends_sentence), found {columns.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            var abbreviation = columns[0];
            if (!IsWellFormed(abbreviation))
            {
                throw new DataFileException(sourceName, lineNumber,
                    $"'{abbreviation}' is not an abbreviation: it must be letters and periods, end with a period and contain no space");
            }

            bool canEnd = columns[1] switch
            {
                "yes" => true,
                "no" => false,
                _ => throw new DataFileException(sourceName, lineNumber,
                    $"ends_sentence must be 'yes' or 'no', not '{columns[1]}'"),
            };

            if (!entries.TryAdd(abbreviation, canEnd))
            {
                throw new DataFileException(sourceName, lineNumber, $"'{abbreviation}' is listed twice");
            }
        }

        return new AbbreviationLexicon(entries);
    }

    /// <summary>Whether <paramref name="abbreviation"/> (with its final period) is listed.</summary>
    public bool Contains(ReadOnlySpan<char> abbreviation) => _lookup.ContainsKey(abbreviation);

    /// <summary>
    /// Whether a listed abbreviation can close a sentence; null when it is not listed, so the caller applies
    /// its own rule (the splitter treats unlisted dotted initialisms as able to end, and initials as not).
    /// </summary>
    public bool? CanEndSentence(ReadOnlySpan<char> abbreviation) =>
        _lookup.TryGetValue(abbreviation, out var canEnd) ? canEnd : null;

    private static bool IsWellFormed(string s)
    {
        if (s.Length < 2 || s[^1] != '.' || s[0] == '.' || s.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (c != '.' && !char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
