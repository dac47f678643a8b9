using Harmattan.Extraction.Mentions;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Linking;

/// <summary>
/// One real-world entity of the document: its type, its fullest name as written, and all its mentions.
/// Mutable while the linker builds it; later components only read it.
/// </summary>
public sealed class EntityDraft(EntityType type, string name, string? registryId)
{
    public EntityType Type { get; set; } = type;

    /// <summary>The fullest name the document writes for the entity.</summary>
    public string Name { get; set; } = name;

    public string? RegistryId { get; set; } = registryId;

    public List<MentionCandidate> Mentions { get; } = [];

    /// <summary>The component that decided the entity's identity and type.</summary>
    public string Component { get; set; } = "";

    public double Confidence { get; set; }

    /// <summary>Every other surface form the text uses, in order of first use, without duplicates.</summary>
    public IReadOnlyList<string> Aliases(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { Name };
        var seenSpans = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        var aliases = new List<string>();
        foreach (var m in Mentions.OrderBy(m => m.Span.Start))
        {
            // A string only for a surface not seen yet: most mentions repeat a name.
            if (!seenSpans.Contains(m.Span.SliceOf(text)))
            {
                var surface = m.Span.Of(text);
                seen.Add(surface);
                aliases.Add(surface);
            }
        }

        return aliases;
    }

    public int FirstPosition => Mentions.Count == 0 ? int.MaxValue : Mentions.Min(m => m.Span.Start);

    public override string ToString() => $"{Type} {Name}";
}
