using Harmattan.Extraction.Mentions;
using Harmattan.Knowledge;

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
        var aliases = new List<string>();
        foreach (var m in Mentions.OrderBy(m => m.Span.Start))
        {
            var surface = m.Span.Of(text);
            if (seen.Add(surface))
            {
                aliases.Add(surface);
            }
        }

        return aliases;
    }

    public int FirstPosition => Mentions.Count == 0 ? int.MaxValue : Mentions.Min(m => m.Span.Start);

    public override string ToString() => $"{Type} {Name}";
}
