using CsCheck;

namespace Harmattan.Store.Tests;

/// <summary>
/// Snippets cut in the application (PostgreSQL's, since ts_headline was dropped): which words are marked, which
/// part of a long text is shown, and that a snippet is always the text's own words.
/// </summary>
public sealed class SearchSnippetTests
{
    private const string Convoy =
        "They dined at the camp before dawn. The convoy moved north along the river road past the wells of the valley. "
        + "Fighters of ANÇAR DINE entered the town at dawn, and the convoy turned back toward Gao before noon.";

    [Theory]
    [InlineData("ancar", "[[ANÇAR]] DINE entered")]              // case and accents aside
    [InlineData("\"Ançar Dine\"", "[[ANÇAR DINE]] entered")]  // a phrase: its words in a row, marked as one
    [InlineData("ancar dine", "[[ANÇAR]] [[DINE]] entered")]       // two words side by side: each marked, as FTS5 does
    [InlineData("dine", "[[DINE]] entered")]                       // "dined" is another word
    [InlineData("conv*", "The [[convoy]] moved")]                  // a prefix; the first of equal windows
    public void Matched_words_are_marked_where_they_stand(string query, string marked)
    {
        var snippet = SearchSnippet.Marked(Convoy, SearchQuery.Parse(query));

        Assert.NotNull(snippet);
        Assert.Contains(marked, snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("[[dined", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void The_window_shown_is_the_one_where_most_clauses_match()
    {
        var snippet = SearchSnippet.Marked(Convoy, SearchQuery.Parse("convoy Gao"))!;

        Assert.Equal("…ANÇAR DINE entered the town at dawn, and the [[convoy]] turned back toward [[Gao]] before noon.", snippet);
        Assert.Equal(SearchSnippet.Words, snippet.Split(' ').Length);
    }

    [Fact]
    public void A_phrase_in_another_order_a_text_without_the_words_and_a_short_text_are_handled()
    {
        Assert.Null(SearchSnippet.Marked(Convoy, SearchQuery.Parse("\"Dine Ançar\"")));
        Assert.Null(SearchSnippet.Marked(Convoy, SearchQuery.Parse("Timbuktu")));
        Assert.Equal("They dined at the camp before dawn. The convoy moved north along the river road past…", SearchSnippet.Opening(Convoy));
        Assert.Equal("Gao [[fell]].", SearchSnippet.Marked("Gao fell.", SearchQuery.Parse("fell")));
        Assert.Equal("", SearchSnippet.Opening(" … "));
    }

    [Fact]
    public void A_snippet_is_the_texts_own_words_in_order_with_only_marks_and_ellipses_added()
    {
        var words = Gen.OneOf(Gen.Const("Gao"), Gen.Const("gao"), Gen.Const("GAÓ"), Gen.Const("Kidal"), Gen.Const("ANÇAR"), Gen.Const("dine"),
            Gen.Const("😀"), Gen.Const("e\u0301"), Gen.Const("[["), Gen.Const("…"), Gen.String[0, 8]);
        var texts = Gen.Select(words, Gen.OneOf(Gen.Const(" "), Gen.Const(", "), Gen.Const("\n"), Gen.Const("-"))).Array[0, 400]
            .Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)));
        var queries = Gen.OneOf(Gen.Const("gao"), Gen.Const("\"ançar dine\""), Gen.Const("kid*"), Gen.Const("gao OR kidal dine"));
        Gen.Select(texts, queries).Sample((text, query) =>
        {
            var snippet = SearchSnippet.Marked(text, SearchQuery.Parse(query)) ?? SearchSnippet.Opening(text);
            // Marks only add brackets between words, ellipses only stand for the text cut off: without any brackets
            // (the text's own "[[" included), the snippet is a passage of the text.
            Assert.Contains(Unbracketed(snippet).Trim('…'), Unbracketed(text), StringComparison.Ordinal);
        });

        static string Unbracketed(string text) => text.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
    }
}
