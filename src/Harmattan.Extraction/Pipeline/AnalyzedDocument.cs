using Harmattan.Extraction.Attributes;
using Harmattan.Extraction.Claims;
using Harmattan.Extraction.Dates;
using Harmattan.Extraction.Events;
using Harmattan.Extraction.Linking;
using Harmattan.Extraction.Mentions;
using Harmattan.Extraction.Quantities;
using Harmattan.Extraction.Relations;
using Harmattan.Knowledge;
using Harmattan.Text;

namespace Harmattan.Extraction.Pipeline;

/// <summary>
/// The document while the pipeline works on it (spaCy's <c>Doc</c>): it owns the text, and every layer
/// is a list of drafts whose spans index into <see cref="Text"/>. Components add layers in the order
/// the pipeline gives; one document is only ever processed by one thread.
/// </summary>
public sealed class AnalyzedDocument(string documentId, string text, PartialDate? published)
{
    public string DocumentId { get; } = documentId;

    /// <summary>The exact text the extractor reads; all offsets are UTF-16 code units into it.</summary>
    public string Text { get; } = text;

    /// <summary>The report's publication date, which anchors dates without a year.</summary>
    public PartialDate? Published { get; } = published;

    /// <summary>
    /// The publication date a heading at the top of the text states ("Published 10 April 2012"), found
    /// by the dates component when the caller knew none; the store keeps it as the report's date.
    /// </summary>
    public PartialDate? PublishedInText { get; set; }

    public Token[] Tokens { get; set; } = [];

    public Sentence[] Sentences { get; set; } = [];

    /// <summary>What the recognisers proposed, before the merger picks one reading per span.</summary>
    public List<MentionCandidate> MentionCandidates { get; } = [];

    /// <summary>The mentions kept after merging: non-overlapping, in text order.</summary>
    public List<MentionCandidate> Mentions { get; } = [];

    /// <summary>One entry per real-world entity, each with all its mentions.</summary>
    public List<EntityDraft> Entities { get; } = [];

    public List<DateMention> Dates { get; } = [];

    public List<QuantityDraft> Quantities { get; } = [];

    public List<ClaimDraft> Claims { get; } = [];

    public List<EventDraft> Events { get; } = [];

    public List<RelationDraft> Relations { get; } = [];

    public List<AttributeDraft> Attributes { get; } = [];

    /// <summary>
    /// Per-document values a component computes once and reuses (keyed by the component's own name);
    /// components stay stateless, so shared state lives with the document.
    /// </summary>
    public Dictionary<string, object> Scratch { get; } = new(StringComparer.Ordinal);

    public string Slice(TextSpan span) => span.Of(Text);

    /// <summary>The index of the sentence containing <paramref name="position"/>, or -1.</summary>
    public int SentenceAt(int position)
    {
        int lo = 0, hi = Sentences.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var s = Sentences[mid].Span;
            if (position < s.Start)
            {
                hi = mid - 1;
            }
            else if (position >= s.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>The entity whose mention covers <paramref name="span"/> exactly or contains it, or null.</summary>
    public EntityDraft? EntityAt(TextSpan span)
    {
        foreach (var entity in Entities)
        {
            foreach (var m in entity.Mentions)
            {
                if (m.Span.Contains(span))
                {
                    return entity;
                }
            }
        }

        return null;
    }
}
