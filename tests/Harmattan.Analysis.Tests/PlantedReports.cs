using Harmattan.Knowledge;
using Harmattan.Store;
using Harmattan.Store.Tests;
using Microsoft.Data.Sqlite;

namespace Harmattan.Analysis.Tests;

/// <summary>
/// Short reports we wrote with contradictions planted in them, and hand-built extractions for the facts
/// the extractors do not produce yet (relations, attributes), stored through the real store.
/// </summary>
public sealed class PlantedStore : IDisposable
{
    public static readonly string Mnla = ReportBuilder.EntityId(EntityType.ArmedGroup, "MNLA");
    public static readonly string AnsarDine = ReportBuilder.EntityId(EntityType.ArmedGroup, "Ansar Dine");
    public static readonly string Mujao = ReportBuilder.EntityId(EntityType.ArmedGroup, "MUJAO");
    public static readonly string Aqim = ReportBuilder.EntityId(EntityType.ArmedGroup, "AQIM");
    public static readonly string Officer = ReportBuilder.EntityId(EntityType.Person, "Colonel Sidi Keita");
    public static readonly string Spokesman = ReportBuilder.EntityId(EntityType.Person, "Mossa Ag Attaher");
    public static readonly string Gatia = ReportBuilder.EntityId(EntityType.ArmedGroup, "GATIA");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "harmattan-analysis-tests", Guid.NewGuid().ToString("N"));

    public PlantedStore()
    {
        Directory.CreateDirectory(_directory);
        Location = Path.Combine(_directory, "planted.db");
        Store = KnowledgeStore.Open(Location);
        foreach (var report in new[] { Alliance(), Clashes(), Later(), Turnabout() })
        {
            Store.Upsert(report.Document, report.Extraction);
        }

        AllianceId = Alliance().Id;
        ClashesId = Clashes().Id;
    }

    public string Location { get; }

    public KnowledgeStore Store { get; }

    public string AllianceId { get; }

    public string ClashesId { get; }

    /// <summary>April 2012: Ansar Dine and the MNLA fight side by side; an officer calls the MNLA weakened.</summary>
    internal static Report Alliance()
    {
        var r = new ReportBuilder(
            "Rebels and Islamists share Kidal",
            "Ansar Dine fought alongside the MNLA when the rebels entered Kidal. "
            + "MUJAO has ties with AQIM, according to residents of Gao. "
            + "Colonel Sidi Keita said the MNLA was weakened and its ranks were dwindling after the fall of Kidal. "
            + "Mossa Ag Attaher said the MNLA controlled the north.",
            PartialDate.OfMonth(2012, 4));
        var ansarDine = r.Entity(EntityType.ArmedGroup, "Ansar Dine");
        var mnla = r.Entity(EntityType.ArmedGroup, "MNLA");
        var mujao = r.Entity(EntityType.ArmedGroup, "MUJAO");
        var aqim = r.Entity(EntityType.ArmedGroup, "AQIM");
        r.Entity(EntityType.Place, "Kidal");
        var officer = r.Entity(EntityType.Person, "Colonel Sidi Keita");
        var spokesman = r.Entity(EntityType.Person, "Mossa Ag Attaher");
        r.Relation("cooperates_with", ansarDine, mnla, "fought alongside the MNLA");
        r.Relation("cooperates_with", mujao, aqim, "has ties with AQIM");
        r.Claim(officer, "said", "the MNLA was weakened and its ranks were dwindling after the fall of Kidal", mnla);
        r.Claim(spokesman, "said", "the MNLA controlled the north", mnla);
        return r.Build();
    }

    /// <summary>
    /// June 2012: Ansar Dine clashes with the MNLA; the MNLA's spokesman says it is not weak and is growing,
    /// and the officer says it is growing too (a speaker never disputes himself).
    /// </summary>
    internal static Report Clashes()
    {
        var r = new ReportBuilder(
            "Clashes near Anefis",
            "Ansar Dine fighters clashed with the MNLA near Anefis. "
            + "Mossa Ag Attaher said the movement was not weak and was growing in the Adrar. "
            + "Colonel Sidi Keita later said the MNLA was growing again in the desert.",
            PartialDate.OfMonth(2012, 6));
        var ansarDine = r.Entity(EntityType.ArmedGroup, "Ansar Dine");
        var mnla = r.Entity(EntityType.ArmedGroup, "MNLA");
        var officer = r.Entity(EntityType.Person, "Colonel Sidi Keita");
        var spokesman = r.Entity(EntityType.Person, "Mossa Ag Attaher");
        r.Relation("opposes", ansarDine, mnla, "clashed with the MNLA");
        r.Relation("affiliated_with", spokesman, mnla, "Mossa Ag Attaher said the movement", role: "spokesman");
        r.Claim(spokesman, "said", "the movement was not weak and was growing in the Adrar", mnla);
        r.Claim(officer, "said", "the MNLA was growing again in the desert", mnla);
        return r.Build();
    }

    /// <summary>March 2017, years later: MUJAO and AQIM at odds. History, not a contradiction of 2012.</summary>
    internal static Report Later()
    {
        var r = new ReportBuilder(
            "A rift in the desert",
            "MUJAO veterans opposed AQIM over the spoils of kidnapping. "
            + "Niger troops patrolled the Niger River near Ayorou. "
            + "The Ayorou Council, which residents also call Ayorou, met the troops.",
            PartialDate.OfMonth(2017, 3));
        var mujao = r.Entity(EntityType.ArmedGroup, "MUJAO");
        var aqim = r.Entity(EntityType.ArmedGroup, "AQIM");
        r.Entity(EntityType.Country, "Niger", "Niger troops");
        r.Entity(EntityType.Place, "Niger", "Niger River");
        r.Entity(EntityType.Place, "Ayorou");
        r.Entity(EntityType.Organization, "Ayorou Council", "Ayorou Council", "Ayorou");
        r.Relation("opposes", mujao, aqim, "opposed AQIM");
        return r.Build();
    }

    /// <summary>
    /// May 2012, one report: GATIA allied with the MAA and then fought it. A change told by one source, not
    /// two sources in conflict.
    /// </summary>
    internal static Report Turnabout()
    {
        var r = new ReportBuilder(
            "Tabankort changes hands",
            "GATIA cooperated with the MAA at Tabankort in the spring. "
            + "By May, GATIA fought the MAA for the wells of Anefis.",
            PartialDate.OfMonth(2012, 5));
        var gatia = r.Entity(EntityType.ArmedGroup, "GATIA");
        var maa = r.Entity(EntityType.ArmedGroup, "MAA");
        r.Relation("cooperates_with", gatia, maa, "cooperated with the MAA");
        r.Relation("opposes", gatia, maa, "fought the MAA");
        return r.Build();
    }

    /// <summary>
    /// Adds the actor attributes table as the kb-store migration describes it (if the schema does not have
    /// it yet) and plants attribute statements: strength 3,000 / 4,000 / 9,000 and founded 2011 / 2010 / 2011-10 for the MNLA; for GATIA, two
    /// figures and two founding years from one unattributed report, which is one source and no dispute.
    /// </summary>
    public void PlantAttributes()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Location, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            """
            CREATE TABLE IF NOT EXISTS properties (
                seq INTEGER PRIMARY KEY, id TEXT NOT NULL, document_id TEXT NOT NULL, entity_id TEXT NOT NULL,
                name TEXT NOT NULL, value TEXT NOT NULL, surface TEXT NOT NULL, speaker_id TEXT, as_of TEXT,
                as_of_precision TEXT, evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL,
                component TEXT NOT NULL, confidence REAL NOT NULL, status TEXT NOT NULL DEFAULT 'proposed');
            INSERT INTO properties (id, document_id, entity_id, name, value, surface, speaker_id, as_of, as_of_precision, evidence_start, evidence_end, component, confidence)
            VALUES ('p1', $a, $mnla, 'strength', '3000', 'some 3,000 fighters', NULL, NULL, NULL, 0, 10, 'test', 0.9),
                   ('p2', $c, $mnla, 'strength', '4000', '4,000 men', $spokesman, '2012-06', 'Month', 0, 10, 'test', 0.9),
                   ('p3', $c, $mnla, 'strength', '9000', 'nearly 9,000 fighters', $officer, NULL, NULL, 0, 10, 'test', 0.9),
                   ('p4', $a, $mnla, 'founded', '2011', 'founded in 2011', NULL, NULL, NULL, 0, 10, 'test', 0.9),
                   ('p5', $c, $mnla, 'founded', '2010', 'created in 2010', $spokesman, NULL, NULL, 0, 10, 'test', 0.9),
                   ('p6', $c, $mnla, 'founded', '2011-10', 'formed in October 2011', NULL, NULL, NULL, 0, 10, 'test', 0.9),
                   ('p7', $a, $mnla, 'ideology', 'separatist', 'separatist', NULL, NULL, NULL, 0, 10, 'test', 0.9),
                   ('p8', $c, $mnla, 'ideology', 'secular', 'secular', NULL, NULL, NULL, 0, 10, 'test', 0.9),
                   ('p9', $t, $gatia, 'strength', '500', '500 men', NULL, NULL, NULL, 0, 10, 'test', 0.9),
                   ('p10', $t, $gatia, 'strength', '5000', '5,000 with its allies', NULL, NULL, NULL, 0, 10, 'test', 0.9),
                   ('p11', $t, $gatia, 'founded', '2014', 'formed in 2014', NULL, NULL, NULL, 0, 10, 'test', 0.9),
                   ('p12', $t, $gatia, 'founded', '2013', 'its first cells in 2013', NULL, NULL, NULL, 0, 10, 'test', 0.9);
            """;
        command.Parameters.AddWithValue("$a", AllianceId);
        command.Parameters.AddWithValue("$c", ClashesId);
        command.Parameters.AddWithValue("$mnla", Mnla);
        command.Parameters.AddWithValue("$officer", Officer);
        command.Parameters.AddWithValue("$spokesman", Spokesman);
        command.Parameters.AddWithValue("$t", Turnabout().Id);
        command.Parameters.AddWithValue("$gatia", Gatia);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
