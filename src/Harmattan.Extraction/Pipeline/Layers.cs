namespace Harmattan.Extraction.Pipeline;

/// <summary>The names of the layers components read and write; see <see cref="IComponent"/>.</summary>
public static class Layers
{
    public const string Tokens = "tokens";
    public const string Sentences = "sentences";
    public const string Mentions = "mentions";
    public const string Entities = "entities";
    public const string Dates = "dates";
    public const string Quantities = "quantities";
    public const string Claims = "claims";
    public const string Events = "events";
    public const string Relations = "relations";
    public const string Attributes = "attributes";
}
