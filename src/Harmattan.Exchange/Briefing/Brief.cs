using Harmattan.Knowledge;

namespace Harmattan.Exchange.Briefing;

/// <summary>
/// A generated briefing: sections of sentences, each sentence with the numbers of its notes, and the notes
/// themselves (a document, and the evidence sentence when the note cites one fact). Writers render it as
/// Markdown or HTML; nothing in it is text copied from a report except evidence in notes and claims quoted
/// with their speaker.
/// </summary>
public sealed record Brief(string Title, string Generated, IReadOnlyList<BriefSection> Sections, IReadOnlyList<BriefNote> Notes, string SourcesHeading);

/// <summary>
/// A section (level 2) or an actor's subsection (level 3); a list section renders one item per sentence. A
/// <see cref="Remark"/> under the heading says what the section leaves out ("Listed: the latest 50 events of 3,197.").
/// </summary>
public sealed record BriefSection(string Heading, int Level, IReadOnlyList<BriefSentence> Sentences, bool IsList, string? Remark = null);

public sealed record BriefSentence(string Text, IReadOnlyList<int> Notes);

/// <summary>A source note: the document, and the evidence sentence when it cites one fact.</summary>
/// <param name="DateIsPublished">False when the document gave no date: <see cref="Date"/> is then the day it was ingested.</param>
public sealed record BriefNote(int Number, string DocumentId, string Title, PartialDate Date, string? Url, string? Evidence, bool DateIsPublished = true)
{
    /// <summary>The note's date as written: the publication date, or "undated, ingested 2026-11-25".</summary>
    public string DateText => DateIsPublished ? Date.ToIso() : $"undated, ingested {Date.ToIso()}";

    /// <summary>
    /// The document's address when it is an absolute http(s) URL, escaped as a URI (no space, quote or angle bracket
    /// left); null otherwise. Writers link only this: a report's metadata is as untrusted as its text.
    /// </summary>
    public Uri? Link => Uri.TryCreate(Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
}

/// <summary>What a briefing is about: an actor, a place, or (with neither) everything in the period.</summary>
public sealed record BriefSubject(Harmattan.Store.EntityRef? Actor = null, Harmattan.Store.EntityRef? Place = null, Harmattan.Store.DatePeriod? Period = null);

/// <summary>
/// How much a briefing reads and lists: the latest <see cref="FactsPerKind"/> events, relations and claims of its
/// subject (each), the latest <see cref="FactsPerActor"/> relations and attributes of each actor it describes, and
/// the latest <see cref="TimelineEntries"/> entries of its timeline.
/// </summary>
public sealed record BriefLimits(int FactsPerKind = 500, int FactsPerActor = 200, int TimelineEntries = 60)
{
    public int FactsPerKind { get; } = FactsPerKind > 0 ? FactsPerKind : throw new ArgumentOutOfRangeException(nameof(FactsPerKind));

    public int FactsPerActor { get; } = FactsPerActor > 0 ? FactsPerActor : throw new ArgumentOutOfRangeException(nameof(FactsPerActor));

    public int TimelineEntries { get; } = TimelineEntries > 0 ? TimelineEntries : throw new ArgumentOutOfRangeException(nameof(TimelineEntries));
}
