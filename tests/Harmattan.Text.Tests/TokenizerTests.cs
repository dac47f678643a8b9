using Harmattan.Text;

namespace Harmattan.Text.Tests;

public sealed class TokenizerTests
{
    private static readonly Tokenizer Tokenizer = Tokenizer.Default;

    private static string Show(string text) =>
        string.Join(" | ", Tokenizer.Tokenize(text).Select(t => t.Span.Of(text)));

    [Theory]
    [InlineData("Ansar Dine seized Timbuktu.", "Ansar | Dine | seized | Timbuktu | .")]
    [InlineData("fighters of al-Qaeda in the Islamic Maghreb", "fighters | of | al-Qaeda | in | the | Islamic | Maghreb")]
    [InlineData("Iyad Ag-Ghaly, the leader", "Iyad | Ag-Ghaly | , | the | leader")]
    [InlineData("the Signed-in-Blood Battalion", "the | Signed-in-Blood | Battalion")]
    [InlineData("Mali's army", "Mali | 's | army")]
    [InlineData("Mali’s army", "Mali | ’s | army")]
    [InlineData("Jama’at Nusrat al-Islam wa-l-Muslimin", "Jama’at | Nusrat | al-Islam | wa-l-Muslimin")]
    [InlineData("al-Muwaqqi'un bil-Dima", "al-Muwaqqi'un | bil-Dima")]
    [InlineData("the U.S. and the U.N. sent envoys", "the | U.S. | and | the | U.N. | sent | envoys")]
    [InlineData("Dr. Atallah and Gen. Carter Ham", "Dr. | Atallah | and | Gen. | Carter | Ham")]
    [InlineData("on Jan. 11, 2013", "on | Jan. | 11 | , | 2013")]
    [InlineData("Mokhtar B. Belmokhtar", "Mokhtar | B. | Belmokhtar")]
    [InlineData("e.g. Gao, i.e. the north", "e.g. | Gao | , | i.e. | the | north")]
    [InlineData("1,500 soldiers and 20,000 refugees", "1,500 | soldiers | and | 20,000 | refugees")]
    [InlineData("a 1.5 million budget", "a | 1.5 | million | budget")]
    [InlineData("$20 million", "$ | 20 | million")]
    [InlineData("US$4.5bn", "US | $ | 4.5 | bn")]
    [InlineData("up 45% since 2012", "up | 45 | % | since | 2012")]
    [InlineData("the 22nd of March", "the | 22nd | of | March")]
    [InlineData("in the 1990s", "in | the | 1990s")]
    [InlineData("a 10-month occupation", "a | 10 | - | month | occupation")]
    [InlineData("in 1960. But", "in | 1960 | . | But")]
    [InlineData("between 2012-2013", "between | 2012 | - | 2013")]
    [InlineData("see https://example.org/mali?id=3.", "see | https://example.org/mali?id=3 | .")]
    [InlineData("(www.example.com/sahel)", "( | www.example.com/sahel | )")]
    [InlineData("write to press@example.org today", "write | to | press@example.org | today")]
    [InlineData("@ and a@b", "@ | and | a | @ | b")]
    [InlineData("“The Uncatchable”", "“ | The | Uncatchable | ”")]
    [InlineData("hope . . . and", "hope | . | . | . | and")]
    [InlineData("hope... and", "hope | ... | and")]
    [InlineData("Sahel – he and others", "Sahel | – | he | and | others")]
    [InlineData("the G5 Sahel force", "the | G5 | Sahel | force")]
    [InlineData("SAIS’ African Studies", "SAIS | ’ | African | Studies")]
    [InlineData("Kheiru*, an expert", "Kheiru | * | , | an | expert")]
    [InlineData("Mali.The army", "Mali | . | The | army")]
    [InlineData("19/06/2015", "19 | / | 06 | / | 2015")]
    [InlineData("🇲🇱 flag", "🇲 | 🇱 | flag")]
    [InlineData("Tombouctou\u0301 é", "Tombouctou\u0301 | é")]
    public void Splits_real_looking_text(string text, string expected) => Assert.Equal(expected, Show(text));

