using System.Globalization;
using Harmattan.Extraction.Pipeline;
using Harmattan.Text;

namespace Harmattan.Extraction.Quantities;

/// <summary>
/// <c>quantities.recognizer/1</c>: numbers with their scale, unit and hedging: "some 300 fighters"
/// (300, fighters, approximate), "$20 million" (20,000,000 USD), "1.5 million Tuareg", "three soldiers",
/// "dozens of hostages" (a lower bound, approximate), "40 percent". The unit is a currency when the text
/// names one, else the noun after the number. Spans the dates layer took are never quantities, and
/// neither are footnote markers ("[3]"), times, or numbers inside a name ("Channel 4 News").
/// </summary>
public sealed class QuantityRecognizer(QuantityLexicon lexicon) : IComponent
{
    private static readonly HashSet<string> Hedges = new(StringComparer.OrdinalIgnoreCase)
    {
        "some", "about", "around", "nearly", "almost", "approximately", "roughly", "over", "estimated", "upwards",
        "least", "than", "to", "circa", "approx", "~",
    };

    private static readonly HashSet<string> NotUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "in", "on", "at", "to", "and", "or", "the", "a", "an", "by", "for", "with", "from", "were", "was", "are",
        "is", "had", "have", "has", "who", "which", "that", "than", "more", "less", "other", "others", "times", "more",
    };

    public string Name => "quantities.recognizer/1";

    public IReadOnlyList<string> Requires { get; } = [Layers.Tokens, Layers.Sentences, Layers.Dates];

    public IReadOnlyList<string> Assigns { get; } = [Layers.Quantities];

    public void Process(AnalyzedDocument document) => document.Quantities.AddRange(Find(document));

    /// <summary>The quantities of the document in text order, without writing them.</summary>
    public IReadOnlyList<QuantityDraft> Find(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        var tokens = document.Tokens;
        var dates = document.Dates.Select(d => d.Span).OrderBy(s => s.Start).ToArray();
        var found = new List<QuantityDraft>();
        var nextDate = 0;
        foreach (var sentence in document.Sentences)
        {
            var end = sentence.EndToken;
            var i = sentence.FirstToken;
            while (i < end)
            {
                while (nextDate < dates.Length && dates[nextDate].End <= tokens[i].Start)
                {
                    nextDate++;
                }

                if (nextDate < dates.Length && dates[nextDate].Overlaps(tokens[i].Span))
                {
                    i++;
                    continue;
                }

                var q = Match(text, tokens, i, sentence.FirstToken, end, nextDate < dates.Length ? dates[nextDate].Start : int.MaxValue);
                if (q is { } hit)
                {
                    found.Add(hit.Draft with { Component = Name });
                    i = hit.Next;
                }
                else
                {
                    i++;
                }
            }
        }

        return found;
    }

    private (QuantityDraft Draft, int Next)? Match(string text, Token[] tokens, int i, int first, int end, int dateStart)
    {
        string? currency = null;
        var start = i;
        var j = i;

        // A currency symbol before the number: "$20", "US$ 5", "€3".
        if (CurrencyAt(text, tokens, j, end, symbol: true, out var symbolCode, out var afterSymbol) && afterSymbol < end)
        {
            currency = symbolCode;
            j = afterSymbol;
        }

        if (!Value(text, tokens, ref j, end, out var value, out var fromWords, out var vague))
        {
            return null;
        }

        if (currency is null && IsExcluded(text, tokens, start, j, first, end))
        {
            return null;
        }

        // Scale words multiply in turn: "two hundred thousand", "1.5 million".
        while (j < end && tokens[j].Start < dateStart && lexicon.TryNumber(tokens[j].Span.SliceOf(text), out var scale) && scale.Kind == NumberWordKind.Scale)
        {
            value *= scale.Value;
            j++;
        }

        string? unit = null;
        var last = j - 1;
        if (j < end && IsPercent(text, tokens, j, end, out var afterPercent))
        {
            unit = "%";
            last = afterPercent - 1;
        }
        else if (currency is null && CurrencyAt(text, tokens, j, end, symbol: false, out var nameCode, out var afterName))
        {
            currency = nameCode;
            last = afterName - 1;
        }
        else if (currency is null)
        {
            var u = j;
            if (vague && u < end && tokens[u].Is(text, "of"))
            {
                u++;
            }

            if (Unit(text, tokens, u, end, dateStart) is { } unitIndex)
            {
                unit = tokens[unitIndex].Span.Of(text);
                last = unitIndex;
            }
        }

        // Number words need a unit or a scale to be a quantity: "one of them" and "the two" are not.
        if (fromWords && unit is null && currency is null && value < 100)
        {
            return null;
        }

        var approximate = vague;
        var hedgeStart = Hedge(text, tokens, start, first);
        if (hedgeStart < start)
        {
            approximate = true;
            start = hedgeStart;
        }

        var span = new TextSpan(tokens[start].Start, tokens[last].End);
        var rule = currency is not null ? "currency" : unit == "%" ? "percent" : unit is not null ? (vague ? VagueCount : "count") : "number";
        var confidence = unit is not null || currency is not null ? 0.85 : 0.6;
        return (new QuantityDraft(span, value, currency ?? unit, approximate, "", rule, confidence), last + 1);
    }

    /// <summary>The rule of a count given only as a vague plural ("dozens of fighters"): its value is a lower bound.</summary>
    public const string VagueCount = "vague-count";

    /// <summary>Reads a number (digits or number words) at <paramref name="j"/> and moves past it.</summary>
    private bool Value(string text, Token[] tokens, ref int j, int end, out decimal value, out bool fromWords, out bool vague)
    {
        value = 0;
        fromWords = false;
        vague = false;
        var w = tokens[j].Span.SliceOf(text);
        if (tokens[j].Kind == TokenKind.Number)
        {
            if (!decimal.TryParse(w, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
            {
                return false;
            }

            j++;
            return true;
        }

        if (tokens[j].Kind != TokenKind.Word)
        {
            return false;
        }

        // "a dozen", "a hundred", "a million"
        if ((w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.Equals("an", StringComparison.OrdinalIgnoreCase)) && j + 1 < end
            && lexicon.TryNumber(tokens[j + 1].Span.SliceOf(text), out var after) && after.Kind != NumberWordKind.Vague
            && (after.Kind == NumberWordKind.Scale || after.Value == 12))
        {
            value = after.Value;
            fromWords = true;
            j += 2;
            return true;
        }

        // "twenty-five": parts joined by a hyphen inside one token.
        var total = 0m;
        foreach (var part in new HyphenParts(w))
        {
            if (!lexicon.TryNumber(part, out var n))
            {
                return false;
            }

            if (n.Kind == NumberWordKind.Vague)
            {
                vague = true;
            }

            total = n.Kind == NumberWordKind.Scale && total > 0 ? total * n.Value : total + n.Value;
        }

        if (total == 0 || (vague && !(j + 1 < end && tokens[j + 1].Is(text, "of"))))
        {
            return false;
        }

        value = total;
        fromWords = true;
        j++;
        return true;
    }

    /// <summary>Footnote markers, times, numbers inside names and ordinals are not quantities.</summary>
    private static bool IsExcluded(string text, Token[] tokens, int start, int after, int first, int end)
    {
        var prev = start > first ? tokens[start - 1] : default;
        var next = after < end ? tokens[after] : default;
        if (start > first && after < end && prev.IsPunctuation(text, '[') && next.IsPunctuation(text, ']'))
        {
            return true;
        }

        if (after < end && next.Start == tokens[after - 1].End && next.IsPunctuation(text, ':'))
        {
            return true; // 16:00
        }

        // Inside a name: "Channel 4 News", "G5 Sahel" (a capitalised word on both sides).
        return start > first && after < end && tokens[start].Kind == TokenKind.Number
            && prev.Kind == TokenKind.Word && prev.IsCapitalized(text) && next.Kind == TokenKind.Word && next.IsCapitalized(text)
            && start - 1 > first;
    }

    private bool CurrencyAt(string text, Token[] tokens, int j, int end, bool symbol, out string code, out int after)
    {
        code = "";
        after = j;
        if (j >= end || !lexicon.TryCurrency(tokens[j].Span.SliceOf(text), out var forms))
        {
            // "US$": a word glued to a symbol.
            if (symbol && j + 1 < end && tokens[j].End == tokens[j + 1].Start
                && lexicon.TryCurrency(text.AsSpan(tokens[j].Start, tokens[j + 1].End - tokens[j].Start), out var glued))
            {
                code = glued[0].Code;
                after = j + 2;
                return glued[0].IsSymbol;
            }

            return false;
        }

        foreach (var form in forms)
        {
            if (form.IsSymbol != symbol || j + form.Words.Length > end)
            {
                continue;
            }

            var ok = true;
            for (var k = 1; k < form.Words.Length && ok; k++)
            {
                ok = tokens[j + k].IsIgnoreCase(text, form.Words[k]);
            }

            if (ok)
            {
                code = form.Code;
                after = j + form.Words.Length;
                return true;
            }
        }

        return false;
    }

    private static bool IsPercent(string text, Token[] tokens, int j, int end, out int after)
    {
        after = j + 1;
        if (tokens[j].Is(text, "%") || tokens[j].IsIgnoreCase(text, "percent"))
        {
            return true;
        }

        if (tokens[j].IsIgnoreCase(text, "per") && j + 1 < end && tokens[j + 1].IsIgnoreCase(text, "cent"))
        {
            after = j + 2;
            return true;
        }

        return false;
    }

    /// <summary>The noun after the number: the next word, or the one after it when that one is a counted noun ("three European aid workers" stays "European").</summary>
    private int? Unit(string text, Token[] tokens, int u, int end, int dateStart)
    {
        if (u >= end || tokens[u].Start >= dateStart || tokens[u].Kind != TokenKind.Word)
        {
            return null;
        }

        var w = tokens[u].Span.SliceOf(text);
        if (NotUnits.Contains(w.ToString()))
        {
            return null;
        }

        if (!lexicon.IsCountNoun(w) && u + 1 < end && tokens[u + 1].Kind == TokenKind.Word && lexicon.IsCountNoun(tokens[u + 1].Span.SliceOf(text)))
        {
            return u + 1;
        }

        return u;
    }

    /// <summary>The first token of a hedge before the number ("some", "more than", "up to", "at least", "an estimated"), or <paramref name="start"/>.</summary>
    private static int Hedge(string text, Token[] tokens, int start, int first)
    {
        if (start <= first)
        {
            return start;
        }

        var w = tokens[start - 1].Span.SliceOf(text).ToString();
        if (!Hedges.Contains(w))
        {
            return start;
        }

        var before = start - 2 >= first ? tokens[start - 2].Span.SliceOf(text) : default;
        switch (w.ToLowerInvariant())
        {
            case "than":
                return before.Equals("more", StringComparison.OrdinalIgnoreCase) || before.Equals("less", StringComparison.OrdinalIgnoreCase)
                    || before.Equals("fewer", StringComparison.OrdinalIgnoreCase) ? start - 2 : start;
            case "least":
                return before.Equals("at", StringComparison.OrdinalIgnoreCase) ? start - 2 : start;
            case "to":
                return before.Equals("up", StringComparison.OrdinalIgnoreCase) || before.Equals("close", StringComparison.OrdinalIgnoreCase) ? start - 2 : start;
            case "estimated":
                return before.Equals("an", StringComparison.OrdinalIgnoreCase) ? start - 2 : start - 1;
            case "upwards":
                return start; // needs "of" after it, which sits between: not this shape
            default:
                return start - 1;
        }
    }

    /// <summary>The parts of a hyphenated word, without allocating.</summary>
    private ref struct HyphenParts(ReadOnlySpan<char> word)
    {
        private ReadOnlySpan<char> _rest = word;

        public ReadOnlySpan<char> Current { get; private set; }

        public readonly HyphenParts GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_rest.IsEmpty)
            {
                return false;
            }

            var dash = _rest.IndexOf('-');
            Current = dash < 0 ? _rest : _rest[..dash];
            _rest = dash < 0 ? default : _rest[(dash + 1)..];
            return true;
        }
    }
}
