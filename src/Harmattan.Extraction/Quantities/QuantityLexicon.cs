using System.Globalization;
using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;

namespace Harmattan.Extraction.Quantities;

/// <summary>What a number word contributes.</summary>
public enum NumberWordKind
{
    /// <summary>A value: "three", "twenty", "dozen".</summary>
    Cardinal,

    /// <summary>A multiplier of the number before it: "thousand", "million".</summary>
    Scale,

    /// <summary>A vague plural whose value is only a lower bound: "dozens", "hundreds".</summary>
    Vague,
}

/// <summary>A number word and what it is worth.</summary>
public sealed record NumberWord(string Word, decimal Value, NumberWordKind Kind);

/// <summary>A currency name or symbol and its ISO 4217 code; <see cref="Words"/> are lower-cased.</summary>
public sealed record CurrencyForm(string[] Words, string Code, bool IsSymbol);

/// <summary>
/// The vocabulary of quantities: number words (<c>number-words.tsv</c>), currencies and counted nouns
/// (<c>quantity-units.tsv</c>). Lookups ignore case and take character spans. Immutable after loading.
/// </summary>
public sealed class QuantityLexicon
{
    private readonly Dictionary<string, NumberWord>.AlternateLookup<ReadOnlySpan<char>> _numbers;
    private readonly Dictionary<string, CurrencyForm[]>.AlternateLookup<ReadOnlySpan<char>> _currencies;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _counts;

    private QuantityLexicon(Dictionary<string, NumberWord> numbers, Dictionary<string, CurrencyForm[]> currencies, HashSet<string> counts)
    {
        _numbers = numbers.GetAlternateLookup<ReadOnlySpan<char>>();
        _currencies = currencies.GetAlternateLookup<ReadOnlySpan<char>>();
        _counts = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        CountNouns = counts;
    }

    /// <summary>Nouns that are counted ("people", "fighters"): a four-digit number before one is a count, not a year.</summary>
    public IReadOnlySet<string> CountNouns { get; }

    public static QuantityLexicon Load(DataDirectory data)
    {
        var folder = data.Lexicon("en");
        var numbers = new Dictionary<string, NumberWord>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in DataTable.Read(Path.Combine(folder, "number-words.tsv"), 3, 3))
        {
            if (!decimal.TryParse(row[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw row.Error($"'{row[1]}' is not a whole number");
            }

            var kind = row[2] switch
            {
                "cardinal" => NumberWordKind.Cardinal,
                "scale" => NumberWordKind.Scale,
                "vague" => NumberWordKind.Vague,
                _ => throw row.Error($"unknown kind '{row[2]}' (cardinal, scale or vague)"),
            };
            if (!numbers.TryAdd(row[0], new NumberWord(row[0], value, kind)))
            {
                throw row.Error($"'{row[0]}' is listed twice");
            }
        }

        var currencies = new Dictionary<string, List<CurrencyForm>>(StringComparer.OrdinalIgnoreCase);
        var counts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in DataTable.Read(Path.Combine(folder, "quantity-units.tsv"), 3, 3))
        {
            switch (row[2])
            {
                case "symbol" or "name":
                    var words = row[0].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (!currencies.TryGetValue(words[0], out var list))
                    {
                        currencies[words[0]] = list = [];
                    }

                    list.Add(new CurrencyForm(words, row[1], row[2] == "symbol"));
                    break;
                case "count":
                    if (!counts.Add(row[0]))
                    {
                        throw row.Error($"'{row[0]}' is listed twice");
                    }

                    break;
                default:
                    throw row.Error($"unknown kind '{row[2]}' (symbol, name or count)");
            }
        }

        return new QuantityLexicon(
            numbers,
            currencies.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(f => f.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase),
            counts);
    }

    public bool TryNumber(ReadOnlySpan<char> word, out NumberWord number) => _numbers.TryGetValue(word, out number!);

    /// <summary>Currency forms starting with <paramref name="word"/>, longest first.</summary>
    public bool TryCurrency(ReadOnlySpan<char> word, out CurrencyForm[] forms) => _currencies.TryGetValue(word, out forms!);

    public bool IsCountNoun(ReadOnlySpan<char> word) => _counts.Contains(word);
}
