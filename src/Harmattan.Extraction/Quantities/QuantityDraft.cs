using Harmattan.Text;

namespace Harmattan.Extraction.Quantities;

/// <summary>A number with its scale applied and the unit the text names ("fighters", "USD"), if any.</summary>
public sealed record QuantityDraft(
    TextSpan Span,
    decimal Value,
    string? Unit,
    bool Approximate,
    string Component,
    string Rule,
    double Confidence);
