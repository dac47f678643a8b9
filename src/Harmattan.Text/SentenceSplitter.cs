using System.Runtime.InteropServices;

namespace Harmattan.Text;

/// <summary>
/// Groups tokens into sentences with rules a reader of news reports would apply, deterministically and in one
/// pass. The sentences cover every token, in order, without overlap; an instance is immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>A sentence ends after <c>.</c>, <c>!</c>, <c>?</c> or <c>…</c> and any closing quotes and brackets that touch
/// it (<c>said.”</c>), when the next token could start a sentence: not a lower-case word (so <c>“Why?” he asked</c>
/// and <c>. . . and</c> stay together), not <c>, ; :</c>, a closing bracket, a dash or more final punctuation.
/// Reference marks that follow on the same line (<c>wounded). [1]</c>) stay with the sentence they close.</para>
/// <para>An abbreviation's period ends a sentence only when the lexicon says it can (<c>U.S.</c> yes, <c>Dr.</c> no;
/// unlisted dotted initialisms can, capital initials cannot) and the next word is capitalised while the word after
/// it is not: "the U.S. He said" splits, "the U.S. State Department" does not.</para>
/// <para>Line breaks: a blank line always ends a sentence. A single line break ends one when the line is a list
/// item or the next line starts one, when the line ends with a colon and the next starts with a capital or a quote,
/// or when the line is a heading: it starts a sentence, has at most <see cref="MaxHeadingTokens"/> tokens, no final
/// punctuation, does not end with a short lower-case word (<c>of</c>, <c>the</c>: hard wrapping), and the next line does
/// not start in lower case (a line of six tokens or fewer, like "30 April 2014", ends even then). Otherwise a single line break is just a space, so
/// hard-wrapped paragraphs read as running text.</para>
/// </remarks>
public sealed class SentenceSplitter
{
    /// <summary>The longest line, in tokens, that can be a heading.</summary>
    public const int MaxHeadingTokens = 20;

    private const int MaxDatelineTokens = 12;

    private const int MaxShortLineTokens = 6;

