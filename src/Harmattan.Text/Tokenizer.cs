namespace Harmattan.Text;

/// <summary>
/// Splits a text into <see cref="Token"/>s in one left-to-right pass, without regular expressions and without
/// allocating per token. Guarantees, for any string: tokens are in order, non-empty and non-overlapping; every
/// character that is not whitespace (<see cref="char.IsWhiteSpace(char)"/>) is inside exactly one token and no
/// token starts or ends with whitespace; a surrogate pair is never split; combining marks and invisible format
/// characters stay with the character before them. An instance is immutable and thread-safe.
/// </summary>
/// <remarks>
/// Rules, in the order they are tried at a token start: a web address (<c>http://</c>, <c>https://</c>,
/// <c>www.</c>); a word, which keeps inner hyphens and apostrophes (<c>al-Qaeda</c>, <c>Jama’at</c>) but splits a
/// final <c>'s</c> or <c>’s</c> into a <see cref="TokenKind.Possessive"/>, and keeps a final period when it forms an
/// abbreviation (listed in the <see cref="AbbreviationLexicon"/>, a dotted initialism like <c>U.S.</c>, or a
/// capital initial like <c>B.</c>); a number (<c>1,500</c>, <c>1.5</c>, <c>22nd</c>); a run of periods or of
/// hyphens; any other single character. An e-mail address is recognised when its <c>@</c> is reached and
/// replaces the tokens of its local part.
/// </remarks>
public sealed class Tokenizer
{
    private const int MaxAbbreviationGroup = 8;

    private static readonly Lazy<Tokenizer> DefaultInstance =
        new(() => new Tokenizer(AbbreviationLexicon.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly AbbreviationLexicon _abbreviations;

    public Tokenizer(AbbreviationLexicon abbreviations)
    {
        ArgumentNullException.ThrowIfNull(abbreviations);
        _abbreviations = abbreviations;
    }

    /// <summary>A tokenizer over <see cref="AbbreviationLexicon.Default"/>, created on first use.</summary>
    public static Tokenizer Default => DefaultInstance.Value;

    public AbbreviationLexicon Abbreviations => _abbreviations;

    public Token[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5 + 4);
        Tokenize(text.AsSpan(), tokens);
        return tokens.ToArray();
    }

    /// <summary>
    /// Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>, with offsets relative to the start
    /// of <paramref name="text"/>. Reusing one list across documents avoids all allocation after the first.
    /// </summary>
    public void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var scanner = new Scanner(text, tokens, _abbreviations, tokens.Count);
        scanner.Run();
    }

    private ref struct Scanner
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly List<Token> _tokens;
        private readonly AbbreviationLexicon _abbreviations;
        private readonly int _firstToken;

        public Scanner(ReadOnlySpan<char> text, List<Token> tokens, AbbreviationLexicon abbreviations, int firstToken)
        {
            _text = text;
            _tokens = tokens;
            _abbreviations = abbreviations;
            _firstToken = firstToken;
        }

        public readonly void Run()
        {
            var text = _text;
            var i = 0;
            while (i < text.Length)
            {
                var kind = CharClass.Classify(text, i, out var width);
                switch (kind)
                {
                    case CharKind.Space:
                        i++;
                        break;
                    case CharKind.Letter:
                        i = StartsUrl(text, i) is var urlEnd and > 0 ? Emit(i, urlEnd, TokenKind.Url) : ScanWord(i);
                        break;
                    case CharKind.Digit:
                        i = ScanNumber(i);
                        break;
                    case CharKind.Mark:
                        i = AttachMarks(i);
                        break;
                    case CharKind.Period:
                        i = EmitWithMarks(i, RunOf(text, i, '.'), TokenKind.Punctuation);
                        break;
                    case CharKind.Hyphen:
                        i = EmitWithMarks(i, text[i] == '-' ? RunOf(text, i, '-') : i + 1, TokenKind.Punctuation);
                        break;
                    case CharKind.At:
                        i = ScanEmail(i);
                        break;
                    case CharKind.Apostrophe or CharKind.Comma or CharKind.Punct:
                        i = EmitWithMarks(i, i + width, TokenKind.Punctuation);
                        break;
                    default:
                        i = EmitWithMarks(i, i + width, TokenKind.Symbol);
                        break;
                }
            }
        }

        private readonly int Emit(int start, int end, TokenKind kind)
        {
            _tokens.Add(new Token(new TextSpan(start, end), kind));
            return end;
        }

        private readonly int EmitWithMarks(int start, int end, TokenKind kind) => Emit(start, SkipMarks(end), kind);

        /// <summary>Marks at <paramref name="i"/>: they join the token just before when it touches them.</summary>
        private readonly int AttachMarks(int i)
        {
            var end = SkipMarks(i);
            if (_tokens.Count > _firstToken && _tokens[^1].End == i)
            {
                var last = _tokens[^1];
                _tokens[^1] = last with { Span = new TextSpan(last.Start, end) };
                return end;
            }

            return Emit(i, end, TokenKind.Symbol);
        }

