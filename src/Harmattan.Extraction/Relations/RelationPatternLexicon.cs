using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;

namespace Harmattan.Extraction.Relations;

/// <summary>
/// The relation patterns of <c>data/lexicons/en/relation-patterns.tsv</c>, parsed and checked against
/// the relation schema, indexed by what a pattern starts with so matching tries only the patterns that
/// can start at a token. Immutable.
/// </summary>
/// <remarks>
/// Pattern syntax, one space between elements:
/// <list type="bullet">
/// <item><c>X</c>, <c>Y</c>: the source and the target, each a named entity of the sentence (one element
/// however many words the name has); <c>X:Person</c>, <c>Y:ArmedGroup|Organization</c> restrict the type.</item>
/// <item><c>word</c>: one token, ignoring case; <c>a|an|the</c> any of them; a final <c>?</c> makes it optional.</item>
/// <item><c>'s</c>: the possessive (either apostrophe, or a bare apostrophe after a plural).</item>
/// <item><c>*</c>: up to four tokens that are neither names nor commas nor clause breaks;
/// <c>**</c>: up to ten tokens that may include names and commas (never a clause break).</item>
/// <item><c>{role}</c>: a role noun of <c>role-nouns.tsv</c>; the pattern's type is then <c>role</c>, and the
/// noun's kind decides between leads and affiliated_with.</item>
/// </list>
/// </remarks>
public sealed class RelationPatternLexicon
{
    private RelationPatternLexicon(IReadOnlyList<RelationPattern> patterns, Dictionary<string, RelationPattern[]> byFirstWord, RelationPattern[] bySlot)
    {
        Patterns = patterns;
        _byFirstWord = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        StartingWithSlot = bySlot;
    }

    private readonly Dictionary<string, RelationPattern[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;

    public IReadOnlyList<RelationPattern> Patterns { get; }

    /// <summary>The patterns whose first element is an argument slot.</summary>
    public IReadOnlyList<RelationPattern> StartingWithSlot { get; }

    /// <summary>The patterns whose first element is a word that <paramref name="word"/> (lower case) matches.</summary>
    public bool TryStartingWith(ReadOnlySpan<char> word, out RelationPattern[] patterns) => _byFirstWord.TryGetValue(word, out patterns!);

    public static RelationPatternLexicon Load(DataDirectory data, Schema schema)
    {
        var path = Path.Combine(data.Lexicon("en"), "relation-patterns.tsv");
        var patterns = new List<RelationPattern>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in DataTable.Read(path, 3, 3))
        {
            if (!seen.Add(row[0]))
            {
                throw row.Error($"the pattern '{row[0]}' is listed twice");
            }

            var elements = row[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => Element(e, row)).ToList();
            var type = row[1] == "role" ? null : row[1];
            if (type is not null && !schema.TryGetRelation(type, out _))
            {
                throw row.Error($"'{type}' is not a relation type of data/schema/relations");
            }

            if ((type is null) != elements.Any(e => e is RoleElement))
            {
                throw row.Error("a pattern has the type 'role' exactly when it contains {role}");
            }

            if (elements.Count(e => e is SlotElement { IsSource: true }) != 1 || elements.Count(e => e is SlotElement { IsSource: false }) != 1)
            {
                throw row.Error("a pattern needs exactly one X and one Y");
            }

            if (elements[0] is FillerElement || elements[^1] is FillerElement || elements[0] is WordElement { Optional: true })
            {
                throw row.Error("a pattern cannot start or end with a filler or an optional word");
            }

            if (!double.TryParse(row[2], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var confidence)
                || confidence is <= 0 or > 1)
            {
                throw row.Error($"the confidence must be a number in (0, 1], not '{row[2]}'");
            }

            patterns.Add(new RelationPattern(row[0], elements, type, confidence, $"{Path.GetFileName(path)}:{row.Line}"));
        }

        var byFirstWord = new Dictionary<string, List<RelationPattern>>(StringComparer.Ordinal);
        foreach (var p in patterns)
        {
            switch (p.Elements[0])
            {
                case WordElement w:
                    foreach (var word in w.Words)
                    {
                        if (!byFirstWord.TryGetValue(word, out var list))
                        {
                            byFirstWord[word] = list = [];
                        }

                        list.Add(p);
                    }

                    break;
                case RoleElement:
                    throw HarmattanError.BadDataFile.At(p.Source, "a pattern cannot start with {role}");
            }
        }

        return new RelationPatternLexicon(
            patterns,
            byFirstWord.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            [.. patterns.Where(p => p.Elements[0] is SlotElement)]);
    }

    private static PatternElement Element(string text, DataTable.Row row)
    {
        switch (text)
        {
            case "*":
                return new FillerElement(4, CrossesNames: false);
            case "**":
                return new FillerElement(10, CrossesNames: true);
            case "{role}":
                return new RoleElement();
        }

        if (text[0] is 'X' or 'Y' && (text.Length == 1 || text[1] == ':'))
        {
            HashSet<EntityType>? types = null;
            if (text.Length > 2)
            {
                types = [];
                foreach (var name in text[2..].Split('|'))
                {
                    if (!Enum.TryParse<EntityType>(name, ignoreCase: false, out var type))
                    {
                        throw row.Error($"'{name}' is not an entity type");
                    }

                    types.Add(type);
                }
            }

            return new SlotElement(text[0] == 'X', types);
        }

        var optional = text.Length > 1 && text[^1] == '?';
        var words = (optional ? text[..^1] : text).ToLowerInvariant().Split('|');
        if (words.Any(w => w.Length == 0))
        {
            throw row.Error($"'{text}' has an empty alternative");
        }

        return new WordElement(words, optional);
    }
}