    private static readonly Lazy<SentenceSplitter> DefaultInstance =
        new(() => new SentenceSplitter(AbbreviationLexicon.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly AbbreviationLexicon _abbreviations;

    public SentenceSplitter(AbbreviationLexicon abbreviations)
    {
        ArgumentNullException.ThrowIfNull(abbreviations);
        _abbreviations = abbreviations;
    }

    /// <summary>A splitter over <see cref="AbbreviationLexicon.Default"/>, created on first use.</summary>
    public static SentenceSplitter Default => DefaultInstance.Value;

    /// <summary>Splits <paramref name="tokens"/>, which must come from tokenizing <paramref name="text"/>.</summary>
    public Sentence[] Split(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens switch
        {
            Token[] array => Split(text, array.AsSpan()),
            List<Token> list => Split(text, CollectionsMarshal.AsSpan(list)),
            _ => Split(text, tokens.ToArray().AsSpan()),
        };
    }

    /// <summary>Splits <paramref name="tokens"/>, which must come from tokenizing <paramref name="text"/>.</summary>
    public Sentence[] Split(string text, ReadOnlySpan<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (tokens.IsEmpty)
        {
            return [];
        }

        var state = new Splitter(text, tokens, _abbreviations);
        return state.Run();
    }

    private ref struct Splitter
    {
        private readonly string _text;
        private readonly ReadOnlySpan<Token> _tokens;
        private readonly AbbreviationLexicon _abbreviations;
        private readonly List<Sentence> _sentences;

        private int _sentenceStart;
        private bool _sentenceStartsLine;
        private bool _sentenceInListItem;
        private int _lineStart;
        private int _markerEnd;

        public Splitter(string text, ReadOnlySpan<Token> tokens, AbbreviationLexicon abbreviations)
        {
            _text = text;
            _tokens = tokens;
            _abbreviations = abbreviations;
            _sentences = new List<Sentence>(tokens.Length / 16 + 1);
        }

        public Sentence[] Run()
        {
            var tokens = _tokens;
            var n = tokens.Length;
            _markerEnd = ListMarkerEnd(0);
            _sentenceStartsLine = true;
            _sentenceInListItem = _markerEnd >= 0;
            for (var i = 0; i < n; i++)
            {
                var last = i;
                var boundary = false;
                if (i > _markerEnd)
                {
                    var ending = Ending(i);
                    if (ending != EndKind.None)
                    {
                        while (last + 1 < n && tokens[last + 1].Start == tokens[last].End && IsCloser(tokens[last + 1]))
                        {
                            last++;
                        }

                        // Footnote references belong to the sentence they close: "... wounded). [1]"
                        while (last + 3 < n && IsReference(last + 1) && LineBreaks(tokens[last].End, tokens[last + 1].Start) == 0)
                        {
                            last += 3;
                        }

                        boundary = last + 1 < n && (ending == EndKind.Final ? CanStartSentence(last + 1) : AbbreviationEnds(last + 1));
                    }
                }

                if (last + 1 == n)
                {
                    Emit(last, endsLine: true);
                    break;
                }

                var breaks = LineBreaks(tokens[last].End, tokens[last + 1].Start);
                if (breaks > 0 && !boundary)
                {
                    boundary = breaks >= 2 || LineBreakEnds(last);
                }

                if (boundary)
                {
                    Emit(last, endsLine: breaks > 0);
                }

                if (breaks > 0)
                {
                    _lineStart = last + 1;
                    _markerEnd = ListMarkerEnd(last + 1);
                }

                if (boundary)
                {
                    _sentenceStart = last + 1;
                    _sentenceStartsLine = breaks > 0;
                    _sentenceInListItem = _markerEnd >= 0 && _lineStart <= last + 1;
                }

                i = last;
            }

            return [.. _sentences];
        }

        private enum EndKind : byte
        {
            None,
            Final,
            Abbreviation,
        }

        private readonly EndKind Ending(int i)
        {
            var t = _tokens[i];
            if (t.Kind == TokenKind.Punctuation)
            {
                return IsFinalChar(_text[t.Start]) ? EndKind.Final : EndKind.None;
            }

            if (t.Kind == TokenKind.Abbreviation)
            {
                var canEnd = _abbreviations.CanEndSentence(t.TextOf(_text)) ?? !t.IsInitial(_text);
                return canEnd ? EndKind.Abbreviation : EndKind.None;
            }

            return EndKind.None;
        }

        private static bool IsFinalChar(char c) =>
            c is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049' or '\u061F' or '\u3002';

        private readonly bool IsCloser(Token t)
        {
            if (t.Kind != TokenKind.Punctuation)
            {
                return false;
            }

            var c = _text[t.Start];
            return IsFinalChar(c) || c is '\u201D' or '"' or '\u2019' or '\'' or ')' or ']' or '}' or '\u00BB' or '\u203A';
        }

        /// <summary>A bracketed reference number, "[12]", starting at token <paramref name="j"/>.</summary>
        private readonly bool IsReference(int j)
        {
            var tokens = _tokens;
            return j + 2 < tokens.Length && tokens[j].IsPunctuation(_text, '[') && tokens[j].Length == 1
                && tokens[j + 1].Kind == TokenKind.Number && tokens[j + 1].Start == tokens[j].End
                && tokens[j + 2].IsPunctuation(_text, ']') && tokens[j + 2].Start == tokens[j + 1].End;
        }

        /// <summary>Whether the token at <paramref name="j"/> can be the first of a sentence after final punctuation.</summary>
        private readonly bool CanStartSentence(int j)
        {
            var t = _tokens[j];
            var c = _text[t.Start];
            if (c is ',' or ';' or ':' or ')' or ']' or '}' or '-' or '\u2013' or '\u2014' or '%' || IsFinalChar(c))
            {
                return false;
            }

            return !t.StartsLower(_text);
        }

        private readonly bool AbbreviationEnds(int j)
        {
            if (!CanStartSentence(j))
            {
                return false;
            }

            var next = _tokens[j];
            if (!(next.IsWordLike() && next.IsCapitalized(_text)))
            {
                return true;
            }

            if (j + 1 >= _tokens.Length)
            {
                return true;
            }

            var after = _tokens[j + 1];
            return !(after.IsWordLike() && after.IsCapitalized(_text));
        }

        /// <summary>Whether the single line break after token <paramref name="last"/> ends the sentence.</summary>
        private readonly bool LineBreakEnds(int last)
        {
            var next = last + 1;
            if (ListMarkerEnd(next) >= 0)
            {
                return true;
            }

            var nextStartsLower = _tokens[next].StartsLower(_text);
            if (_markerEnd >= 0)
            {
                return !nextStartsLower;
            }

            var t = _tokens[last];
            if (t.Kind == TokenKind.Punctuation && _text[t.Start] == ':')
            {
                return !nextStartsLower && CanStartSentence(next);
            }

            // A hard-wrapped line usually breaks after a short function word ("the town of\nKidal"); a heading does not.
            var endsWithShortLowerWord = t.Kind == TokenKind.Word && t.Length <= 3 && t.IsAllLower(_text);
            // A very short line ("30 April 2014") stands alone even before a lower-case line ("aka ...").
            var veryShort = last - _lineStart + 1 <= MaxShortLineTokens;
            return _sentenceStart == _lineStart && (nextStartsLower ? veryShort : CanStartSentence(next)) && !endsWithShortLowerWord
                && IsHeadingShape(_lineStart, last);
        }

        private readonly bool IsHeadingShape(int first, int last)
        {
            if (last - first + 1 > MaxHeadingTokens)
            {
                return false;
            }

            var t = _tokens[last];
            if (t.Kind != TokenKind.Punctuation)
            {
                return true;
            }

            var c = _text[t.Start];
            if (c == ':')
            {
                // "The Actors:" is a heading; "The groups involved are:" introduces a list.
                for (var k = first; k < last; k++)
                {
                    var w = _tokens[k];
                    if (w.Kind == TokenKind.Word && w.Length >= 4 && !w.IsCapitalized(_text))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (IsFinalChar(c) || c is ',' or ';')
            {
                return false;
            }

            // A closing quote or bracket after final punctuation: "... brought.”"
            return !(IsCloser(t) && last > first && IsCloser(_tokens[last - 1]) && _tokens[last - 1].End == t.Start);
        }

        /// <summary>The index of the last token of a list marker starting the line at <paramref name="k"/>, or -1.</summary>
        private readonly int ListMarkerEnd(int k)
        {
            var tokens = _tokens;
            var n = tokens.Length;
            var t = tokens[k];
            var c = _text[t.Start];
            if (t.Kind is TokenKind.Punctuation or TokenKind.Symbol && t.Length == 1
                && c is '-' or '*' or '\u2022' or '\u00B7' or '\u2023' or '\u25E6' or '\u25AA' or '\u25CF' or '\u25CB' or '\u25BA' or '\u25A0' or '\u2013' or '\u2014' or '\u2043')
            {
                return k + 1 == n || tokens[k + 1].Start > t.End ? k : -1;
            }

            // "1." "12)" "a)" "b."
            if (IsEnumerator(t) && k + 1 < n && IsMarkerClose(tokens[k + 1], t.End, '.'))
            {
                return k + 2 == n || tokens[k + 2].Start > tokens[k + 1].End ? k + 1 : -1;
            }

            // "(a)" "(2)"
            if (c == '(' && k + 2 < n && tokens[k + 1].Start == t.End && IsEnumerator(tokens[k + 1])
                && IsMarkerClose(tokens[k + 2], tokens[k + 1].End, ')'))
            {
                return k + 3 == n || tokens[k + 3].Start > tokens[k + 2].End ? k + 2 : -1;
            }

            return -1;
        }

        private readonly bool IsEnumerator(Token t) =>
            t.Kind == TokenKind.Number && t.Length <= 3 && char.IsAsciiDigit(_text[t.End - 1])
            || t.Kind == TokenKind.Word && t.Length == 1 && char.IsAsciiLetterLower(_text[t.Start]);

        private readonly bool IsMarkerClose(Token t, int expectedStart, char alsoAllowed) =>
            t.Start == expectedStart && t.Length == 1 && t.Kind == TokenKind.Punctuation
            && (_text[t.Start] == ')' || _text[t.Start] == alsoAllowed);

        private readonly int LineBreaks(int from, int to)
        {
            var count = 0;
            for (var i = from; i < to; i++)
            {
                switch (_text[i])
                {
                    case '\n' or '\u2028' or '\u0085' or '\v' or '\f':
                        count++;
                        break;
                    case '\r':
                        count += i + 1 < to && _text[i + 1] == '\n' ? 0 : 1;
                        break;
                    case '\u2029':
                        count += 2;
                        break;
                }
            }

            return count;
        }

        private readonly void Emit(int last, bool endsLine)
        {
            var first = _sentenceStart;
            var span = new TextSpan(_tokens[first].Start, _tokens[last].End);
            var kind = _sentenceInListItem
                ? SentenceKind.ListItem
                : _sentenceStartsLine && endsLine && IsHeadingShape(first, last) ? SentenceKind.Heading : SentenceKind.Body;
            var dateline = kind == SentenceKind.Body && _sentenceStartsLine ? Dateline(first, last) : null;
            _sentences.Add(new Sentence(span, first, last - first + 1, kind, dateline));
        }

        /// <summary>"BAMAKO, Mali (Reuters) -", "NIAMEY, 12 March 2013 –", "TRIPOLI -" at the start of a sentence.</summary>
        private readonly TextSpan? Dateline(int first, int last)
        {
            var head = _tokens[first];
            if (head.Kind != TokenKind.Word || head.Length < 3 || !head.IsAllCaps(_text))
            {
                return null;
            }

            var limit = Math.Min(last - 1, first + MaxDatelineTokens);
            for (var k = first + 1; k <= limit; k++)
            {
                var t = _tokens[k];
                var c = _text[t.Start];
                switch (t.Kind)
                {
                    case TokenKind.Punctuation when c is '-' or '\u2013' or '\u2014' or '\u2015':
                        return new TextSpan(head.Start, t.End);
                    case TokenKind.Punctuation when c is ',' or '(' or ')':
                    case TokenKind.Number or TokenKind.Ordinal or TokenKind.Abbreviation:
                    case TokenKind.Word when t.IsCapitalized(_text):
                    case TokenKind.Symbol when c == '/':
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }
    }
}
