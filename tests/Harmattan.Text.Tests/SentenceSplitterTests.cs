using Harmattan.Text;

namespace Harmattan.Text.Tests;

public sealed class SentenceSplitterTests
{
    private static Sentence[] Split(string text) =>
        SentenceSplitter.Default.Split(text, Tokenizer.Default.Tokenize(text));

    private static string[] Texts(string text) => [.. Split(text).Select(s => s.Span.Of(text))];

    [Theory]
    [InlineData("The MNLA declared independence in April 2012. Ansar Dine then pushed it out of Gao.",
        new[] { "The MNLA declared independence in April 2012.", "Ansar Dine then pushed it out of Gao." })]
    [InlineData("Dr. Atallah said the U.S. officials were worried. Col. Diarra agreed.",
        new[] { "Dr. Atallah said the U.S. officials were worried.", "Col. Diarra agreed." })]
    [InlineData("The group was led by Mokhtar B. Belmokhtar. He was born in Ghardaïa.",
        new[] { "The group was led by Mokhtar B. Belmokhtar.", "He was born in Ghardaïa." })]
    [InlineData("Troops arrived from the U.S. The next day they left.",
        new[] { "Troops arrived from the U.S.", "The next day they left." })]
    [InlineData("He briefed the U.S. State Department on Jan. 14 and left.",
        new[] { "He briefed the U.S. State Department on Jan. 14 and left." })]
    [InlineData("Lt. Gen. Ham met Prof. Boukhars, Mr. Diane, Mrs. Traoré and Ms. Keita.",
        new[] { "Lt. Gen. Ham met Prof. Boukhars, Mr. Diane, Mrs. Traoré and Ms. Keita." })]
    [InlineData("Talks in Ouagadougou (No. 3 in the series) failed, e.g. on Kidal, i.e. the north.",
        new[] { "Talks in Ouagadougou (No. 3 in the series) failed, e.g. on Kidal, i.e. the north." })]
    [InlineData("Willey said: “The French were right to intervene.” The debate moved on.",
        new[] { "Willey said: “The French were right to intervene.”", "The debate moved on." })]
    [InlineData("“Who will pay for this?” he asked. Nobody answered.",
        new[] { "“Who will pay for this?” he asked.", "Nobody answered." })]
    [InlineData("“Get out!” shouted a fighter in Gao.",
        new[] { "“Get out!” shouted a fighter in Gao." })]
    [InlineData("They had lost all hope . . . and the intervention gave it back. . . . Mali has suffered.",
        new[] { "They had lost all hope . . . and the intervention gave it back. . . .", "Mali has suffered." })]
    [InlineData("Is Bamako safe? Not yet! The army (and its allies) is stretched.",
        new[] { "Is Bamako safe?", "Not yet!", "The army (and its allies) is stretched." })]
    [InlineData("The coup came on 22 March 2012 (see above.) Sanogo took power.",
        new[] { "The coup came on 22 March 2012 (see above.)", "Sanogo took power." })]
    [InlineData("About 1,500 fighters, etc. Another 2.5 million people fled.",
        new[] { "About 1,500 fighters, etc.", "Another 2.5 million people fled." })]
    [InlineData("The group's site, www.example.org, went dark. Then it came back.",
        new[] { "The group's site, www.example.org, went dark.", "Then it came back." })]
    public void Splits_running_text(string text, string[] expected) => Assert.Equal(expected, Texts(text));

