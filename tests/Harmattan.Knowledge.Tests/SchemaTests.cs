namespace Harmattan.Knowledge.Tests;

public sealed class SchemaTests
{
    // The relation types of the extraction contract (shared/eval/GUIDELINES.md, "Relations").
    private static readonly string[] GuidelineRelations =
        ["affiliated_with", "leads", "offshoot_of", "cooperates_with", "opposes", "operates_in", "originated_in"];

    private static readonly string[] GuidelineEvents =
        ["coup", "uprising", "rebellion", "attack", "battle", "kidnapping", "takeover", "agreement", "negotiation",
         "founding", "merger", "election", "intervention", "withdrawal", "death", "displacement", "arms_purchase", "protest"];

    [Fact]
    public void Entity_files_are_exactly_the_EntityType_enum()
    {
        // Snapshot of the closed set: if the enum or the YAML files change, this fails until both agree.
        var files = Directory.GetFiles(Path.Combine(TestData.Data.SchemaPath, "entities"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray();
        var names = Enum.GetNames<EntityType>().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["ArmedGroup", "Country", "Organization", "PeopleGroup", "Person", "Place"], names);
        Assert.Equal(names, files);
        Assert.Equal(Enum.GetValues<EntityType>(), TestData.Schema.EntityTypes.Select(e => e.Type));
    }

    [Fact]
    public void Relation_files_cover_the_guideline_relations()
    {
        var names = TestData.Schema.RelationTypes.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(GuidelineRelations, r => Assert.Contains(r, names));
        Assert.True(TestData.Schema.TryGetRelation("cooperates_with", out var coop));
        Assert.False(coop.Directed);
        Assert.True(TestData.Schema.TryGetRelation("offshoot_of", out var offshoot));
        Assert.True(offshoot.Directed);
        Assert.Equal("derived-from", offshoot.StixRelationshipType);
        Assert.True(TestData.Schema.TryGetRelation("leads", out var leads));
        Assert.True(leads.Allows(EntityType.Person, EntityType.ArmedGroup));
        Assert.False(leads.Allows(EntityType.ArmedGroup, EntityType.Person));
        Assert.True(TestData.Schema.TryGetRelation("opposes", out var opposes));
        Assert.True(opposes.Allows(EntityType.Country, EntityType.ArmedGroup));
    }

    [Fact]
    public void Event_files_cover_the_event_types()
    {
        var names = TestData.Schema.EventTypes.Select(e => e.Name).ToArray();
        Assert.All(GuidelineEvents, e => Assert.Contains(e, names));
        Assert.True(TestData.Schema.TryGetEvent("talks", out var talks));
        Assert.Equal("negotiation", talks.Name);
        Assert.True(TestData.Schema.TryGetEvent("kidnapping", out var kidnapping));
        Assert.Equal("Abduction/forced disappearance", kidnapping.AcledSubEventType);
    }

    [Fact]
    public void Entity_types_carry_their_export_names()
    {
        Assert.Equal("threat-actor", TestData.Schema.Entity(EntityType.ArmedGroup).StixType);
        Assert.Equal(EntityType.Organization, TestData.Schema.Entity(EntityType.ArmedGroup).Parent);
        Assert.Equal("individual", TestData.Schema.Entity(EntityType.Person).StixIdentityClass);
        Assert.Equal("location", TestData.Schema.Entity(EntityType.Place).StixType);
        Assert.Contains(1, TestData.Schema.Entity(EntityType.Organization).AcledInter);
    }

    [Fact]
    public void An_unknown_key_in_a_schema_file_fails_with_file_and_line()
    {
        var root = TestData.ScratchDataFolder();
        try
        {
            var file = Path.Combine(root, "schema", "relations", "leads.yaml");
            File.AppendAllText(file, "colour: blue\n");
            var lines = File.ReadAllLines(file).Length;
            var e = Assert.Throws<HarmattanException>(() => Schema.Load(DataDirectory.Locate(root)));
            Assert.Equal(HarmattanError.BadDataFile, e.Error);
            Assert.Equal($"{file}:{lines}", e.Subject);
            Assert.Contains("colour", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_missing_field_or_an_entity_type_outside_the_enum_fails()
    {
        var root = TestData.ScratchDataFolder();
        try
        {
            var events = Path.Combine(root, "schema", "events", "coup.yaml");
            File.WriteAllText(events, "name: coup\nlabel: coup\n");
            var e = Assert.Throws<HarmattanException>(() => Schema.Load(DataDirectory.Locate(root)));
            Assert.StartsWith(events + ":", e.Subject, StringComparison.Ordinal);
            Assert.Contains("description", e.Message, StringComparison.Ordinal);

            File.Delete(events);
            File.WriteAllText(Path.Combine(root, "schema", "entities", "Vehicle.yaml"),
                "name: Vehicle\nlabel: Vehicle\nplural: Vehicles\ndescription: x\nstix:\n  type: identity\n");
            e = Assert.Throws<HarmattanException>(() => Schema.Load(DataDirectory.Locate(root)));
            Assert.Contains("closed", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
