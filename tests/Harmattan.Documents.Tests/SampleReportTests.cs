using Harmattan.Knowledge;
using UglyToad.PdfPig;

namespace Harmattan.Documents.Tests;

/// <summary>Every reader on the sample reports we wrote: metadata, sentences, paragraphs, and nothing from the page chrome.</summary>
public sealed class SampleReportTests
{
    private static readonly DocumentReader Reader = new();
    private static readonly ReadOptions Defaults = new();

    public static TheoryData<string, string, string, string?, string?> Reports => new()
    {
        // file, format, title, published, url
        { "2012-03-tuareg-rebellion-and-bamako-coup.txt", "txt", "From Rebellion to Coup: How Northern Mali's Uprising Toppled Bamako", null, null },
        { "2021-06-mali-two-coups.txt", "txt", "Mali's Two Coups: Kati, August 2020 and May 2021", null, null },
        { "2013-01-operation-serval.md", "md", "Operation Serval: France Intervenes in Mali", "2013-02-05", "https://reports.harmattan.example/2013/operation-serval" },
        { "2017-03-jnim-merger.md", "md", "Four Sahel Jihadist Groups Merge into JNIM", "2017-03-06", "https://reports.harmattan.example/2017/jnim-merger" },
        { "2012-07-jihadists-take-northern-mali.html", "html", "How Ansar Dine, MUJAO and AQIM Took Northern Mali from the MNLA", "2012-07-15", "https://reports.harmattan.example/2012/jihadists-take-northern-mali" },
        { "2021-09-isgs-leader-killed.html", "html", "France Says It Killed ISGS Leader Adnan Abu Walid al-Sahrawi", "2021-09-17", "https://news.harmattan.example/sahel/2021/09/17/isgs-leader-killed" },
        { "2015-06-algiers-accord.pdf", "pdf", "The Algiers Accord: Mali's Peace Agreement Signed in Two Stages", "2015-06-25", null },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void Reads_the_metadata_of_each_sample(string file, string format, string title, string? published, string? url)
    {
        var path = Samples.PathOf(file);
        var doc = Reader.ReadFile(path, Defaults);

        Assert.Equal(format, doc.Format);
        Assert.Equal(title, doc.Title);
        Assert.Equal(published, doc.Published?.ToIso());
        Assert.Equal(url, doc.Url);
        Assert.Equal(path, doc.Source);
        Assert.Equal(StableId.Sha256Hex(doc.Text), doc.ContentHash);
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Every_sample_is_normalised_text_with_paragraphs(string file, string format, string title, string? published, string? url)
    {
        _ = (format, title, published, url);
        var text = Reader.ReadFile(Samples.PathOf(file), Defaults).Text;

        Assert.Contains("\n\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain(" \n", text, StringComparison.Ordinal);
        Assert.Equal(text.Trim(), text);
        Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC));
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.InRange(words, 350, 950);
    }

    [Theory]
    [InlineData("2012-03-tuareg-rebellion-and-bamako-coup.txt", "On 21 March a mutiny broke out at the Kati military camp outside Bamako")]
    [InlineData("2012-03-tuareg-rebellion-and-bamako-coup.txt", "Sanogo said that the soldiers had acted because the government had failed")]
    [InlineData("2021-06-mali-two-coups.txt", "He said that he did not want any blood to be shed to keep him in office.")]
    [InlineData("2013-01-operation-serval.md", "On 10 January they took the town of Konna, about 60 kilometres from Mopti")]
    [InlineData("2013-01-operation-serval.md", "\"The groups expected the Malian army to break at Sévaré")]
    [InlineData("2017-03-jnim-merger.md", "Iyad Ag Ghaly was named emir of the new group.")]
    [InlineData("2012-07-jihadists-take-northern-mali.html", "The MNLA's secretary-general, Bilal Ag Acherif, was wounded in the fighting")]
    [InlineData("2012-07-jihadists-take-northern-mali.html", "“Gao was the MNLA’s capital on paper.")]
    [InlineData("2021-09-isgs-leader-killed.html", "killing four US soldiers and four Nigerien soldiers.")]
    [InlineData("2015-06-algiers-accord.pdf", "On 20 June 2015, Bilal Ag Acherif, the secretary-general of the MNLA, signed the agreement in Bamako on behalf of the CMA")]
    [InlineData("2015-06-algiers-accord.pdf", "Keita said that the United Nations should treat all parties fairly")]
    public void Contains_the_sentences_the_extractor_needs(string file, string sentence)
    {
        var text = Reader.ReadFile(Samples.PathOf(file), Defaults).Text;
        Assert.Contains(sentence, Samples.Flat(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2012-07-jihadists-take-northern-mali.html", "Home", "Subscribe", "dataLayer", "trackPageView", "analytics", "Independent coverage", "All rights reserved", "Privacy policy", "newsletter", "Sign up", "Related", "Analysis ›", "font-family")]
    [InlineData("2021-09-isgs-leader-killed.html", "Front page", "Log in", "Edition: Sahel", "loadAds", "adSlots", "schema.org", "Most read", "Fuel prices", "demonstration site", "data:image", "base64")]
    public void No_page_chrome_or_script_leaks_into_html_text(string file, params string[] leaks)
    {
        var text = Reader.ReadFile(Samples.PathOf(file), Defaults).Text;
        foreach (var leak in leaks)
        {
            Assert.DoesNotContain(leak, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Html_keeps_the_article_headline_and_headings_as_paragraphs()
    {
        var text = Reader.ReadFile(Samples.PathOf("2012-07-jihadists-take-northern-mali.html"), Defaults).Text;

        Assert.StartsWith("How Ansar Dine, MUJAO and AQIM Took Northern Mali from the MNLA\n\nBy the Sahel Monitor analysis team", text, StringComparison.Ordinal);
        Assert.Contains("\n\nThe battle of Gao\n\nThe break came in Gao.", text, StringComparison.Ordinal);
        Assert.Contains("Gao: MUJAO, with AQIM support.\nTimbuktu: Ansar Dine and AQIM", text, StringComparison.Ordinal);
        // Inline elements join with single spaces and no space before punctuation.
        Assert.Contains("the National Movement for the Liberation of Azawad (MNLA) no longer controls", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_reduces_markup_to_text_and_keeps_one_list_item_per_line()
    {
        var text = Reader.ReadFile(Samples.PathOf("2013-01-operation-serval.md"), Defaults).Text;

        Assert.StartsWith("Operation Serval: France Intervenes in Mali\n\nEvent summary, 5 February 2013\n\nThree weeks after", text, StringComparison.Ordinal);
        Assert.Contains("26 January: French and Malian troops secured the airport and bridge at Gao.\n28 January:", text, StringComparison.Ordinal);
        Assert.Contains("from the battle of Konna to the arrival", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("title:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("---", text, StringComparison.Ordinal);
        Assert.DoesNotContain("> ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_ordered_lists_lose_their_numbers_but_keep_their_lines()
    {
        var text = Reader.ReadFile(Samples.PathOf("2017-03-jnim-merger.md"), Defaults).Text;

        Assert.Contains("by Iyad Ag Ghaly;\nthe Sahara emirate of AQIM", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[Mali, JNIM", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_pages_are_separated_by_a_blank_line_and_lines_keep_their_words_apart()
    {
        var path = Samples.PathOf("2015-06-algiers-accord.pdf");
        using (var pdf = PdfDocument.Open(path))
        {
            Assert.True(pdf.NumberOfPages >= 2, "the sample PDF should have several pages");
        }

        var text = Reader.ReadFile(path, Defaults).Text;
        // The 16-point title wraps onto a second line in the PDF itself.
        Assert.StartsWith("The Algiers Accord: Mali's Peace Agreement Signed in Two\nStages\n\nPolicy brief", text, StringComparison.Ordinal);
        Assert.Contains("\n\nWhat the text says\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
        Assert.Contains("Imghad Tuareg and Allies Self-Defence Group (GATIA)", Samples.Flat(text), StringComparison.Ordinal);
    }

    [Fact]
    public void One_reader_is_safe_to_share_between_threads()
    {
        var files = Reports.Select(row => (string)row[0]).ToArray();
        var expected = files.Select(f => Reader.ReadFile(Samples.PathOf(f), Defaults).ContentHash).ToArray();

        var actual = new string[files.Length * 8];
        Parallel.For(0, actual.Length, i => actual[i] = Reader.ReadFile(Samples.PathOf(files[i % files.Length]), Defaults).ContentHash);

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % files.Length], actual[i]);
        }
    }
}
