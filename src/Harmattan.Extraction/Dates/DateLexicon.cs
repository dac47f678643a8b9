using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;

namespace Harmattan.Extraction.Dates;

/// <summary>How freely a month name may be read as a month.</summary>
public enum MonthNameKind
{
    /// <summary>Only ever a month when capitalised ("June", "octobre").</summary>
    Full,

    /// <summary>Also an ordinary word ("May", "March"): needs a number or a temporal word beside it.</summary>
    Context,

    /// <summary>An abbreviation ("Sept", "Jan."): needs a number beside it.</summary>
    Abbreviation,
}

/// <summary>A month name and the month it names.</summary>
public sealed record MonthName(string Form, int Month, MonthNameKind Kind);

/// <summary>
/// The words the date recogniser needs: month names (<c>months.tsv</c>) and small cardinals
/// (<c>number-words.tsv</c>, for "two years later"). Lookups ignore case and take a character span,
/// so the recogniser never allocates per token. Immutable after loading.
/// </summary>
public sealed class DateLexicon
{
    private readonly Dictionary<string, MonthName> _months;
    private readonly Dictionary<string, MonthName>.AlternateLookup<ReadOnlySpan<char>> _monthLookup;
    private readonly Dictionary<string, int> _cardinals;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _cardinalLookup;

    private DateLexicon(Dictionary<string, MonthName> months, Dictionary<string, int> cardinals)
    {
        _months = months;
        _monthLookup = months.GetAlternateLookup<ReadOnlySpan<char>>();
        _cardinals = cardinals;
        _cardinalLookup = cardinals.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyCollection<MonthName> Months => _months.Values;

    public static DateLexicon Load(DataDirectory data)
    {
        var folder = data.Lexicon("en");
        var months = new Dictionary<string, MonthName>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in DataTable.Read(Path.Combine(folder, "months.tsv"), 3, 3))
        {
            if (!int.TryParse(row[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
                || month is < 1 or > 12)
            {
                throw row.Error($"'{row[1]}' is not a month number (1-12)");
            }

            var kind = row[2] switch
            {
                "full" => MonthNameKind.Full,
                "context" => MonthNameKind.Context,
                "abbr" => MonthNameKind.Abbreviation,
                _ => throw row.Error($"unknown kind '{row[2]}' (full, context or abbr)"),
            };
            if (!months.TryAdd(row[0], new MonthName(row[0], month, kind)))
            {
                throw row.Error($"'{row[0]}' is listed twice");
            }
        }

        var cardinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in DataTable.Read(Path.Combine(folder, "number-words.tsv"), 3, 3))
        {
            if (row[2] == "cardinal"
                && int.TryParse(row[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                cardinals[row[0]] = value;
            }
        }

        return new DateLexicon(months, cardinals);
    }

    public bool TryMonth(ReadOnlySpan<char> word, out MonthName month) => _monthLookup.TryGetValue(word, out month!);

    public bool TryCardinal(ReadOnlySpan<char> word, out int value) => _cardinalLookup.TryGetValue(word, out value);
}
