using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Mentions;

/// <summary>How a span names its entity; the linker treats each kind differently.</summary>
public enum MentionKind
{
    /// <summary>A proper name: "Iyad Ag Ghaly", "Ansar Dine", "Gao".</summary>
    Name,
    /// <summary>An acronym: "MNLA", "AQIM".</summary>
    Acronym,
    /// <summary>A demonym or adjective standing for its country: "French" (forces), "Malian".</summary>
    Demonym,
}

/// <summary>
/// A proposed mention: a span, what it is taken to be, and why (component, rule, confidence).
/// <see cref="Canonical"/> is the full name the evidence points to (a registry entry's name, the
/// expansion an acronym was defined with), when there is one.
/// </summary>
public sealed record MentionCandidate(
    TextSpan Span,
    EntityType Type,
    MentionKind Kind,
    string Component,
    string Rule,
    double Confidence,
    string? RegistryId = null,
    string? Canonical = null);
