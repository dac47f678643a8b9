using Harmattan.Extraction.Dates;
using Harmattan.Extraction.Linking;
using Harmattan.Text;

namespace Harmattan.Extraction.Events;

/// <summary>A dated happening: its type, trigger word, date, and the places and actors of its clause.</summary>
public sealed record EventDraft(
    string Type,
    TextSpan Trigger,
    DateMention Date,
    IReadOnlyList<EntityDraft> Places,
    IReadOnlyList<EntityDraft> Actors,
    TextSpan Evidence,
    string Component,
    string Rule,
    double Confidence);
