using System.Text.RegularExpressions;
using Harmattan.Analysis.Disputes;
using Harmattan.Exchange.Briefing;
using Harmattan.Knowledge;
using Harmattan.Store;
using Harmattan.Store.Tests;

namespace Harmattan.Exchange.Tests;

/// <summary>Briefings built from the sample reports: every sentence footnoted, every note a real document and real evidence.</summary>
public sealed partial class BriefTests(SampleKnowledge samples) : IClassFixture<SampleKnowledge>
{
    private BriefBuilder Builder() =>
        new(samples.Context, BriefPhrases.Load(samples.Data), StanceLexicon.Load(samples.Data));

    private static readonly DateTimeOffset Now = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string?, string?, string?> Subjects => new()
    {
        { "actor", "MNLA", null, null },
        { "actor", "MUJAO", "2012", "2013" },
        { "place", "Gao", null, null },
        { "period", null, "2012", "2012" },
        { "period", null, "2015", "2021" },
    };

    private BriefSubject Subject(string kind, string? name, string? since, string? until)
    {
        var period = new DatePeriod(since is null ? null : PartialDate.Parse(since), until is null ? null : PartialDate.Parse(until));
        return kind switch
        {
            "actor" => new BriefSubject(Actor: samples.Store.ResolveEntity(name!), Period: period),
            "place" => new BriefSubject(Place: samples.Store.ResolveEntity(name!), Period: period),
            _ => new BriefSubject(Period: period),
        };
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Every_sentence_is_footnoted_to_real_documents_and_real_evidence(string kind, string? name, string? since, string? until)
    {
        var brief = Builder().Build(samples.Store, Subject(kind, name, since, until), Now);
        var headings = brief.Sections.Select(s => s.Heading).ToList();
        Assert.Contains("Overview", headings);
        Assert.Contains("Timeline", headings);
        var sentences = brief.Sections.SelectMany(s => s.Sentences).ToList();
        Assert.True(sentences.Count >= 5, $"only {sentences.Count} sentences");
        var numbers = brief.Notes.Select(n => n.Number).ToHashSet();
        foreach (var sentence in sentences)
        {
            Assert.True(sentence.Notes.Count > 0, $"no note: {sentence.Text}");
            Assert.All(sentence.Notes, n => Assert.Contains(n, numbers));
        }

        // Only what a sentence cites is a note.
        Assert.Equal(numbers.Order(), sentences.SelectMany(s => s.Notes).Distinct().Order());

        foreach (var note in brief.Notes)
        {
            var text = samples.Text(note.DocumentId);
            Assert.Equal(samples.Snapshot.Documents.Single(d => d.Id == note.DocumentId).Title, note.Title);
            if (note.Evidence is not null)
            {
                Assert.Contains(note.Evidence, Squash(text), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void Sentences_are_generated_not_copied_from_the_reports(string kind, string? name, string? since, string? until)
    {
        var brief = Builder().Build(samples.Store, Subject(kind, name, since, until), Now);
        var texts = samples.Snapshot.Documents.Select(d => Squash(samples.Text(d.Id))).ToList();
        foreach (var sentence in brief.Sections.SelectMany(s => s.Sentences))
        {
            // Quoted claims are the speakers' words, marked as such; everything else is ours.
            var own = Quoted().Replace(sentence.Text, "“…”");
            if (own.Length > 40)
            {
                Assert.DoesNotContain(texts, t => t.Contains(own, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void An_actor_brief_says_what_it_wants_whom_it_works_with_and_what_sources_claim()
    {
        var brief = Builder().Build(samples.Store, Subject("actor", "MNLA", null, null), Now);
        var markdown = MarkdownBriefWriter.Write(brief);
        Assert.StartsWith("# Briefing: National Movement for the Liberation of Azawad", markdown, StringComparison.Ordinal);
        Assert.Contains("Ansar Dine works with National Movement for the Liberation of Azawad.", markdown, StringComparison.Ordinal);
        Assert.Contains("Bilal Ag Acherif leads National Movement for the Liberation of Azawad.", markdown, StringComparison.Ordinal);
        Assert.Contains("was founded in 2011-10.", markdown, StringComparison.Ordinal);
        Assert.Contains("## Timeline", markdown, StringComparison.Ordinal);
        Assert.Contains("as claimed by named sources", markdown, StringComparison.Ordinal);

        // Every footnote reference has its definition, and every definition is referenced.
        var references = Reference().Matches(markdown).Select(m => m.Groups[1].Value).ToHashSet();
        var definitions = Definition().Matches(markdown).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(definitions.Order(), references.Order());
    }

    [Fact]
    public void A_brief_reads_the_latest_facts_of_its_subject_and_says_what_it_left_out()
    {
        var subject = Subject("actor", "MNLA", null, null);
        var whole = Builder().Build(samples.Store, subject, Now);
        var limits = new BriefLimits(FactsPerKind: 4, FactsPerActor: 3, TimelineEntries: 2);
        var cut = new BriefBuilder(samples.Context, BriefPhrases.Load(samples.Data), StanceLexicon.Load(samples.Data), limits)
            .Build(samples.Store, subject, Now);

        // The counts are the knowledge base's, whatever was read; the overview says the sections were drawn from less.
        Assert.Equal(whole.Sections[0].Sentences.Select(s => s.Text), cut.Sections[0].Sentences.Select(s => s.Text));
        var events = Regex.Match(whole.Sections[0].Sentences[^1].Text, @"knowledge base holds \d+ relations?, (\d+) events?").Groups[1].Value;
        Assert.Null(whole.Sections[0].Remark);
        Assert.Equal("The sections below draw on the latest 4 relations, events and claims each; the knowledge base holds more.", cut.Sections[0].Remark);

        // The timeline lists its latest entries in date order, and says so.
        var timeline = cut.Sections.Single(s => s.Heading == "Timeline");
        var all = whole.Sections.Single(s => s.Heading == "Timeline");
        Assert.True(all.Sentences.Count > 2);
        Assert.Equal(all.Sentences.TakeLast(2).Select(Day), timeline.Sentences.Select(Day));
        Assert.Matches($@"^Listed: the latest [1-4] events? of {events}\.$", timeline.Remark);
        Assert.Null(all.Remark);

        // Each actor is described from its latest three relations and three attributes at most.
        var actors = cut.Sections.Where(s => s.Level == 3).ToList();
        Assert.NotEmpty(actors);
        Assert.All(actors, s => Assert.InRange(s.Sentences.Count, 1, 6));
        Assert.True(cut.Notes.Count < whole.Notes.Count, $"{cut.Notes.Count} notes, {whole.Notes.Count} in the whole brief");

        static string Day(BriefSentence s) => s.Text[..s.Text.IndexOf(':', StringComparison.Ordinal)];
    }

    [Fact]
    public void Disagreements_name_both_sides_with_their_sources()
    {
        using var store = samples.EmptyStore("disputes-" + Guid.NewGuid().ToString("N"));
        var alliance = new ReportBuilder("Rebels and Islamists share Kidal", "Ansar Dine fought alongside the MNLA when the rebels entered Kidal.", PartialDate.OfMonth(2012, 4));
        var clash = new ReportBuilder("Clashes in Gao", "Ansar Dine clashed with the MNLA in Gao.", PartialDate.OfMonth(2012, 6));
        foreach (var (report, type, phrase) in new[] { (alliance, "cooperates_with", "fought alongside the MNLA"), (clash, "opposes", "clashed with the MNLA") })
        {
            var ansar = report.Entity(EntityType.ArmedGroup, "Ansar Dine");
            var mnla = report.Entity(EntityType.ArmedGroup, "MNLA");
            report.Relation(type, ansar, mnla, phrase);
            var built = report.Build();
            store.Upsert(built.Document, built.Extraction);
        }

        var brief = Builder().Build(store, new BriefSubject(Actor: store.ResolveEntity("Ansar Dine")), Now);
        var section = brief.Sections.Single(s => s.Heading == "Open disagreements");
        Assert.Equal(3, section.Sentences.Count);
        Assert.Contains("cooperating", section.Sentences[0].Text, StringComparison.Ordinal);
        var documents = section.Sentences[0].Notes.Select(n => brief.Notes.Single(x => x.Number == n).DocumentId).ToHashSet();
        Assert.Equal([alliance.Id, clash.Id], documents.Order());
    }

    [Fact]
    public void A_document_that_gave_no_date_is_said_to_be_undated_not_dated_by_its_ingest()
    {
        var dated = new ReportBuilder("Ansar Dine in Kidal", "Ansar Dine entered Kidal.", PartialDate.OfMonth(2012, 4));
        dated.Entity(EntityType.ArmedGroup, "Ansar Dine");
        var undated = new ReportBuilder("Ansar Dine in Timbuktu", "Ansar Dine entered Timbuktu.");
        undated.Entity(EntityType.ArmedGroup, "Ansar Dine");
        using var mixed = StoreOf("undated-mixed", dated, undated);
        using var bare = StoreOf("undated-only", undated);

        var brief = Builder().Build(mixed, new BriefSubject(Actor: mixed.ResolveEntity("Ansar Dine")), Now);
        var overview = brief.Sections.Single(s => s.Heading == "Overview").Sentences[0].Text;
        Assert.Contains("from 2012-04, and in documents that give no date", overview, StringComparison.Ordinal);
        var note = brief.Notes.Single(n => n.DocumentId == undated.Id);
        Assert.False(note.DateIsPublished);
        var ingested = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"*Ansar Dine in Timbuktu* (undated, ingested {ingested})", MarkdownBriefWriter.Write(brief), StringComparison.Ordinal);
        Assert.Contains("(2012-04)", MarkdownBriefWriter.Write(brief), StringComparison.Ordinal);

        var alone = Builder().Build(bare, new BriefSubject(Actor: bare.ResolveEntity("Ansar Dine")), Now);
        Assert.Contains("is named in 1 document in documents that give no date", alone.Sections.Single(s => s.Heading == "Overview").Sentences[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_escapes_everything_and_carries_no_script()
    {
        using var store = samples.EmptyStore("hostile-" + Guid.NewGuid().ToString("N"));
        var report = new ReportBuilder(
            "<img src=x onerror=alert(1)> & \"friends\"",
            "The <script>alert('x')</script> Brigade attacked Gao in 2013. It works with [MUJAO](javascript:alert(1)).",
            PartialDate.OfYear(2013));
        var brigade = report.Entity(EntityType.ArmedGroup, "<script>alert('x')</script> Brigade");
        var mujao = report.Entity(EntityType.ArmedGroup, "[MUJAO](javascript:alert(1))");
        var gao = report.Entity(EntityType.Place, "Gao");
        report.Event("attack", PartialDate.OfYear(2013), "attacked Gao", [gao], [brigade]);
        report.Relation("cooperates_with", brigade, mujao, "works with");
        var built = report.Build();
        store.Upsert(built.Document, built.Extraction);

        var brief = Builder().Build(store, new BriefSubject(Actor: store.ResolveEntity(brigade)), Now);
        var html = HtmlBriefWriter.Write(brief);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html.Replace("(javascript:alert(1))", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Brigade", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;friends&quot;", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"javascript", html, StringComparison.Ordinal);

        var markdown = MarkdownBriefWriter.Write(brief);
        Assert.Contains(@"\[MUJAO\](javascript:alert(1))", markdown, StringComparison.Ordinal);
        Assert.Contains(@"\<script\>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_address_is_linked_only_when_http_and_escaped_so_no_markup_closes_the_link()
    {
        const string Hostile = "https://example.org/a b?<img src=x onerror=alert(1)>";
        var notes = new[]
        {
            new BriefNote(1, new string('a', 64), "One", PartialDate.OfYear(2013), Hostile, null),
            new BriefNote(2, new string('b', 64), "Two", PartialDate.OfYear(2013), "javascript:alert(1)", null),
        };
        var brief = new Brief("Briefing: X", "Generated.", [new BriefSection("Overview", 2, [new BriefSentence("X exists.", [1, 2])], false)], notes, "Sources");

        var markdown = MarkdownBriefWriter.Write(brief);
        Assert.Contains("[^1]: *One* (2013), document `aaaaaaaaaaaa`, <https://example.org/a%20b?%3Cimg%20src=x%20onerror=alert(1)%3E>\n", markdown, StringComparison.Ordinal);
        Assert.Contains("[^2]: *Two* (2013), document `bbbbbbbbbbbb`\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", markdown, StringComparison.Ordinal);

        var html = HtmlBriefWriter.Write(brief);
        Assert.Contains("<a href=\"https://example.org/a%20b?%3Cimg%20src=x%20onerror=alert(1)%3E\" rel=\"noreferrer\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subject_the_knowledge_base_knows_nothing_of_gets_an_honest_empty_brief()
    {
        var brief = Builder().Build(samples.Store, new BriefSubject(Period: new DatePeriod(PartialDate.OfYear(1950), PartialDate.OfYear(1951))), Now);
        var sentence = Assert.Single(brief.Sections.SelectMany(s => s.Sentences));
        Assert.Equal("The knowledge base holds nothing from 1950 to 1951.", sentence.Text);
        Assert.Empty(brief.Notes);

        // Not "generated from 0 documents".
        Assert.DoesNotContain(" 0 ", brief.Generated, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void An_overview_never_counts_nothing_nor_counts_a_kind_twice(string kind, string? name, string? since, string? until)
    {
        var brief = Builder().Build(samples.Store, Subject(kind, name, since, until), Now);
        foreach (var sentence in brief.Sections.SelectMany(s => s.Sentences))
        {
            Assert.DoesNotMatch(@"\b0 (document|event|relation|claim)s?\b", sentence.Text);
        }

        // A place's overview says how many events took place there once, not again among "what it holds".
        var overview = string.Join(" ", brief.Sections[0].Sentences.Select(s => s.Text));
        foreach (var noun in new[] { "event", "relation", "claim" })
        {
            Assert.True(Regex.Count(overview, $@"\d+ {noun}s?\b") <= 1, overview);
        }
    }

    [Fact]
    public void What_a_subject_lacks_is_said_plainly_where_it_matters()
    {
        var report = Related(
            "The Katiba Serma operates around Boulkessi.", PartialDate.OfMonth(2019, 10), "operates_in", (EntityType.ArmedGroup, "Katiba Serma"), (EntityType.Place, "Boulkessi"), "operates around");
        using var store = StoreOf("absent", report);

        // A place no event is placed at, but that a relation names, is not "nothing": its briefing says what there is.
        var place = Builder().Build(store, new BriefSubject(Place: store.ResolveEntity("Boulkessi")), Now);
        Assert.Equal(
            ["No event in the knowledge base took place in Boulkessi.", "The knowledge base holds 1 relation on Boulkessi."],
            place.Sections[0].Sentences.Select(s => s.Text));
        Assert.Equal([report.Id], place.Sections[0].Sentences[1].Notes.Select(n => place.Notes.Single(x => x.Number == n).DocumentId));

        // An actor's overview names the kinds it has none of only where that tells something (events, relations), never as "0".
        var actor = Builder().Build(store, new BriefSubject(Actor: store.ResolveEntity("Katiba Serma")), Now);
        Assert.Equal("The knowledge base holds 1 relation and no events on Katiba Serma.", actor.Sections[0].Sentences[^1].Text);
        Assert.Equal("Katiba Serma (armed group) is named in 1 document in 2019-10.", actor.Sections[0].Sentences[0].Text);
    }

    [Fact]
    public void A_relation_stated_both_ways_in_two_documents_is_one_sentence_citing_both()
    {
        var kidal = Related(
            "Ansar Dine fought alongside the MNLA when the rebels entered Kidal.", PartialDate.OfMonth(2012, 4), "cooperates_with", (EntityType.ArmedGroup, "Ansar Dine"), (EntityType.ArmedGroup, "MNLA"), "fought alongside");
        var gao = Related(
            "The MNLA worked with Ansar Dine in Gao.", PartialDate.OfMonth(2012, 5), "cooperates_with", (EntityType.ArmedGroup, "MNLA"), (EntityType.ArmedGroup, "Ansar Dine"), "worked with");
        using var store = StoreOf("both-ways", kidal, gao);

        var brief = Builder().Build(store, new BriefSubject(Actor: store.ResolveEntity("MNLA")), Now);
        var stated = brief.Sections.Where(s => s.Level == 3).SelectMany(s => s.Sentences).Where(s => s.Text.Contains("works with", StringComparison.Ordinal)).ToList();
        var sentence = Assert.Single(stated);
        Assert.Equal([gao.Id, kidal.Id], sentence.Notes.Select(n => brief.Notes.Single(x => x.Number == n).DocumentId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_leader_given_as_an_attribute_and_as_a_relation_is_one_sentence_with_every_source()
    {
        // The sample reports spell him "Iyad Ag Ghali" (Operation Serval) and "Iyad Ag Ghaly"; each states him as
        // Ansar Dine's leader, which the knowledge base holds both as a leader attribute and as a leads relation.
        var brief = Builder().Build(samples.Store, Subject("actor", "Ansar Dine", null, null), Now);
        var about = brief.Sections.Where(s => s.Level == 3).SelectMany(s => s.Sentences).Where(s => s.Text.Contains("Iyad Ag Gh", StringComparison.Ordinal)).ToList();
        var sentence = Assert.Single(about, s => s.Text.Contains("Ansar Dine", StringComparison.Ordinal));
        Assert.Equal("Iyad Ag Ghaly leads Ansar Dine.", sentence.Text);
        var titles = sentence.Notes.Select(n => brief.Notes.Single(x => x.Number == n).Title).ToList();
        Assert.Contains("Operation Serval: France Intervenes in Mali", titles);
        Assert.Contains("How Ansar Dine, MUJAO and AQIM Took Northern Mali from the MNLA", titles);
    }

    [Theory]
    [MemberData(nameof(Subjects))]
    public void The_actors_section_states_each_fact_once(string kind, string? name, string? since, string? until)
    {
        var brief = Builder().Build(samples.Store, Subject(kind, name, since, until), Now);
        var sentences = brief.Sections.Where(s => s.Level == 3).SelectMany(s => s.Sentences).Select(s => s.Text).ToList();
        Assert.NotEmpty(sentences);
        Assert.Equal(sentences.Distinct(StringComparer.OrdinalIgnoreCase), sentences);
        Assert.All(brief.Sections.Where(s => s.Level == 3), s => Assert.NotEmpty(s.Sentences));
    }

    [Fact]
    public void The_timeline_states_an_event_once_whatever_its_type_word_or_date_precision()
    {
        var report = new ReportBuilder("Gao bombed", "The bombing in Gao, Mali on 21 May was the worst attack MUJAO carried out in May 2014.", PartialDate.OfMonth(2014, 6));
        var mujao = report.Entity(EntityType.ArmedGroup, "MUJAO");
        var gao = report.Entity(EntityType.Place, "Gao");
        var mali = report.Entity(EntityType.Country, "Mali");
        report.Event("bombing", PartialDate.OfDay(2014, 5, 21), "bombing", [gao, mali], [mujao, mali]);
        report.Event("attack", PartialDate.OfDay(2014, 5, 21), "worst attack", [gao, mali], [mujao]);
        report.Event("attack", PartialDate.OfMonth(2014, 5), "May 2014", [gao, mali], [mujao]);
        using var store = StoreOf("timeline", report);

        var brief = Builder().Build(store, new BriefSubject(Actor: store.ResolveEntity("MUJAO")), Now);
        var timeline = brief.Sections.Single(s => s.Heading == "Timeline");
        Assert.Equal(["2014-05-21: attack in Gao and Mali, involving MUJAO."], timeline.Sentences.Select(s => s.Text));
        Assert.Null(timeline.Remark);
    }

    [Fact]
    public void A_plural_name_takes_a_plural_verb()
    {
        using var store = StoreOf(
            "plural", Related("French forces operate in Mali.", PartialDate.OfMonth(2013, 2), "operates_in", (EntityType.Organization, "French forces"), (EntityType.Country, "Mali"), "operate in"));

        var brief = Builder().Build(store, new BriefSubject(Actor: store.ResolveEntity("French forces")), Now);
        Assert.Contains("French forces operate in Mali.", brief.Sections.SelectMany(s => s.Sentences).Select(s => s.Text));
    }

    [Fact]
    public void A_phrase_file_naming_an_unknown_placeholder_fails_at_its_line()
    {
        var folder = Path.Combine(samples.Folder, "data-" + Guid.NewGuid().ToString("N"));
        var lexicon = Path.Combine(folder, "lexicons", "en");
        Directory.CreateDirectory(lexicon);
        foreach (var file in new[] { BriefPhrases.CuesFile, BriefPhrases.PluralsFile })
        {
            File.Copy(Path.Combine(samples.Data.Lexicon("en"), file), Path.Combine(lexicon, file));
        }

        var lines = File.ReadAllLines(Path.Combine(samples.Data.Lexicon("en"), BriefPhrases.PhrasesFile)).ToList();
        var at = lines.FindIndex(l => l.StartsWith("relation.leads\t", StringComparison.Ordinal));
        lines[at] = "relation.leads\t{source} leads {victim}.";
        File.WriteAllLines(Path.Combine(lexicon, BriefPhrases.PhrasesFile), lines);
        var e = Assert.Throws<HarmattanException>(() => BriefPhrases.Load(DataDirectory.Locate(folder)));
        Assert.Equal(HarmattanError.BadDataFile, e.Error);
        Assert.Contains($"{BriefPhrases.PhrasesFile}:{at + 1}", e.Message, StringComparison.Ordinal);
        Assert.Contains("{victim}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BriefPhrases.PhrasesFile)]
    [InlineData(BriefPhrases.CuesFile)]
    [InlineData(BriefPhrases.PluralsFile)]
    public void A_missing_briefing_file_is_a_data_error_naming_it(string missing)
    {
        var folder = Path.Combine(samples.Folder, "data-" + Guid.NewGuid().ToString("N"));
        var lexicon = Path.Combine(folder, "lexicons", "en");
        Directory.CreateDirectory(lexicon);
        foreach (var file in new[] { BriefPhrases.PhrasesFile, BriefPhrases.CuesFile, BriefPhrases.PluralsFile }.Where(f => f != missing))
        {
            File.Copy(Path.Combine(samples.Data.Lexicon("en"), file), Path.Combine(lexicon, file));
        }

        var e = Assert.Throws<HarmattanException>(() => BriefPhrases.Load(DataDirectory.Locate(folder)));
        Assert.Equal(HarmattanError.BadDataFile, e.Error);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    /// <summary>A new knowledge base in the fixture's folder holding <paramref name="reports"/>.</summary>
    private KnowledgeStore StoreOf(string name, params ReportBuilder[] reports)
    {
        var store = samples.EmptyStore(name + "-" + Guid.NewGuid().ToString("N"));
        foreach (var report in reports)
        {
            var built = report.Build();
            store.Upsert(built.Document, built.Extraction);
        }

        return store;
    }

    /// <summary>A one-sentence report stating a relation of <paramref name="type"/> with the words <paramref name="phrase"/>.</summary>
    private static ReportBuilder Related(string text, PartialDate date, string type, (EntityType Type, string Name) source, (EntityType Type, string Name) target, string phrase)
    {
        var report = new ReportBuilder(text, text, date);
        report.Relation(type, report.Entity(source.Type, source.Name), report.Entity(target.Type, target.Name), phrase);
        return report;
    }

    private static string Squash(string text) => text.ReplaceLineEndings(" ");

    [GeneratedRegex("“[^”]*”")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\[\^(\d+)\](?!:)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\[\^(\d+)\]:", RegexOptions.Multiline)]
    private static partial Regex Definition();
}