        private readonly int SkipMarks(int i)
        {
            while (i < _text.Length)
            {
                var k = CharClass.Classify(_text, i, out var w);
                if (k != CharKind.Mark)
                {
                    break;
                }

                i += w;
            }

            return i;
        }

        private readonly int ScanWord(int start)
        {
            var text = _text;
            var p = start;
            var lettersOnly = true;
            while (p < text.Length)
            {
                var c = text[p];
                if (c < 0x80)
                {
                    // Fast path for ASCII letters and digits.
                    if ((uint)((c | 0x20) - 'a') <= 'z' - 'a')
                    {
                        p++;
                        continue;
                    }

                    if ((uint)(c - '0') <= 9)
                    {
                        lettersOnly = false;
                        p++;
                        continue;
                    }
                }

                var k = CharClass.Classify(text, p, out var w);
                if (k == CharKind.Letter)
                {
                    p += w;
                    continue;
                }

                if (k is CharKind.Digit or CharKind.Mark)
                {
                    lettersOnly = false;
                    p += w;
                    continue;
                }

                if (k == CharKind.Hyphen && p + 1 < text.Length && CharClass.Classify(text, p + 1, out _) is CharKind.Letter or CharKind.Digit)
                {
                    lettersOnly = false;
                    p += 1;
                    continue;
                }

                if (k == CharKind.Apostrophe && p + 1 < text.Length && IsLetterAt(p + 1))
                {
                    if ((text[p + 1] | 0x20) == 's' && (p + 2 == text.Length || !CharClass.IsWordPart(CharClass.Classify(text, p + 2, out _))))
                    {
                        // "Mali’s": the word, then the possessive.
                        Emit(start, p, TokenKind.Word);
                        return EmitWithMarks(p, p + 2, TokenKind.Possessive);
                    }

                    lettersOnly = false;
                    p += 1;
                    continue;
                }

                break;
            }

            if (lettersOnly && p < text.Length && text[p] == '.' && p - start <= MaxAbbreviationGroup)
            {
                var abbreviationEnd = MatchAbbreviation(start, p);
                if (abbreviationEnd > 0)
                {
                    return EmitWithMarks(start, abbreviationEnd, TokenKind.Abbreviation);
                }
            }

            return Emit(start, p, TokenKind.Word);
        }

        private readonly bool IsLetterAt(int i) => CharClass.Classify(_text, i, out _) == CharKind.Letter;

        /// <summary>
        /// The end of the abbreviation starting at <paramref name="start"/> whose first group of letters ends at
        /// <paramref name="firstDot"/> (a period), or -1. Tries the longest dotted form first.
        /// </summary>
        private readonly int MatchAbbreviation(int start, int firstDot)
        {
            var text = _text;
            Span<int> ends = stackalloc int[8];
            var count = 0;
            ends[count++] = firstDot + 1;
            var allSingle = firstDot - start == 1;
            var singleUpTo = allSingle ? 1 : 0; // how many leading groups are single letters
            var p = firstDot + 1;
            while (count < ends.Length)
            {
                var q = p;
                while (q < text.Length && q - p < MaxAbbreviationGroup && char.IsLetter(text[q]))
                {
                    q++;
                }

                if (q == p || q >= text.Length || text[q] != '.')
                {
                    break;
                }

                if (allSingle && q - p == 1)
                {
                    singleUpTo = count + 1;
                }
                else
                {
                    allSingle = false;
                }

                ends[count++] = q + 1;
                p = q + 1;
            }

            for (var k = count - 1; k >= 0; k--)
            {
                var end = ends[k];
                if (_abbreviations.Contains(text[start..end]))
                {
                    return end;
                }

                // Dotted initialism of single letters: U.S., e.g., A.Q.I.M.
                if (k >= 1 && k < singleUpTo)
                {
                    return end;
                }
            }

            // A capital initial: "Mokhtar B. Belmokhtar".
            return firstDot - start == 1 && char.IsUpper(text[start]) ? firstDot + 1 : -1;
        }

        private readonly int ScanNumber(int start)
        {
            var text = _text;
            var p = SkipDigits(start);
            var sawDecimal = false;
            while (p + 1 < text.Length)
            {
                var c = text[p];
                if (c == ',' && !sawDecimal && p + 3 < text.Length && IsDigit(text[p + 1]) && IsDigit(text[p + 2]) && IsDigit(text[p + 3])
                    && (p + 4 == text.Length || !IsDigit(text[p + 4])))
                {
                    p += 4;
                }
                else if (c == '.' && !sawDecimal && IsDigit(text[p + 1]))
                {
                    sawDecimal = true;
                    p = SkipDigits(p + 1);
                }
                else
                {
                    break;
                }
            }

            // Ordinal suffix: 1st, 2nd, 3rd, 22nd, 4th.
            if (p + 1 < text.Length && !WordContinuesAt(p + 2) && IsOrdinalSuffix(text[p], text[p + 1]))
            {
                return EmitWithMarks(start, p + 2, TokenKind.Ordinal);
            }

            // Decades: 1990s, 90s.
            if (p - start >= 2 && !sawDecimal && p < text.Length && text[p] == 's' && !WordContinuesAt(p + 1))
            {
                return EmitWithMarks(start, p + 1, TokenKind.Number);
            }

            return EmitWithMarks(start, p, TokenKind.Number);
        }