    [Theory]
    [InlineData("Untangling Mali\n\nIbrahima Diane said the fight is complex.",
        new[] { "Untangling Mali", "Ibrahima Diane said the fight is complex." })]
    [InlineData("Country Reports on Terrorism\n30 April 2014\naka the Masked Men Brigade.",
        new[] { "Country Reports on Terrorism", "30 April 2014", "aka the Masked Men Brigade." })]
    [InlineData("Casualties\n(4 killed, unknown wounded). [1]\nLast attack: November 2015. [2]",
        new[] { "Casualties", "(4 killed, unknown wounded). [1]", "Last attack: November 2015. [2]" })]
    [InlineData("The groups in the merger are:\n  • Ansar Dine,\n  • the Masina Liberation Front,\n  • and al-Murabitun.\nThey pledged allegiance.",
        new[] { "The groups in the merger are:", "• Ansar Dine,", "• the Masina Liberation Front,", "• and al-Murabitun.", "They pledged allegiance." })]
    [InlineData("Leaders:\n1. Iyad Ag Ghaly\n2) Amadou Koufa\n(c) Djamel Okacha",
        new[] { "Leaders:", "1. Iyad Ag Ghaly", "2) Amadou Koufa", "(c) Djamel Okacha" })]
    [InlineData("- Gao fell on 31 March\n- Timbuktu fell the next day",
        new[] { "- Gao fell on 31 March", "- Timbuktu fell the next day" })]
    [InlineData("The rebels advanced on the town of\nKidal and then on Gao, which fell on the\nfirst day of April.",
        new[] { "The rebels advanced on the town of\nKidal and then on Gao, which fell on the\nfirst day of April." })]
    [InlineData("Willey had no doubt:\n“It was the right thing to do.”",
        new[] { "Willey had no doubt:", "“It was the right thing to do.”" })]
    [InlineData("A long paragraph ends here without a full stop\n\nNext one.",
        new[] { "A long paragraph ends here without a full stop", "Next one." })]
    [InlineData("Ends with an abbreviation like Dr.\n\nNew paragraph.",
        new[] { "Ends with an abbreviation like Dr.", "New paragraph." })]
    public void Uses_line_breaks(string text, string[] expected) => Assert.Equal(expected, Texts(text));

    [Fact]
    public void Marks_headings_list_items_and_body()
    {
        var text = "Some parties open to negotiations\n\nThe Actors:\n• Ansar Dine, led by Iyad Ag Ghaly.\n• MUJAO. It split from AQIM.\nThe talks failed.";
        var sentences = Split(text);
        Assert.Equal(
            [SentenceKind.Heading, SentenceKind.Heading, SentenceKind.ListItem, SentenceKind.ListItem, SentenceKind.ListItem, SentenceKind.Body],
            sentences.Select(s => s.Kind));
    }

    [Theory]
    [InlineData("BAMAKO, Mali (Reuters) - Malian troops retook Gao on Saturday.", "BAMAKO, Mali (Reuters) -")]
    [InlineData("NIAMEY, 12 March 2013 – Niger sent 500 soldiers.", "NIAMEY, 12 March 2013 –")]
    [InlineData("TRIPOLI - Mokhtar Belmokhtar was reported killed.", "TRIPOLI -")]
    [InlineData("WASHINGTON, D.C. — The State Department said nothing.", "WASHINGTON, D.C. —")]
    public void Keeps_a_dateline_inside_the_first_sentence(string text, string dateline)
    {
        var sentence = Assert.Single(Split(text));
        Assert.Equal(SentenceKind.Body, sentence.Kind);
        Assert.NotNull(sentence.Dateline);
        Assert.Equal(dateline, sentence.Dateline.Value.Of(text));
        Assert.Equal(text, sentence.Span.Of(text));
    }

    [Theory]
    [InlineData("The MNLA - a Tuareg movement - took Kidal.")]
    [InlineData("Sahel – he and others argue – is one front.")]
    [InlineData("AQIM killed 4 people.")]
    public void Finds_no_dateline_in_ordinary_sentences(string text)
    {
        Assert.All(Split(text), s => Assert.Null(s.Dateline));
    }

    [Fact]
    public void Sentences_point_at_their_tokens()
    {
        var text = "Gao fell. Kidal followed.\n\nTimbuktu was last.";
        var tokens = Tokenizer.Default.Tokenize(text);
        var sentences = SentenceSplitter.Default.Split(text, tokens);
        Assert.Equal([(0, 3), (3, 3), (6, 4)], sentences.Select(s => (s.FirstToken, s.TokenCount)));
        Assert.All(sentences, s => Assert.Equal(s.Span, new TextSpan(tokens[s.FirstToken].Start, tokens[s.EndToken - 1].End)));
    }

    [Fact]
    public void Accepts_any_read_only_list_of_tokens()
    {
        var text = "Gao fell. Kidal followed.";
        var tokens = Tokenizer.Default.Tokenize(text);
        IReadOnlyList<Token> asList = tokens.ToList();
        IReadOnlyList<Token> asReadOnly = Array.AsReadOnly(tokens);
        Assert.Equal(SentenceSplitter.Default.Split(text, tokens.AsSpan()), SentenceSplitter.Default.Split(text, asList));
        Assert.Equal(SentenceSplitter.Default.Split(text, tokens.AsSpan()), SentenceSplitter.Default.Split(text, asReadOnly));
    }

    [Fact]
    public void No_tokens_no_sentences() => Assert.Empty(SentenceSplitter.Default.Split("  \n ", Array.Empty<Token>().AsSpan()));
}
