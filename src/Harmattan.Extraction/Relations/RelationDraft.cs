using Harmattan.Extraction.Linking;
using Harmattan.Text;

namespace Harmattan.Extraction.Relations;

/// <summary>A typed link between two entities of the document, with the span that states it.</summary>
public sealed record RelationDraft(
    string Type,
    EntityDraft Source,
    EntityDraft Target,
    string? Role,
    TextSpan Evidence,
    string Component,
    string Rule,
    double Confidence);