        /// <summary>True when a word character continues at <paramref name="i"/> (so a suffix ending before it is not a suffix).</summary>
        private readonly bool WordContinuesAt(int i) => i < _text.Length && CharClass.IsWordPart(CharClass.Classify(_text, i, out _));

        private static bool IsOrdinalSuffix(char a, char b)
        {
            a = (char)(a | 0x20);
            b = (char)(b | 0x20);
            return (a, b) is ('s', 't') or ('n', 'd') or ('r', 'd') or ('t', 'h');
        }

        private readonly int SkipDigits(int p)
        {
            while (p < _text.Length && IsDigit(_text[p]))
            {
                p++;
            }

            return p;
        }

        private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

        private static int RunOf(ReadOnlySpan<char> text, int i, char c)
        {
            while (i < text.Length && text[i] == c)
            {
                i++;
            }

            return i;
        }

        /// <summary>The end of a web address starting at <paramref name="i"/>, or 0.</summary>
        private static int StartsUrl(ReadOnlySpan<char> text, int i)
        {
            var c = text[i] | 0x20;
            if (c != 'h' && c != 'w')
            {
                return 0;
            }

            var rest = text[i..];
            int prefix;
            if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                prefix = 8;
            }
            else if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                prefix = 7;
            }
            else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                prefix = 4;
            }
            else
            {
                return 0;
            }

            var p = prefix;
            var parentheses = 0;
            while (p < rest.Length)
            {
                var ch = rest[p];
                if (char.IsWhiteSpace(ch) || ch is '<' or '>' or '"' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u00AB' or '\u00BB')
                {
                    break;
                }

                parentheses += ch == '(' ? 1 : ch == ')' ? -1 : 0;
                p++;
            }

            // Trailing punctuation belongs to the sentence, not the address.
            while (p > prefix)
            {
                var ch = rest[p - 1];
                if (ch is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or ']' or '}' || ch == ')' && parentheses < 0)
                {
                    parentheses += ch == ')' ? 1 : 0;
                    p--;
                }
                else if (ch == ')' && parentheses >= 0)
                {
                    break;
                }
                else
                {
                    break;
                }
            }

            // Never end inside a surrogate pair.
            if (p < rest.Length && char.IsLowSurrogate(rest[p]) && char.IsHighSurrogate(rest[p - 1]))
            {
                p++;
            }

            return p > prefix ? i + p : 0;
        }

        /// <summary>
        /// At an <c>@</c>: when the characters before it and after it form an e-mail address, the tokens already
        /// made for the local part are replaced by one Email token. Otherwise the <c>@</c> is a Symbol.
        /// </summary>
        private readonly int ScanEmail(int at)
        {
            var text = _text;
            var localStart = at;
            while (localStart > 0 && IsLocalChar(text[localStart - 1]))
            {
                localStart--;
            }

            // Never cut a token made before the local part.
            var keep = _tokens.Count;
            while (keep > _firstToken && _tokens[keep - 1].Start >= localStart)
            {
                keep--;
            }

            if (keep > _firstToken && _tokens[keep - 1].End > localStart)
            {
                localStart = _tokens[keep - 1].End;
            }

            var domainEnd = MatchDomain(at + 1);
            if (localStart >= at || domainEnd < 0 || text[localStart] == '.')
            {
                return EmitWithMarks(at, at + 1, TokenKind.Symbol);
            }

            _tokens.RemoveRange(keep, _tokens.Count - keep);
            return Emit(localStart, domainEnd, TokenKind.Email);
        }

        /// <summary>The end of a domain name (two or more dot-separated labels) starting at <paramref name="p"/>, or -1.</summary>
        private readonly int MatchDomain(int p)
        {
            var text = _text;
            var labels = 0;
            var end = -1;
            while (true)
            {
                var q = p;
                while (q < text.Length && (char.IsAsciiLetterOrDigit(text[q]) || text[q] == '-'))
                {
                    q++;
                }

                if (q == p)
                {
                    break;
                }

                labels++;
                end = q;
                if (q + 1 < text.Length && text[q] == '.' && char.IsAsciiLetterOrDigit(text[q + 1]))
                {
                    p = q + 1;
                    continue;
                }

                break;
            }

            return labels >= 2 ? end : -1;
        }

        private static bool IsLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';
    }
}
