using Harmattan.Extraction.Linking;
using Harmattan.Text;

namespace Harmattan.Extraction.Claims;

/// <summary>
/// An attributed statement found in the text: who (<see cref="Speaker"/>), with which cue, saying what
/// (<see cref="Content"/>, without the attribution phrase). <see cref="Evidence"/> covers the whole
/// attribution, usually the sentence or quotation.
/// </summary>
public sealed record ClaimDraft(
    EntityDraft Speaker,
    string Cue,
    TextSpan CueSpan,
    TextSpan Content,
    TextSpan Evidence,
    string Component,
    string Rule,
    double Confidence);