    [Theory]
    [InlineData("Timbuktu", TokenKind.Word)]
    [InlineData("1,500", TokenKind.Number)]
    [InlineData("22nd", TokenKind.Ordinal)]
    [InlineData("U.S.", TokenKind.Abbreviation)]
    [InlineData("Sept.", TokenKind.Abbreviation)]
    [InlineData("B.", TokenKind.Abbreviation)]
    [InlineData(",", TokenKind.Punctuation)]
    [InlineData("”", TokenKind.Punctuation)]
    [InlineData("$", TokenKind.Symbol)]
    [InlineData("😀", TokenKind.Symbol)]
    [InlineData("http://a.example/x", TokenKind.Url)]
    [InlineData("info@example.org", TokenKind.Email)]
    public void Gives_a_kind_to_each_shape(string text, TokenKind kind)
    {
        var token = Assert.Single(Tokenizer.Tokenize(text));
        Assert.Equal(kind, token.Kind);
        Assert.Equal(new TextSpan(0, text.Length), token.Span);
    }

    [Fact]
    public void Splits_the_possessive_into_its_own_kind()
    {
        var text = "Belmokhtar’s brigade";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal([TokenKind.Word, TokenKind.Possessive, TokenKind.Word], tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Keeps_every_listed_abbreviation_as_one_token()
    {
        foreach (var abbreviation in AbbreviationLexicon.Default.Abbreviations)
        {
            var text = $"see {abbreviation} next";
            var tokens = Tokenizer.Tokenize(text);
            Assert.Equal(3, tokens.Length);
            Assert.Equal(abbreviation, tokens[1].Span.Of(text));
            Assert.Equal(TokenKind.Abbreviation, tokens[1].Kind);
        }
    }

    [Fact]
    public void Without_a_lexicon_only_rule_based_abbreviations_remain()
    {
        var tokenizer = new Tokenizer(AbbreviationLexicon.Empty);
        var text = "Dr. Diane met U.S. envoys and Mokhtar B. Belmokhtar";
        var shown = string.Join(" | ", tokenizer.Tokenize(text).Select(t => t.Span.Of(text)));
        Assert.Equal("Dr | . | Diane | met | U.S. | envoys | and | Mokhtar | B. | Belmokhtar", shown);
    }

    [Fact]
    public void Appends_to_a_caller_list_with_offsets_relative_to_the_span()
    {
        var tokens = new List<Token> { new(new TextSpan(0, 1), TokenKind.Word) };
        Tokenizer.Tokenize("xx Gao, Kidal".AsSpan(3), tokens);
        Assert.Equal([new TextSpan(0, 1), new TextSpan(0, 3), new TextSpan(3, 4), new TextSpan(5, 10)], tokens.Select(t => t.Span));
    }

    [Theory]
    [InlineData("MNLA", true, true, false)]
    [InlineData("Mali", true, false, false)]
    [InlineData("al-Qaeda", false, false, false)]
    [InlineData("rebels", false, false, true)]
    [InlineData("U.S.", true, true, false)]
    [InlineData("Ämir", true, false, false)]
    [InlineData("1960", false, false, false)]
    public void Answers_case_questions_without_copying(string word, bool capitalized, bool allCaps, bool allLower)
    {
        var token = new Token(new TextSpan(0, word.Length), TokenKind.Word);
        Assert.Equal(capitalized, token.IsCapitalized(word));
        Assert.Equal(allCaps, token.IsAllCaps(word));
        Assert.Equal(allLower, token.IsAllLower(word));
    }

    [Fact]
    public void Empty_and_blank_texts_have_no_tokens()
    {
        Assert.Empty(Tokenizer.Tokenize(""));
        Assert.Empty(Tokenizer.Tokenize(" \n\t\u00A0\u2003 "));
    }
}
