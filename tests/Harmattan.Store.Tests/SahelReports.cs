using Harmattan.Knowledge;

namespace Harmattan.Store.Tests;

/// <summary>Short reports we wrote in the style of the Sahel sources, with hand-built extractions.</summary>
internal static class SahelReports
{
    public static readonly string Mnla = ReportBuilder.EntityId(EntityType.ArmedGroup, "MNLA");
    public static readonly string Mujao = ReportBuilder.EntityId(EntityType.ArmedGroup, "MUJAO");
    public static readonly string Aqim = ReportBuilder.EntityId(EntityType.ArmedGroup, "AQIM");
    public static readonly string AnsarDine = ReportBuilder.EntityId(EntityType.ArmedGroup, "Ansar Dine");

    /// <summary>Three claims (the rollback tests break the third), a relation, an event and a quantity.</summary>
    public static Report Gao()
    {
        var r = new ReportBuilder(
            "MUJAO tightens its grip on Gao",
            "MUJAO, the Movement for Unity and Jihad in West Africa, is an offshoot of AQIM. "
            + "On 27 June 2012 MUJAO fighters drove the MNLA out of Gao after a day of fighting. "
            + "Some 300 fighters took part in the assault, residents said. "
            + "Adnan Abu Walid al-Sahrawi, a MUJAO spokesman, said the group would apply sharia in Gao. "
            + "The MNLA said its forces had withdrawn from Gao to spare civilians. "
            + "AQIM denied that it commanded the assault. "
            + "MUJAO now controls Gao and the road to Ansongo.",
            PartialDate.OfDay(2012, 7, 2));
        var mujao = r.Entity(EntityType.ArmedGroup, "MUJAO", "MUJAO", "Movement for Unity and Jihad in West Africa");
        var aqim = r.Entity(EntityType.ArmedGroup, "AQIM");
        var mnla = r.Entity(EntityType.ArmedGroup, "MNLA");
        var gao = r.Entity(EntityType.Place, "Gao");
        var ansongo = r.Entity(EntityType.Place, "Ansongo");
        var sahrawi = r.Entity(EntityType.Person, "Adnan Abu Walid al-Sahrawi");
        r.Claim(sahrawi, "said", "the group would apply sharia in Gao", mujao, gao);
        r.Claim(mnla, "said", "its forces had withdrawn from Gao to spare civilians", mnla);
        r.Claim(aqim, "denied", "that it commanded the assault", aqim);
        r.Relation("offshoot_of", mujao, aqim, "is an offshoot of AQIM");
        r.Relation("affiliated_with", sahrawi, mujao, "a MUJAO spokesman", role: "spokesman");
        r.Event("attack", PartialDate.OfDay(2012, 6, 27), "drove the MNLA out of Gao", [gao], [mujao, mnla]);
        r.Quantity(300m, "fighters", "Some 300 fighters", approximate: true);
        r.Property(mujao, "strength", "300", "Some 300 fighters", asOf: PartialDate.OfDay(2012, 6, 27));
        r.Property(mujao, "goal", "sharia", "apply sharia in Gao", speakerId: sahrawi);
        return r.Build();
    }

    /// <summary>Shares MNLA and AQIM with <see cref="Gao"/>, and names the MNLA by its full name too.</summary>
    public static Report Kidal()
    {
        var r = new ReportBuilder(
            "Ansar Dine and the MNLA in Kidal",
            "Ansar Dine, also written Ansar Eddine, took control of Kidal in March 2012 alongside the MNLA, "
            + "the National Movement for the Liberation of Azawad. "
            + "Iyad Ag Ghaly, the leader of Ansar Dine, said the movement sought sharia across Mali rather than independence. "
            + "Ansar Eddine fighters were seen with AQIM commanders in Kidal, according to residents. "
            + "The MNLA said it had no alliance with Ansar Dine.",
            PartialDate.OfMonth(2012, 5),
            "Azawad Field Notes");
        var ansarDine = r.Entity(EntityType.ArmedGroup, "Ansar Dine", "Ansar Dine", "Ansar Eddine");
        var mnla = r.Entity(EntityType.ArmedGroup, "MNLA", "MNLA", "National Movement for the Liberation of Azawad");
        var aqim = r.Entity(EntityType.ArmedGroup, "AQIM");
        var kidal = r.Entity(EntityType.Place, "Kidal");
        var mali = r.Entity(EntityType.Country, "Mali");
        var ghaly = r.Entity(EntityType.Person, "Iyad Ag Ghaly");
        r.Claim(ghaly, "said", "the movement sought sharia across Mali rather than independence", ansarDine, mali);
        r.Claim(mnla, "said", "it had no alliance with Ansar Dine", mnla, ansarDine);
        r.Relation("cooperates_with", ansarDine, mnla, "alongside the MNLA");
        r.Relation("leads", ghaly, ansarDine, "the leader of Ansar Dine", role: "leader");
        r.Event("takeover", PartialDate.OfMonth(2012, 3), "took control of Kidal in March 2012", [kidal], [ansarDine, mnla]);
        return r.Build();
    }

    /// <summary>Titled on sharia and repeating it: should outrank <see cref="WaterInGao"/> for "sharia".</summary>
    public static Report ShariaCourts()
    {
        var r = new ReportBuilder(
            "Sharia courts in Timbuktu",
            "Ansar Dine opened sharia courts in Timbuktu in April 2012. "
            + "Residents said the sharia courts had ordered floggings for smoking. "
            + "A judge appointed by the group said sharia would be applied to every resident of Timbuktu.",
            PartialDate.OfMonth(2012, 9));
        r.Entity(EntityType.ArmedGroup, "Ansar Dine");
        r.Entity(EntityType.Place, "Timbuktu");
        return r.Build();
    }

    /// <summary>Mentions sharia once, in passing.</summary>
    public static Report WaterInGao()
    {
        var r = new ReportBuilder(
            "Water shortages in Gao",
            "Aid workers in Gao reported long queues for water during the summer of 2012. "
            + "One resident said the militants talked about sharia but brought no water. "
            + "The price of a jerrycan of water doubled in Gao within a month, and some families walked to the river at Ansongo.",
            PartialDate.OfYear(2012),
            "Humanitarian bulletin");
        r.Entity(EntityType.Place, "Gao");
        r.Entity(EntityType.Place, "Ansongo");
        r.Quantity(2m, null, "doubled", approximate: false);
        return r.Build();
    }

    /// <summary>Short daily reports from Menaka with no extraction, for listings and id prefixes.</summary>
    public static Report Daily(int number) =>
        new ReportBuilder(
            $"Menaka daily report {number}",
            $"Menaka daily report number {number}: the market was calm and the road to Ansongo stayed open.").Build();
}
