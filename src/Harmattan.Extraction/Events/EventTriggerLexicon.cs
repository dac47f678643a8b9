using Harmattan.Extraction.Pipeline;
using Harmattan.Knowledge;

namespace Harmattan.Extraction.Events;

/// <summary>
/// A word or phrase that names a happening. <see cref="Words"/> are lower-cased; <c>*</c> stands for
/// one to four tokens. A weak trigger yields an event only when no strong one of its sentence takes
/// the same date; <see cref="InName"/> lets the trigger count inside a recognised name.
/// </summary>
public sealed record EventTrigger(string[] Words, string Type, bool Strong, bool InName, string Source);

/// <summary>
/// The trigger vocabulary (<c>event-triggers.tsv</c>), indexed by first word so matching is one
/// dictionary lookup per token. Phrases sharing a first word are tried longest first. Immutable.
/// </summary>
public sealed class EventTriggerLexicon
{
    private readonly Dictionary<string, EventTrigger[]>.AlternateLookup<ReadOnlySpan<char>> _byFirst;

    private EventTriggerLexicon(Dictionary<string, EventTrigger[]> byFirst, int count)
    {
        _byFirst = byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = count;
    }

    public int Count { get; }

    public static EventTriggerLexicon Load(DataDirectory data)
    {
        var path = Path.Combine(data.Lexicon("en"), "event-triggers.tsv");
        var byFirst = new Dictionary<string, List<EventTrigger>>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var row in DataTable.Read(path, 3, 4))
        {
            var words = row[0].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words[0] == "*" || words[^1] == "*")
            {
                throw row.Error("a trigger cannot start or end with '*'");
            }

            if (!seen.Add(row[0]))
            {
                throw row.Error($"'{row[0]}' is listed twice");
            }

            var strong = row[2] switch
            {
                "strong" => true,
                "weak" => false,
                _ => throw row.Error($"strength must be strong or weak, not '{row[2]}'"),
            };
            var inName = row.Fields.Length > 3 && row[3].Length > 0
                ? row[3] == "name" ? true : throw row.Error($"the fourth field may only be 'name', not '{row[3]}'")
                : false;
            if (row[1].Length == 0)
            {
                throw row.Error("the event type is empty");
            }

            if (!byFirst.TryGetValue(words[0], out var list))
            {
                byFirst[words[0]] = list = [];
            }

            list.Add(new EventTrigger(words, row[1], strong, inName, $"{Path.GetFileName(path)}:{row.Line}"));
            count++;
        }

        return new EventTriggerLexicon(
            byFirst.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(t => t.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase),
            count);
    }

    /// <summary>Triggers whose first word is <paramref name="word"/>, longest first.</summary>
    public bool TryStartingWith(ReadOnlySpan<char> word, out EventTrigger[] triggers) => _byFirst.TryGetValue(word, out triggers!);
}
