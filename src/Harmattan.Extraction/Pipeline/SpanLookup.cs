namespace Harmattan.Extraction.Pipeline;

/// <summary>
/// Lexicon lookups by a slice of the document's text, so asking "is this token a function word?"
/// does not copy the token into a new string. The answer is the set's own: its comparer decides
/// (ordinal or ignoring case), through the comparer's span form when it has one.
/// </summary>
internal static class SpanLookup
{
    public static bool Contains(this IReadOnlySet<string> set, ReadOnlySpan<char> word) =>
        set is HashSet<string> hashed && hashed.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup)
            ? lookup.Contains(word)
            : set.Contains(word.ToString());

    public static bool ContainsKey<TValue>(this IReadOnlyDictionary<string, TValue> dictionary, ReadOnlySpan<char> word) =>
        dictionary is Dictionary<string, TValue> hashed && hashed.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup)
            ? lookup.ContainsKey(word)
            : dictionary.ContainsKey(word.ToString());

    public static bool TryGetValue<TValue>(this IReadOnlyDictionary<string, TValue> dictionary, ReadOnlySpan<char> word, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value) =>
        dictionary is Dictionary<string, TValue> hashed && hashed.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup)
            ? lookup.TryGetValue(word, out value)
            : dictionary.TryGetValue(word.ToString(), out value);
}
