using Harmattan.Analysis.Disputes;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Analysis.Tests;

/// <summary>Disagreements planted in reports we wrote (PlantedStore), read back through the real store.</summary>
public sealed class DisputeTests : IDisposable
{
    private readonly PlantedStore _planted = new();
    private readonly StanceLexicon _lexicon = StanceLexicon.Load(DataDirectory.Locate(null));

    public void Dispose() => _planted.Dispose();

    private KnowledgeStore Store => _planted.Store;

    [Fact]
    public void Cooperation_and_opposition_of_one_pair_in_overlapping_periods_is_a_dispute_with_both_sources()
    {
        var disputes = new DisputeFinder(_lexicon).RelationDisputes(Store.FindRelations());

        var dispute = Assert.Single(disputes);
        Assert.Equal(DisputeKind.Relation, dispute.Kind);
        Assert.Equal(
            new[] { PlantedStore.AnsarDine, PlantedStore.Mnla }.Order(StringComparer.Ordinal),
            new[] { dispute.Subject.Id, dispute.Other!.Id }.Order(StringComparer.Ordinal));
        Assert.Equal(_planted.AllianceId, Assert.Single(dispute.SideA).Source.DocumentId);
        Assert.Equal(_planted.ClashesId, Assert.Single(dispute.SideB).Source.DocumentId);
        Assert.Contains("fought alongside the MNLA", dispute.SideA[0].Source.Evidence, StringComparison.Ordinal);
        Assert.Contains("clashed with the MNLA", dispute.SideB[0].Source.Evidence, StringComparison.Ordinal);
        Assert.Contains("365 days", dispute.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void One_report_telling_of_an_alliance_and_then_a_war_is_no_dispute()
    {
        var relations = Store.FindRelations();

        var disputes = new DisputeFinder(_lexicon).RelationDisputes(relations);

        Assert.Equal(2, relations.Count(r => r.Source.Id == PlantedStore.Gatia));
        Assert.DoesNotContain(disputes, d => d.Subject.Id == PlantedStore.Gatia || d.Other!.Id == PlantedStore.Gatia);
    }

    [Fact]
    public void Reports_further_apart_than_the_window_are_history_not_a_dispute()
    {
        // MUJAO-AQIM: ties in April 2012, opposed in March 2017. With a window of ten years they conflict.
        var relations = Store.FindRelations();

        var narrow = new DisputeFinder(_lexicon).RelationDisputes(relations);
        var wide = new DisputeFinder(_lexicon, new DisputeOptions(WindowDays: 3650)).RelationDisputes(relations);

        Assert.DoesNotContain(narrow, d => d.Subject.Id == PlantedStore.Mujao || d.Other!.Id == PlantedStore.Mujao);
        Assert.Contains(wide, d => d.Subject.Id == PlantedStore.Mujao || d.Other!.Id == PlantedStore.Mujao);
        Assert.Equal(2, wide.Count);
    }

    [Fact]
    public void Opposite_assessments_by_different_speakers_are_disputes_that_quote_the_words()
    {
        var disputes = new DisputeFinder(_lexicon).AssessmentDisputes(Store.FindClaims());

        // The officer's "weakened ... dwindling" (April) against the spokesman's "not weak ... growing"
        // (June): strength and trend. The officer's own later "growing" disputes nobody: the spokesman
        // agrees with it, and a speaker never disputes himself.
        Assert.Equal(["strength", "trend"], disputes.Select(d => d.Topic).Order(StringComparer.Ordinal));
        Assert.All(disputes, d => Assert.Equal(PlantedStore.Mnla, d.Subject.Id));
        Assert.All(disputes, d => Assert.NotEqual(d.SideA[0].Speaker, d.SideB[0].Speaker));
        var strength = disputes.Single(d => d.Topic == "strength");
        Assert.Contains("\"weakened\" (−)", strength.Reason, StringComparison.Ordinal);
        Assert.Contains("\"not weak\" (+)", strength.Reason, StringComparison.Ordinal);
        var trend = disputes.Single(d => d.Topic == "trend");
        Assert.Contains("\"dwindling\" (−)", trend.Reason, StringComparison.Ordinal);
        Assert.Contains("\"growing\" (+)", trend.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(disputes, d => d.SideA.Concat(d.SideB).Any(s => s.Text.Contains("controlled the north", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_the_properties_table_there_are_no_attributes_and_nothing_fails()
    {
        var mnla = Store.ResolveEntity("MNLA");
        if (Store.SchemaVersion >= 2)
        {
            // Once the attributes migration ships, the table exists even before anything is planted.
            Assert.Empty(Store.FindAttributes(mnla));
            return;
        }

        Assert.Empty(Store.FindAttributes());
        Assert.Empty(Store.GetActorProfile(mnla).Attributes.Items);
        Assert.Empty(new DisputeFinder(_lexicon).AttributeDisputes(Store.FindAttributes()));
    }

    [Fact]
    public void Planted_attributes_are_read_with_their_sources_and_speakers()
    {
        _planted.PlantAttributes();
        var mnla = Store.ResolveEntity("MNLA");

        var profile = Store.GetActorProfile(mnla);

        Assert.Equal(8, profile.Attributes.Total);
        Assert.Equal(8, profile.Attributes.Items.Count);
        Assert.Equal(12, Store.FindAttributes().Count);
        var figure = profile.Attributes.Items.Single(a => a.Value == "4000");
        Assert.Equal("strength", figure.Name);
        Assert.Equal("Mossa Ag Attaher", figure.Speaker!.Name);
        Assert.Equal(PartialDate.OfMonth(2012, 6), figure.AsOf);
        Assert.Equal("Clashes near Anefis", figure.From.Title);
        Assert.Equal("Ansar Dine", figure.From.Evidence[..10]);
    }

    [Fact]
    public void Figures_beyond_the_tolerance_and_incompatible_founding_dates_are_disputes()
    {
        _planted.PlantAttributes();
        var attributes = Store.FindAttributes();

        var disputes = new DisputeFinder(_lexicon).AttributeDisputes(attributes);
        var lenient = new DisputeFinder(_lexicon, new DisputeOptions(StrengthTolerance: 1.5m)).AttributeDisputes(attributes);

        // 3,000 and 4,000 agree within 50 %; 9,000 conflicts with both: one dispute between the two groups.
        // Founded 2010 conflicts with 2011 and with October 2011, which is inside 2011 (the two agree).
        // Ideologies may be several and never conflict. GATIA's 500 / 5,000 and 2013 / 2014 come from one
        // unattributed report: one source, no dispute.
        Assert.Equal(
            ["founded 2010 against 2011 and 2011-10", "strength 3000 and 4000 against 9000"],
            disputes.Select(d => d.Reason[..d.Reason.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
        Assert.All(disputes, d => Assert.Equal(DisputeKind.Attribute, d.Kind));
        var big = disputes.Single(d => d.Topic == "strength");
        Assert.Contains("the larger is 2.25 to 3 times the smaller", big.Reason, StringComparison.Ordinal);
        Assert.Equal(["strength = 3000", "strength = 4000"], big.SideA.Select(a => a.Text[..a.Text.IndexOf(' ', 11)]).Order(StringComparer.Ordinal));
        Assert.Equal("Colonel Sidi Keita", Assert.Single(big.SideB).Speaker!.Name);
        Assert.Equal(2, disputes.Single(d => d.Topic == "founded").SideB.Count);
        Assert.Single(lenient, d => d.Topic == "strength");
    }

    [Fact]
    public void Many_estimates_of_one_figure_make_a_dispute_per_pair_of_agreeing_groups_not_per_pair_of_figures()
    {
        // Ninety estimates of one group's strength from ninety reports in one year, from 100 to about 9,000: each
        // differs from many others beyond 50 %.
        var group = new EntityRef("ent_group", "The Group", EntityType.ArmedGroup);
        var figures = Enumerable.Range(0, 90)
            .Select(i => (int)(100 * Math.Pow(1.05, i)))
            .Select((value, i) => new AttributeFact(
                $"A{i}", group, "strength", value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{value} fighters", null, null,
                new FactSource($"doc{i}", $"Report {i}", PartialDate.OfMonth(2020, 1 + (i % 12)), true, "")))
            .ToList();

        var disputes = new DisputeFinder(_lexicon).AttributeDisputes(figures);

        // Groups within 50 % of their smallest figure: 100-150, 155-..., and so on up to about 9,000: ten
        // groups, each in conflict with those at least two steps away (and with parts of its neighbours).
        Assert.InRange(disputes.Count, 10, 45);
        foreach (var dispute in disputes)
        {
            var low = dispute.SideA.Select(s => Figure(s.Text)).ToList();
            var high = dispute.SideB.Select(s => Figure(s.Text)).ToList();
            // Every statement kept has a counterpart beyond the tolerance on the other side, and only such.
            Assert.All(low, l => Assert.Contains(high, h => h > l * 1.5m));
            Assert.All(high, h => Assert.Contains(low, l => h > l * 1.5m));
        }

        // Every pair of figures beyond the tolerance is set against each other in one dispute.
        var conflicting = figures.SelectMany(x => figures.Where(y => Figure(y.Value) > Figure(x.Value) * 1.5m).Select(y => (x.Value, y.Value))).ToList();
        Assert.All(conflicting, pair => Assert.Contains(disputes, d =>
            d.SideA.Any(s => Figure(s.Text) == Figure(pair.Item1)) && d.SideB.Any(s => Figure(s.Text) == Figure(pair.Item2))));

        static decimal Figure(string text) => decimal.Parse(
            text.StartsWith("strength = ", StringComparison.Ordinal) ? text[11..text.IndexOf(' ', 11)] : text,
            System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Find_returns_every_kind_in_order()
    {
        _planted.PlantAttributes();

        var all = new DisputeFinder(_lexicon).Find(Store.FindRelations(), Store.FindAttributes(), Store.FindClaims());

        Assert.Equal(
            [DisputeKind.Relation, DisputeKind.Attribute, DisputeKind.Attribute, DisputeKind.Assessment, DisputeKind.Assessment],
            all.Select(d => d.Kind));
    }

    [Fact]
    public void The_disputes_about_one_actor_are_those_of_the_whole_knowledge_base_that_concern_it()
    {
        _planted.PlantAttributes();
        var finder = new DisputeFinder(_lexicon);
        var all = finder.Find(Store.FindRelations(), Store.FindAttributes(), Store.FindClaims());

        foreach (var actor in all.SelectMany(d => d.Other is null ? [d.Subject] : new[] { d.Subject, d.Other }).Distinct())
        {
            var about = finder.FindAbout(Store, actor);

            Assert.False(about.Truncated);
            Assert.NotEmpty(about.Disputes);
            Assert.Equal(
                all.Where(d => d.Subject == actor || d.Other == actor).Select(Key).Order(StringComparer.Ordinal),
                about.Disputes.Select(Key).Order(StringComparer.Ordinal));
        }

        // Which sides are A and B follows the order the statements were read in; what conflicts does not.
        static string Key(Dispute d) => string.Join(
            " | ",
            new[] { d.Kind.ToString(), d.Topic, d.Subject.Id, d.Other?.Id ?? "" }
                .Concat(d.SideA.Concat(d.SideB).Select(x => x.Source.DocumentId + ":" + x.Text).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Disputes_among_the_newest_documents_are_those_their_statements_hold_and_say_when_older_ones_were_left()
    {
        var finder = new DisputeFinder(_lexicon);
        var everything = finder.Find(Store.FindRelations(), Store.FindAttributes(), Store.FindClaims());

        var all = finder.FindRecent(Store, 4);
        Assert.False(all.Truncated);
        Assert.Equal(everything.Select(Key), all.Disputes.Select(Key));

        // The alliance and the clashes were stored first: among the two newest reports they are not compared.
        var newest = Store.ListDocuments(limit: 2).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var recent = finder.FindRecent(Store, 2);
        Assert.True(recent.Truncated);
        Assert.Equal(
            finder.Find(
                Store.FindRelations().Where(r => newest.Contains(r.From.DocumentId)),
                Store.FindAttributes().Where(a => newest.Contains(a.From.DocumentId)),
                Store.FindClaims().Where(c => newest.Contains(c.From.DocumentId))).Select(Key),
            recent.Disputes.Select(Key));
        Assert.Contains(everything, d => d.Kind == DisputeKind.Relation && d.SideA[0].Source.DocumentId == _planted.AllianceId);
        Assert.DoesNotContain(recent.Disputes, d => d.SideA.Concat(d.SideB).Any(s => s.Source.DocumentId == _planted.AllianceId || s.Source.DocumentId == _planted.ClashesId));

        static string Key(Dispute d) => string.Join(
            " | ",
            new[] { d.Kind.ToString(), d.Topic, d.Subject.Id, d.Other?.Id ?? "", d.Reason }
                .Concat(d.SideA.Concat(d.SideB).Select(x => x.Source.DocumentId + ":" + x.Text)));
    }
}
